from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.point_releve_issue_type_0 import PointReleveIssueType0

T = TypeVar("T", bound="PointReleve")


@_attrs_define
class PointReleve:
    """
    Attributes:
        dossier_id (UUID):
        issue (None | PointReleveIssueType0):
    """

    dossier_id: UUID
    issue: None | PointReleveIssueType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        issue: None | str
        if isinstance(self.issue, PointReleveIssueType0):
            issue = self.issue.value
        else:
            issue = self.issue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "issue": issue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        def _parse_issue(data: object) -> None | PointReleveIssueType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_type_0 = PointReleveIssueType0(data)

                return issue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PointReleveIssueType0, data)

        issue = _parse_issue(d.pop("issue"))

        point_releve = cls(
            dossier_id=dossier_id,
            issue=issue,
        )

        point_releve.additional_properties = d
        return point_releve

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
