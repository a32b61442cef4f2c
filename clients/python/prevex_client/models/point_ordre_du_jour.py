from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.point_ordre_du_jour_issue_type_0 import PointOrdreDuJourIssueType0

T = TypeVar("T", bound="PointOrdreDuJour")


@_attrs_define
class PointOrdreDuJour:
    """
    Attributes:
        dossier_id (UUID):
        ajoute_le (datetime.datetime):
        issue (None | PointOrdreDuJourIssueType0): The outcome; null until the secretariat records it
        avis (None | str):
        issue_le (datetime.datetime | None):
    """

    dossier_id: UUID
    ajoute_le: datetime.datetime
    issue: None | PointOrdreDuJourIssueType0
    avis: None | str
    issue_le: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        ajoute_le = self.ajoute_le.isoformat()

        issue: None | str
        if isinstance(self.issue, PointOrdreDuJourIssueType0):
            issue = self.issue.value
        else:
            issue = self.issue

        avis: None | str
        avis = self.avis

        issue_le: None | str
        if isinstance(self.issue_le, datetime.datetime):
            issue_le = self.issue_le.isoformat()
        else:
            issue_le = self.issue_le

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "ajoute_le": ajoute_le,
                "issue": issue,
                "avis": avis,
                "issue_le": issue_le,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        ajoute_le = datetime.datetime.fromisoformat(d.pop("ajoute_le"))

        def _parse_issue(data: object) -> None | PointOrdreDuJourIssueType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_type_0 = PointOrdreDuJourIssueType0(data)

                return issue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PointOrdreDuJourIssueType0, data)

        issue = _parse_issue(d.pop("issue"))

        def _parse_avis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        avis = _parse_avis(d.pop("avis"))

        def _parse_issue_le(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_le_type_0 = datetime.datetime.fromisoformat(data)

                return issue_le_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        issue_le = _parse_issue_le(d.pop("issue_le"))

        point_ordre_du_jour = cls(
            dossier_id=dossier_id,
            ajoute_le=ajoute_le,
            issue=issue,
            avis=avis,
            issue_le=issue_le,
        )

        point_ordre_du_jour.additional_properties = d
        return point_ordre_du_jour

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
