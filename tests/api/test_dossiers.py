"""Reading dossiers: scope (404 outside it), need to know, cursor pagination, audit."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from app.core import clock
from app.core.config import get_settings
from app.models.audit import AuditLecture
from tests.exchange import allow
from tests.factories import acte, household, make_partner


async def test_outside_scope_is_404_never_403(app: FastAPI, client: httpx.AsyncClient) -> None:
    mine = await make_partner(app, client)
    stranger = await make_partner(app, client)  # another étude, same territory
    paris_ccapex = await make_partner(app, client, kind="ccapex", territoires=("75",))
    receipt = (
        await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=mine.headers)
    ).json()
    for who in (stranger, paris_ccapex):
        for path in (
            f"/v1/dossiers/{receipt['dossier_id']}",
            f"/v1/dossiers/{receipt['dossier_id']}/chronologie",
            f"/v1/actes/{receipt['id']}",
        ):
            response = await client.get(path, headers=who.headers)
            assert response.status_code == 404, (who.kind, path)
            assert response.headers["content-type"] == "application/problem+json"
    missing = await client.get(f"/v1/dossiers/{uuid.uuid4()}", headers=mine.headers)
    assert (
        missing.status_code == 404
        and missing.json()["detail"]
        == (await client.get(f"/v1/dossiers/{receipt['dossier_id']}", headers=stranger.headers)).json()[
            "detail"
        ]
    )
    assert (
        await client.get(f"/v1/dossiers/{receipt['dossier_id']}", headers=mine.headers)
    ).status_code == 200


async def test_need_to_know_hides_the_dsf_from_the_caf(app: FastAPI, client: httpx.AsyncClient) -> None:
    departement = await make_partner(app, client, kind="departement")
    caf = await make_partner(app, client, kind="organisme_payeur")
    menage = household()
    await client.post("/v1/actes", json=acte("signalement_impaye", menage), headers=caf.headers)
    dsf = (
        await client.post(
            "/v1/actes", json=acte("diagnostic_social_financier", menage), headers=departement.headers
        )
    ).json()
    seen_by_caf = (await client.get(f"/v1/actes/{dsf['id']}", headers=caf.headers)).json()
    assert seen_by_caf["contenu_visible"] is False and "acte" not in seen_by_caf
    seen_by_departement = (await client.get(f"/v1/actes/{dsf['id']}", headers=departement.headers)).json()
    assert seen_by_departement["acte"]["type"] == "diagnostic_social_financier"
    dossier = (await client.get(f"/v1/dossiers/{dsf['dossier_id']}", headers=caf.headers)).json()
    assert all(
        h["source"]["type"] != "diagnostic_social_financier"
        for f in dossier["faits"].values()
        for h in f["historique"]
    )


async def test_search_paginates_with_a_cursor_within_scope(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client, territoires=("93",))
    other = await make_partner(app, client)
    await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=other.headers)
    filed = set()
    for _ in range(5):
        filed.add(
            (
                await client.post(
                    "/v1/actes", json=acte("commandement_de_payer", household()), headers=p.headers
                )
            ).json()["dossier_id"]
        )
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/dossiers", params=params, headers=p.headers)).json()
        seen += [d["id"] for d in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 5 and set(seen) == filed
    forged = base64.urlsafe_b64encode(json.dumps(["2024-01-01T00:00:00+00:00", 5]).encode()).decode()
    for cursor in ("nonsense", forged):
        bad = await client.get("/v1/dossiers", params={"cursor": cursor}, headers=p.headers)
        assert bad.status_code == 422, bad.text
        assert bad.json()["errors"] == [
            {"pointer": "", "parameter": "query:cursor", "detail": "invalid cursor"}
        ]


async def test_every_read_is_audited(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    receipt = (
        await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=p.headers)
    ).json()
    await client.get(f"/v1/dossiers/{receipt['dossier_id']}", headers=p.headers)
    await client.get(f"/v1/dossiers/{receipt['dossier_id']}/chronologie", headers=p.headers)
    await client.get(f"/v1/actes/{receipt['id']}", headers=p.headers)
    async with app.state.database.sessionmaker() as session:
        ops = (
            await session.scalars(
                select(AuditLecture.operation)
                .where(
                    AuditLecture.partner_id == p.partner_id,
                    AuditLecture.dossier_id == uuid.UUID(receipt["dossier_id"]),
                )
                .order_by(AuditLecture.id)
            )
        ).all()
    assert list(ops) == ["depot", "lecture_dossier", "lecture_chronologie", "lecture_acte"]  # the filing too


async def test_scope_is_required(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    token = (
        await client.post(
            "/v1/oauth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": p.client_id,
                "client_secret": p.client_secret,
                "scope": "regles:lire",
            },
        )
    ).json()["access_token"]
    response = await client.get("/v1/dossiers", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403 and "dossiers:lire" in response.json()["detail"]


async def test_each_partner_writes_the_household_its_own_way(app: FastAPI, client: httpx.AsyncClient) -> None:
    commissaire = await make_partner(app, client, kind="commissaire_justice")
    bailleur = await make_partner(app, client, kind="bailleur_prive")
    caf = await make_partner(app, client, kind="organisme_payeur")
    tag = uuid.uuid4().hex[:8]

    def menage(adresse: str, nom: str, prenom: str) -> dict[str, object]:
        return {
            "logement": {"adresse": adresse, "code_postal": "93100", "code_commune": "93048"},
            "occupants": [{"nom": nom, "prenom": prenom}],
        }

    cdp = await client.post(
        "/v1/actes",
        json=acte(
            "commandement_de_payer",
            menage(f"14 bis, Avenue Jean-Jaurès {tag}, bâtiment C, 3e étage", f"N'DIAYE {tag}", "Aïssatou"),
        ),
        headers=commissaire.headers,
    )
    saisine = await client.post(
        "/v1/actes",
        json=acte(
            "saisine_ccapex",
            menage(f"14B av. jean jaures {tag}", f"Ndiaye{tag}", "AISSATOU"),
            parc="prive",
            origine="bailleur_prive",
            bailleur={"categorie": "sci_familiale", "nom": "SCI des Tilleuls fictifs"},
        ),
        headers=bailleur.headers,
    )
    signal = await client.post(
        "/v1/actes",
        json=acte(
            "signalement_impaye",
            menage(f"14 b  AVENUE JEAN JAURES {tag} appt 41", f"N-DIAYE {tag}", "aissatou"),
        ),
        headers=caf.headers,
    )
    assert [r.status_code for r in (cdp, saisine, signal)] == [201, 201, 201]
    assert {r.json()["dossier_id"] for r in (cdp, saisine, signal)} == {cdp.json()["dossier_id"]}

    voisin = await client.post(
        "/v1/actes",
        json=acte(
            "commandement_de_payer",
            menage(f"14 bis, Avenue Jean-Jaurès {tag}, bâtiment A", f"MARTIN {tag}", "Paul"),
        ),
        headers=commissaire.headers,
    )
    assert voisin.status_code == 201 and voisin.json()["dossier_id"] != cdp.json()["dossier_id"]


async def test_an_act_that_predates_the_closure_joins_the_closed_dossier(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    prefecture = await make_partner(app, client, kind="prefecture")
    commissaire = await make_partner(app, client, kind="commissaire_justice")
    caf = await make_partner(app, client, kind="organisme_payeur")
    menage = household()
    # The eviction is recorded first (2026-06-16): the dossier is closed, the missing CQL flagged.
    expulsion = (
        await client.post("/v1/actes", json=acte("expulsion", menage), headers=prefecture.headers)
    ).json()
    assert "expulsion_sans_cql" in {a.get("precision") for a in expulsion["alertes"]}
    # The CQL (2025-10-02) arrives late: same dossier, still closed, the flag lifted.
    cql = await client.post(
        "/v1/actes", json=acte("commandement_quitter_lieux", menage), headers=commissaire.headers
    )
    assert cql.status_code == 201, cql.text
    assert cql.json()["dossier_id"] == expulsion["dossier_id"]
    dossier = (await client.get(f"/v1/dossiers/{expulsion['dossier_id']}", headers=prefecture.headers)).json()
    assert dossier["stade"] == "clos" and len(dossier["actes"]) == 2
    assert "expulsion_sans_cql" not in {a.get("precision") for a in dossier["alertes"]}
    # An act dated after the eviction starts another procedure: a new dossier.
    later = await client.post(
        "/v1/actes", json=acte("signalement_impaye", menage, date_acte="2026-07-01"), headers=caf.headers
    )
    assert later.status_code == 201 and later.json()["dossier_id"] != expulsion["dossier_id"]


# Path parameters that name no dossier: the charter texts the rules cite (GET /v1/regles/sources/{fichier}).
NOT_A_DOSSIER = frozenset({"fichier"})


async def test_every_endpoint_with_an_id_is_404_for_a_foreign_partner(
    app: FastAPI, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walks the contract: every GET taking a dossier or act id (today's and tomorrow's) answers 404 to a
    partner outside the dossier's scope, exactly as for an id that does not exist; search does not list
    the dossier, and filing into it by ``dossier_id`` does not reveal that it exists."""
    mine = await make_partner(app, client)
    secretariat = await make_partner(app, client, kind="ccapex")  # the dossier's CCAPEX: its sessions
    foreigners = [
        await make_partner(app, client),  # another étude, same territory
        await make_partner(app, client, kind="bailleur_social"),  # a party to other procedures
        await make_partner(app, client, kind="ccapex", territoires=("75",)),  # another territory
    ]
    receipt = (
        await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=mine.headers)
    ).json()
    allow(monkeypatch, "127.0.0.1:9")  # a subscription of ``mine`` (no request is made to it)
    abonnement = await client.post(
        "/v1/abonnements", json={"url": "http://127.0.0.1:9/h", "types": ["*"]}, headers=mine.headers
    )
    seance = await client.post(
        "/v1/seances",
        json={"territoire": "93", "date": clock.today().isoformat(), "formation": "pleniere", "membres": []},
        headers=secretariat.headers,
    )
    seance_url = f"/v1/seances/{seance.json()['id']}/ordre-du-jour"
    await client.post(seance_url, json={"dossier_id": receipt["dossier_id"]}, headers=secretariat.headers)
    await client.put(
        f"{seance_url}/{receipt['dossier_id']}", json={"issue": "examine"}, headers=secretariat.headers
    )
    bilan = {"issue": "maintien", "surendettement": False, "fsl": False, "pcs": False}
    await client.put(f"/v1/dossiers/{receipt['dossier_id']}/bilan", json=bilan, headers=secretariat.headers)
    (courrier,) = (
        await client.get(f"/v1/dossiers/{receipt['dossier_id']}/courriers", headers=mine.headers)
    ).json()["items"]  # the letter its CDP asks for: the commissaire sees the decision about its act
    ids = {
        "dossier_id": receipt["dossier_id"],
        "acte_id": receipt["id"],
        "abonnement_id": abonnement.json()["id"],
        "seance_id": seance.json()["id"],
        "courrier_id": courrier["id"],
    }
    # The CCAPEX's own: its sessions and the outcomes it records.
    owners = {"/v1/seances/{seance_id}": secretariat, "/v1/dossiers/{dossier_id}/bilan": secretariat}
    paths = app.openapi()["paths"]
    walked = []
    for template, operations in paths.items():
        params = [p["name"] for p in operations.get("get", {}).get("parameters", []) if p["in"] == "path"]
        if not params:
            continue
        if set(params) <= NOT_A_DOSSIER:
            continue  # the same for every partner: it names no dossier
        assert set(params) <= set(ids), f"{template}: teach this test the parameter {params}"
        owner = owners.get(template, mine)
        mine_path = template.format(**ids)
        missing_path = template.format(**{k: str(uuid.uuid4()) for k in ids})
        assert (await client.get(mine_path, headers=owner.headers)).status_code == 200, template
        missing = await client.get(missing_path, headers=owner.headers)
        assert missing.status_code == 404, template
        for who in foreigners:
            response = await client.get(mine_path, headers=who.headers)
            assert response.status_code == 404, (who.kind, template)
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["detail"] == missing.json()["detail"], template
        walked.append(template)
    assert len(walked) >= 5, walked
    await client.delete(f"/v1/abonnements/{ids['abonnement_id']}", headers=mine.headers)
    get_settings.cache_clear()

    for who in foreigners:
        listed = (await client.get("/v1/dossiers", headers=who.headers)).json()["items"]
        assert receipt["dossier_id"] not in {d["id"] for d in listed}
    intruder = foreigners[0]
    into_foreign = acte("commandement_de_payer", household(), dossier_id=receipt["dossier_id"])
    refused = await client.post("/v1/actes", json=into_foreign, headers=intruder.headers)
    into_missing = acte("commandement_de_payer", household(), dossier_id=str(uuid.uuid4()))
    refused_missing = await client.post("/v1/actes", json=into_missing, headers=intruder.headers)
    assert refused.status_code == refused_missing.status_code == 422
    assert refused.json()["errors"] == refused_missing.json()["errors"]


