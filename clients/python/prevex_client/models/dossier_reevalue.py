from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DossierReevalue")


@_attrs_define
class DossierReevalue:
    """The rules were run again on the dossier (a rule change) and decided otherwise.

    Attributes:
        dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
        evaluation_id (UUID): The new evaluation
        version_regles (str): The rules' version it ran
        nouvelles_decisions (int): How many decisions it added (each has its `decision.emise`)
    """

    dossier_id: UUID
    evaluation_id: UUID
    version_regles: str
    nouvelles_decisions: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        evaluation_id = str(self.evaluation_id)

        version_regles = self.version_regles

        nouvelles_decisions = self.nouvelles_decisions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "evaluation_id": evaluation_id,
                "version_regles": version_regles,
                "nouvelles_decisions": nouvelles_decisions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        evaluation_id = UUID(d.pop("evaluation_id"))

        version_regles = d.pop("version_regles")

        nouvelles_decisions = d.pop("nouvelles_decisions")

        dossier_reevalue = cls(
            dossier_id=dossier_id,
            evaluation_id=evaluation_id,
            version_regles=version_regles,
            nouvelles_decisions=nouvelles_decisions,
        )

        dossier_reevalue.additional_properties = d
        return dossier_reevalue

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
