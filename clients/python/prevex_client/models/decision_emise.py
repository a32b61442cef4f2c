from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_emise_kind import DecisionEmiseKind
from ..models.decision_emise_statut import DecisionEmiseStatut
from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionEmise")


@_attrs_define
class DecisionEmise:
    """A filing or a re-evaluation made a decision (a new deadline, orientation or alert).

    Attributes:
        dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
        decision_id (UUID): The decision (its row never changes id)
        acte_id (UUID): The act the decision is about
        kind (DecisionEmiseKind): Deadline, orientation or alert
        code (str): Public decision code (`docs/rules.md`)
        regle (str): Id of the rule that made it
        source (str): Law article, court opinion, or charter file and line
        statut (DecisionEmiseStatut): The decision's status when the event was written
        cle (str): Stable identity of the decision within its dossier
        acte_reference (None | str | Unset): That act's reference (its filer's)
        date (None | str | Unset): For deadlines: the date (ISO 8601)
        destinataire (None | str | Unset): For orientations: the partner kind concerned
        precision (None | str | Unset):
    """

    dossier_id: UUID
    decision_id: UUID
    acte_id: UUID
    kind: DecisionEmiseKind
    code: str
    regle: str
    source: str
    statut: DecisionEmiseStatut
    cle: str
    acte_reference: None | str | Unset = UNSET
    date: None | str | Unset = UNSET
    destinataire: None | str | Unset = UNSET
    precision: None | str | Unset = UNSET
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

        cle = self.cle

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

        precision: None | str | Unset
        if isinstance(self.precision, Unset):
            precision = UNSET
        else:
            precision = self.precision

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
                "cle": cle,
            }
        )
        if acte_reference is not UNSET:
            field_dict["acte_reference"] = acte_reference
        if date is not UNSET:
            field_dict["date"] = date
        if destinataire is not UNSET:
            field_dict["destinataire"] = destinataire
        if precision is not UNSET:
            field_dict["precision"] = precision

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        decision_id = UUID(d.pop("decision_id"))

        acte_id = UUID(d.pop("acte_id"))

        kind = DecisionEmiseKind(d.pop("kind"))

        code = d.pop("code")

        regle = d.pop("regle")

        source = d.pop("source")

        statut = DecisionEmiseStatut(d.pop("statut"))

        cle = d.pop("cle")

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

        def _parse_precision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        precision = _parse_precision(d.pop("precision", UNSET))

        decision_emise = cls(
            dossier_id=dossier_id,
            decision_id=decision_id,
            acte_id=acte_id,
            kind=kind,
            code=code,
            regle=regle,
            source=source,
            statut=statut,
            cle=cle,
            acte_reference=acte_reference,
            date=date,
            destinataire=destinataire,
            precision=precision,
        )

        decision_emise.additional_properties = d
        return decision_emise

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
