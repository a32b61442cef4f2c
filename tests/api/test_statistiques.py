"""The indicators: the demo's Paris table given back exactly (JSON and CSV), masking, the SVG charts."""

from __future__ import annotations

import csv
import io
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from app.core.config import Settings
from app.core.migrations import upgrade
from app.main import create_app
from app.services.demo import COHORTE, ETAPES, cohortes, demo_acts, generate, partners_for, table_for
from app.services.statistiques import reconstruire
from tests.factories import PartnerCreds, acte, household, make_partner
from tests.test_cli import _env, _prevex

ECHELLE = "0.005"  # the full table is run by hand (docs/statistiques.md §5): about 900 acts here
_SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def empty_database(database_url: str) -> Iterator[str]:
    """A database of its own, migrated: the indicators count a whole territory."""
    import asyncio

    name = f"prevex_stats_{uuid.uuid4().hex[:8]}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(database_url)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    url = make_url(database_url).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    try:
        yield url
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def app_on(empty_database: str, settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings, database_url=empty_database)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client_on(app_on: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app_on), base_url="http://prevex.test"
    ) as c:
        yield c


def _cells(body: dict[str, Any], table: str = "lignes") -> dict[tuple[int, str, str], dict[str, Any]]:
    return {(r["annee"], r["indicateur"], r["parc"]): r for r in body[table]}


async def _get(client: httpx.AsyncClient, who: PartnerCreds, territoire: str, **kw: str) -> httpx.Response:
    return await client.get(
        "/v1/statistiques/indicateurs", params={"territoire": territoire, **kw}, headers={**who.headers}
    )


