from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EtudeCommissaire")


@_attrs_define
class EtudeCommissaire:
    """The commissaire de justice's étude (office).

    Attributes:
        nom (str):
        siret (None | str | Unset):
    """

    nom: str
    siret: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        nom = self.nom

        siret: None | str | Unset
        if isinstance(self.siret, Unset):
            siret = UNSET
        else:
            siret = self.siret

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "nom": nom,
            }
        )
        if siret is not UNSET:
            field_dict["siret"] = siret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nom = d.pop("nom")

        def _parse_siret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        siret = _parse_siret(d.pop("siret", UNSET))

        etude_commissaire = cls(
            nom=nom,
            siret=siret,
        )

        return etude_commissaire
