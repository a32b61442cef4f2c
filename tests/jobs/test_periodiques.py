"""Periodic jobs run by a real `prevex worker` with the clock moved forward (``PREVEX_TODAY``) and their
schedule shortened: the retention job anonymises a dossier closed for the delay and leaves an open one
alone; the statistics' refresh rebuilds the territory where an act was filed."""

from __future__ import annotations

import uuid

import asyncpg
import httpx
from fastapi import FastAPI

from tests.exchange import until, workers
from tests.factories import acte, household, make_partner

EVERY_SECOND = "* * * * * */1"


async def test_the_worker_anonymises_a_dossier_closed_for_the_delay(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    commissaire = await make_partner(app, client)
    ccapex = await make_partner(app, client, kind="ccapex")
    closed_household, open_household = household(), household()
    closed = (
        await client.post(
            "/v1/actes", json=acte("commandement_de_payer", closed_household), headers=commissaire.headers
        )
    ).json()
    cloture = acte("cloture", dossier_id=closed["dossier_id"], date_acte="2026-01-15")
    assert (await client.post("/v1/actes", json=cloture, headers=ccapex.headers)).status_code == 201
    still_open = (
        await client.post(
            "/v1/actes", json=acte("commandement_de_payer", open_household), headers=commissaire.headers
        )
    ).json()
    name_closed = closed_household["occupants"][0]["nom"]  # type: ignore[index]
    name_open = open_household["occupants"][0]["nom"]  # type: ignore[index]

    conn = await asyncpg.connect(database_url)
    try:

        async def anonymised() -> bool:
            return (
                await conn.fetchval(
                    "SELECT anonymise_le FROM dossiers WHERE id = $1", uuid.UUID(closed["dossier_id"])
                )
                is not None
            )

        with workers(
            database_url,
            PREVEX_TODAY="2028-01-20",
            PREVEX_ANONYMISATION_DELAI_JOURS="730",
            PREVEX_ANONYMISATION_CRON=EVERY_SECOND,
        ) as pool:
            pool.start()
            await until(anonymised, 120, "the worker's anonymisation of the closed dossier")
        payloads = {
            str(r["dossier_id"]): r["payload"]
            for r in await conn.fetch(
                "SELECT dossier_id, payload::text AS payload FROM actes WHERE dossier_id = ANY($1::uuid[])",
                [uuid.UUID(closed["dossier_id"]), uuid.UUID(still_open["dossier_id"])],
            )
            if r["payload"]
        }
        assert name_closed not in payloads[closed["dossier_id"]]
        assert name_open in payloads[still_open["dossier_id"]]  # open: untouched
        assert (
            await conn.fetchval(
                "SELECT anonymise_le FROM dossiers WHERE id = $1", uuid.UUID(still_open["dossier_id"])
            )
            is None
        )
    finally:
        await conn.close()


async def test_the_worker_refreshes_the_statistics_where_an_act_was_filed(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    commissaire = await make_partner(app, client)
    receipt = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
    )
    assert receipt.status_code == 201
    conn = await asyncpg.connect(database_url)
    try:
        filed_at = await conn.fetchval(
            "SELECT recu_le FROM actes WHERE id = $1", uuid.UUID(receipt.json()["id"])
        )

        async def rebuilt() -> bool:
            at = await conn.fetchval("SELECT calcule_le FROM statistiques_calculs WHERE territoire = '93'")
            return at is not None and at > filed_at

        with workers(database_url, PREVEX_STATISTIQUES_CRON=EVERY_SECOND) as pool:
            pool.start()
            await until(rebuilt, 120, "the worker's rebuild of the 93's statistics")
        counted = await conn.fetchval("SELECT actes FROM statistiques_calculs WHERE territoire = '93'")
        total = await conn.fetchval("SELECT count(*) FROM actes WHERE territoire = '93'")
        assert counted >= 1 and counted <= total
    finally:
        await conn.close()
