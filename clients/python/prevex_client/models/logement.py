from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Logement")


@_attrs_define
class Logement:
    """The dwelling.

    Attributes:
        adresse (str): Street address (number, street, building, floor).
        code_postal (str):
        code_commune (None | str | Unset): INSEE commune code (not the postal code); must match `territoire`.
    """

    adresse: str
    code_postal: str
    code_commune: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        adresse = self.adresse

        code_postal = self.code_postal

        code_commune: None | str | Unset
        if isinstance(self.code_commune, Unset):
            code_commune = UNSET
        else:
            code_commune = self.code_commune

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adresse": adresse,
                "code_postal": code_postal,
            }
        )
        if code_commune is not UNSET:
            field_dict["code_commune"] = code_commune

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adresse = d.pop("adresse")

        code_postal = d.pop("code_postal")

        def _parse_code_commune(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code_commune = _parse_code_commune(d.pop("code_commune", UNSET))

        logement = cls(
            adresse=adresse,
            code_postal=code_postal,
            code_commune=code_commune,
        )

        return logement
