"""The CCAPEX's figures end to end through the API: saisines by origin, motif and stage, DSF before the
hearing, judgments with délais, hearings with the tenant present, dossiers examined, recommendations by
kind and follow-up status, outcomes 12 months after examination; each split by the parc stated at its
own date (not the dossier's parc of today), masked for a préfecture with no sum giving a cell back."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from fastapi import FastAPI

from app.services.statistiques import reconstruire
from tests.api.test_statistiques import _cells, _get, app_on, client_on, empty_database
from tests.factories import PartnerCreds, acte, household, make_partner

__all__ = ["app_on", "client_on", "empty_database"]  # the fixtures, shared with test_statistiques

SEANCE = "2025-06-10"
PARCS = ("total", "social", "prive", "inconnu")


async def _file(client: httpx.AsyncClient, who: PartnerCreds, body: dict[str, Any]) -> str:
    response = await client.post("/v1/actes", json=body, headers=who.headers)
    assert response.status_code == 201, response.text
    return str(response.json()["dossier_id"])


async def _ccapex_year(app: FastAPI, client: httpx.AsyncClient) -> dict[str, PartnerCreds]:
    """Three dossiers in the 93 examined by one 2025 session:

    - A: private landlord (prive) from its CDP; assignation, a DSF sent before the hearing, a judgment
      granting délais with the tenant present; a saisine by the département; a recommendation carried
      out; outcome « maintien ». In 2026 a social landlord bought the flat: its 2026 saisine is social,
      its 2025 figures stay prive.
    - B: social landlord; its saisine before any CDP, a DSF with no assignation, a judgment of
      resiliation the tenant did not attend; a recommendation not followed; outcome « relogement ».
    - C: no parc ever stated (inconnu); the household's own saisine, no motif given beyond « autre », no
      stage; examined, no recommendation, no outcome."""
    who = {
        "etude": await make_partner(app, client, "commissaire_justice"),
        "bailleur": await make_partner(app, client, "bailleur_social"),
        "departement": await make_partner(app, client, "departement"),
        "ccapex": await make_partner(app, client, "ccapex"),
        "prefecture": await make_partner(app, client, "prefecture"),
    }
    prive = {"categorie": "personne_physique", "nom": "Propriétaire fictif"}
    social = {"categorie": "bailleur_social", "nom": "OPH fictif", "siren": "732829320"}
    a, b, c = household(), household(), household()

    da = await _file(
        client,
        who["etude"],
        acte("commandement_de_payer", a, parc="prive", bailleur=prive, date_acte="2025-01-10"),
    )
    await _file(
        client,
        who["etude"],
        acte(
            "assignation", a, parc="prive", bailleur=prive, date_acte="2025-03-01", date_audience="2025-05-15"
        ),
    )
    await _file(
        client,
        who["departement"],
        acte(
            "diagnostic_social_financier",
            a,
            parc="prive",
            date_acte="2025-04-20",
            date_demande="2025-03-20",
            date_entretien="2025-04-10",
            date_transmission="2025-04-25",
        ),
    )
    await _file(
        client,
        who["etude"],
        acte(
            "decision_justice",
            a,
            parc="prive",
            date_acte="2025-05-15",
            issue="delais_paiement",
            contradictoire=True,
            delais_paiement_mois=24,
            mensualite_cents=15000,
        ),
    )
    await _file(
        client,
        who["departement"],
        acte(
            "saisine_ccapex",
            a,
            parc="prive",
            bailleur=prive,
            date_acte="2025-02-01",
            origine="departement",
            motif="impaye",
            stade="commandement_de_payer",
        ),
    )
    db = await _file(
        client,
        who["bailleur"],
        acte(
            "saisine_ccapex",
            b,
            parc="social",
            bailleur=social,
            date_acte="2025-03-01",
            origine="bailleur_social",
            motif="impaye",
            stade="avant_commandement",
        ),
    )
    dsf_b = acte(
        "diagnostic_social_financier",
        b,
        parc="social",
        date_acte="2025-05-01",
        date_demande="2025-04-01",
        date_entretien="2025-04-15",
        date_transmission="2025-05-01",
    )
    await _file(client, who["departement"], dsf_b)
    jugement_b = acte(
        "decision_justice",
        b,
        parc="social",
        bailleur=social,
        date_acte="2025-07-01",
        issue="resiliation_expulsion",
        contradictoire=False,
        delais_grace_mois=2,
    )
    for key in ("delais_paiement_mois", "mensualite_cents"):
        jugement_b.pop(key, None)
    await _file(client, who["bailleur"], jugement_b)
    saisine_c = acte("saisine_ccapex", c, date_acte="2025-04-01", origine="menage", motif="autre")
    for key in ("parc", "bailleur", "stade"):
        saisine_c.pop(key, None)
    dc = await _file(client, who["ccapex"], saisine_c)
    # 2026: A's landlord is now a social one (a saisine by it, parc social).
    await _file(
        client,
        who["bailleur"],
        acte(
            "saisine_ccapex",
            a,
            parc="social",
            bailleur=social,
            date_acte="2026-01-15",
            origine="bailleur_social",
            motif="impaye",
            stade="decision_justice",
        ),
    )
    assert len({da, db, dc}) == 3

    created = await client.post(
        "/v1/seances",
        json={
            "territoire": "93",
            "date": SEANCE,
            "formation": "pleniere",
            "membres": [str(who["departement"].partner_id)],
        },
        headers=who["ccapex"].headers,
    )
    assert created.status_code == 201, created.text
    seance = created.json()["id"]
    for dossier in (da, db, dc):
        added = await client.post(
            f"/v1/seances/{seance}/ordre-du-jour", json={"dossier_id": dossier}, headers=who["ccapex"].headers
        )
        assert added.status_code == 200, added.text
        examined = await client.put(
            f"/v1/seances/{seance}/ordre-du-jour/{dossier}",
            json={"issue": "examine", "avis": "Examiné."},
            headers=who["ccapex"].headers,
        )
        assert examined.status_code == 200, examined.text
    for dossier, nature, statut in (
        (da, "plan_apurement", "mise_en_oeuvre"),
        (db, "demande_fsl", "non_suivie"),
    ):
        made = await client.post(
            f"/v1/dossiers/{dossier}/recommandations",
            json={
                "destinataire": {"menage": True},
                "nature": nature,
                "texte": "À faire.",
                "seance_id": seance,
            },
            headers=who["ccapex"].headers,
        )
        assert made.status_code == 201, made.text
        assert made.json()["date_reference"] == SEANCE
        followed = await client.patch(
            f"/v1/recommandations/{made.json()['id']}",
            json={"statut": statut, "date": "2025-09-01"},
            headers=who["ccapex"].headers,
        )
        assert followed.status_code == 200, followed.text
    for dossier, issue in ((da, "maintien"), (db, "relogement")):
        outcome = {"issue": issue, "surendettement": False, "fsl": issue == "maintien", "pcs": False}
        recorded = await client.put(
            f"/v1/dossiers/{dossier}/bilan", json=outcome, headers=who["ccapex"].headers
        )
        assert recorded.status_code == 200, recorded.text
    async with app.state.database.sessionmaker() as session, session.begin():
        await reconstruire(session, ["93"])
    return who


def _values(cells: dict[tuple[int, str, str], dict[str, Any]], annee: int, indicateur: str) -> dict[str, int]:
    """The indicator's non-zero cells of the year, by parc."""
    return {
        p: cells[(annee, indicateur, p)]["valeur"]
        for p in PARCS
        if (annee, indicateur, p) in cells and cells[(annee, indicateur, p)]["valeur"]
    }


