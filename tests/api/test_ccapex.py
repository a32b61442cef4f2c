"""The CCAPEX's work over HTTP: from a CDP to the CCAPEX's list, routing, a session, a recommendation
to a bailleur and its follow-up, the 6-month reminder and the 12-month outcome sent by a real
`prevex worker` with the clock moved forward (``PREVEX_TODAY``), and the need-to-know edges."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.core import clock
from tests.exchange import settled, until, workers
from tests.factories import PartnerCreds, acte, household, make_partner

CDP_DATE = "2025-03-10"
SEANCE = "2025-06-10"
SIX_MOIS = "2025-12-10"
DOUZE_MOIS = "2026-06-10"
APRES_VINGT_MOIS = "2027-02-11"


async def _events(
    client: httpx.AsyncClient, who: PartnerCreds, dossier_id: str, *types: str
) -> list[dict[str, Any]]:
    await settled(client._transport.app.state.database)  # type: ignore[attr-defined]
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {
            "types": ",".join(types),
            "limit": 1000,
            **({"apres": cursor} if cursor else {}),
        }
        page = (await client.get("/v1/evenements", params=params, headers=who.headers)).json()
        if not page["items"]:
            return [e for e in found if e["dossier_id"] == dossier_id]
        found += page["items"]
        cursor = page["next_cursor"]


async def _cdp(client: httpx.AsyncClient, commissaire: PartnerCreds) -> str:
    body = acte("commandement_de_payer", household(), date_acte=CDP_DATE)
    body["bailleur"] = {"categorie": "sci_familiale", "nom": "SCI Fictive"}
    body["dette"] = {"montant_cents": 300000, "mois_impayes_consecutifs": 3}
    filed = await client.post("/v1/actes", json=body, headers=commissaire.headers)
    assert filed.status_code == 201, filed.text
    assert "signalement_ccapex" in {d["code"] for d in filed.json()["orientations"]}
    return str(filed.json()["dossier_id"])


async def _a_traiter(client: httpx.AsyncClient, ccapex: PartnerCreds, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {"limit": 1, **params, **({"cursor": cursor} if cursor else {})}
        page = await client.get("/v1/ccapex/a-traiter", params=query, headers=ccapex.headers)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


async def test_a_dossier_from_a_cdp_to_its_outcome_twelve_months_on(
    app: FastAPI, client: httpx.AsyncClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    departement = await make_partner(app, client, kind="departement")
    bailleur = await make_partner(app, client, kind="bailleur_social")
    commissaire = await make_partner(app, client)
    dossier_id = await _cdp(client, commissaire)

    # 1. What awaits the CCAPEX: the dossier, why, and its next deadline; paged one by one.
    listed = {i["dossier_id"]: i for i in await _a_traiter(client, ccapex, territoire="93")}
    item = listed[dossier_id]
    assert "signalement_ccapex" in {m["code"] for m in item["motifs"]}
    assert all(m["regle"] and m["source"] for m in item["motifs"])
    assert item["prochaine_echeance"]["code"] and item["prochaine_echeance"]["date"]
    assert dossier_id in {
        i["dossier_id"] for i in await _a_traiter(client, ccapex, motif="signalement_ccapex")
    }
    assert dossier_id not in {
        i["dossier_id"] for i in await _a_traiter(client, ccapex, motif="ccapex_locale")
    }
    # Only the CCAPEX's kinds run it.
    assert (await client.get("/v1/ccapex/a-traiter", headers=bailleur.headers)).status_code == 403
    # The letter the CDP asks for, ready for the secretariat to send.
    letters = (await client.get(f"/v1/dossiers/{dossier_id}/courriers", headers=ccapex.headers)).json()
    assert [(c["code"], c["regle"]) for c in letters["items"]] == [
        ("courrier_prevention", "93-COURRIER-PRIVE-CDP")
    ]

    # 2. Routing: the bailleur gets a grant on the dossier, with a reason, and an event.
    assert (await client.get(f"/v1/dossiers/{dossier_id}", headers=bailleur.headers)).status_code == 404
    routed = await client.post(
        f"/v1/dossiers/{dossier_id}/attributions",
        json={"partenaire_id": str(bailleur.partner_id), "motif": "Destinataire d'une recommandation"},
        headers=ccapex.headers,
    )
    assert routed.status_code == 201, routed.text
    assert routed.json()["motif"] == "Destinataire d'une recommandation"
    assert (await client.get(f"/v1/dossiers/{dossier_id}", headers=bailleur.headers)).status_code == 200
    assert [
        e["data"]["accorde_par"] for e in await _events(client, bailleur, dossier_id, "attribution.accordee")
    ] == [str(ccapex.partner_id)]

    # 3. A session with the département as member; the dossier on its agenda, examined.
    created = await client.post(
        "/v1/seances",
        json={
            "territoire": "93",
            "date": SEANCE,
            "formation": "pleniere",
            "membres": [str(departement.partner_id)],
        },
        headers=ccapex.headers,
    )
    assert created.status_code == 201, created.text
    seance_id = created.json()["id"]
    agenda = await client.post(
        f"/v1/seances/{seance_id}/ordre-du-jour", json={"dossier_id": dossier_id}, headers=ccapex.headers
    )
    assert agenda.status_code == 200, agenda.text
    examined = await client.put(
        f"/v1/seances/{seance_id}/ordre-du-jour/{dossier_id}",
        json={"issue": "examine", "avis": "Plan d'apurement à proposer."},
        headers=ccapex.headers,
    )
    assert examined.status_code == 200, examined.text
    seen = (await client.get(f"/v1/seances/{seance_id}", headers=departement.headers)).json()
    assert [(p["dossier_id"], p["issue"]) for p in seen["ordre_du_jour"]] == [(dossier_id, "examine")]

    # 4. A recommendation to the bailleur, from the session.
    made = await client.post(
        f"/v1/dossiers/{dossier_id}/recommandations",
        json={
            "destinataire": {"partenaire_id": str(bailleur.partner_id)},
            "nature": "plan_apurement",
            "texte": "Proposer un plan d'apurement sur 24 mois.",
            "echeance": "2025-09-30",
            "seance_id": seance_id,
        },
        headers=ccapex.headers,
    )
    assert made.status_code == 201, made.text
    rec_id = made.json()["id"]
    assert made.json()["date_reference"] == SEANCE and made.json()["statut"] == "en_cours"
    assert [
        e["data"]["recommandation_id"]
        for e in await _events(client, bailleur, dossier_id, "recommandation.emise")
    ] == [rec_id]
    mine = (
        await client.get("/v1/recommandations", params={"destinataire": "moi"}, headers=bailleur.headers)
    ).json()
    assert rec_id in {r["id"] for r in mine["items"]}

    # Its follow-up by the bailleur: contact taken, still in progress; the CCAPEX is told.
    followed = await client.patch(
        f"/v1/recommandations/{rec_id}",
        json={"statut": "en_cours", "date": "2025-07-01", "commentaire": "Rendez-vous pris."},
        headers=bailleur.headers,
    )
    assert followed.status_code == 200, followed.text
    assert [s["commentaire"] for s in followed.json()["suivis"]] == ["Rendez-vous pris."]
    assert len(await _events(client, ccapex, dossier_id, "recommandation.suivie")) == 1
    # Nobody else records it (404: no existence leak).
    other = await client.patch(
        f"/v1/recommandations/{rec_id}",
        json={"statut": "non_suivie", "date": "2025-07-01"},
        headers=departement.headers,
    )
    assert other.status_code == 404

    # 5. Six months after the session, a real worker with the clock moved forward: one reminder.
    with workers(database_url, PREVEX_TODAY=SIX_MOIS, PREVEX_SUIVI_CRON="* * * * * */1") as pool:
        pool.start(1)

        async def reminded() -> bool:
            return bool(await _events(client, bailleur, dossier_id, "recommandation.rappel"))

        await until(reminded, 90, "the 6-month reminder")
    rappels = await _events(client, bailleur, dossier_id, "recommandation.rappel")
    assert [(e["data"]["recommandation_id"], e["data"]["date_reference"]) for e in rappels] == [
        (rec_id, SEANCE)
    ]
    assert not await _events(client, ccapex, dossier_id, "bilan.demande")  # not 12 months yet

    # The bailleur answers: implemented.
    done = await client.patch(
        f"/v1/recommandations/{rec_id}",
        json={"statut": "mise_en_oeuvre", "date": "2025-12-15", "commentaire": "Plan signé."},
        headers=bailleur.headers,
    )
    assert done.status_code == 200 and [s["statut"] for s in done.json()["suivis"]] == [
        "en_cours",
        "mise_en_oeuvre",
    ]

    # Twelve months on: the secretariat is asked for the outcome, once; the reminder is not sent again.
    with workers(database_url, PREVEX_TODAY=DOUZE_MOIS, PREVEX_SUIVI_CRON="* * * * * */1") as pool:
        pool.start(1)

        async def asked() -> bool:
            return bool(await _events(client, ccapex, dossier_id, "bilan.demande"))

        await until(asked, 90, "the 12-month review")
        await __import__("asyncio").sleep(2)  # two more periods
    demandes = await _events(client, ccapex, dossier_id, "bilan.demande")
    assert [(e["data"]["seance_id"], e["data"]["modifiable_jusqu_au"]) for e in demandes] == [
        (seance_id, "2027-02-10")
    ]
    assert len(await _events(client, bailleur, dossier_id, "recommandation.rappel")) == 1

    monkeypatch.setattr(clock, "today", lambda: date.fromisoformat(DOUZE_MOIS))
    outcome = {"issue": "maintien", "surendettement": False, "fsl": True, "pcs": False}
    recorded = await client.put(f"/v1/dossiers/{dossier_id}/bilan", json=outcome, headers=ccapex.headers)
    assert recorded.status_code == 200, recorded.text
    assert (recorded.json()["issue"], recorded.json()["fsl"], recorded.json()["seance_id"]) == (
        "maintien",
        True,
        seance_id,
    )
    # Changes are refused more than 20 months after the session.
    monkeypatch.setattr(clock, "today", lambda: date.fromisoformat(APRES_VINGT_MOIS))
    late = await client.put(
        f"/v1/dossiers/{dossier_id}/bilan", json={**outcome, "issue": "relogement"}, headers=ccapex.headers
    )
    assert late.status_code == 409 and late.json()["type"] == "urn:prevex:probleme:bilan-clos", late.text
    assert late.headers["content-type"] == "application/problem+json"
    kept = (await client.get(f"/v1/dossiers/{dossier_id}/bilan", headers=ccapex.headers)).json()
    assert kept["issue"] == "maintien"


async def test_a_member_outside_a_session_cannot_read_its_agenda(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    member = await make_partner(app, client, kind="departement")
    outsider = await make_partner(app, client, kind="departement")
    commissaire = await make_partner(app, client)
    dossier_id = await _cdp(client, commissaire)
    seance = (
        await client.post(
            "/v1/seances",
            json={
                "territoire": "93",
                "date": SEANCE,
                "formation": "restreinte",
                "membres": [str(member.partner_id)],
            },
            headers=ccapex.headers,
        )
    ).json()
    await client.post(
        f"/v1/seances/{seance['id']}/ordre-du-jour", json={"dossier_id": dossier_id}, headers=ccapex.headers
    )
    assert (await client.get(f"/v1/seances/{seance['id']}", headers=member.headers)).status_code == 200
    hidden = await client.get(f"/v1/seances/{seance['id']}", headers=outsider.headers)
    assert hidden.status_code == 404 and hidden.json()["type"] == "urn:prevex:probleme:introuvable"
    # A member reads, it does not change the agenda.
    add = await client.post(
        f"/v1/seances/{seance['id']}/ordre-du-jour", json={"dossier_id": dossier_id}, headers=member.headers
    )
    assert add.status_code == 403  # a département has no `ccapex:gerer`


async def test_a_households_refusal_keeps_it_off_the_clpil(
    app: FastAPI, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    clpil = await make_partner(app, client, kind="commission_locale")
    ccapex = await make_partner(app, client, kind="ccapex")
    bailleur = await make_partner(app, client, kind="bailleur_social")
    commissaire = await make_partner(app, client)
    dossier_id = await _cdp(client, commissaire)
    await client.post(
        f"/v1/dossiers/{dossier_id}/attributions",
        json={"partenaire_id": str(bailleur.partner_id), "motif": "Bailleur du ménage"},
        headers=ccapex.headers,
    )
    monkeypatch.setattr(clock, "today", lambda: date(2025, 4, 1))
    seance = (
        await client.post(
            "/v1/seances",
            json={"territoire": "93", "date": SEANCE, "formation": "locale", "membres": []},
            headers=clpil.headers,
        )
    ).json()
    assert (await client.get(f"/v1/dossiers/{dossier_id}", headers=clpil.headers)).status_code == 200
    on = await client.post(
        f"/v1/seances/{seance['id']}/ordre-du-jour", json={"dossier_id": dossier_id}, headers=clpil.headers
    )
    assert on.status_code == 200 and len(on.json()["ordre_du_jour"]) == 1

    refusal = await client.post(
        f"/v1/dossiers/{dossier_id}/consentements",
        json={"commission_id": str(clpil.partner_id), "statut": "refus", "date": "2025-04-01"},
        headers=bailleur.headers,
    )
    assert refusal.status_code == 201, refusal.text
    # Off the agenda, out of the commission's reach, and kept off.
    assert (await client.get(f"/v1/seances/{seance['id']}", headers=clpil.headers)).json()[
        "ordre_du_jour"
    ] == []
    assert (await client.get(f"/v1/dossiers/{dossier_id}", headers=clpil.headers)).status_code == 404
    again = await client.post(
        f"/v1/seances/{seance['id']}/ordre-du-jour", json={"dossier_id": dossier_id}, headers=clpil.headers
    )
    # the commission can no longer even see the dossier: for it, the body names no dossier it may read
    assert again.status_code == 422 and again.json()["errors"][0]["pointer"] == "/dossier_id", again.text
    routed = await client.post(
        f"/v1/dossiers/{dossier_id}/attributions",
        json={"partenaire_id": str(clpil.partner_id), "motif": "Examen local"},
        headers=ccapex.headers,
    )
    assert routed.status_code == 409 and routed.json()["type"] == "urn:prevex:probleme:consentement-refuse"


async def test_an_attribution_opens_the_dossier_until_it_ends(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    fsl = await make_partner(app, client, kind="other", nom="FSL 93")
    elsewhere = await make_partner(app, client, kind="other", territoires=("75",))
    commissaire = await make_partner(app, client)
    dossier_id = await _cdp(client, commissaire)
    url = f"/v1/dossiers/{dossier_id}/attributions"
    assert (await client.get(f"/v1/dossiers/{dossier_id}", headers=fsl.headers)).status_code == 404
    granted = await client.post(
        url, json={"partenaire_id": str(fsl.partner_id), "motif": "Demande FSL"}, headers=ccapex.headers
    )
    assert granted.status_code == 201 and granted.json()["jusqu_a"] is None
    assert (await client.get(f"/v1/dossiers/{dossier_id}", headers=fsl.headers)).status_code == 200
    ended = await client.delete(f"{url}/{fsl.partner_id}", headers=ccapex.headers)
    assert ended.status_code == 200 and ended.json()["jusqu_a"] is not None
    assert (await client.get(f"/v1/dossiers/{dossier_id}", headers=fsl.headers)).status_code == 404
    assert (await client.delete(f"{url}/{fsl.partner_id}", headers=ccapex.headers)).status_code == 404
    # A member of another territory: refused, with a pointer.
    outside = await client.post(
        url, json={"partenaire_id": str(elsewhere.partner_id), "motif": "x"}, headers=ccapex.headers
    )
    assert outside.status_code == 422 and outside.json()["errors"][0]["pointer"] == "/partenaire_id"
    # Only the CCAPEX's kinds route.
    assert (
        await client.post(
            url, json={"partenaire_id": str(fsl.partner_id), "motif": "x"}, headers=commissaire.headers
        )
    ).status_code == 403


async def test_recommendation_counts_by_kind_and_status(app: FastAPI, client: httpx.AsyncClient) -> None:
    from app.services.recommandations import comptes

    ccapex = await make_partner(app, client, kind="ccapex", territoires=("95",))
    commissaire = await make_partner(app, client, territoires=("95",))
    body = acte("commandement_de_payer", household(), date_acte=CDP_DATE, territoire="95")
    body["logement"] = {**body["logement"], "code_postal": "95100", "code_commune": "95018"}  # type: ignore[dict-item]
    filed = await client.post("/v1/actes", json=body, headers=commissaire.headers)
    assert filed.status_code == 201, filed.text
    dossier_id = filed.json()["dossier_id"]
    ids = []
    for nature in ("demande_fsl", "demande_fsl", "recours_dalo"):
        made = await client.post(
            f"/v1/dossiers/{dossier_id}/recommandations",
            json={"destinataire": {"menage": True}, "nature": nature, "texte": "Constituer le dossier."},
            headers=ccapex.headers,
        )
        assert made.status_code == 201, made.text
        ids.append(made.json()["id"])
    # For the household, the secretariat records the follow-up.
    followed = await client.patch(
        f"/v1/recommandations/{ids[0]}",
        json={"statut": "mise_en_oeuvre", "date": "2025-05-02"},
        headers=ccapex.headers,
    )
    assert followed.status_code == 200, followed.text
    # The secretariat finds the household's recommendations among those it answers for.
    listed = await client.get("/v1/recommandations", params={"limit": 200}, headers=ccapex.headers)
    assert {r["id"] for r in listed.json()["items"]} == set(ids)
    async with app.state.database.sessionmaker() as session:
        counts = await comptes(session, territoire="95")
    assert counts == [
        {"nature": "demande_fsl", "statut": "en_cours", "nombre": 1},
        {"nature": "demande_fsl", "statut": "mise_en_oeuvre", "nombre": 1},
        {"nature": "recours_dalo", "statut": "en_cours", "nombre": 1},
    ]


async def test_a_local_agenda_freezes_a_month_before_the_session(
    app: FastAPI, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    clpil = await make_partner(app, client, kind="commission_locale")
    commissaire = await make_partner(app, client)
    dossier_id = await _cdp(client, commissaire)
    seance = (
        await client.post(
            "/v1/seances",
            json={"territoire": "93", "date": SEANCE, "formation": "locale", "membres": []},
            headers=clpil.headers,
        )
    ).json()
    monkeypatch.setattr(clock, "today", lambda: date(2025, 5, 11))
    frozen = await client.post(
        f"/v1/seances/{seance['id']}/ordre-du-jour", json={"dossier_id": dossier_id}, headers=clpil.headers
    )
    assert frozen.status_code == 409 and frozen.json()["type"] == "urn:prevex:probleme:ordre-du-jour-fige"
    monkeypatch.setattr(clock, "today", lambda: date(2025, 5, 10))
    ok = await client.post(
        f"/v1/seances/{seance['id']}/ordre-du-jour", json={"dossier_id": dossier_id}, headers=clpil.headers
    )
    assert ok.status_code == 200, ok.text


async def test_the_apl_decision_reaches_the_caf_with_what_it_needs(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    caf = await make_partner(app, client, kind="organisme_payeur")
    ccapex = await make_partner(app, client, kind="ccapex")
    departement = await make_partner(app, client, kind="departement")
    commissaire = await make_partner(app, client)
    dossier_id = await _cdp(client, commissaire)
    dsf = acte("diagnostic_social_financier", dossier_id=dossier_id)
    assert (await client.post("/v1/actes", json=dsf, headers=departement.headers)).status_code == 201
    apl = acte("decision_apl", dossier_id=dossier_id, decision="suspension", numero_allocataire="7654321")
    filed = await client.post("/v1/actes", json=apl, headers=ccapex.headers)
    assert filed.status_code == 201, filed.text
    events = {e["data"]["type"]: e["data"] for e in await _events(client, caf, dossier_id, "acte.depose")}
    # The CAF reads the APL decision and its allocataire number ...
    assert events["decision_apl"]["acte"]["contenu_visible"] is True
    content = events["decision_apl"]["acte"]["acte"]
    assert (content["decision"], content["numero_allocataire"]) == ("suspension", "7654321")
    # ... and not the social narrative of the DSF beside it: under the need-to-know matrix
    # (docs/protection.md) the CAF does not even hear of the DSF.
    assert "diagnostic_social_financier" not in events


async def test_a_405_lists_every_method_of_the_path(client: httpx.AsyncClient) -> None:
    """Two routes serve `/v1/dossiers/{id}/bilan` (GET, PUT): the 405 names both."""
    answer = await client.delete("/v1/dossiers/9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d/bilan")
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, PUT"
    assert answer.headers["content-type"] == "application/problem+json"


async def test_a_charter_routing_rule_is_a_proposal_not_a_grant(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex", territoires=("75",))
    locale = await make_partner(
        app, client, kind="commission_locale", territoires=("75",), nom="CCAPEX locale 10e"
    )
    commissaire = await make_partner(app, client, territoires=("75",))
    departement = await make_partner(app, client, kind="departement", territoires=("75",))
    paris = {
        "logement": {"adresse": "12 rue des Essais Paris", "code_postal": "75010", "code_commune": "75110"},
        "occupants": [{"nom": "TESTPARIS" + str(ccapex.partner_id)[:8].upper(), "prenom": "Camille"}],
    }
    body = acte("commandement_de_payer", paris, date_acte=CDP_DATE, territoire="75")
    body["bailleur"] = {"categorie": "sci_familiale", "nom": "SCI Fictive"}
    body["dette"] = {"montant_cents": 300000, "mois_impayes_consecutifs": 3}
    filed = await client.post("/v1/actes", json=body, headers=commissaire.headers)
    assert filed.status_code == 201, filed.text
    dossier_id = filed.json()["dossier_id"]
    saisine = acte("saisine_ccapex", paris, dossier_id=dossier_id, territoire="75", date_acte="2025-04-01")
    saisie = await client.post("/v1/actes", json=saisine, headers=departement.headers)
    assert saisie.status_code == 201, saisie.text
    assert "ccapex_locale" in {d["code"] for d in saisie.json()["orientations"]}
    item = next(i for i in await _a_traiter(client, ccapex, territoire="75") if i["dossier_id"] == dossier_id)
    proposal = next(p for p in item["propositions"] if p["code"] == "ccapex_locale")
    assert proposal["regle"] == "75-CCAPEX-LOCALE" and proposal["kind"] == "commission_locale"
    assert str(locale.partner_id) in proposal["partenaires"] and proposal["source"]


async def test_the_releve_de_decisions_reaches_the_prefecture(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    prefecture = await make_partner(app, client, kind="prefecture")
    clpil = await make_partner(app, client, kind="commission_locale")
    commissaire = await make_partner(app, client)
    dossier_id = await _cdp(client, commissaire)
    seance = (
        await client.post(
            "/v1/seances",
            json={"territoire": "93", "date": "2099-06-10", "formation": "locale", "membres": []},
            headers=clpil.headers,
        )
    ).json()
    url = f"/v1/seances/{seance['id']}"
    assert (
        await client.post(f"{url}/ordre-du-jour", json={"dossier_id": dossier_id}, headers=clpil.headers)
    ).status_code == 200
    await client.put(f"{url}/ordre-du-jour/{dossier_id}", json={"issue": "examine"}, headers=clpil.headers)
    sent = await client.post(f"{url}/releve", headers=clpil.headers)
    assert sent.status_code == 200, sent.text
    assert sent.json()["dossiers"] == [{"dossier_id": dossier_id, "issue": "examine"}]
    assert sent.json()["destinataires"] >= 1
    await settled(app.state.database)
    feed = (
        await client.get(
            "/v1/evenements", params={"types": "seance.releve", "limit": 1000}, headers=prefecture.headers
        )
    ).json()
    mine = [e for e in feed["items"] if e["data"]["seance_id"] == seance["id"]]
    assert [e["data"]["dossiers"] for e in mine] == [[{"dossier_id": dossier_id, "issue": "examine"}]]
    # Only the secretariat sends it.
    assert (await client.post(f"{url}/releve", headers=prefecture.headers)).status_code == 403


async def test_a_clpil_releve_in_seine_et_marne_is_split_by_arrondissement(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """R-38 (seeds/002_93761ec2a302805a.txt:L1075-1079): Meaux/Torcy to the sous-préfecture de Meaux,
    Melun/Fontainebleau to the DDCS, Provins to the sous-préfecture de Provins; a commune the rule file
    does not list is named for the secretariat to send by hand."""
    prefecture = await make_partner(app, client, kind="prefecture", territoires=("77",))
    clpil = await make_partner(app, client, kind="commission_locale", territoires=("77",))
    commissaire = await make_partner(app, client, territoires=("77",))
    dossiers: dict[str, str] = {}
    for commune, postal in (("77284", "77100"), ("77186", "77300"), ("77379", "77160"), ("77001", "77760")):
        menage = household()
        menage["logement"] = {
            "adresse": f"3 rue {commune} Essais",
            "code_postal": postal,
            "code_commune": commune,
        }
        body = acte("commandement_de_payer", menage, date_acte=CDP_DATE, territoire="77")
        body["bailleur"] = {"categorie": "bailleur_social", "nom": "OPH Fictif"}
        body["parc"] = "social"
        filed = await client.post("/v1/actes", json=body, headers=commissaire.headers)
        assert filed.status_code == 201, filed.text
        dossiers[commune] = str(filed.json()["dossier_id"])
    seance = (
        await client.post(
            "/v1/seances",
            json={"territoire": "77", "date": "2099-06-10", "formation": "locale", "membres": []},
            headers=clpil.headers,
        )
    ).json()
    url = f"/v1/seances/{seance['id']}"
    for dossier_id in dossiers.values():
        added = await client.post(
            f"{url}/ordre-du-jour", json={"dossier_id": dossier_id}, headers=clpil.headers
        )
        assert added.status_code == 200, added.text
    sent = await client.post(f"{url}/releve", headers=clpil.headers)
    assert sent.status_code == 200, sent.text
    parts = {p["service"]: [d["dossier_id"] for d in p["dossiers"]] for p in sent.json()["services_etat"]}
    assert parts == {
        "Sous-préfecture de Meaux, bureau des expulsions locatives": [dossiers["77284"]],
        "Direction départementale de la cohésion sociale (DDCS)": [dossiers["77186"]],
        "Sous-préfecture de Provins": [dossiers["77379"]],
    }
    meaux = next(p for p in sent.json()["services_etat"] if p["arrondissements"] == ["Meaux", "Torcy"])
    assert meaux["courriel"] == "sp-meaux-expulsionslocatives@seine-et-marne.gouv.fr"
    assert "seeds/002_93761ec2a302805a.txt:L1077" in meaux["source"]
    assert [d["dossier_id"] for d in sent.json()["hors_arrondissement"]] == [dossiers["77001"]]
    await settled(app.state.database)
    feed = (
        await client.get(
            "/v1/evenements", params={"types": "seance.releve", "limit": 1000}, headers=prefecture.headers
        )
    ).json()
    (event,) = [e for e in feed["items"] if e["data"]["seance_id"] == seance["id"]]
    assert event["data"]["services_etat"] == sent.json()["services_etat"]
    assert event["data"]["hors_arrondissement"] == sent.json()["hors_arrondissement"]
