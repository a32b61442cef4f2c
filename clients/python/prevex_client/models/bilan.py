from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bilan_issue_type_0 import BilanIssueType0

T = TypeVar("T", bound="Bilan")


@_attrs_define
class Bilan:
    """
    Attributes:
        dossier_id (UUID):
        seance_id (UUID):
        seance_date (datetime.date):
        modifiable_jusqu_au (datetime.date): 20 months after the session: changes refused after
        demande_le (datetime.datetime | None):
        issue (BilanIssueType0 | None):
        surendettement (bool | None):
        fsl (bool | None):
        pcs (bool | None):
        renseigne_le (datetime.datetime | None):
    """

    dossier_id: UUID
    seance_id: UUID
    seance_date: datetime.date
    modifiable_jusqu_au: datetime.date
    demande_le: datetime.datetime | None
    issue: BilanIssueType0 | None
    surendettement: bool | None
    fsl: bool | None
    pcs: bool | None
    renseigne_le: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        seance_id = str(self.seance_id)

        seance_date = self.seance_date.isoformat()

        modifiable_jusqu_au = self.modifiable_jusqu_au.isoformat()

        demande_le: None | str
        if isinstance(self.demande_le, datetime.datetime):
            demande_le = self.demande_le.isoformat()
        else:
            demande_le = self.demande_le

        issue: None | str
        if isinstance(self.issue, BilanIssueType0):
            issue = self.issue.value
        else:
            issue = self.issue

        surendettement: bool | None
        surendettement = self.surendettement

        fsl: bool | None
        fsl = self.fsl

        pcs: bool | None
        pcs = self.pcs

        renseigne_le: None | str
        if isinstance(self.renseigne_le, datetime.datetime):
            renseigne_le = self.renseigne_le.isoformat()
        else:
            renseigne_le = self.renseigne_le

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "seance_id": seance_id,
                "seance_date": seance_date,
                "modifiable_jusqu_au": modifiable_jusqu_au,
                "demande_le": demande_le,
                "issue": issue,
                "surendettement": surendettement,
                "fsl": fsl,
                "pcs": pcs,
                "renseigne_le": renseigne_le,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        seance_id = UUID(d.pop("seance_id"))

        seance_date = datetime.date.fromisoformat(d.pop("seance_date"))

        modifiable_jusqu_au = datetime.date.fromisoformat(d.pop("modifiable_jusqu_au"))

        def _parse_demande_le(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                demande_le_type_0 = datetime.datetime.fromisoformat(data)

                return demande_le_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        demande_le = _parse_demande_le(d.pop("demande_le"))

        def _parse_issue(data: object) -> BilanIssueType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_type_0 = BilanIssueType0(data)

                return issue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BilanIssueType0 | None, data)

        issue = _parse_issue(d.pop("issue"))

        def _parse_surendettement(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        surendettement = _parse_surendettement(d.pop("surendettement"))

        def _parse_fsl(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        fsl = _parse_fsl(d.pop("fsl"))

        def _parse_pcs(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        pcs = _parse_pcs(d.pop("pcs"))

        def _parse_renseigne_le(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renseigne_le_type_0 = datetime.datetime.fromisoformat(data)

                return renseigne_le_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        renseigne_le = _parse_renseigne_le(d.pop("renseigne_le"))

        bilan = cls(
            dossier_id=dossier_id,
            seance_id=seance_id,
            seance_date=seance_date,
            modifiable_jusqu_au=modifiable_jusqu_au,
            demande_le=demande_le,
            issue=issue,
            surendettement=surendettement,
            fsl=fsl,
            pcs=pcs,
            renseigne_le=renseigne_le,
        )

        bilan.additional_properties = d
        return bilan

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
