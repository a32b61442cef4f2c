"""The audit that proves itself (docs/protection.md §3).

- **Recording.** Every read (``lu``), refused read (``refuse``: a 404 on a dossier or act the partner
  may not read) and write (``ecrit``: a filing) of a dossier is a row of ``audit_lectures``: partner,
  client, when, operation, the endpoint's purpose (``finalite``, from :data:`FINALITES`), the caller's
  ``X-Motif`` header. Reads and writes are recorded in the request's own transaction; a refused read in
  a transaction of its own (the request's is rolled back with its 404).
- **The chain.** Rows are written without hashes (no lock on the hot paths). :func:`seal` chains the
  rows whose writing transaction is below every running one (``xid < pg_snapshot_xmin``: their order is
  final), in commit order ``(xid, id)``: ``precedent`` is the previous row's ``empreinte``,
  ``empreinte`` the SHA-256 of ``precedent`` and the row's canonical content. :func:`verify` walks the
  chain and names the first row that does not hold: altered (its hash), removed or reordered (the next
  row's ``precedent``).
- **Retention.** :func:`purge` deletes the oldest sealed rows past ``PREVEX_AUDIT_RETENTION_DAYS`` as a
  prefix of the chain and keeps the last deleted row's hash as the chain's anchor (``reglages``).
- **Append-only in the database.** A trigger (migration ``audit_append_only_anonymisation``) refuses
  every UPDATE but the sealer's (a row without hashes gets them, its content unchanged), every DELETE
  but the purge's (sealed rows, under the transaction setting ``prevex.purge_audit`` that only
  :func:`purge` sets), and TRUNCATE. It stops a mistaken or quiet change through the application's
  role; a superuser can still disable it, and the chain is what shows that.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.core.pagination import decode_cursor, encode_cursor
from app.core.problems import ProblemException, not_found, validation_problem
from app.core.security import Principal
from app.models.audit import AuditLecture
from app.models.dossier import Dossier
from app.models.partner import Partner
from app.services.visibility import dossier_filter

GENESE = "0" * 64
ANCRE = "audit_ancre"  # reglages key: the hash of the last purged row (the chain starts after it)
SEAL_LOCK = 0x61756469745F7365  # one sealer at a time ("audit_se")

#: Each audited operation's purpose, as recorded (``finalite``).
FINALITES: dict[str, str] = {
    "lecture_dossier": "suivi du dossier (GET /v1/dossiers/{id})",
    "lecture_chronologie": "suivi du dossier (GET /v1/dossiers/{id}/chronologie)",
    "lecture_acte": "lecture d'un acte (GET /v1/actes/{id})",
    "recherche": "recherche de dossiers (GET /v1/dossiers)",
    "depot": "dépôt d'un acte (POST /v1/actes)",
    "lecture_audit": "contrôle des accès (GET /v1/audit)",
    "lecture_bilan": "bilan à 12 mois (GET /v1/dossiers/{id}/bilan)",
    "bilan": "bilan à 12 mois (PUT /v1/dossiers/{id}/bilan)",
    "lecture_seance": "séance de la CCAPEX (GET /v1/seances/{id}): les dossiers de son ordre du jour",
    "ordre_du_jour": "ordre du jour d'une séance (PUT /v1/seances/{id}/ordre-du-jour/{dossier_id})",
    "attribution": "attribution du dossier à un membre (POST/DELETE /v1/dossiers/{id}/attributions)",
    "recommandation": "recommandation de la CCAPEX (POST /v1/dossiers/{id}/recommandations, PATCH)",
    "consentement": "consentement du ménage (POST /v1/dossiers/{id}/consentements)",
    "anonymisation": "anonymisation d'un dossier clos (job de rétention)",
    "lecture_courriers": "courriers à envoyer (GET /v1/dossiers/{id}/courriers)",
    "lecture_courrier": "un courrier, en JSON ou en PDF (GET /v1/courriers/{id})",
    "lecture_statistiques": "indicateurs d'un territoire (GET /v1/statistiques/...): pas un dossier, `objet`",
}


def _row(
    principal: Principal,
    dossier_id: uuid.UUID | None,
    operation: str,
    request_id: str | None,
    resultat: str,
    motif: str | None,
    at: datetime,
    objet: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    row = {
        "at": at,
        "partner_id": principal.partner_id,
        "partner_kind": principal.kind,
        "client_id": principal.client_id or None,
        "dossier_id": dossier_id,
        "operation": operation,
        "request_id": request_id,
        "resultat": resultat,
        "motif": motif,
        "finalite": FINALITES.get(operation),
        "user_id": principal.user_id,
    }
    if objet is not None:  # only then: the rows of a dossier keep the columns (and hashes) they had
        row["objet"] = dict(objet)
    return row


async def record_objet(
    session: AsyncSession,
    principal: Principal,
    operation: str,
    objet: Mapping[str, Any],
    request_id: str | None,
    *,
    resultat: str = "lu",
    motif: str | None = None,
) -> None:
    """An audit row for a read of something that is not a dossier (``objet``: the statistics' territory
    and years), in the caller's transaction; a refused one (``resultat="refuse"``) in a transaction of its
    own, since the request's is rolled back with its error."""
    row = _row(principal, None, operation, request_id, resultat, motif, datetime.now(UTC), objet)
    if resultat == "refuse":
        engine = session.bind
        assert isinstance(engine, AsyncEngine)
        async with engine.begin() as conn:
            await conn.execute(insert(AuditLecture), [row])
        return
    await session.execute(insert(AuditLecture), [row])


