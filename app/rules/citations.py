"""Sources anyone can open: the charter texts the rules cite, shipped with the code, and the links of a
decision's sources.

A rule's ``source`` cites a charter as ``seeds/<file>.txt:L<n>[-<m>]``: the line numbers of the original
text, kept byte for byte in ``app/rules/sources/`` (see its ``README.md``), so that a clean clone can
verify every citation (:mod:`app.rules.verification`) and ``GET /v1/regles/sources/{fichier}?lignes=n-m``
can serve the cited lines (:func:`extrait`). :func:`liens_sources` turns a ``source`` into the URLs a
reader can open: the API's own extract for each charter citation, the public text (Légifrance, Conseil
d'État) for the legal texts it names and whose public address is known (:data:`TEXTES_PUBLICS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from app.rules.schema import DEFAULT_ROOT

__all__ = [
    "SEED_CITATION",
    "SOURCES_DIR",
    "TEXTES_PUBLICS",
    "Citation",
    "LignesInvalides",
    "citations",
    "extrait",
    "fichiers_sources",
    "liens_sources",
    "line_count",
    "source_url",
]

SOURCES_DIR = DEFAULT_ROOT / "sources"
"""``app/rules/sources``: the cited charters, as published (one file per seed, original line numbers)."""

SEED_CITATION = re.compile(r"seeds/(?P<file>[A-Za-z0-9_.\-]+\.txt):L(?P<start>\d+)(?:-(?P<end>\d+))?")
"""A charter citation in a rule file: ``seeds/<file>.txt:L<n>`` or ``seeds/<file>.txt:L<n>-<m>``."""

_FICHIER = re.compile(r"^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*\.txt$")


@dataclass(frozen=True)
class Citation:
    fichier: str
    debut: int
    fin: int

    @property
    def lignes(self) -> str:
        return str(self.debut) if self.debut == self.fin else f"{self.debut}-{self.fin}"


def citations(text: str) -> list[Citation]:
    """The charter citations in ``text``, in order (repeated ones once)."""
    found: dict[tuple[str, int, int], Citation] = {}
    for match in SEED_CITATION.finditer(text):
        start = int(match.group("start"))
        end = int(match.group("end") or start)
        found.setdefault((match.group("file"), start, end), Citation(match.group("file"), start, end))
    return list(found.values())


def fichiers_sources(folder: Path = SOURCES_DIR) -> tuple[str, ...]:
    """The names of the shipped source texts (the only names the API serves)."""
    return _fichiers(folder.resolve())


@lru_cache(maxsize=4)
def _fichiers(folder: Path) -> tuple[str, ...]:
    return tuple(sorted(p.name for p in folder.glob("*.txt") if p.is_file() and _FICHIER.match(p.name)))


@lru_cache(maxsize=16)
def _lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines())


def line_count(fichier: str, folder: Path = SOURCES_DIR) -> int | None:
    """The number of lines of a source text, or ``None`` when there is no such file."""
    if fichier not in fichiers_sources(folder):
        return None
    return len(_lines((folder / fichier).resolve()))


class LignesInvalides(ValueError):
    """A line range that is not ``n`` or ``n-m`` with ``1 <= n <= m <= `` the file's length."""


_RANGE = re.compile(r"^(?P<start>[0-9]{1,7})(?:-(?P<end>[0-9]{1,7}))?$")


def extrait(fichier: str, lignes: str | None, folder: Path = SOURCES_DIR) -> dict[str, str] | None:
    """``{fichier, lignes, texte}`` for lines ``lignes`` (``"3925-3928"``, ``"348"``; the whole text when
    ``None``) of a shipped source, or ``None`` when ``fichier`` is not one (never a path: only the names
    of :func:`fichiers_sources`). Raises :class:`LignesInvalides` for a bad range."""
    count = line_count(fichier, folder)
    if count is None:
        return None
    text = _lines((folder / fichier).resolve())
    if lignes is None:
        start, end = 1, count
    else:
        match = _RANGE.match(lignes.strip())
        if match is None:
            raise LignesInvalides("expected a line number or a range 'n-m' (e.g. 3925-3928)")
        start = int(match.group("start"))
        end = int(match.group("end") or start)
        if start < 1 or end < start:
            raise LignesInvalides("a range starts at line 1 or later and does not end before it starts")
        if end > count:
            raise LignesInvalides(f"{fichier} has {count} lines")
    return {
        "fichier": fichier,
        "lignes": str(start) if start == end else f"{start}-{end}",
        "texte": "\n".join(text[start - 1 : end]),
    }


def source_url(citation: Citation) -> str:
    """The API's address of a charter citation's lines (relative to the server)."""
    return f"/v1/regles/sources/{quote(citation.fichier)}?lignes={citation.lignes}"


# Legal texts a ``source`` names, and their public text. Only addresses read from a public source (the
# seeds' own footnotes, Légifrance's ELI aliases, the codes' Légifrance identifiers): a text without a
# known address gets no link rather than a guessed one.
TEXTES_PUBLICS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\b[Ll]oi (n° )?89-462\b|\bloi du 6 juillet 1989\b"),
        "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000509310",
    ),
    (
        re.compile(r"\bCPCE\b|code des procédures civiles d'exécution"),
        "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000025024948",
    ),
    (
        re.compile(r"\bCPC\b"),
        "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070716",
    ),
    (
        re.compile(r"\bCCH\b"),
        "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074096",
    ),
    (
        re.compile(r"\b[Ll]oi (n° )?2023-668\b"),
        "https://www.legifrance.gouv.fr/eli/loi/2023/7/27/2023-668/jo/texte",
    ),
    (
        # the footnote of seed 004 at L531 (décret 2021-8 cited at L519-521)
        re.compile(r"\b[Dd]écret (n° )?2021-8\b"),
        "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042877026",
    ),
    (
        # the footnote of seed 004 at L530 (décret 2015-1384 cited at L501-502)
        re.compile(r"\b[Dd]écret (n° )?2015-1384\b"),
        "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000031401045",
    ),
    (
        re.compile(r"\bCE,? 29 nov(\.|embre) 2022,? n° ?443396\b"),
        "https://www.conseil-etat.fr/fr/arianeweb/CE/decision/2022-11-29/443396",
    ),
)


def liens_sources(source: str) -> list[str]:
    """The URLs of a decision's ``source``: each charter citation's extract from this API, then the
    public text of each legal text it names (in :data:`TEXTES_PUBLICS` order), each once."""
    return list(_liens_sources(source))


# Every decision of every filing asks for its source's links, and a source is one of the rule book's few
# hundred strings: the nine regular-expression searches ran once per decision (about a tenth of a
# filing's instructions in the server, bench/README.md "Spine v2"), now once per source.
@lru_cache(maxsize=4096)
def _liens_sources(source: str) -> tuple[str, ...]:
    links = [source_url(c) for c in citations(source)]
    for pattern, url in TEXTES_PUBLICS:
        if pattern.search(source) and url not in links:
            links.append(url)
    return tuple(links)
