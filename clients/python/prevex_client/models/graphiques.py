from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.graphiques_tendances import GraphiquesTendances


T = TypeVar("T", bound="Graphiques")


@_attrs_define
class Graphiques:
    """
    Attributes:
        entonnoir (str): The yearly funnel per stage (SVG)
        tendances (GraphiquesTendances): Each count's trend over the years (SVG), by indicator
    """

    entonnoir: str
    tendances: GraphiquesTendances
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entonnoir = self.entonnoir

        tendances = self.tendances.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entonnoir": entonnoir,
                "tendances": tendances,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graphiques_tendances import GraphiquesTendances  # noqa: PLC0415

        d = dict(src_dict)
        entonnoir = d.pop("entonnoir")

        tendances = GraphiquesTendances.from_dict(d.pop("tendances"))

        graphiques = cls(
            entonnoir=entonnoir,
            tendances=tendances,
        )

        graphiques.additional_properties = d
        return graphiques

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
