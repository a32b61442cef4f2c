from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.suivi_statut import SuiviStatut

T = TypeVar("T", bound="Suivi")


@_attrs_define
class Suivi:
    """
    Attributes:
        statut (SuiviStatut):
        date (datetime.date):
        commentaire (None | str):
        partenaire_id (UUID): Who recorded it
        at (datetime.datetime):
    """

    statut: SuiviStatut
    date: datetime.date
    commentaire: None | str
    partenaire_id: UUID
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        statut = self.statut.value

        date = self.date.isoformat()

        commentaire: None | str
        commentaire = self.commentaire

        partenaire_id = str(self.partenaire_id)

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "statut": statut,
                "date": date,
                "commentaire": commentaire,
                "partenaire_id": partenaire_id,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        statut = SuiviStatut(d.pop("statut"))

        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_commentaire(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        commentaire = _parse_commentaire(d.pop("commentaire"))

        partenaire_id = UUID(d.pop("partenaire_id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        suivi = cls(
            statut=statut,
            date=date,
            commentaire=commentaire,
            partenaire_id=partenaire_id,
            at=at,
        )

        suivi.additional_properties = d
        return suivi

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
