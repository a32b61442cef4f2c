from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.echeance_proche_kind import EcheanceProcheKind
from ..models.echeance_proche_statut import EcheanceProcheStatut
from ..types import UNSET, Unset

T = TypeVar("T", bound="EcheanceProche")


@_attrs_define
class EcheanceProche:
    """A deadline is near: its date is within the lead (`PREVEX_ECHEANCE_PROCHE_JOURS_OUVRES` working days,
    default 5) and it is still `active`. Sent once per deadline.

        Attributes:
            dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
            decision_id (UUID): The decision (its row never changes id)
            acte_id (UUID): The act the decision is about
            kind (EcheanceProcheKind): Deadline, orientation or alert
            code (str): Public decision code (`docs/rules.md`)
            regle (str): Id of the rule that made it
            source (str): Law article, court opinion, or charter file and line
            statut (EcheanceProcheStatut): The decision's status when the event was written
            jours_ouvres_restants (int): Working days from today to the date
            au_plus_tot (bool): True for an earliest day (`cdp_effet`, `expulsion_au_plus_tot`): the day something becomes
                possible, not a deadline that an act must meet
            acte_reference (None | str | Unset): That act's reference (its filer's)
            date (None | str | Unset): For deadlines: the date (ISO 8601)
            destinataire (None | str | Unset): For orientations: the partner kind concerned
    """

    dossier_id: UUID
    decision_id: UUID
    acte_id: UUID
    kind: EcheanceProcheKind
    code: str
    regle: str
    source: str
    statut: EcheanceProcheStatut
    jours_ouvres_restants: int
    au_plus_tot: bool
    acte_reference: None | str | Unset = UNSET
    date: None | str | Unset = UNSET
    destinataire: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        decision_id = str(self.decision_id)

        acte_id = str(self.acte_id)

        kind = self.kind.value

        code = self.code

        regle = self.regle

        source = self.source

        statut = self.statut.value

        jours_ouvres_restants = self.jours_ouvres_restants

        au_plus_tot = self.au_plus_tot

        acte_reference: None | str | Unset
        if isinstance(self.acte_reference, Unset):
            acte_reference = UNSET
        else:
            acte_reference = self.acte_reference

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        else:
            date = self.date

        destinataire: None | str | Unset
        if isinstance(self.destinataire, Unset):
            destinataire = UNSET
        else:
            destinataire = self.destinataire

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "decision_id": decision_id,
                "acte_id": acte_id,
                "kind": kind,
                "code": code,
                "regle": regle,
                "source": source,
                "statut": statut,
                "jours_ouvres_restants": jours_ouvres_restants,
                "au_plus_tot": au_plus_tot,
            }
        )
        if acte_reference is not UNSET:
            field_dict["acte_reference"] = acte_reference
        if date is not UNSET:
            field_dict["date"] = date
        if destinataire is not UNSET:
            field_dict["destinataire"] = destinataire

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        decision_id = UUID(d.pop("decision_id"))

        acte_id = UUID(d.pop("acte_id"))

        kind = EcheanceProcheKind(d.pop("kind"))

        code = d.pop("code")

        regle = d.pop("regle")

        source = d.pop("source")

        statut = EcheanceProcheStatut(d.pop("statut"))

        jours_ouvres_restants = d.pop("jours_ouvres_restants")

        au_plus_tot = d.pop("au_plus_tot")

        def _parse_acte_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acte_reference = _parse_acte_reference(d.pop("acte_reference", UNSET))

        def _parse_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        def _parse_destinataire(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destinataire = _parse_destinataire(d.pop("destinataire", UNSET))

        echeance_proche = cls(
            dossier_id=dossier_id,
            decision_id=decision_id,
            acte_id=acte_id,
            kind=kind,
            code=code,
            regle=regle,
            source=source,
            statut=statut,
            jours_ouvres_restants=jours_ouvres_restants,
            au_plus_tot=au_plus_tot,
            acte_reference=acte_reference,
            date=date,
            destinataire=destinataire,
        )

        echeance_proche.additional_properties = d
        return echeance_proche

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
