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

import operator
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from app.rules.calendar import add_months, add_working_days, end_of_treve, in_treve, local_date
from app.rules.codes import DECISION_CODES, DecisionKind
from app.rules.faits import FaitDossier, alias_dossier, faits_du_dossier
from app.rules.rulebook import RuleBook, load_rulebook
from app.rules.schema import (
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
    Selon,
    Somme,
    Tous,
    UnDe,
)

__all__ = [
    "ActFacts",
    "Decision",
    "DecisionKind",
    "evaluate",
    "ruleset_version",
]

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


_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})


def _jsonable(value: Any) -> Any:
    if type(value) in _JSON_SCALARS:
        return value
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
#
# Each rule is compiled once per rule book (:func:`_compiled`): its expressions and conditions become
# closures over a :class:`_Context`, so that an evaluation runs no ``isinstance`` chain over the rule's
# syntax tree, and rules are indexed by the act type that triggers them. The closures do exactly what
# the tree-walking evaluation did (same facts recorded, in the same order, same short-circuits).

_Value = Callable[["_Context"], Any]
_Cond = Callable[["_Context"], bool]


class _DossierFacts:
    """The dossier's current household facts (:mod:`app.rules.faits`), computed once per evaluation, on
    the first rule that reads one."""

    __slots__ = ("_facts", "_ordered")

    def __init__(self, ordered: Sequence[ActFacts]) -> None:
        self._ordered = ordered
        self._facts: dict[str, FaitDossier] | None = None

    def get(self, path: str) -> FaitDossier | None:
        if self._facts is None:
            self._facts = faits_du_dossier([(a.key, a.data) for a in self._ordered])
        return self._facts.get(path)


_NO_DOSSIER_FACTS = _DossierFacts(())


class _Context:
    __slots__ = ("act", "dossier", "dossier_facts", "faits", "params", "related", "treve")

    def __init__(
        self,
        act: ActFacts,
        dossier: Sequence[ActFacts],
        params: Mapping[str, Any],
        treve: Mapping[int, date],
        dossier_facts: _DossierFacts = _NO_DOSSIER_FACTS,
    ) -> None:
        self.act = act
        self.dossier = dossier
        self.params = params
        self.treve = treve  # the trêve's exceptional ends, from the parameters
        self.dossier_facts = dossier_facts
        self.related: dict[str, ActFacts | None] = {}
        self.faits: dict[str, Any] = {}


def _treve_exceptions(params: Mapping[str, Any]) -> Mapping[int, date]:
    raw = params.get(TREVE_PARAMETER)
    if not isinstance(raw, Mapping):
        return {}
    return {int(k): v for k, v in raw.items() if isinstance(v, date)}


def _normalise(value: Any) -> Any:
    if value is None:
        return MISSING
    if isinstance(value, datetime):
        return local_date(value if value.tzinfo is not None else value.replace(tzinfo=UTC))
    return value


def _compile_dossier_fact(path: str, *, record: bool = True) -> _Value:
    """A household fact read from the whole dossier: its current value; the decision records the act that
    stated it (``<alias>.acte``) and, for a scalar, the value (``<alias>.valeur``), never a list or a
    mapping (the occupants' names stay in the acts)."""
    alias = alias_dossier(path)

    def dossier_fact(ctx: _Context) -> Any:
        found = ctx.dossier_facts.get(path)
        if found is None:
            return MISSING
        value = _normalise(found.valeur)
        if value is not MISSING:
            ctx.faits[f"{alias}.acte"] = found.acte
            if record and type(value) in _JSON_SCALARS | {date}:
                ctx.faits[f"{alias}.valeur"] = _jsonable(value)
        return value

    return dossier_fact


def _compile_fact(path: str, alias: str | None, *, record: bool = True, du: str | None = None) -> _Value:
    if du is not None:
        return _compile_dossier_fact(path, record=record)
    label = path if alias is None else f"{alias}.{path}"
    parts = tuple(path.split("."))

    def fact(ctx: _Context) -> Any:
        act = ctx.act if alias is None else ctx.related.get(alias)
        if act is None:
            return MISSING
        if path == "recu_le":
            received = _received_at(act)
            value: Any = local_date(received) if received is not None else _date_acte(act)
            value = MISSING if value is None else value
        else:
            value = act.data
            for part in parts:
                if (type(value) is dict or isinstance(value, Mapping)) and part in value:
                    value = value[part]
                else:
                    value = MISSING
                    break
            if value is None:
                value = MISSING
            elif isinstance(value, datetime):
                value = local_date(value if value.tzinfo is not None else value.replace(tzinfo=UTC))
        if record and value is not MISSING:
            ctx.faits[label] = _jsonable(value)
        return value

    return fact


