"""Background work, run by ``prevex worker`` on a PostgreSQL-backed job queue (Procrastinate).

One module per job family: ``livraisons`` (webhook deliveries), ``echeances`` (the deadline watch),
``suivi`` (the CCAPEX's follow-up: 6-month reminders, 12-month reviews),
``maintenance`` (stalled jobs, retention). :data:`queue` is the Procrastinate app every module registers
its tasks on; the worker opens it on a psycopg pool of its own (``jobs/worker.py``), while the jobs'
own SQL runs on the app's asyncpg pool (``core/db.py``), as the API's does.

Why Procrastinate (and not pgqueuer): its per-key ``lock`` runs one job per key at a time, in the order
the jobs were queued, and keeps a job waiting for its retry ahead of the later ones with the same key;
that is exactly "in order per subscription and dossier" with retries in between, which pgqueuer (no
per-key lock) would have left to us. Its periodic tasks are deferred once per period whatever the
number of workers (a unique row per period), its workers heartbeat, and the jobs of a worker that
stopped heartbeating are found and run again (``maintenance.relancer_bloques``). It has been developed
since 2019 and is marked Production/Stable. The cost: it talks to PostgreSQL through psycopg 3 (no
asyncpg connector), so the worker holds a small second pool; the API never does (the event writer
inserts the delivery jobs with its own SQL, see ``services/evenements.py``).
"""

from __future__ import annotations

import procrastinate

queue = procrastinate.App(
    connector=procrastinate.PsycopgConnector(),
    import_paths=[
        "app.jobs.livraisons",
        "app.jobs.echeances",
        "app.jobs.maintenance",
        "app.jobs.suivi",
        "app.jobs.statistiques",
    ],
)
