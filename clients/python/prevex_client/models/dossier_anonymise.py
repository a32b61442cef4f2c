from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DossierAnonymise")


@_attrs_define
class DossierAnonymise:
    """The dossier, closed for `PREVEX_ANONYMISATION_DELAI_JOURS`, was anonymised (docs/protection.md
    §4): its acts no longer carry the household's identity, contacts, street address or allocataire
    number, nor exact amounts, and no later filing can match the household to it. Purge your copies of
    its personal data too.

        Attributes:
            dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
            clos_le (str): The date of its latest closing act (ISO 8601)
            anonymise_le (str): When it was anonymised (ISO 8601 date)
    """

    dossier_id: UUID
    clos_le: str
    anonymise_le: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        clos_le = self.clos_le

        anonymise_le = self.anonymise_le

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "clos_le": clos_le,
                "anonymise_le": anonymise_le,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        clos_le = d.pop("clos_le")

        anonymise_le = d.pop("anonymise_le")

        dossier_anonymise = cls(
            dossier_id=dossier_id,
            clos_le=clos_le,
            anonymise_le=anonymise_le,
        )

        dossier_anonymise.additional_properties = d
        return dossier_anonymise

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
