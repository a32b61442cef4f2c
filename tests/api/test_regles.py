"""Rules on the API: decisions on receipts name rule and source; the simulation equals real filings;
the catalogue; re-evaluation writes beside, never over."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from app.models.acte import Evaluation
from app.models.event import Event
from app.services.reevaluation import reevaluate
from tests.factories import PartnerCreds, acte, filer_kind, household, make_partner

# at collection time, not only from the conftest's modifyitems hook: parametrized async tests need it
pytestmark = pytest.mark.anyio

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


async def _file_and_simulate(
    app: FastAPI, client: httpx.AsyncClient, acts: list[dict[str, Any]], territoire: str
) -> tuple[list[dict[str, Any]], dict[str, Any], PartnerCreds]:
    """File ``acts`` for real, each by a partner of the kind that files it, then simulate the same acts
    with the receipts' ``recu_le``: the receipts, the simulation's answer, and a CCAPEX of the territory."""
    partners: dict[str, PartnerCreds] = {}
    for a in acts:
        kind = filer_kind(str(a["type"]))
        if kind not in partners:
            partners[kind] = await make_partner(app, client, kind=kind, territoires=(territoire,))
    ccapex = await make_partner(app, client, kind="ccapex", territoires=(territoire,))
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
        "/v1/regles/simulation",
        json={"territoire": territoire, "actes": simulated_acts},
        headers=ccapex.headers,
    )
    assert simulation.status_code == 200, simulation.text
    return receipts, simulation.json(), ccapex


async def test_simulation_equals_real_filing(app: FastAPI, client: httpx.AsyncClient) -> None:
    receipts, simulated, ccapex = await _file_and_simulate(app, client, _procedure(household()), "93")

    dossier = (await client.get(f"/v1/dossiers/{receipts[0]['dossier_id']}", headers=ccapex.headers)).json()
    only_sim = set(_comparable(simulated)) - set(_comparable(dossier))
    only_real = set(_comparable(dossier)) - set(_comparable(simulated))
    assert not only_sim and not only_real, (only_sim, only_real)
    assert _comparable(simulated) == _comparable(dossier)
    assert dossier["version_regles"] == simulated["version_regles"]

    # Each receipt shows its filer the new decisions it may see: the simulation's, with the facts taken
    # from acts the filer may not read masked (services/visibility.py).
    def identity(d: dict[str, Any]) -> tuple[Any, ...]:
        return (d["kind"], d["code"], d["regle"], d.get("acte_reference"), d.get("precision"))

    by_identity = {
        identity(d): d for kind in ("echeances", "orientations", "alertes") for d in simulated[kind]
    }
    shown = [d for r in receipts for kind in ("echeances", "orientations", "alertes") for d in r[kind]]
    assert shown
    for d in shown:
        twin = by_identity[identity(d)]
        assert {k: d.get(k) for k in _COMPARED if k != "faits"} == {
            k: twin.get(k) for k in _COMPARED if k != "faits"
        }
        if d.get("faits_masques"):
            assert d["faits"].items() < twin["faits"].items(), d
        else:
            assert d["faits"] == twin["faits"], d
    assert any(d.get("faits_masques") for d in shown)  # the commissaire does not read the saisine

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


_EXPULSION = {"issue": "resiliation_expulsion", "delais_paiement_mois": None, "mensualite_cents": None}


def _menage(territoire: str) -> dict[str, object]:
    """A fresh household of ``territoire`` (Paris 12e: local CCAPEX; Melun)."""
    menage = household()
    commune = {"75": ("75012", "75112"), "77": ("77000", "77288")}[territoire]
    logement = dict(menage["logement"])  # type: ignore[call-overload]
    logement.update(code_postal=commune[0], code_commune=commune[1])
    return {**menage, "logement": logement}


def _procedure_75(menage: dict[str, object]) -> list[dict[str, Any]]:
    """Paris, private parc, DALO household: charter orientations, late DSF and a winter eviction."""
    sci = {"categorie": "sci_familiale", "nom": "SCI Fictive", "siren": "123456782"}
    common = {"territoire": "75", "parc": "prive", "bailleur": sci}
    dette = {"montant_cents": 170000, "mois_impayes_consecutifs": 2}
    return [
        acte("saisine_ccapex", menage, date_acte="2025-01-15", **common, origine="menage", dette=dette),
        acte("commandement_de_payer", menage, date_acte="2025-01-31", **common, dette=dette),
        acte("assignation", menage, date_acte="2025-04-01", date_audience="2025-05-30", **common),
        acte("diagnostic_social_financier", menage, date_acte="2025-05-26", territoire="75", parc="prive"),
        acte("decision_dalo", menage, date_acte="2025-08-31", territoire="75"),
        acte("decision_justice", menage, date_acte="2025-06-02", **common, **_EXPULSION),
        acte("commandement_quitter_lieux", menage, date_acte="2025-09-01", territoire="75", parc="prive"),
        acte("requisition_cfp", menage, date_acte="2025-12-31", territoire="75", parc="prive"),
        acte("expulsion", menage, date_acte="2026-03-31", territoire="75", parc="prive", relogement=None),
    ]


def _procedure_77(menage: dict[str, object]) -> list[dict[str, Any]]:
    """Seine-et-Marne, social parc: CLPIL, a premature assignation (the CAF signal of 1 October counts as
    the saisine: first day 1 December), J-30 enquête, PCS."""
    soc = {"categorie": "bailleur_social", "nom": "OPH Fictif 77", "siren": "987654324"}
    common = {"territoire": "77", "parc": "social", "bailleur": soc}
    return [
        acte("signalement_impaye", menage, date_acte="2025-10-01", **common),
        acte("commandement_de_payer", menage, date_acte="2025-10-20", **common),
        acte("saisine_ccapex", menage, date_acte="2025-10-31", **common),
        acte("assignation", menage, date_acte="2025-11-28", date_audience="2026-05-26", **common),
        acte("surendettement", menage, date_acte="2026-01-15", territoire="77"),
        acte("decision_dalo", menage, date_acte="2026-02-02", territoire="77"),
        acte("decision_justice", menage, date_acte="2026-05-26", **common, **_EXPULSION),
        acte(
            "commandement_quitter_lieux",
            menage,
            date_acte="2026-07-01",
            date_transmission_prefet="2026-07-02",
            territoire="77",
            parc="social",
        ),
        acte("requisition_cfp", menage, date_acte="2026-09-30", territoire="77", parc="social"),
    ]


@pytest.mark.parametrize(
    ("dept", "codes"),
    [
        pytest.param(
            "75",
            {
                "ccapex_locale",
                "signalement_ccapex",
                "courrier_prevention",
                "verification_droits_caf",
                "cdp_effet",
                "notification_prefet_limite",
                "dsf_transmission_limite",
                "dsf_en_retard",
                "offre_dalo_limite",
                "expulsion_au_plus_tot",
                "refus_implicite_cfp",
                "signalement_dalo_cfp",
                "expulsion_pendant_treve",
            },
            id="75",
        ),
        pytest.param(
            "77",
            {
                "clpil",
                "courrier_prevention",
                "assignation_au_plus_tot",
                "assignation_prematuree",
                "enquete_sociale_limite",
                "information_surendettement",
                "avdl",
                "protocole_cohesion_sociale",
                "demande_enquete_sociale",
                "expulsion_au_plus_tot",
                "refus_implicite_cfp",
            },
            id="77",
        ),
    ],
)
async def test_simulation_equals_real_filing_in_75_and_77(
    app: FastAPI,
    client: httpx.AsyncClient,
    dept: str,
    codes: set[str],
) -> None:
    territoire = dept
    acts = {"75": _procedure_75, "77": _procedure_77}[dept](_menage(dept))
    receipts, simulated, ccapex = await _file_and_simulate(app, client, acts, territoire)
    dossier = (await client.get(f"/v1/dossiers/{receipts[0]['dossier_id']}", headers=ccapex.headers)).json()
    assert _comparable(simulated) == _comparable(dossier)
    assert dossier["version_regles"] == simulated["version_regles"]
    found = {d["code"] for kind in ("echeances", "orientations", "alertes") for d in simulated[kind]}
    assert codes <= found, codes - found
    regles = {d["regle"] for kind in ("echeances", "orientations", "alertes") for d in simulated[kind]}
    assert any(r.startswith(f"{territoire}-") for r in regles), regles
    dates = {(d["code"], d["date"]) for d in simulated["echeances"]}
    assert HAND_DATES[dept] <= dates, HAND_DATES[dept] - dates


# Computed by hand (2025: Ascension 29 May; 2026: Pentecost Monday 25 May).
HAND_DATES = {
    "75": {
        ("cdp_effet", "2025-03-31"),  # 31 January + 2 months, lease of 2021
        ("notification_prefet_limite", "2025-04-17"),  # hearing 30 May - 43 days
        ("dsf_transmission_limite", "2025-05-22"),  # 5th working day before 30 May, Ascension skipped
        ("offre_dalo_limite", "2026-02-28"),  # 31 August + 6 months
        ("expulsion_au_plus_tot", "2026-04-01"),  # 1 September + 2 months = 1 November: trêve
        ("refus_implicite_cfp", "2026-02-28"),  # 31 December + 2 months
    },
    "77": {
        ("cdp_effet", "2025-12-20"),
        ("assignation_au_plus_tot", "2025-12-01"),  # from the CAF signal
        ("assignation_au_plus_tot", "2025-12-31"),  # from the saisine
        ("enquete_sociale_limite", "2026-04-26"),  # hearing - 30 days (charter)
        ("notification_prefet_limite", "2026-04-13"),
        ("dsf_transmission_limite", "2026-05-18"),  # Pentecost Monday skipped
        ("offre_dalo_limite", "2026-08-02"),
        ("expulsion_au_plus_tot", "2026-09-01"),
        ("refus_implicite_cfp", "2026-11-30"),
    },
}


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
    async with app.state.database.sessionmaker() as session:
        events = (
            await session.scalars(select(Event).where(Event.dossier_id == dossier_id).order_by(Event.id))
        ).all()
    assert [e.type for e in events] == ["dossier.cree", "acte.depose", "dossier.reevalue"]
    assert events[-1].data["evaluation_id"] == str(rows[1].id)
    assert events[-1].data["version_regles"] == rows[1].version_regles
