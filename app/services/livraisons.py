"""Delivering one webhook: one attempt, claimed before it leaves and recorded when it ends.

``deliver`` is what the queue's ``livrer`` job runs (``jobs/livraisons.py``); the queue runs one job per
(subscription, dossier) at a time, in order, and keeps a failed one in place until its retry (so a
dossier's later events wait behind it). An attempt:

1. in a short transaction: the delivery, its subscription and partner; an attempt left ``en_cours`` by a
   worker that died mid-request is marked ``interrompue``; the event as the partner may see it now
   (``services/evenements.py:item``, the feed's own view; a dossier it may no longer see cancels the
   delivery); the attempt's row ``(livraison, numero)`` is inserted: its primary key makes the claim, so
   an attempt is made once;
2. the request, outside any transaction (no transaction id held while waiting for the partner: the feed
   never stalls behind a slow endpoint): the body, its Standard Webhooks headers signed with the
   ``standardwebhooks`` package (with the previous secret too during a rotation's overlap), through the
   SSRF-safe client (``core/sortant.py``);
3. in a second transaction, the outcome: 2xx delivered; 410 abandons and disables the subscription
   (an ``abonnement.desactive`` event says so); anything else (3xx included: redirects are never
   followed) retries, after an exponential backoff with jitter (the first within 10 s), no sooner than
   the endpoint's ``Retry-After``, until ``PREVEX_WEBHOOK_RETRY_BUDGET_HOURS`` after the first attempt
   (then abandoned, and the subscription disabled, as for a 410).
"""

from __future__ import annotations

import logging
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import asyncpg
import httpx
from standardwebhooks.webhooks import Webhook

from app.core import clock, sortant
from app.core.config import get_settings
from app.core.crypto import decrypt
from app.core.db import Database
from app.core.security import Principal
from app.services.evenements import ONE, NewEvent, publish, render

logger = logging.getLogger("prevex.livraisons")

_BACKOFF_FACTOR = 4.0
_BACKOFF_CAP = timedelta(hours=6)


class NouvelEssai(Exception):
    """The attempt failed: try again at ``retry_at`` (the queue's retry strategy reads it)."""

    def __init__(self, retry_at: datetime) -> None:
        super().__init__(f"retry at {retry_at.isoformat()}")
        self.retry_at = retry_at


@dataclass(frozen=True)
class Attempt:
    """What phase 1 prepared: the attempt claimed, and what to send."""

    numero: int
    premier: datetime  # the delivery's first attempt
    url: str
    body: bytes
    event_id: str
    secrets: tuple[str, ...]
    abonnement_id: uuid.UUID
    partner_id: uuid.UUID


_LOAD = """
SELECT l.id, l.statut, l.evenement_seq, a.id AS abonnement_id, a.statut AS abonnement_statut, a.url,
       a.secret, a.secret_precedent, a.secret_precedent_jusqu_a, p.id AS partner_id, p.kind,
       p.territoires, p.statut AS partner_statut,
       (SELECT min(t.debut) FROM livraison_tentatives t WHERE t.livraison_id = l.id) AS premier,
       (SELECT coalesce(max(t.numero), 0) FROM livraison_tentatives t WHERE t.livraison_id = l.id) AS dernier
FROM livraisons l JOIN abonnements a ON a.id = l.abonnement_id JOIN partners p ON p.id = a.partner_id
WHERE l.id = $1
"""
_INTERRUPTED = """
UPDATE livraison_tentatives SET resultat = 'interrompue', fin = $2,
       erreur = 'the worker stopped during the request: its outcome is unknown'
WHERE livraison_id = $1 AND resultat = 'en_cours'
"""
_CLAIM = """
INSERT INTO livraison_tentatives (livraison_id, numero, debut, resultat, worker)
VALUES ($1, $2, $3, 'en_cours', $4) ON CONFLICT DO NOTHING RETURNING numero
"""
_SET_DELIVERY = "UPDATE livraisons SET statut = $2, statut_le = $3 WHERE id = $1 AND statut = 'en_attente'"
_END_ATTEMPT = """
UPDATE livraison_tentatives SET fin = $3, resultat = $4, statut_http = $5, erreur = $6, prochain_essai = $7
WHERE livraison_id = $1 AND numero = $2 AND resultat = 'en_cours'
"""
_AUDIT = """
INSERT INTO audit_lectures (at, partner_id, partner_kind, dossier_id, operation, request_id)
VALUES ($1, $2, $3, $4, 'webhook', $5)
"""
_DISABLE = """
UPDATE abonnements SET statut = 'desactive', motif = $2, statut_le = $3
WHERE id = $1 AND statut = 'actif' RETURNING url
"""


def signatures(secrets: tuple[str, ...], msg_id: str, at: datetime, body: str) -> str:
    """``webhook-signature``: one ``v1,…`` per secret, space-separated (Standard Webhooks)."""
    return " ".join(Webhook(s).sign(msg_id, at, body) for s in secrets)


def backoff(numero: int, base: float) -> timedelta:
    """The wait after failed attempt ``numero`` (1-based): ``base`` × 4^(n-1), at most 6 h, ±20 %."""
    raw = min(timedelta(seconds=base * _BACKOFF_FACTOR ** (numero - 1)), _BACKOFF_CAP)
    return raw * random.uniform(0.8, 1.2)  # noqa: S311 (jitter, not a secret)


