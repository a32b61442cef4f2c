from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Proposition")


@_attrs_define
class Proposition:
    """A charter's routing rule that applies to the dossier: route it with an attribution.

    Attributes:
        code (str): The orientation's code (e.g. `ccapex_locale`)
        regle (str): The rule that proposes it
        source (str): The charter file and line
        kind (None | str): The partner kind it routes to
        partenaires (list[UUID]): The active partners of that kind in the territory
    """

    code: str
    regle: str
    source: str
    kind: None | str
    partenaires: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        regle = self.regle

        source = self.source

        kind: None | str
        kind = self.kind

        partenaires = []
        for partenaires_item_data in self.partenaires:
            partenaires_item = str(partenaires_item_data)
            partenaires.append(partenaires_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "regle": regle,
                "source": source,
                "kind": kind,
                "partenaires": partenaires,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        regle = d.pop("regle")

        source = d.pop("source")

        def _parse_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind = _parse_kind(d.pop("kind"))

        partenaires = []
        _partenaires = d.pop("partenaires")
        for partenaires_item_data in _partenaires:
            partenaires_item = UUID(partenaires_item_data)

            partenaires.append(partenaires_item)

        proposition = cls(
            code=code,
            regle=regle,
            source=source,
            kind=kind,
            partenaires=partenaires,
        )

        proposition.additional_properties = d
        return proposition

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