def _compile_param(name: str) -> _Value:
    label = f"param.{name}"

    def param(ctx: _Context) -> Any:
        value = ctx.params.get(name)
        if value is None:
            return MISSING
        ctx.faits[label] = _jsonable(value)
        return value

    return param


def _compile_value(expr: Any) -> _Value:
    if isinstance(expr, Fait):
        return _compile_fact(expr.fait, expr.acte, du=expr.du)
    if isinstance(expr, Param):
        return _compile_param(expr.param)
    if isinstance(expr, (Produit, Somme)):
        is_product = isinstance(expr, Produit)
        terms = [_compile_value(e) for e in (expr.produit if isinstance(expr, Produit) else expr.somme)]

        def arithmetic(ctx: _Context) -> Any:
            items = [term(ctx) for term in terms]
            if any(i is MISSING or isinstance(i, bool) or not isinstance(i, int) for i in items):
                return MISSING
            total = 1 if is_product else 0
            for i in items:
                total = total * i if is_product else total + i
            return total

        return arithmetic
    if isinstance(expr, PremierDe):
        candidates = [_compile_value(c) for c in expr.premier_de]

        def first_of(ctx: _Context) -> Any:
            for candidate in candidates:
                found = candidate(ctx)
                if found is not MISSING:
                    return found
            return MISSING

        return first_of
    if isinstance(expr, Selon):
        selector = _compile_value(expr.selon)
        cases = {key: _compile_value(case) for key, case in expr.cas.items()}
        default = _compile_value(expr.defaut) if expr.defaut is not None else None

        def switch(ctx: _Context) -> Any:
            key = selector(ctx)
            if key is not MISSING:
                case = cases.get(str(key))
                if case is not None:
                    return case(ctx)
            return default(ctx) if default is not None else MISSING

        return switch
    if isinstance(expr, DateCalculee):
        return _compile_date(expr)
    if isinstance(expr, Nombre):
        if isinstance(expr.nombre, Fait):
            # The count is the fact the rule read, recorded as ``<path>.nombre``: never the list itself
            # (the occupants' names and contacts live in the act's payload, nowhere else).
            items_of = _compile_fact(expr.nombre.fait, expr.nombre.acte, record=False, du=expr.nombre.du)
            if expr.nombre.du is not None:
                label = f"{alias_dossier(expr.nombre.fait)}.nombre"
            else:
                path = (
                    expr.nombre.fait if expr.nombre.acte is None else f"{expr.nombre.acte}.{expr.nombre.fait}"
                )
                label = f"{path}.nombre"

            def count_fact(ctx: _Context) -> Any:
                items = items_of(ctx)
                if not isinstance(items, (list, tuple)):
                    return MISSING
                ctx.faits[label] = len(items)
                return len(items)

            return count_fact
        inner = _compile_value(expr.nombre)

        def count(ctx: _Context) -> Any:
            items = inner(ctx)
            return len(items) if isinstance(items, (list, tuple)) else MISSING

        return count
    if isinstance(expr, list):
        elements = [_compile_value(e) for e in expr]

        def listing(ctx: _Context) -> Any:
            values = [element(ctx) for element in elements]
            return MISSING if any(v is MISSING for v in values) else values

        return listing
    constant = expr
    return lambda ctx: constant


def _compile_date(expr: DateCalculee) -> _Value:
    base_fn = _compile_value(expr.date)
    delai = expr.delai
    months_fn = _compile_value(delai.mois) if delai is not None and isinstance(delai.mois, Param) else None
    report_treve = expr.report_treve

    def computed_date(ctx: _Context) -> Any:
        base = _as_day(base_fn(ctx))
        if base is None:
            return MISSING
        result = base
        if delai is not None:
            months_raw = months_fn(ctx) if months_fn is not None else delai.mois
            if months_raw is MISSING or isinstance(months_raw, bool) or not isinstance(months_raw, int):
                return MISSING
            result = _apply_delai(base, delai, months_raw)
        if report_treve:
            result = end_of_treve(result, fins_exceptionnelles=ctx.treve)
        return result

    return computed_date


