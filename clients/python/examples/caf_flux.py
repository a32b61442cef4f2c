"""A CAF pulls its Prevex feed with a saved cursor: the unpaid-rent signals (`signalement_impaye`) that
bailleurs file, the commandements de payer and the APL decisions of its territory.

Run it every few minutes (cron, systemd timer). It reads from the cursor saved by the previous run,
handles each page, then saves the page's `next_cursor`: at least once, nothing missed.

    PREVEX_URL=https://prevex.example PREVEX_CLIENT_ID=pvx_… PREVEX_CLIENT_SECRET=… \
        python clients/python/examples/caf_flux.py
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prevex_client import AuthenticatedClient, Client
from prevex_client.api.authentification import obtenir_jeton as token
from prevex_client.api.evenements import lire_flux as flux
from prevex_client.models import PageEvenements, TokenRequest, TokenResponse

TYPES = "acte.depose,decision.emise"


async def access_token(base_url: str, client_id: str, secret: str, **httpx_args: Any) -> str:
    """OAuth2 client credentials: a short-lived bearer token."""
    answer = await token.asyncio(
        client=Client(base_url=base_url, httpx_args=httpx_args),
        body=TokenRequest(grant_type="client_credentials", client_id=client_id, client_secret=secret),
    )
    if not isinstance(answer, TokenResponse):
        raise SystemExit(f"token refused: {answer}")
    return answer.access_token


async def pull(
    client: AuthenticatedClient,
    cursor: str | None,
    handle: Callable[[dict[str, Any]], None],
    save: Callable[[str], object],
) -> str | None:
    """Read the feed from ``cursor`` to its end, page by page, saving the cursor after each page is
    handled; the cursor to start from next time."""
    while True:
        page = await flux.asyncio(client=client, apres=cursor, types=TYPES, limit=500)
        if not isinstance(page, PageEvenements):
            raise SystemExit(f"feed refused: {page}")  # 410: the cursor expired, start again without one
        for event in page.items:
            handle(event.to_dict())
        if page.next_cursor != cursor:
            save(page.next_cursor)
        if not page.items:
            return cursor
        cursor = page.next_cursor


def signalement(event: dict[str, Any]) -> None:
    """What the CAF does with an event: here, print the unpaid-rent signals it may read."""
    data = event["data"]
    if event["type"] == "acte.depose" and data["type"] == "signalement_impaye" and data["acte"]["contenu_visible"]:
        acte = data["acte"]["acte"]
        print(f"impayé signalé: allocataire {acte.get('numero_allocataire')}, dette {acte['dette']['montant_cents']} c")


async def main() -> None:
    base_url = os.environ.get("PREVEX_URL", "http://127.0.0.1:8000")
    saved = Path(os.environ.get("PREVEX_CURSOR_FILE", "prevex-caf.cursor"))
    bearer = await access_token(base_url, os.environ["PREVEX_CLIENT_ID"], os.environ["PREVEX_CLIENT_SECRET"])
    async with AuthenticatedClient(base_url=base_url, token=bearer) as client:
        cursor = saved.read_text().strip() if saved.exists() else None
        await pull(client, cursor, signalement, saved.write_text)


if __name__ == "__main__":
    asyncio.run(main())
