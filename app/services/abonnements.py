"""Webhook subscriptions: register, list, rotate the secret, replay, delete; and the deliveries' list.

A subscription belongs to one partner and receives the events of that partner's feed whose type it
names (``["*"]``: all), each as the partner may see it. Its deliveries are written by the event writer
(``services/evenements.py``) and pushed by the worker (``jobs/livraisons.py``). Services flush; the
route's transaction commits.
"""

from __future__ import annotations

import base64
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.config import get_settings
from app.core.crypto import encrypt
from app.core.pagination import decode_cursor, encode_cursor
from app.core.problems import not_found, validation_problem
from app.core.security import Principal
from app.core.sortant import DestinationRefusee, check_url, resolve
from app.models.abonnement import Abonnement
from app.schemas.evenements import type_accepte
from app.services.evenements import DELIVERY_JOB, Curseur, expired, expired_problem, horizon

SECRET_PREFIX = "whsec_"  # noqa: S105 (the format's prefix, not a secret)


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def view(a: Abonnement) -> dict[str, Any]:
    return {
        "id": str(a.id),
        "url": a.url,
        "types": list(a.types),
        "statut": a.statut,
        "motif": a.motif,
        "created_at": a.created_at.isoformat(),
    }


async def _check_url(url: str) -> None:
    allowed = get_settings().allowed_hosts()
    try:
        await resolve(check_url(url, allowed), allowed)
    except DestinationRefusee as exc:
        raise validation_problem([{"pointer": "/url", "detail": str(exc)}]) from None


def _check_types(types: list[str]) -> list[str]:
    found = list(dict.fromkeys(t.strip() for t in types))
    if "*" in found and len(found) > 1:
        raise validation_problem([{"pointer": "/types", "detail": '"*" stands alone: it means every type'}])
    errors = [
        {"pointer": f"/types/{i}", "detail": f"unknown event type {t!r}"}
        for i, t in enumerate(found)
        if not type_accepte(t)
    ]
    if errors:
        raise validation_problem(errors)
    return found


async def create(session: AsyncSession, principal: Principal, url: str, types: list[str]) -> dict[str, Any]:
    await _check_url(url)
    secret = new_secret()
    now = clock.now()
    row = Abonnement(
        id=uuid.uuid4(),
        partner_id=principal.partner_id,
        url=url,
        types=_check_types(types),
        secret=encrypt(secret),
        statut="actif",
        created_at=now,
        statut_le=now,
    )
    session.add(row)
    await session.flush()
    return {**view(row), "secret": secret}


async def _mine(
    session: AsyncSession, principal: Principal, abonnement_id: uuid.UUID, *, lock: bool = True
) -> Abonnement:
    """The partner's own subscription (not deleted), else 404: another partner's does not exist."""
    query = select(Abonnement).where(
        Abonnement.id == abonnement_id,
        Abonnement.partner_id == principal.partner_id,
        Abonnement.statut != "supprime",
    )
    row = await session.scalar(query.with_for_update() if lock else query)
    if row is None:
        raise not_found("No such subscription.")
    return row


async def list_mine(session: AsyncSession, principal: Principal) -> dict[str, Any]:
    rows = await session.scalars(
        select(Abonnement)
        .where(Abonnement.partner_id == principal.partner_id, Abonnement.statut != "supprime")
        .order_by(Abonnement.created_at, Abonnement.id)
    )
    return {"items": [view(a) for a in rows]}


async def get(session: AsyncSession, principal: Principal, abonnement_id: uuid.UUID) -> dict[str, Any]:
    return view(await _mine(session, principal, abonnement_id, lock=False))


async def delete(session: AsyncSession, principal: Principal, abonnement_id: uuid.UUID) -> dict[str, Any]:
    """Stop pushing: the subscription's pending deliveries are cancelled as their jobs come up."""
    row = await _mine(session, principal, abonnement_id)
    row.statut, row.statut_le = "supprime", clock.now()
    await session.flush()
    return view(row)


async def rotate_secret(
    session: AsyncSession, principal: Principal, abonnement_id: uuid.UUID
) -> dict[str, Any]:
    """A new secret; the current one keeps signing beside it for ``PREVEX_WEBHOOK_SECRET_OVERLAP_HOURS``."""
    row = await _mine(session, principal, abonnement_id)
    secret = new_secret()
    until = clock.now() + timedelta(hours=get_settings().webhook_secret_overlap_hours)
    row.secret_precedent, row.secret_precedent_jusqu_a = row.secret, until
    row.secret = encrypt(secret)
    await session.flush()
    return {"id": str(row.id), "secret": secret, "precedent_valide_jusqu_a": until.isoformat()}


