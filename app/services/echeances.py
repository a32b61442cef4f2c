"""The deadline watch: tell the partners concerned that a deadline is near, or passed unmet.

Run periodically by the worker (``jobs/echeances.py``) with today from the one clock
(``core/clock.py``, ``PREVEX_TODAY`` in tests). For every ``active`` deadline (``decisions``, kind
``echeance``):

- **near** (``echeance.proche``): its date is today or within ``PREVEX_ECHEANCE_PROCHE_JOURS_OUVRES``
  working days (5). This applies to the deadlines an act must meet (``SATISFACTIONS``: DSF, notification
  to the préfet, enquête sociale, CFP decision), to ``offre_dalo_limite``, and to two earliest days:
  ``cdp_effet`` (the termination clause takes effect: the last days to pay or seize the FSL) and
  ``expulsion_au_plus_tot`` (an eviction becomes possible: the CCAPEX and the préfecture act before).
  Not to ``assignation_au_plus_tot``: the day a landlord may sue calls for nobody's action.
- **passed** (``echeance.depassee``; ``cfp.refus_implicite`` for ``refus_implicite_cfp``): its date is
  before today and no act met it; only the deadlines an act can meet (``SATISFACTIONS``) can be missed,
  earliest days never are. The decision's ``statut`` becomes ``depassee``.

**Once per deadline.** Each dossier is handled under its lock (the filing's and the re-evaluation's), in
one transaction that changes the state and writes the events together: the ``UPDATE … WHERE statut =
'active' RETURNING`` of a passed deadline, and the ``INSERT … ON CONFLICT DO NOTHING RETURNING`` of a
near one into ``echeance_rappels``, return a row to one transaction only, however many workers run the
watch and however often it restarts. Recipients are the dossier's grant holders whose view shows the
decision (``services/visibility.py:who_sees``), as for ``decision.emise``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.core import clock
from app.core.db import Database
from app.repositories.actes import DECISION_JSON
from app.rules.calendar import is_working_day
from app.rules.codes import SATISFACTIONS
from app.services.actes import dossier_state
from app.services.evenements import NewEvent, publish
from app.services.visibility import acts_index, holders, who_sees

AU_PLUS_TOT = frozenset({"cdp_effet", "expulsion_au_plus_tot"})
PROCHE = frozenset(SATISFACTIONS) | {"offre_dalo_limite"} | AU_PLUS_TOT
DEPASSABLE = frozenset(SATISFACTIONS)
REFUS_IMPLICITE = "refus_implicite_cfp"

_CANDIDATES = """
SELECT DISTINCT dossier_id FROM decisions
WHERE statut = 'active' AND kind = 'echeance'
  AND ((date < $1 AND code = ANY(CAST($3 AS text[])))
       OR (date >= $1 AND date <= $2 AND code = ANY(CAST($4 AS text[]))
           AND NOT EXISTS (SELECT 1 FROM echeance_rappels r WHERE r.decision_id = decisions.id)))
ORDER BY dossier_id
"""
_PASSED = f"""
UPDATE decisions x SET statut = 'depassee', statut_le = $4
WHERE x.dossier_id = $1 AND x.statut = 'active' AND x.kind = 'echeance' AND x.date < $2
  AND x.code = ANY(CAST($3 AS text[]))
RETURNING {DECISION_JSON} AS d
"""
_NEAR = f"""
WITH due AS (
  SELECT x.* FROM decisions x
  WHERE x.dossier_id = $1 AND x.statut = 'active' AND x.kind = 'echeance' AND x.date >= $2 AND x.date <= $3
    AND x.code = ANY(CAST($4 AS text[]))
), r AS (
  INSERT INTO echeance_rappels (decision_id, at) SELECT id, $5 FROM due ON CONFLICT DO NOTHING
  RETURNING decision_id
)
SELECT {DECISION_JSON} AS d FROM due x JOIN r ON r.decision_id = x.id
"""
_TERRITOIRE = "SELECT territoire FROM dossiers WHERE id = $1"


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to ``end`` included (0 when ``end`` is ``start``)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def lead_end(today: date, lead: int) -> date:
    """The last day within ``lead`` working days of ``today``."""
    day, left = today, lead
    while left > 0:
        day += timedelta(days=1)
        left -= is_working_day(day)
    return day


@dataclass
class Bilan:
    proches: int = 0
    depassees: int = 0


def _data(dossier_id: uuid.UUID, d: Mapping[str, Any], references: Mapping[str, str]) -> dict[str, Any]:
    return {
        "dossier_id": str(dossier_id),
        "decision_id": str(d["id"]),
        "acte_id": str(d["acte"]),
        "acte_reference": references.get(str(d["acte"])),
        "kind": d["kind"],
        "code": d["code"],
        "regle": d["regle"],
        "source": d["source"],
        "date": str(d["date"]),
        **({"destinataire": d["destinataire"]} if d.get("destinataire") else {}),
    }


async def watch_dossier(conn: Any, dossier_id: uuid.UUID, today: date, until: date) -> tuple[int, int]:
    """One dossier, under its lock, in the caller's transaction: (near, passed) events written."""
    state = await dossier_state(conn, dossier_id)
    now = clock.now()
    passed = [r["d"] for r in await conn.fetch(_PASSED, dossier_id, today, sorted(DEPASSABLE), now)]
    near = [r["d"] for r in await conn.fetch(_NEAR, dossier_id, today, until, sorted(PROCHE), now)]
    if not passed and not near:
        return 0, 0
    dossier_holders = holders(state.grants)
    index = acts_index(state.acts)
    references = {str(a["id"]): str(a["payload"].get("reference")) for a in state.acts}
    events: list[NewEvent] = []
    for d in near:
        pour = who_sees(d, dossier_holders, index)
        day = date.fromisoformat(str(d["date"]))
        data = {
            **_data(dossier_id, d, references),
            "statut": "active",
            "jours_ouvres_restants": working_days_between(today, day),
            "au_plus_tot": d["code"] in AU_PLUS_TOT,
        }
        if pour:
            events.append(NewEvent("echeance.proche", data, pour, uuid.UUID(str(d["acte"]))))
    for d in passed:
        pour = who_sees(d, dossier_holders, index)
        kind = "cfp.refus_implicite" if d["code"] == REFUS_IMPLICITE else "echeance.depassee"
        data = {**_data(dossier_id, d, references), "statut": "depassee"}
        if pour:
            events.append(NewEvent(kind, data, pour, uuid.UUID(str(d["acte"]))))
    territoire = await conn.fetchval(_TERRITOIRE, dossier_id)
    await publish(conn, dossier_id, territoire, events, now)
    return len(near), len(passed)


async def watch(database: Database, today: date | None = None, lead: int | None = None) -> Bilan:
    """Every dossier with a deadline to announce, one transaction each. Safe to run concurrently."""
    from app.core.config import get_settings

    today = today or clock.today()
    lead = get_settings().echeance_proche_jours_ouvres if lead is None else lead
    until = lead_end(today, lead)
    async with database.transaction() as conn:
        dossiers: Sequence[Any] = await conn.fetch(
            _CANDIDATES, today, until, sorted(DEPASSABLE), sorted(PROCHE)
        )
    bilan = Bilan()
    for row in dossiers:
        async with database.transaction() as conn:
            near, passed = await watch_dossier(conn, row["dossier_id"], today, until)
        bilan.proches += near
        bilan.depassees += passed
    return bilan
