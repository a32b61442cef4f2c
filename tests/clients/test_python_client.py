"""The generated client and its examples, against the app: a CAF pulls with a saved cursor the
`signalement_impaye` a bailleur filed a moment before; a receiver verifies a delivery's signature."""

from __future__ import annotations

import http.server
import importlib
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from standardwebhooks.webhooks import Webhook

from tests.exchange import free_port, settled
from tests.factories import acte, household, make_partner

CLIENT = Path(__file__).resolve().parents[2] / "clients" / "python"


@pytest.fixture
def examples(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(CLIENT))
    monkeypatch.syspath_prepend(str(CLIENT / "examples"))
    yield
    for name in [m for m in sys.modules if m.startswith(("prevex_client", "caf_flux", "recevoir_webhooks"))]:
        del sys.modules[name]


async def test_a_caf_pulls_the_signalement_impaye_with_the_generated_client(
    app: FastAPI, client: httpx.AsyncClient, examples: None
) -> None:
    caf_flux: Any = importlib.import_module("caf_flux")
    from prevex_client import AuthenticatedClient

    caf = await make_partner(app, client, kind="organisme_payeur")
    bailleur = await make_partner(app, client, kind="bailleur_social")
    filed = await client.post(
        "/v1/actes", json=acte("signalement_impaye", household()), headers=bailleur.headers
    )
    assert filed.status_code == 201, filed.text
    await settled(app.state.database)

    transport = httpx.ASGITransport(app=app)
    bearer = await caf_flux.access_token(
        "http://prevex.test", caf.client_id, caf.client_secret, transport=transport
    )
    handled: list[dict[str, Any]] = []
    saved: list[str] = []
    async with AuthenticatedClient(
        base_url="http://prevex.test", token=bearer, httpx_args={"transport": transport}
    ) as api:
        cursor = await caf_flux.pull(api, None, handled.append, saved.append)
        signals = [
            e for e in handled if e["type"] == "acte.depose" and e["data"]["type"] == "signalement_impaye"
        ]
        assert [e["data"]["acte_id"] for e in signals] == [filed.json()["id"]]
        content = signals[0]["data"]["acte"]
        assert content["contenu_visible"] is True and content["acte"]["numero_allocataire"] == "1234567"
        assert cursor == saved[-1]
        again: list[dict[str, Any]] = []
        assert await caf_flux.pull(api, cursor, again.append, saved.append) == cursor
        assert again == []  # nothing new from the returned cursor


def test_the_receiver_example_verifies_signatures(examples: None, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    monkeypatch.setenv("PREVEX_WEBHOOK_SECRET", secret)
    receiver: ModuleType = importlib.import_module("recevoir_webhooks")
    port = free_port()
    server = http.server.HTTPServer(("127.0.0.1", port), receiver.Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        body = '{"id":"e1","type":"dossier.cree","timestamp":"2026-01-01T00:00:00+00:00","dossier_id":null,"data":{}}'
        now = datetime.now(UTC)
        headers = {
            "webhook-id": "e1",
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": Webhook(secret).sign("e1", now, body),
        }
        url = f"http://127.0.0.1:{port}/"
        assert httpx.post(url, content=body, headers=headers).status_code == 204
        assert httpx.post(url, content=body.replace("e1", "e2"), headers=headers).status_code == 400
    finally:
        server.shutdown()
        server.server_close()
