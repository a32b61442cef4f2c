"""Rules on the API: decisions on receipts name rule and source; the simulation equals real filings;
the catalogue; re-evaluation writes beside, never over."""

from __future__ import annotations

import asyncio
import copy
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy import text as sa_text

from app.models.decision import Decision
from app.models.evaluation import Evaluation
from app.models.evenement import Evenement
from app.repositories.actes import lock_dossier
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
    # The commissaire joined the bailleur's dossier by household match: it sees no decision resting on the
    # saisine, not even masked (docs/protection.md), so no receipt here carries ``faits_masques``.

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
    """Paris, private parc (a bailleur personne physique: the CDP chain of action 11), DALO household:
    charter orientations, late DSF and a winter eviction."""
    proprietaire = {"categorie": "personne_physique", "nom": "M. Fictif"}
    common = {"territoire": "75", "parc": "prive", "bailleur": proprietaire}
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
        ("expulsion_au_plus_tot", "2026-09-02"),  # sent to the préfet on 2 July (L412-5): 2 July + 2 months
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
    # Pointers go into the body as sent: no act type (the union's tag) between the index and the field.
    bad_act = acte("assignation", household())
    bad_act["logement"]["code_postal"] = 93100
    untyped = {k: v for k, v in acte("commandement_de_payer", household()).items() if k != "type"}
    nested = await client.post(
        "/v1/regles/simulation",
        json={"territoire": "93", "actes": [one, bad_act, untyped]},
        headers=p.headers,
    )
    assert nested.status_code == 422
    assert [e["pointer"] for e in nested.json()["errors"]] == [
        "/actes/1/logement/code_postal",
        "/actes/2/type",
    ]


async def test_reevaluation_writes_beside_never_over(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    receipt = (
        await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=p.headers)
    ).json()
    dossier_id = uuid.UUID(receipt["dossier_id"])
    async with app.state.database.transaction() as conn:
        assert await reevaluate(conn, dossier_id) == 0  # same rules: nothing new
    async with app.state.database.sessionmaker() as session, session.begin():
        original = (
            await session.scalars(select(Evaluation).where(Evaluation.dossier_id == dossier_id))
        ).one()
        original.version_regles = "an older version"  # as if the rules had changed since
    async with app.state.database.transaction() as conn:
        assert await reevaluate(conn, dossier_id) == 1
    async with app.state.database.sessionmaker() as session:
        rows = (
            await session.scalars(
                select(Evaluation).where(Evaluation.dossier_id == dossier_id).order_by(Evaluation.created_at)
            )
        ).all()
        decisions = (await session.scalars(select(Decision).where(Decision.dossier_id == dossier_id))).all()
        events = (
            await session.scalars(
                select(Evenement).where(Evenement.dossier_id == dossier_id).order_by(Evenement.seq)
            )
        ).all()
    assert [r.motif for r in rows] == ["depot", "reevaluation"]
    # Same decisions under the new version: the re-evaluation adds, meets and drops none of them.
    assert rows[0].version_regles == "an older version" and rows[1].ajoutees == rows[1].remplacees == []
    assert {d.evaluation_id for d in decisions} == {rows[0].id} and {d.statut for d in decisions} == {
        "active"
    }
    # The filing's events (one decision.emise per decision), then the re-evaluation's: no new decision.
    assert [e.type for e in events] == ["dossier.cree", "acte.depose"] + ["decision.emise"] * len(
        decisions
    ) + ["dossier.reevalue"]
    assert {e.data["decision_id"] for e in events if e.type == "decision.emise"} == {
        str(d.id) for d in decisions
    }
    assert events[-1].data["evaluation_id"] == str(rows[1].id)
    assert events[-1].data["version_regles"] == rows[1].version_regles