async def test_the_ccapex_figures_by_parc_through_the_api(
    app_on: FastAPI, client_on: httpx.AsyncClient
) -> None:
    who = await _ccapex_year(app_on, client_on)
    response = await _get(client_on, who["ccapex"], "93", du="2025", au="2026")
    assert response.status_code == 200, response.text
    own = response.json()
    assert own["masquage"] is False
    cells = _cells(own)
    expected_2025 = {
        "saisines_ccapex": {"total": 3, "prive": 1, "social": 1, "inconnu": 1},
        "saisines_ccapex.origine.departement": {"total": 1, "prive": 1},
        "saisines_ccapex.origine.bailleur_social": {"total": 1, "social": 1},
        "saisines_ccapex.origine.menage": {"total": 1, "inconnu": 1},
        "saisines_ccapex.motif.impaye": {"total": 2, "prive": 1, "social": 1},
        "saisines_ccapex.motif.autre": {"total": 1, "inconnu": 1},
        "saisines_ccapex.stade.commandement_de_payer": {"total": 1, "prive": 1},
        "saisines_ccapex.stade.avant_commandement": {"total": 1, "social": 1},
        "saisines_ccapex.stade.inconnu": {"total": 1, "inconnu": 1},
        "dossiers_examines": {"total": 3, "prive": 1, "social": 1, "inconnu": 1},
        "recommandations": {"total": 2, "prive": 1, "social": 1},
        "recommandations.plan_apurement.mise_en_oeuvre": {"total": 1, "prive": 1},
        "recommandations.demande_fsl.non_suivie": {"total": 1, "social": 1},
        "bilans_12_mois": {"total": 2, "prive": 1, "social": 1},
        "bilans_12_mois.maintien": {"total": 1, "prive": 1},
        "bilans_12_mois.relogement": {"total": 1, "social": 1},
        "diagnostics_sociaux_financiers": {"total": 2, "prive": 1, "social": 1},
        "dsf_avant_audience": {"total": 1, "prive": 1},
        "decisions_justice": {"total": 2, "prive": 1, "social": 1},
        "decisions_justice_delais": {"total": 1, "prive": 1},
        "audiences_presence_connue": {"total": 2, "prive": 1, "social": 1},
        "audiences_locataire_present": {"total": 1, "prive": 1},
    }
    assert {i: _values(cells, 2025, i) for i in expected_2025} == expected_2025
    # The parc at the act's date: A's 2026 saisine is social, its 2025 figures above stayed prive.
    assert _values(cells, 2026, "saisines_ccapex") == {"total": 1, "social": 1}
    assert _values(cells, 2026, "saisines_ccapex.stade.decision_justice") == {"total": 1, "social": 1}

    # The same rows as CSV.
    as_csv = await client_on.get(
        "/v1/statistiques/indicateurs",
        params={"territoire": "93", "du": "2025", "au": "2025"},
        headers={**who["ccapex"].headers, "Accept": "text/csv"},
    )
    rows = [r for r in csv.DictReader(io.StringIO(as_csv.text)) if r["tableau"] == "lignes"]
    assert {
        (r["indicateur"], r["parc"]): r["valeur"] for r in rows if r["indicateur"] == "dossiers_examines"
    } == {("dossiers_examines", p): str(n) for p, n in expected_2025["dossiers_examines"].items()}

    # A préfecture sees none of these small cells, and no published sum gives one back.
    seen = (await _get(client_on, who["prefecture"], "93", du="2025", au="2026")).json()
    assert seen["masquage"] is True
    masked = _cells(seen)
    for indicateur, by_parc in expected_2025.items():
        for parc in by_parc:
            assert masked[(2025, indicateur, parc)] == {
                "annee": 2025,
                "indicateur": indicateur,
                "parc": parc,
                "valeur": None,
                "masque": True,
            }, (indicateur, parc)
    assert not any(r["valeur"] for r in seen["lignes"])  # every count here is 0 < n < 5, or 0
    for (annee, indicateur, parc), r in masked.items():
        groups = []
        if parc == "total":
            groups.append([(annee, indicateur, p) for p in PARCS])
        for dimension in ("origine", "motif", "stade", "nature_statut", "issue"):
            prefix = {"nature_statut": f"{indicateur}."}.get(dimension, f"{indicateur}.{dimension}.")
            if indicateur == "bilans_12_mois" and dimension == "issue":
                prefix = f"{indicateur}."
            parts = [k for k in masked if k[0] == annee and k[2] == parc and k[1].startswith(prefix)]
            if parts and indicateur in ("saisines_ccapex", "recommandations", "bilans_12_mois"):
                groups.append([(annee, indicateur, parc), *parts])
        for g in groups:
            hidden = [k for k in g if k in masked and masked[k]["masque"]]
            assert len(hidden) != 1, (g, hidden, r)
