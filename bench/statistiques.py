"""Statistics benchmark: ``GET /v1/statistiques/indicateurs`` for one territory over six years with N acts
stored (10 M by default), beside a bare ``SELECT count(*) … GROUP BY`` over the same territory's rows, in
the same run, alternated; and the time of the aggregates' rebuild from the acts.

    uv run python bench/statistiques.py --database-url postgresql://user@host/throwaway_db
    uv run python bench/statistiques.py --database-url … --actes 1000000      # a smaller run
    uv run python bench/statistiques.py --database-url … --skip-fill          # read side again

The acts are generated set-based in PostgreSQL (``INSERT … SELECT generate_series``, in transactions of
1 M rows: the point is the read side), with their dossiers: four acts per dossier on average, spread
over 96 départements and 2019-2024, ten act types (CDP, assignation, CQL, réquisition, CFP decisions
octroi/refus, expulsion, impayé, saisine, jugement), parc social/privé/absent. The 75 thus holds about
1/96 of them (104 000 of 10 M: more than Paris's 178 000 real acts over six years would be at
national scale, fewer than the demo's).

Then, alternating ``--rounds`` times:
- **API**: the endpoint through the app (ASGI, in process: no socket), for a préfecture of the 75 (masking
  applied), du=2019, au=2024: what a reader waits for, JSON encoding included.
- **bare SELECT**: ``SELECT type, year, count(*) FROM actes WHERE territoire = '75' AND date_acte in
  2019-2024 GROUP BY 1, 2`` with asyncpg: what counting the acts at read time would cost.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.hotpath import partner_token  # noqa: E402
from bench.intake import luhn_siret  # noqa: E402

TERRITOIRES = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"]
TYPES = [
    ("commandement_de_payer", "{}"),
    ("commandement_de_payer", "{}"),
    ("signalement_impaye", "{}"),
    ("assignation", "{}"),
    ("assignation", "{}"),
    ("decision_justice", '{"issue": "delais_paiement", "contradictoire": true}'),
    ("commandement_quitter_lieux", "{}"),
    ("requisition_cfp", "{}"),
    ("decision_cfp", '{"decision": "octroi"}'),
    ("expulsion", '{"avec_cfp": true}'),
]
CHUNK = 1_000_000

_FILL = """
INSERT INTO actes (id, dossier_id, partner_id, partner_kind, type, reference, territoire, date_acte, recu_le,
                   payload, payload_sha256, nouveau_dossier)
SELECT gen_random_uuid(), d.id, $1, 'commissaire_justice', t.type, 'B-' || i, d.territoire,
       DATE '2019-01-01' + ((i * 7919) % 2192)::int, now(),
       jsonb_build_object('type', t.type, 'reference', 'B-' || i, 'territoire', d.territoire)
         || COALESCE(jsonb_build_object('parc', d.parc), '{}') || t.extra,
       md5(i::text) || md5(i::text), i % 4 = 0
