"""Housekeeping: run again the jobs of workers that died, purge events and audit rows past retention,
anonymise closed dossiers and expire idempotency records (``services/retention.py``), drop finished
jobs."""

from __future__ import annotations

import logging
from datetime import timedelta

from procrastinate import JobContext

from app.core import clock
from app.core.config import get_settings
from app.jobs import queue
from app.jobs.runtime import runtime
from app.services import audit, retention, utilisateurs
from app.services.evenements import purge

logger = logging.getLogger("prevex.maintenance")


@queue.periodic(cron="* * * * * */5")
@queue.task(name="relancer_bloques", queue="periodiques", queueing_lock="relancer_bloques", pass_context=True)
async def relancer_bloques(context: JobContext, timestamp: int) -> None:
    """The jobs of a worker silent for ``PREVEX_WORKER_STALLED_SECONDS`` (killed, machine lost) go back
    to the queue: a delivery then marks its interrupted attempt and makes the next one."""
    manager = context.app.job_manager
    stalled = await manager.get_stalled_jobs(seconds_since_heartbeat=get_settings().worker_stalled_seconds)
    for job in stalled:
        await manager.retry_job(job)
        logger.warning("stalled job queued again", extra={"job": job.id, "task": job.task_name})


@queue.periodic(cron="17 * * * *")
@queue.task(
    name="purger_evenements", queue="periodiques", queueing_lock="purger_evenements", pass_context=True
)
async def purger_evenements(context: JobContext, timestamp: int) -> None:
    """Events older than ``PREVEX_EVENT_RETENTION_DAYS``, by batches (their deliveries with them)."""
    database = runtime(context).database
    before = clock.now() - timedelta(days=get_settings().event_retention_days)
    total = 0
    while True:
        async with database.transaction() as conn:
            deleted = await purge(conn, before)
        total += deleted
        if deleted == 0:
            break
    if total:
        logger.info("events purged", extra={"count": total})


@queue.periodic(cron="41 3 * * *")
@queue.task(name="nettoyer_jobs", queue="periodiques", queueing_lock="nettoyer_jobs", pass_context=True)
async def nettoyer_jobs(context: JobContext, timestamp: int) -> None:
    """Finished jobs older than a week (the deliveries' own history is in ``livraisons``)."""
    await context.app.job_manager.delete_old_jobs(
        nb_hours=24 * 7, include_failed=True, include_cancelled=True
    )


@queue.periodic(cron="* * * * *")
@queue.task(name="sceller_audit", queue="periodiques", queueing_lock="sceller_audit", pass_context=True)
async def sceller_audit(context: JobContext, timestamp: int) -> None:
    """Chain the audit rows whose order is final (``services/audit.py``), by batches."""
    database = runtime(context).database
    while True:
        async with database.transaction() as conn:
            if await audit.seal(conn) == 0:
                break


@queue.periodic(cron="29 4 * * *")
@queue.task(name="purger_audit", queue="periodiques", queueing_lock="purger_audit", pass_context=True)
async def purger_audit(context: JobContext, timestamp: int) -> None:
    """Audit rows older than ``PREVEX_AUDIT_RETENTION_DAYS``, a prefix of the chain at a time."""
    database = runtime(context).database
    before = clock.now() - timedelta(days=get_settings().audit_retention_days)
    total = 0
    while True:
        async with database.transaction() as conn:
            deleted = await audit.purge(conn, before)
        total += deleted
        if deleted == 0:
            break
    if total:
        logger.info("audit rows purged", extra={"count": total})


@queue.periodic(cron=get_settings().anonymisation_cron)
@queue.task(
    name="anonymiser_dossiers", queue="periodiques", queueing_lock="anonymiser_dossiers", pass_context=True
)
async def anonymiser_dossiers(context: JobContext, timestamp: int) -> None:
    """Dossiers closed for ``PREVEX_ANONYMISATION_DELAI_JOURS`` (``services/retention.py``), one
    transaction each."""
    bilan = await retention.run(runtime(context).database, get_settings().anonymisation_delai_jours)
    if bilan.dossiers:
        logger.info("dossiers anonymised", extra={"count": len(bilan.dossiers), "actes": bilan.actes})


@queue.periodic(cron="11 * * * *")
@queue.task(
    name="expirer_idempotence", queue="periodiques", queueing_lock="expirer_idempotence", pass_context=True
)
async def expirer_idempotence(context: JobContext, timestamp: int) -> None:
    """Idempotency records older than ``PREVEX_IDEMPOTENCY_RETENTION_HOURS``, by batches."""
    database = runtime(context).database
    before = clock.now() - timedelta(hours=get_settings().idempotency_retention_hours)
    total = 0
    while True:
        async with database.transaction() as conn:
            deleted = await retention.expire_idempotency(conn, before)
        total += deleted
        if deleted == 0:
            break
    if total:
        logger.info("idempotency records expired", extra={"count": total})


@queue.periodic(cron="*/10 * * * *")
@queue.task(
    name="purger_sessions_console",
    queue="periodiques",
    queueing_lock="purger_sessions_console",
    pass_context=True,
)
async def purger_sessions_console(context: JobContext, timestamp: int) -> None:
    """The web console's sessions past their timeouts, and OIDC sign-ins never finished
    (``docs/console-comptes.md``)."""
    settings = get_settings()
    async with runtime(context).database.transaction() as conn:
        await utilisateurs.purge_sessions(
            conn, idle_minutes=settings.console_idle_minutes, absolute_hours=settings.console_absolute_hours
        )
