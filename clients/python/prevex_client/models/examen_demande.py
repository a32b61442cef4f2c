from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.examen_demande_issue import ExamenDemandeIssue
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExamenDemande")


@_attrs_define
class ExamenDemande:
    """
    Attributes:
        issue (ExamenDemandeIssue): `examine`, `ajourne` (to a later session) or `retire`
        avis (None | str | Unset): The session's opinion (no personal data)
    """

    issue: ExamenDemandeIssue
    avis: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        issue = self.issue.value

        avis: None | str | Unset
        if isinstance(self.avis, Unset):
            avis = UNSET
        else:
            avis = self.avis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issue": issue,
            }
        )
        if avis is not UNSET:
            field_dict["avis"] = avis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issue = ExamenDemandeIssue(d.pop("issue"))

        def _parse_avis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        avis = _parse_avis(d.pop("avis", UNSET))

        examen_demande = cls(
            issue=issue,
            avis=avis,
        )

        return examen_demande