def _compile_condition(condition: Any) -> _Cond:
    if isinstance(condition, Comparaison):
        return _compile_comparison(condition)
    if isinstance(condition, Tous):
        every = [_compile_condition(c) for c in condition.tous]
        return lambda ctx: all(c(ctx) for c in every)
    if isinstance(condition, UnDe):
        branches = [_compile_condition(c) for c in condition.un_de]

        def one_of(ctx: _Context) -> bool:
            # evaluate every branch so that the facts of each are recorded
            results = [branch(ctx) for branch in branches]
            return any(results)

        return one_of
    if isinstance(condition, Non):
        negated = _compile_condition(condition.non)
        return lambda ctx: not negated(ctx)
    if isinstance(condition, ActePresent):
        present = condition.acte_present
        return lambda ctx: ctx.related.get(present) is not None
    if isinstance(condition, ActeAbsent):
        absent = condition.acte_absent
        return lambda ctx: ctx.related.get(absent) is None
    return lambda ctx: False


def _compile_comparison(c: Comparaison) -> _Cond:
    left_fn = _compile_fact(c.fait, c.acte, du=c.du) if c.fait is not None else _compile_value(c.expr)
    op = c.op
    if op == "absent":
        return lambda ctx: left_fn(ctx) is MISSING
    if op == "present":
        return lambda ctx: left_fn(ctx) is not MISSING
    if op in ("en_treve", "hors_treve"):
        wanted = op == "en_treve"

        def treve(ctx: _Context) -> bool:
            left = left_fn(ctx)
            if left is MISSING:
                return False
            day = _as_day(left)
            if day is None:
                return False
            return in_treve(day, fins_exceptionnelles=ctx.treve) is wanted

        return treve
    right_fn = _compile_value(c.valeur)
    comparator = _COMPARATORS.get(op)

    def compare(ctx: _Context) -> bool:
        left = left_fn(ctx)
        if left is MISSING:
            return False
        right = right_fn(ctx)
        if right is MISSING:
            return False
        left = _as_day(left) if isinstance(left, datetime) else left
        try:
            if op in ("dans", "hors"):
                if not isinstance(right, (list, tuple)):
                    return False
                return (left in right) if op == "dans" else (left not in right)
            if op == "entre":
                if not isinstance(right, (list, tuple)) or len(right) != 2:
                    return False
                low, high = right
                return bool(low <= left <= high)
            if isinstance(left, bool) != isinstance(right, bool) and op not in ("==", "!="):
                return False
            assert comparator is not None
            return bool(comparator(left, right))
        except TypeError:
            return False

    return compare


@dataclass(frozen=True)
class _RelatedSpec:
    alias: str
    spec: ActeLie
    filtre: tuple[_Cond, ...]


@dataclass(frozen=True)
class _CompiledRule:
    regle: Regle
    date_reference: _Value
    actes_lies: tuple[_RelatedSpec, ...]
    conditions: tuple[_Cond, ...]
    effet_date: _Value | None
    terme: date | None  # the last day of its file's validity (a charter's term), if any


def _compile_rule(regle: Regle, terme: date | None = None) -> _CompiledRule:
    return _CompiledRule(
        regle=regle,
        terme=terme,
        date_reference=_compile_value(regle.date_reference),
        actes_lies=tuple(
            _RelatedSpec(alias, spec, tuple(_compile_condition(c) for c in spec.filtre))
            for alias, spec in regle.actes_lies.items()
        ),
        conditions=tuple(_compile_condition(c) for c in regle.conditions),
        effet_date=_compile_value(regle.effet.date) if regle.effet.date is not None else None,
    )


def _related_act(
    act: ActFacts,
    dossier: Sequence[ActFacts],
    related: _RelatedSpec,
    params: Mapping[str, Any],
    treve: Mapping[int, date],
) -> tuple[ActFacts | None, dict[str, Any]]:
    """The related act chosen by ``spec`` and the facts its filter read."""
    spec = related.spec
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
        if related.filtre:
            probe = _Context(other, dossier, params, treve)
            if not all(condition(probe) for condition in related.filtre):
                continue
            candidates.append((other, probe.faits))
        else:
            candidates.append((other, {}))
    if not candidates:
        return None, {}
    return candidates[0] if spec.choix == "premier" else candidates[-1]


def _message(regle: Regle, day: date | None, echu_le: date | None = None) -> str:
    text = regle.effet.message or DECISION_CODES[regle.effet.code]["fr"]
    if day is not None:
        text = f"{text} : {day.strftime('%d/%m/%Y')}"
    if echu_le is not None:
        text = (
            f"{text} (fichier de règles échu le {echu_le.strftime('%d/%m/%Y')} : règle maintenue jusqu'à "
            "l'adoption d'un nouveau fichier)"
        )
    return text


