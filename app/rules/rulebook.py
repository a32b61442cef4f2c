"""The rule book: the validated rule files, loaded once, and their catalogue.

``app/rules/national.yaml`` holds the national rules; ``app/rules/<territoire>/*.yaml`` hold the rules
of a département (its charter, its prefectoral arrêtés). Adopting a new threshold or a new charter is a
data change: add or close (``au``) rules in these files. :func:`load_rulebook` returns the validated
:class:`RuleBook` (cached), raising :class:`RuleBookError` with the messages of
:mod:`app.rules.verification`; :func:`catalogue` describes the rule sets for ``GET /v1/regles``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.rules.calendar import local_date
from app.rules.citations import SOURCES_DIR, liens_sources
from app.rules.codes import DECISION_CODES
from app.rules.schema import DEFAULT_ROOT, NATIONAL, FichierRegles, Regle
from app.rules.verification import ParsedFile, display_path, parse_bytes, parse_file, verify_parsed

__all__ = [
    "Brouillon",
    "BrouillonInvalide",
    "RuleBook",
    "RuleBookError",
    "RuleSet",
    "catalogue",
    "clear_rulebook_cache",
    "default_rule_files",
    "iter_rules",
    "load_rulebook",
    "rule_ids_by_code",
    "with_draft",
]

# --------------------------------------------------------------------------------------------------
# Loaded rule sets
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSet:
    """One validated rule file."""

    path: Path
    fichier: FichierRegles
    sha256: str

    @property
    def territoire(self) -> str:
        return self.fichier.territoire

    @property
    def version(self) -> str:
        return self.fichier.version

    @property
    def regles(self) -> list[Regle]:
        return self.fichier.regles

    def parametres(self) -> dict[str, Any]:
        return {name: p.valeur for name, p in self.fichier.parametres.items()}


@dataclass(frozen=True)
class RuleBook:
    """The national rule set and the rule sets of each territory."""

    root: Path
    national: RuleSet
    territoires: Mapping[str, tuple[RuleSet, ...]] = field(default_factory=dict)

    def rulesets_for(self, territoire: str) -> tuple[RuleSet, ...]:
        """National first, then the territory's files (none for an unknown territory)."""
        return (self.national, *self.territoires.get(str(territoire), ()))

    def parametres_for(self, territoire: str) -> dict[str, Any]:
        """National parameters overridden by the territory's parameters of the same name."""
        merged: dict[str, Any] = {}
        for ruleset in self.rulesets_for(territoire):
            merged.update(ruleset.parametres())
        return merged

    def version_for(self, territoire: str) -> str:
        """Version string to store next to decisions, e.g. ``national@2026.1+93@2022.1#0123456789ab``.

        The suffix is a digest of the files' contents, so any data change changes it.
        """
        rulesets = self.rulesets_for(territoire)
        label = "+".join(f"{r.territoire}@{r.version}" for r in rulesets)
        digest = hashlib.sha256("".join(r.sha256 for r in rulesets).encode()).hexdigest()[:12]
        return f"{label}#{digest}"

    @property
    def version(self) -> str:
        """Version of the whole book (all territories)."""
        every = [self.national, *(r for t in sorted(self.territoires) for r in self.territoires[t])]
        label = "+".join(f"{r.territoire}@{r.version}" for r in every)
        digest = hashlib.sha256("".join(r.sha256 for r in every).encode()).hexdigest()[:12]
        return f"{label}#{digest}"

    def all_rulesets(self) -> list[RuleSet]:
        return [self.national, *(r for t in sorted(self.territoires) for r in self.territoires[t])]

    def rule(self, rule_id: str) -> Regle | None:
        for ruleset in self.all_rulesets():
            for regle in ruleset.regles:
                if regle.id == rule_id:
                    return regle
        return None


class RuleBookError(ValueError):
    """The rule files are invalid; ``messages`` name the file, rule and field of each problem."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__("invalid rule files:\n" + "\n".join(self.messages))


def default_rule_files(root: Path = DEFAULT_ROOT) -> list[Path]:
    """``national.yaml`` then every ``<territoire>/*.yaml`` under ``root``, sorted."""
    files: list[Path] = []
    national = root / "national.yaml"
    if national.exists():
        files.append(national)
    files.extend(sorted(p for p in root.glob("*/*.yaml") if p.is_file()))
    return files


# --------------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------------


