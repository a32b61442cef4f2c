"""The bridge between stored acts and the rules engine: one function used by a filing, a simulation
and a re-evaluation, so that the three give identical decisions for identical acts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.rules.loader import load_rulebook
from app.schemas.actes import ACTE_ADAPTER
from app.services.rules_engine import ActFacts, Decision, evaluate

KINDS = ("echeance", "orientation", "alerte")
PLURAL = {"echeance": "echeances", "orientation": "orientations", "alerte": "alertes"}


@dataclass(frozen=True)
class ActInput:
    key: str  # the act's id (filing) or its reference (simulation)
    payload: Mapping[str, Any]  # the act as stored: JSON types
    recu_le: datetime | None
    facts: Mapping[str, Any] | None = None  # the typed facts when the caller already has the model


def _python_facts(payload: Mapping[str, Any]) -> dict[str, Any]:
    """JSON payload → the typed facts the engine reads (dates as dates)."""
    model = ACTE_ADAPTER.validate_python(payload, strict=False)
    facts: dict[str, Any] = model.model_dump(mode="python", exclude_none=True)
    facts.pop("recu_le", None)
    return facts


def decision_dict(decision: Decision, references: Mapping[str, str]) -> dict[str, Any]:
    """The engine's decision as stored and shown: absent optional fields dropped, the act's reference
    added, the related acts it read listed by key (``actes_lies``), and a related act named in the facts
    by its reference (what partners know), not its key."""
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
    return out


def evaluate_dossier(territoire: str, acts: Sequence[ActInput]) -> tuple[str, list[dict[str, Any]]]:
    """Every decision for a dossier made of ``acts``, and the version of the rules that made them."""
    rulebook = load_rulebook()
    facts = [
        ActFacts(
            key=a.key, data=a.facts if a.facts is not None else _python_facts(a.payload), recu_le=a.recu_le
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
