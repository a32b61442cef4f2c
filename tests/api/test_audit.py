"""The audit that proves itself (docs/protection.md §3): refused reads leave a trace, the CCAPEX reads
its dossiers' audit naming each partner, a DPO reads everything, and ``prevex audit verifier`` names
the row that was altered, removed or reordered."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

import asyncpg
import httpx
import pytest
from fastapi import FastAPI

from app.services.audit import purge, seal, verify
from tests.factories import acte, household, make_partner

ROOT = Path(__file__).resolve().parents[2]


async def _rows(database_url: str, dossier_id: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(database_url)
    try:
        return await conn.fetch(
            "SELECT * FROM audit_lectures WHERE dossier_id = $1 ORDER BY id", uuid.UUID(dossier_id)
        )
    finally:
        await conn.close()


async def test_refused_reads_are_audited_and_the_ccapex_reads_who_tried(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    commissaire = await make_partner(app, client)
    prober = await make_partner(app, client, kind="bailleur_social", nom="Bailleur curieux")
    receipt = (
        await client.post(
            "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
        )
    ).json()
    for n in range(40):
        path = (f"/v1/dossiers/{receipt['dossier_id']}", f"/v1/actes/{receipt['id']}")[n % 2]
        assert (await client.get(path, headers=prober.headers)).status_code == 404
    read = await client.get(
        f"/v1/dossiers/{receipt['dossier_id']}", headers={**ccapex.headers, "X-Motif": "commission du 12/03"}
    )
    assert read.status_code == 200
    rows = await _rows(database_url, receipt["dossier_id"])
    refused = [r for r in rows if r["resultat"] == "refuse"]
    assert len(refused) == 40 and {r["partner_id"] for r in refused} == {prober.partner_id}
    assert {r["operation"] for r in refused} == {"lecture_dossier", "lecture_acte"}
    assert any(r["resultat"] == "ecrit" and r["operation"] == "depot" for r in rows)
    assert any(r["motif"] == "commission du 12/03" and r["finalite"] for r in rows)

    audit = await client.get(
        "/v1/audit", params={"dossier_id": receipt["dossier_id"], "limit": 200}, headers=ccapex.headers
    )
    assert audit.status_code == 200, audit.text
    items = audit.json()["items"]
    assert sum(1 for i in items if i["resultat"] == "refuse" and i["partner_nom"] == "Bailleur curieux") == 40
    assert any(i["client_id"] == prober.client_id for i in items)
    # Nobody else reads the audit; the CCAPEX only of the dossiers it may read.
    assert (
        await client.get("/v1/audit", params={"dossier_id": receipt["dossier_id"]}, headers=prober.headers)
    ).status_code == 403
    paris = await make_partner(app, client, kind="ccapex", territoires=("75",))
    assert (
        await client.get("/v1/audit", params={"dossier_id": receipt["dossier_id"]}, headers=paris.headers)
    ).status_code == 404
    assert (await client.get("/v1/audit", headers=ccapex.headers)).status_code == 422
    dpo = await make_partner(app, client, kind="dpo")
    everything = await client.get("/v1/audit", params={"limit": 5}, headers=dpo.headers)
    assert everything.status_code == 200 and len(everything.json()["items"]) == 5
    assert everything.json()["next_cursor"]
    assert (await client.get(f"/v1/dossiers/{receipt['dossier_id']}", headers=dpo.headers)).status_code == 404


async def _final(database_url: str, seconds: float = 90) -> None:
    """Wait until every audit row so far is below the oldest running transaction (anywhere on the server):
    its place in commit order is final, the sealer chains it."""
    conn = await asyncpg.connect(database_url)
    try:
        top = await conn.fetchval("SELECT max(xid)::text FROM audit_lectures")
        for _ in range(int(seconds * 10)):
            if await conn.fetchval("SELECT $1::text::xid8 < pg_snapshot_xmin(pg_current_snapshot())", top):
                return
            await asyncio.sleep(0.1)
        raise AssertionError("a transaction on the server stayed open")
    finally:
        await conn.close()


def _verifier(database_url: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
    env["PREVEX_DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "audit", "verifier"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_the_verifier_names_an_altered_removed_or_reordered_row(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    commissaire = await make_partner(app, client)
    receipt = (
        await client.post(
            "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
        )
    ).json()
    for _ in range(3):
        await client.get(f"/v1/dossiers/{receipt['dossier_id']}", headers=commissaire.headers)
    await _final(database_url)
    ok = _verifier(database_url)
    assert ok.returncode == 0 and "audit chain intact" in ok.stdout, ok.stdout + ok.stderr
    rows = await _rows(database_url, receipt["dossier_id"])
    assert all(r["empreinte"] for r in rows) and len(rows) == 4, [
        (r["id"], r["xid"], r["empreinte"]) for r in rows
    ]
    target = rows[1]
    conn = await asyncpg.connect(database_url)
    try:
        # The table refuses it (the append-only trigger): only a superuser that disables the triggers
        # (replication mode, as a restore tool would) can alter a row, and the chain shows it.
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
            await conn.execute(
                "UPDATE audit_lectures SET partner_kind = 'ccapex' WHERE id = $1", target["id"]
            )
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
            await conn.execute("DELETE FROM audit_lectures WHERE id = $1", target["id"])
        await conn.execute("SET session_replication_role = replica")
        # Altered: the verifier (the CLI, on the committed database) names the row.
        await conn.execute("UPDATE audit_lectures SET partner_kind = 'ccapex' WHERE id = $1", target["id"])
        try:
            broken = _verifier(database_url)
        finally:
            await conn.execute(
                "UPDATE audit_lectures SET partner_kind = $2 WHERE id = $1",
                target["id"],
                target["partner_kind"],
            )
        assert broken.returncode == 1 and f"row {target['id']}" in broken.stderr, (
            broken.stdout + broken.stderr
        )
        # Removed, and reordered: in a transaction rolled back, the service that the CLI runs.
        async with conn.transaction():
            tr = conn.transaction()
            await tr.start()
            await conn.execute("DELETE FROM audit_lectures WHERE id = $1", target["id"])
            removed = await verify(conn)
            await tr.rollback()
        assert not removed.ok and removed.broken_row == rows[2]["id"], removed
        async with conn.transaction():
            tr = conn.transaction()
            await tr.start()
            await conn.execute(
                "UPDATE audit_lectures SET operation = CASE id WHEN $1 THEN $4 ELSE $3 END WHERE id IN ($1, $2)",
                rows[2]["id"],
                rows[3]["id"],
                rows[2]["operation"],
                rows[3]["operation"],
            )
            await conn.execute(
                "UPDATE audit_lectures SET xid = CASE id WHEN $1 THEN $3::text::xid8 ELSE $4::text::xid8 END "
                "WHERE id IN ($1, $2)",
                rows[2]["id"],
                rows[3]["id"],
                str(rows[3]["xid"]),
                str(rows[2]["xid"]),
            )
            reordered = await verify(conn)
            await tr.rollback()
        assert not reordered.ok, reordered
        async with conn.transaction():
            assert (await verify(conn)).ok
            assert await seal(conn) >= 0
    finally:
        await conn.close()


async def test_the_table_is_append_only_and_the_chain_survives_a_purge(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    """Only the sealer updates a row (its hashes, once) and only the purge deletes rows (sealed ones, a
    prefix of the chain): the verifier passes after a purge, anchored on the last row purged."""
    commissaire = await make_partner(app, client)
    receipt = (
        await client.post(
            "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
        )
    ).json()
    for _ in range(3):
        await client.get(f"/v1/dossiers/{receipt['dossier_id']}", headers=commissaire.headers)
    await _final(database_url)
    assert _verifier(database_url).returncode == 0  # it seals first
    rows = await _rows(database_url, receipt["dossier_id"])
    assert len(rows) == 4 and all(r["empreinte"] for r in rows)
    conn = await asyncpg.connect(database_url)
    try:
        for statement in (
            "UPDATE audit_lectures SET motif = 'x' WHERE id = $1",
            "UPDATE audit_lectures SET empreinte = NULL, precedent = NULL WHERE id = $1",  # re-sealable
            "DELETE FROM audit_lectures WHERE id = $1",
        ):
            with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
                await conn.execute(statement, rows[0]["id"])
        # The purge's setting is the purge's: set by hand outside it, an unsealed row still stays.
        tr = conn.transaction()
        await tr.start()
        await conn.execute("SELECT set_config('prevex.purge_audit', 'on', true)")
        unsealed = await conn.fetchval(
            "INSERT INTO audit_lectures (at, partner_id, partner_kind, dossier_id, operation) "
            "VALUES (now(), $1, 'dpo', $2, 'lecture_dossier') RETURNING id",
            commissaire.partner_id,
            uuid.UUID(receipt["dossier_id"]),
        )
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
            await conn.execute("DELETE FROM audit_lectures WHERE id = $1", unsealed)
        await tr.rollback()
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="TRUNCATE"):
            await conn.execute("TRUNCATE audit_lectures")
        async with conn.transaction():
            deleted = await purge(conn, rows[2]["at"])
        assert deleted >= 2
        kept = {r["id"] for r in await _rows(database_url, receipt["dossier_id"])}
        assert kept == {rows[2]["id"], rows[3]["id"]}
        async with conn.transaction():
            assert (await verify(conn)).ok
    finally:
        await conn.close()
    after = _verifier(database_url)
    assert after.returncode == 0 and "audit chain intact" in after.stdout, after.stdout + after.stderr


# The GETs that read a dossier, by the id in their path: each refusal (404) must leave a row on the dossier.
_DOSSIER_READS = {"dossier_id", "acte_id", "seance_id", "courrier_id"}
_NOT_DOSSIER_READS = {"abonnement_id", "fichier"}  # a partner's own subscription; a public source text


async def test_every_dossier_read_audits_its_refusal(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    """Every GET of the contract that reads a dossier by an id (the dossier's, an act's, a session's whose
    agenda names it) leaves a ``refuse`` row on the dossier when it answers 404 to a stranger; a GET with
    an id of another kind must be named here, so a new endpoint cannot be forgotten."""
    commissaire = await make_partner(app, client)
    ccapex = await make_partner(app, client, kind="ccapex")
    receipt = (
        await client.post(
            "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
        )
    ).json()
    seance = await client.post(
        "/v1/seances",
        json={"territoire": "93", "date": "2027-03-01", "formation": "pleniere", "membres": []},
        headers=ccapex.headers,
    )
    assert seance.status_code == 201, seance.text
    inscrit = await client.post(
        f"/v1/seances/{seance.json()['id']}/ordre-du-jour",
        json={"dossier_id": receipt["dossier_id"]},
        headers=ccapex.headers,
    )
    assert inscrit.status_code in (200, 201), inscrit.text
    courriers = await client.get(f"/v1/dossiers/{receipt['dossier_id']}/courriers", headers=ccapex.headers)
    assert courriers.status_code == 200 and courriers.json()["items"], courriers.text  # the CDP's letter
    ids = {
        "dossier_id": receipt["dossier_id"],
        "acte_id": receipt["id"],
        "seance_id": seance.json()["id"],
        "courrier_id": courriers.json()["items"][0]["id"],
    }
    templates: dict[str, set[str]] = {
        t: {p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "path"}
        for t, ops in app.openapi()["paths"].items()
        if "get" in ops
    }
    reads = [t for t, names in templates.items() if names & _DOSSIER_READS]
    unclassified = [t for t, names in templates.items() if names - _DOSSIER_READS - _NOT_DOSSIER_READS]
    assert unclassified == [], "a GET with an id: is it a dossier read? name it above"
    assert {
        "/v1/dossiers/{dossier_id}/bilan",
        "/v1/seances/{seance_id}",
        "/v1/courriers/{courrier_id}",
    } <= set(reads), reads
    # A CCAPEX of another territory (it holds every reading scope) and a landlord of the same one.
    strangers = [
        await make_partner(app, client, kind="ccapex", territoires=("75",)),
        await make_partner(app, client, kind="bailleur_social"),
    ]
    for who in strangers:
        for template in reads:
            before = await _rows(database_url, receipt["dossier_id"])
            response = await client.get(template.format(**ids), headers=who.headers)
            assert response.status_code == 404, (who.kind, template, response.status_code)
            after = await _rows(database_url, receipt["dossier_id"])
            new = [r for r in after if r["id"] not in {b["id"] for b in before}]
            assert [(r["partner_id"], r["resultat"]) for r in new] == [(who.partner_id, "refuse")], (
                who.kind,
                template,
                [(r["operation"], r["resultat"]) for r in new],
            )
            assert new[0]["finalite"], template  # the endpoint's purpose is named


async def test_every_filing_writes_its_audit_row_in_its_own_statement(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    """The filing's audit row is written by the filing's write statement (a CTE of ``FILING`` and
    ``FILING_IDEM``, and of each batch item's): one ``ecrit`` row per act, with the filer, its client,
    the request's id, the act's time and the purpose; none for a replay."""
    commissaire = await make_partner(app, client)
    single = await client.post(
        "/v1/actes",
        json=acte("commandement_de_payer", household()),
        headers={**commissaire.headers, "X-Request-ID": "req-audit-1"},
    )
    keyed_body = acte("commandement_de_payer", household())
    keyed_headers = {
        **commissaire.headers,
        "Idempotency-Key": f"k-{uuid.uuid4()}",
        "X-Request-ID": "req-audit-2",
    }
    keyed = await client.post("/v1/actes", json=keyed_body, headers=keyed_headers)
    replay = await client.post("/v1/actes", json=keyed_body, headers=keyed_headers)
    assert (single.status_code, keyed.status_code, replay.status_code) == (201, 201, 201)
    batch = await client.post(
        "/v1/actes/lot",
        json=[acte("commandement_de_payer", household()) for _ in range(3)],
        headers={**commissaire.headers, "X-Request-ID": "req-audit-3"},
    )
    assert batch.status_code == 200 and batch.json()["acceptes"] == 3
    receipts = [
        (single.json(), "req-audit-1"),
        (keyed.json(), "req-audit-2"),
        *((r["recu"], "req-audit-3") for r in batch.json()["resultats"]),
    ]
    for receipt, request_id in receipts:
        rows = await _rows(database_url, receipt["dossier_id"])
        assert len(rows) == 1, receipt["dossier_id"]
        row = rows[0]
        assert (row["operation"], row["resultat"], row["motif"]) == ("depot", "ecrit", None)
        assert (row["partner_id"], row["partner_kind"]) == (commissaire.partner_id, "commissaire_justice")
        assert (row["client_id"], row["request_id"]) == (commissaire.client_id, request_id)
        assert row["at"].isoformat() == receipt["recu_le"]
        assert row["finalite"] == "dépôt d'un acte (POST /v1/actes)"
