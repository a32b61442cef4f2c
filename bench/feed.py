"""Feed benchmark: events per second one partner reads through ``GET /v1/evenements`` with 1 M events
stored, against a bare ``SELECT`` of the same rows, in the same run, alternated.

    uv run python bench/feed.py                     # 1 M events, the partner reads 200 000 of them
    uv run python bench/feed.py --events 200000 --read 50000 --rounds 3
    uv run python bench/feed.py --database-url postgresql://user@host/throwaway_db

The events are generated with set-based SQL (not through the API), as the event writer stores them:
one ``evenements`` row per event, in transactions of ``--batch`` dossiers (so the log has many
transaction ids), every event addressed to the reading partner (a CCAPEX, holder of a grant on every
dossier) and to a second partner; one event in five is an ``acte.depose`` whose act (a ~1 kB
``commandement_de_payer`` payload) the CCAPEX may read, so the feed embeds it. Then, alternating:

- **API**: one client reads the partner's feed from the start, ``limit=1000`` per page, each page's
  ``next_cursor`` into the next request, through a real ``prevex serve`` (uvicorn, one worker), until
  ``--read`` events; the client parses each page (it needs the cursor).
- **bare SELECT**: the same rows (``evenement_destinataires`` joined to ``evenements``, in commit order,
  keyset-paged by 1000 on ``(xid, seq)``) read with asyncpg from this process, no HTTP, no grants, no view.
- **page query** (for information): the feed's own SQL (``services/evenements.py``: grants and acts
  joined), with asyncpg, no HTTP.

Limits: one reader, one connection, sequential pages (a latency-bound figure, not the server's
capacity); client, server and PostgreSQL share the machine's CPUs; the API figure includes JSON encoding
and decoding of the acts' content, and the audit rows written for pages that show an act's content.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import intake  # noqa: E402
from bench.intake import BenchError, Resources, log  # noqa: E402

_PAYLOAD = json.dumps(
    {
        "type": "commandement_de_payer",
        "reference": "BENCH-CDP",
        "territoire": "93",
        "date_acte": "2026-03-02",
        "logement": {
            "adresse": "12 rue des Exemples, bâtiment B",
            "code_postal": "93100",
            "code_commune": "93048",
        },
        "bail": {
            "date_signature": "2024-01-15",
            "loyer_mensuel_hc_cents": 85000,
            "charges_mensuelles_cents": 9000,
        },
        "bailleur": {"categorie": "personne_physique", "nom": "M. Exemple"},
        "occupants": [
            {
                "nom": "EXEMPLE",
                "prenom": "Camille",
                "date_naissance": "1985-04-12",
                "telephone": "0639981234",
            },
            {"nom": "EXEMPLE", "prenom": "Dominique", "date_naissance": "1983-11-02"},
        ],
        "dette": {"montant_cents": 282000, "mois_impayes_consecutifs": 3},
        "commissaire": {"nom": "Étude Fictive, commissaires de justice", "siret": "55512345400012"},
    },
    ensure_ascii=False,
)

# One batch of dossiers, their grants, acts and events, as one transaction. $1 first dossier number,
# $2 dossiers in the batch, $3 events per dossier, $4 reader, $5 the other recipient, $6 filer.
_BATCH = """
WITH d AS (
  INSERT INTO dossiers (id, territoire, parc, stade, created_at, updated_at)
  SELECT gen_random_uuid(), '93', 'prive', 'contentieux', now(), now() FROM generate_series(1, $2)
  RETURNING id
), g AS (
  INSERT INTO acces (dossier_id, partner_id, motif, portee, depuis)
  SELECT id, $4, 'territoire', 'dossier', now() FROM d
), dn AS (
  SELECT id AS dossier_id, row_number() OVER () AS n FROM d
), a AS (
  INSERT INTO actes (id, dossier_id, partner_id, partner_kind, type, reference, territoire, date_acte, recu_le,
                     payload, payload_sha256, nouveau_dossier)
  SELECT gen_random_uuid(), dn.dossier_id, $6, 'commissaire_justice', 'commandement_de_payer',
         'BENCH-' || ($1 + dn.n) || '-' || k, '93', DATE '2026-03-02', now(),
         CAST($7 AS jsonb), repeat('0', 64), k = 0
  FROM dn CROSS JOIN generate_series(0, ($3 / 5) - 1) AS k
  RETURNING id, dossier_id
), an AS (
  SELECT id AS acte_id, dossier_id, row_number() OVER (PARTITION BY dossier_id ORDER BY id) - 1 AS k FROM a
), ev AS (
  INSERT INTO evenements (type, dossier_id, acte_id, territoire, data, created_at)
  SELECT CASE WHEN i % 5 = 0 THEN 'acte.depose' ELSE 'decision.emise' END, dn.dossier_id,
         CASE WHEN i % 5 = 0 THEN an.acte_id END, '93',
         CASE WHEN i % 5 = 0
           THEN jsonb_build_object('dossier_id', dn.dossier_id, 'acte_id', an.acte_id,
                                   'type', 'commandement_de_payer', 'partner_kind', 'commissaire_justice')
           ELSE jsonb_build_object('dossier_id', dn.dossier_id, 'decision_id', gen_random_uuid(),
                                   'acte_id', gen_random_uuid(), 'acte_reference', 'BENCH', 'statut', 'active',
                                   'kind', 'echeance', 'code', 'cdp_effet', 'regle', 'N-CDP-DELAY-2023',
                                   'source', 'Loi 89-462 art. 24 I', 'cle', 'echeance|cdp_effet|x',
                                   'date', '2026-04-13')
         END,
         now()
  FROM dn CROSS JOIN generate_series(0, $3 - 1) AS i
  LEFT JOIN an ON an.dossier_id = dn.dossier_id AND an.k = i / 5
  ORDER BY dn.n, i
  RETURNING seq, xid
)
INSERT INTO evenement_destinataires (partner_id, xid, seq)
SELECT p, ev.xid, ev.seq FROM ev CROSS JOIN unnest(ARRAY[$4, $5]::uuid[]) AS p
"""

_BARE = """
SELECT e.id, e.seq, e.xid::text::bigint AS xid, e.type, e.dossier_id, e.acte_id, e.territoire, e.data,
       e.created_at
