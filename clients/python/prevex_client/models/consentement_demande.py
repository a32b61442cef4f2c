from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.consentement_demande_statut import ConsentementDemandeStatut

T = TypeVar("T", bound="ConsentementDemande")


@_attrs_define
class ConsentementDemande:
    """
    Attributes:
        commission_id (UUID): The local commission (CLPIL, CLIL)
        statut (ConsentementDemandeStatut): `informe`: told, did not object; `refus`: the household refused
        date (datetime.date): When the household said it
    """

    commission_id: UUID
    statut: ConsentementDemandeStatut
    date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        commission_id = str(self.commission_id)

        statut = self.statut.value

        date = self.date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "commission_id": commission_id,
                "statut": statut,
                "date": date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        commission_id = UUID(d.pop("commission_id"))

        statut = ConsentementDemandeStatut(d.pop("statut"))

        date = datetime.date.fromisoformat(d.pop("date"))

        consentement_demande = cls(
            commission_id=commission_id,
            statut=statut,
            date=date,
        )

        return consentement_demande
