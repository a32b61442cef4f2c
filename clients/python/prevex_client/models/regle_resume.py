from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RegleResume")


@_attrs_define
class RegleResume:
    """
    Attributes:
        id (str):
        titre (str):
        du (None | str):
        au (None | str):
        source (str):
    """

    id: str
    titre: str
    du: None | str
    au: None | str
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        titre = self.titre

        du: None | str
        du = self.du

        au: None | str
        au = self.au

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "titre": titre,
                "du": du,
                "au": au,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        titre = d.pop("titre")

        def _parse_du(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        du = _parse_du(d.pop("du"))

        def _parse_au(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        au = _parse_au(d.pop("au"))

        source = d.pop("source")

        regle_resume = cls(
            id=id,
            titre=titre,
            du=du,
            au=au,
            source=source,
        )

        regle_resume.additional_properties = d
        return regle_resume

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
