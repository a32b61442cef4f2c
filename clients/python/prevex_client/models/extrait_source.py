from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExtraitSource")


@_attrs_define
class ExtraitSource:
    """Lines of a source text the rules cite (a public charter shipped with Prevex).

    Attributes:
        fichier (str): The source text's file name, as the rules cite it (`seeds/<fichier>:L…`)
        lignes (str): The lines served: `n` or `n-m`, numbered as in the original text
        texte (str): Those lines, joined by newlines, as published (OCR errors included)
    """

    fichier: str
    lignes: str
    texte: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fichier = self.fichier

        lignes = self.lignes

        texte = self.texte

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fichier": fichier,
                "lignes": lignes,
                "texte": texte,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fichier = d.pop("fichier")

        lignes = d.pop("lignes")

        texte = d.pop("texte")

        extrait_source = cls(
            fichier=fichier,
            lignes=lignes,
            texte=texte,
        )

        extrait_source.additional_properties = d
        return extrait_source

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
