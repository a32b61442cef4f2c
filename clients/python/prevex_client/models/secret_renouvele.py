from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SecretRenouvele")


@_attrs_define
class SecretRenouvele:
    """
    Attributes:
        id (UUID):
        secret (str): The new `whsec_…` secret, shown this once
        precedent_valide_jusqu_a (datetime.datetime): Until then deliveries carry two signatures (old and new secret):
            switch meanwhile
    """

    id: UUID
    secret: str
    precedent_valide_jusqu_a: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        secret = self.secret

        precedent_valide_jusqu_a = self.precedent_valide_jusqu_a.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "secret": secret,
                "precedent_valide_jusqu_a": precedent_valide_jusqu_a,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        secret = d.pop("secret")

        precedent_valide_jusqu_a = datetime.datetime.fromisoformat(d.pop("precedent_valide_jusqu_a"))

        secret_renouvele = cls(
            id=id,
            secret=secret,
            precedent_valide_jusqu_a=precedent_valide_jusqu_a,
        )

        secret_renouvele.additional_properties = d
        return secret_renouvele

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
