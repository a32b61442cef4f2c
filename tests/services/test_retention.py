"""Retention (docs/protection.md §4), with the clock moved forward (``PREVEX_TODAY``) through the CLI the
daily job's work runs in: a dossier closed for the delay is anonymised, and nothing else is; a replay of
its act's receipt answers the anonymised act; partners hear ``dossier.anonymise``; idempotency records
expire."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from fastapi import FastAPI

from app.core import clock
from app.schemas.evenements import DossierAnonymise
from app.services.retention import anonymised, expire_idempotency
from tests.factories import PartnerCreds, acte, household, make_partner

ROOT = Path(__file__).resolve().parents[2]


def _cli(database_url: str, today: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
    env |= {
        "PREVEX_DATABASE_URL": database_url,
        "PREVEX_TODAY": today,
        "PREVEX_ANONYMISATION_DELAI_JOURS": "730",
    }
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "dossiers", "anonymiser", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _menage(tag: str) -> tuple[dict[str, Any], list[str]]:
    """A household with every personal field, and the strings that must go with it."""
    menage = household()
    occupant = menage["occupants"][0]  # type: ignore[index]
    secrets = {
        "telephone": f"0639{uuid.uuid4().int % 10**6:06d}",
        "email": f"{tag}.{uuid.uuid4().hex[:8]}@example.org",
        "date_naissance": "1979-11-23",
    }
    menage["occupants"] = [{**occupant, **secrets}, {"nom": f"AUTRE{tag.upper()}", "prenom": "Dominique"}]
    strings = [
        occupant["nom"],
        f"AUTRE{tag.upper()}",
        secrets["telephone"],
        secrets["email"],
        menage["logement"]["adresse"],  # type: ignore[index]
    ]
    return menage, strings


async def _file(
    client: httpx.AsyncClient, who: PartnerCreds, body: dict[str, Any], key: str | None = None
) -> httpx.Response:
    headers = {**who.headers, **({"Idempotency-Key": key} if key else {})}
    response = await client.post("/v1/actes", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response


async def _state(conn: asyncpg.Connection, dossier_id: str) -> dict[str, Any]:
    ident = uuid.UUID(dossier_id)
    return {
        "payloads": [
            r["payload"]
            for r in await conn.fetch("SELECT payload FROM actes WHERE dossier_id = $1 ORDER BY id", ident)
        ],
        "cles": await conn.fetchval("SELECT count(*) FROM dossier_cles WHERE dossier_id = $1", ident),
        "anonymise_le": await conn.fetchval("SELECT anonymise_le FROM dossiers WHERE id = $1", ident),
        "stade": await conn.fetchval("SELECT stade FROM dossiers WHERE id = $1", ident),
        "decisions": await conn.fetchval("SELECT count(*) FROM decisions WHERE dossier_id = $1", ident),
    }


async def _anywhere(conn: asyncpg.Connection, needle: str) -> list[str]:
    """The tables of the database where ``needle`` appears in any row (as text)."""
    tables = [
        r["table_name"]
        for r in await conn.fetch(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "AND table_type = 'BASE TABLE'"
        )
    ]
    found = []
    for table in tables:
        hit = await conn.fetchval(
            f'SELECT EXISTS (SELECT 1 FROM "{table}" t WHERE strpos(lower(t::text), lower($1)) > 0)',  # noqa: S608
            needle,
        )
        if hit:
            found.append(table)
    return found


def test_anonymised_payload_keeps_the_shape_and_buckets_amounts() -> None:
    body = acte("commandement_de_payer")
    body["numero_allocataire"] = "1234567"
    out = anonymised(body)
    assert out["occupants"] == [
        {"nom": None, "prenom": None, "date_naissance": None, "telephone": None, "email": None}
    ]
    assert out["logement"] == {"adresse": None, "code_postal": "93100", "code_commune": "93048"}
    assert out["bailleur"] == {"categorie": "sci_familiale", "nom": None, "siren": "123456782"}
    assert out["numero_allocataire"] is None and "numero_allocataire" in out  # the CAF still sees it
    assert out["dette"] == {"montant_cents": 280000, "mois_impayes_consecutifs": 3}
    assert out["bail"]["loyer_mensuel_hc_cents"] == 90000 and out["bail"]["date_signature"] == "2021-09-01"
    assert {k: out[k] for k in ("type", "reference", "territoire", "date_acte", "parc", "commissaire")} == {
        k: body[k] for k in ("type", "reference", "territoire", "date_acte", "parc", "commissaire")
    }
    assert anonymised(out) == out


async def test_a_dossier_closed_for_the_delay_is_anonymised_and_nothing_else(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    commissaire = await make_partner(app, client)
    ccapex = await make_partner(app, client, kind="ccapex")
    old, old_strings = _menage("ancien")
    recent, recent_strings = _menage("recent")
    ouvert, ouvert_strings = _menage("ouvert")
    key = uuid.uuid4().hex
    cdp_body = acte("commandement_de_payer", old)
    first = await _file(client, commissaire, cdp_body, key)
    cdp = first.json()
    assert old_strings[2] in first.text  # the receipt carries the telephone before
    await _file(client, ccapex, acte("cloture", dossier_id=cdp["dossier_id"], date_acte="2026-01-15"))
    cdp_recent = (await _file(client, commissaire, acte("commandement_de_payer", recent))).json()
    await _file(client, ccapex, acte("cloture", dossier_id=cdp_recent["dossier_id"], date_acte="2026-06-01"))
    cdp_ouvert = (await _file(client, commissaire, acte("commandement_de_payer", ouvert))).json()

    conn = await asyncpg.connect(database_url)
    try:
        before = {d: await _state(conn, d) for d in (cdp_recent["dossier_id"], cdp_ouvert["dossier_id"])}
        assert (await _state(conn, cdp["dossier_id"]))["stade"] == "clos"

        # A day short of the delay: nothing is due. Then the dry run lists it, changes nothing, and names
        # no one.
        early = _cli(database_url, "2028-01-14", "--dry-run", "--json")
        assert early.returncode == 0, early.stderr
        assert cdp["dossier_id"] not in early.stdout
        dry = _cli(database_url, "2028-01-20", "--dry-run", "--json")
        assert dry.returncode == 0, dry.stderr
        listed = {d["dossier_id"]: d for d in json.loads(dry.stdout)["dossiers"]}
        assert listed[cdp["dossier_id"]] == {
            "dossier_id": cdp["dossier_id"],
            "territoire": "93",
            "clos_le": "2026-01-15",
            "actes": 2,
        }
        assert cdp_recent["dossier_id"] not in listed and cdp_ouvert["dossier_id"] not in listed
        assert not [s for s in old_strings + recent_strings if s.lower() in dry.stdout.lower()]
        assert (await _state(conn, cdp["dossier_id"]))["anonymise_le"] is None
        assert "actes" in await _anywhere(conn, old_strings[2])  # the test can see what it looks for

        run = _cli(database_url, "2028-01-20")
        assert run.returncode == 0, run.stderr
        assert cdp["dossier_id"] in run.stdout and "anonymised" in run.stdout

        # Erased: nowhere in the database any more (acts, decisions, events, audit, every table).
        for needle in old_strings:
            assert await _anywhere(conn, needle) == [], needle
        after = await _state(conn, cdp["dossier_id"])
        assert after["anonymise_le"] is not None and after["cles"] == 0 and after["stade"] == "clos"
        assert after["decisions"] > 0  # the statistics stay
        cdp_payload = json.loads(
            after["payloads"][
                [json.loads(p)["type"] for p in after["payloads"]].index("commandement_de_payer")
            ]
        )
        assert cdp_payload["date_acte"] == cdp_body["date_acte"] and cdp_payload["parc"] == "prive"
        assert len(cdp_payload["occupants"]) == 2 and cdp_payload["logement"]["code_postal"] == "93100"
        # Nothing else: the other dossiers as they were, their people still in the database.
        for d, state in before.items():
            assert await _state(conn, d) == state
        for needle in recent_strings + ouvert_strings:
            assert await _anywhere(conn, needle), needle
        # Run again: nothing more to do.
        again = _cli(database_url, "2028-01-20", "--json")
        assert cdp["dossier_id"] not in again.stdout
    finally:
        await conn.close()

    # The replay of the act's receipt (same Idempotency-Key, same body) answers the anonymised act.
    replay = await client.post(
        "/v1/actes", json=cdp_body, headers={**commissaire.headers, "Idempotency-Key": key}
    )
    assert replay.status_code == 201 and replay.headers.get("idempotent-replayed") == "true", replay.text
    assert replay.json()["id"] == cdp["id"]
    assert not [s for s in old_strings if s.lower() in replay.text.lower()]
    assert replay.json()["acte"]["occupants"][0]["telephone"] is None
    # The household can no longer be matched: the same household filed again opens a new dossier.
    fresh = (await _file(client, commissaire, acte("commandement_de_payer", old))).json()
    assert fresh["dossier_id"] != cdp["dossier_id"]
    # Reads carry the anonymised acts; the partners heard of it.
    read = await client.get(f"/v1/dossiers/{cdp['dossier_id']}", headers=ccapex.headers)
    assert read.status_code == 200 and not [s for s in old_strings if s.lower() in read.text.lower()]
    # The partners hear of it: one event through the one writer, for every grant holder. (Read from the
    # log itself: the feed shows it once every transaction on the server older than it has ended, which
    # another database's long transaction can delay past any test's patience.)
    conn = await asyncpg.connect(database_url)
    try:
        events = await conn.fetch(
            "SELECT e.data, e.territoire, array_agg(d.partner_id ORDER BY d.partner_id) AS pour "
            "FROM evenements e JOIN evenement_destinataires d ON d.xid = e.xid AND d.seq = e.seq "
            "WHERE e.type = 'dossier.anonymise' AND e.dossier_id = $1 GROUP BY e.seq, e.data, e.territoire",
            uuid.UUID(cdp["dossier_id"]),
        )
    finally:
        await conn.close()
    assert len(events) == 1
    data = json.loads(events[0]["data"])
    DossierAnonymise.model_validate({**data, "dossier_id": cdp["dossier_id"]})
    assert data == {"clos_le": "2026-01-15", "anonymise_le": clock.now().date().isoformat()}
    assert {commissaire.partner_id, ccapex.partner_id} <= set(events[0]["pour"])


async def test_idempotency_records_expire(app: FastAPI, client: httpx.AsyncClient, database_url: str) -> None:
    commissaire = await make_partner(app, client)
    key = uuid.uuid4().hex
    body = acte("commandement_de_payer", household())
    first = await _file(client, commissaire, body, key)
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            await expire_idempotency(conn, clock.now() - timedelta(hours=1))  # older ones only
        remembered = await conn.fetchval(
            "SELECT count(*) FROM idempotency_keys WHERE partner_id = $1 AND cle = $2",
            commissaire.partner_id,
            key,
        )
        assert remembered == 1
        async with conn.transaction():
            assert await expire_idempotency(conn, clock.now() + timedelta(seconds=1)) >= 1
        gone = await conn.fetchval(
            "SELECT count(*) FROM idempotency_keys WHERE partner_id = $1 AND cle = $2",
            commissaire.partner_id,
            key,
        )
        assert gone == 0
    finally:
        await conn.close()
    # The key is free again: another body under it is filed, not refused as a reuse (422).
    other = acte("commandement_de_payer", household())
    again = await client.post(
        "/v1/actes", json=other, headers={**commissaire.headers, "Idempotency-Key": key}
    )
    assert again.status_code == 201 and again.json()["id"] != first.json()["id"], again.text