# Replays: the subscription's partner's events after a position (a feed cursor) or since a time, of the
# subscription's types, queued again as new deliveries (``rejeu``) in the feed's order, each with its job.
_REPLAY = """
WITH s AS (SELECT id, partner_id, types FROM abonnements WHERE id = :abonnement),
ev AS (
  SELECT e.seq, e.dossier_id, d.xid FROM s
  JOIN evenement_destinataires d ON d.partner_id = s.partner_id
  JOIN evenements e ON e.seq = d.seq
  WHERE ('*' = ANY(s.types) OR e.type = ANY(s.types)) AND {position}
), l AS (
  INSERT INTO livraisons (abonnement_id, evenement_seq, dossier_id, rejeu, created_at)
  SELECT :abonnement, ev.seq, ev.dossier_id, true, :now FROM ev ORDER BY ev.xid, ev.seq
  RETURNING id, abonnement_id, dossier_id, evenement_seq
), j AS (
  INSERT INTO procrastinate_jobs (queue_name, task_name, lock, args)
  SELECT {job} FROM l JOIN ev ON ev.seq = l.evenement_seq ORDER BY ev.xid, ev.seq
)
SELECT count(*) FROM l
"""
_AFTER_CURSOR = "(d.xid, d.seq) > (CAST(:xid AS text)::xid8, :seq)"
_SINCE = "e.created_at >= :depuis"


def parse_depuis(depuis: str) -> datetime | Curseur:
    """``depuis=``: an ISO 8601 time (with its offset) or a feed cursor."""
    try:
        moment = datetime.fromisoformat(depuis)
        if moment.tzinfo is not None:
            return moment
    except ValueError:
        pass
    try:
        return Curseur.decode(depuis)
    except ValueError:
        raise validation_problem(
            [
                {
                    "pointer": "",
                    "parameter": "query:depuis",
                    "detail": "an ISO 8601 time with its offset, or a feed cursor",
                }
            ]
        ) from None


async def replay(
    session: AsyncSession, principal: Principal, abonnement_id: uuid.UUID, depuis: str
) -> dict[str, Any]:
    """Queue again the events from ``depuis``; a disabled subscription is turned on again."""
    position = parse_depuis(depuis)
    row = await _mine(session, principal, abonnement_id)
    now = clock.now()
    params: dict[str, Any] = {"abonnement": row.id, "now": now}
    if isinstance(position, Curseur):
        conn = await session.connection()
        raw = await conn.get_raw_connection()
        if expired(position, await horizon(raw.driver_connection)):
            raise expired_problem()
        sql, params["xid"], params["seq"] = _AFTER_CURSOR, str(position.xid), position.seq
    else:
        sql, params["depuis"] = _SINCE, position
    if row.statut == "desactive":
        row.statut, row.motif, row.statut_le = "actif", None, now
        await session.flush()
    count = await session.scalar(text(_REPLAY.format(position=sql, job=DELIVERY_JOB.format(l="l"))), params)
    return {"livraisons": int(count or 0)}


# Deliveries, newest first: each with its attempts. Cursor: (created_at, id) of the last one shown.
_DELIVERIES = """
SELECT l.id, e.id AS evenement_id, e.type, l.dossier_id, l.rejeu, l.statut, l.created_at,
       (SELECT coalesce(json_agg(json_build_object(
                 'numero', t.numero, 'debut', t.debut, 'fin', t.fin, 'resultat', t.resultat,
                 'statut_http', t.statut_http, 'erreur', t.erreur, 'prochain_essai', t.prochain_essai)
               ORDER BY t.numero), CAST('[]' AS json))
        FROM livraison_tentatives t WHERE t.livraison_id = l.id) AS tentatives
FROM livraisons l JOIN evenements e ON e.seq = l.evenement_seq
WHERE l.abonnement_id = :abonnement AND (CAST(:after_at AS timestamptz) IS NULL
      OR (l.created_at, l.id) < (CAST(:after_at AS timestamptz), CAST(:after_id AS uuid)))
ORDER BY l.created_at DESC, l.id DESC
LIMIT :limit
"""


async def deliveries(
    session: AsyncSession, principal: Principal, abonnement_id: uuid.UUID, cursor: str | None, limit: int
) -> dict[str, Any]:
    row = await _mine(session, principal, abonnement_id, lock=False)
    after_at, after_id = decode_cursor(cursor, uuid.UUID) if cursor else (None, None)
    found = (
        (
            await session.execute(
                text(_DELIVERIES),
                {"abonnement": row.id, "after_at": after_at, "after_id": after_id, "limit": limit + 1},
            )
        )
        .mappings()
        .all()
    )
    shown, more = found[:limit], len(found) > limit
    return {
        "items": [
            {
                "id": str(d["id"]),
                "evenement_id": str(d["evenement_id"]),
                "type": d["type"],
                "dossier_id": str(d["dossier_id"]) if d["dossier_id"] else None,
                "rejeu": d["rejeu"],
                "statut": d["statut"],
                "created_at": d["created_at"].isoformat(),
                "tentatives": d["tentatives"],
            }
            for d in shown
        ],
        "next_cursor": encode_cursor(shown[-1]["created_at"], shown[-1]["id"]) if more and shown else None,
    }
