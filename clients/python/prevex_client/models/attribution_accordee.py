from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttributionAccordee")


@_attrs_define
class AttributionAccordee:
    """The CCAPEX routed the dossier to a member: the recipient now holds a grant on it (`attribution`).

    Attributes:
        dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
        partenaire_id (UUID): The member that holds the grant
        accorde_par (UUID): The CCAPEX that granted it
    """

    dossier_id: UUID
    partenaire_id: UUID
    accorde_par: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        partenaire_id = str(self.partenaire_id)

        accorde_par = str(self.accorde_par)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "partenaire_id": partenaire_id,
                "accorde_par": accorde_par,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        partenaire_id = UUID(d.pop("partenaire_id"))

        accorde_par = UUID(d.pop("accorde_par"))

        attribution_accordee = cls(
            dossier_id=dossier_id,
            partenaire_id=partenaire_id,
            accorde_par=accorde_par,
        )

        attribution_accordee.additional_properties = d
        return attribution_accordee

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