async def test_demo_75_gives_the_paris_table_back_exactly_in_json_and_csv(
    empty_database: str, settings: Settings
) -> None:
    # Filed through the real batch intake (the rules run), in a process of its own, as a user runs it.
    env = _env(PREVEX_DATABASE_URL=empty_database)
    first = _prevex("demo", "--territoire", "75", "--echelle", ECHELLE, "--paralleles", "2", env=env)
    expected = table_for("75", float(ECHELLE))
    total = sum(n for row in expected.values() for n in row.values())
    assert "75: " in first.stdout and " 0 already filed, 0 rejected" in first.stdout, first.stdout
    again = _prevex("demo", "--territoire", "75", "--echelle", ECHELLE, env=env)  # one process this time
    assert "75: 0 filed," in again.stdout and "0 rejected" in again.stdout, again.stdout  # idempotent
    rebuilt = _prevex("statistiques", "reconstruire", "--territoire", "75", env=env)
    filed = int(first.stdout.split("75: ")[1].split(" filed")[0])  # the table's acts and the judgments
    assert filed > total and f"75: {filed} acts read" in rebuilt.stdout, rebuilt.stdout

    application = create_app(settings, database_url=empty_database)
    async with (
        application.router.lifespan_context(application),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://t") as client,
    ):
        ccapex = await make_partner(application, client, "ccapex", ("75",))
        response = await _get(client, ccapex, "75", du="2019", au="2024")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["masquage"] is False
        cells = _cells(body)
        got = {
            annee: {t: cells[(annee, ind, "total")]["valeur"] for t, ind in ETAPES}
            for annee in range(2019, 2025)
        }
        assert got == expected
        # The CDP cohorts are the demo's own design followed (services/demo.cohortes): who reached
        # which later stage, the rates and the median delays.
        design = cohortes(generate("75", float(ECHELLE)))
        cohort = _cells(body, "conversions_cohorte")
        for annee in range(2019, 2025):
            want = design[annee]
            assert cohort[(annee, "cohorte_cdp.effectif", "total")]["valeur"] == want["effectif"]
            for etape in COHORTE:
                assert cohort[(annee, f"cohorte_cdp.{etape}", "total")]["valeur"] == want[etape], (
                    annee,
                    etape,
                )
                rate = cohort[(annee, f"taux_conversion_cohorte_cdp.{etape}", "total")]["valeur"]
                assert rate == round(want[etape] / want["effectif"], 4), (annee, etape)
                delay = cohort.get((annee, f"delai_median_jours.cdp_{etape}", "total"))
                assert (delay["valeur"] if delay else None) == want.get(f"delai_median.{etape}"), (
                    annee,
                    etape,
                )
        assert sum(n for row in got.values() for n in row.values()) == total
        # Each total is its parcs' sum; the demo's expulsions are all with the CFP (seed 001's column).
        for (annee, ind, parc), r in cells.items():
            if parc == "total":
                parts = [
                    cells.get((annee, ind, p), {"valeur": 0})["valeur"]
                    for p in ("social", "prive", "inconnu")
                ]
                assert sum(parts) == r["valeur"], (annee, ind)
        assert all(
            cells[(a, "expulsions", "total")]
            == {**cells[(a, "expulsions_avec_cfp", "total")], "indicateur": "expulsions"}
            for a in range(2019, 2025)
        )

        # The judgments the demo filed (in no column of seed 001) are counted as the acts say.
        sirets = {p.role: p.siret for p in partners_for("75")}
        judgments = [a for a in demo_acts("75", sirets, float(ECHELLE)) if a.type == "decision_justice"]
        for indicateur, keep in (
            ("decisions_justice", lambda a: True),
            ("decisions_justice_delais", lambda a: a.body["issue"] == "delais_paiement"),
            ("audiences_locataire_present", lambda a: a.body["contradictoire"]),
        ):
            want = Counter(a.date.year for a in judgments if keep(a) and a.date.year <= 2024)
            assert {a: cells[(a, indicateur, "total")]["valeur"] for a in want} == dict(want), indicateur

        # The CCAPEX's work on the demo's saisines: each examined once, one recommendation each, and
        # (the clock being years past the sessions) each outcome recorded 12 months on.
        saisines = Counter(
            a.date.year for a in demo_acts("75", sirets, float(ECHELLE)) if a.type == "saisine_ccapex"
        )
        assert saisines and f"75: {sum(saisines.values())} dossiers examined" in first.stdout, first.stdout
        assert "75: 0 dossiers examined" in again.stdout  # idempotent too
        wide = _cells((await _get(client, ccapex, "75", du="2019", au="2026")).json())
        assert {a: wide[(a, "saisines_ccapex", "total")]["valeur"] for a in saisines} == dict(saisines)
        for indicateur in ("dossiers_examines", "recommandations", "bilans_12_mois"):
            by_year = [r["valeur"] for (a, i, p), r in wide.items() if i == indicateur and p == "total"]
            assert sum(by_year) == sum(saisines.values()), indicateur
            by_parc = [r["valeur"] for (a, i, p), r in wide.items() if i == indicateur and p != "total"]
            assert sum(by_parc) == sum(by_year), indicateur

        as_csv = await client.get(
            "/v1/statistiques/indicateurs",
            params={"territoire": "75"},
            headers={**ccapex.headers, "Accept": "text/csv"},
        )
        assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(as_csv.text)))
        lignes = [r for r in rows if r["tableau"] == "lignes"]
        assert len(lignes) == len(body["lignes"])
        from_csv = {(int(r["annee"]), r["indicateur"], r["parc"]): int(r["valeur"]) for r in lignes}
        assert {
            annee: {t: from_csv[(annee, ind, "total")] for t, ind in ETAPES} for annee in range(2019, 2025)
        } == expected
        assert {r["tableau"] for r in rows} == {"lignes", "ratios_meme_annee", "conversions_cohorte"}


async def _file(client: httpx.AsyncClient, who: PartnerCreds, body: dict[str, Any]) -> None:
    response = await client.post("/v1/actes", json=body, headers=who.headers)
    assert response.status_code == 201, response.text


