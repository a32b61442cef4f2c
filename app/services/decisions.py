"""The bridge between stored acts and the rules engine: one function used by a filing, a simulation
and a re-evaluation, so that the three give identical decisions for identical acts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.rules.citations import liens_sources
from app.rules.codes import SATISFACTIONS
from app.rules.engine import ActFacts, Decision, evaluate
from app.rules.rulebook import RuleBook, load_rulebook
from app.schemas.actes import ACTE_ADAPTER

KINDS = ("echeance", "orientation", "alerte")
PLURAL = {"echeance": "echeances", "orientation": "orientations", "alerte": "alertes"}


@dataclass(frozen=True)
class ActInput:
    key: str  # the act's id (filing) or its reference (simulation)
    payload: Mapping[str, Any]  # the act as stored: JSON types
    recu_le: datetime | None
    facts: Mapping[str, Any] | None = None  # the typed facts when the caller already has the model


def _fields_of_format(fmt: str) -> frozenset[str]:
    """The names of the act fields (at any depth) whose JSON schema has this ``format``."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                if any(p.get("format") == fmt for p in (prop, *prop.get("anyOf", ())) if isinstance(p, dict)):
                    found.add(name)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(ACTE_ADAPTER.json_schema())
    return frozenset(found)


_DATE_FIELDS = _fields_of_format("date")
_UUID_FIELDS = _fields_of_format("uuid")


def _typed(value: Any, name: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _typed(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v, name) for v in value]
    if type(value) is str:
        if name in _DATE_FIELDS:
            return date.fromisoformat(value)
        if name in _UUID_FIELDS:
            return uuid.UUID(value)
    return value