def _load(root: Path) -> RuleBook:
    files = default_rule_files(root)
    if not (root / "national.yaml").exists():
        raise RuleBookError([f"{display_path(root / 'national.yaml')}: cannot read file: not found"])
    messages: list[str] = []
    parsed: list[ParsedFile] = []
    for path in files:
        item, problems = parse_file(path)
        messages.extend(problems)
        parsed.append(item)
    messages.extend(verify_parsed(parsed, None, SOURCES_DIR))
    nationals = [p for p in parsed if p.model is not None and p.model.territoire == NATIONAL]
    if len(nationals) > 1:
        messages.append(f"{root}: more than one national rule file: {[p.display for p in nationals]}")
    if messages:
        raise RuleBookError(messages)
    return _assemble(root, parsed)


def _assemble(root: Path, parsed: Sequence[ParsedFile]) -> RuleBook:
    """The rule book of files that passed verification (one national file), in their order."""
    national: RuleSet | None = None
    by_territory: dict[str, list[RuleSet]] = {}
    for item in parsed:
        model = item.model
        assert model is not None  # no messages means every file parsed
        ruleset = RuleSet(path=item.path, fichier=model, sha256=item.sha256)
        if model.territoire == NATIONAL:
            national = ruleset
        else:
            by_territory.setdefault(model.territoire, []).append(ruleset)
    assert national is not None
    return RuleBook(
        root=root,
        national=national,
        territoires={t: tuple(rs) for t, rs in sorted(by_territory.items())},
    )


# --------------------------------------------------------------------------------------------------
# A draft in place of a file (what a rule change would do: POST /v1/regles/impact)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Brouillon:
    """A rule book where a draft file takes the place of the files it replaces."""

    book: RuleBook
    fichier: str  # where the draft would sit, relative to the rules folder (e.g. ``93/charte.yaml``)
    remplace: tuple[str, ...]  # the files it replaces, relative to the rules folder (none: added beside)


