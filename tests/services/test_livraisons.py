"""Webhook deliveries, one attempt at a time in this process (the worker's job, without the queue):
signatures, 410, redirects, Retry-After, the retry budget, SSRF refusals, secret rotation, replays."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app.core import sortant
from app.core.config import get_settings
from app.core.db import Database
from app.services.livraisons import NouvelEssai, backoff, deliver
from tests.exchange import Receiver, allow, receiver, settled
from tests.factories import PartnerCreds, acte, household, make_partner


@pytest.fixture
async def outbound() -> AsyncIterator[httpx.AsyncClient]:
    async with sortant.client(5.0) as c:
        yield c


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch) -> Any:
    with receiver() as found:
        allow(monkeypatch, f"127.0.0.1:{found.port}")
        yield found
    get_settings.cache_clear()


async def _subscribe(
    client: httpx.AsyncClient, who: PartnerCreds, url: str, types: list[str] | None = None
) -> dict[str, Any]:
    response = await client.post(
        "/v1/abonnements", json={"url": url, "types": types or ["*"]}, headers=who.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _pending(database: Database, abonnement_id: str) -> list[uuid.UUID]:
    async with database.transaction() as conn:
        rows = await conn.fetch(
            "SELECT l.id FROM livraisons l JOIN evenements e ON e.seq = l.evenement_seq "
            "WHERE l.abonnement_id = $1 AND l.statut = 'en_attente' ORDER BY e.xid, e.seq",
            uuid.UUID(abonnement_id),
        )
    return [r["id"] for r in rows]


async def _deliver_all(
    database: Database, outbound: httpx.AsyncClient, abonnement_id: str
) -> list[NouvelEssai]:
    retries = []
    for livraison_id in await _pending(database, abonnement_id):
        try:
            await deliver(database, outbound, livraison_id, "test")
        except NouvelEssai as retry:
            retries.append(retry)
    return retries


async def _setup(
    app: FastAPI, client: httpx.AsyncClient, hook: Receiver, types: list[str] | None = None
) -> tuple[PartnerCreds, dict[str, Any]]:
    who = await make_partner(app, client)
    sub = await _subscribe(client, who, hook.url, types)
    filed = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=who.headers
    )
    assert filed.status_code == 201
    return who, sub


async def test_each_delivery_is_the_feed_item_signed_per_standard_webhooks(
    app: FastAPI, client: httpx.AsyncClient, hook: Receiver, outbound: httpx.AsyncClient
) -> None:
    who, sub = await _setup(app, client, hook)
    assert sub["secret"].startswith("whsec_")
    assert "secret" not in (await client.get(f"/v1/abonnements/{sub['id']}", headers=who.headers)).json()
    assert await _deliver_all(app.state.database, outbound, sub["id"]) == []
    await settled(app.state.database)
    feed = (await client.get("/v1/evenements", headers=who.headers)).json()["items"]
    got = hook.snapshot()
    assert [r.headers["webhook-id"] for r in got] == [i["id"] for i in feed]  # in order, each once
    verifier = Webhook(sub["secret"])
    for r, item in zip(got, feed, strict=True):
        assert verifier.verify(r.body, r.headers) == item
        assert r.headers["content-type"] == "application/json"
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "A" * 43).verify(got[0].body, got[0].headers)
    deliveries = (await client.get(f"/v1/abonnements/{sub['id']}/livraisons", headers=who.headers)).json()
    assert {d["statut"] for d in deliveries["items"]} == {"livree"}
    assert all(
        len(d["tentatives"]) == 1 and d["tentatives"][0]["statut_http"] == 204 for d in deliveries["items"]
    )
    await client.delete(f"/v1/abonnements/{sub['id']}", headers=who.headers)


async def test_410_disables_the_subscription_and_an_event_says_so(
    app: FastAPI, client: httpx.AsyncClient, hook: Receiver, outbound: httpx.AsyncClient
) -> None:
    hook.status = 410
    who, sub = await _setup(app, client, hook)
    await _deliver_all(app.state.database, outbound, sub["id"])
    assert len(hook.snapshot()) == 1  # the first answer disabled it: the others are cancelled
    shown = (await client.get(f"/v1/abonnements/{sub['id']}", headers=who.headers)).json()
    assert (shown["statut"], shown["motif"]) == ("desactive", "410")
    await settled(app.state.database)
    feed = (
        await client.get("/v1/evenements", params={"types": "abonnement.desactive"}, headers=who.headers)
    ).json()
    (event,) = feed["items"]
    assert event["dossier_id"] is None
    assert event["data"] == {"abonnement_id": sub["id"], "url": hook.url, "motif": "410"}
    statuts = {
        d["statut"]
        for d in (await client.get(f"/v1/abonnements/{sub['id']}/livraisons", headers=who.headers)).json()[
            "items"
        ]
    }
    assert statuts == {"echouee", "annulee"}


async def test_a_redirect_is_a_failure_never_followed(
    app: FastAPI, client: httpx.AsyncClient, hook: Receiver, outbound: httpx.AsyncClient
) -> None:
    hook.status, hook.headers = 302, {"Location": f"http://127.0.0.1:{hook.port}/ailleurs"}
    who, sub = await _setup(app, client, hook, ["dossier.cree"])
    (retry,) = await _deliver_all(app.state.database, outbound, sub["id"])
    assert [r.path for r in hook.snapshot()] == ["/webhooks"]
    (delivery,) = (await client.get(f"/v1/abonnements/{sub['id']}/livraisons", headers=who.headers)).json()[
        "items"
    ]
    (attempt,) = delivery["tentatives"]
    assert (delivery["statut"], attempt["resultat"], attempt["statut_http"]) == ("en_attente", "echec", 302)
    assert attempt["erreur"] == "redirect not followed"
    assert retry.retry_at <= datetime.now(UTC) + timedelta(seconds=10)  # the first retry: within 10 s
    await client.delete(f"/v1/abonnements/{sub['id']}", headers=who.headers)


async def test_retry_after_is_honoured_and_the_budget_ends_it(
    app: FastAPI,
    client: httpx.AsyncClient,
    hook: Receiver,
    outbound: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hook.status, hook.headers = 503, {"Retry-After": "120"}
    who, sub = await _setup(app, client, hook, ["dossier.cree"])
    (retry,) = await _deliver_all(app.state.database, outbound, sub["id"])
    assert retry.retry_at >= datetime.now(UTC) + timedelta(seconds=115)
    # The budget spent (24 h by default; 0 here): the next failure abandons and disables.
    monkeypatch.setenv("PREVEX_WEBHOOK_RETRY_BUDGET_HOURS", "0.000001")
    get_settings.cache_clear()
    assert await _deliver_all(app.state.database, outbound, sub["id"]) == []
    shown = (await client.get(f"/v1/abonnements/{sub['id']}", headers=who.headers)).json()
    assert (shown["statut"], shown["motif"]) == ("desactive", "budget_epuise")
    (delivery,) = (await client.get(f"/v1/abonnements/{sub['id']}/livraisons", headers=who.headers)).json()[
        "items"
    ]
    assert delivery["statut"] == "echouee"
    assert [(t["numero"], t["statut_http"]) for t in delivery["tentatives"]] == [(1, 503), (2, 503)]
    assert delivery["tentatives"][0]["prochain_essai"] is not None


def test_backoff_retries_soon_then_longer_for_at_least_a_day() -> None:
    settings = get_settings()
    assert all(backoff(1, settings.webhook_retry_base_seconds) <= timedelta(seconds=10) for _ in range(200))
    # The schedule a failing endpoint gets: attempts go on until the budget (24 h) is spent.
    elapsed, attempts = timedelta(0), 1
    budget = timedelta(hours=settings.webhook_retry_budget_hours)
    while elapsed < budget:
        elapsed = min(elapsed + backoff(attempts, settings.webhook_retry_base_seconds), budget)
        attempts += 1
    assert budget >= timedelta(hours=24) and 8 <= attempts <= 20


async def test_private_loopback_and_link_local_destinations_are_refused(
    app: FastAPI,
    client: httpx.AsyncClient,
    hook: Receiver,
    outbound: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    who = await make_partner(app, client)
    for url in (
        f"http://127.0.0.1:{hook.port + 1}/x",  # not on the allow-list: http refused
        "https://127.0.0.1/x",
        "https://localhost/x",  # a name that resolves to loopback
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/x",
        "https://user:pass@example.org/x",
        "ftp://example.org/x",
    ):
        refused = await client.post("/v1/abonnements", json={"url": url, "types": ["*"]}, headers=who.headers)
        assert refused.status_code == 422, url
        assert refused.json()["errors"][0]["pointer"] == "/url"
    # Allowed when registered, refused when delivered (the allow-list changed): checked at each attempt.
    sub = await _subscribe(client, who, hook.url, ["dossier.cree"])
    await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=who.headers)
    monkeypatch.setenv("PREVEX_WEBHOOK_ALLOWED_HOSTS", "")
    get_settings.cache_clear()
    (_retry,) = await _deliver_all(app.state.database, outbound, sub["id"])
    assert hook.snapshot() == []
    (delivery,) = (await client.get(f"/v1/abonnements/{sub['id']}/livraisons", headers=who.headers)).json()[
        "items"
    ]
    assert delivery["tentatives"][0]["erreur"].startswith("refused: the URL must use https")
    await client.delete(f"/v1/abonnements/{sub['id']}", headers=who.headers)


async def test_a_rotated_secret_signs_beside_the_new_one(
    app: FastAPI, client: httpx.AsyncClient, hook: Receiver, outbound: httpx.AsyncClient
) -> None:
    who = await make_partner(app, client)
    sub = await _subscribe(client, who, hook.url, ["dossier.cree"])
    rotated = (await client.post(f"/v1/abonnements/{sub['id']}/secret", headers=who.headers)).json()
    assert rotated["secret"] != sub["secret"]
    await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=who.headers)
    await _deliver_all(app.state.database, outbound, sub["id"])
    (got,) = hook.snapshot()
    assert len(got.headers["webhook-signature"].split(" ")) == 2
    assert Webhook(sub["secret"]).verify(got.body, got.headers) == Webhook(rotated["secret"]).verify(
        got.body, got.headers
    )
    async with app.state.database.transaction() as conn:
        stored = await conn.fetchrow(
            "SELECT secret, secret_precedent FROM abonnements WHERE id = $1", uuid.UUID(sub["id"])
        )
    assert stored["secret"].startswith("gAAAAA") and sub["secret"] not in str(
        dict(stored)
    )  # encrypted at rest
    await client.delete(f"/v1/abonnements/{sub['id']}", headers=who.headers)


async def test_a_replay_queues_again_from_a_cursor_or_a_time(
    app: FastAPI, client: httpx.AsyncClient, hook: Receiver, outbound: httpx.AsyncClient
) -> None:
    who = await make_partner(app, client)
    start = datetime.now(UTC)
    sub = await _subscribe(client, who, hook.url, ["acte.depose"])
    for _ in range(2):
        await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=who.headers)
    await _deliver_all(app.state.database, outbound, sub["id"])
    first = [r.headers["webhook-id"] for r in hook.snapshot()]
    assert len(first) == 2
    await settled(app.state.database)
    page = (
        await client.get("/v1/evenements", params={"types": "acte.depose", "limit": 1}, headers=who.headers)
    ).json()
    after_first = await client.post(
        f"/v1/abonnements/{sub['id']}/rejouer", params={"depuis": page["next_cursor"]}, headers=who.headers
    )
    assert after_first.status_code == 202 and after_first.json() == {"livraisons": 1}
    since = await client.post(
        f"/v1/abonnements/{sub['id']}/rejouer", params={"depuis": start.isoformat()}, headers=who.headers
    )
    assert since.json() == {"livraisons": 2}
    await _deliver_all(app.state.database, outbound, sub["id"])
    received = Counter(r.headers["webhook-id"] for r in hook.snapshot())
    assert received == {first[0]: 2, first[1]: 3}  # once, then again from the cursor and from the time
    bad = await client.post(
        f"/v1/abonnements/{sub['id']}/rejouer", params={"depuis": "hier"}, headers=who.headers
    )
    assert bad.status_code == 422
    other = await make_partner(app, client)
    assert (
        await client.post(
            f"/v1/abonnements/{sub['id']}/rejouer",
            params={"depuis": start.isoformat()},
            headers=other.headers,
        )
    ).status_code == 404
    deleted = await client.delete(f"/v1/abonnements/{sub['id']}", headers=who.headers)
    assert deleted.status_code == 200 and deleted.json()["statut"] == "supprime"
    assert (await client.get("/v1/abonnements", headers=who.headers)).json() == {"items": []}
