from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attribution_accordee import AttributionAccordee


T = TypeVar("T", bound="EvenementAttributionAccordee")


@_attrs_define
class EvenementAttributionAccordee:
    """The CCAPEX routed the dossier to a member: the recipient now holds a grant on it (`attribution`).

    Attributes:
        id (UUID):
        type_ (Literal['attribution.accordee']):
        timestamp (datetime.datetime):
        dossier_id (None | UUID):
        data (AttributionAccordee): The CCAPEX routed the dossier to a member: the recipient now holds a grant on it
            (`attribution`).
    """

    id: UUID
    type_: Literal["attribution.accordee"]
    timestamp: datetime.datetime
    dossier_id: None | UUID
    data: AttributionAccordee
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_

        timestamp = self.timestamp.isoformat()

        dossier_id: None | str
        if isinstance(self.dossier_id, UUID):
            dossier_id = str(self.dossier_id)
        else:
            dossier_id = self.dossier_id

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "timestamp": timestamp,
                "dossier_id": dossier_id,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_accordee import AttributionAccordee  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = cast(Literal["attribution.accordee"], d.pop("type"))
        if type_ != "attribution.accordee":
            raise ValueError(f"type must match const 'attribution.accordee', got '{type_}'")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        def _parse_dossier_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dossier_id_type_0 = UUID(data)

                return dossier_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        dossier_id = _parse_dossier_id(d.pop("dossier_id"))

        data = AttributionAccordee.from_dict(d.pop("data"))

        evenement_attribution_accordee = cls(
            id=id,
            type_=type_,
            timestamp=timestamp,
            dossier_id=dossier_id,
            data=data,
        )

        evenement_attribution_accordee.additional_properties = d
        return evenement_attribution_accordee

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
