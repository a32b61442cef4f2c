"""Who is signed in to the console: a user of one partner, with a role in it.

The contract the pages rely on (``app/console/pages``): ``console_user`` is a FastAPI dependency that
returns the signed-in ``ConsoleUser`` of the request's session cookie, or sends a browser without one to
the sign-in page; ``csrf_token`` gives the value every form carries in its hidden ``csrf`` field, and
``check_csrf`` refuses a POST whose field does not match the session's.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal

from fastapi import Request

from app.core.security import Principal

Role = Literal["secretariat", "membre", "lecture"]


@dataclass(frozen=True, slots=True)
class ConsoleUser:
    """A person signed in. ``principal`` is their partner's rights (kind, territories, the scopes their
    role allows), carrying the user's id for the audit: pages call the services with it as the API does."""

    user_id: uuid.UUID
    partner_id: uuid.UUID
    email: str  # shown on the page, never logged
    role: Role
    principal: Principal


async def console_user(request: Request) -> ConsoleUser:
    """The signed-in user, from the session cookie; without a live session, a redirect to sign-in."""
    raise NotImplementedError("sign-in lands with the console's people (branch h-comptes)")


def csrf_token(request: Request) -> str:
    """The session's CSRF token, for the hidden ``csrf`` field of every form."""
    raise NotImplementedError("sign-in lands with the console's people (branch h-comptes)")


async def check_csrf(request: Request) -> None:
    """Refuse (403 problem) a state-changing request whose ``csrf`` form field is not the session's."""
    raise NotImplementedError("sign-in lands with the console's people (branch h-comptes)")
