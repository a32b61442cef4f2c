from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Rendu")


@_attrs_define
class Rendu:
    """What the PDF prints, in French.

    Attributes:
        id (UUID):
        titre (str):
        expediteur (str):
        adresse_destinataire (list[str]):
        date (str): The day it is rendered, in French
        rappel (list[str]): The landlord, the debt and the act's date, as the letter recalls
        paragraphes (list[str]):
        regle (str):
        source (str):
        source_modele (str):
        donnees_manquantes (list[str]): Printed as « [non communiqué] »
    """

    id: UUID
    titre: str
    expediteur: str
    adresse_destinataire: list[str]
    date: str
    rappel: list[str]
    paragraphes: list[str]
    regle: str
    source: str
    source_modele: str
    donnees_manquantes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        titre = self.titre

        expediteur = self.expediteur

        adresse_destinataire = self.adresse_destinataire

        date = self.date

        rappel = self.rappel

        paragraphes = self.paragraphes

        regle = self.regle

        source = self.source

        source_modele = self.source_modele

        donnees_manquantes = self.donnees_manquantes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "titre": titre,
                "expediteur": expediteur,
                "adresse_destinataire": adresse_destinataire,
                "date": date,
                "rappel": rappel,
                "paragraphes": paragraphes,
                "regle": regle,
                "source": source,
                "source_modele": source_modele,
                "donnees_manquantes": donnees_manquantes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        titre = d.pop("titre")

        expediteur = d.pop("expediteur")

        adresse_destinataire = cast(list[str], d.pop("adresse_destinataire"))

        date = d.pop("date")

        rappel = cast(list[str], d.pop("rappel"))

        paragraphes = cast(list[str], d.pop("paragraphes"))

        regle = d.pop("regle")

        source = d.pop("source")

        source_modele = d.pop("source_modele")

        donnees_manquantes = cast(list[str], d.pop("donnees_manquantes"))

        rendu = cls(
            id=id,
            titre=titre,
            expediteur=expediteur,
            adresse_destinataire=adresse_destinataire,
            date=date,
            rappel=rappel,
            paragraphes=paragraphes,
            regle=regle,
            source=source,
            source_modele=source_modele,
            donnees_manquantes=donnees_manquantes,
        )

        rendu.additional_properties = d
        return rendu

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
