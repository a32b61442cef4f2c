"""No personal data in logs (issue 10, item 5): households with names, phones, emails and birth dates
are filed, read, searched, refused and pushed to a failing webhook, with every in-process logger at
DEBUG (``tests/journal.py``); then no log line carries any of their values. ``conftest.py`` checks the
same journal once more at the end of the run, for every household every test made."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI

from app.core import sortant
from app.services.livraisons import NouvelEssai, deliver
from tests.exchange import allow
from tests.factories import acte, household, make_partner
from tests.journal import JOURNAL, Journal


def _menage(n: int) -> dict[str, Any]:
    menage = household()
    tag = uuid.uuid4().int
    occupant = {
        **menage["occupants"][0],  # type: ignore[index]
        "telephone": f"07{tag % 10**8:08d}",
        "email": f"menage{n}.{tag % 10**7}@journal.example.org",
        "date_naissance": "1968-02-29",
    }
    second = {
        "nom": f"SECOND{uuid.uuid4().hex[:8].upper()}",
        "prenom": "Aloïs",
        "telephone": f"06{tag % 10**8:08d}",
    }
    JOURNAL.register(occupant["telephone"], occupant["email"], second["nom"], second["telephone"])
    return {**menage, "occupants": [occupant, second]}


def test_the_journal_sees_a_leak() -> None:
    """The detector itself: a line carrying a registered value is found (so the check below can fail)."""
    probe = Journal()
    root = logging.getLogger()
    root.addHandler(probe)
    try:
        probe.register("0712345678")
        logging.getLogger("prevex.test").warning("calling %s", "0712345678")
        logging.getLogger("prevex.test").warning("nothing personal")
    finally:
        root.removeHandler(probe)
    assert [value for value, _ in probe.leaks()] == ["0712345678"]


async def test_no_personal_data_in_the_logs(
    app: FastAPI, client: httpx.AsyncClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = len(JOURNAL.lines)
    commissaire = await make_partner(app, client)
    bailleur = await make_partner(app, client, kind="bailleur_social")
    ccapex = await make_partner(app, client, kind="ccapex")
    stranger = await make_partner(app, client, kind="bailleur_social", territoires=("75",))
    allow(monkeypatch, "127.0.0.1:9")
    hook = await client.post(
        "/v1/abonnements", json={"url": "http://127.0.0.1:9/refuse", "types": ["*"]}, headers=ccapex.headers
    )
    assert hook.status_code == 201, hook.text

    receipts = []
    for n in range(12):
        menage = _menage(n)
        body = acte("commandement_de_payer", menage)
        filed = await client.post(
            "/v1/actes", json=body, headers={**commissaire.headers, "Idempotency-Key": uuid.uuid4().hex}
        )
        assert filed.status_code == 201, filed.text
        receipts.append(filed.json())
        # The landlord's signalement of the same household (joins by match), and a replay of the first.
        signal = acte("signalement_impaye", menage)
        signal.pop("parc", None)
        assert (await client.post("/v1/actes", json=signal, headers=bailleur.headers)).status_code == 201
        again = await client.post("/v1/actes", json=body, headers=commissaire.headers)
        assert again.status_code in (200, 201), again.text
        # Bad payloads carrying personal data: 422, and the same reference with another payload.
        bad = {
            **body,
            "reference": f"BAD-{n}",
            "occupants": [{**menage["occupants"][0], "email": "pas-un-email"}],
        }  # type: ignore[index]
        assert (await client.post("/v1/actes", json=bad, headers=commissaire.headers)).status_code == 422
        wrong_date = {**body, "reference": f"BAD-D-{n}", "date_acte": "2025-02-30"}
        assert (
            await client.post("/v1/actes", json=wrong_date, headers=commissaire.headers)
        ).status_code == 422
        conflict = {**body, "dette": {"montant_cents": 1, "mois_impayes_consecutifs": 1}}
        assert (await client.post("/v1/actes", json=conflict, headers=commissaire.headers)).status_code in (
            409,
            422,
        )
        not_json = await client.post(
            "/v1/actes",
            content=f'{{"type": "commandement_de_payer", "occupants": [{{"nom": "{menage["occupants"][1]["nom"]}"',  # type: ignore[index]
            headers={**commissaire.headers, "Content-Type": "application/json"},
        )
        assert not_json.status_code in (400, 422)
    for r in receipts:
        for path in (
            f"/v1/dossiers/{r['dossier_id']}",
            f"/v1/dossiers/{r['dossier_id']}/chronologie",
            f"/v1/actes/{r['id']}",
        ):
            assert (await client.get(path, headers=ccapex.headers, params={})).status_code == 200
            assert (await client.get(path, headers=stranger.headers)).status_code == 404
    assert (
        await client.get("/v1/dossiers", params={"limit": 200}, headers=ccapex.headers)
    ).status_code == 200
    assert (
        await client.get("/v1/evenements", params={"limit": 500}, headers=ccapex.headers)
    ).status_code == 200
    assert (
        await client.get("/v1/evenements", params={"limit": 500}, headers=commissaire.headers)
    ).status_code == 200

    # The webhook's deliveries fail (nothing listens on port 9), in this process: their log lines too.
    conn = await asyncpg.connect(database_url)
    try:
        deliveries = await conn.fetch(
            "SELECT id FROM livraisons WHERE abonnement_id = $1 ORDER BY created_at LIMIT 5",
            uuid.UUID(hook.json()["id"]),
        )
    finally:
        await conn.close()
    assert deliveries
    outgoing = sortant.client(2.0)
    try:
        for row in deliveries:
            with pytest.raises(NouvelEssai):
                await deliver(app.state.database, outgoing, row["id"], "journal-test")
    finally:
        await outgoing.aclose()

    lines = JOURNAL.lines[start:]
    assert sum('"logger": "prevex.access"' in line for line in lines) > 100  # the journal did listen
    assert any('"logger": "httpcore.connection"' in line for line in lines), "the deliveries' attempts"
    assert JOURNAL.leaks() == []
