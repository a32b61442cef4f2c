"""Batches: one result per item, in order; a bad item never blocks the good ones."""

from __future__ import annotations

import json
import logging
import uuid

import httpx
import pytest
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


def _scenario(tag: str) -> list[dict[str, object]]:
    """Acts whose filing depends on the ones before them: three households, each with several acts (the
    later ones must find the dossier the first made, and its decisions), a replay, a reference reused for
    another act, and an act naming its dossier by a household key only (same address, same name)."""
    a, b, c = (household(f"{n}{tag}") for n in ("a0", "b1", "c2"))
    cdp_a = acte("commandement_de_payer", a, reference=f"{tag}-1")
    return [
        cdp_a,
        acte("commandement_de_payer", b, reference=f"{tag}-2"),
        acte("assignation", a, reference=f"{tag}-3"),
        acte("commandement_de_payer", c, reference=f"{tag}-4"),
        cdp_a,  # the same act again: a replay (200)
        {**acte("assignation", b), "reference": f"{tag}-1"},  # another act under a used reference: 409
        acte("decision_justice", a, reference=f"{tag}-5"),
        acte("assignation", b, reference=f"{tag}-6"),
        acte("commandement_quitter_lieux", a, reference=f"{tag}-7"),
        acte("assignation", c, reference=f"{tag}-8"),
    ]


async def _outcome(app: FastAPI, partner_id: object) -> list[object]:
    """What the partner's filings left in the database, without ids or times: per dossier (in the order
    of their first act), its acts, its decisions (code, kind, status) and its events (type, recipients)."""
    async with app.state.database.sessionmaker() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT d.id, d.stade, "
                    "(SELECT array_agg(a.reference || ':' || a.type ORDER BY a.recu_le, a.id) FROM actes a "
                    " WHERE a.dossier_id = d.id) AS actes, "
                    "(SELECT array_agg(x.kind || ':' || x.code || ':' || x.statut ORDER BY x.kind, x.code, x.statut) "
                    " FROM decisions x WHERE x.dossier_id = d.id) AS decisions, "
                    "(SELECT array_agg(e.type || ':' || (SELECT count(*) FROM evenement_destinataires r "
                    "  WHERE r.seq = e.seq) ORDER BY e.type, e.seq) FROM evenements e WHERE e.dossier_id = d.id) AS ev, "
                    "(SELECT array_agg(g.motif || ':' || g.portee ORDER BY g.motif, g.portee) FROM acces g "
                    " WHERE g.dossier_id = d.id) AS grants, "
                    "(SELECT min(a.recu_le) FROM actes a WHERE a.dossier_id = d.id) AS first "
                    "FROM dossiers d WHERE EXISTS (SELECT 1 FROM actes a WHERE a.dossier_id = d.id "
                    "AND a.partner_id = :p) ORDER BY first"
                ),
                {"p": partner_id},
            )
        ).all()
    tag = lambda values: [str(v).split("-", 1)[-1] for v in values or []]  # noqa: E731 (references' suffix)
    return [(r.stade, tag(r.actes), r.decisions, r.ev, r.grants) for r in rows]


async def test_a_batch_files_as_the_same_acts_one_by_one(
    app: FastAPI, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """The set-based batch has the single filing's semantics: the same statuses, and the same dossiers,
    acts, decisions, events and grants, as the same acts filed one at a time, for acts that depend on
    each other within the batch (same household, a replay, a reused reference)."""
    one = await make_partner(app, client)
    batch = await make_partner(app, client)
    single_statuses = []
    for item in _scenario(uuid.uuid4().hex[:8]):
        response = await client.post("/v1/actes", json=item, headers=one.headers)
        single_statuses.append(response.status_code)
    with caplog.at_level(logging.WARNING, logger="app.services.lots"):
        response = await client.post(
            "/v1/actes/lot", json=_scenario(uuid.uuid4().hex[:8]), headers=batch.headers
        )
    assert response.status_code == 200, response.text[:500]
    # filed set-based, not rescued by the item-by-item path that follows a database error
    assert not [r for r in caplog.records if r.name == "app.services.lots"]
    batch_statuses = [r["statut"] for r in response.json()["resultats"]]
    assert single_statuses == batch_statuses == [201, 201, 201, 201, 200, 409, 201, 201, 201, 201]
    single, batched = await _outcome(app, one.partner_id), await _outcome(app, batch.partner_id)
    assert len(single) == 3
    assert batched == single
    receipts = response.json()["resultats"]
    assert receipts[2]["recu"]["dossier_id"] == receipts[0]["recu"]["dossier_id"]  # found the batch's dossier
    assert receipts[4]["recu"] == receipts[0]["recu"]  # a replay answers the first receipt


async def test_a_batch_streams_ndjson_when_asked(app: FastAPI, client: httpx.AsyncClient) -> None:
    """``Accept: application/x-ndjson``: one line per item as its chunk commits, then a last line."""
    from app.services import lots

    p = await make_partner(app, client)
    items = [acte("commandement_de_payer", household()) for _ in range(lots.CHUNK + 3)]
    items[1]["dette"] = {"montant_cents": "beaucoup"}
    async with client.stream(
        "POST", "/v1/actes/lot", json=items, headers={**p.headers, "Accept": "application/x-ndjson"}
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/x-ndjson")
        lines = [json.loads(line) async for line in response.aiter_lines() if line]
    assert [line["index"] for line in lines[:-1]] == list(range(len(items)))
    assert lines[1]["statut"] == 422 and lines[0]["statut"] == 201
    assert lines[0]["recu"]["reference"] == items[0]["reference"]
    assert lines[-1] == {"fin": True, "acceptes": len(items) - 1, "rejetes": 1}


async def test_a_streamed_batch_cut_by_an_outage_says_where_to_resume() -> None:
    """The NDJSON answer has already begun when the database goes away: its last line says so, with the
    503 problem and the index of the first item not filed; the lines before it stand."""
    from collections.abc import AsyncIterator

    from app.services.lots import ndjson_lines

    async def chunks() -> AsyncIterator[list[bytes]]:
        yield [b'{"index":2,"statut":201,"recu":{}}']
        raise ConnectionResetError("the server closed the connection")

    first = [b'{"index":0,"statut":201,"recu":{}}', b'{"index":1,"statut":422,"probleme":{}}']
    lines = [
        json.loads(line)
        for part in [p async for p in ndjson_lines(first, chunks(), 5)]
        for line in part.splitlines()
    ]
    assert [line.get("index") for line in lines[:-1]] == [0, 1, 2]
    end = lines[-1]
    assert end["fin"] is False and end["reprendre_a"] == 3 and end["acceptes"] == 2 and end["rejetes"] == 1
    assert end["probleme"]["status"] == 503 and "retry in 5 s from item 3" in end["probleme"]["detail"]
