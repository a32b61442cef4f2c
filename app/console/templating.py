"""Rendering the console's pages: Jinja2 templates in ``app/console/templates/``, autoescaped.

Every page extends ``base.html`` (blocks ``titre`` and ``contenu``). ``render`` gives each template the
request, the signed-in ``user`` (a ``ConsoleUser`` or None, from ``request.state.console_user``) and the
session's ``csrf`` token for forms, beside the page's own context.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=TEMPLATES_DIR)


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """The page ``template`` with ``context``, plus ``user`` and ``csrf`` for the layout and forms."""
    values: dict[str, Any] = {
        "user": getattr(request.state, "console_user", None),
        "csrf": getattr(request.state, "console_csrf", None),
    }
    values.update(context or {})
    return templates.TemplateResponse(
        request, template, values, status_code=status_code, headers=dict(headers or {})
    )