def _codes(decisions: dict[str, Any]) -> set[str]:
    return {d["code"] for kind in ("echeances", "orientations", "alertes") for d in decisions[kind]}


def _decision(decisions: dict[str, Any], code: str) -> dict[str, Any]:
    (found,) = [
        d for kind in ("echeances", "orientations", "alertes") for d in decisions[kind] if d["code"] == code
    ]
    return found


async def test_decisions_do_not_tell_what_the_partner_may_not_see(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """93-EMPEX reads the DSF (a household unknown to social services): the commissaire whose assignation
    triggers it must not learn that from the decision; the département (its addressee) sees it whole; the
    préfecture, which reads every decision but not the DSF, sees it with the DSF's facts masked."""
    commissaire = await make_partner(app, client)
    departement = await make_partner(app, client, kind="departement")
    prefecture = await make_partner(app, client, kind="prefecture")
    menage = household()
    cdp = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", menage), headers=commissaire.headers
    )
    assert cdp.status_code == 201, cdp.text
    dsf = await client.post(
        "/v1/actes", json=acte("diagnostic_social_financier", menage), headers=departement.headers
    )
    assert dsf.status_code == 201, dsf.text
    assignation = await client.post(
        "/v1/actes", json=acte("assignation", menage), headers=commissaire.headers
    )
    assert assignation.status_code == 201, assignation.text
    receipt = assignation.json()
    assert "empex" not in _codes(receipt)
    assert "information_prefet" in _codes(receipt)  # what rests on its own act it still sees

    dossier_id = receipt["dossier_id"]
    by_commissaire = (await client.get(f"/v1/dossiers/{dossier_id}", headers=commissaire.headers)).json()
    assert "empex" not in _codes(by_commissaire)
    act_view = (await client.get(f"/v1/actes/{receipt['id']}", headers=commissaire.headers)).json()
    assert "empex" not in _codes(act_view["decisions"])

    whole = _decision(
        (await client.get(f"/v1/dossiers/{dossier_id}", headers=departement.headers)).json(), "empex"
    )
    assert whole["faits"]["dsf.connu_services_sociaux"] is False
    assert whole["actes_lies"] == {"dsf": dsf.json()["id"]} and "faits_masques" not in whole

    masked = _decision(
        (await client.get(f"/v1/dossiers/{dossier_id}", headers=prefecture.headers)).json(), "empex"
    )
    assert masked["faits_masques"] is True and masked["actes_lies"] == {}
    assert not [k for k in masked["faits"] if k.startswith("dsf.")]
    assert masked["faits"]["date_acte"] == "2025-05-05"  # the assignation's own facts stay


