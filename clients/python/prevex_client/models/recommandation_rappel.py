from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recommandation_rappel_statut import RecommandationRappelStatut
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecommandationRappel")


@_attrs_define
class RecommandationRappel:
    """Six months after its session a recommendation is still `en_cours`: a reminder to the addressee
    (the emitter for the household). Sent once.

        Attributes:
            dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
            recommandation_id (UUID): The recommendation (`PATCH /v1/recommandations/{id}`)
            nature (str): Its kind, from the catalogue (`docs/ccapex.md`)
            statut (RecommandationRappelStatut): Its follow-up status when the event was written
            destinataire_menage (bool): True when it is addressed to the household
            date_reference (str): The session's date (or the emission's)
            echeance (None | str | Unset): Its due date (ISO 8601)
    """

    dossier_id: UUID
    recommandation_id: UUID
    nature: str
    statut: RecommandationRappelStatut
    destinataire_menage: bool
    date_reference: str
    echeance: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        recommandation_id = str(self.recommandation_id)

        nature = self.nature

        statut = self.statut.value

        destinataire_menage = self.destinataire_menage

        date_reference = self.date_reference

        echeance: None | str | Unset
        if isinstance(self.echeance, Unset):
            echeance = UNSET
        else:
            echeance = self.echeance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "recommandation_id": recommandation_id,
                "nature": nature,
                "statut": statut,
                "destinataire_menage": destinataire_menage,
                "date_reference": date_reference,
            }
        )
        if echeance is not UNSET:
            field_dict["echeance"] = echeance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        recommandation_id = UUID(d.pop("recommandation_id"))

        nature = d.pop("nature")

        statut = RecommandationRappelStatut(d.pop("statut"))

        destinataire_menage = d.pop("destinataire_menage")

        date_reference = d.pop("date_reference")

        def _parse_echeance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        echeance = _parse_echeance(d.pop("echeance", UNSET))

        recommandation_rappel = cls(
            dossier_id=dossier_id,
            recommandation_id=recommandation_id,
            nature=nature,
            statut=statut,
            destinataire_menage=destinataire_menage,
            date_reference=date_reference,
            echeance=echeance,
        )

        recommandation_rappel.additional_properties = d
        return recommandation_rappel

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
