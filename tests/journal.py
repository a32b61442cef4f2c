"""The run's log journal (issue 10, item 5): every log record of the test process, as the app's JSON
formatter writes it (what would reach the output), at DEBUG level on the root logger (uvicorn's loggers
included; SQLAlchemy's and asyncpg's as the app pins them), and the personal data of the run's households
(every :func:`tests.factories.household`, the phones and emails the tests give them). ``conftest.py``
installs it for the whole session and checks it at the end; ``tests/test_journaux.py`` fills it with
known households, errors and failing webhooks and checks it too.

Logs of the subprocesses a test starts (``prevex worker``, the CLI) are not in it: their stderr is
another process's."""

from __future__ import annotations

import logging
import threading

from app.core.logging import JsonFormatter

# Loggers set to DEBUG for the run (the root's level reaches every other logger that has none).
DEBUG_LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "prevex", "httpx", "procrastinate")


class Journal(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []
        self.personal: set[str] = set()
        self._lock_personal = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:
            self.lines.append(f"<unformattable record of {record.name}>")

    def register(self, *values: object) -> None:
        """Personal data of a test household: none may appear in any log line."""
        with self._lock_personal:
            self.personal.update(str(v).lower() for v in values if v and len(str(v)) >= 6)

    def leaks(self) -> list[tuple[str, str]]:
        """(value, line) for every registered value found in a line."""
        with self._lock_personal:
            personal = sorted(self.personal)
        found = []
        for line in self.lines:
            lowered = line.lower()
            found += [(value, line[:300]) for value in personal if value in lowered]
        return found


JOURNAL = Journal()


def install() -> None:
    """(Re)attach the journal at DEBUG (``create_app`` replaces the root's handlers): the other handlers
    keep the app's level, so the run's output is not flooded."""
    root = logging.getLogger()
    level = root.level
    for handler in root.handlers:
        if handler is not JOURNAL and handler.level == logging.NOTSET:
            handler.setLevel(max(level, logging.WARNING))
    if JOURNAL not in root.handlers:
        root.addHandler(JOURNAL)
    for name in DEBUG_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
