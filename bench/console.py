"""The console's pages on the demo data: each page's time (median and 95th percentile over ``--rounds``)
beside bare baselines in the same run, and a screenshot of each screen.

    uv run python bench/console.py --database-url postgresql://postgres@127.0.0.1:5432/throwaway
    uv run python bench/console.py --database-url … --part 0.02 --rounds 30 --captures docs/console
    uv run python bench/console.py --database-url … --skip-fill                # the data already there

1. Fills the database with ``prevex demo --territoire T --echelle PART`` (the migrations first; the demo
   is idempotent), then gives the demo's CCAPEX a session with the first listed dossier on its agenda,
   examined, and a recommendation to the household (the dossier page's every section has content).
2. Serves the app with uvicorn on a loopback port (one process, as ``./run serve``), the signed-in user
   being the demo CCAPEX's secretariat (``console_user`` overridden: the session cookie's look-up is
   not in the figures).
3. Alternates, ``--rounds`` times, a GET of each page and of two baselines over HTTP (one keep-alive
   connection, one request at a time): ``/healthz`` (the app's stack, no database) and ``/readyz`` (one
   query). The figure of a page is its time to the last byte.
4. With ``--captures DIR``: a full-page PNG of each screen in Debian's Chromium (Playwright), 1280 px wide.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=fr-FR",
]


def fill(url: str, territoire: str, part: float, paralleles: int = 1) -> None:
    from app.core.migrations import upgrade

    upgrade(url)
    env = {**os.environ, "PREVEX_DATABASE_URL": url}
    cmd = [
        "prevex",
        "demo",
        "--territoire",
        territoire,
        "--echelle",
        str(part),
        "--paralleles",
        str(paralleles),
    ]
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)


async def prepare(url: str, territoire: str) -> tuple[Any, str, str]:
    """The demo CCAPEX's user, a listed dossier and a session with it on the agenda (made once)."""
    from app.console.auth import ConsoleUser
    from app.core.db import Database
    from app.core.scopes import scopes_for_kind
    from app.core.security import Principal
    from app.services import ccapex, recommandations, seances
    from app.services.demo import partners_for
    from app.services.partners import ensure_partner

    database = Database(url, pool_size=1, max_overflow=0)
    try:
        wanted = next(p for p in partners_for(territoire) if p.role == "ccapex")
        async with database.sessionmaker() as session, session.begin():
            found = await ensure_partner(
                session, kind=wanted.kind, nom=wanted.nom, siret=wanted.siret, territoires=[territoire]
            )
            principal = Principal(
                found.id, found.kind, (territoire,), scopes_for_kind(found.kind), "console-bench"
            )
            user = ConsoleUser(uuid.uuid4(), found.id, "secretariat@ccapex.demo", "secretariat", principal)
            page = await ccapex.a_traiter(
                session,
                principal,
                territoire=None,
                motif=None,
                stade=None,
                limit=1,
                cursor=None,
                request_id=None,
            )
            dossier_id = page["items"][0]["dossier_id"]
            mine = [s for s in await seances.lister(session, principal) if s["secretariat"]]
            if mine:
                seance_id = mine[0]["id"]
            else:
                made = await seances.create(
                    session,
                    principal,
                    territoire=territoire,
                    date=dt.date(2026, 12, 15),
                    formation="pleniere",
                    membres=[],
                )
                seance_id = made["id"]
                await seances.add_to_agenda(session, principal, uuid.UUID(seance_id), uuid.UUID(dossier_id))
                await seances.record_outcome(
                    session,
                    principal,
                    uuid.UUID(seance_id),
                    uuid.UUID(dossier_id),
                    "examine",
                    "Avis favorable au maintien, sous réserve d'un plan d'apurement.",
                )
                await recommandations.emettre(
                    session,
                    principal,
                    uuid.UUID(dossier_id),
                    partenaire_id=None,
                    nature="demande_fsl",
                    texte="Déposer une demande d'aide au FSL (maintien).",
                    echeance=None,
                    seance_id=uuid.UUID(seance_id),
                )
            seance = await seances.read(session, principal, uuid.UUID(seance_id))
            dossier_id = seance["ordre_du_jour"][0]["dossier_id"]
        return user, dossier_id, seance_id
    finally:
        await database.dispose()


def serve(url: str, user: Any) -> tuple[Any, int]:
    """The app on a loopback port, in a thread, the signed-in user given."""
    import uvicorn

    from app.console import auth
    from app.console.pages import commun
    from app.core.config import get_settings
    from app.main import create_app

    # The settings of the environment, as ``prevex demo`` had them (its household keys' secret).
    # The access log at WARNING: one JSON line per request is not what is measured.
    app = create_app(get_settings().model_copy(update={"log_level": "WARNING"}), database_url=url)

    async def current() -> Any:
        return user

    app.dependency_overrides[auth.console_user] = current
    commun.csrf_token = lambda request: "bench"  # type: ignore[assignment]  # no form is posted
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    return server, port


