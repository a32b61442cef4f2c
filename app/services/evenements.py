"""The event log: one writer, and the reader that pages through it in commit order.

**Writing.** Every event is written by the SQL of :data:`WRITE_CTE`, in the transaction of the change it
reports (filing, batch, re-evaluation, later the workers' jobs), with the partners it is for: the
filing builds its events with :func:`event_rows` and sends them inside its one write statement
(``repositories/actes.py``); any other writer calls :func:`publish`, which runs the same SQL alone.
An event's recipients are decided by the caller from the dossier's grants and the decisions'
addressees (``services/visibility.py``), and its ``data`` holds ids, types, codes and dates, never a
household's personal data (what each partner may see of it is decided when it reads).

**Pushing.** The same statement writes the webhook deliveries (``livraisons``) of the partners' active
subscriptions that want the event's type, and a job for each on the queue (Procrastinate's
``procrastinate_jobs``, the row its ``defer`` would write; its insert trigger wakes the workers at
commit): events and deliveries are committed together or not at all (an outbox).

**Reading.** Rows carry their transaction's ``xid8`` (``pg_current_xact_id()``, the column default) and
an identity ``seq``. Sequence values are taken at INSERT but rows become visible at COMMIT, so a reader
paging on ``seq`` alone can pass 102 while 101 is still uncommitted, and never see 101. :func:`page`
reads in ``(xid, seq)`` order and only rows whose ``xid`` is below the oldest transaction still running
(``pg_snapshot_xmin(pg_current_snapshot())``): a transaction still running has an ``xid`` at or above
that bound, so whatever it commits later sorts after the cursor. A long transaction delays the feed;
it never makes it skip. (Readers must not take an xid themselves: a read-only transaction has none.)
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg

from app.core.security import Principal
from app.services.visibility import Vue, best_portee

# The writer: ``$ev`` is the JSON array made by :func:`event_rows`. It is a fragment of a
# ``WITH`` clause, so that the filing's single write statement can carry it; :func:`publish` runs it
# alone. Parameters are named ``{dossier}``, ``{territoire}``, ``{now}``, ``{ev}``: each writer gives its
# own positions.
# A webhook delivery's job (Procrastinate's ``procrastinate_jobs`` row, see ``jobs/livraisons.py``), as a
# select list over a ``livraisons`` row ``{l}``: queue, task, the lock that keeps one subscription's
# deliveries about one dossier in order (one running at a time, the next one after it), its argument.
DELIVERY_JOB = (
    "'livraisons', 'livrer', "
    "'livraison:' || {l}.abonnement_id || ':' || coalesce({l}.dossier_id::text, '-'), "
    "jsonb_build_object('livraison_id', {l}.id)"
)

WRITE_CTE = (
    """
