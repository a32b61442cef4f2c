"""The list's previous/next links carry the cursors of the pages before (``liste._pages``): past 50
pages the trail keeps its last 50, so that the next link stays within what the list accepts
(``pile``: at most 50 entries) instead of answering 422 (found at page 52 in a full run)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from app.console.pages.liste import _PILE_MAX, _pages


def test_the_trail_keeps_its_last_fifty_cursors() -> None:
    precedents = [f"c{i}" for i in range(_PILE_MAX)]  # page 51: fifty pages before it
    links = _pages({"territoire": "93"}, "c50", precedents, "c51")
    suivant = parse_qs(urlparse(links["suivant"]).query)
    assert suivant["cursor"] == ["c51"]
    assert suivant["pile"] == [f"c{i}" for i in range(1, 51)]  # c0 dropped, the current page added
    assert len(suivant["pile"]) == _PILE_MAX
    assert suivant["territoire"] == ["93"]
    precedent = parse_qs(urlparse(links["precedent"]).query)
    assert precedent["cursor"] == ["c49"] and precedent["pile"] == [f"c{i}" for i in range(49)]


def test_the_first_page_has_no_previous_link_and_the_last_no_next() -> None:
    assert _pages({}, "", [], "c1")["precedent"] is None
    assert _pages({}, "c1", [""], None)["suivant"] is None
    back = parse_qs(urlparse(_pages({}, "c1", [""], None)["precedent"]).query)
    assert "cursor" not in back  # back to the first page
