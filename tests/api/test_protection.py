"""Joining is not reading (docs/protection.md): a party that files into a dossier by household match
sees its own acts and the decisions about them, nothing of the others' — not even that they exist —
unless it stands on the same side of the same lease; its receipt tells nothing of whether the household
was known; its facts never become the dossier's current facts for others."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.core.kinds import PARTNER_KINDS
from app.services.visibility import TERRITORIAL
from tests.api.test_evenements import feed
from tests.exchange import allow
from tests.factories import PartnerCreds, acte, fake_siret, household, make_partner
from tests.journal import JOURNAL


def _menage_complet() -> tuple[dict[str, Any], dict[str, str]]:
    """A household with everything the commissaire knows of it, and the secrets to look for."""
    menage = household()
    tag = uuid.uuid4().int
    secrets = {
        "telephone": f"06399{tag % 100000:05d}",
        "email": f"foyer.{tag % 10**9}@example.org",
        "date_naissance": "1979-11-23",
    }
    JOURNAL.register(secrets["telephone"], secrets["email"])
    occupant = {**menage["occupants"][0], **secrets}  # type: ignore[index]
    return {**menage, "occupants": [occupant]}, secrets


def _probe(acte_type: str, menage: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """What a party that knows only the names and the address files: surname, first name, street number,
    street and postcode, written its own way (case, accents, punctuation, building and floor)."""
    logement = menage["logement"]
    adresse = logement["adresse"].upper().replace("RUE DES ESSAIS", "R. DES ÉSSAIS") + ", Bât. C, 4e étage"
    occupant = menage["occupants"][0]
    return {
        "type": acte_type,
        "reference": f"PROBE-{uuid.uuid4().hex[:12]}",
        "territoire": "93",
        "date_acte": "2025-03-20",
        "logement": {"adresse": adresse, "code_postal": logement["code_postal"]},
        "occupants": [{"nom": occupant["nom"].lower(), "prenom": occupant["prenom"].upper()}],
        **extra,
    }


async def _commandement(
    client: httpx.AsyncClient, commissaire: PartnerCreds, menage: dict[str, Any]
) -> dict[str, Any]:
    response = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", menage), headers=commissaire.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _leaks(text: str, secrets: dict[str, str], cdp: dict[str, Any]) -> list[str]:
    """What of the commissaire's act shows in ``text``."""
    found = [name for name, value in secrets.items() if value in text]
    for name, value in (
        ("dette", "282000"),
        ("loyer", "85000"),
        ("bailleur", "SCI DES TILLEULS"),
        ("reference", cdp["reference"]),
        ("acte", cdp["id"]),
    ):
        if value in text:
            found.append(name)
    return found


async def _everything_read_by(
    client: httpx.AsyncClient, who: PartnerCreds, receipt: dict[str, Any], cdp_id: str
) -> str:
    dossier_id = receipt["dossier_id"]
    texts = [json.dumps(receipt)]
    for path in (f"/v1/dossiers/{dossier_id}", f"/v1/dossiers/{dossier_id}/chronologie", "/v1/dossiers"):
        response = await client.get(path, headers=who.headers)
        assert response.status_code == 200, (path, response.text)
        texts.append(response.text)
    foreign = await client.get(f"/v1/actes/{cdp_id}", headers=who.headers)
    assert foreign.status_code == 404 and foreign.headers["content-type"] == "application/problem+json"
    items, _ = await feed(client, who)
    texts.append(json.dumps(items))
    return "\n".join(texts)