async def test_reevaluation_waits_for_a_filing_into_the_same_dossier(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """A re-evaluation takes the dossier's lock, as a filing does: it runs after the filing in flight and
    sees its act, so a stale re-evaluation can never become the latest."""
    p = await make_partner(app, client)
    receipt = (
        await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=p.headers)
    ).json()
    dossier_id = uuid.UUID(receipt["dossier_id"])

    async def run() -> int:
        async with app.state.database.transaction() as conn:
            return await reevaluate(conn, dossier_id)

    async with app.state.database.transaction() as conn:  # a filing into this dossier, in flight
        await conn.execute(lock_dossier(str(dossier_id)))
        pending = asyncio.create_task(run())
        await asyncio.sleep(0.5)
        assert not pending.done()
    assert await pending == 0


async def test_a_judgment_that_does_not_restate_the_household_fires_solipex(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """Told once: the CDP states the household (3 people, 2 820 €), the judgment only its outcome. The
    dossier's facts establish every SOLIPEX criterion, and the decision names the act each came from."""
    commissaire = await make_partner(app, client, kind="commissaire_justice")
    caf = await make_partner(app, client, kind="organisme_payeur")
    ccapex = await make_partner(app, client, kind="ccapex")
    menage = household()
    occupants = [{"nom": f"{menage['occupants'][0]['nom']}", "prenom": p} for p in ("Camille", "Lou", "Sam")]  # type: ignore[index]
    cdp = acte("commandement_de_payer", menage, date_acte="2025-03-10", occupants=occupants)
    filed = await client.post("/v1/actes", json=cdp, headers=commissaire.headers)
    assert filed.status_code == 201, filed.text
    dossier_id = filed.json()["dossier_id"]

    def bare(type_: str, day: str, **facts: object) -> dict[str, object]:
        return {
            "type": type_,
            "reference": f"T-{type_[:12]}-{uuid.uuid4().hex[:12]}",
            "territoire": "93",
            "date_acte": day,
            "dossier_id": dossier_id,
            **facts,
        }

    # The CAF reads only its allocataires' dossiers (docs/protection.md §2): it files by household match.
    plan_body = {k: v for k, v in bare("plan_apurement", "2025-04-01").items() if k != "dossier_id"}
    plan = await client.post(
        "/v1/actes", json={**plan_body, **menage, "occupants": occupants}, headers=caf.headers
    )
    assert plan.status_code == 201, plan.text
    judgment = bare("decision_justice", "2025-07-08", issue="resiliation_expulsion")
    receipt = await client.post("/v1/actes", json=judgment, headers=commissaire.headers)
    assert receipt.status_code == 201, receipt.text
    assert receipt.json()["dossier_id"] == dossier_id

    dossier = (await client.get(f"/v1/dossiers/{dossier_id}", headers=ccapex.headers)).json()
    (solipex,) = [d for d in dossier["orientations"] if d["code"] == "solipex"]
    assert solipex["acte_reference"] == judgment["reference"]
    assert solipex["faits"]["dossier:occupants.nombre"] == 3
    assert solipex["faits"]["dossier:occupants.acte"] == cdp["reference"]
    assert solipex["faits"]["dossier:dette:montant_cents.valeur"] == 282000
    assert solipex["faits"]["dossier:dette:montant_cents.acte"] == cdp["reference"]
    assert solipex["faits"]["plan.acte"] == plan.json()["reference"]
    assert solipex["actes_lies"]["dossier:occupants"] == filed.json()["id"]
    assert "Camille" not in json.dumps(solipex)
    # the commissaire sees it on its receipt, without the plan it may not read (masked)
    (shown,) = [d for d in receipt.json()["orientations"] if d["code"] == "solipex"]
    assert shown["faits"]["dossier:occupants.acte"] == cdp["reference"]
    assert "plan.acte" not in shown["faits"] and shown["faits_masques"] is True


async def test_every_citation_opens_through_the_api(app: FastAPI, client: httpx.AsyncClient) -> None:
    """Every charter citation of every rule file resolves through GET /v1/regles/sources to lines that
    say what the rule claims (the key phrases of tests/rules/test_citations.py)."""
    from tests.rules.test_citations import KEY_PHRASES, collapsed, shipped_citations

    reader = await make_partner(app, client, kind="bailleur_social")
    cited = shipped_citations()
    assert set(cited) == set(KEY_PHRASES)
    for fichier, lignes in cited:
        response = await client.get(f"/v1/regles/sources/{fichier}?lignes={lignes}", headers=reader.headers)
        assert response.status_code == 200, (fichier, lignes, response.text)
        body = response.json()
        assert (body["fichier"], body["lignes"]) == (fichier, lignes)
        assert KEY_PHRASES[(fichier, lignes)] in collapsed(body["texte"]), (fichier, lignes)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=0-3", 422),
        ("/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=9-3", 422),
        ("/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=4126-4200", 422),
        ("/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=L12", 422),
        ("/v1/regles/sources/005_0123456789abcdef.txt?lignes=1", 404),  # named like a seed, not shipped
        ("/v1/regles/sources/%2E%2E%2Fnational.yaml", 404),  # percent-encoded: the client keeps it
        ("/v1/regles/sources/%2E%2E%2F%2E%2E%2Fcore%2Fconfig.py", 404),
        ("/v1/regles/sources/README.md", 404),
    ],
)
async def test_a_source_is_a_known_text_and_a_valid_range(
    app: FastAPI, client: httpx.AsyncClient, path: str, status: int
) -> None:
    reader = await make_partner(app, client, kind="ccapex")
    response = await client.get(path, headers=reader.headers)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    if status == 422:
        (error,) = response.json()["errors"]
        assert error["parameter"] == "query:lignes" and error["detail"]
    assert "texte" not in response.json() and "regles:" not in response.text  # nothing of a file leaks