ev_rows AS (
  SELECT gen_random_uuid() AS id, x.type, x.acte_id, x.data, x.pour
  FROM jsonb_to_recordset(CAST({ev} AS jsonb)) AS x(type text, acte_id uuid, data jsonb, pour uuid[])
), ev AS (
  INSERT INTO evenements (id, type, dossier_id, acte_id, territoire, data, created_at)
  SELECT id, type, {dossier}, acte_id, {territoire}, data, {now} FROM ev_rows
  RETURNING id, seq, xid
), ev_dest AS (
  INSERT INTO evenement_destinataires (partner_id, xid, seq)
  SELECT p.partner_id, ev.xid, ev.seq
  FROM ev JOIN ev_rows r ON r.id = ev.id CROSS JOIN LATERAL unnest(r.pour) AS p(partner_id)
), ev_liv AS (
  INSERT INTO livraisons (abonnement_id, evenement_seq, dossier_id, created_at)
  SELECT a.id, ev.seq, {dossier}, {now}
  FROM ev JOIN ev_rows r ON r.id = ev.id
  JOIN abonnements a ON a.partner_id = ANY(r.pour) AND a.statut = 'actif'
   AND ('*' = ANY(a.types) OR r.type = ANY(a.types))
  RETURNING id, abonnement_id, dossier_id, evenement_seq
), ev_jobs AS (
  INSERT INTO procrastinate_jobs (queue_name, task_name, lock, args)
  SELECT """
    + DELIVERY_JOB.format(l="l")
    + """ FROM ev_liv l ORDER BY l.evenement_seq, l.abonnement_id
)"""
)

_PUBLISH = (
    "WITH "
    + WRITE_CTE.format(dossier="CAST($1 AS uuid)", territoire="$2", now="$3", ev="$4")
    + " SELECT count(*) FROM ev"
)


@dataclass(frozen=True)
class NewEvent:
    """An event to write: its type, the act it is about (if any), its data and who it is for. Its id (a
    random UUID) is given by the database."""

    type: str
    data: dict[str, Any]
    pour: Collection[uuid.UUID | str]
    acte_id: uuid.UUID | str | None = None


def event_rows(events: Iterable[NewEvent]) -> str:
    """The JSON that :data:`WRITE_CTE` reads (``$ev``)."""
    return json.dumps(
        [
            {
                "type": e.type,
                "acte_id": str(e.acte_id) if e.acte_id is not None else None,
                "data": e.data,
                "pour": sorted({str(p) for p in e.pour}),
            }
            for e in events
        ],
        separators=(",", ":"),
    )


async def publish(
    conn: asyncpg.Connection,
    dossier_id: uuid.UUID | None,
    territoire: str | None,
    events: Sequence[NewEvent],
    now: datetime,
) -> int:
    """Write ``events`` in the connection's current transaction (the caller's); the count written. An
    event about a partner itself (no dossier) has ``dossier_id`` and ``territoire`` None."""
    if not events:
        return 0
    written: int = await conn.fetchval(_PUBLISH, dossier_id, territoire, now, event_rows(events))
    return written


# Reading ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Curseur:
    """A position in the log: the last ``(xid, seq)`` read. Opaque to partners."""

    xid: int
    seq: int

    def encode(self) -> str:
        raw = f"{self.xid}.{self.seq}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Curseur:
        """Raises ``ValueError`` for anything but a cursor this module made."""
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("ascii")
            xid, seq = raw.split(".")
            cursor = cls(int(xid), int(seq))
        except (ValueError, UnicodeDecodeError, binascii.Error):
            raise ValueError("invalid cursor") from None
        if cursor.xid < 0 or cursor.seq < 0:
            raise ValueError("invalid cursor")
        return cursor


DEBUT = Curseur(0, 0)

# The partner's events after the cursor, in commit order, only below the oldest running transaction.
# The range scan on ``evenement_destinataires``' primary key comes first (its own CTE: a planner on a
# never-analysed table could otherwise start from ``evenements``). Beside each event: the portées of
# the reader's active grants on its dossier, looked up once per dossier of the page (none: the dossier
# is no longer the reader's to see, and the event is skipped) and, for ``acte.depose``, the act as
# ``Vue.acte`` reads it: primary-key probes (a lateral subquery with ``OFFSET 0``, which the planner
# cannot turn into a scan of every act or grant, as it did from the page's estimates). JSON columns come as text: the item is spliced around them, never decoded
# and encoded again (``render``).
_SELECT = """
SELECT e.id::text AS id, e.seq, e.xid::text::bigint AS xid, e.type, e.dossier_id::text AS dossier_id,
       e.acte_id::text AS acte_id, e.territoire, e.data, e.created_at, g.portees,
       a.type AS acte_type, a.partner_id::text AS acte_partner_id, a.partner_kind AS acte_partner_kind,
       a.date_acte, a.recu_le, a.payload::text AS payload
