"""The deadline watch, run by two real `prevex worker` processes with the clock moved forward
(``PREVEX_TODAY``), restarted, and run again concurrently in this process: one event per deadline."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from datetime import date
from typing import Any

import httpx
from fastapi import FastAPI

from app.services.echeances import lead_end, watch, working_days_between
from tests.exchange import settled, until, workers
from tests.factories import PartnerCreds, acte, household, make_partner

# The example assignation (hearing 2025-07-08) and réquisition (2026-04-07) make these deadlines:
DSF = ("dsf_transmission_limite", "2025-07-01")
NOTIFICATION = ("notification_prefet_limite", "2025-05-26")  # filed late: never met
REFUS = ("refus_implicite_cfp", "2026-06-07")
BEFORE_DSF = "2025-06-27"  # a Friday, 2 working days before the DSF's last day
AFTER_ALL = "2026-06-08"

_WATCH_TYPES = ("echeance.proche", "echeance.depassee", "cfp.refus_implicite")


async def _watch_events(
    client: httpx.AsyncClient, who: PartnerCreds, dossier_id: str
) -> list[dict[str, Any]]:
    await settled(client._transport.app.state.database)  # type: ignore[attr-defined]
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"types": ",".join(_WATCH_TYPES), "limit": 1000, **({"apres": cursor} if cursor else {})}
        page = (await client.get("/v1/evenements", params=params, headers=who.headers)).json()
        if not page["items"]:
            return [i for i in found if i["dossier_id"] == dossier_id]
        found += page["items"]
        cursor = page["next_cursor"]


def _fired(events: list[dict[str, Any]]) -> Counter[tuple[str, str]]:
    return Counter((e["type"], e["data"]["code"]) for e in events)


async def test_the_watch_fires_once_per_deadline_with_two_workers_and_a_moved_clock(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    commissaire = await make_partner(app, client)
    departement = await make_partner(app, client, kind="departement")
    menage = household()
    for acte_type in ("assignation", "requisition_cfp"):
        filed = await client.post("/v1/actes", json=acte(acte_type, menage), headers=commissaire.headers)
        assert filed.status_code == 201, filed.text
    dossier_id = filed.json()["dossier_id"]

    async def run(today: str, expected: Counter[tuple[str, str]]) -> None:
        """Two workers with the clock at ``today`` until the expected events are there, then a few
        more runs of the watch (every second) that must add nothing."""
        with workers(database_url, PREVEX_TODAY=today, PREVEX_ECHEANCES_CRON="* * * * * */1") as pool:
            pool.start(2)

            async def fired() -> bool:
                return _fired(await _watch_events(client, departement, dossier_id)) == expected

            await until(fired, 90, f"the deadline events at {today}")
            await asyncio.sleep(4)  # four more periods, on two workers
        assert _fired(await _watch_events(client, departement, dossier_id)) == expected

    near = Counter({("echeance.proche", DSF[0]): 1, ("echeance.depassee", NOTIFICATION[0]): 1})
    await run(BEFORE_DSF, near)
    await run(BEFORE_DSF, near)  # restarted, same day: nothing new
    passed = near + Counter({("echeance.depassee", DSF[0]): 1, ("cfp.refus_implicite", REFUS[0]): 1})
    await run(AFTER_ALL, passed)
    # Two more runs at once, in this process: still one event per deadline.
    await asyncio.gather(*(watch(app.state.database, today=date.fromisoformat(AFTER_ALL)) for _ in range(2)))
    events = await _watch_events(client, departement, dossier_id)
    assert _fired(events) == passed

    by_code = {(e["type"], e["data"]["code"]): e["data"] for e in events}
    proche = by_code[("echeance.proche", DSF[0])]
    assert (proche["date"], proche["jours_ouvres_restants"], proche["au_plus_tot"]) == (DSF[1], 2, False)
    assert by_code[("cfp.refus_implicite", REFUS[0])]["statut"] == "depassee"
    dossier = (await client.get(f"/v1/dossiers/{dossier_id}", headers=departement.headers)).json()
    statuts = {d["code"]: d["statut"] for d in dossier["echeances"]}
    assert statuts[DSF[0]] == statuts[NOTIFICATION[0]] == statuts[REFUS[0]] == "depassee"
    # The commissaire sees the decisions about its own acts: it was told too.
    assert _fired(await _watch_events(client, commissaire, dossier_id)) == passed
    assert uuid.UUID(proche["decision_id"])


def test_working_days_skip_weekends_and_holidays() -> None:
    assert working_days_between(date(2025, 6, 27), date(2025, 7, 1)) == 2  # Fri -> Tue
    assert lead_end(date(2025, 6, 27), 5) == date(2025, 7, 4)
    assert lead_end(date(2025, 7, 11), 1) == date(2025, 7, 15)  # 14 July is a holiday
