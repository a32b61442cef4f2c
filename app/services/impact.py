"""What a rule change would do: the decisions a draft rule file would add, remove or move on the stored
dossiers of a territory, without storing anything.

The comparison is between two runs of the engine on the same stored acts, one with the rules in force
(the shipped rule book) and one with the draft in place of the file it replaces
(:func:`app.rules.rulebook.with_draft`), through :func:`app.services.decisions.evaluate_dossier`, the
function a filing, a simulation and a re-evaluation call. It is not compared with the stored decisions:
those were made by whatever rules were in force at each filing, and a dossier not re-evaluated since a
rule change would mix that change's effect with the draft's. Two runs on the same acts show the draft's
effect alone.

It reads the dossiers the caller may read (``visibility.dossier_filter``; the CLI reads them all) in a
read-only transaction and answers with counts and, for examples, dossier and act ids, decision codes,
rules and dates: never an act's content.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import anyio.to_thread
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.security import Principal
from app.models.acte import Acte
from app.models.dossier import Dossier
from app.rules.rulebook import Brouillon, RuleBook, load_rulebook
from app.services.decisions import ActInput, evaluate_dossier, typed_facts
from app.services.visibility import ALL_DECISIONS, DECISIONS_OF_READ_ACTS, dossier_filter

__all__ = ["IMPACT_KINDS", "REFERENCE", "impact"]

IMPACT_KINDS = ALL_DECISIONS | DECISIONS_OF_READ_ACTS  # the territory's instances
"""The partner kinds that may run an impact: the territory's instances (CCAPEX, préfecture, département),
since it tells which decisions each dossier would get. (The préfecture reads only the decisions about
acts from the assignation on, docs/protection.md §2; an impact still counts every decision: left as it
was, to be decided with the préfecture's rule-change role.)"""

REFERENCE = (
    "Deux évaluations du moteur sur les mêmes actes : les règles en vigueur, puis le brouillon à la place "
    "du fichier qu'il remplace (les décisions stockées, faites par les règles de chaque dépôt, ne sont pas "
    "la référence)."
)

_BATCH = 200
_KINDS_OF_CHANGE = ("apparaissent", "disparaissent", "changent_de_date", "modifiees")


def _example(dossier_id: str, decision: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "dossier_id": dossier_id,
        "acte_id": decision["acte"],
        "cle": decision["cle"],
        "kind": decision["kind"],
        "code": decision["code"],
        "regle": decision["regle"],
        "date": decision.get("date"),
    }


@dataclass
class _Tally:
    exemples_max: int
    dossiers_max: int
    examined: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {k: [] for k in _KINDS_OF_CHANGE}
    )
    by_code: dict[str, Counter[str]] = field(default_factory=dict)
    dossiers: list[dict[str, Any]] = field(default_factory=list)
    dossiers_changed: int = 0

    def add(self, kind: str, code: str, example: dict[str, Any]) -> None:
        self.counts[kind] += 1
        self.by_code.setdefault(code, Counter())[kind] += 1
        if len(self.examples[kind]) < self.exemples_max:
            self.examples[kind].append(example)


def _compare(
    dossier_id: str, now: Sequence[Mapping[str, Any]], then: Sequence[Mapping[str, Any]], tally: _Tally
) -> None:
    before = {str(d["cle"]): d for d in now}
    after = {str(d["cle"]): d for d in then}
    changed: Counter[str] = Counter()
    for key, decision in after.items():
        if key not in before:
            tally.add("apparaissent", decision["code"], _example(dossier_id, decision))
            changed["apparaissent"] += 1
    for key, decision in before.items():
        if key not in after:
            tally.add("disparaissent", decision["code"], _example(dossier_id, decision))
            changed["disparaissent"] += 1
            continue
        new = after[key]
        if decision.get("date") != new.get("date"):
            example = _example(dossier_id, new) | {
                "date_avant": decision.get("date"),
                "date": new.get("date"),
            }
            tally.add("changent_de_date", decision["code"], example)
            changed["changent_de_date"] += 1
        elif {k: v for k, v in decision.items() if k != "liens_sources"} != {
            k: v for k, v in new.items() if k != "liens_sources"
        }:
            tally.add("modifiees", decision["code"], _example(dossier_id, new))
            changed["modifiees"] += 1
    if changed:
        tally.dossiers_changed += 1
        if len(tally.dossiers) < tally.dossiers_max:
            tally.dossiers.append({"dossier_id": dossier_id, **{k: changed[k] for k in _KINDS_OF_CHANGE}})


