"""Rules on the API: decisions on receipts name rule and source; the simulation equals real filings;
the catalogue; re-evaluation writes beside, never over."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from app.models.acte import Evaluation
from app.services.reevaluation import reevaluate
from tests.factories import PartnerCreds, acte, filer_kind, household, make_partner

_COMPARED = (
    "kind",
    "code",
    "regle",
    "source",
    "acte_reference",
    "faits",
    "date",
    "destinataire",
    "precision",
    "message",
)


def _comparable(decisions: dict[str, list[dict[str, Any]]]) -> list[tuple[Any, ...]]:
    flat = [d for kind in ("echeances", "orientations", "alertes") for d in decisions[kind]]
    return sorted(tuple(json.dumps(d.get(k), sort_keys=True) for k in _COMPARED) for d in flat)


def _procedure(menage: dict[str, object]) -> list[dict[str, Any]]:
    """A social-parc procedure in the 93, in order, with a premature assignation."""
    bailleur = {"categorie": "bailleur_social", "nom": "OPH Fictif", "siren": "987654324"}
    return [
        acte("saisine_ccapex", menage, date_acte="2025-01-15", bailleur=bailleur),
        acte("commandement_de_payer", menage, date_acte="2025-02-03", parc="social", bailleur=bailleur),
        acte(
            "assignation",
            menage,
            date_acte="2025-03-03",
            date_audience="2025-05-06",
            parc="social",
            bailleur=bailleur,
        ),
        acte("diagnostic_social_financier", menage, date_acte="2025-04-30"),
        acte("decision_justice", menage, date_acte="2025-05-06"),
        acte("commandement_quitter_lieux", menage, date_acte="2025-09-15"),
        acte("requisition_cfp", menage, date_acte="2025-11-20"),
        acte("decision_cfp", menage, date_acte="2026-01-10"),
    ]


async def _partners(
    app: FastAPI, client: httpx.AsyncClient, acts: list[dict[str, Any]]
) -> dict[str, PartnerCreds]:
    partners: dict[str, PartnerCreds] = {}
    for a in acts:
        kind = filer_kind(str(a["type"]))
        if kind not in partners:
            partners[kind] = await make_partner(app, client, kind=kind)
    return partners


async def test_simulation_equals_real_filing(app: FastAPI, client: httpx.AsyncClient) -> None:
    acts = _procedure(household())
    partners = await _partners(app, client, acts)
    ccapex = await make_partner(app, client, kind="ccapex")
    receipts = []
    for a in acts:
        response = await client.post(
            "/v1/actes", json=a, headers=partners[filer_kind(str(a["type"]))].headers
        )
        assert response.status_code == 201, response.text
        receipts.append(response.json())
    assert len({r["dossier_id"] for r in receipts}) == 1

    simulated_acts = [
        {**copy.deepcopy(a), "recu_le": r["recu_le"]} for a, r in zip(acts, receipts, strict=True)
    ]
    simulation = await client.post(
        "/v1/regles/simulation", json={"territoire": "93", "actes": simulated_acts}, headers=ccapex.headers
    )
    assert simulation.status_code == 200, simulation.text
    simulated = simulation.json()

    dossier = (await client.get(f"/v1/dossiers/{receipts[0]['dossier_id']}", headers=ccapex.headers)).json()
    only_sim = set(_comparable(simulated)) - set(_comparable(dossier))
    only_real = set(_comparable(dossier)) - set(_comparable(simulated))
    assert not only_sim and not only_real, (only_sim, only_real)
    assert _comparable(simulated) == _comparable(dossier)
    assert dossier["version_regles"] == simulated["version_regles"]

    union: dict[str, list[dict[str, Any]]] = {"echeances": [], "orientations": [], "alertes": []}
    for r in receipts:
        for kind in union:
            union[kind] += r[kind]
    assert set(_comparable(union)) <= set(_comparable(simulated))

    codes = {d["code"] for kind in ("echeances", "orientations", "alertes") for d in simulated[kind]}
    assert {
        "cdp_effet",
        "notification_prefet_limite",
        "dsf_transmission_limite",
        "expulsion_au_plus_tot",
        "refus_implicite_cfp",
        "assignation_au_plus_tot",
        "assignation_prematuree",
    } <= codes, codes


async def test_every_decision_on_a_receipt_names_rule_and_source(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    body = acte("commandement_de_payer", household(), date_acte="2025-03-10")
    body["bailleur"] = {"categorie": "sci_familiale", "nom": "SCI Fictive"}
    body["dette"] = {"montant_cents": 300000, "mois_impayes_consecutifs": 3}
    receipt = (await client.post("/v1/actes", json=body, headers=commissaire.headers)).json()
    decisions = receipt["echeances"] + receipt["orientations"] + receipt["alertes"]
    assert decisions
    for d in decisions:
        assert d["regle"] and d["source"] and isinstance(d["faits"], dict), d
    effet = next(d for d in receipt["echeances"] if d["code"] == "cdp_effet")
    assert effet["date"] == "2025-05-10"  # lease of 2021: + 2 months
    assert "signalement_ccapex" in {d["code"] for d in receipt["orientations"]}


async def test_catalogue_lists_rule_sets_with_sources(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    catalogue = (await client.get("/v1/regles", headers=p.headers)).json()
    territoires = {jeu["territoire"] for jeu in catalogue["jeux"]}
    assert {"75", "77", "93"} <= territoires
    for jeu in catalogue["jeux"]:
        assert jeu["version"] and jeu["source"]
        for regle in jeu["regles"]:
            assert regle["id"] and regle["source"] and regle["du"], regle
    assert "cdp_effet" in str(catalogue["codes"])


async def test_simulation_rejects_bad_input(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    one = acte("commandement_de_payer", household())
    other_territory = {**acte("commandement_de_payer", household()), "territoire": "75"}
    other_territory.pop("logement")
    response = await client.post(
        "/v1/regles/simulation", json={"territoire": "93", "actes": [one, other_territory]}, headers=p.headers
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [{"pointer": "/actes/1/territoire", "detail": "must be 93"}]
    unknown = await client.post(
        "/v1/regles/simulation", json={"territoire": "93", "actes": [one], "x": 1}, headers=p.headers
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["pointer"] == "/x"
    empty = await client.post(
        "/v1/regles/simulation", json={"territoire": "93", "actes": []}, headers=p.headers
    )
    assert empty.status_code == 422 and empty.json()["errors"][0]["pointer"] == "/actes"


async def test_reevaluation_writes_beside_never_over(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    receipt = (
        await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=p.headers)
    ).json()
    dossier_id = uuid.UUID(receipt["dossier_id"])
    async with app.state.database.sessionmaker() as session, session.begin():
        assert await reevaluate(session, dossier_id) == 0  # same rules: nothing new
        original = (
            await session.scalars(select(Evaluation).where(Evaluation.dossier_id == dossier_id))
        ).one()
        original.version_regles = "an older version"  # as if the rules had changed since
    async with app.state.database.sessionmaker() as session, session.begin():
        assert await reevaluate(session, dossier_id) == 1
    async with app.state.database.sessionmaker() as session:
        rows = (
            await session.scalars(
                select(Evaluation).where(Evaluation.dossier_id == dossier_id).order_by(Evaluation.created_at)
            )
        ).all()
    assert [r.motif for r in rows] == ["depot", "reevaluation"]
    assert rows[0].version_regles == "an older version" and rows[0].decisions == rows[1].decisions