async def _small_cell_territory(app: FastAPI, client: httpx.AsyncClient) -> None:
    """In 77, 2025: 12 CDP in the parc social, 3 in the prive (a small cell); saisines: 6 by the landlord,
    2 by the household (a small cell in the origin family)."""
    etude = await make_partner(app, client, "commissaire_justice", ("77",))
    bailleur = await make_partner(app, client, "bailleur_social", ("77",))
    menage_77 = {"code_postal": "77000", "code_commune": "77288"}
    for i, parc in enumerate(["social"] * 12 + ["prive"] * 3):
        m = household()
        m["logement"] = {**m["logement"], **menage_77}  # type: ignore[dict-item]
        bailleur_body = (
            {"categorie": "bailleur_social", "nom": "OPH fictif", "siren": "732829320"}
            if parc == "social"
            else {"categorie": "personne_physique", "nom": "Propriétaire fictif"}
        )
        await _file(
            client,
            etude,
            acte(
                "commandement_de_payer",
                m,
                territoire="77",
                parc=parc,
                bailleur=bailleur_body,
                date_acte=f"2025-03-{i + 1:02d}",
            ),
        )
    for i, origine in enumerate(["bailleur_social"] * 6 + ["menage"] * 2):
        m = household()
        m["logement"] = {**m["logement"], **menage_77}  # type: ignore[dict-item]
        await _file(
            client,
            bailleur,
            acte("saisine_ccapex", m, territoire="77", origine=origine, date_acte=f"2025-02-{i + 1:02d}"),
        )
    async with app.state.database.sessionmaker() as session, session.begin():
        await reconstruire(session, ["77"])


def _no_sum_gives_a_hidden_cell_back(body: dict[str, Any]) -> None:
    cells = _cells(body)
    groups: list[list[tuple[int, str, str]]] = []
    for annee, ind, parc in cells:
        if parc == "total":
            groups.append([(annee, ind, p) for p in ("total", "social", "prive", "inconnu")])
    for annee, ind, parc in cells:
        if ind == "saisines_ccapex":
            for dim in ("origine", "motif", "stade"):
                parts = [
                    k for k in cells if k[0] == annee and k[2] == parc and k[1].startswith(f"{ind}.{dim}.")
                ]
                groups.append([(annee, ind, parc), *parts])
    for g in groups:
        hidden = [k for k in g if k in cells and cells[k]["masque"]]
        assert len(hidden) != 1, (g, hidden)


async def test_a_small_cell_is_masked_for_a_prefecture_and_not_for_the_ccapex(
    app_on: FastAPI, client_on: httpx.AsyncClient
) -> None:
    await _small_cell_territory(app_on, client_on)
    prefecture = await make_partner(app_on, client_on, "prefecture", ("77",))
    departement = await make_partner(app_on, client_on, "departement", ("77",))
    ccapex = await make_partner(app_on, client_on, "ccapex", ("77",))

    seen = (await _get(client_on, prefecture, "77", du="2025", au="2025")).json()
    assert seen["masquage"] is True and seen["seuil"] == 5
    cells = _cells(seen)
    cdp = {p: cells[(2025, "commandements_de_payer", p)] for p in ("total", "social", "prive")}
    assert cdp["prive"] == {**cdp["prive"], "valeur": None, "masque": True}
    # The total is published; the parc social is hidden with it, so total - social cannot give prive back.
    assert (
        cdp["total"]["valeur"] == 15 and cdp["social"]["masque"] is True and cdp["social"]["valeur"] is None
    )
    menage = cells[(2025, "saisines_ccapex.origine.menage", "total")]
    landlord = cells[(2025, "saisines_ccapex.origine.bailleur_social", "total")]
    assert (
        menage["masque"] and landlord["masque"] and cells[(2025, "saisines_ccapex", "total")]["valeur"] == 8
    )
    _no_sum_gives_a_hidden_cell_back(seen)
    # No small count is published anywhere, cohorts included (the CDP cohort of the prive is 3 too).
    for table in ("lignes", "conversions_cohorte"):
        assert not any(
            r["valeur"] is not None and 0 < r["valeur"] < 5
            for r in seen[table]
            if "taux" not in r["indicateur"]
        )
    cohort = _cells(seen, "conversions_cohorte")
    assert cohort[(2025, "cohorte_cdp.effectif", "prive")]["masque"] is True
    assert (await _get(client_on, departement, "77", du="2025", au="2025")).json()["lignes"] == seen["lignes"]
    as_csv = await client_on.get(
        "/v1/statistiques/indicateurs",
        params={"territoire": "77", "du": "2025", "au": "2025"},
        headers={**prefecture.headers, "Accept": "text/csv"},
    )
    row = next(
        r
        for r in csv.DictReader(io.StringIO(as_csv.text))
        if r["indicateur"] == "commandements_de_payer" and r["parc"] == "prive"
    )
    assert row["valeur"] == "" and row["masque"] == "true"

    own = (await _get(client_on, ccapex, "77", du="2025", au="2025")).json()
    assert own["masquage"] is False
    mine = _cells(own)
    assert mine[(2025, "commandements_de_payer", "prive")]["valeur"] == 3
    assert mine[(2025, "commandements_de_payer", "social")]["valeur"] == 12
    assert mine[(2025, "saisines_ccapex.origine.menage", "total")]["valeur"] == 2
    assert not any(r["masque"] for r in own["lignes"])


