from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.regle_resume import RegleResume


T = TypeVar("T", bound="JeuDeRegles")


@_attrs_define
class JeuDeRegles:
    """
    Attributes:
        territoire (str):
        version (str):
        titre (str):
        source (str):
        regles (list[RegleResume]):
    """

    territoire: str
    version: str
    titre: str
    source: str
    regles: list[RegleResume]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        territoire = self.territoire

        version = self.version

        titre = self.titre

        source = self.source

        regles = []
        for regles_item_data in self.regles:
            regles_item = regles_item_data.to_dict()
            regles.append(regles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "territoire": territoire,
                "version": version,
                "titre": titre,
                "source": source,
                "regles": regles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.regle_resume import RegleResume  # noqa: PLC0415

        d = dict(src_dict)
        territoire = d.pop("territoire")

        version = d.pop("version")

        titre = d.pop("titre")

        source = d.pop("source")

        regles = []
        _regles = d.pop("regles")
        for regles_item_data in _regles:
            regles_item = RegleResume.from_dict(regles_item_data)

            regles.append(regles_item)

        jeu_de_regles = cls(
            territoire=territoire,
            version=version,
            titre=titre,
            source=source,
            regles=regles,
        )

        jeu_de_regles.additional_properties = d
        return jeu_de_regles

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
