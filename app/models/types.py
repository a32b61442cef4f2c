"""Column types SQLAlchemy does not ship: PostgreSQL's ``xid8`` (a 64-bit transaction id that never wraps)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql.base import ischema_names
from sqlalchemy.types import UserDefinedType


class Xid8(UserDefinedType[int]):
    """``xid8``: the writing transaction's id (``pg_current_xact_id()``), read as an int."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "xid8"

    def bind_processor(self, dialect: Any) -> None:
        return None

    def result_processor(self, dialect: Any, coltype: Any) -> None:
        return None


ischema_names["xid8"] = Xid8  # reflection (alembic check) knows the type
