"""Filing acts: typed intake, receipts, idempotency, one dossier per household, need to know."""

from __future__ import annotations

import asyncio
import json
import uuid

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select, text

from app.models.acte import Acte
from app.repositories.actes import lock_id as _lock_id
from app.schemas.actes import ACTE_TYPES
from tests.factories import PartnerCreds, acte, filer_kind, household, make_partner


async def _count_acts(app: FastAPI, partner: PartnerCreds) -> int:
    async with app.state.database.sessionmaker() as session:
        return int(
            await session.scalar(
                select(func.count()).select_from(Acte).where(Acte.partner_id == partner.partner_id)
            )
            or 0
        )


async def test_every_act_type_round_trips(app: FastAPI, client: httpx.AsyncClient) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    filers: dict[str, PartnerCreds] = {}
    for acte_type in ACTE_TYPES:
        kind = filer_kind(acte_type)
        if kind not in filers:
            filers[kind] = await make_partner(app, client, kind=kind)
        body = acte(acte_type, household())
        response = await client.post("/v1/actes", json=body, headers=filers[kind].headers)
        assert response.status_code == 201, (acte_type, response.text)
        receipt = response.json()
        assert receipt["type"] == acte_type and receipt["acte"]["reference"] == body["reference"]
        assert response.headers["location"] == f"/v1/actes/{receipt['id']}"
        assert {"echeances", "orientations", "alertes", "recu_le", "dossier_id"} <= set(receipt)

        read = await client.get(f"/v1/actes/{receipt['id']}", headers=ccapex.headers)
        assert read.status_code == 200, (acte_type, read.text)
        assert read.json()["acte"] == receipt["acte"]
        assert read.json()["deposant"]["kind"] == kind

        chrono = (
            await client.get(f"/v1/dossiers/{receipt['dossier_id']}/chronologie", headers=ccapex.headers)
        ).json()
        listed = [i["acte"] for i in chrono["items"] if i["nature"] == "acte"]
        assert [a["id"] for a in listed] == [receipt["id"]], acte_type
        assert listed[0]["recu_le"] == receipt["recu_le"] and listed[0]["deposant"]["kind"] == kind
        assert any(
            i["nature"] == "evenement" and i["evenement"]["type"] == "acte.depose" for i in chrono["items"]
        )


async def test_one_dossier_per_household_whoever_files(app: FastAPI, client: httpx.AsyncClient) -> None:
    commissaire = await make_partner(app, client, kind="commissaire_justice")
    bailleur = await make_partner(app, client, kind="bailleur_prive")
    caf = await make_partner(app, client, kind="organisme_payeur")
    ccapex = await make_partner(app, client, kind="ccapex")
    menage = household()

    cdp = (
        await client.post(
            "/v1/actes", json=acte("commandement_de_payer", menage), headers=commissaire.headers
        )
    ).json()
    saisine_body = acte(
        "saisine_ccapex",
        menage,
        parc="prive",
        origine="bailleur_prive",
        bailleur={"categorie": "sci_familiale", "nom": "SCI des Tilleuls fictifs"},
    )
    saisine = await client.post("/v1/actes", json=saisine_body, headers=bailleur.headers)
    assert saisine.status_code == 201, saisine.text
    # The CAF writes the address its own way: abbreviations, case, accents.
    caf_menage = json.loads(json.dumps(menage).replace("rue des Essais", "R. DES ESSAIS"))
    signal = (
        await client.post("/v1/actes", json=acte("signalement_impaye", caf_menage), headers=caf.headers)
    ).json()
    assert saisine.json()["dossier_id"] == cdp["dossier_id"] == signal["dossier_id"]
    assert "nouveau_dossier" not in cdp and "nouveau_dossier" not in signal  # no oracle (protection.md)

    voisin = household()
    voisin["logement"] = menage["logement"]  # same address, another household
    other = (
        await client.post(
            "/v1/actes", json=acte("commandement_de_payer", voisin), headers=commissaire.headers
        )
    ).json()
    assert other["dossier_id"] != cdp["dossier_id"]

    dossier = (await client.get(f"/v1/dossiers/{cdp['dossier_id']}", headers=ccapex.headers)).json()
    assert len(dossier["actes"]) == 3
    assert dossier["stade"] == "pre_contentieux" and dossier["parc"] == "prive"
    rent = dossier["faits"]["bail.loyer_mensuel_hc_cents"]
    assert rent["divergent"] is True  # the CDP and the CAF state different rents
    # The CAF's signalement (dated 2025-03-03) reached Prevex after the CDP (dated 2025-03-10): it joins
    # the history, but the current value is the one stated by the most recent act, with its source.
    assert rent["valeur"] == 85000
    assert rent["source"]["partner_kind"] == "commissaire_justice"
    assert rent["source"]["date_acte"] == "2025-03-10"
    assert [(h["source"]["partner_kind"], h["valeur"]) for h in rent["historique"]] == [
        ("organisme_payeur", 72000),
        ("commissaire_justice", 85000),
    ]
    # A later act states the rent again: it becomes the current value.
    later = acte("signalement_impaye", caf_menage, date_acte="2025-04-02")
    later["bail"] = {**later["bail"], "loyer_mensuel_hc_cents": 86000}  # type: ignore[dict-item]
    assert (await client.post("/v1/actes", json=later, headers=caf.headers)).status_code == 201
    dossier = (await client.get(f"/v1/dossiers/{cdp['dossier_id']}", headers=ccapex.headers)).json()
    rent = dossier["faits"]["bail.loyer_mensuel_hc_cents"]
    assert rent["valeur"] == 86000 and rent["source"]["partner_kind"] == "organisme_payeur"


