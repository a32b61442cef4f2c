"""axe-core (tests/node's lock) in the page under test: no serious or critical violation of WCAG 2.1 A/AA.

The script is evaluated through the browser's debugging protocol (``page.evaluate``), not added to the
page: the console's CSP refuses inline scripts, and the page keeps its CSP while it is checked."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from playwright.async_api import Page

AXE = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def _source() -> str:
    if not AXE.is_file():  # the console fixtures run `npm ci` in tests/node when they start the provider
        raise FileNotFoundError(f"{AXE}: run `npm ci` in tests/node")
    return AXE.read_text(encoding="utf-8")


async def violations(page: Page) -> list[dict[str, Any]]:
    """The serious and critical violations on the page as it is now (each: rule id, impact, nodes)."""
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        await page.evaluate(_source())
    result = await page.evaluate(
        "async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})); }",
        TAGS,
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


async def assert_accessible(page: Page, what: str) -> None:
    found = await violations(page)
    assert not found, f"{what}: {found}"