async def test_facts_of_an_act_the_partner_may_not_read_are_masked(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """A premature assignation (saisine + 2 months not reached) is the commissaire's business: it sees the
    alert, but not the facts the rule took from the bailleur's saisine, whose content it may not read."""
    bailleur = await make_partner(app, client, kind="bailleur_social")
    commissaire = await make_partner(app, client)
    menage = household()
    landlord = {"categorie": "bailleur_social", "nom": "OPH Fictif", "siren": "987654324"}
    saisine = acte("saisine_ccapex", menage, date_acte="2025-04-01", bailleur=landlord, parc="social")
    assert (await client.post("/v1/actes", json=saisine, headers=bailleur.headers)).status_code == 201
    assignation = acte("assignation", menage, bailleur=landlord, parc="social")
    response = await client.post("/v1/actes", json=assignation, headers=commissaire.headers)
    assert response.status_code == 201, response.text
    # The commissaire joined the bailleur's dossier by household match (its registered SIRET named by no
    # act of a linked party): even a masked alert would tell that a saisine exists, so it sees none.
    assert "assignation_prematuree" not in {
        d.get("code") for key in ("echeances", "orientations", "alertes") for d in response.json()[key]
    }
    by_bailleur = _decision(
        (await client.get(f"/v1/dossiers/{response.json()['dossier_id']}", headers=bailleur.headers)).json(),
        "assignation_prematuree",
    )
    assert by_bailleur["faits"]["saisine.date_acte"] == "2025-04-01" and "faits_masques" not in by_bailleur
