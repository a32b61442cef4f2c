from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DossierClos")


@_attrs_define
class DossierClos:
    """An act that closes the dossier was filed (`expulsion`, `cloture`).

    Attributes:
        dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
        acte_id (UUID): The act
        type_ (str): The act's type, e.g. `signalement_impaye`
    """

    dossier_id: UUID
    acte_id: UUID
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        acte_id = str(self.acte_id)

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "acte_id": acte_id,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        acte_id = UUID(d.pop("acte_id"))

        type_ = d.pop("type")

        dossier_clos = cls(
            dossier_id=dossier_id,
            acte_id=acte_id,
            type_=type_,
        )

        dossier_clos.additional_properties = d
        return dossier_clos

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
