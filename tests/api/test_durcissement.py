"""Hostile input and misuse (docs/protection.md §5): security headers on every response, CORS closed by
default, the token endpoint rate-limited per client and per IP, event ids that reveal no volume."""

from __future__ import annotations

import re

import httpx
from fastapi import FastAPI

from app.core.limites import token_limits
from tests.factories import acte, household, make_partner


async def test_every_response_carries_the_security_headers(app: FastAPI, client: httpx.AsyncClient) -> None:
    partner = await make_partner(app, client)
    filed = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=partner.headers
    )
    responses = [
        filed,
        await client.get(f"/v1/dossiers/{filed.json()['dossier_id']}", headers=partner.headers),
        await client.get("/v1/dossiers/not-a-uuid", headers=partner.headers),  # a problem
        await client.get("/v1/dossiers"),  # 401
        await client.get("/healthz"),
    ]
    for response in responses:
        assert response.headers["x-content-type-options"] == "nosniff", response.url
        assert "max-age=" in response.headers["strict-transport-security"]
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["referrer-policy"] == "no-referrer"
    for response in responses[:4]:  # personal data, or about it: never stored
        assert response.headers["cache-control"] == "no-store", response.url
    # CORS is closed by default: no CORS header, even to a preflight.
    preflight = await client.options(
        "/v1/dossiers", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in preflight.headers


async def test_the_token_endpoint_limits_failed_attempts(app: FastAPI, client: httpx.AsyncClient) -> None:
    token_limits().limiter.storage.reset()
    partner = await make_partner(app, client)
    statuses = []
    for n in range(300):
        response = await client.post(
            "/v1/oauth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": partner.client_id,
                "client_secret": f"wrong{n}",
            },
        )
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert int(response.headers["retry-after"]) >= 1
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["type"].endswith("trop-de-tentatives")
    assert statuses[:10] == [401] * 10 and set(statuses[10:]) == {429}
    # Even the right secret waits: the client is locked out until the window frees up.
    right = await client.post(
        "/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": partner.client_id,
            "client_secret": partner.client_secret,
        },
    )
    assert right.status_code == 429
    # Per IP: many clients, one address.
    token_limits().limiter.storage.reset()
    ip_statuses = [
        (
            await client.post(
                "/v1/oauth/token",
                data={
                    "grant_type": "client_credentials",
                    "client_id": f"pvx_inconnu{n}",
                    "client_secret": "x",
                },
            )
        ).status_code
        for n in range(70)
    ]
    assert ip_statuses[:60] == [401] * 60 and set(ip_statuses[60:]) == {429}
    token_limits().limiter.storage.reset()


async def test_event_ids_reveal_no_volume(app: FastAPI, client: httpx.AsyncClient) -> None:
    partner = await make_partner(app, client)
    filed = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=partner.headers
    )
    chronologie = (
        await client.get(f"/v1/dossiers/{filed.json()['dossier_id']}/chronologie", headers=partner.headers)
    ).json()
    ids = [i["evenement"]["id"] for i in chronologie["items"] if i["nature"] == "evenement"]
    assert ids and all(
        re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i) for i in ids
    )