def _sorted_json(value: Any) -> Any:
    """``json.loads(json.dumps(value, sort_keys=True))`` for a value already made of JSON types (what
    ``_jsonable`` returns): a copy with every mapping's keys sorted, tuples as lists."""
    if isinstance(value, dict):
        return {str(k): _sorted_json(value[k]) for k in sorted(value)}
    if isinstance(value, (list, tuple)):
        return [_sorted_json(v) for v in value]
    return value


def _apply(
    rule: _CompiledRule,
    act: ActFacts,
    dossier: Sequence[ActFacts],
    params: Mapping[str, Any],
    treve: Mapping[int, date],
    dossier_facts: _DossierFacts = _NO_DOSSIER_FACTS,
) -> Decision | None:
    regle = rule.regle
    ctx = _Context(act, dossier, params, treve, dossier_facts)
    reference = _as_day(rule.date_reference(ctx))
    if reference is None or reference < regle.du or (regle.au is not None and reference > regle.au):
        return None
    for related in rule.actes_lies:
        alias = related.alias
        found, filter_facts = _related_act(act, dossier, related, params, treve)
        ctx.related[alias] = found
        if found is not None:
            ctx.faits[f"{alias}.acte"] = found.key
            for label, value in filter_facts.items():
                if not label.startswith("param."):
                    label = f"{alias}.{label}"
                ctx.faits[label] = value
    for condition in rule.conditions:
        if not condition(ctx):
            return None
    effet = regle.effet
    day: date | None = None
    if rule.effet_date is not None:
        day = _as_day(rule.effet_date(ctx))
        if day is None:
            return None
    echu_le = rule.terme if rule.terme is not None and reference > rule.terme else None
    if echu_le is not None:
        ctx.faits["fichier.echu_le"] = echu_le.isoformat()
    return Decision(
        kind=effet.type,
        code=effet.code,
        regle=regle.id,
        source=regle.source,
        acte=act.key,
        faits=_sorted_json(ctx.faits),
        date=day,
        destinataire=effet.destinataire,
        precision=effet.precision,
        message=_message(regle, day, echu_le),
    )


@dataclass(frozen=True)
class _Territory:
    """What a territory's evaluations share: merged parameters and the rules by triggering act type
    (national first, then the territory's files, each in file order)."""

    params: Mapping[str, Any]
    treve: Mapping[int, date]
    by_type: Mapping[str, tuple[_CompiledRule, ...]]


class _CompiledBook:
    def __init__(self, book: RuleBook) -> None:
        self.book = weakref.ref(book)
        self.rules: dict[int, _CompiledRule] = {}
        self.territories: dict[str, _Territory] = {}

    def territory(self, book: RuleBook, territoire: str) -> _Territory:
        found = self.territories.get(territoire)
        if found is None:
            params = book.parametres_for(territoire)
            by_type: dict[str, list[_CompiledRule]] = {}
            for ruleset in book.rulesets_for(territoire):
                terme = ruleset.fichier.validite.au
                for regle in ruleset.regles:
                    rule = self.rules.get(id(regle))
                    if rule is None:
                        rule = self.rules[id(regle)] = _compile_rule(regle, terme)
                    for act_type in dict.fromkeys(regle.declencheur):
                        by_type.setdefault(act_type, []).append(rule)
            found = _Territory(
                params=params,
                treve=_treve_exceptions(params),
                by_type={t: tuple(rules) for t, rules in by_type.items()},
            )
            self.territories[territoire] = found
        return found


_COMPILED: dict[int, _CompiledBook] = {}


def _compiled(book: RuleBook) -> _CompiledBook:
    """The compiled form of ``book``, made on first use (rule books are immutable once loaded)."""
    compiled = _COMPILED.get(id(book))
    if compiled is None or compiled.book() is not book:
        if len(_COMPILED) >= 16:  # books loaded from other folders (tests): keep the cache small
            _COMPILED.clear()
        compiled = _COMPILED[id(book)] = _CompiledBook(book)
    return compiled


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
    territory = _compiled(book).territory(book, str(territoire))
    params, treve = territory.params, territory.treve
    dossier_facts = _DossierFacts(ordered)
    found: dict[str, tuple[tuple[int, int, str, str, str], Decision]] = {}
    for index, act in enumerate(ordered):
        for rule in territory.by_type.get(act.data.get("type"), ()):  # type: ignore[arg-type]
            decision = _apply(rule, act, ordered, params, treve, dossier_facts)
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