async def test_who_may_read_the_statistics(app_on: FastAPI, client_on: httpx.AsyncClient) -> None:
    other = await make_partner(app_on, client_on, "prefecture", ("93",))
    etude = await make_partner(app_on, client_on, "commissaire_justice", ("77",))
    ccapex_93 = await make_partner(app_on, client_on, "ccapex", ("93",))
    foreign = await _get(client_on, other, "77")
    assert foreign.status_code == 403 and foreign.headers["content-type"] == "application/problem+json"
    assert (await _get(client_on, etude, "77")).status_code == 403  # no statistiques:lire
    # Another territory's CCAPEX is any reader there: it may not read 77 at all.
    assert (await _get(client_on, ccapex_93, "77")).status_code == 403
    bad = await _get(client_on, other, "93", du="2024", au="2019")
    assert bad.status_code == 422 and bad.json()["errors"][0]["pointer"] == "/du"
    empty = (await _get(client_on, other, "93")).json()
    assert empty["lignes"] == [] and empty["calcule_le"] is None


def _texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 (our own output)
    assert root.tag == f"{_SVG}svg"
    return [t.text.strip() for t in root.iter(f"{_SVG}text") if t.text and t.text.strip()]


async def test_the_svg_charts_render_as_text(app_on: FastAPI, client_on: httpx.AsyncClient) -> None:
    await _small_cell_territory(app_on, client_on)
    ccapex = await make_partner(app_on, client_on, "ccapex", ("77",))
    prefecture = await make_partner(app_on, client_on, "prefecture", ("77",))
    body = (await _get(client_on, prefecture, "77", du="2024", au="2025")).json()
    funnel = await client_on.get(body["graphiques"]["entonnoir"], headers=prefecture.headers)
    assert funnel.status_code == 200 and funnel.headers["content-type"].startswith("image/svg+xml")
    texts = _texts(funnel.content)
    assert "Procédure par étape et par année, territoire 77" in texts
    assert {"2024", "2025", "commandements de payer", "réquisitions CFP", "expulsions"} <= set(texts)
    trend_url = body["graphiques"]["tendances"]["commandements_de_payer"]
    trend = _texts((await client_on.get(trend_url, headers=prefecture.headers)).content)
    assert "commandements de payer, territoire 77" in trend and {"total", "social", "prive"} <= set(trend)
    # The CCAPEX's funnel is drawn from its unmasked rows; the préfecture's hides the small cells.
    own = (await _get(client_on, ccapex, "77", du="2024", au="2025")).json()
    assert "masqué" not in _texts(
        (await client_on.get(own["graphiques"]["entonnoir"], headers=ccapex.headers)).content
    )
    unknown = await client_on.get(
        "/v1/statistiques/graphiques/tendance.svg",
        params={"territoire": "77", "indicateur": "nope"},
        headers=prefecture.headers,
    )
    assert unknown.status_code == 422