def _evaluate_batch(
    territoire: str,
    dossiers: Sequence[tuple[str, list[ActInput]]],
    current: RuleBook,
    draft: RuleBook,
    tally: _Tally,
) -> None:
    for dossier_id, acts in dossiers:
        _, now = evaluate_dossier(territoire, acts, rulebook=current)
        _, then = evaluate_dossier(territoire, acts, rulebook=draft)
        _compare(dossier_id, now, then, tally)
        tally.examined += 1


def _chunks(ids: Sequence[uuid.UUID], size: int) -> Iterable[Sequence[uuid.UUID]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


async def impact(
    session: AsyncSession,
    territoire: str,
    brouillon: Brouillon,
    *,
    principal: Principal | None = None,
    exemples: int = 20,
    dossiers_max: int = 500,
    rulebook: RuleBook | None = None,
) -> dict[str, Any]:
    """Which decisions the draft would make appear, disappear, change date or otherwise change on the
    stored dossiers of ``territoire`` that ``principal`` may read (all of them without a principal), with
    counts, up to ``exemples`` examples of each and the ``dossiers_max`` first dossiers that change.
    Reads in a read-only transaction (the session's own: nothing can be written)."""
    current = rulebook if rulebook is not None else load_rulebook()
    await session.execute(text("SET TRANSACTION READ ONLY"))
    query = select(Dossier.id).where(Dossier.territoire == territoire)
    if principal is not None:
        query = query.where(dossier_filter(principal))
    ids = list((await session.scalars(query.order_by(Dossier.id))).all())
    tally = _Tally(exemples_max=exemples, dossiers_max=dossiers_max)
    for chunk in _chunks(ids, _BATCH):
        rows = await session.execute(
            select(Acte.id, Acte.dossier_id, Acte.payload, Acte.recu_le)
            .where(Acte.dossier_id.in_(chunk))
            .order_by(Acte.dossier_id, Acte.recu_le, Acte.id)
        )
        grouped: dict[str, list[ActInput]] = {str(i): [] for i in chunk}
        for acte_id, dossier_id, payload, recu_le in rows.all():
            grouped[str(dossier_id)].append(ActInput(str(acte_id), payload, recu_le, typed_facts(payload)))
        batch = [(d, acts) for d, acts in grouped.items() if acts]
        # the engine is pure Python: off the event loop, one batch at a time
        await anyio.to_thread.run_sync(_evaluate_batch, territoire, batch, current, brouillon.book, tally)
    return {
        "territoire": territoire,
        "fichier": brouillon.fichier,
        "remplace": list(brouillon.remplace),
        "version_regles": current.version_for(territoire),
        "version_brouillon": brouillon.book.version_for(territoire),
        "reference": REFERENCE,
        "dossiers_examines": tally.examined,
        "dossiers_changes": tally.dossiers_changed,
        **{
            kind: {"nombre": tally.counts[kind], "exemples": tally.examples[kind]}
            for kind in _KINDS_OF_CHANGE
        },
        "par_code": {
            code: {kind: counts[kind] for kind in _KINDS_OF_CHANGE}
            for code, counts in sorted(tally.by_code.items())
        },
        "dossiers": tally.dossiers,
        "dossiers_tronques": tally.dossiers_changed > len(tally.dossiers),
    }
