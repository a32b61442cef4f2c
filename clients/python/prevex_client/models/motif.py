from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Motif")


@_attrs_define
class Motif:
    """One open orientation addressed to the CCAPEX: why the dossier is on its list.

    Attributes:
        decision_id (UUID):
        code (str): The orientation's code (`signalement_ccapex`, `saisine_ccapex_…`)
        regle (str): The rule that made it
        source (str): Law article or charter file and line
        depuis (datetime.datetime): Since when it is open
    """

    decision_id: UUID
    code: str
    regle: str
    source: str
    depuis: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision_id = str(self.decision_id)

        code = self.code

        regle = self.regle

        source = self.source

        depuis = self.depuis.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision_id": decision_id,
                "code": code,
                "regle": regle,
                "source": source,
                "depuis": depuis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision_id = UUID(d.pop("decision_id"))

        code = d.pop("code")

        regle = d.pop("regle")

        source = d.pop("source")

        depuis = datetime.datetime.fromisoformat(d.pop("depuis"))

        motif = cls(
            decision_id=decision_id,
            code=code,
            regle=regle,
            source=source,
            depuis=depuis,
        )

        motif.additional_properties = d
        return motif

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
