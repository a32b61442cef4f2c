"""The rules engine: from the acts of one dossier to immutable, sourced decisions.

Pure Python, no database, no clock: :func:`evaluate` depends only on its arguments and the rule files
(``app/rules``, see ``docs/rules.md``). For every act of the dossier (sorted by ``(date_acte, recu_le,
key)``) and every rule of the national set and of the territory's set whose ``declencheur`` is that
act's type:

1. the rule's version is selected by its ``date_reference`` (default: the act's ``date_acte``), which
   must fall within ``[du, au]``;
2. its related acts (``actes_lies``) are looked up in the dossier;
3. its conditions are evaluated; a missing fact makes a comparison false (``absent`` excepted), so a
   rule whose facts are missing simply does not fire;
4. its effect yields one :class:`Decision` naming the rule, its source and the facts it used.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal

from app.rules.loader import (
    DECISION_CODES,
    ActeAbsent,
    ActeLie,
    ActePresent,
    Comparaison,
    DateCalculee,
    Delai,
    Fait,
    Nombre,
    Non,
    Param,
    PremierDe,
    Produit,
    Regle,
    RuleBook,
    Selon,
    Somme,
    Tous,
    UnDe,
    load_rulebook,
)
from app.services.calendar import add_months, add_working_days, end_of_treve, in_treve, local_date

__all__ = [
    "ActFacts",
    "Decision",
    "DecisionKind",
    "evaluate",
    "ruleset_version",
]

DecisionKind = Literal["echeance", "orientation", "alerte"]
_KIND_ORDER: dict[str, int] = {"echeance": 0, "orientation": 1, "alerte": 2}
TREVE_PARAMETER = "treve_fins_exceptionnelles"


@dataclass(frozen=True)
class ActFacts:
    """One act of the dossier as the engine reads it."""

    key: str
    """Unique id of the act within the dossier (its id, or its index in a simulation)."""
    data: Mapping[str, Any]
    """The act: ``model_dump(mode="python", exclude_none=True)`` of its schema."""
    recu_le: datetime | None = None
    """When it reached Prevex (UTC); ``None`` in simulations, then ``date_acte`` stands for it."""


@dataclass(frozen=True)
class Decision:
    """An immutable decision produced by one rule about one act."""

    kind: DecisionKind
    code: str
    regle: str
    source: str
    acte: str
    faits: dict[str, Any]
    date: date | None = None
    destinataire: str | None = None
    precision: str | None = None
    message: str = ""

    def cle(self) -> str:
        """Deterministic identity: ``kind|code|regle|acte`` (``|precision`` when there is one)."""
        base = f"{self.kind}|{self.code}|{self.regle}|{self.acte}"
        return f"{base}|{self.precision}" if self.precision else base

    def __hash__(self) -> int:
        return hash(self.cle())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (ISO dates)."""
        return {
            "kind": self.kind,
            "code": self.code,
            "regle": self.regle,
            "source": self.source,
            "acte": self.acte,
            "faits": self.faits,
            "date": self.date.isoformat() if self.date is not None else None,
            "destinataire": self.destinataire,
            "precision": self.precision,
            "message": self.message,
            "cle": self.cle(),
        }


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


