from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fait import Fait


T = TypeVar("T", bound="DossierVueFaits")


@_attrs_define
class DossierVueFaits:
    """Each fact (dotted paths) with its current value: the one stated by the act with the most recent date_acte (then the
    latest received), with its source; an old act filed late joins the history without overriding newer facts

    """

    additional_properties: dict[str, Fait] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fait import Fait  # noqa: PLC0415

        d = dict(src_dict)
        dossier_vue_faits = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = Fait.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        dossier_vue_faits.additional_properties = additional_properties
        return dossier_vue_faits

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Fait:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Fait) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
