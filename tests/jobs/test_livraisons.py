"""Webhook deliveries by real `prevex worker` processes to a real receiver on loopback: a receiver down
for a while gets every event, as signed, in order; two workers never make the same attempt twice; a
worker killed mid-delivery loses nothing."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from standardwebhooks.webhooks import Webhook

from app.core.config import get_settings
from tests.exchange import Receiver, allow, receiver, settled, until, workers
from tests.factories import PartnerCreds, acte, household, make_partner


async def _subscribe(client: httpx.AsyncClient, who: PartnerCreds, hook: Receiver) -> dict[str, Any]:
    response = await client.post(
        "/v1/abonnements", json={"url": hook.url, "types": ["*"]}, headers=who.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _file_dossiers(app: FastAPI, client: httpx.AsyncClient, count: int, per: int) -> None:
    """``count`` dossiers of ``per`` acts each (a commandement, then assignations of the same household),
    each filed by its own commissaire."""
    for _ in range(count):
        commissaire = await make_partner(app, client)
        menage = household()
        for n in range(per):
            kind = "commandement_de_payer" if n == 0 else "assignation"
            filed = await client.post("/v1/actes", json=acte(kind, menage), headers=commissaire.headers)
            assert filed.status_code == 201, filed.text


async def _feed(client: httpx.AsyncClient, who: PartnerCreds) -> list[dict[str, Any]]:
    await settled(client._transport.app.state.database)  # type: ignore[attr-defined]
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = (
            await client.get(
                "/v1/evenements",
                params={"limit": 500, **({"apres": cursor} if cursor else {})},
                headers=who.headers,
            )
        ).json()
        if not page["items"]:
            return items
        items += page["items"]
        cursor = page["next_cursor"]


async def _statuts(database_url: str, abonnement_id: str) -> Counter[str]:
    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch(
            "SELECT statut FROM livraisons WHERE abonnement_id = $1", uuid.UUID(abonnement_id)
        )
    finally:
        await conn.close()
    return Counter(r["statut"] for r in rows)


async def _attempts(database_url: str, abonnement_id: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(database_url)
    try:
        return list(
            await conn.fetch(
                "SELECT t.*, l.evenement_seq FROM livraison_tentatives t JOIN livraisons l ON l.id = t.livraison_id "
                "WHERE l.abonnement_id = $1 ORDER BY t.livraison_id, t.numero",
                uuid.UUID(abonnement_id),
            )
        )
    finally:
        await conn.close()


def _in_order_per_dossier(received: list[Any], feed: list[dict[str, Any]]) -> None:
    """The first receipt of each event, per dossier, follows the feed's (commit) order."""
    position = {i["id"]: n for n, i in enumerate(feed)}
    dossier = {i["id"]: i["dossier_id"] for i in feed}
    seen: dict[str, list[int]] = defaultdict(list)
    first: set[str] = set()
    for r in received:
        wid = r.headers["webhook-id"]
        if wid in first:
            continue
        first.add(wid)
        seen[dossier[wid]].append(position[wid])
    for positions in seen.values():
        assert positions == sorted(positions)