class _Missing:
    """A fact or expression without a value."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def _as_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return local_date(value)
    if isinstance(value, date):
        return value
    return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _received_at(act: ActFacts) -> datetime | None:
    moment = act.recu_le
    if moment is None:
        raw = act.data.get("recu_le")
        if isinstance(raw, datetime):
            moment = raw
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _date_acte(act: ActFacts) -> date | None:
    return _as_day(act.data.get("date_acte"))


def _sort_key(act: ActFacts) -> tuple[int, date, datetime, str]:
    day = _date_acte(act)
    received = _received_at(act)
    if received is None:
        received = datetime.combine(day or date.max, time.min, tzinfo=UTC)
    return (0 if day is not None else 1, day or date.max, received, act.key)


def _lookup(data: Mapping[str, Any], path: str) -> Any:
    current: Any = data
    for part in path.split("."):
        if isinstance(current, Mapping) and part in current:
            current = current[part]
        else:
            return MISSING
    return MISSING if current is None else current


_COMPARATORS: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _apply_delai(day: date, delai: Delai, months: int) -> date:
    result = add_months(day, months)
    result += timedelta(weeks=delai.semaines, days=delai.jours)
    return add_working_days(result, delai.jours_ouvres)


# --------------------------------------------------------------------------------------------------
# Evaluation of one rule against one act
# --------------------------------------------------------------------------------------------------


@dataclass
class _Context:
    act: ActFacts
    dossier: Sequence[ActFacts]
    params: Mapping[str, Any]
    related: dict[str, ActFacts | None] = field(default_factory=dict)
    faits: dict[str, Any] = field(default_factory=dict)

    def treve_exceptions(self) -> Mapping[int, date]:
        raw = self.params.get(TREVE_PARAMETER)
        if not isinstance(raw, Mapping):
            return {}
        return {int(k): v for k, v in raw.items() if isinstance(v, date)}

    def fact(self, path: str, alias: str | None) -> Any:
        if alias is None:
            act: ActFacts | None = self.act
            label = path
        else:
            act = self.related.get(alias)
            label = f"{alias}.{path}"
        if act is None:
            return MISSING
        if path == "recu_le":
            received = _received_at(act)
            value: Any = local_date(received) if received is not None else _date_acte(act)
            value = MISSING if value is None else value
        else:
            value = _lookup(act.data, path)
            if isinstance(value, datetime):
                value = local_date(value if value.tzinfo is not None else value.replace(tzinfo=UTC))
        if value is not MISSING:
            self.faits[label] = _jsonable(value)
        return value

    def param(self, name: str) -> Any:
        value = self.params.get(name)
        if value is None:
            return MISSING
        self.faits[f"param.{name}"] = _jsonable(value)
        return value

    # expressions ----------------------------------------------------------------------------

    def value(self, expr: Any) -> Any:
        if isinstance(expr, Fait):
            return self.fact(expr.fait, expr.acte)
        if isinstance(expr, Param):
            return self.param(expr.param)
        if isinstance(expr, (Produit, Somme)):
            items = [self.value(e) for e in (expr.produit if isinstance(expr, Produit) else expr.somme)]
            if any(i is MISSING or isinstance(i, bool) or not isinstance(i, int) for i in items):
                return MISSING
            total = 1 if isinstance(expr, Produit) else 0
            for i in items:
                total = total * i if isinstance(expr, Produit) else total + i
            return total
        if isinstance(expr, PremierDe):
            for candidate in expr.premier_de:
                found = self.value(candidate)
                if found is not MISSING:
                    return found
            return MISSING
        if isinstance(expr, Selon):
            key = self.value(expr.selon)
            if key is not MISSING and str(key) in expr.cas:
                return self.value(expr.cas[str(key)])
            return self.value(expr.defaut) if expr.defaut is not None else MISSING
        if isinstance(expr, DateCalculee):
            return self.computed_date(expr)
        if isinstance(expr, Nombre):
            items = self.value(expr.nombre)
            return len(items) if isinstance(items, (list, tuple)) else MISSING
        if isinstance(expr, list):
            values = [self.value(e) for e in expr]
            return MISSING if any(v is MISSING for v in values) else values
        return expr

    def computed_date(self, expr: DateCalculee) -> Any:
        base = _as_day(self.value(expr.date))
        if base is None:
            return MISSING
        result = base
        if expr.delai is not None:
            months_raw = (
                self.value(expr.delai.mois) if isinstance(expr.delai.mois, Param) else expr.delai.mois
            )
            if months_raw is MISSING or isinstance(months_raw, bool) or not isinstance(months_raw, int):
                return MISSING
            result = _apply_delai(base, expr.delai, months_raw)
        if expr.report_treve:
            result = end_of_treve(result, fins_exceptionnelles=self.treve_exceptions())
        return result

    # conditions -----------------------------------------------------------------------------

    def holds(self, condition: Any) -> bool:
        if isinstance(condition, Comparaison):
            return self.compare(condition)
        if isinstance(condition, Tous):
            return all(self.holds(c) for c in condition.tous)
        if isinstance(condition, UnDe):
            # evaluate every branch so that the facts of each are recorded
            results = [self.holds(c) for c in condition.un_de]
            return any(results)
        if isinstance(condition, Non):
            return not self.holds(condition.non)
        if isinstance(condition, ActePresent):
            return self.related.get(condition.acte_present) is not None
        if isinstance(condition, ActeAbsent):
            return self.related.get(condition.acte_absent) is None
        return False

    def compare(self, c: Comparaison) -> bool:
        left = self.fact(c.fait, c.acte) if c.fait is not None else self.value(c.expr)
        if c.op == "absent":
            return left is MISSING
        if left is MISSING:
            return False
        if c.op == "present":
            return True
        if c.op in ("en_treve", "hors_treve"):
            day = _as_day(left)
            if day is None:
                return False
            inside = in_treve(day, fins_exceptionnelles=self.treve_exceptions())
            return inside if c.op == "en_treve" else not inside
        right = self.value(c.valeur)
        if right is MISSING:
            return False
        left = _as_day(left) if isinstance(left, datetime) else left
        try:
            if c.op in ("dans", "hors"):
                if not isinstance(right, (list, tuple)):
                    return False
                return (left in right) if c.op == "dans" else (left not in right)
            if c.op == "entre":
                if not isinstance(right, (list, tuple)) or len(right) != 2:
                    return False
                low, high = right
                return bool(low <= left <= high)
            if isinstance(left, bool) != isinstance(right, bool) and c.op not in ("==", "!="):
                return False
            return bool(_COMPARATORS[c.op](left, right))
        except TypeError:
            return False


def _related_act(
    act: ActFacts, dossier: Sequence[ActFacts], spec: ActeLie, params: Mapping[str, Any]
) -> tuple[ActFacts | None, dict[str, Any]]:
    """The related act chosen by ``spec`` and the facts its filter read."""
    reference = _date_acte(act)
    candidates: list[tuple[ActFacts, dict[str, Any]]] = []
    for other in dossier:
        if other is act or other.key == act.key or other.data.get("type") not in spec.types:
            continue
        if spec.position != "tous":
            other_day = _date_acte(other)
            if reference is None or other_day is None:
                continue
            if spec.position == "avant" and other_day > reference:
                continue
            if spec.position == "apres" and other_day < reference:
                continue
        if spec.filtre:
            probe = _Context(act=other, dossier=dossier, params=params)
            if not all(probe.holds(condition) for condition in spec.filtre):
                continue
            candidates.append((other, probe.faits))
        else:
            candidates.append((other, {}))
    if not candidates:
        return None, {}
    return candidates[0] if spec.choix == "premier" else candidates[-1]


def _message(regle: Regle, day: date | None) -> str:
    text = regle.effet.message or DECISION_CODES[regle.effet.code]["fr"]
    if day is not None:
        return f"{text} : {day.strftime('%d/%m/%Y')}"
    return text


def _apply(
    regle: Regle, act: ActFacts, dossier: Sequence[ActFacts], params: Mapping[str, Any]
) -> Decision | None:
    ctx = _Context(act=act, dossier=dossier, params=params)
    reference = _as_day(ctx.value(regle.date_reference))
    if reference is None or reference < regle.du or (regle.au is not None and reference > regle.au):
        return None
    for alias, spec in regle.actes_lies.items():
        found, filter_facts = _related_act(act, dossier, spec, params)
        ctx.related[alias] = found
        if found is not None:
            ctx.faits[f"{alias}.acte"] = found.key
            for label, value in filter_facts.items():
                if not label.startswith("param."):
                    label = f"{alias}.{label}"
                ctx.faits[label] = value
    if not all(ctx.holds(condition) for condition in regle.conditions):
        return None
    effet = regle.effet
    day: date | None = None
    if effet.date is not None:
        day = _as_day(ctx.value(effet.date))
        if day is None:
            return None
    faits = json.loads(json.dumps(ctx.faits, sort_keys=True))
    return Decision(
        kind=effet.type,
        code=effet.code,
        regle=regle.id,
        source=regle.source,
        acte=act.key,
        faits=faits,
        date=day,
        destinataire=effet.destinataire,
        precision=effet.precision,
        message=_message(regle, day),
    )


# --------------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------------


def evaluate(
    territoire: str, acts: Sequence[ActFacts], *, rulebook: RuleBook | None = None
) -> list[Decision]:
    """Every decision for the dossier made of ``acts`` (any order), deterministically ordered.

    Applies the national rule set plus the rule sets of ``territoire`` (national only for a territory
    without rule files). Decisions are ordered by act (``date_acte``, ``recu_le``, key), then kind
    (echeance, orientation, alerte), code, rule and precision; identical decisions (same ``cle()``)
    are reported once.
    """
    book = rulebook if rulebook is not None else load_rulebook()
    ordered = sorted(acts, key=_sort_key)
    params = book.parametres_for(str(territoire))
    rulesets = book.rulesets_for(str(territoire))
    found: dict[str, tuple[tuple[int, int, str, str, str], Decision]] = {}
    for index, act in enumerate(ordered):
        act_type = act.data.get("type")
        for ruleset in rulesets:
            for regle in ruleset.regles:
                if act_type not in regle.declencheur:
                    continue
                decision = _apply(regle, act, ordered, params)
                if decision is None:
                    continue
                key = decision.cle()
                if key in found:
                    continue
                order = (
                    index,
                    _KIND_ORDER[decision.kind],
                    decision.code,
                    decision.regle,
                    decision.precision or "",
                )
                found[key] = (order, decision)
    return [decision for _, decision in sorted(found.values(), key=lambda item: item[0])]


def ruleset_version(territoire: str, *, rulebook: RuleBook | None = None) -> str:
    """Version string of the rules applied to ``territoire`` (store it next to the decisions)."""
    book = rulebook if rulebook is not None else load_rulebook()
    return book.version_for(str(territoire))