async def test_a_source_needs_a_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=3925-3928")
    assert response.status_code == 401


async def test_decisions_carry_links_to_their_sources(app: FastAPI, client: httpx.AsyncClient) -> None:
    receipts, simulated, ccapex = await _file_and_simulate(app, client, _procedure(household()), "93")
    everything = [d for kind in ("echeances", "orientations", "alertes") for d in simulated[kind]]
    (adil_or_courrier,) = [d for d in everything if d["regle"] == "93-COURRIER-SOCIAL-SAISINE"]
    assert adil_or_courrier["liens_sources"] == [
        "/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=3925-3928",
        "/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=720-722",
    ]
    for decision in everything:
        assert decision["liens_sources"], decision["regle"]
    shown = [d for r in receipts for kind in ("echeances", "orientations", "alertes") for d in r[kind]]
    assert shown and all(d["liens_sources"] for d in shown)
    dossier = (await client.get(f"/v1/dossiers/{receipts[0]['dossier_id']}", headers=ccapex.headers)).json()
    for kind in ("echeances", "orientations", "alertes"):
        for decision in dossier[kind]:
            link = decision["liens_sources"][0]
            if link.startswith("/v1/"):
                opened = await client.get(link, headers=ccapex.headers)
                assert opened.status_code == 200, link
    catalogue = (await client.get("/v1/regles", headers=ccapex.headers)).json()
    (rule,) = [r for jeu in catalogue["jeux"] for r in jeu["regles"] if r["id"] == "93-ADIL-3000-7000"]
    assert rule["liens_sources"][0] == "/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=3925-3928"
    (national,) = [jeu for jeu in catalogue["jeux"] if jeu["territoire"] == "national"]
    assert national["validite"]["au"] is None and national["echu"] is False


# --------------------------------------------------------------------------------------------------
# What a rule change would do: POST /v1/regles/impact and `prevex regles impact`
# --------------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
CHARTE_93 = (ROOT / "app" / "rules" / "93" / "charte.yaml").read_text(encoding="utf-8")


def _adil_band(low: int, high: int) -> str:
    draft = CHARTE_93.replace("valeur: [300000, 700000]", f"valeur: [{low}, {high}]")
    assert draft != CHARTE_93
    return draft


