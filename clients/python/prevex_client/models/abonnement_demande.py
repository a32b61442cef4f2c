from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AbonnementDemande")


@_attrs_define
class AbonnementDemande:
    """
    Attributes:
        url (str): HTTPS URL that receives the events (POST, Standard Webhooks). Plain HTTP and private addresses only
            for the hosts of `PREVEX_WEBHOOK_ALLOWED_HOSTS`
        types (list[str]): Event types to push, or `["*"]` for all of them
    """

    url: str
    types: list[str]

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        types = self.types

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "types": types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        types = cast(list[str], d.pop("types"))

        abonnement_demande = cls(
            url=url,
            types=types,
        )

        return abonnement_demande