FROM e LEFT JOIN g ON g.dossier_id = e.dossier_id
LEFT JOIN LATERAL (SELECT * FROM actes x WHERE x.id = e.acte_id AND e.type = 'acte.depose' OFFSET 0) a ON true
ORDER BY e.xid, e.seq
"""
_GRANTS = """, g AS (
  SELECT k.dossier_id,
         (SELECT array_agg(x.portee) FROM acces x
          WHERE x.dossier_id = k.dossier_id AND x.partner_id = $1 AND x.jusqu_a IS NULL) AS portees
  FROM (SELECT DISTINCT e.dossier_id FROM e WHERE e.dossier_id IS NOT NULL) k
)"""
_RANGE = """
WITH p AS (
  SELECT d.xid, d.seq FROM evenement_destinataires d{join}
  WHERE d.partner_id = $1 AND (d.xid, d.seq) > (CAST($2 AS text)::xid8, $3)
    AND d.xid < pg_snapshot_xmin(pg_current_snapshot()){only}
  ORDER BY d.xid, d.seq LIMIT $4
), e AS (
  SELECT e.id, e.seq, e.xid, e.type, e.dossier_id, e.acte_id, e.territoire, e.data::text AS data, e.created_at
  FROM p JOIN evenements e ON e.seq = p.seq
)"""
_PAGE = _RANGE.format(join="", only="") + _GRANTS + _SELECT
# The same, for some types only (``types=``): the range scan joins each row's event to test its type.
_PAGE_TYPES = (
    _RANGE.format(join=" JOIN evenements t ON t.seq = d.seq", only=" AND t.type = ANY(CAST($5 AS text[]))")
    + _GRANTS
    + _SELECT
)
# One event for one partner, as the page reads it (a webhook delivery). $1 partner, $2 event seq.
ONE = (
    "WITH e AS (SELECT id, seq, xid, type, dossier_id, acte_id, territoire, data::text AS data, created_at "
    "FROM evenements WHERE seq = $2)" + _GRANTS + _SELECT
)


@dataclass(frozen=True)
class Page:
    rows: list[asyncpg.Record]
    next_cursor: Curseur


async def page(
    conn: asyncpg.Connection,
    partner_id: uuid.UUID,
    after: Curseur,
    limit: int,
    types: Sequence[str] | None = None,
) -> Page:
    """Up to ``limit`` events for ``partner_id`` after ``after`` (of ``types`` only, when given), in
    commit order, and the cursor to read on from (``after`` itself when there is nothing new yet). At
    least once: a reader that saves the cursor after handling a page never misses an event. The rows are
    raw: :func:`render` makes them what the partner may see."""
    if types:
        rows = await conn.fetch(_PAGE_TYPES, partner_id, str(after.xid), after.seq, limit, list(types))
    else:
        rows = await conn.fetch(_PAGE, partner_id, str(after.xid), after.seq, limit)
    if not rows:
        return Page([], after)
    last = rows[-1]
    return Page(list(rows), Curseur(int(last["xid"]), int(last["seq"])))


@dataclass(frozen=True)
class Rendered:
    """An event as one partner may see it: its JSON (the feed's item, the webhook's body) and what the
    caller needs to know of it."""

    json: str
    id: str
    type: str
    dossier_id: str | None
    shows_content: bool  # it carries an act's content (its reading is audited)

    def parsed(self) -> dict[str, Any]:
        found: dict[str, Any] = json.loads(self.json)
        return found


_PAYLOAD = "\x00payload\x00"  # where the act's own JSON text goes in its view
_PAYLOAD_JSON = json.dumps(_PAYLOAD)


def _with_ids(data: str, dossier_id: str | None, acte_id: str | None) -> str:
    """An event's stored ``data`` (JSON text) with its dossier and act ids, which the log keeps as columns
    only (stored once): given back in ``data``, where the documented schemas put them."""
    extra = "".join(
        f'"{name}":"{value}",'
        for name, value in (("dossier_id", dossier_id), ("acte_id", acte_id))
        if value is not None and f'"{name}"' not in data
    )
    if not extra:
        return data
    inner = data.strip()[1:-1].strip()
    return "{" + (extra + inner if inner else extra[:-1]) + "}"


def _content_json(vue: Vue, row: Mapping[str, Any]) -> str:
    """The act's stored JSON text, through the one field filter when the partner's kind reads only some
    of its groups (``visibility.visible_fields``)."""
    payload: str = row["payload"]
    if not vue.filters(row["acte_type"], row["acte_partner_id"]):
        return payload
    shown = vue.contenu(row["acte_type"], row["acte_partner_id"], json.loads(payload))
    return json.dumps(shown, ensure_ascii=False, separators=(",", ":"))


def render(row: Mapping[str, Any], principal: Principal) -> Rendered | None:
    """An event row as ``principal`` may see it, or None when its dossier is no longer the partner's
    to see (grant ended, territory left). The act of an ``acte.depose`` is shown as ``Vue.acte`` shows
    it (``services/visibility.py``: content only where the partner's kind may read it)."""
    dossier_id = row["dossier_id"]
    data: str = _with_ids(row["data"], dossier_id, row["acte_id"])
    shows = False
    if dossier_id is not None:
        portee = best_portee(row["portees"] or ())
        if portee is None or row["territoire"] not in principal.territoires:
            return None
        if row["type"] == "acte.depose" and row["acte_type"] is not None:
            vue = Vue(principal, portee)
            view = vue.acte(
                {
                    "id": row["acte_id"],
                    "dossier_id": dossier_id,
                    "type": row["acte_type"],
                    "date_acte": row["date_acte"],
                    "recu_le": row["recu_le"],
                    "partner_kind": row["acte_partner_kind"],
                    "partner_id": row["acte_partner_id"],
                    "payload": _PAYLOAD,
                }
            )
            shows = bool(view["contenu_visible"])
            acte = json.dumps(view, ensure_ascii=False, separators=(",", ":"))
            if shows:
                acte = acte.replace(_PAYLOAD_JSON, _content_json(vue, row), 1)
            inner = data.strip()[1:-1].strip()
            data = "{" + inner + ("," if inner else "") + '"acte":' + acte + "}"
    ident: str = row["id"]
    dossier: str | None = dossier_id
    # Types are the registry's names and ids are UUIDs: nothing to escape in either.
    text = (
        f'{{"id":"{ident}","type":"{row["type"]}","timestamp":"{row["created_at"].isoformat()}",'
        f'"dossier_id":{f"{chr(34)}{dossier}{chr(34)}" if dossier else "null"},"data":{data}}}'
    )
    return Rendered(text, ident, row["type"], dossier, shows)


def item(row: Mapping[str, Any], principal: Principal) -> dict[str, Any] | None:
    """:func:`render`, parsed."""
    shown = render(row, principal)
    return shown.parsed() if shown is not None else None


# Retention ----------------------------------------------------------------------------------------
#
# Events older than ``PREVEX_EVENT_RETENTION_DAYS`` are deleted (``jobs/maintenance.py``) with their
# recipients and deliveries, as a prefix of the log in commit order: every event before the first one
# still recent enough. The highest position deleted is the log's horizon (``reglages``): everything at or
# below it is gone, everything above it kept. A cursor below the horizon may have missed deleted events,
# so reading from it is refused (410) rather than silently skipping; a reader starting from the beginning
# reads from the oldest event kept. (An event recorded late in a long transaction may outlive the
# retention until the events before it are old enough.)

HORIZON = "evenements_horizon"
_HORIZON = "SELECT valeur FROM reglages WHERE cle = $1"
_PURGE = """
WITH keep AS (
  SELECT xid, seq FROM evenements WHERE created_at >= $1 ORDER BY xid, seq LIMIT 1
), old AS (
  SELECT e.seq FROM evenements e
  WHERE NOT EXISTS (SELECT 1 FROM keep) OR (e.xid, e.seq) < ((SELECT xid FROM keep), (SELECT seq FROM keep))
  ORDER BY e.xid, e.seq LIMIT $2
), gone AS (
  DELETE FROM evenements e USING old WHERE e.seq = old.seq RETURNING e.seq, e.xid
), top AS (
  SELECT xid, seq FROM gone ORDER BY xid DESC, seq DESC LIMIT 1
), h AS (
  INSERT INTO reglages (cle, valeur, updated_at)
  SELECT $3, xid::text || '.' || seq::text, now() FROM top
  ON CONFLICT (cle) DO UPDATE SET valeur = EXCLUDED.valeur, updated_at = EXCLUDED.updated_at
)
SELECT count(*) FROM gone
"""


async def horizon(conn: asyncpg.Connection) -> Curseur | None:
    """The highest position deleted by retention, if any."""
    value = await conn.fetchval(_HORIZON, HORIZON)
    if value is None:
        return None
    xid, seq = str(value).split(".")
    return Curseur(int(xid), int(seq))


def expired(cursor: Curseur, bound: Curseur | None) -> bool:
    """Whether events after ``cursor`` may have been deleted (``DEBUT`` never expires)."""
    return bound is not None and cursor != DEBUT and (cursor.xid, cursor.seq) < (bound.xid, bound.seq)


async def purge(conn: asyncpg.Connection, before: datetime, batch: int = 10_000) -> int:
    """Delete up to ``batch`` events of the log's prefix recorded before ``before`` and move the horizon
    past them; the count. (Serialised by the caller: the queue runs one purge at a time.)"""
    deleted: int = await conn.fetchval(_PURGE, before, batch, HORIZON)
    return deleted


# The feed ---------------------------------------------------------------------------------------

_AUDIT = """
INSERT INTO audit_lectures (at, partner_id, partner_kind, dossier_id, operation, request_id)
SELECT $1, $2, $3, d, $4, $5 FROM unnest(CAST($6 AS uuid[])) AS d
"""


_ROUNDS = 10


def parse_types(text: str | None) -> list[str] | None:
    """``types=a,b`` as a list (None: every type); an unknown type is a 422 naming it."""
    if text is None or not text.strip():
        return None
    from app.core.problems import validation_problem
    from app.schemas.evenements import type_accepte

    found = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [t for t in found if t == "*" or not type_accepte(t)]
    if unknown:
        raise validation_problem(
            [
                {
                    "pointer": "",
                    "parameter": "query:types",
                    "detail": f"unknown event type(s): {', '.join(unknown)}",
                }
            ]
        )
    return found


def parse_cursor(text: str | None, parameter: str = "apres") -> Curseur:
    if text is None or text == "":
        return DEBUT
    from app.core.problems import validation_problem

    try:
        return Curseur.decode(text)
    except ValueError:
        raise validation_problem(
            [{"pointer": "", "parameter": f"query:{parameter}", "detail": "invalid cursor"}]
        ) from None


def expired_problem() -> Exception:
    from app.core.problems import ProblemException

    return ProblemException(
        410,
        "curseur-expire",
        "Cursor expired",
        "Events after this cursor are older than the retention period and were deleted; read the feed "
        "again from its beginning (no `apres`), and reconcile through the dossiers' reads.",
    )


async def read_feed(
    database: Any, principal: Principal, *, apres: str | None, types: str | None, limit: int
) -> bytes:
    """``GET /v1/evenements``: one page of the partner's feed, as JSON bytes. Reads of acts' content are
    audited (one row per dossier shown)."""
    from app.core.logging import request_id_var

    cursor = parse_cursor(apres)
    wanted = parse_types(types)
    async with database.transaction() as conn:
        if expired(cursor, await horizon(conn)):
            raise expired_problem()
        shown: list[Rendered] = []
        for _ in range(_ROUNDS):  # events no longer shown (a grant ended) are skipped, the page refilled
            want = limit - len(shown)
            found = await page(conn, principal.partner_id, cursor, want, wanted)
            shown += [r for r in (render(row, principal) for row in found.rows) if r is not None]
            cursor = found.next_cursor
            if len(found.rows) < want or len(shown) >= limit:
                break
        read = sorted({uuid.UUID(r.dossier_id) for r in shown if r.shows_content and r.dossier_id})
        if read:
            await conn.execute(
                _AUDIT,
                datetime.now(UTC),
                principal.partner_id,
                principal.kind,
                "flux_evenements",
                request_id_var.get(),
                read,
            )
    body = '{"items":[' + ",".join(r.json for r in shown) + '],"next_cursor":"' + cursor.encode() + '"}'
    return body.encode()
