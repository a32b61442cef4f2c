from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ligne_parc import LigneParc

T = TypeVar("T", bound="Ligne")


@_attrs_define
class Ligne:
    """
    Attributes:
        annee (int): Year of the act's own date (cohorts: year of the dossier's first CDP)
        indicateur (str): Its name, defined in docs/statistiques.md with the charter line
        parc (LigneParc): The parc the dossier had at the act's date (not today's)
        valeur (float | int | None): null when masked
        masque (bool): Hidden: below the threshold, or so that no total gives a hidden cell back
    """

    annee: int
    indicateur: str
    parc: LigneParc
    valeur: float | int | None
    masque: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        annee = self.annee

        indicateur = self.indicateur

        parc = self.parc.value

        valeur: float | int | None
        valeur = self.valeur

        masque = self.masque

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "annee": annee,
                "indicateur": indicateur,
                "parc": parc,
                "valeur": valeur,
                "masque": masque,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annee = d.pop("annee")

        indicateur = d.pop("indicateur")

        parc = LigneParc(d.pop("parc"))

        def _parse_valeur(data: object) -> float | int | None:
            if data is None:
                return data
            return cast(float | int | None, data)

        valeur = _parse_valeur(d.pop("valeur"))

        masque = d.pop("masque")

        ligne = cls(
            annee=annee,
            indicateur=indicateur,
            parc=parc,
            valeur=valeur,
            masque=masque,
        )

        ligne.additional_properties = d
        return ligne

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