async def test_a_landlord_joining_by_match_reads_nothing_of_the_commissaires_act(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    bailleur = await make_partner(app, client, kind="bailleur_social")
    menage, secrets = _menage_complet()
    cdp = await _commandement(client, commissaire, menage)
    joined = await client.post(
        "/v1/actes", json=_probe("signalement_impaye", menage), headers=bailleur.headers
    )
    assert joined.status_code == 201, joined.text
    receipt = joined.json()
    assert receipt["dossier_id"] == cdp["dossier_id"]  # it did land in the commissaire's dossier
    text = await _everything_read_by(client, bailleur, receipt, cdp["id"])
    assert _leaks(text, secrets, cdp) == []
    dossier = (await client.get(f"/v1/dossiers/{cdp['dossier_id']}", headers=bailleur.headers)).json()
    assert [a["id"] for a in dossier["actes"]] == [receipt["id"]]
    assert dossier["stade"] == "pre_contentieux"  # its own acts' stage, not the commandement's
    # A later act of the commissaire is not announced to it either.
    await client.post(
        "/v1/actes",
        json=acte("assignation", menage, dossier_id=cdp["dossier_id"]),
        headers=commissaire.headers,
    )
    items, _ = await feed(client, bailleur)
    assert {i.get("data", {}).get("partner_kind") for i in items if i["type"] == "acte.depose"} == {
        "bailleur_social"
    }


async def test_a_private_landlord_and_an_other_partner_joining_by_saisine_read_nothing(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    menage, secrets = _menage_complet()
    cdp = await _commandement(client, commissaire, menage)
    for kind, origine in (("bailleur_prive", "bailleur_prive"), ("other", "autre")):
        who = await make_partner(app, client, kind=kind)
        body = _probe("saisine_ccapex", menage, motif="impaye", origine=origine)
        response = await client.post("/v1/actes", json=body, headers=who.headers)
        if response.status_code == 422 and origine == "autre":  # origine's vocabulary
            body["origine"] = "other"
            response = await client.post("/v1/actes", json=body, headers=who.headers)
        assert response.status_code == 201, response.text
        receipt = response.json()
        assert receipt["dossier_id"] == cdp["dossier_id"]
        text = await _everything_read_by(client, who, receipt, cdp["id"])
        assert _leaks(text, secrets, cdp) == [], kind


async def test_the_landlord_of_the_lease_reads_the_dossier(app: FastAPI, client: httpx.AsyncClient) -> None:
    """The same side of the same lease: the landlord whose registered SIREN the commandement names."""
    commissaire = await make_partner(app, client)
    siret = fake_siret()
    bailleur = await make_partner(app, client, kind="bailleur_social", siret=siret)
    menage, secrets = _menage_complet()
    body = acte(
        "commandement_de_payer",
        menage,
        parc="social",
        bailleur={"categorie": "bailleur_social", "nom": "OPH Test", "siren": siret[:9]},
    )
    cdp = (await client.post("/v1/actes", json=body, headers=commissaire.headers)).json()
    joined = (
        await client.post("/v1/actes", json=_probe("signalement_impaye", menage), headers=bailleur.headers)
    ).json()
    assert joined["dossier_id"] == cdp["dossier_id"]
    seen = await client.get(f"/v1/actes/{cdp['id']}", headers=bailleur.headers)
    assert seen.status_code == 200 and seen.json()["contenu_visible"] is True
    shown = seen.json()["acte"]
    assert (
        shown["dette"]["montant_cents"] == 282000
        and shown["occupants"][0]["nom"] == menage["occupants"][0]["nom"]
    )
    # The field matrix: a landlord reads the procedure, not the household's contacts.
    assert secrets["telephone"] not in seen.text and secrets["email"] not in seen.text


async def test_the_receipt_does_not_tell_whether_the_household_was_known(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    bailleur = await make_partner(app, client, kind="bailleur_social")
    known, _ = _menage_complet()
    await _commandement(client, commissaire, known)
    unknown, _ = _menage_complet()
    joined = await client.post(
        "/v1/actes", json=_probe("signalement_impaye", known), headers=bailleur.headers
    )
    opened = await client.post(
        "/v1/actes", json=_probe("signalement_impaye", unknown), headers=bailleur.headers
    )
    assert joined.status_code == opened.status_code == 201
    a, b = joined.json(), opened.json()
    assert "nouveau_dossier" not in a and set(a) == set(b)
    for key in ("echeances", "orientations", "alertes"):
        assert [d["code"] for d in a[key]] == [d["code"] for d in b[key]], key
    # Its feed says the same of both: a dossier it opened.
    items, _ = await feed(client, bailleur)
    created = {i["dossier_id"] for i in items if i["type"] == "dossier.cree"}
    assert {a["dossier_id"], b["dossier_id"]} <= created
    # A replay answers the same receipt.
    replay = await client.post(
        "/v1/actes",
        json=_probe("signalement_impaye", known) | {"reference": a["reference"]},
        headers=bailleur.headers,
    )
    assert replay.status_code in (200, 409)


async def test_an_unlinked_partys_facts_do_not_become_the_dossiers_current_facts(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    commissaire = await make_partner(app, client)
    bailleur = await make_partner(app, client, kind="bailleur_prive")
    menage, secrets = _menage_complet()
    cdp = await _commandement(client, commissaire, menage)
    probe = _probe("signalement_impaye", menage, date_acte="2025-06-01")  # later than the commandement
    joined = (await client.post("/v1/actes", json=probe, headers=bailleur.headers)).json()
    assert joined["dossier_id"] == cdp["dossier_id"]
    faits = (await client.get(f"/v1/dossiers/{cdp['dossier_id']}", headers=ccapex.headers)).json()["faits"]
    occupants = faits["occupants"]
    assert occupants["source"]["acte_id"] == cdp["id"]
    assert secrets["telephone"] in json.dumps(occupants["valeur"])
    assert [h["confirme"] for h in occupants["historique"]] == [True, False]
    adresse = faits["logement.adresse"]
    assert adresse["valeur"] == menage["logement"]["adresse"]
    # The party itself sees its own facts as its dossier's.
    own = (await client.get(f"/v1/dossiers/{cdp['dossier_id']}", headers=bailleur.headers)).json()["faits"]
    assert own["occupants"]["source"]["acte_id"] == joined["id"]


async def test_the_caf_reads_only_its_allocataires(app: FastAPI, client: httpx.AsyncClient) -> None:
    """A CAF holds a territorial grant on every dossier of its territory; it reads (and hears of) only
    those of its allocataires, and never the contacts."""
    caf = await make_partner(app, client, kind="organisme_payeur")
    commissaire = await make_partner(app, client)
    bailleur = await make_partner(app, client, kind="bailleur_social")
    stranger_household, secrets = _menage_complet()
    cdp = await _commandement(client, commissaire, stranger_household)
    assert (await client.get(f"/v1/dossiers/{cdp['dossier_id']}", headers=caf.headers)).status_code == 404
    assert (await client.get(f"/v1/actes/{cdp['id']}", headers=caf.headers)).status_code == 404
    listed = (await client.get("/v1/dossiers", params={"limit": 200}, headers=caf.headers)).json()
    assert cdp["dossier_id"] not in {d["id"] for d in listed["items"]}
    items, _ = await feed(client, caf)
    assert cdp["dossier_id"] not in {i["dossier_id"] for i in items}

    # An allocataire: the landlord's signalement gives the allocataire number.
    allocataire, secrets = _menage_complet()
    cdp2 = await _commandement(client, commissaire, allocataire)
    signal = acte("signalement_impaye", allocataire, numero_allocataire="7654321")
    signal.pop("parc", None)
    filed = await client.post("/v1/actes", json=signal, headers=bailleur.headers)
    assert filed.status_code == 201, filed.text
    seen = await client.get(f"/v1/actes/{cdp2['id']}", headers=caf.headers)
    assert seen.status_code == 200 and seen.json()["contenu_visible"] is True
    assert seen.json()["acte"]["dette"]["montant_cents"] == 282000
    dossier = await client.get(f"/v1/dossiers/{cdp2['dossier_id']}", headers=caf.headers)
    assert not [name for name in ("telephone", "email") if secrets[name] in dossier.text]
    items, _ = await feed(client, caf)
    assert any(i["dossier_id"] == cdp2["dossier_id"] for i in items)
    for item in items:
        assert secrets["telephone"] not in str(item) and secrets["email"] not in str(item)


async def test_the_protection_matrix_every_endpoint_every_kind(
    app: FastAPI, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walks every GET of the contract that takes a dossier or act id with a partner of every kind in
    another territory, every non-territorial kind of the same territory, and every kind that can join the
    dossier by household match: 404 where the dossier is not theirs, and no secret of the commissaire's
    act in anything they can read (dossiers, acts, lists, feeds, the audit)."""
    commissaire = await make_partner(app, client)
    menage, secrets = _menage_complet()
    cdp = await _commandement(client, commissaire, menage)
    allow(monkeypatch, "127.0.0.1:9")
    abonnement = await client.post(
        "/v1/abonnements", json={"url": "http://127.0.0.1:9/h", "types": ["*"]}, headers=commissaire.headers
    )
    ccapex = await make_partner(app, client, kind="ccapex")
    seance = await client.post(
        "/v1/seances",
        json={"territoire": "93", "date": "2027-03-01", "formation": "pleniere", "membres": []},
        headers=ccapex.headers,
    )
    assert seance.status_code == 201, seance.text
    inscrit = await client.post(
        f"/v1/seances/{seance.json()['id']}/ordre-du-jour",
        json={"dossier_id": cdp["dossier_id"]},
        headers=ccapex.headers,
    )
    assert inscrit.status_code in (200, 201), inscrit.text
    (courrier,) = (
        await client.get(f"/v1/dossiers/{cdp['dossier_id']}/courriers", headers=ccapex.headers)
    ).json()["items"]
    recommandation = await client.post(
        f"/v1/dossiers/{cdp['dossier_id']}/recommandations",
        json={
            "destinataire": {"menage": True},
            "nature": "demande_fsl",
            "texte": "Déposer une demande au FSL.",
        },
        headers=ccapex.headers,
    )
    assert recommandation.status_code == 201, recommandation.text

    async def ccapex_lists(who: PartnerCreds) -> str:
        """The CCAPEX's lists as ``who`` reads them (each page of its work list and its recommendations)."""
        text = ""
        for path in ("/v1/ccapex/a-traiter", "/v1/recommandations"):
            cursor = None
            while True:
                params = {"limit": 200, **({"cursor": cursor} if cursor else {})}
                page = await client.get(path, params=params, headers=who.headers)
                if page.status_code == 403:  # a kind without the list's scope
                    break
                assert page.status_code == 200, (who.kind, path, page.text)
                text += page.text
                if (cursor := page.json()["next_cursor"]) is None:
                    break
        return text

    # The lists can fail: the territory's CCAPEX finds the dossier on both.
    assert cdp["dossier_id"] in await ccapex_lists(ccapex)
    assert recommandation.json()["id"] in await ccapex_lists(ccapex)
    ids = {
        "dossier_id": cdp["dossier_id"],
        "acte_id": cdp["id"],
        "abonnement_id": abonnement.json()["id"],
        "seance_id": seance.json()["id"],  # a session of the 93 with this dossier on its agenda
        "courrier_id": courrier["id"],  # the letter its CDP asks for
    }
    templates = [
        t
        for t, ops in app.openapi()["paths"].items()
        if {p["name"] for p in ops.get("get", {}).get("parameters", []) if p["in"] == "path"} - {"fichier"}
    ]
    assert len(templates) >= 5
    strangers = [await make_partner(app, client, kind=k, territoires=("75",)) for k in PARTNER_KINDS]
    strangers += [
        await make_partner(app, client, kind=k)
        for k in PARTNER_KINDS
        if k not in TERRITORIAL and k != "commissaire_justice"
    ]
    strangers.append(await make_partner(app, client))  # another étude of the same territory
    for who in strangers:
        for template in templates:
            response = await client.get(template.format(**ids), headers=who.headers)
            assert response.status_code in (403, 404), (who.kind, who.territoires, template)
        listed = (await client.get("/v1/dossiers", params={"limit": 200}, headers=who.headers)).json()
        assert cdp["dossier_id"] not in {d["id"] for d in listed.get("items", [])}, who.kind
        items = (await client.get("/v1/evenements", params={"limit": 200}, headers=who.headers)).json()
        assert cdp["dossier_id"] not in json.dumps(items), who.kind
        assert cdp["dossier_id"] not in await ccapex_lists(who), (who.kind, who.territoires)
    # Joined by household match: its own view of the dossier, nothing of the commissaire's act.
    joiners = {
        "bailleur_social": _probe("signalement_impaye", menage),
        "bailleur_prive": _probe("saisine_ccapex", menage, motif="impaye", origine="bailleur_prive"),
    }  # (a CAF that files about a household makes it its allocataire: test_the_caf_reads_only_its_allocataires)
    for kind, body in joiners.items():
        who = await make_partner(app, client, kind=kind)
        filed = await client.post("/v1/actes", json=body, headers=who.headers)
        assert filed.status_code == 201, (kind, filed.text)
        text = await _everything_read_by(client, who, filed.json(), cdp["id"])
        for template in templates:
            response = await client.get(template.format(**ids), headers=who.headers)
            if template.startswith("/v1/dossiers/") and not template.endswith("/bilan"):
                assert response.status_code == 200, (kind, template)  # its own view of the dossier
                text += response.text
            else:  # the commissaire's act, its subscription, the CCAPEX's session, outcome and letter
                assert response.status_code == 404, (kind, template)
        assert _leaks(text, secrets, cdp) == [], kind
    await client.delete(f"/v1/abonnements/{ids['abonnement_id']}", headers=commissaire.headers)


async def test_the_prefecture_sees_the_procedure_from_the_assignation_on(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """Item 2: the préfecture reads the acts from the assignation on and what a CFP decision needs (the
    judgment, the DALO decision, the FSL, over-indebtedness), not the CDP nor the landlord's signalement
    or saisine, nor the decisions about them; and never a decision's facts from a field group it does not
    read (the same matrix as the acts', applied to decisions in reads, feeds and webhooks alike)."""
    commissaire = await make_partner(app, client)
    bailleur = await make_partner(app, client, kind="bailleur_social")
    prive = await make_partner(app, client, kind="bailleur_prive")
    prefecture = await make_partner(app, client, kind="prefecture")
    ccapex = await make_partner(app, client, kind="ccapex")
    menage, secrets = _menage_complet()
    cdp = await _commandement(client, commissaire, menage)
    dossier_id = cdp["dossier_id"]
    filed = {"commandement_de_payer": cdp["id"]}
    for who, type_, body in (
        (bailleur, "signalement_impaye", _probe("signalement_impaye", menage)),
        (prive, "saisine_ccapex", _probe("saisine_ccapex", menage, motif="impaye", origine="bailleur_prive")),
        (commissaire, "assignation", acte("assignation", dossier_id=dossier_id)),
    ):
        response = await client.post("/v1/actes", json=body, headers=who.headers)
        assert response.status_code == 201, (type_, response.text)
        assert response.json()["dossier_id"] == dossier_id, type_  # joined the commissaire's dossier
        filed[type_] = response.json()["id"]
    dossier = await client.get(f"/v1/dossiers/{dossier_id}", headers=prefecture.headers)
    assert dossier.status_code == 200, dossier.text
    shown = {a["type"]: a["contenu_visible"] for a in dossier.json()["actes"]}
    assert shown == {
        "commandement_de_payer": False,
        "signalement_impaye": False,
        "saisine_ccapex": False,
        "assignation": True,
    }, shown
    for type_ in ("commandement_de_payer", "signalement_impaye", "saisine_ccapex"):
        one = await client.get(f"/v1/actes/{filed[type_]}", headers=prefecture.headers)
        assert one.status_code == 200 and one.json()["contenu_visible"] is False and "acte" not in one.json()
    assert secrets["telephone"] not in dossier.text and secrets["email"] not in dossier.text
    # The decisions: none about the acts before the assignation; the CCAPEX sees them.
    text = json.dumps(dossier.json())
    about = {filed[t] for t in ("commandement_de_payer", "signalement_impaye", "saisine_ccapex")}
    mine = [d for group in ("echeances", "orientations", "alertes") for d in dossier.json().get(group, [])]
    assert not [d for d in mine if d.get("acte_id") in about or d.get("acte") in about], mine
    ccapex_view = (await client.get(f"/v1/dossiers/{dossier_id}", headers=ccapex.headers)).json()
    all_decisions = [
        d for group in ("echeances", "orientations", "alertes") for d in ccapex_view.get(group, [])
    ]
    assert [d for d in all_decisions if d.get("acte_id") in about or d.get("acte") in about]
    assert "282000" not in text  # the CDP's debt, nowhere in what the préfecture reads
    items, _ = await feed(client, prefecture)
    for item in items:
        if item["dossier_id"] == dossier_id:
            if item["data"].get("acte_id") in about:  # that the act exists, never its content or decisions
                assert item["type"] in ("dossier.cree", "acte.depose"), item
                assert item["type"] == "dossier.cree" or item["data"]["acte"]["contenu_visible"] is False
            assert "282000" not in json.dumps(item) and secrets["telephone"] not in json.dumps(item)
