from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recommandation_emise_statut import RecommandationEmiseStatut
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecommandationEmise")


@_attrs_define
class RecommandationEmise:
    """A CCAPEX or a local commission made a recommendation: to its addressee (and its emitter).

    Attributes:
        dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
        recommandation_id (UUID): The recommendation (`PATCH /v1/recommandations/{id}`)
        nature (str): Its kind, from the catalogue (`docs/ccapex.md`)
        statut (RecommandationEmiseStatut): Its follow-up status when the event was written
        destinataire_menage (bool): True when it is addressed to the household
        echeance (None | str | Unset): Its due date (ISO 8601)
        seance_id (None | Unset | UUID): The session it came from
    """

    dossier_id: UUID
    recommandation_id: UUID
    nature: str
    statut: RecommandationEmiseStatut
    destinataire_menage: bool
    echeance: None | str | Unset = UNSET
    seance_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        recommandation_id = str(self.recommandation_id)

        nature = self.nature

        statut = self.statut.value

        destinataire_menage = self.destinataire_menage

        echeance: None | str | Unset
        if isinstance(self.echeance, Unset):
            echeance = UNSET
        else:
            echeance = self.echeance

        seance_id: None | str | Unset
        if isinstance(self.seance_id, Unset):
            seance_id = UNSET
        elif isinstance(self.seance_id, UUID):
            seance_id = str(self.seance_id)
        else:
            seance_id = self.seance_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "recommandation_id": recommandation_id,
                "nature": nature,
                "statut": statut,
                "destinataire_menage": destinataire_menage,
            }
        )
        if echeance is not UNSET:
            field_dict["echeance"] = echeance
        if seance_id is not UNSET:
            field_dict["seance_id"] = seance_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        recommandation_id = UUID(d.pop("recommandation_id"))

        nature = d.pop("nature")

        statut = RecommandationEmiseStatut(d.pop("statut"))

        destinataire_menage = d.pop("destinataire_menage")

        def _parse_echeance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        echeance = _parse_echeance(d.pop("echeance", UNSET))

        def _parse_seance_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                seance_id_type_0 = UUID(data)

                return seance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        seance_id = _parse_seance_id(d.pop("seance_id", UNSET))

        recommandation_emise = cls(
            dossier_id=dossier_id,
            recommandation_id=recommandation_id,
            nature=nature,
            statut=statut,
            destinataire_menage=destinataire_menage,
            echeance=echeance,
            seance_id=seance_id,
        )

        recommandation_emise.additional_properties = d
        return recommandation_emise

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