async def test_recommendations_by_kind_and_status_are_counted_and_masked(
    app_on: FastAPI, client_on: httpx.AsyncClient
) -> None:
    ccapex = await make_partner(app_on, client_on, "ccapex", ("77",))
    prefecture = await make_partner(app_on, client_on, "prefecture", ("77",))
    etude = await make_partner(app_on, client_on, "commissaire_justice", ("77",))
    m = household()
    m["logement"] = {**m["logement"], "code_postal": "77000", "code_commune": "77288"}  # type: ignore[dict-item]
    filed = await client_on.post(
        "/v1/actes", json=acte("commandement_de_payer", m, territoire="77"), headers=etude.headers
    )
    assert filed.status_code == 201, filed.text
    ids = []
    for nature in ("demande_fsl", "demande_fsl", "recours_dalo"):
        made = await client_on.post(
            f"/v1/dossiers/{filed.json()['dossier_id']}/recommandations",
            json={"destinataire": {"menage": True}, "nature": nature, "texte": "Constituer le dossier."},
            headers=ccapex.headers,
        )
        assert made.status_code == 201, made.text
        ids.append(made.json()["id"])
    followed = await client_on.patch(
        f"/v1/recommandations/{ids[0]}",
        json={"statut": "mise_en_oeuvre", "date": "2026-05-02"},
        headers=ccapex.headers,
    )
    assert followed.status_code == 200, followed.text
    async with app_on.state.database.sessionmaker() as session, session.begin():
        await reconstruire(session, ["77"])
    annee = int(made.json()["date_reference"][:4])
    own = _cells((await _get(client_on, ccapex, "77", du=str(annee), au=str(annee))).json())
    assert {k[1]: r["valeur"] for k, r in own.items() if k[1].startswith("recommandations")} == {
        "recommandations": 3,
        "recommandations.demande_fsl.en_cours": 1,
        "recommandations.demande_fsl.mise_en_oeuvre": 1,
        "recommandations.recours_dalo.en_cours": 1,
    }
    seen = _cells((await _get(client_on, prefecture, "77", du=str(annee), au=str(annee))).json())
    assert all(
        r["masque"] and r["valeur"] is None for k, r in seen.items() if k[1].startswith("recommandations")
    )


async def test_the_periodic_refresh_rebuilds_the_territories_where_something_happened(
    app_on: FastAPI, client_on: httpx.AsyncClient
) -> None:
    """``rafraichir`` (the job ``rafraichir_statistiques``): a territory with partners and no aggregates
    is stale; once rebuilt it is not, until an act is filed there; a territory where nothing happened
    is left alone. The counts then include the new act."""
    from sqlalchemy import text as sql_text

    from app.services.statistiques import perimes, rafraichir

    etude_77 = await make_partner(app_on, client_on, "commissaire_justice", ("77",))
    await make_partner(app_on, client_on, "commissaire_justice", ("93",))
    ccapex = await make_partner(app_on, client_on, "ccapex", ("77",))
    menage = household()
    menage["logement"] = {**menage["logement"], "code_postal": "77000", "code_commune": "77288"}  # type: ignore[dict-item]
    await _file(
        client_on, etude_77, acte("commandement_de_payer", menage, territoire="77", date_acte="2025-04-01")
    )
    async with app_on.state.database.sessionmaker() as session, session.begin():
        assert await perimes(session) == ["77", "93"]
        assert set(await rafraichir(session)) == {"77", "93"}
        # What the margin keeps stale (events dated up to 10 minutes before the rebuild): once past it,
        # nothing is.
        await session.execute(
            sql_text("UPDATE evenements SET created_at = created_at - interval '11 minutes'")
        )
        assert await perimes(session) == []
        assert await rafraichir(session) == {}
    before = _cells((await _get(client_on, ccapex, "77", du="2025", au="2025")).json())
    autre = household()
    autre["logement"] = {**autre["logement"], "code_postal": "77000", "code_commune": "77288"}  # type: ignore[dict-item]
    await _file(
        client_on, etude_77, acte("commandement_de_payer", autre, territoire="77", date_acte="2025-04-02")
    )
    async with app_on.state.database.sessionmaker() as session, session.begin():
        assert await perimes(session) == ["77"]
        assert set(await rafraichir(session)) == {"77"}
    after = _cells((await _get(client_on, ccapex, "77", du="2025", au="2025")).json())
    key = (2025, "commandements_de_payer", "total")
    assert after[key]["valeur"] == before[key]["valeur"] + 1