def typed_facts(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A stored act's JSON payload (valid: it was validated when filed) → the typed facts the engine
    reads, as ``model_dump(mode="python", exclude_none=True)`` of its model gives them (dates as dates),
    without validating it again (tests check both agree on every act type)."""
    facts: dict[str, Any] = {k: _typed(v, k) for k, v in payload.items() if k != "recu_le"}
    return facts


def decision_dict(decision: Decision, references: Mapping[str, str]) -> dict[str, Any]:
    """The engine's decision as stored and shown: absent optional fields dropped, the act's reference
    added, the related acts it read listed by key (``actes_lies``), a related act named in the facts
    by its reference (what partners know), not its key, and the URLs of its sources (``liens_sources``,
    computed from ``source``: never stored)."""
    out = {k: v for k, v in decision.to_dict().items() if v is not None}
    out["acte_reference"] = references.get(decision.acte)
    # The other acts the rule read (``<alias>.acte`` in its facts), by key: who may see the decision
    # depends on them too (services/visibility.py).
    out["actes_lies"] = {
        k.removesuffix(".acte"): v
        for k, v in decision.faits.items()
        if k.endswith(".acte") and isinstance(v, str)
    }
    out["faits"] = {k: references.get(v, v) if isinstance(v, str) else v for k, v in decision.faits.items()}
    out["liens_sources"] = liens_sources(decision.source)
    return out


def evaluate_dossier(
    territoire: str, acts: Sequence[ActInput], *, rulebook: RuleBook | None = None
) -> tuple[str, list[dict[str, Any]]]:
    """Every decision for a dossier made of ``acts``, and the version of the rules that made them (the
    shipped rules, or ``rulebook``: a draft's, for ``services/impact.py``)."""
    rulebook = rulebook if rulebook is not None else load_rulebook()
    facts = [
        ActFacts(
            key=a.key, data=a.facts if a.facts is not None else typed_facts(a.payload), recu_le=a.recu_le
        )
        for a in acts
    ]
    references = {a.key: str(a.payload.get("reference", "")) for a in acts}
    decisions = evaluate(territoire, facts, rulebook=rulebook)
    return rulebook.version_for(territoire), [decision_dict(d, references) for d in decisions]


def group(decisions: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Decisions by kind, as the receipt and the simulation show them."""
    grouped: dict[str, list[Mapping[str, Any]]] = {PLURAL[k]: [] for k in KINDS}
    for d in decisions:
        grouped[PLURAL[str(d["kind"])]].append(d)
    return grouped


# Stored decisions ---------------------------------------------------------------------------------

_VIEW_FIELDS = (
    "kind",
    "code",
    "regle",
    "source",
    "faits",
    "date",
    "destinataire",
    "precision",
    "message",
    "cle",
)


def decision_view(row: Mapping[str, Any], references: Mapping[str, str]) -> dict[str, Any]:
    """A stored decision (a ``decisions`` row as the filing SQL reads it) as partners see it: exactly the
    dict the engine's :func:`decision_dict` made, so that a receipt rebuilt from the table is the one
    first sent."""
    out: dict[str, Any] = {k: row[k] for k in _VIEW_FIELDS if row.get(k) is not None}
    acte = str(row["acte"])
    out["acte"] = acte
    out["acte_reference"] = references.get(acte)
    out["actes_lies"] = dict(row.get("actes_lies") or {})
    out["liens_sources"] = liens_sources(str(row["source"]))  # computed from the source, not stored
    return out


def decision_row(decision_id: uuid.UUID, decision: Mapping[str, Any], statut: str) -> dict[str, Any]:
    """An engine decision (:func:`decision_dict`) as the row the filing SQL inserts."""
    return {
        "id": str(decision_id),
        "cle": decision["cle"],
        "kind": decision["kind"],
        "code": decision["code"],
        "date": decision.get("date"),
        "destinataire": decision.get("destinataire"),
        "regle": decision["regle"],
        "source": decision["source"],
        "acte_id": decision["acte"],
        "precision": decision.get("precision"),
        "message": decision["message"],
        "faits": decision["faits"],
        "actes_lies": decision.get("actes_lies") or {},
        "statut": statut,
    }


@dataclass(frozen=True)
class StoredActFacts:
    """What the status of a decision reads of an act: its type, its date, the facts that may date a
    meeting, its receipt day."""

    key: str
    type: str
    date_acte: str
    payload: Mapping[str, Any]
    recu_le: datetime | None


def _day(act: StoredActFacts, fait: str) -> str | None:
    if fait == "recu_le":
        if act.recu_le is None:
            return act.date_acte
        from app.rules.calendar import local_date

        return local_date(act.recu_le).isoformat()
    value = act.payload.get(fait)
    return str(value) if value is not None else None


def status_of(decision: Mapping[str, Any], acts: Sequence[StoredActFacts], current: str = "active") -> str:
    """A decision's status given the dossier's acts: ``satisfaite`` when an act that meets it is dated on
    or before its date; else unchanged (a deadline met too late, or not at all, is marked ``depassee`` by
    the deadline watch once its date has passed)."""
    if current != "active" or decision.get("kind") != "echeance" or not decision.get("date"):
        return current
    spec = SATISFACTIONS.get(str(decision["code"]))
    if spec is None:
        return current
    cause = next((a for a in acts if a.key == str(decision["acte"])), None)
    if cause is None:
        return current
    for act in acts:
        if act.type not in spec.types:
            continue
        if act.key == cause.key:
            if not spec.soi:
                continue
        elif act.date_acte < cause.date_acte:
            continue  # an earlier act answers an earlier deadline
        day = next((d for d in (_day(act, f) for f in spec.faits) if d is not None), None)
        if day is None:
            continue
        if day <= str(decision["date"]):
            return "satisfaite"
    return current


@dataclass
class Changes:
    """What an evaluation changes in a dossier's decisions, in the engine's order."""

    added: list[tuple[uuid.UUID, dict[str, Any], str]] = field(default_factory=list)  # id, decision, statut
    satisfied: list[uuid.UUID] = field(default_factory=list)  # rows it found met (existing or added)
    replaced: list[uuid.UUID] = field(default_factory=list)  # rows it no longer makes, or makes otherwise

    @property
    def satisfied_stored(self) -> list[uuid.UUID]:
        """The stored rows it found met (those it adds met are written met)."""
        added = {i for i, _, _ in self.added}
        return [i for i in self.satisfied if i not in added]

    @property
    def empty(self) -> bool:
        return not (self.added or self.satisfied or self.replaced)

    def rows(self) -> list[dict[str, Any]]:
        return [decision_row(i, d, s) for i, d, s in self.added]


def changes(
    current: Sequence[Mapping[str, Any]],
    decisions: Sequence[dict[str, Any]],
    references: Mapping[str, str],
    acts: Sequence[StoredActFacts],
) -> Changes:
    """Compare the dossier's current decisions (``decisions`` rows not ``remplacee``) with a new
    evaluation's: new keys are added, keys no longer made (or made with other content) replaced, and each
    decision's status brought up to date with the acts."""
    by_key = {str(row["cle"]): row for row in current}
    made = {str(d["cle"]) for d in decisions}
    out = Changes()
    for decision in decisions:
        row = by_key.get(str(decision["cle"]))
        if row is not None and decision_view(row, references) == decision:
            status = status_of(decision, acts, str(row["statut"]))
            if status != row["statut"]:
                out.satisfied.append(uuid.UUID(str(row["id"])))
            continue
        if row is not None:
            out.replaced.append(uuid.UUID(str(row["id"])))
        new_id = uuid.uuid4()
        status = status_of(decision, acts)
        out.added.append((new_id, decision, status))
        if status == "satisfaite":
            out.satisfied.append(new_id)
    out.replaced += [uuid.UUID(str(r["id"])) for k, r in by_key.items() if k not in made]
    return out


_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}


def in_engine_order(
    decisions: Iterable[dict[str, Any]], acts: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Stored decisions in the order the engine gives them: by act (``date_acte``, ``recu_le``, id),
    then kind, code, rule and precision."""
    position = {
        str(a["id"]): i
        for i, a in enumerate(sorted(acts, key=lambda a: (str(a["date_acte"]), a["recu_le"], str(a["id"]))))
    }
    return sorted(
        decisions,
        key=lambda d: (
            position.get(str(d["acte"]), len(position)),
            _KIND_ORDER.get(str(d["kind"]), 9),
            str(d["code"]),
            str(d["regle"]),
            str(d.get("precision") or ""),
        ),
    )
