"""``dossiers.ccapex_depuis`` (migration 5b1e9c3d7a20) is what ``services/ccapex.a_traiter`` pages on: it
must always equal the oldest open orientation to the CCAPEX, recomputed from ``decisions``, whatever
wrote them; and the trigger's list of routing codes must be ``services/ccapex.ROUTAGE``."""

from __future__ import annotations

import importlib.util
import uuid
from pathlib import Path

import asyncpg
import httpx
from fastapi import FastAPI

from app.services.ccapex import ROUTAGE
from tests.factories import acte, household, make_partner

MIGRATION = Path(__file__).parents[2] / "migrations/versions/2026-12-02-1500_ccapex_depuis.py"

# The definition, from the decisions (services/ccapex.a_traiter before the column).
_RECOMPUTED = """
SELECT d.id, d.ccapex_depuis AS kept, o.depuis AS recomputed
FROM dossiers d
LEFT JOIN (SELECT dossier_id, min(statut_le) AS depuis FROM decisions
           WHERE kind = 'orientation' AND destinataire = 'ccapex' AND statut = 'active'
             AND code <> ALL($1::text[])
           GROUP BY dossier_id) o ON o.dossier_id = d.id
WHERE d.ccapex_depuis IS DISTINCT FROM o.depuis
"""


def test_the_triggers_routing_codes_are_routage() -> None:
    spec = importlib.util.spec_from_file_location("ccapex_depuis", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    listed = module._OUVERTE.split("code NOT IN (")[1].split(")")[0]
    assert {c.strip().strip("'") for c in listed.split(",")} == ROUTAGE


async def _drift(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    return list(await conn.fetch(_RECOMPUTED, sorted(ROUTAGE)))


async def test_the_kept_date_follows_every_write_of_the_decisions(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    commissaire = await make_partner(app, client)
    people = household()
    body = acte("commandement_de_payer", people, date_acte="2025-03-10")
    body["bailleur"] = {"categorie": "sci_familiale", "nom": "SCI Fictive"}
    body["dette"] = {"montant_cents": 300000, "mois_impayes_consecutifs": 3}
    filed = await client.post("/v1/actes", json=body, headers=commissaire.headers)
    assert filed.status_code == 201, filed.text
    dossier_id = uuid.UUID(filed.json()["dossier_id"])
    # A later act re-evaluates the dossier (decisions replaced, satisfied, added).
    later = await client.post(
        "/v1/actes", json=acte("assignation", people, date_acte="2025-06-02"), headers=commissaire.headers
    )
    assert later.status_code == 201, later.text

    conn = await asyncpg.connect(database_url)
    try:
        # Over the whole database: every dossier the suite has filed so far, not only this one.
        assert await _drift(conn) == []
        kept = await conn.fetchval("SELECT ccapex_depuis FROM dossiers WHERE id = $1", dossier_id)
        assert kept is not None
        listed = await client.get(
            "/v1/ccapex/a-traiter", params={"territoire": "93", "limit": 200}, headers=ccapex.headers
        )
        assert listed.status_code == 200, listed.text
        dates = [(i["depuis"], i["dossier_id"]) for i in listed.json()["items"]]
        assert dates == sorted(dates)

        async with conn.transaction():
            orientations = await conn.fetch(
                "SELECT id, statut_le FROM decisions WHERE dossier_id = $1 AND kind = 'orientation'"
                " AND destinataire = 'ccapex' AND statut = 'active' AND code <> ALL($2::text[])"
                " ORDER BY statut_le",
                dossier_id,
                sorted(ROUTAGE),
            )
            assert orientations
            # An older one reopened: the date moves back; all closed: nothing awaits the CCAPEX.
            await conn.execute(
                "UPDATE decisions SET statut_le = statut_le - interval '30 days' WHERE id = $1",
                orientations[-1]["id"],
            )
            assert await _drift(conn) == []
            await conn.execute(
                "UPDATE decisions SET statut = 'satisfaite' WHERE id = ANY($1::uuid[])",
                [o["id"] for o in orientations],
            )
            assert await conn.fetchval("SELECT ccapex_depuis FROM dossiers WHERE id = $1", dossier_id) is None
            assert await _drift(conn) == []
            # A routing proposal is not a motif of the list.
            await conn.execute(
                "UPDATE decisions SET statut = 'active', code = 'ccapex_locale' WHERE id = ANY($1::uuid[])",
                [o["id"] for o in orientations],
            )
            assert await conn.fetchval("SELECT ccapex_depuis FROM dossiers WHERE id = $1", dossier_id) is None
            raise _Rollback
    except _Rollback:
        pass
    finally:
        await conn.close()


class _Rollback(Exception):
    pass
