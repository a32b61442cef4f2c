"""Webhook deliveries: the ``livrer`` job, one per delivery, queued by the event writer in the event's
own transaction (``services/evenements.py``: ``DELIVERY_JOB``), run by ``services/livraisons.py``.

Its ``lock`` is ``livraison:<subscription>:<dossier>``: the queue runs one job per lock at a time, in
queue order, and a job waiting for its retry stays ahead of the later ones; so a subscription receives a
dossier's events in order, every attempt after the previous one ended, while other dossiers go on.
"""

from __future__ import annotations

import uuid

from procrastinate import BaseRetryStrategy, JobContext, RetryDecision
from procrastinate.jobs import Job

from app.jobs import queue
from app.jobs.runtime import runtime
from app.services.livraisons import NouvelEssai, deliver

_UNEXPECTED_RETRIES = 50


class Relance(BaseRetryStrategy):
    """When to run a delivery again: when the delivery said (backoff, ``Retry-After``); after an
    unexpected error (the database away...), in 10 s, at most 50 times."""

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        if isinstance(exception, NouvelEssai):
            return RetryDecision(retry_at=exception.retry_at)
        if job.attempts >= _UNEXPECTED_RETRIES:
            return None
        return RetryDecision(retry_in={"seconds": 10})


@queue.task(name="livrer", queue="livraisons", retry=Relance(), pass_context=True)
async def livrer(context: JobContext, livraison_id: str) -> None:
    found = runtime(context)
    await deliver(found.database, found.client, uuid.UUID(livraison_id), found.name)
