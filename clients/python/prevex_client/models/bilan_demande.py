from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BilanDemande")


@_attrs_define
class BilanDemande:
    """Twelve months after the session that examined the dossier: the secretariat is asked for the outcome
    (`PUT /v1/dossiers/{id}/bilan`). Sent once.

        Attributes:
            dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
            seance_id (UUID): The session
            seance_date (str): Its date (ISO 8601)
            modifiable_jusqu_au (str): The last day the outcome may be recorded or changed
    """

    dossier_id: UUID
    seance_id: UUID
    seance_date: str
    modifiable_jusqu_au: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        seance_id = str(self.seance_id)

        seance_date = self.seance_date

        modifiable_jusqu_au = self.modifiable_jusqu_au

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "seance_id": seance_id,
                "seance_date": seance_date,
                "modifiable_jusqu_au": modifiable_jusqu_au,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        seance_id = UUID(d.pop("seance_id"))

        seance_date = d.pop("seance_date")

        modifiable_jusqu_au = d.pop("modifiable_jusqu_au")

        bilan_demande = cls(
            dossier_id=dossier_id,
            seance_id=seance_id,
            seance_date=seance_date,
            modifiable_jusqu_au=modifiable_jusqu_au,
        )

        bilan_demande.additional_properties = d
        return bilan_demande

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