FROM generate_series($2::bigint, $3::bigint) AS i
JOIN LATERAL (SELECT id, territoire, parc FROM bench_dossiers WHERE n = i / 4) d ON true
JOIN bench_types t ON t.k = (i * 31 + i / 4) % 10
"""


async def fill(url: str, total: int) -> None:
    conn = await asyncpg.connect(url)
    try:
        partner = await conn.fetchval(
            "INSERT INTO partners (id, kind, nom, siret, territoires, statut) VALUES (gen_random_uuid(), "
            "'commissaire_justice', 'Étude du banc', $1, '{75}', 'actif') RETURNING id",
            luhn_siret(),
        )
        dossiers = total // 4 + 1
        started = time.perf_counter()
        await conn.execute(
            "CREATE UNLOGGED TABLE bench_dossiers (n bigint PRIMARY KEY, id uuid, territoire text, parc text)"
        )
        await conn.execute(
            "INSERT INTO bench_dossiers SELECT n, gen_random_uuid(), ($2::text[])[1 + n % $3], "
            "(ARRAY['social', 'prive', NULL])[1 + n % 3] FROM generate_series(0, $1::bigint) AS n",
            dossiers,
            TERRITOIRES,
            len(TERRITOIRES),
        )
        await conn.execute(
            "INSERT INTO dossiers (id, territoire, parc, stade) "
            "SELECT id, territoire, parc, 'contentieux' FROM bench_dossiers"
        )
        await conn.execute("CREATE UNLOGGED TABLE bench_types (k int PRIMARY KEY, type text, extra jsonb)")
        await conn.executemany(
            "INSERT INTO bench_types VALUES ($1, $2, $3::jsonb)",
            [(k, t, e) for k, (t, e) in enumerate(TYPES)],
        )
        print(f"{dossiers} dossiers in {time.perf_counter() - started:.1f} s", flush=True)
        for start in range(0, total, CHUNK):
            end = min(total, start + CHUNK) - 1
            t0 = time.perf_counter()
            await conn.execute(_FILL, partner, start, end)
            print(f"acts {end + 1:>10} (+{end - start + 1} in {time.perf_counter() - t0:.1f} s)", flush=True)
        await conn.execute("DROP TABLE bench_dossiers, bench_types")
        t0 = time.perf_counter()
        await conn.execute("VACUUM ANALYZE actes")
        print(
            f"vacuum analyze {time.perf_counter() - t0:.1f} s; total fill {time.perf_counter() - started:.1f} s"
        )
    finally:
        await conn.close()


_BARE = """SELECT type, extract(year FROM date_acte)::int AS annee, count(*) FROM actes
WHERE territoire = '75' AND date_acte >= DATE '2019-01-01' AND date_acte < DATE '2025-01-01' GROUP BY 1, 2"""


async def run(url: str, rounds: int) -> None:
    from app.core.config import Settings
    from app.main import create_app
    from app.services.statistiques import reconstruire

    conn = await asyncpg.connect(url)
    acts = await conn.fetchval("SELECT count(*) FROM actes")
    in_75 = await conn.fetchval("SELECT count(*) FROM actes WHERE territoire = '75'")
    print(f"{acts} acts stored, {in_75} in the 75")
    app = create_app(Settings(environment="test", log_level="WARNING"), database_url=url)
    async with app.router.lifespan_context(app):
        t0 = time.perf_counter()
        async with app.state.database.sessionmaker() as session, session.begin():
            await reconstruire(session, ["75"])
        print(f"rebuild of the 75's aggregates from the acts: {time.perf_counter() - t0:.2f} s")
        rows = await conn.fetchval("SELECT count(*) FROM statistiques WHERE territoire = '75'")
        print(f"{rows} aggregate rows for the 75")
        token = await partner_token(app, "Préfecture du banc", "prefecture", ("75",))
        headers = {"Authorization": f"Bearer {token}"}
        api: list[float] = []
        bare: list[float] = []
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench"
        ) as client:
            params = {"territoire": "75", "du": "2019", "au": "2024"}
            for _ in range(3):  # warm-up: connections, caches
                warm = await client.get("/v1/statistiques/indicateurs", params=params, headers=headers)
                assert warm.status_code == 200, warm.text
                await conn.fetch(_BARE)
            size = 0
            for _ in range(rounds):
                t0 = time.perf_counter()
                response = await client.get("/v1/statistiques/indicateurs", params=params, headers=headers)
                api.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200
                size = len(response.content)
                t0 = time.perf_counter()
                await conn.fetch(_BARE)
                bare.append((time.perf_counter() - t0) * 1000)
        plan = await conn.fetch(
            "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM statistiques WHERE territoire = '75' "
            "AND annee BETWEEN 2019 AND 2024 ORDER BY annee, indicateur, parc"
        )
        bare_plan = await conn.fetch("EXPLAIN (ANALYZE, BUFFERS) " + _BARE)
    await conn.close()

    def show(label: str, xs: list[float]) -> None:
        xs = sorted(xs)
        p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
        print(
            f"{label:<34} median {statistics.median(xs):8.1f} ms   p95 {p95:8.1f} ms   max {xs[-1]:8.1f} ms"
        )

    print(f"\n{rounds} rounds, alternated; the API's answer is {size} bytes")
    show("GET /v1/statistiques/indicateurs", api)
    show("bare SELECT count(*) GROUP BY", bare)
    print("\nplan of the endpoint's read:")
    print("\n".join(r[0] for r in plan))
    print("\nplan of the bare SELECT:")
    print("\n".join(r[0] for r in bare_plan))


def main(argv: list[str] | None = None) -> int:
    # The token is minted for an hour (bench/hotpath.partner_token): the app's check (get_settings) must
    # accept that long, as it does tokens of PREVEX_TOKEN_TTL_SECONDS.
    import os

    os.environ.setdefault("PREVEX_TOKEN_TTL_SECONDS", "3600")
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True, help="a throwaway database (it is filled)")
    parser.add_argument("--actes", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--skip-fill", action="store_true", help="the database is already filled")
    args = parser.parse_args(argv)
    from app.core.migrations import upgrade

    upgrade(args.database_url)
    if not args.skip_fill:
        asyncio.run(fill(args.database_url, args.actes))
    asyncio.run(run(args.database_url, args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
