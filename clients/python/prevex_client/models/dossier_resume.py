from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DossierResume")


@_attrs_define
class DossierResume:
    """
    Attributes:
        id (str):
        territoire (str):
        parc (None | str):
        stade (str):
        created_at (str):
        updated_at (str):
    """

    id: str
    territoire: str
    parc: None | str
    stade: str
    created_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        territoire = self.territoire

        parc: None | str
        parc = self.parc

        stade = self.stade

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "territoire": territoire,
                "parc": parc,
                "stade": stade,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        territoire = d.pop("territoire")

        def _parse_parc(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parc = _parse_parc(d.pop("parc"))

        stade = d.pop("stade")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        dossier_resume = cls(
            id=id,
            territoire=territoire,
            parc=parc,
            stade=stade,
            created_at=created_at,
            updated_at=updated_at,
        )

        dossier_resume.additional_properties = d
        return dossier_resume

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