async def record(
    session: AsyncSession,
    principal: Principal,
    dossier_ids: Sequence[uuid.UUID],
    operation: str,
    request_id: str | None,
    *,
    resultat: str = "lu",
    motif: str | None = None,
) -> None:
    """Audit rows for these dossiers, in the caller's transaction."""
    if not dossier_ids:
        return
    now = datetime.now(UTC)
    await session.execute(
        insert(AuditLecture),
        [_row(principal, d, operation, request_id, resultat, motif, now) for d in dossier_ids],
    )


async def refused(
    session: AsyncSession,
    principal: Principal,
    dossier_id: uuid.UUID | Sequence[uuid.UUID],
    operation: str,
    request_id: str | None,
    motif: str | None,
    detail: str,
) -> ProblemException:
    """A refused read, audited in a transaction of its own (the request's is rolled back with its 404),
    and the 404 to raise. Several dossiers when the thing refused names several (a session's agenda)."""
    engine = session.bind
    assert isinstance(engine, AsyncEngine)
    ids = [dossier_id] if isinstance(dossier_id, uuid.UUID) else list(dossier_id)
    now = datetime.now(UTC)
    rows = [_row(principal, d, operation, request_id, "refuse", motif, now) for d in ids]
    if rows:
        async with engine.begin() as conn:
            await conn.execute(insert(AuditLecture), rows)
    return not_found(detail)


# The chain ------------------------------------------------------------------------------------------

_CHAINED = (
    "id",
    "at",
    "partner_id",
    "partner_kind",
    "client_id",
    "dossier_id",
    "operation",
    "request_id",
    "resultat",
    "motif",
    "finalite",
)
# Chained only when set: a console user's access (``user_id``) and what a read that is not of a dossier
# read (``objet``). The rows written before these columns, and every row of a partner's software about a
# dossier, keep the hash they had.
_CHAINED_WHEN_SET = ("user_id",)
_CHAINED_IF_SET = ("objet",)  # JSONB: chained as canonical JSON
_COLUMNS = ", ".join((*_CHAINED, *_CHAINED_WHEN_SET, *_CHAINED_IF_SET))


