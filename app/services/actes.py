"""Filing an act: authorise, attach to its dossier, evaluate the rules, store act + decisions + event
+ idempotency record in one transaction, and answer with the receipt.

The hot path is a few round trips on the request's asyncpg connection (``Database.transaction``: no
SQLAlchemy session around each statement; the statements are prepared once per connection by asyncpg):
one statement takes the advisory locks, one reads duplicates and candidate dossiers, one (for a known
dossier) reads its acts and latest decisions, one writes everything with data-modifying CTEs.

Concurrency: a blocking advisory lock per (partner, reference) and per household key serialises
filings that could create the same act or the same dossier; the Idempotency-Key lock is only tried, so
a key still in flight answers 409 at once. Filing into an existing dossier then takes the dossier's own
lock (always last, so lock order cannot cycle) before reading its acts: two acts filed at once into one
dossier (a DSF by ``dossier_id`` and an expulsion by household, say) are evaluated one after the other,
each seeing the other, and the derived stage never goes backwards.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import asyncpg
from sqlalchemy import select

from app.core.db import driver_sql
from app.core.problems import ProblemException, forbidden, validation_problem
from app.core.scopes import ACTES_DEPOSER, depot_scope
from app.core.security import Principal
from app.models.dossier import Dossier
from app.schemas.actes import ActeBase
from app.services.decisions import ActInput, evaluate_dossier, group
from app.services.dossiers import bailleur_siren, household_keys, parc_of, stage_of
from app.services.visibility import Vue, acts_index, dossier_filter


def canonical_json(payload: Mapping[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"))


def response_json(body: Mapping[str, Any]) -> bytes:
    """``body`` serialised exactly as Starlette's ``JSONResponse.render`` does it."""
    return json.dumps(body, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()


def _lock_id(*parts: str) -> int:
    """A signed 64-bit advisory lock id."""
    return int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big", signed=True)


@dataclass(frozen=True)
class FilingResult:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    rendered: bytes | None = None  # ``response_json(body)`` when already made (a new filing's receipt)


def authorise(principal: Principal, acte: ActeBase) -> None:
    """May this partner file this act? 403 names what is missing."""
    acte_type = str(getattr(acte, "type"))  # noqa: B009 (each subclass declares its own Literal)
    needed = depot_scope(acte_type)
    if ACTES_DEPOSER not in principal.scopes or needed not in principal.scopes:
        raise forbidden(
            f"A {principal.kind} partner may not file '{acte_type}' acts (scope {needed}).", scope=needed
        )
    if acte.territoire not in principal.territoires:
        raise forbidden(f"This partner does not act in territoire {acte.territoire}.")
    if acte.recu_le is not None:
        raise validation_problem(
            [
                {
                    "pointer": "/recu_le",
                    "detail": "set by the server on a real filing; only simulations may carry it",
                }
            ]
        )


_LOCKS = (
    "SELECT (SELECT pg_try_advisory_xact_lock($1)) AS idem_free, "
    "(SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(CAST($2 AS bigint[])) AS k ORDER BY 1) s) AS n"
)


def _begin_and_lock(idem_lock: int, locks: Sequence[int]) -> str:
    """``BEGIN`` and the locks of ``_LOCKS`` as one simple query (no parameters: the lock ids are integers
    we computed, inlined as literals; ``locks`` is sorted, and a select list is evaluated left to right,
    so every filing takes them in the same order). Its status is ``SELECT 1`` when the Idempotency-Key
    lock was free, else ``SELECT 0``; the other locks are taken either way (``OFFSET 0`` keeps the
    subquery, and its volatile lock calls, whole). Cheaper for PostgreSQL to parse and plan than
    ``_LOCKS`` is to execute prepared, and one round trip fewer."""
    taken = ", ".join(f"pg_advisory_xact_lock({int(k)})" for k in locks)
    return (
        f"BEGIN; SELECT 1 FROM (SELECT pg_try_advisory_xact_lock({int(idem_lock)}) AS free, {taken} "  # noqa: S608 (integers only)
        "OFFSET 0) s WHERE s.free"
    )


# Candidate dossiers are found from the household keys, one primary-key probe per key and then per
# dossier: each lateral subquery has ``OFFSET 0`` so that the planner can neither flatten it nor turn the
# lookup around into a scan of the territory's dossiers (which it did on a fresh, never-analysed
# database, whose estimates say "one dossier per territory": O(dossiers) per filing).
_DUPLICATES = """
SELECT (SELECT json_build_object('sha', payload_sha256, 'receipt', receipt, 'id', id) FROM actes
        WHERE partner_id = $1 AND reference = $2) AS existing,
       (SELECT json_build_object('sha', request_sha256, 'status', response_status, 'body', response_body)
        FROM idempotency_keys WHERE partner_id = $1 AND cle = $3) AS idem,
       (SELECT coalesce(json_agg(json_build_object('id', d.id, 'bailleur', d.bailleur_cle)
                                 ORDER BY d.stade = 'clos', d.updated_at DESC, d.id), CAST('[]' AS json))
        FROM (SELECT DISTINCT c.dossier_id FROM unnest(CAST($4 AS text[])) AS u(cle)
              CROSS JOIN LATERAL (SELECT dossier_id FROM dossier_cles WHERE cle = u.cle OFFSET 0) c) k
        CROSS JOIN LATERAL (SELECT x.id, x.bailleur_cle, x.updated_at, x.territoire, x.stade FROM dossiers x
                            WHERE x.id = k.dossier_id OFFSET 0) d
        WHERE d.territoire = $5
          AND (d.stade <> 'clos'
               OR CAST($6 AS date) <= (SELECT max(z.date_acte) FROM actes z
                                       WHERE z.dossier_id = d.id AND z.type IN ('expulsion', 'cloture')))
       ) AS candidates
"""
# The dossier's acts (for the engine) and the decisions of its latest evaluation, in one round trip.
_STATE = """
SELECT (SELECT coalesce(json_agg(json_build_object('id', a.id, 'type', a.type, 'partner_id', a.partner_id,
                                                   'payload', a.payload, 'recu_le', a.recu_le)
                                 ORDER BY a.recu_le, a.id), CAST('[]' AS json))
        FROM actes a WHERE a.dossier_id = $1) AS acts,
       (SELECT e.decisions FROM evaluations e WHERE e.dossier_id = $1
        ORDER BY e.created_at DESC, e.id DESC LIMIT 1) AS latest
"""

# Parameters: $1 dossier id, $2 territoire, $3 parc, $4 stade, $5 bailleur, $6 now, $7 household keys,
# $8 act id, $9 partner id, $10 partner kind, $11 type, $12 reference, $13 date_acte, $14 payload,
# $15 payload sha, $16 receipt, $17 evaluation id, $18 rules version, $19 decisions, $20 new decisions,
# $21 event types, $22 event data, ($23 Idempotency-Key).
_WRITE = """
WITH d AS (
  INSERT INTO dossiers (id, territoire, parc, stade, bailleur_cle, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $6)
  ON CONFLICT (id) DO UPDATE SET parc = COALESCE(EXCLUDED.parc, dossiers.parc), stade = EXCLUDED.stade,
    bailleur_cle = COALESCE(dossiers.bailleur_cle, EXCLUDED.bailleur_cle), updated_at = EXCLUDED.updated_at
  RETURNING id
), k AS (
  INSERT INTO dossier_cles (cle, dossier_id) SELECT c, (SELECT id FROM d) FROM unnest(CAST($7 AS text[])) AS c
  ON CONFLICT DO NOTHING
), a AS (
  INSERT INTO actes (id, dossier_id, partner_id, partner_kind, type, reference, territoire, date_acte, recu_le,
                     payload, payload_sha256, receipt)
  VALUES ($8, (SELECT id FROM d), $9, $10, $11, $12, $2, $13, $6, CAST($14 AS jsonb), $15, CAST($16 AS jsonb))
  RETURNING id
), e AS (
  INSERT INTO evaluations (id, dossier_id, acte_id, motif, version_regles, decisions, nouvelles, created_at)
  VALUES ($17, (SELECT id FROM d), (SELECT id FROM a), 'depot', $18, CAST($19 AS jsonb), CAST($20 AS jsonb), $6)
), o AS (
  INSERT INTO events (type, dossier_id, acte_id, territoire, data, created_at)
  SELECT t, (SELECT id FROM d), (SELECT id FROM a), $2, CAST($22 AS jsonb), $6
  FROM unnest(CAST($21 AS text[])) AS t
)
"""
_WRITE_PLAIN = _WRITE + "SELECT 1"
_WRITE_IDEM = (
    _WRITE  # noqa: S608 (constant SQL, bound parameters)
    + ", i AS (INSERT INTO idempotency_keys (partner_id, cle, request_sha256, response_status, response_body, "
    "created_at) VALUES ($9, $23, $15, 201, CAST($16 AS jsonb), $6)) SELECT 1"
)


async def _find_dossier(
    conn: asyncpg.Connection,
    principal: Principal,
    payload: Mapping[str, Any],
    candidates: Sequence[Mapping[str, Any]],
) -> uuid.UUID | None:
    """An explicit ``dossier_id`` (checked against what the partner may read), else the household's most
    recently updated open dossier whose landlord does not contradict the act's; failing that, a closed one
    the act predates (out of order: dated on or before the expulsion or closure), never a new one."""
    explicit = payload.get("dossier_id")
    if explicit is not None:
        sql, args = driver_sql(
            select(Dossier.id, Dossier.territoire).where(
                Dossier.id == uuid.UUID(str(explicit)), dossier_filter(principal)
            )
        )
        row = await conn.fetchrow(sql, *args)
        if row is None:
            raise validation_problem(
                [{"pointer": "/dossier_id", "detail": "no such dossier among those this partner may read"}]
            )
        if row["territoire"] != payload["territoire"]:
            raise validation_problem(
                [{"pointer": "/territoire", "detail": f"the dossier is in territoire {row['territoire']}"}]
            )
        return uuid.UUID(str(row["id"]))
    siren = bailleur_siren(payload)
    for candidate in candidates:
        if siren is None or candidate["bailleur"] is None or candidate["bailleur"] == siren:
            return uuid.UUID(str(candidate["id"]))
    return None


async def _dossier_state(
    conn: asyncpg.Connection, dossier_id: uuid.UUID
) -> tuple[list[dict[str, Any]], set[str]]:
    """The dossier's acts (for the engine) and the keys of the decisions already made, read once the
    dossier's lock is held (a statement of its own: a read in the same statement would see the data as
    of before the wait)."""
    await conn.execute(f"SELECT pg_advisory_xact_lock({_lock_id('dossier', str(dossier_id))})")
    row = await conn.fetchrow(_STATE, dossier_id)
    acts = [{**a, "recu_le": datetime.fromisoformat(a["recu_le"])} for a in row["acts"]]
    return acts, {str(d["cle"]) for d in (row["latest"] or [])}


async def file_acte(
    conn: asyncpg.Connection,
    principal: Principal,
    acte: ActeBase,
    *,
    idempotency_key: str | None = None,
    now: datetime | None = None,
) -> FilingResult:
    authorise(principal, acte)
    payload: dict[str, Any] = acte.model_dump(mode="json", exclude_none=True)
    payload_json = canonical_json(payload)  # stored as is: jsonb keeps no key order or spacing
    sha = hashlib.sha256(payload_json.encode()).hexdigest()
    reference = str(payload["reference"])
    keys = household_keys(payload)
    pid = str(principal.partner_id)

    locks = sorted({_lock_id("ref", pid, reference), *(_lock_id("menage", k) for k in keys)})
    idem_lock = _lock_id("idem", pid, idempotency_key or "")
    if conn.is_in_transaction():  # a batch's chunk (services.lots): one transaction for several acts
        idem_free = await conn.fetchval(_LOCKS, idem_lock, locks)
    else:  # one filing (``transaction(deferred_begin=True)``): BEGIN and the locks in one round trip
        idem_free = (await conn.execute(_begin_and_lock(idem_lock, locks))).endswith(" 1")
    if idempotency_key is not None and not idem_free:
        raise ProblemException(
            409,
            "requete-en-cours",
            "Request in flight",
            "A request with this Idempotency-Key is still being processed; retry later.",
            headers={"Retry-After": "1"},
        )

    existing, idem, candidates = await conn.fetchrow(
        _DUPLICATES,
        principal.partner_id,
        reference,
        idempotency_key or "",
        keys,
        payload["territoire"],
        acte.date_acte,
    )
    if idempotency_key is not None and idem is not None:
        if idem["sha"] != sha:
            raise ProblemException(
                422,
                "cle-idempotence-reutilisee",
                "Idempotency-Key reused",
                "This Idempotency-Key was used with another payload.",
            )
        return FilingResult(int(idem["status"]), idem["body"], {"Idempotent-Replayed": "true"})
    if existing is not None:
        if existing["sha"] != sha:
            raise ProblemException(
                409,
                "reference-deja-utilisee",
                "Reference already used",
                f"Reference '{reference}' already names another act of this partner.",
                acte_id=str(existing["id"]),
            )
        return FilingResult(200, existing["receipt"], {"Idempotent-Replayed": "true"})

    now = now or datetime.now(UTC)
    dossier_id = await _find_dossier(conn, principal, payload, candidates)
    new_dossier = dossier_id is None
    previous: list[dict[str, Any]] = []
    known: set[str] = set()
    if dossier_id is None:
        dossier_id = uuid.uuid4()
    else:
        previous, known = await _dossier_state(conn, dossier_id)

    acte_id = uuid.uuid4()
    inputs = [ActInput(str(p["id"]), p["payload"], p["recu_le"]) for p in previous]
    inputs.append(
        ActInput(str(acte_id), payload, now, facts=acte.model_dump(mode="python", exclude_none=True))
    )
    version, decisions = evaluate_dossier(str(payload["territoire"]), inputs)
    nouvelles = [d for d in decisions if d["cle"] not in known]

    vue = Vue(principal)
    actes = acts_index(
        [*previous, {"id": acte_id, "type": payload["type"], "partner_id": principal.partner_id}]
    )
    receipt: dict[str, Any] = {
        "id": str(acte_id),
        "dossier_id": str(dossier_id),
        "recu_le": now.isoformat(),
        "type": payload["type"],
        "reference": reference,
        "nouveau_dossier": new_dossier,
        "acte": payload,
        **group(vue.decisions(nouvelles, actes)),
        "version_regles": version,
    }
    receipt_json = response_json(receipt)  # stored, and sent as the response body
    decisions_json = json.dumps(decisions)
    events = ["dossier.cree", "acte.depose"] if new_dossier else ["acte.depose"]
    args = [
        dossier_id,
        payload["territoire"],
        parc_of(payload),
        stage_of([str(p["type"]) for p in previous] + [str(payload["type"])]),
        bailleur_siren(payload),
        now,
        keys,
        acte_id,
        principal.partner_id,
        principal.kind,
        payload["type"],
        reference,
        acte.date_acte,
        payload_json,
        sha,
        receipt_json.decode(),
        uuid.uuid4(),
        version,
        decisions_json,
        decisions_json if len(nouvelles) == len(decisions) else json.dumps(nouvelles),  # all new: same list
        events,
        json.dumps(
            {
                "acte_id": str(acte_id),
                "type": payload["type"],
                "dossier_id": str(dossier_id),
                "partner_kind": principal.kind,
            }
        ),
    ]
    if idempotency_key is not None:
        await conn.execute(_WRITE_IDEM, *args, idempotency_key)
    else:
        await conn.execute(_WRITE_PLAIN, *args)
    return FilingResult(201, receipt, {"Location": f"/v1/actes/{acte_id}"}, receipt_json)
