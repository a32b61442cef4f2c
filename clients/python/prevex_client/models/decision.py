from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_kind import DecisionKind
from ..models.decision_statut_type_0 import DecisionStatutType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.decision_actes_lies import DecisionActesLies
    from ..models.decision_faits import DecisionFaits


T = TypeVar("T", bound="Decision")


@_attrs_define
class Decision:
    """A decision of the rules engine. Codes are listed in `docs/rules.md`.

    Attributes:
        kind (DecisionKind):
        code (str): Public decision code, e.g. `cdp_effet`, `signalement_ccapex`, `notification_prefet_tardive` (see
            docs/rules.md)
        regle (str): Id of the rule that made the decision
        source (str): Law article, court opinion, or charter file and line
        acte (str): Id (or, in a simulation, reference) of the act the decision is about
        faits (DecisionFaits): The facts the rule used
        message (str):
        cle (str): Stable identity of the decision within its dossier
        acte_reference (None | str | Unset):
        actes_lies (DecisionActesLies | Unset): The other acts of the dossier the rule read, by alias (e.g. `saisine`,
            `dsf`): ids, or references in a simulation. Those whose content this partner may not read are left out
        liens_sources (list[str] | Unset): Where to read the sources: `/v1/regles/sources/{fichier}?lignes=n-m` for each
            charter line cited, then the public text (Légifrance, Conseil d'État) of the legal texts named
        faits_masques (bool | None | Unset): True when facts taken from an act this partner may not read were removed
            from `faits`
        date (None | str | Unset): For deadlines: the date (ISO 8601)
        destinataire (None | str | Unset): For orientations: the partner kind concerned
        precision (None | str | Unset):
        statut (DecisionStatutType0 | None | Unset): In a dossier's current decisions: `active`, `satisfaite` (a later
            act met it), `depassee` (its date passed unmet). Receipts and simulations carry none
    """

    kind: DecisionKind
    code: str
    regle: str
    source: str
    acte: str
    faits: DecisionFaits
    message: str
    cle: str
    acte_reference: None | str | Unset = UNSET
    actes_lies: DecisionActesLies | Unset = UNSET
    liens_sources: list[str] | Unset = UNSET
    faits_masques: bool | None | Unset = UNSET
    date: None | str | Unset = UNSET
    destinataire: None | str | Unset = UNSET
    precision: None | str | Unset = UNSET
    statut: DecisionStatutType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        code = self.code

        regle = self.regle

        source = self.source

        acte = self.acte

        faits = self.faits.to_dict()

        message = self.message

        cle = self.cle

        acte_reference: None | str | Unset
        if isinstance(self.acte_reference, Unset):
            acte_reference = UNSET
        else:
            acte_reference = self.acte_reference

        actes_lies: dict[str, Any] | Unset = UNSET
        if not isinstance(self.actes_lies, Unset):
            actes_lies = self.actes_lies.to_dict()

        liens_sources: list[str] | Unset = UNSET
        if not isinstance(self.liens_sources, Unset):
            liens_sources = self.liens_sources

        faits_masques: bool | None | Unset
        if isinstance(self.faits_masques, Unset):
            faits_masques = UNSET
        else:
            faits_masques = self.faits_masques

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

        statut: None | str | Unset
        if isinstance(self.statut, Unset):
            statut = UNSET
        elif isinstance(self.statut, DecisionStatutType0):
            statut = self.statut.value
        else:
            statut = self.statut

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "code": code,
                "regle": regle,
                "source": source,
                "acte": acte,
                "faits": faits,
                "message": message,
                "cle": cle,
            }
        )
        if acte_reference is not UNSET:
            field_dict["acte_reference"] = acte_reference
        if actes_lies is not UNSET:
            field_dict["actes_lies"] = actes_lies
        if liens_sources is not UNSET:
            field_dict["liens_sources"] = liens_sources
        if faits_masques is not UNSET:
            field_dict["faits_masques"] = faits_masques
        if date is not UNSET:
            field_dict["date"] = date
        if destinataire is not UNSET:
            field_dict["destinataire"] = destinataire
        if precision is not UNSET:
            field_dict["precision"] = precision
        if statut is not UNSET:
            field_dict["statut"] = statut

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_actes_lies import DecisionActesLies  # noqa: PLC0415
        from ..models.decision_faits import DecisionFaits  # noqa: PLC0415

        d = dict(src_dict)
        kind = DecisionKind(d.pop("kind"))

        code = d.pop("code")

        regle = d.pop("regle")

        source = d.pop("source")

        acte = d.pop("acte")

        faits = DecisionFaits.from_dict(d.pop("faits"))

        message = d.pop("message")

        cle = d.pop("cle")

        def _parse_acte_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acte_reference = _parse_acte_reference(d.pop("acte_reference", UNSET))

        _actes_lies = d.pop("actes_lies", UNSET)
        actes_lies: DecisionActesLies | Unset
        if isinstance(_actes_lies, Unset):
            actes_lies = UNSET
        else:
            actes_lies = DecisionActesLies.from_dict(_actes_lies)

        liens_sources = cast(list[str], d.pop("liens_sources", UNSET))

        def _parse_faits_masques(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        faits_masques = _parse_faits_masques(d.pop("faits_masques", UNSET))

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

        def _parse_statut(data: object) -> DecisionStatutType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                statut_type_0 = DecisionStatutType0(data)

                return statut_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionStatutType0 | None | Unset, data)

        statut = _parse_statut(d.pop("statut", UNSET))

        decision = cls(
            kind=kind,
            code=code,
            regle=regle,
            source=source,
            acte=acte,
            faits=faits,
            message=message,
            cle=cle,
            acte_reference=acte_reference,
            actes_lies=actes_lies,
            liens_sources=liens_sources,
            faits_masques=faits_masques,
            date=date,
            destinataire=destinataire,
            precision=precision,
            statut=statut,
        )

        decision.additional_properties = d
        return decision

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
