"""Opaque keyset cursors for the lists (``{items, next_cursor}``): a position ``(timestamp, id)`` as
unpadded URL-safe base64 of a JSON pair. One encoding for every list; a cursor this API did not issue
is a 422 naming the ``cursor`` parameter."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import datetime
from typing import TypeVar

from app.core.problems import validation_problem

Ident = TypeVar("Ident", uuid.UUID, int)


def encode_cursor(at: datetime, ident: uuid.UUID | int) -> str:
    raw = json.dumps([at.isoformat(), ident if isinstance(ident, int) else str(ident)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, kind: type[Ident]) -> tuple[datetime, Ident]:
    """The position ``cursor`` names, its id of ``kind`` (``uuid.UUID`` or ``int``)."""
    try:
        at, ident = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return datetime.fromisoformat(at), kind(ident)
    except (
        ValueError,
        TypeError,
        AttributeError,
    ):  # binascii.Error is a ValueError; AttributeError: uuid.UUID(5)
        raise validation_problem(
            [{"pointer": "", "parameter": "query:cursor", "detail": "invalid cursor"}]
        ) from None