def _canonical_json(value: Any) -> str:
    """``objet`` as canonical JSON, whether the driver gives a JSONB as text or decoded."""
    decoded = json.loads(value) if isinstance(value, str) else value
    return json.dumps(decoded, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def empreinte(precedent: str, row: Mapping[str, Any]) -> str:
    """The row's hash: SHA-256 of the previous hash and the row's content, as canonical JSON (with
    ``user_id`` only when the row has one)."""
    content = {
        k: (v.isoformat() if isinstance(v, datetime) else None if v is None else str(v))
        for k, v in row.items()
    }
    chained = {k: content[k] for k in _CHAINED}
    chained.update({k: content[k] for k in _CHAINED_WHEN_SET if content.get(k) is not None})
    for k in _CHAINED_IF_SET:
        if row.get(k) is not None:
            chained[k] = _canonical_json(row[k])
    canonical = json.dumps(chained, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{precedent}\x1f{canonical}".encode()).hexdigest()


async def _anchor(conn: Any) -> str:
    value = await conn.fetchval("SELECT valeur FROM reglages WHERE cle = $1", ANCRE)
    return str(value) if value else GENESE


async def seal(conn: Any, batch: int = 5000) -> int:
    """Chain the rows whose order is final (their transaction below every running one), in commit order.
    Returns how many were sealed. ``conn``: an asyncpg connection in a transaction."""
    await conn.execute("SELECT pg_advisory_xact_lock($1)", SEAL_LOCK)
    last = await conn.fetchval(
        "SELECT empreinte FROM audit_lectures WHERE empreinte IS NOT NULL ORDER BY xid DESC, id DESC LIMIT 1"
    )
    precedent = str(last) if last else await _anchor(conn)
    rows = await conn.fetch(
        f"SELECT {_COLUMNS} FROM audit_lectures WHERE empreinte IS NULL "  # noqa: S608 (constant columns)
        "AND xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid, id LIMIT $1",
        batch,
    )
    updates = []
    for row in rows:
        h = empreinte(precedent, dict(row))
        updates.append((row["id"], precedent, h))
        precedent = h
    if updates:
        await conn.executemany(
            "UPDATE audit_lectures SET precedent = $2, empreinte = $3 WHERE id = $1", updates
        )
    return len(updates)


@dataclass(frozen=True)
class Verification:
    rows: int
    broken_row: int | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_row is None


async def verify(conn: Any) -> Verification:
    """Walk the sealed chain in commit order: the first row whose ``precedent`` is not the previous row's
    hash (a row removed or moved before it) or whose ``empreinte`` is not its content's (altered)."""
    precedent = await _anchor(conn)
    count = 0
    async with conn.transaction():
        cursor = conn.cursor(
            f"SELECT {_COLUMNS}, precedent, empreinte FROM audit_lectures "  # noqa: S608
            "WHERE empreinte IS NOT NULL ORDER BY xid, id"
        )
        async for row in cursor:
            count += 1
            if row["precedent"] != precedent:
                return Verification(
                    count,
                    row["id"],
                    "its precedent is not the previous row's hash "
                    "(a row was removed, added or moved before it)",
                )
            content = {k: row[k] for k in (*_CHAINED, *_CHAINED_WHEN_SET, *_CHAINED_IF_SET)}
            if empreinte(precedent, content) != row["empreinte"]:
                return Verification(count, row["id"], "its content does not match its hash (altered)")
            precedent = row["empreinte"]
    return Verification(count)


async def purge(conn: Any, before: datetime, batch: int = 5000) -> int:
    """Delete the oldest sealed rows written before ``before``, as a prefix of the chain, and keep the
    last deleted row's hash as the anchor. Returns how many were deleted."""
    await conn.execute("SELECT pg_advisory_xact_lock($1)", SEAL_LOCK)
    rows = await conn.fetch(
        "SELECT id, at, empreinte FROM audit_lectures WHERE empreinte IS NOT NULL ORDER BY xid, id LIMIT $1",
        batch,
    )
    prefix = []
    for row in rows:
        if row["at"] >= before:
            break
        prefix.append(row)
    if not prefix:
        return 0
    # The table refuses every DELETE but this one (a trigger, docs/protection.md §3): the setting lasts
    # for this transaction only.
    await conn.execute("SELECT set_config('prevex.purge_audit', 'on', true)")
    await conn.execute("DELETE FROM audit_lectures WHERE id = ANY($1::bigint[])", [r["id"] for r in prefix])
    await conn.execute("SELECT set_config('prevex.purge_audit', 'off', true)")
    await conn.execute(
        "INSERT INTO reglages (cle, valeur, updated_at) VALUES ($1, $2, now()) "
        "ON CONFLICT (cle) DO UPDATE SET valeur = EXCLUDED.valeur, updated_at = EXCLUDED.updated_at",
        ANCRE,
        prefix[-1]["empreinte"],
    )
    return len(prefix)


# Reading the audit ----------------------------------------------------------------------------------


async def read_audit(
    session: AsyncSession,
    principal: Principal,
    *,
    dossier_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
    request_id: str | None,
) -> dict[str, Any]:
    """The audit a partner may read: a DPO every dossier's, the CCAPEX the dossiers it may read (one
    ``dossier_id`` at a time: 404 outside them, audited as a refusal). Newest first."""
    if principal.kind != "dpo":
        if dossier_id is None:
            raise validation_problem(
                [{"pointer": "", "parameter": "query:dossier_id", "detail": "required for this partner kind"}]
            )
        visible = await session.scalar(
            select(Dossier.id).where(Dossier.id == dossier_id, dossier_filter(principal))
        )
        if visible is None:
            raise await refused(
                session,
                principal,
                dossier_id,
                "lecture_audit",
                request_id,
                None,
                "No such dossier, or not visible to this partner.",
            )
    query = select(AuditLecture, Partner.nom).outerjoin(Partner, Partner.id == AuditLecture.partner_id)
    if dossier_id is not None:
        query = query.where(AuditLecture.dossier_id == dossier_id)
    if cursor is not None:
        at, ident = decode_cursor(cursor, int)
        query = query.where(tuple_(AuditLecture.at, AuditLecture.id) < tuple_(literal(at), literal(ident)))
    rows = (
        await session.execute(query.order_by(AuditLecture.at.desc(), AuditLecture.id.desc()).limit(limit + 1))
    ).all()
    page, more = rows[:limit], len(rows) > limit
    if dossier_id is not None:
        await record(session, principal, [dossier_id], "lecture_audit", request_id)
    return {
        "items": [
            {
                "at": a.at.isoformat(),
                "dossier_id": str(a.dossier_id) if a.dossier_id else None,
                "objet": a.objet,
                "partner_id": str(a.partner_id),
                "partner_kind": a.partner_kind,
                "partner_nom": nom,
                "client_id": a.client_id,
                "user_id": str(a.user_id) if a.user_id is not None else None,
                "operation": a.operation,
                "resultat": a.resultat,
                "motif": a.motif,
                "finalite": a.finalite,
                "request_id": a.request_id,
                "scelle": a.empreinte is not None,
            }
            for a, nom in page
        ],
        "next_cursor": encode_cursor(page[-1][0].at, page[-1][0].id) if more and page else None,
    }
