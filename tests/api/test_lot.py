"""Batches: one result per item, in order; a bad item never blocks the good ones."""

from __future__ import annotations

import json

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select, text

from app.models.acte import Acte
from tests.factories import acte, household, make_partner


async def test_ten_thousand_acts_with_one_percent_bad(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    template = acte("commandement_de_payer", household())
    items: list[dict[str, object]] = []
    bad: set[int] = set()
    for i in range(10_000):
        item = json.loads(json.dumps(template))
        item["reference"] = f"LOT-{p.client_id}-{i}"
        item["logement"]["adresse"] = f"{i % 200 + 1} avenue du Lot {i}"
        item["occupants"][0]["nom"] = f"LOT{i}"
        if i % 100 == 37:
            item["dette"]["montant_cents"] = -1 if i % 200 == 37 else "beaucoup"
            bad.add(i)
        items.append(item)
    response = await client.post("/v1/actes/lot", json=items, headers=p.headers, timeout=600)
    assert response.status_code == 200, response.text[:500]
    body = response.json()
    assert body["acceptes"] == 9_900 and body["rejetes"] == 100
    results = body["resultats"]
    assert [r["index"] for r in results] == list(range(10_000))
    for r in results:
        if r["index"] in bad:
            assert r["statut"] == 422 and r["probleme"]["errors"][0]["pointer"] == "/dette/montant_cents"
        else:
            assert r["statut"] == 201 and r["recu"]["reference"] == f"LOT-{p.client_id}-{r['index']}"
    async with app.state.database.sessionmaker() as session:
        stored = await session.scalar(
            select(func.count()).select_from(Acte).where(Acte.partner_id == p.partner_id)
        )
    assert stored == 9_900


async def test_ndjson_batch_and_replays(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    caf = await make_partner(app, client, kind="organisme_payeur")
    first = acte("commandement_de_payer", household())
    lines = [json.dumps(first), "{not json", json.dumps(acte("assignation", household())), json.dumps(first)]
    response = await client.post(
        "/v1/actes/lot",
        content="\n".join(lines).encode(),
        headers={**p.headers, "Content-Type": "application/x-ndjson"},
    )
    statuses = [r["statut"] for r in response.json()["resultats"]]
    assert statuses == [201, 400, 201, 200]
    forbidden = await client.post(
        "/v1/actes/lot", json=[acte("assignation", household())], headers=caf.headers
    )
    assert forbidden.json()["resultats"][0]["statut"] == 403
    not_a_list = await client.post("/v1/actes/lot", json={"type": "x"}, headers=p.headers)
    assert not_a_list.status_code == 422
    too_many = await client.post("/v1/actes/lot", json=[{}] * 10_001, headers=p.headers)
    assert too_many.status_code == 422
    for empty in (b"[]", b"\n \n"):  # the contract says minItems 1 (JSON) and at least one line (NDJSON)
        media = "application/json" if empty == b"[]" else "application/x-ndjson"
        refused = await client.post(
            "/v1/actes/lot", content=empty, headers={**p.headers, "Content-Type": media}
        )
        assert refused.status_code == 422 and refused.json()["errors"] == [
            {"pointer": "", "detail": "the batch is empty"}
        ]
    too_deep = await client.post(
        "/v1/actes/lot",
        content=b"[" * 100_000,
        headers={**p.headers, "Content-Type": "application/json"},
    )
    assert too_deep.status_code == 400 and too_deep.json()["type"].endswith("json-invalide")


async def test_a_database_error_in_one_item_keeps_the_others(app: FastAPI, client: httpx.AsyncClient) -> None:
    """An item the database refuses (here a trigger standing for any unexpected error: a deadlock with
    another batch, a constraint) rolls back its chunk; the chunk is filed again item by item, so the good
    items are stored and the bad one is reported, in order."""
    p = await make_partner(app, client)
    items = [acte("commandement_de_payer", household()) for _ in range(5)]
    items[2]["reference"] = f"BOOM-{p.client_id}"
    async with app.state.database.sessionmaker() as session, session.begin():
        await session.execute(
            text(
                "CREATE FUNCTION test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.reference LIKE 'BOOM-%' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$"
            )
        )
        await session.execute(
            text(
                "CREATE TRIGGER test_refuse_boom BEFORE INSERT ON actes "
                "FOR EACH ROW EXECUTE FUNCTION test_refuse_boom()"
            )
        )
    try:
        response = await client.post("/v1/actes/lot", json=items, headers=p.headers)
    finally:
        async with app.state.database.sessionmaker() as session, session.begin():
            await session.execute(text("DROP TRIGGER test_refuse_boom ON actes"))
            await session.execute(text("DROP FUNCTION test_refuse_boom()"))
    assert response.status_code == 200, response.text
    results = response.json()["resultats"]
    assert [r["statut"] for r in results] == [201, 201, 500, 201, 201]
    assert results[2]["probleme"]["type"].endswith("erreur-interne")
    assert "refused" not in json.dumps(results[2])  # no database message reaches the client
    async with app.state.database.sessionmaker() as session:
        stored = await session.scalar(
            select(func.count()).select_from(Acte).where(Acte.partner_id == p.partner_id)
        )
    assert stored == 4


async def test_the_batch_path_only_files(app: FastAPI, client: httpx.AsyncClient) -> None:
    """GET /v1/actes/lot is not a read of an act whose id is 'lot' (422): the path exists, for POST only."""
    p = await make_partner(app, client)
    for method in ("GET", "PUT", "DELETE", "PATCH", "OPTIONS"):
        response = await client.request(method, "/v1/actes/lot", headers=p.headers)
        assert response.status_code == 405, (method, response.text)
        assert response.headers["allow"] == "POST"
        assert response.headers["content-type"] == "application/problem+json"
        if method != "HEAD":
            assert response.json()["type"] == "urn:prevex:probleme:methode-non-permise"
    spec = app.openapi()
    schema = spec["paths"]["/v1/actes/lot"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert schema["minItems"] == 1 and schema["maxItems"] == 10_000