async def _cdp_with_debt(
    client: httpx.AsyncClient, commissaire: PartnerCreds, montant: int
) -> dict[str, Any]:
    body = acte("commandement_de_payer", household(), date_acte="2025-03-10")
    body["bailleur"] = {"categorie": "personne_physique", "nom": "M. Fictif"}
    body["dette"] = {"montant_cents": montant, "mois_impayes_consecutifs": 3}
    response = await client.post("/v1/actes", json=body, headers=commissaire.headers)
    assert response.status_code == 201, response.text
    receipt: dict[str, Any] = response.json()
    assert ("orientation_adil" in {d["code"] for d in receipt["orientations"]}) is (montant >= 300000)
    return receipt


async def _stored_rows(app: FastAPI) -> tuple[int, int, int]:
    async with app.state.database.sessionmaker() as session:
        counts = await session.execute(
            sa_text(
                "SELECT (SELECT count(*) FROM decisions), (SELECT count(*) FROM evaluations), "
                "(SELECT count(*) FROM evenements)"
            )
        )
        a, b, c = counts.one()
        return int(a), int(b), int(c)


async def test_impact_lists_the_dossiers_an_adil_band_change_would_change(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    ccapex = await make_partner(app, client, kind="ccapex")
    at_3000 = await _cdp_with_debt(client, commissaire, 300000)
    below = await _cdp_with_debt(client, commissaire, 299999)
    before = await _stored_rows(app)

    narrower = await client.post(
        "/v1/regles/impact",
        json={"territoire": "93", "fichier": _adil_band(300001, 700000)},
        headers=ccapex.headers,
    )
    assert narrower.status_code == 200, narrower.text
    result = narrower.json()
    assert result["fichier"] == "93/charte.yaml" and result["remplace"] == ["93/charte.yaml"]
    assert result["version_brouillon"] != result["version_regles"]
    assert result["dossiers_examines"] >= 2
    gone = [e for e in result["disparaissent"]["exemples"] if e["dossier_id"] == at_3000["dossier_id"]]
    assert [(e["code"], e["regle"], e["acte_id"]) for e in gone] == [
        ("orientation_adil", "93-ADIL-3000-7000", at_3000["id"])
    ]
    listed = {d["dossier_id"]: d for d in result["dossiers"]}
    assert listed[at_3000["dossier_id"]]["disparaissent"] == 1
    assert below["dossier_id"] not in listed
    assert result["apparaissent"]["nombre"] == 0 and result["changent_de_date"]["nombre"] == 0
    (adil,) = result["par_code"].values()
    assert result["par_code"].keys() == {"orientation_adil"}
    assert (adil["apparaissent"], adil["disparaissent"]) == (0, result["disparaissent"]["nombre"])
    # the ADIL decisions still made record the new band (param.adil_tranche_dette_cents): a
    # re-evaluation would remake them, the impact says so
    assert adil["modifiees"] == result["modifiees"]["nombre"] >= 1
    assert "EXEMPLE" not in narrower.text and "TEST" not in narrower.text  # no act content

    wider = await client.post(
        "/v1/regles/impact",
        json={"territoire": "93", "fichier": _adil_band(299999, 700000)},
        headers=ccapex.headers,
    )
    assert wider.status_code == 200, wider.text
    came = [e for e in wider.json()["apparaissent"]["exemples"] if e["dossier_id"] == below["dossier_id"]]
    assert [(e["code"], e["acte_id"]) for e in came] == [("orientation_adil", below["id"])]
    kept = {d["dossier_id"]: d for d in wider.json()["dossiers"]}.get(at_3000["dossier_id"])
    assert kept is None or (kept["apparaissent"], kept["disparaissent"], kept["modifiees"]) == (0, 0, 1)
    assert await _stored_rows(app) == before  # nothing stored

    unchanged = await client.post(
        "/v1/regles/impact", json={"territoire": "93", "fichier": CHARTE_93}, headers=ccapex.headers
    )
    assert unchanged.status_code == 200 and unchanged.json()["dossiers_changes"] == 0


async def test_impact_is_for_the_territorys_instances(app: FastAPI, client: httpx.AsyncClient) -> None:
    draft = {"territoire": "93", "fichier": _adil_band(300001, 700000)}
    commissaire = await make_partner(app, client)
    refused = await client.post("/v1/regles/impact", json=draft, headers=commissaire.headers)
    assert refused.status_code == 403 and "may not try a rule change" in refused.json()["detail"]
    paris = await make_partner(app, client, kind="ccapex", territoires=("75",))
    elsewhere = await client.post("/v1/regles/impact", json=draft, headers=paris.headers)
    assert elsewhere.status_code == 403 and "territoire 93" in elsewhere.json()["detail"]
    prefecture = await make_partner(app, client, kind="prefecture")
    assert (await client.post("/v1/regles/impact", json=draft, headers=prefecture.headers)).status_code == 200


@pytest.mark.parametrize(
    ("fichier", "extra", "pointer", "message"),
    [
        (
            CHARTE_93.replace(
                '    du: 2022-01-01\n    au: null\n    source: "seeds/004_df506cacdd7ea785.txt:L738-743"',
                '    du: hier\n    au: null\n    source: "seeds/004_df506cacdd7ea785.txt:L738-743"',
            ),
            {},
            "/fichier",
            "brouillon: rule 93-COMEX: field 'du': invalid date 'hier'",
        ),
        (
            CHARTE_93.replace("code: orientation_adil", "code: orientation_inconnue"),
            {},
            "/fichier",
            "brouillon (93/charte.yaml): rule 93-ADIL-3000-7000: field 'effet.code': unknown decision code",
        ),
        (
            CHARTE_93.replace(
                "seeds/004_df506cacdd7ea785.txt:L3927-3928", "seeds/004_df506cacdd7ea785.txt:L9927"
            ),
            {},
            "/fichier",
            "brouillon (93/charte.yaml): field 'parametres.adil_tranche_dette_cents.source': "
            "'seeds/004_df506cacdd7ea785.txt:L9927': the seed has 4126 lines",
        ),
        (
            CHARTE_93.replace('territoire: "93"', 'territoire: "77"'),
            {},
            "/fichier",
            "is neither '93' nor national",
        ),
        ("regles: [", {}, "/fichier", "brouillon: invalid YAML"),
        (CHARTE_93, {"remplace": ["93/autre.yaml"]}, "/remplace", "no file '93/autre.yaml' in territory 93"),
    ],
)
async def test_a_malformed_draft_is_named_like_the_verifier_does(
    app: FastAPI, client: httpx.AsyncClient, fichier: str, extra: dict[str, Any], pointer: str, message: str
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    response = await client.post(
        "/v1/regles/impact", json={"territoire": "93", "fichier": fichier, **extra}, headers=ccapex.headers
    )
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert any(e["pointer"] == pointer and message in e["detail"] for e in errors), errors


async def test_the_cli_prints_the_dossiers_a_draft_would_change(
    app: FastAPI, client: httpx.AsyncClient, database_url: str, tmp_path: Path
) -> None:
    commissaire = await make_partner(app, client)
    at_3000 = await _cdp_with_debt(client, commissaire, 300000)
    draft = tmp_path / "charte-brouillon.yaml"
    draft.write_text(_adil_band(300001, 700000), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
    env["PREVEX_DATABASE_URL"] = database_url
    root = ROOT

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", "regles", "impact", str(draft), *args],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    printed = run()
    assert printed.returncode == 0, printed.stderr
    assert "draft 93/charte.yaml in place of 93/charte.yaml" in printed.stdout
    assert f"  {at_3000['dossier_id']}  -1" in printed.stdout
    assert "orientation_adil" in printed.stdout
    as_json = run("--json")
    assert as_json.returncode == 0, as_json.stderr
    body = json.loads(as_json.stdout)
    assert at_3000["dossier_id"] in {d["dossier_id"] for d in body["dossiers"]}
    draft.write_text(
        CHARTE_93.replace("code: orientation_adil", "code: orientation_inconnue"), encoding="utf-8"
    )
    broken = run()
    assert broken.returncode == 1
    assert f"{draft} (93/charte.yaml): rule 93-ADIL-3000-7000: field 'effet.code'" in broken.stderr
