from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consentement_statut import ConsentementStatut

T = TypeVar("T", bound="Consentement")


@_attrs_define
class Consentement:
    """
    Attributes:
        dossier_id (UUID):
        commission_id (UUID):
        statut (ConsentementStatut):
        date (datetime.date):
        enregistre_le (datetime.datetime):
    """

    dossier_id: UUID
    commission_id: UUID
    statut: ConsentementStatut
    date: datetime.date
    enregistre_le: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        commission_id = str(self.commission_id)

        statut = self.statut.value

        date = self.date.isoformat()

        enregistre_le = self.enregistre_le.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "commission_id": commission_id,
                "statut": statut,
                "date": date,
                "enregistre_le": enregistre_le,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        commission_id = UUID(d.pop("commission_id"))

        statut = ConsentementStatut(d.pop("statut"))

        date = datetime.date.fromisoformat(d.pop("date"))

        enregistre_le = datetime.datetime.fromisoformat(d.pop("enregistre_le"))

        consentement = cls(
            dossier_id=dossier_id,
            commission_id=commission_id,
            statut=statut,
            date=date,
            enregistre_le=enregistre_le,
        )

        consentement.additional_properties = d
        return consentement

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