def retry_after(response: httpx.Response, now: datetime) -> timedelta | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return timedelta(seconds=max(0, int(value.strip())))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(timedelta(0), moment - now)


async def prepare(database: Database, livraison_id: uuid.UUID, worker: str) -> Attempt | None:
    """Phase 1: claim the next attempt, or None when there is nothing (more) to deliver."""
    now = clock.now()
    async with database.transaction() as conn:
        row = await conn.fetchrow(_LOAD, livraison_id)
        if row is None or row["statut"] != "en_attente":
            return None
        if row["abonnement_statut"] != "actif" or row["partner_statut"] != "actif":
            await conn.execute(_SET_DELIVERY, livraison_id, "annulee", now)
            return None
        await conn.execute(_INTERRUPTED, livraison_id, now)
        principal = Principal(
            row["partner_id"], row["kind"], tuple(row["territoires"]), frozenset(), "webhook"
        )
        event = await conn.fetchrow(ONE, row["partner_id"], row["evenement_seq"])
        shown = render(event, principal) if event is not None else None
        if shown is None:  # the partner may no longer see the dossier (or the event was purged)
            await conn.execute(_SET_DELIVERY, livraison_id, "annulee", now)
            return None
        numero = int(row["dernier"]) + 1
        if await conn.fetchval(_CLAIM, livraison_id, numero, now, worker) is None:
            return None  # another worker holds this attempt
        if shown.shows_content and shown.dossier_id is not None:
            from app.core.logging import request_id_var

            await conn.execute(
                _AUDIT,
                now,
                row["partner_id"],
                row["kind"],
                uuid.UUID(shown.dossier_id),
                request_id_var.get(),
            )
    secrets = [decrypt(row["secret"])]
    if row["secret_precedent"] is not None and (row["secret_precedent_jusqu_a"] or now) > now:
        secrets.append(decrypt(row["secret_precedent"]))
    body = shown.json.encode()
    return Attempt(
        numero,
        row["premier"] or now,
        row["url"],
        body,
        shown.id,
        tuple(secrets),
        row["abonnement_id"],
        row["partner_id"],
    )


async def send(
    client: httpx.AsyncClient, attempt: Attempt
) -> tuple[int | None, str | None, httpx.Response | None]:
    """Phase 2: the request. (status, error, response)."""
    settings = get_settings()
    at = clock.now()
    headers = {
        "content-type": "application/json",
        "webhook-id": attempt.event_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signatures(attempt.secrets, attempt.event_id, at, attempt.body.decode()),
    }
    try:
        response = await sortant.post(
            client,
            attempt.url,
            attempt.body,
            headers,
            allowed=settings.allowed_hosts(),
            timeout=settings.webhook_timeout_seconds,
        )
    except sortant.DestinationRefusee as exc:
        return None, f"refused: {exc}", None
    except httpx.TimeoutException:
        return None, "timeout", None
    except httpx.HTTPError as exc:
        return None, f"transport error ({type(exc).__name__})", None
    return response.status_code, None, response


async def _disable(conn: asyncpg.Connection, attempt: Attempt, motif: str, now: datetime) -> None:
    url = await conn.fetchval(_DISABLE, attempt.abonnement_id, motif, now)
    if url is not None:
        event = NewEvent(
            "abonnement.desactive",
            {"abonnement_id": str(attempt.abonnement_id), "url": url, "motif": motif},
            [attempt.partner_id],
        )
        await publish(conn, None, None, [event], now)
        logger.warning(
            "subscription disabled", extra={"abonnement": str(attempt.abonnement_id), "motif": motif}
        )


async def record(
    database: Database,
    livraison_id: uuid.UUID,
    attempt: Attempt,
    status: int | None,
    error: str | None,
    response: httpx.Response | None,
) -> datetime | None:
    """Phase 3: the outcome; the time of the next attempt, or None when the delivery is settled."""
    settings = get_settings()
    now = clock.now()
    if status is not None and 200 <= status < 300:
        outcome, next_at, settled = "succes", None, "livree"
    elif status == 410:
        outcome, next_at, settled = "echec", None, "echouee"
    else:
        outcome, settled = "echec", None
        if status is not None and 300 <= status < 400:
            error = error or "redirect not followed"
        deadline = attempt.premier + timedelta(hours=settings.webhook_retry_budget_hours)
        wait = backoff(attempt.numero, settings.webhook_retry_base_seconds)
        asked = retry_after(response, now) if response is not None else None
        if asked is not None:
            wait = max(wait, asked)
        next_at = min(now + wait, deadline)
        if now >= deadline:
            next_at, settled = None, "echouee"
    async with database.transaction() as conn:
        await conn.execute(_END_ATTEMPT, livraison_id, attempt.numero, now, outcome, status, error, next_at)
        if settled is not None:
            await conn.execute(_SET_DELIVERY, livraison_id, settled, now)
        if settled == "echouee":
            await _disable(conn, attempt, "410" if status == 410 else "budget_epuise", now)
    return next_at


async def deliver(
    database: Database, client: httpx.AsyncClient, livraison_id: uuid.UUID, worker: str
) -> None:
    """One attempt of a delivery; raises :class:`NouvelEssai` when it must be tried again."""
    attempt = await prepare(database, livraison_id, worker)
    if attempt is None:
        return
    status, error, response = await send(client, attempt)
    next_at = await record(database, livraison_id, attempt, status, error, response)
    if next_at is not None:
        raise NouvelEssai(next_at)
