"""Decisions as a table: one row per decision, written in the evaluation's transaction, with a status
that later acts change (met, replaced), shown with the dossier; grants as rows; each thing stored once."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select, text

from app.models.acces import Acces
from app.models.decision import Decision
from app.models.evaluation import Evaluation
from tests.factories import PartnerCreds, acte, household, make_partner


async def _decisions(app: FastAPI, dossier_id: str) -> list[Decision]:
    async with app.state.database.sessionmaker() as session:
        rows = await session.scalars(select(Decision).where(Decision.dossier_id == uuid.UUID(dossier_id)))
        return list(rows.all())


async def _file(client: httpx.AsyncClient, who: PartnerCreds, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/v1/actes", json=body, headers=who.headers)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def test_a_dsf_sent_in_time_meets_its_deadline(app: FastAPI, client: httpx.AsyncClient) -> None:
    commissaire = await make_partner(app, client)
    departement = await make_partner(app, client, kind="departement")
    ccapex = await make_partner(app, client, kind="ccapex")
    menage = household()
    assignation = await _file(client, commissaire, acte("assignation", menage))
    dossier_id = assignation["dossier_id"]
    limite = next(d for d in assignation["echeances"] if d["code"] == "dsf_transmission_limite")

    rows = {d.code: d for d in await _decisions(app, dossier_id)}
    assert rows["dsf_transmission_limite"].statut == "active"
    assert rows["dsf_transmission_limite"].date.isoformat() == limite["date"]
    assert str(rows["dsf_transmission_limite"].acte_id) == assignation["id"]

    in_time = acte("diagnostic_social_financier", dossier_id=dossier_id)  # sent 2025-06-10
    dsf = await _file(client, departement, in_time)
    assert dsf["dossier_id"] == dossier_id

    rows = {d.code: d for d in await _decisions(app, dossier_id)}
    met = rows["dsf_transmission_limite"]
    assert met.statut == "satisfaite"
    async with app.state.database.sessionmaker() as session:
        evaluation = await session.scalar(
            select(Evaluation).where(Evaluation.acte_id == uuid.UUID(dsf["id"]), Evaluation.motif == "depot")
        )
    assert evaluation is not None and met.id in evaluation.satisfaites

    # The dossier shows its current decisions with their status.
    shown = (await client.get(f"/v1/dossiers/{dossier_id}", headers=ccapex.headers)).json()
    statuts = {d["code"]: d["statut"] for d in shown["echeances"]}
    assert statuts["dsf_transmission_limite"] == "satisfaite"
    assert statuts["notification_prefet_limite"] in {"satisfaite", "active"}
    # Receipts carry no status (they say what the filing decided, for ever).
    assert all("statut" not in d for d in assignation["echeances"])


async def test_a_cfp_decision_meets_the_implicit_refusal_deadline(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    prefecture = await make_partner(app, client, kind="prefecture")
    menage = household()
    requisition = await _file(client, commissaire, acte("requisition_cfp", menage))
    dossier_id = requisition["dossier_id"]
    assert {d.code: d.statut for d in await _decisions(app, dossier_id)}["refus_implicite_cfp"] == "active"
    await _file(client, prefecture, acte("decision_cfp", dossier_id=dossier_id))
    assert {d.code: d.statut for d in await _decisions(app, dossier_id)}[
        "refus_implicite_cfp"
    ] == "satisfaite"


async def test_a_decision_a_later_act_undoes_is_replaced_not_deleted(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    ccapex = await make_partner(app, client, kind="ccapex")
    menage = household()
    requisition = await _file(client, commissaire, acte("requisition_cfp", menage))  # no CQL before it
    dossier_id = requisition["dossier_id"]
    alert = next(a for a in requisition["alertes"] if a.get("precision") == "requisition_sans_cql")

    cql = acte("commandement_quitter_lieux", menage)  # dated 2025-10-02, before the réquisition
    filed = await _file(client, commissaire, cql)
    assert filed["dossier_id"] == dossier_id

    rows = [d for d in await _decisions(app, dossier_id) if d.cle == alert["cle"]]
    assert [d.statut for d in rows] == ["remplacee"]  # kept, marked
    async with app.state.database.sessionmaker() as session:
        evaluation = await session.scalar(
            select(Evaluation).where(
                Evaluation.acte_id == uuid.UUID(filed["id"]), Evaluation.motif == "depot"
            )
        )
    assert evaluation is not None and evaluation.remplacees == [rows[0].id]
    shown = (await client.get(f"/v1/dossiers/{dossier_id}", headers=ccapex.headers)).json()
    assert alert["cle"] not in {a["cle"] for a in shown["alertes"]}
    # The first receipt still says what its filing decided.
    replay = await client.post("/v1/actes", json=acte_with(requisition), headers=commissaire.headers)
    assert replay.status_code == 200 and alert in replay.json()["alertes"]


def acte_with(receipt: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = receipt["acte"]
    return body


async def test_grants_are_rows_with_a_reason(app: FastAPI, client: httpx.AsyncClient) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    commissaire = await make_partner(app, client)
    bailleur = await make_partner(app, client, kind="bailleur_social")
    menage = household()
    cdp = await _file(client, commissaire, acte("commandement_de_payer", menage))
    await _file(client, bailleur, acte("signalement_impaye", menage))
    late_ccapex = await make_partner(app, client, kind="ccapex")  # joins after the dossier was made
    async with app.state.database.sessionmaker() as session:
        grants = (
            await session.execute(
                select(Acces.partner_id, Acces.motif, Acces.portee).where(
                    Acces.dossier_id == uuid.UUID(cdp["dossier_id"])
                )
            )
        ).all()
    mine = {(g.partner_id, g.motif) for g in grants}
    assert (commissaire.partner_id, "depot") in mine and (bailleur.partner_id, "depot") in mine
    assert (ccapex.partner_id, "territoire") in mine and (late_ccapex.partner_id, "territoire") in mine
    portees = {(g.partner_id, g.motif): g.portee for g in grants}
    # The bailleur joined by household match: its own acts only (docs/protection.md).
    assert portees.pop((bailleur.partner_id, "depot")) == "propres_actes"
    assert set(portees.values()) == {"dossier"}
    read = await client.get(f"/v1/dossiers/{cdp['dossier_id']}", headers=late_ccapex.headers)
    assert read.status_code == 200


async def test_personal_data_is_stored_once(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    """Names, phones, emails and birth dates live in the act's payload and nowhere else: not in
    receipts, decisions, evaluations, events or idempotency records."""
    commissaire = await make_partner(app, client)
    tag = uuid.uuid4().hex[:8].upper()
    menage = household()
    menage["occupants"] = [
        {
            "nom": f"UNIQUE{tag}",
            "prenom": f"Prenom{tag}",
            "date_naissance": "1971-02-03",
            "telephone": "0611223344",
            "email": f"menage{tag.lower()}@example.org",
        },
        {"nom": f"SECOND{tag}", "prenom": "Deux"},
    ]
    key = {"Idempotency-Key": uuid.uuid4().hex}
    cdp = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", menage), headers={**commissaire.headers, **key}
    )
    assert cdp.status_code == 201
    dossier_id = cdp.json()["dossier_id"]
    caf = await make_partner(app, client, kind="organisme_payeur")
    plan = acte("plan_apurement", menage)
    assert (await client.post("/v1/actes", json=plan, headers=caf.headers)).json()["dossier_id"] == dossier_id
    jugement = acte("decision_justice", menage, issue="resiliation_expulsion")
    for field in ("delais_paiement_mois", "mensualite_cents"):
        jugement.pop(field)
    filed = await client.post("/v1/actes", json=jugement, headers=commissaire.headers)
    assert filed.status_code == 201, filed.text
    # A rule that counted the occupants (93-SOLIPEX, 2 to 5 people) keeps the count, not the list.
    solipex = next(d for d in filed.json()["orientations"] if d["code"] == "solipex")
    assert [v for k, v in solipex["faits"].items() if k.endswith("occupants.nombre")] == [2]
    secrets = [f"UNIQUE{tag}", f"Prenom{tag}", "1971-02-03", "0611223344", f"menage{tag.lower()}"]
    async with app.state.database.sessionmaker() as session:
        tables = (
            await session.scalars(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'actes'")
            )
        ).all()
        found = {}
        for table in tables:
            dump = await session.scalar(text(f"SELECT coalesce(json_agg(t)::text, '') FROM \"{table}\" t"))  # noqa: S608
            found[table] = [s for s in secrets if s.lower() in str(dump).lower()]
        acts = await session.scalar(
            text("SELECT json_agg(t)::text FROM actes t WHERE partner_id = :p"), {"p": commissaire.partner_id}
        )
    assert {t: f for t, f in found.items() if f} == {}
    # In ``actes``, only inside the payload.
    for row in json.loads(acts):
        outside = {k: v for k, v in row.items() if k != "payload"}
        assert not any(s.lower() in json.dumps(outside).lower() for s in secrets)
