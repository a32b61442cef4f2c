from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AbonnementDesactive")


@_attrs_define
class AbonnementDesactive:
    """Prevex disabled one of the partner's webhook subscriptions (no dossier).

    Attributes:
        abonnement_id (UUID): The subscription
        url (str): Its endpoint
        motif (str): `410` (the endpoint said Gone) or `budget_epuise` (retries exhausted)
    """

    abonnement_id: UUID
    url: str
    motif: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        abonnement_id = str(self.abonnement_id)

        url = self.url

        motif = self.motif

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "abonnement_id": abonnement_id,
                "url": url,
                "motif": motif,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        abonnement_id = UUID(d.pop("abonnement_id"))

        url = d.pop("url")

        motif = d.pop("motif")

        abonnement_desactive = cls(
            abonnement_id=abonnement_id,
            url=url,
            motif=motif,
        )

        abonnement_desactive.additional_properties = d
        return abonnement_desactive

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
