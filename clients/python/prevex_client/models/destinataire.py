from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Destinataire")


@_attrs_define
class Destinataire:
    """A partner (`partenaire_id`) or the household (`menage: true`), exactly one of them.

    Attributes:
        partenaire_id (None | Unset | UUID):
        menage (bool | None | Unset):
    """

    partenaire_id: None | Unset | UUID = UNSET
    menage: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        partenaire_id: None | str | Unset
        if isinstance(self.partenaire_id, Unset):
            partenaire_id = UNSET
        elif isinstance(self.partenaire_id, UUID):
            partenaire_id = str(self.partenaire_id)
        else:
            partenaire_id = self.partenaire_id

        menage: bool | None | Unset
        if isinstance(self.menage, Unset):
            menage = UNSET
        else:
            menage = self.menage

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if partenaire_id is not UNSET:
            field_dict["partenaire_id"] = partenaire_id
        if menage is not UNSET:
            field_dict["menage"] = menage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_partenaire_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partenaire_id_type_0 = UUID(data)

                return partenaire_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        partenaire_id = _parse_partenaire_id(d.pop("partenaire_id", UNSET))

        def _parse_menage(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        menage = _parse_menage(d.pop("menage", UNSET))

        destinataire = cls(
            partenaire_id=partenaire_id,
            menage=menage,
        )

        return destinataire
