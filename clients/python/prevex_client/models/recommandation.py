from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recommandation_nature import RecommandationNature
from ..models.recommandation_statut import RecommandationStatut

if TYPE_CHECKING:
    from ..models.destinataire import Destinataire
    from ..models.suivi import Suivi


T = TypeVar("T", bound="Recommandation")


@_attrs_define
class Recommandation:
    """
    Attributes:
        id (UUID):
        dossier_id (UUID):
        emetteur_id (UUID):
        destinataire (Destinataire): A partner (`partenaire_id`) or the household (`menage: true`), exactly one of them.
        nature (RecommandationNature):
        texte (str):
        echeance (datetime.date | None):
        seance_id (None | UUID):
        date_reference (datetime.date): The session's date (or the emission's): the follow-up counts from it
        statut (RecommandationStatut):
        statut_le (datetime.datetime):
        rappel_le (datetime.datetime | None): When the 6-month reminder was sent
        created_at (datetime.datetime):
        suivis (list[Suivi]): Every follow-up recorded, oldest first
    """

    id: UUID
    dossier_id: UUID
    emetteur_id: UUID
    destinataire: Destinataire
    nature: RecommandationNature
    texte: str
    echeance: datetime.date | None
    seance_id: None | UUID
    date_reference: datetime.date
    statut: RecommandationStatut
    statut_le: datetime.datetime
    rappel_le: datetime.datetime | None
    created_at: datetime.datetime
    suivis: list[Suivi]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        dossier_id = str(self.dossier_id)

        emetteur_id = str(self.emetteur_id)

        destinataire = self.destinataire.to_dict()

        nature = self.nature.value

        texte = self.texte

        echeance: None | str
        if isinstance(self.echeance, datetime.date):
            echeance = self.echeance.isoformat()
        else:
            echeance = self.echeance

        seance_id: None | str
        if isinstance(self.seance_id, UUID):
            seance_id = str(self.seance_id)
        else:
            seance_id = self.seance_id

        date_reference = self.date_reference.isoformat()

        statut = self.statut.value

        statut_le = self.statut_le.isoformat()

        rappel_le: None | str
        if isinstance(self.rappel_le, datetime.datetime):
            rappel_le = self.rappel_le.isoformat()
        else:
            rappel_le = self.rappel_le

        created_at = self.created_at.isoformat()

        suivis = []
        for suivis_item_data in self.suivis:
            suivis_item = suivis_item_data.to_dict()
            suivis.append(suivis_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "dossier_id": dossier_id,
                "emetteur_id": emetteur_id,
                "destinataire": destinataire,
                "nature": nature,
                "texte": texte,
                "echeance": echeance,
                "seance_id": seance_id,
                "date_reference": date_reference,
                "statut": statut,
                "statut_le": statut_le,
                "rappel_le": rappel_le,
                "created_at": created_at,
                "suivis": suivis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.destinataire import Destinataire  # noqa: PLC0415
        from ..models.suivi import Suivi  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        dossier_id = UUID(d.pop("dossier_id"))

        emetteur_id = UUID(d.pop("emetteur_id"))

        destinataire = Destinataire.from_dict(d.pop("destinataire"))

        nature = RecommandationNature(d.pop("nature"))

        texte = d.pop("texte")

        def _parse_echeance(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                echeance_type_0 = datetime.date.fromisoformat(data)

                return echeance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        echeance = _parse_echeance(d.pop("echeance"))

        def _parse_seance_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                seance_id_type_0 = UUID(data)

                return seance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        seance_id = _parse_seance_id(d.pop("seance_id"))

        date_reference = datetime.date.fromisoformat(d.pop("date_reference"))

        statut = RecommandationStatut(d.pop("statut"))

        statut_le = datetime.datetime.fromisoformat(d.pop("statut_le"))

        def _parse_rappel_le(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rappel_le_type_0 = datetime.datetime.fromisoformat(data)

                return rappel_le_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        rappel_le = _parse_rappel_le(d.pop("rappel_le"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        suivis = []
        _suivis = d.pop("suivis")
        for suivis_item_data in _suivis:
            suivis_item = Suivi.from_dict(suivis_item_data)

            suivis.append(suivis_item)

        recommandation = cls(
            id=id,
            dossier_id=dossier_id,
            emetteur_id=emetteur_id,
            destinataire=destinataire,
            nature=nature,
            texte=texte,
            echeance=echeance,
            seance_id=seance_id,
            date_reference=date_reference,
            statut=statut,
            statut_le=statut_le,
            rappel_le=rappel_le,
            created_at=created_at,
            suivis=suivis,
        )

        recommandation.additional_properties = d
        return recommandation

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