async def test_explicit_dossier_id_and_derived_stage(app: FastAPI, client: httpx.AsyncClient) -> None:
    commissaire = await make_partner(app, client, kind="commissaire_justice")
    prefecture = await make_partner(app, client, kind="prefecture")
    cdp = (
        await client.post(
            "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
        )
    ).json()
    # A CFP decision with no réquisition: accepted, attached by dossier_id, flagged, never dropped.
    decision = acte("decision_cfp", None, dossier_id=cdp["dossier_id"])
    decision.pop("logement", None)
    response = await client.post("/v1/actes", json=decision, headers=prefecture.headers)
    assert response.status_code == 201, response.text
    receipt = response.json()
    assert receipt["dossier_id"] == cdp["dossier_id"]
    assert "sequence_incoherente" in {a["code"] for a in receipt["alertes"]}
    dossier = (await client.get(f"/v1/dossiers/{cdp['dossier_id']}", headers=prefecture.headers)).json()
    assert dossier["stade"] == "execution"

    unknown = acte("decision_cfp", None, dossier_id=str(uuid.uuid4()))
    bad = await client.post("/v1/actes", json=unknown, headers=prefecture.headers)
    assert bad.status_code == 422 and bad.json()["errors"] == [
        {"pointer": "/dossier_id", "detail": "no such dossier among those this partner may read"}
    ]


async def test_bad_requests_are_problems_and_write_nothing(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    headers = {**p.headers, "Content-Type": "application/json"}
    good = acte("commandement_de_payer", household())

    malformed = await client.post("/v1/actes", content=b'{"type": "commandement_de_payer",', headers=headers)
    assert malformed.status_code == 400 and malformed.headers["content-type"] == "application/problem+json"

    wrong_type = await client.post(
        "/v1/actes", content=json.dumps(good), headers={**p.headers, "Content-Type": "text/plain"}
    )
    assert wrong_type.status_code == 415

    unknown = await client.post("/v1/actes", json={**good, "champ_inconnu": 1}, headers=p.headers)
    assert unknown.status_code == 422
    assert unknown.json()["errors"] == [
        {"pointer": "/champ_inconnu", "detail": "unknown field 'champ_inconnu': not allowed"}
    ]

    missing = {k: v for k, v in good.items() if k != "date_acte"}
    response = await client.post("/v1/actes", json=missing, headers=p.headers)
    assert response.status_code == 422
    assert response.json()["errors"] == [{"pointer": "/date_acte", "detail": "field required"}]

    false_cents = json.loads(json.dumps(good))
    false_cents["dette"]["montant_cents"] = False
    response = await client.post("/v1/actes", json=false_cents, headers=p.headers)
    assert [e["pointer"] for e in response.json()["errors"]] == ["/dette/montant_cents"]

    with_recu_le = {**good, "recu_le": "2025-03-10T10:00:00Z"}
    response = await client.post("/v1/actes", json=with_recu_le, headers=p.headers)
    assert response.status_code == 422 and response.json()["errors"][0]["pointer"] == "/recu_le"

    assert await _count_acts(app, p) == 0


async def test_who_may_file_what(app: FastAPI, client: httpx.AsyncClient) -> None:
    caf = await make_partner(app, client, kind="organisme_payeur")
    response = await client.post("/v1/actes", json=acte("assignation", household()), headers=caf.headers)
    assert response.status_code == 403
    assert "actes:assignation:deposer" in response.json()["detail"]

    paris = await make_partner(app, client, kind="commissaire_justice", territoires=("75",))
    response = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=paris.headers
    )
    assert response.status_code == 403 and "territoire 93" in response.json()["detail"]
    assert await _count_acts(app, caf) == 0 and await _count_acts(app, paris) == 0


