"""The deadline watch, as a periodic job (``PREVEX_ECHEANCES_CRON``, every minute by default): the queue
defers it once per period whatever the number of workers, and ``services/echeances.py`` makes each
deadline's event once even when two runs overlap or a worker restarts."""

from __future__ import annotations

import logging

from procrastinate import JobContext

from app.core.config import get_settings
from app.jobs import queue
from app.jobs.runtime import runtime
from app.services.echeances import watch

logger = logging.getLogger("prevex.echeances")


@queue.periodic(cron=get_settings().echeances_cron)
@queue.task(
    name="surveiller_echeances", queue="periodiques", queueing_lock="surveiller_echeances", pass_context=True
)
async def surveiller_echeances(context: JobContext, timestamp: int) -> None:
    bilan = await watch(runtime(context).database)
    if bilan.proches or bilan.depassees:
        logger.info("deadline watch", extra={"proches": bilan.proches, "depassees": bilan.depassees})