async def test_a_receiver_down_for_a_while_receives_every_event_in_order_as_signed(
    app: FastAPI, client: httpx.AsyncClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (
        receiver(start=False) as hook,
        workers(database_url, PREVEX_WEBHOOK_ALLOWED_HOSTS=f"127.0.0.1:{hook.port}") as pool,
    ):
        allow(monkeypatch, f"127.0.0.1:{hook.port}")
        ccapex = await make_partner(app, client, kind="ccapex")  # told of every dossier of the 93
        sub = await _subscribe(client, ccapex, hook)
        await _file_dossiers(app, client, count=3, per=2)
        pool.start(2)

        async def failing() -> bool:  # the receiver is down: attempts fail (connection refused)
            return sum(1 for a in await _attempts(database_url, sub["id"]) if a["resultat"] == "echec") >= 3

        await until(failing, 60, "failed attempts while the receiver is down")
        hook.up()
        feed = await _feed(client, ccapex)

        async def delivered() -> bool:
            return (await _statuts(database_url, sub["id"]))["livree"] == len(feed)

        await until(delivered, 120, "every event delivered once the receiver is back")
        received = hook.snapshot()
        verifier = Webhook(sub["secret"])
        by_id = {i["id"]: i for i in feed}
        assert {r.headers["webhook-id"] for r in received} == set(by_id)
        for r in received:
            assert verifier.verify(r.body, r.headers) == by_id[r.headers["webhook-id"]]  # exactly as signed
        _in_order_per_dossier(received, feed)
        attempts = await _attempts(database_url, sub["id"])
        assert any(a["resultat"] == "echec" for a in attempts)
        assert sum(a["resultat"] == "succes" for a in attempts) == len(feed)
        await client.delete(f"/v1/abonnements/{sub['id']}", headers=ccapex.headers)
    get_settings.cache_clear()


async def test_two_workers_never_make_the_same_attempt_twice(
    app: FastAPI, client: httpx.AsyncClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (
        receiver() as hook,
        workers(database_url, PREVEX_WEBHOOK_ALLOWED_HOSTS=f"127.0.0.1:{hook.port}") as pool,
    ):
        allow(monkeypatch, f"127.0.0.1:{hook.port}")
        ccapex = await make_partner(app, client, kind="ccapex")
        sub = await _subscribe(client, ccapex, hook)
        pool.start(2)
        await _file_dossiers(app, client, count=6, per=2)
        feed = await _feed(client, ccapex)

        async def delivered() -> bool:
            return (await _statuts(database_url, sub["id"]))["livree"] == len(feed)

        await until(delivered, 120, "every event delivered")
        received = Counter(r.headers["webhook-id"] for r in hook.snapshot())
        assert received == Counter({i["id"]: 1 for i in feed})  # each event received once, none twice
        attempts = await _attempts(database_url, sub["id"])
        assert [(a["numero"], a["resultat"]) for a in attempts] == [(1, "succes")] * len(feed)
        _in_order_per_dossier(hook.snapshot(), feed)
        await client.delete(f"/v1/abonnements/{sub['id']}", headers=ccapex.headers)
    get_settings.cache_clear()


async def test_a_worker_killed_mid_delivery_loses_nothing(
    app: FastAPI, client: httpx.AsyncClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (
        receiver() as hook,
        workers(database_url, PREVEX_WEBHOOK_ALLOWED_HOSTS=f"127.0.0.1:{hook.port}") as pool,
    ):
        allow(monkeypatch, f"127.0.0.1:{hook.port}")
        hook.delay = 2.0  # a slow endpoint: the kill lands mid-request
        ccapex = await make_partner(app, client, kind="ccapex")
        sub = await _subscribe(client, ccapex, hook)
        await _file_dossiers(app, client, count=4, per=1)
        feed = await _feed(client, ccapex)
        (victim,) = pool.start(1)

        async def in_flight() -> bool:
            return any(a["resultat"] == "en_cours" for a in await _attempts(database_url, sub["id"]))

        await until(in_flight, 60, "a delivery in flight")
        pool.kill(victim)
        hook.delay = 0.0
        pool.start(1)

        async def delivered() -> bool:
            return (await _statuts(database_url, sub["id"]))["livree"] == len(feed)

        await until(delivered, 120, "every event delivered after the kill")
        attempts = await _attempts(database_url, sub["id"])
        interrupted = {a["livraison_id"] for a in attempts if a["resultat"] == "interrompue"}
        assert interrupted  # the killed worker's attempts: marked, then made again under the next number
        by_delivery: dict[Any, list[asyncpg.Record]] = defaultdict(list)
        for a in attempts:
            by_delivery[a["livraison_id"]].append(a)
        assert len(by_delivery) == len(feed)
        for rows in by_delivery.values():
            assert [a["numero"] for a in rows] == list(range(1, len(rows) + 1))  # no number twice
            assert [a["resultat"] for a in rows].count("succes") == 1 and rows[-1]["resultat"] == "succes"
        received = Counter(r.headers["webhook-id"] for r in hook.snapshot())
        assert set(received) == {i["id"] for i in feed}  # nothing lost
        seq_of = {a["livraison_id"]: a["evenement_seq"] for a in attempts}
        assert sum(received.values()) <= len(feed) + len(interrupted)  # again only what was cut mid-way
        assert seq_of
        await client.delete(f"/v1/abonnements/{sub['id']}", headers=ccapex.headers)
    get_settings.cache_clear()
