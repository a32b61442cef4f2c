"""The CCAPEX's follow-up over time, as a periodic job (``PREVEX_SUIVI_CRON``, hourly by default):
``services/recommandations.py:follow_up`` sends each 6-month reminder and each 12-month review once,
however many workers run it."""

from __future__ import annotations

import logging

from procrastinate import JobContext

from app.core.config import get_settings
from app.jobs import queue
from app.jobs.runtime import runtime
from app.services.recommandations import follow_up

logger = logging.getLogger("prevex.suivi")


@queue.periodic(cron=get_settings().suivi_cron)
@queue.task(
    name="suivre_recommandations",
    queue="periodiques",
    queueing_lock="suivre_recommandations",
    pass_context=True,
)
async def suivre_recommandations(context: JobContext, timestamp: int) -> None:
    done = await follow_up(runtime(context).database)
    if done.rappels or done.revues:
        logger.info("ccapex follow-up", extra={"rappels": done.rappels, "revues": done.revues})