async def test_idempotency_key_semantics(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    body = acte("commandement_de_payer", household())
    key = {"Idempotency-Key": uuid.uuid4().hex}
    first = await client.post("/v1/actes", json=body, headers={**p.headers, **key})
    replay = await client.post("/v1/actes", json=body, headers={**p.headers, **key})
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json() and replay.headers["idempotent-replayed"] == "true"

    other = await client.post("/v1/actes", json={**body, "reference": "autre"}, headers={**p.headers, **key})
    assert other.status_code == 422 and other.json()["type"].endswith("cle-idempotence-reutilisee")

    again_by_reference = await client.post("/v1/actes", json=body, headers=p.headers)
    assert again_by_reference.status_code == 200 and again_by_reference.json() == first.json()

    changed = json.loads(json.dumps(body))
    changed["dette"]["montant_cents"] += 100
    conflict = await client.post("/v1/actes", json=changed, headers=p.headers)
    assert conflict.status_code == 409 and conflict.json()["acte_id"] == first.json()["id"]
    assert await _count_acts(app, p) == 1


async def test_a_replayed_receipt_is_the_first_answer_byte_for_byte(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """Receipts are not stored: a replay (same Idempotency-Key, or same reference) is rebuilt from the
    act, its evaluation and its decisions, and is the first answer's exact bytes, also after later acts
    changed the dossier's current decisions."""
    commissaire = await make_partner(app, client)
    departement = await make_partner(app, client, kind="departement")
    menage = household()
    body = acte("assignation", menage)
    key = {"Idempotency-Key": uuid.uuid4().hex}
    first = await client.post("/v1/actes", json=body, headers={**commissaire.headers, **key})
    assert first.status_code == 201 and first.json()["echeances"]
    dsf = acte("diagnostic_social_financier", dossier_id=first.json()["dossier_id"])
    assert (await client.post("/v1/actes", json=dsf, headers=departement.headers)).status_code == 201

    by_key = await client.post("/v1/actes", json=body, headers={**commissaire.headers, **key})
    by_reference = await client.post("/v1/actes", json=body, headers=commissaire.headers)
    assert by_key.status_code == 201 and by_reference.status_code == 200
    assert by_key.content == first.content and by_reference.content == first.content
    assert by_key.headers["idempotent-replayed"] == by_reference.headers["idempotent-replayed"] == "true"


async def test_a_key_still_in_flight_is_409(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    body = acte("commandement_de_payer", household())
    key = uuid.uuid4().hex
    # Another request with this key holds its lock (it is being processed in another transaction).
    async with app.state.database.sessionmaker() as session, session.begin():
        await session.execute(
            text("SELECT pg_advisory_xact_lock(:k)"), {"k": _lock_id("idem", str(p.partner_id), key)}
        )
        busy = await client.post("/v1/actes", json=body, headers={**p.headers, "Idempotency-Key": key})
        assert busy.status_code == 409, busy.text
        assert busy.json()["type"].endswith("requete-en-cours") and busy.headers["retry-after"] == "1"
        assert await _count_acts(app, p) == 0
    done = await client.post("/v1/actes", json=body, headers={**p.headers, "Idempotency-Key": key})
    assert done.status_code == 201, done.text


async def test_idempotency_key_too_long_is_422_after_authentication(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    p = await make_partner(app, client)
    body = acte("commandement_de_payer", household())
    long_key = {"Idempotency-Key": "k" * 256}
    anonymous = await client.post("/v1/actes", json=body, headers=long_key)
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"].startswith("application/problem+json")
    too_long = await client.post("/v1/actes", json=body, headers={**p.headers, **long_key})
    assert too_long.status_code == 422
    assert too_long.headers["content-type"].startswith("application/problem+json")
    assert too_long.json()["errors"] == [
        {
            "pointer": "",
            "parameter": "header:Idempotency-Key",
            "detail": "String should have at most 255 characters",
        }
    ]
    longest = await client.post("/v1/actes", json=body, headers={**p.headers, "Idempotency-Key": "k" * 255})
    assert longest.status_code == 201
    assert await _count_acts(app, p) == 1


async def test_hundred_concurrent_identical_submissions_make_one_act(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    p = await make_partner(app, client)
    body = acte("commandement_de_payer", household())
    responses = await asyncio.gather(
        *(client.post("/v1/actes", json=body, headers=p.headers) for _ in range(100))
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(201) == 1 and statuses.count(200) == 99, statuses
    assert len({r.json()["id"] for r in responses}) == 1
    assert await _count_acts(app, p) == 1

    keyed = acte("commandement_de_payer", household())
    headers = {**p.headers, "Idempotency-Key": uuid.uuid4().hex}
    responses = await asyncio.gather(
        *(client.post("/v1/actes", json=keyed, headers=headers) for _ in range(100))
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(201) >= 1 and set(statuses) <= {201, 409}, statuses
    assert len({r.json()["id"] for r in responses if r.status_code == 201}) == 1
    assert await _count_acts(app, p) == 2


async def test_concurrent_filings_for_one_household_share_one_dossier(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    caf = await make_partner(app, client, kind="organisme_payeur")
    menage = household()
    filings = [
        client.post("/v1/actes", json=acte("commandement_de_payer", menage), headers=commissaire.headers)
        for _ in range(10)
    ]
    filings += [
        client.post("/v1/actes", json=acte("signalement_impaye", menage), headers=caf.headers)
        for _ in range(10)
    ]
    responses = await asyncio.gather(*filings)
    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["dossier_id"] for r in responses}) == 1


async def test_filings_into_one_dossier_wait_for_each_other(app: FastAPI, client: httpx.AsyncClient) -> None:
    """A filing into an existing dossier holds the dossier's lock while it reads the dossier's acts and
    writes its decisions: another filing into that dossier waits, then sees it."""
    commissaire = await make_partner(app, client)
    departement = await make_partner(app, client, kind="departement")
    cdp = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
    )
    dossier_id = cdp.json()["dossier_id"]
    dsf = acte("diagnostic_social_financier", dossier_id=dossier_id)  # by dossier id: no household keys
    async with app.state.database.transaction() as conn:  # another filing into this dossier, in flight
        await conn.execute(f"SELECT pg_advisory_xact_lock({_lock_id('dossier', dossier_id)})")
        pending = asyncio.create_task(client.post("/v1/actes", json=dsf, headers=departement.headers))
        await asyncio.sleep(0.5)
        assert not pending.done()
    response = await pending
    assert response.status_code == 201, response.text
    assert response.json()["dossier_id"] == dossier_id


async def test_a_filing_by_household_match_waits_for_the_dossier_it_joins(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """Found by its household, the dossier is locked inside the duplicates lookup
    (``DUPLICATES_LOCKING``), not in a statement of its own: the filing still waits for a filing in
    flight into that dossier, and then joins it. A new household's filing waits for nothing."""
    commissaire = await make_partner(app, client)
    menage = household()
    cdp = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", menage), headers=commissaire.headers
    )
    dossier_id = cdp.json()["dossier_id"]
    async with app.state.database.transaction() as conn:  # another filing into this dossier, in flight
        await conn.execute(f"SELECT pg_advisory_xact_lock({_lock_id('dossier', dossier_id)})")
        pending = asyncio.create_task(
            client.post("/v1/actes", json=acte("assignation", menage), headers=commissaire.headers)
        )
        other = await client.post(
            "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
        )
        assert other.status_code == 201 and other.json()["dossier_id"] != dossier_id
        await asyncio.sleep(0.5)
        assert not pending.done()
    response = await pending
    assert response.status_code == 201, response.text
    assert response.json()["dossier_id"] == dossier_id