class BrouillonInvalide(ValueError):
    """The draft is malformed; ``messages`` name the file, rule and field of each problem."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__("invalid draft:\n" + "\n".join(self.messages))


def _relative(ruleset: RuleSet, root: Path) -> str:
    try:
        return ruleset.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return ruleset.path.name


def _rule_ids(model: FichierRegles) -> set[str]:
    return {regle.id for regle in model.regles}


def with_draft(
    texte: str,
    territoire: str,
    *,
    remplace: Sequence[str] | None = None,
    rulebook: RuleBook | None = None,
) -> Brouillon:
    """The rule book with the draft ``texte`` (a rule file's YAML) in place of the files of its territory
    it replaces: those named in ``remplace`` (as ``GET /v1/regles`` names them, e.g. ``93/charte.yaml``),
    else those sharing a rule id with the draft (a new version of a file), else none (a new file beside
    them); a national draft replaces ``national.yaml``. The draft must be the territory's (or national)
    and pass every check of the verifier, with the other files; :class:`BrouillonInvalide` names the
    file, rule and field of each problem, as ``prevex regles verifier`` does."""
    book = rulebook if rulebook is not None else load_rulebook()
    content = texte.encode("utf-8")
    probe, problems = parse_bytes(content, book.root / "brouillon.yaml", "brouillon")
    if problems:
        raise BrouillonInvalide(problems)
    model = probe.model
    assert model is not None
    if model.territoire not in (str(territoire), NATIONAL):
        raise BrouillonInvalide(
            [f"brouillon: field 'territoire': {model.territoire!r} is neither {territoire!r} nor national"]
        )
    candidates = (
        [book.national] if model.territoire == NATIONAL else list(book.territoires.get(model.territoire, ()))
    )
    by_name = {_relative(rs, book.root): rs for rs in candidates}
    if model.territoire == NATIONAL:
        replaced = [book.national]
    elif remplace is not None:
        unknown = [name for name in remplace if name not in by_name]
        if unknown:
            raise BrouillonInvalide(
                [
                    f"brouillon: field 'remplace': no file {name!r} in territory {model.territoire} "
                    f"(files: {sorted(by_name)})"
                    for name in unknown
                ]
            )
        replaced = [by_name[name] for name in dict.fromkeys(remplace)]
    else:
        ids = _rule_ids(model)
        replaced = [rs for rs in candidates if _rule_ids(rs.fichier) & ids]
    if replaced:
        target = replaced[0].path
    elif model.territoire == NATIONAL:
        target = book.root / "national.yaml"
    else:
        target = book.root / model.territoire / "brouillon.yaml"
    try:
        where = target.resolve().relative_to(book.root.resolve()).as_posix()
    except ValueError:
        where = target.name
    draft, problems = parse_bytes(content, target, f"brouillon ({where})")
    assert not problems
    replaced_ids = {id(rs) for rs in replaced}
    files: list[ParsedFile] = []
    placed = False
    for ruleset in book.all_rulesets():
        if id(ruleset) in replaced_ids:
            if not placed:
                files.append(draft)
                placed = True
            continue
        files.append(
            ParsedFile(ruleset.path, display_path(ruleset.path), None, ruleset.fichier, ruleset.sha256)
        )
    if not placed:
        files.append(draft)
    messages = verify_parsed(files, None, SOURCES_DIR)
    if messages:
        raise BrouillonInvalide(messages)
    return Brouillon(
        book=_assemble(book.root, files),
        fichier=where,
        remplace=tuple(_relative(rs, book.root) for rs in replaced),
    )


_DEFAULT_ROOT_RESOLVED = DEFAULT_ROOT.resolve()


@lru_cache(maxsize=8)
def _load_cached(root: Path) -> RuleBook:
    return _load(root)


def load_rulebook(root: Path = DEFAULT_ROOT) -> RuleBook:
    """The validated rule book under ``root`` (cached per folder); raises :class:`RuleBookError`."""
    if root is DEFAULT_ROOT:  # the hot path (every filing): no path resolution (system calls) each time
        return _load_cached(_DEFAULT_ROOT_RESOLVED)
    return _load_cached(Path(root).resolve())


def clear_rulebook_cache() -> None:
    """Forget loaded rule books (after editing rule files in a long-running process or a test)."""
    _load_cached.cache_clear()


# --------------------------------------------------------------------------------------------------
# Catalogue
# --------------------------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _describe_rule(regle: Regle) -> dict[str, Any]:
    effet: dict[str, Any] = {"type": regle.effet.type, "code": regle.effet.code}
    if regle.effet.destinataire is not None:
        effet["destinataire"] = regle.effet.destinataire
    if regle.effet.precision is not None:
        effet["precision"] = regle.effet.precision
    return {
        "id": regle.id,
        "titre": regle.titre,
        "du": regle.du.isoformat(),
        "au": regle.au.isoformat() if regle.au is not None else None,
        "source": regle.source,
        "liens_sources": liens_sources(regle.source),
        "note": regle.note,
        "declencheur": list(regle.declencheur),
        "effet": effet,
    }


def _describe(ruleset: RuleSet, root: Path, today: date) -> dict[str, Any]:
    model = ruleset.fichier
    validite = model.validite
    try:
        fichier = str(ruleset.path.resolve().relative_to(root.resolve()))
    except ValueError:
        fichier = ruleset.path.name
    return {
        "territoire": model.territoire,
        "version": model.version,
        "titre": model.titre,
        "source": model.source,
        "fichier": fichier,
        "sha256": ruleset.sha256,
        "validite": {
            "du": validite.du.isoformat() if validite.du is not None else None,
            "au": validite.au.isoformat() if validite.au is not None else None,
            "source": validite.source,
            "note": validite.note,
        },
        "echu": validite.au is not None and today > validite.au,
        "note": model.note,
        "lacunes": list(model.lacunes),
        "parametres": {
            name: {"valeur": _jsonable(p.valeur), "source": p.source, "note": p.note}
            for name, p in model.parametres.items()
        },
        "regles": [_describe_rule(r) for r in model.regles],
    }


def catalogue(rulebook: RuleBook | None = None, *, today: date | None = None) -> list[dict[str, Any]]:
    """JSON-ready description of every rule set (national first), for ``GET /v1/regles``. ``echu``: the
    file is past its term (``validite.au``) on ``today`` (default: today in Paris); it keeps applying
    until a new file replaces it."""
    book = rulebook if rulebook is not None else load_rulebook()
    day = today if today is not None else local_date(datetime.now(UTC))
    return [_describe(r, book.root, day) for r in book.all_rulesets()]


def rule_ids_by_code(rulebook: RuleBook | None = None) -> dict[str, list[str]]:
    """For every public code, the ids of the rules that produce it (documentation, tests)."""
    book = rulebook if rulebook is not None else load_rulebook()
    produced: dict[str, list[str]] = {code: [] for code in DECISION_CODES}
    for ruleset in book.all_rulesets():
        for regle in ruleset.regles:
            produced.setdefault(regle.effet.code, []).append(regle.id)
    return produced


def iter_rules(rulebook: RuleBook | None = None) -> Iterable[tuple[RuleSet, Regle]]:
    book = rulebook if rulebook is not None else load_rulebook()
    for ruleset in book.all_rulesets():
        for regle in ruleset.regles:
            yield ruleset, regle
