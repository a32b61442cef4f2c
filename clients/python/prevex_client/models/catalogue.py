from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.catalogue_codes import CatalogueCodes
    from ..models.jeu_de_regles import JeuDeRegles


T = TypeVar("T", bound="Catalogue")


@_attrs_define
class Catalogue:
    """
    Attributes:
        jeux (list[JeuDeRegles]):
        codes (CatalogueCodes): Every public decision code, by kind, with its meaning
    """

    jeux: list[JeuDeRegles]
    codes: CatalogueCodes
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        jeux = []
        for jeux_item_data in self.jeux:
            jeux_item = jeux_item_data.to_dict()
            jeux.append(jeux_item)

        codes = self.codes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jeux": jeux,
                "codes": codes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalogue_codes import CatalogueCodes  # noqa: PLC0415
        from ..models.jeu_de_regles import JeuDeRegles  # noqa: PLC0415

        d = dict(src_dict)
        jeux = []
        _jeux = d.pop("jeux")
        for jeux_item_data in _jeux:
            jeux_item = JeuDeRegles.from_dict(jeux_item_data)

            jeux.append(jeux_item)

        codes = CatalogueCodes.from_dict(d.pop("codes"))

        catalogue = cls(
            jeux=jeux,
            codes=codes,
        )

        catalogue.additional_properties = d
        return catalogue

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
