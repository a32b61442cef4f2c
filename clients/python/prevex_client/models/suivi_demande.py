from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.suivi_demande_statut import SuiviDemandeStatut
from ..types import UNSET, Unset

T = TypeVar("T", bound="SuiviDemande")


@_attrs_define
class SuiviDemande:
    """
    Attributes:
        statut (SuiviDemandeStatut):
        date (datetime.date): When it happened
        commentaire (None | str | Unset):
    """

    statut: SuiviDemandeStatut
    date: datetime.date
    commentaire: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        statut = self.statut.value

        date = self.date.isoformat()

        commentaire: None | str | Unset
        if isinstance(self.commentaire, Unset):
            commentaire = UNSET
        else:
            commentaire = self.commentaire

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "statut": statut,
                "date": date,
            }
        )
        if commentaire is not UNSET:
            field_dict["commentaire"] = commentaire

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        statut = SuiviDemandeStatut(d.pop("statut"))

        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_commentaire(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        commentaire = _parse_commentaire(d.pop("commentaire", UNSET))

        suivi_demande = cls(
            statut=statut,
            date=date,
            commentaire=commentaire,
        )

        return suivi_demande