async def test_statistics_reads_are_audited_and_the_chain_still_verifies(
    app_on: FastAPI, client_on: httpx.AsyncClient, empty_database: str
) -> None:
    """Each read of the statistics is an audit row (``lecture_statistiques``): who, the caller's X-Motif,
    what was read (``objet``), no dossier; a refused territory is a ``refuse`` row. The rows are sealed
    into the hash chain with the dossiers' (``prevex audit verifier``), and the append-only trigger
    refuses to change their ``objet``."""
    await _small_cell_territory(app_on, client_on)
    prefecture = await make_partner(app_on, client_on, "prefecture", ("77",))
    dpo = await make_partner(app_on, client_on, "dpo", ("77",))
    motif = {"X-Motif": "bilan annuel de la charte"}
    assert (await _get(client_on, prefecture, "77", du="2024", au="2025")).status_code == 200
    as_csv = await client_on.get(
        "/v1/statistiques/indicateurs",
        params={"territoire": "77", "du": "2025", "au": "2025"},
        headers={**prefecture.headers, **motif, "Accept": "text/csv"},
    )
    assert as_csv.status_code == 200
    trend = await client_on.get(
        "/v1/statistiques/graphiques/tendance.svg",
        params={"territoire": "77", "indicateur": "commandements_de_payer", "du": "2025", "au": "2025"},
        headers={**prefecture.headers, **motif},
    )
    assert trend.status_code == 200
    refused = await _get(client_on, prefecture, "93", du="2025", au="2025")
    assert refused.status_code == 403

    conn = await asyncpg.connect(empty_database)
    try:
        rows = await conn.fetch(
            "SELECT partner_id, partner_kind, client_id, dossier_id, operation, resultat, motif, finalite, "
            "objet::text AS objet FROM audit_lectures WHERE operation = 'lecture_statistiques' ORDER BY id"
        )
        import json

        assert [
            (
                r["partner_id"],
                r["partner_kind"],
                r["dossier_id"],
                r["resultat"],
                r["motif"],
                json.loads(r["objet"]),
            )
            for r in rows
        ] == [
            (
                prefecture.partner_id,
                "prefecture",
                None,
                "lu",
                None,
                {"territoire": "77", "du": 2024, "au": 2025, "format": "json"},
            ),
            (
                prefecture.partner_id,
                "prefecture",
                None,
                "lu",
                "bilan annuel de la charte",
                {"territoire": "77", "du": 2025, "au": 2025, "format": "csv"},
            ),
            (
                prefecture.partner_id,
                "prefecture",
                None,
                "lu",
                "bilan annuel de la charte",
                {
                    "territoire": "77",
                    "du": 2025,
                    "au": 2025,
                    "format": "svg_tendance",
                    "indicateur": "commandements_de_payer",
                },
            ),
            (
                prefecture.partner_id,
                "prefecture",
                None,
                "refuse",
                None,
                {"territoire": "93", "du": 2025, "au": 2025, "format": "json"},
            ),
        ]
        assert all(r["client_id"] == prefecture.client_id and r["finalite"] for r in rows)
    finally:
        await conn.close()

    # Sealed with the dossiers' rows, and the whole chain verifies.
    env = _env(PREVEX_DATABASE_URL=empty_database)
    checked = _prevex("audit", "verifier", env=env)
    assert "audit chain intact" in checked.stdout and "0 newly sealed" not in checked.stdout, checked.stdout
    conn = await asyncpg.connect(empty_database)
    try:
        sealed = await conn.fetchval(
            "SELECT count(*) FROM audit_lectures WHERE operation = 'lecture_statistiques' AND empreinte IS NOT NULL"
        )
        assert sealed == 4
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute(
                "UPDATE audit_lectures SET objet = '{\"territoire\": \"75\"}' WHERE operation = 'lecture_statistiques'"
            )
        # A row naming neither a dossier nor an object is refused.
        with pytest.raises(asyncpg.CheckViolationError):
            await conn.execute(
                "INSERT INTO audit_lectures (at, partner_id, partner_kind, operation) "
                "VALUES (now(), $1, 'prefecture', 'lecture_statistiques')",
                prefecture.partner_id,
            )
    finally:
        await conn.close()
    # The DPO reads them in the audit, with what was read.
    page = (await client_on.get("/v1/audit", params={"limit": 200}, headers=dpo.headers)).json()
    mine = [i for i in page["items"] if i["operation"] == "lecture_statistiques"]
    assert len(mine) == 4 and all(i["dossier_id"] is None and i["scelle"] for i in mine)
    assert mine[0]["objet"]["format"] == "json" and mine[0]["resultat"] == "refuse"