FROM evenement_destinataires d JOIN evenements e ON e.seq = d.seq
WHERE d.partner_id = $1 AND (d.xid, d.seq) > (CAST($2 AS text)::xid8, $3)
ORDER BY d.xid, d.seq LIMIT $4
"""


@dataclass
class Figure:
    events: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0


async def _generate(url: str, events: int, per: int, batch: int, reader: str, other: str, filer: str) -> None:
    import asyncpg

    dossiers = events // per
    conn = await asyncpg.connect(intake.asyncpg_dsn(url))
    try:
        started, done = time.monotonic(), 0
        while done < dossiers:
            n = min(batch, dossiers - done)
            await conn.execute(
                _BATCH, done, n, per, uuid.UUID(reader), uuid.UUID(other), uuid.UUID(filer), _PAYLOAD
            )
            done += n
            if done % (batch * 10) == 0 or done == dossiers:
                log(
                    f"  generated {done * per:,} events ({done:,} dossiers) in {time.monotonic() - started:.0f} s"
                )
        log("  VACUUM ANALYZE")
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


def _read_api(server_url: str, token: str, count: int, limit: int) -> Figure:
    read, cursor = 0, None
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=server_url, timeout=120, headers=headers) as client:
        started = time.perf_counter()
        while read < count:
            params: dict[str, Any] = {"limit": min(limit, count - read)}
            if cursor:
                params["apres"] = cursor
            response = client.get("/v1/evenements", params=params)
            if response.status_code != 200:
                raise BenchError(f"GET /v1/evenements answered {response.status_code}: {response.text[:300]}")
            page = json.loads(response.content)
            if not page["items"]:
                break
            read += len(page["items"])
            cursor = page["next_cursor"]
        return Figure(read, time.perf_counter() - started)


async def _read_sql(url: str, sql: str, reader: str, count: int, limit: int) -> Figure:
    import asyncpg

    conn = await asyncpg.connect(intake.asyncpg_dsn(url))
    try:
        xid, seq, read = 0, 0, 0
        partner = uuid.UUID(reader)
        started = time.perf_counter()
        while read < count:
            rows = await conn.fetch(sql, partner, str(xid), seq, min(limit, count - read))
            if not rows:
                break
            read += len(rows)
            xid, seq = int(rows[-1]["xid"]), int(rows[-1]["seq"])
        return Figure(read, time.perf_counter() - started)
    finally:
        await conn.close()


def _page_sql() -> str:
    from app.services.evenements import _PAGE

    return _PAGE


def bench(args: argparse.Namespace, res: Resources) -> int:
    choice = intake.choose_database(args, res)
    env = {
        **os.environ,
        "PREVEX_DATABASE_URL": choice.url,
        "PREVEX_LOG_LEVEL": "WARNING",
        "PREVEX_ENVIRONMENT": "development",
    }
    log("starting Prevex (`prevex serve`, migrates the database first)")
    server = intake.start_server(res, "prevex", [*intake.prevex_command(), "serve"], env)
    intake.wait_ready(server, "/readyz")
    reader = intake.partner_via_cli(env, "ccapex", "Banc ccapex")
    other = intake.partner_via_cli(env, "prefecture", "Banc prefecture")
    filer = intake.partner_via_cli(env, "commissaire_justice", "Banc commissaire_justice")
    log(f"generating {args.events:,} events ({args.per} per dossier, {args.batch} dossiers per transaction)")
    asyncio.run(
        _generate(
            choice.url,
            args.events,
            args.per,
            args.batch,
            reader["partner_id"],
            other["partner_id"],
            filer["partner_id"],
        )
    )
    token = httpx.post(
        f"{server.url}/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": reader["client_id"],
            "client_secret": reader["client_secret"],
        },
        timeout=30,
    ).json()["access_token"]
    stored = intake.pg(choice.url, fetch="SELECT count(*) FROM evenements")
    log("warm-up: 20 000 events each way")
    _read_api(server.url, token, 20_000, args.limit)
    asyncio.run(_read_sql(choice.url, _BARE, reader["partner_id"], 20_000, args.limit))
    api: list[Figure] = []
    bare: list[Figure] = []
    page: list[Figure] = []
    for r in range(args.rounds):
        log(f"round {r + 1}/{args.rounds}: API, bare SELECT, page query ({args.read:,} events each)")
        api.append(_read_api(server.url, token, args.read, args.limit))
        bare.append(asyncio.run(_read_sql(choice.url, _BARE, reader["partner_id"], args.read, args.limit)))
        page.append(
            asyncio.run(_read_sql(choice.url, _page_sql(), reader["partner_id"], args.read, args.limit))
        )

    def pooled(figures: list[Figure]) -> float:
        return sum(f.events for f in figures) / sum(f.seconds for f in figures)

    version = intake.pg(choice.url, fetch="SHOW server_version")
    print("Prevex feed benchmark: one partner reads its feed, GET /v1/evenements vs a bare SELECT")
    print(
        f"  {stored:,} events stored ({args.per} per dossier, 1 in 5 an acte.depose embedding a ~1 kB act),"
    )
    print(f"  every one addressed to the reader (a CCAPEX) and to one other partner; PostgreSQL {version}")
    print(
        f"  {args.read:,} events read per round, pages of {args.limit}, {args.rounds} alternated round(s), "
        f"{os.cpu_count()} CPU(s)"
    )
    print()
    print(f"  {'':34}{'API':>12}{'bare SELECT':>14}{'page query':>14}")
    for r in range(args.rounds):
        print(
            f"  {'events/s, round ' + str(r + 1):34}{api[r].rate:>12,.0f}{bare[r].rate:>14,.0f}{page[r].rate:>14,.0f}"
        )
    print(f"  {'events/s, pooled':34}{pooled(api):>12,.0f}{pooled(bare):>14,.0f}{pooled(page):>14,.0f}")
    ratio = pooled(api) / pooled(bare)
    verdict = "meets" if ratio >= 0.5 else "BELOW"
    print()
    print(f"  ratio API / bare SELECT: {ratio:.2f} (goal >= 0.5: {verdict} the goal)")
    print(
        f"  per-round ratios: {', '.join(f'{a.rate / b.rate:.2f}' for a, b in zip(api, bare, strict=True))}"
    )
    print("  note: one sequential reader (latency-bound); client, server and PostgreSQL share the CPUs.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="events to store (default 1 000 000)")
    parser.add_argument("--per", type=int, default=20, help="events per dossier (a multiple of 5)")
    parser.add_argument("--batch", type=int, default=500, help="dossiers per generating transaction")
    parser.add_argument("--read", type=int, default=200_000, help="events the partner reads per round")
    parser.add_argument("--limit", type=int, default=1000, help="page size (the API's maximum)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--database-url", default=None, help="a throwaway database (else a fresh one)")
    parser.add_argument("--embedded", action="store_true", help="use an embedded PostgreSQL")
    args = parser.parse_args(argv)
    res = Resources(Path(tempfile.mkdtemp(prefix="prevex-feed-bench-")))

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        return bench(args, res)
    except BenchError as exc:
        log(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        res.cleanup()


if __name__ == "__main__":
    raise SystemExit(main())
