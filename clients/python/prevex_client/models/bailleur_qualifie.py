from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.bailleur_qualifie_categorie import BailleurQualifieCategorie
from ..types import UNSET, Unset

T = TypeVar("T", bound="BailleurQualifie")


@_attrs_define
class BailleurQualifie:
    """A landlord whose category is known (required on a commandement de payer).

    Attributes:
        categorie (BailleurQualifieCategorie): personne_physique, sci_familiale (family SCI up to the 4th degree),
            personne_morale, bailleur_social.
        nom (None | str | Unset):
        siren (None | str | Unset): SIREN of a legal-person landlord.
    """

    categorie: BailleurQualifieCategorie
    nom: None | str | Unset = UNSET
    siren: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        categorie = self.categorie.value

        nom: None | str | Unset
        if isinstance(self.nom, Unset):
            nom = UNSET
        else:
            nom = self.nom

        siren: None | str | Unset
        if isinstance(self.siren, Unset):
            siren = UNSET
        else:
            siren = self.siren

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "categorie": categorie,
            }
        )
        if nom is not UNSET:
            field_dict["nom"] = nom
        if siren is not UNSET:
            field_dict["siren"] = siren

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        categorie = BailleurQualifieCategorie(d.pop("categorie"))

        def _parse_nom(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nom = _parse_nom(d.pop("nom", UNSET))

        def _parse_siren(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        siren = _parse_siren(d.pop("siren", UNSET))

        bailleur_qualifie = cls(
            categorie=categorie,
            nom=nom,
            siren=siren,
        )

        return bailleur_qualifie