def measure(base: str, pages: dict[str, str], rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in pages}
    with httpx.Client(base_url=base, timeout=30) as client:
        for name, path in pages.items():  # warm-up: first templates, first queries, first SVG
            r = client.get(path)
            if r.status_code != 200:
                raise RuntimeError(f"{name} {path}: {r.status_code} {r.text[:300]}")
        for _ in range(rounds):
            for name, path in pages.items():
                start = time.perf_counter()
                r = client.get(path)
                _ = r.content
                times[name].append((time.perf_counter() - start) * 1000)
                assert r.status_code == 200, (name, r.status_code)
    return times


async def service_times(url: str, user: Any, dossier_id: str, rounds: int) -> dict[str, list[float]]:
    """What the pages call, without HTTP or templates: the list's and the dossier's services alone (each
    in its own transaction, rolled back: the audit rows they write are not kept)."""
    from app.core.db import Database
    from app.services import ccapex, courriers, reading, recommandations

    database = Database(url, pool_size=1, max_overflow=0)
    p, ident = user.principal, uuid.UUID(dossier_id)

    async def liste(session: Any) -> None:
        await ccapex.a_traiter(
            session, p, territoire=None, motif=None, stade=None, limit=20, cursor=None, request_id=None
        )

    async def dossier(session: Any) -> None:
        await reading.read_dossier(session, p, ident, None)
        await reading.read_chronologie(session, p, ident, None)
        await recommandations.du_dossier(session, p, ident, None)
        await courriers.lister(session, p, ident, None)

    times: dict[str, list[float]] = {"service a_traiter (20)": [], "services du dossier": []}
    try:
        for _ in range(rounds + 1):
            for name, work in (("service a_traiter (20)", liste), ("services du dossier", dossier)):
                async with database.sessionmaker() as session:
                    start = time.perf_counter()
                    await work(session)
                    times[name].append((time.perf_counter() - start) * 1000)
                    await session.rollback()
    finally:
        await database.dispose()
    return {k: v[1:] for k, v in times.items()}  # the first round warms up


def capture(base: str, screens: dict[str, str], folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        for name, path in screens.items():
            page.goto(base + path, wait_until="networkidle")
            page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
            print(f"  {folder / (name + '.png')}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True, help="a throwaway database (filled with the demo)")
    parser.add_argument("--territoire", default="93")
    parser.add_argument("--part", type=float, default=0.02, help="the demo's scale (prevex demo --echelle)")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--captures", type=Path, help="write one PNG per screen in this folder")
    parser.add_argument("--skip-fill", action="store_true")
    parser.add_argument("--paralleles", type=int, default=1, help="the demo's filing processes (prevex demo)")
    args = parser.parse_args()

    from app.core.migrations import upgrade

    upgrade(args.database_url)  # the schema at the code's head, even on a database filled before
    if not args.skip_fill:
        fill(args.database_url, args.territoire, args.part, args.paralleles)
    user, dossier_id, seance_id = asyncio.run(prepare(args.database_url, args.territoire))
    server, port = serve(args.database_url, user)
    base = f"http://127.0.0.1:{port}"
    screens = {
        "a-traiter": "/console",
        "dossier": f"/console/dossiers/{dossier_id}",
        "seances": "/console/seances",
        "seance": f"/console/seances/{seance_id}",
        "indicateurs": f"/console/indicateurs?territoire={args.territoire}&du=2019&au=2024",
    }
    pages = {
        "baseline /healthz": "/healthz",
        "baseline /readyz": "/readyz",
        **{f"page {k}": v for k, v in screens.items()},
        "page a-traiter filtrée": f"/console?territoire={args.territoire}&stade=contentieux",
        "graphique entonnoir.svg": f"/console/indicateurs/entonnoir.svg?territoire={args.territoire}&du=2019&au=2024",
    }
    try:
        times = measure(base, pages, args.rounds)
        times.update(asyncio.run(service_times(args.database_url, user, dossier_id, args.rounds)))
        filled = "filled before (--skip-fill)" if args.skip_fill else f"at {args.part}"
        print(f"\n{args.rounds} rounds, demo {args.territoire} {filled}, one request at a time (ms):")
        print(f"{'':32} {'median':>8} {'p95':>8} {'max':>8}")
        for name, values in times.items():
            values.sort()
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            print(f"{name:32} {statistics.median(values):8.1f} {p95:8.1f} {values[-1]:8.1f}")
        if args.captures:
            print("captures:")
            capture(base, screens, args.captures)
    finally:
        server.should_exit = True
        time.sleep(0.5)


if __name__ == "__main__":
    main()
