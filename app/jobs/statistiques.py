"""The indicators' aggregates kept fresh, as a periodic job (``PREVEX_STATISTIQUES_CRON``, hourly by
default): ``services/statistiques.py:rafraichir`` rebuilds the territories where something happened since
their last rebuild, in one transaction each run (readers see the old figures until it commits)."""

from __future__ import annotations

import logging

from procrastinate import JobContext

from app.core.config import get_settings
from app.jobs import queue
from app.jobs.runtime import runtime
from app.services.statistiques import rafraichir

logger = logging.getLogger("prevex.statistiques")


@queue.periodic(cron=get_settings().statistiques_cron)
@queue.task(
    name="rafraichir_statistiques",
    queue="periodiques",
    queueing_lock="rafraichir_statistiques",
    pass_context=True,
)
async def rafraichir_statistiques(context: JobContext, timestamp: int) -> None:
    async with runtime(context).database.sessionmaker() as session, session.begin():
        lus = await rafraichir(session)
    if lus:
        logger.info("statistics rebuilt", extra={"territoires": sorted(lus), "actes": sum(lus.values())})
