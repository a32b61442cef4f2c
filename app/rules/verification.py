"""Rule-file verification: every problem of a rule file as a message naming its file, rule and field.

:func:`verify` (``prevex regles verifier``) parses each file (:func:`parse_file`), validates it against
:mod:`app.rules.schema`, then checks what the schema cannot express (:func:`verify_parsed`): known
decision codes and their kinds, known related acts, facts that the triggering act types can carry
(:func:`fact_paths`, read from the act schemas), known parameters of a usable type, rule ids and
territory folders, and the format (optionally the line range) of seed citations. The rule book
(:mod:`app.rules.rulebook`) runs the same checks at load time.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from app.core.kinds import PARTNER_KINDS
from app.rules.citations import SEED_CITATION, SOURCES_DIR, line_count
from app.rules.codes import DECISION_CODES
from app.rules.faits import FAITS_DOSSIER
from app.rules.schema import (
    DEFAULT_ROOT,
    ENGINE_PARAMETERS,
    NATIONAL,
    UNARY_OPS,
    ActeAbsent,
    ActePresent,
    Comparaison,
    DateCalculee,
    Fait,
    FichierRegles,
    Nombre,
    Non,
    Param,
    PremierDe,
    Produit,
    Regle,
    Selon,
    Somme,
    Tous,
    UnDe,
)
from app.schemas.actes import ACTE_CLASSES

__all__ = [
    "SEED_CITATION",
    "VIRTUAL_FACTS",
    "ParsedFile",
    "display_path",
    "dossier_fact_paths",
    "fact_paths",
    "parse_bytes",
    "parse_file",
    "verify",
    "verify_parsed",
]

_SEED_MENTION = re.compile(r"seeds/\S*")


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _format_input(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return ""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f" (got {text})"


def _pydantic_messages(display: str, raw: Any, error: ValidationError) -> list[str]:
    messages: list[str] = []
    regles = raw.get("regles") if isinstance(raw, dict) else None
    for item in error.errors():
        loc = [part for part in item["loc"] if not (isinstance(part, str) and part.startswith("~"))]
        msg = str(item["msg"])
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
            suffix = ""
        elif item["type"] in {"missing", "expression_invalide", "condition_invalide"}:
            suffix = ""
        else:
            suffix = _format_input(item.get("input"))
        if len(loc) >= 2 and loc[0] == "regles" and isinstance(loc[1], int):
            index = loc[1]
            rule_id = f"#{index + 1}"
            if isinstance(regles, list) and index < len(regles) and isinstance(regles[index], dict):
                rid = regles[index].get("id")
                if isinstance(rid, str) and rid:
                    rule_id = rid
            field_path = ".".join(str(p) for p in loc[2:]) or "(rule)"
            messages.append(f"{display}: rule {rule_id}: field '{field_path}': {msg}{suffix}")
        else:
            field_path = ".".join(str(p) for p in loc) or "(file)"
            messages.append(f"{display}: field '{field_path}': {msg}{suffix}")
    return messages


def _walk_valeur(value: Any) -> Iterator[BaseModel]:
    """Every expression node inside ``value`` (depth first)."""
    if isinstance(value, list):
        for item in value:
            yield from _walk_valeur(item)
        return
    if not isinstance(value, BaseModel):
        return
    yield value
    if isinstance(value, (Produit, Somme)):
        items = value.produit if isinstance(value, Produit) else value.somme
        for item in items:
            yield from _walk_valeur(item)
    elif isinstance(value, PremierDe):
        for item in value.premier_de:
            yield from _walk_valeur(item)
    elif isinstance(value, Selon):
        yield from _walk_valeur(value.selon)
        for item in value.cas.values():
            yield from _walk_valeur(item)
        if value.defaut is not None:
            yield from _walk_valeur(value.defaut)
    elif isinstance(value, DateCalculee):
        yield from _walk_valeur(value.date)
        if value.delai is not None and isinstance(value.delai.mois, Param):
            yield value.delai.mois
    elif isinstance(value, Nombre):
        yield from _walk_valeur(value.nombre)


def _walk_condition(condition: Any) -> Iterator[BaseModel]:
    yield condition
    if isinstance(condition, Comparaison):
        if condition.expr is not None:
            yield from _walk_valeur(condition.expr)
        if condition.valeur is not None:
            yield from _walk_valeur(condition.valeur)
    elif isinstance(condition, Tous):
        for item in condition.tous:
            yield from _walk_condition(item)
    elif isinstance(condition, UnDe):
        for item in condition.un_de:
            yield from _walk_condition(item)
    elif isinstance(condition, Non):
        yield from _walk_condition(condition.non)


def _rule_nodes(regle: Regle) -> Iterator[tuple[str, BaseModel]]:
    """(top-level field, node) for every expression and condition node of a rule."""
    for node in _walk_valeur(regle.date_reference):
        yield "date_reference", node
    for index, condition in enumerate(regle.conditions):
        for node in _walk_condition(condition):
            yield f"conditions.{index}", node
    if regle.effet.date is not None:
        for node in _walk_valeur(regle.effet.date):
            yield "effet.date", node
    for alias, lie in regle.actes_lies.items():
        for index, condition in enumerate(lie.filtre):
            for node in _walk_condition(condition):
                yield f"actes_lies.{alias}.filtre.{index}", node


VIRTUAL_FACTS: frozenset[str] = frozenset({"recu_le"})
"""Facts the engine computes for every act (``recu_le``: the Paris day it reached Prevex)."""


def _model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    paths: set[str] = set()
    for name, info in model.model_fields.items():
        path = prefix + name
        paths.add(path)
        pending: list[Any] = [info.annotation]
        while pending:
            annotation = pending.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                paths |= _model_paths(annotation, path + ".")
            elif get_origin(annotation) in (tuple, list):
                continue  # a list is read whole (e.g. ``nombre``), not item by item
            else:
                pending.extend(a for a in get_args(annotation) if isinstance(a, type) or get_args(a))
    return paths


@lru_cache(maxsize=1)
def fact_paths() -> dict[str, frozenset[str]]:
    """Act type -> every dotted fact path its schema (``app/schemas/actes.py``) can carry."""
    return {t: frozenset(_model_paths(cls)) | VIRTUAL_FACTS for t, cls in ACTE_CLASSES.items()}


@lru_cache(maxsize=1)
def dossier_fact_paths() -> frozenset[str]:
    """The household facts a rule may read with ``du: dossier``: every leaf path of the household's
    fact groups (``parc``, ``occupants``, ``dette.montant_cents``, ``bailleur.categorie`` ...)."""
    every = set().union(*(_model_paths(cls) for cls in ACTE_CLASSES.values()))
    household = {p for p in every if p.split(".", 1)[0] in FAITS_DOSSIER}
    return frozenset(p for p in household if not any(q.startswith(p + ".") for q in household))


def _types_read(regle: Regle, where: str, alias: str | None) -> Sequence[str] | None:
    """The act types a ``fait`` at ``where`` reads (``None`` when its alias is unknown)."""
    if where.startswith("actes_lies."):
        lie = regle.actes_lies.get(where.split(".")[1])
        return lie.types if lie is not None else None
    if alias is not None:
        lie = regle.actes_lies.get(alias)
        return lie.types if lie is not None else None
    return regle.declencheur


def _check_rule(regle: Regle, known_params: set[str]) -> list[tuple[str, str]]:
    """Semantic checks pydantic cannot express: (field, message) pairs."""
    problems: list[tuple[str, str]] = []
    if regle.au is not None and regle.au < regle.du:
        problems.append(("au", f"'au' ({regle.au.isoformat()}) is before 'du' ({regle.du.isoformat()})"))
    effet = regle.effet
    meta = DECISION_CODES.get(effet.code)
    if meta is None:
        problems.append(("effet.code", f"unknown decision code {effet.code!r}"))
    elif meta["kind"] != effet.type:
        problems.append(("effet.code", f"code {effet.code!r} is of kind {meta['kind']}, not {effet.type}"))
    if effet.type == "echeance" and effet.date is None:
        problems.append(("effet.date", "an echeance needs a 'date'"))
    if effet.type == "orientation" and effet.destinataire is None:
        problems.append(("effet.destinataire", f"an orientation needs a 'destinataire' ({PARTNER_KINDS})"))
    if effet.type != "orientation" and effet.destinataire is not None:
        problems.append(("effet.destinataire", "only orientations have a 'destinataire'"))
    aliases = set(regle.actes_lies)
    for where, node in _rule_nodes(regle):
        if where.startswith("actes_lies."):
            if isinstance(node, (Fait, Comparaison)) and node.acte is not None:
                problems.append((where, "a filter reads the candidate act's own facts: no 'acte' here"))
            if isinstance(node, (ActePresent, ActeAbsent)):
                problems.append((where, "a filter cannot test related acts"))
        alias: str | None = None
        if isinstance(node, (Fait, Comparaison)):
            alias = node.acte
        elif isinstance(node, ActePresent):
            alias = node.acte_present
        elif isinstance(node, ActeAbsent):
            alias = node.acte_absent
        if alias is not None and alias not in aliases:
            problems.append((where, f"unknown related act {alias!r} (declare it under 'actes_lies')"))
        if isinstance(node, (Fait, Comparaison)) and node.du is not None:
            if where.startswith("actes_lies."):
                problems.append((where, "a filter reads the candidate act's own facts: no 'du' here"))
            if node.acte is not None:
                problems.append((where, "'du: dossier' reads the whole dossier: no 'acte' with it"))
            if node.fait is None:
                problems.append((where, "'du' only goes with 'fait'"))
            elif node.fait not in dossier_fact_paths():
                problems.append(
                    (
                        where,
                        f"unknown dossier fact {node.fait!r}: the dossier keeps the household's facts "
                        f"({', '.join(FAITS_DOSSIER)}), each leaf by its path",
                    )
                )
        elif isinstance(node, (Fait, Comparaison)) and node.fait is not None:
            read_types = _types_read(regle, where, node.acte)
            if read_types is not None:
                known_facts = fact_paths()
                if not any(node.fait in known_facts.get(t, ()) for t in read_types):
                    problems.append(
                        (where, f"unknown fact {node.fait!r}: no act of type {', '.join(read_types)} has it")
                    )
        if isinstance(node, Param) and node.param not in known_params:
            problems.append((where, f"unknown parameter {node.param!r}"))
        if isinstance(node, Comparaison):
            if (node.fait is None) == (node.expr is None):
                problems.append((where, "a comparison needs exactly one of 'fait' and 'expr'"))
            if node.acte is not None and node.fait is None:
                problems.append((where, "'acte' only goes with 'fait'"))
            if node.op in UNARY_OPS and node.valeur is not None:
                problems.append((where, f"operator {node.op!r} takes no 'valeur'"))
            if node.op not in UNARY_OPS and node.valeur is None:
                problems.append((where, f"operator {node.op!r} needs a 'valeur'"))
    for mention in _SEED_MENTION.findall(regle.source):
        if not SEED_CITATION.match(mention):
            problems.append(("source", f"seed citation {mention!r} must read seeds/<file>.txt:L<n>[-<m>]"))
    for match in SEED_CITATION.finditer(regle.source):
        end = match.group("end")
        if end is not None and int(end) < int(match.group("start")):
            problems.append(("source", f"seed citation {match.group(0)!r}: range ends before it starts"))
    return problems


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_parameter_types(regle: Regle, values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A parameter's value must suit where the rule uses it: the engine treats an unusable value as a
    missing fact, so a threshold typed ``"six"`` would silently stop the rule from ever firing."""
    problems: list[tuple[str, str]] = []

    def expect(where: str, param: Param, wanted: str, ok: Callable[[Any], bool]) -> None:
        if param.param in values and not ok(values[param.param]):
            problems.append(
                (where, f"parameter {param.param!r} is used as {wanted}, got {values[param.param]!r}")
            )

    for where, node in _rule_nodes(regle):
        if isinstance(node, (Produit, Somme)):
            for item in node.produit if isinstance(node, Produit) else node.somme:
                if isinstance(item, Param):
                    expect(where, item, "an integer", _is_int)
        elif isinstance(node, DateCalculee) and node.delai is not None and isinstance(node.delai.mois, Param):
            expect(where, node.delai.mois, "a number of months (integer)", _is_int)
        elif isinstance(node, Comparaison) and isinstance(node.valeur, Param):
            if node.op in ("dans", "hors"):
                expect(where, node.valeur, "a list", lambda v: isinstance(v, list))
            elif node.op == "entre":
                expect(
                    where,
                    node.valeur,
                    "a [low, high] pair of integers or dates",
                    lambda v: (
                        isinstance(v, list)
                        and len(v) == 2
                        and (all(_is_int(x) for x in v) or all(isinstance(x, date) for x in v))
                    ),
                )
            elif node.op in ("<", "<=", ">", ">="):
                expect(
                    where, node.valeur, "an integer or a date", lambda v: _is_int(v) or isinstance(v, date)
                )
    return problems


def _check_seed_lines(text: str, seeds_dir: Path) -> list[str]:
    """Problems of the charter citations in ``text`` against the source texts in ``seeds_dir``."""
    problems: list[str] = []
    for match in SEED_CITATION.finditer(text):
        count = line_count(match.group("file"), seeds_dir)
        if count is None:
            problems.append(f"seed file {match.group('file')!r} not found in {display_path(seeds_dir)}")
            continue
        last = int(match.group("end") or match.group("start"))
        if int(match.group("start")) < 1 or last > count:
            problems.append(f"{match.group(0)!r}: the seed has {count} lines")
    return problems


class _RuleFileLoader(yaml.SafeLoader):
    """``yaml.SafeLoader``, except that a date-looking scalar that is no real day (``2022-02-30``,
    ``2023-13-01``) stays a string: the schema then reports it with its file, rule and field
    (``invalid date '2022-02-30'``) instead of the YAML parser raising ``ValueError``."""


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_RuleFileLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass
class ParsedFile:
    path: Path
    display: str
    raw: Any
    model: FichierRegles | None
    sha256: str


def parse_file(path: Path) -> tuple[ParsedFile, list[str]]:
    display = display_path(path)
    try:
        content = path.read_bytes()
    except OSError as exc:
        return ParsedFile(path, display, None, None, ""), [
            f"{display}: cannot read file: {exc.strerror or exc}"
        ]
    return parse_bytes(content, path, display)


def parse_bytes(content: bytes, path: Path, display: str) -> tuple[ParsedFile, list[str]]:
    """A rule file's content (e.g. a draft sent to ``POST /v1/regles/impact``) as if it sat at ``path``,
    its messages naming it ``display``."""
    digest = hashlib.sha256(content).hexdigest()
    try:
        raw = yaml.load(content.decode("utf-8"), Loader=_RuleFileLoader)  # noqa: S506 - a SafeLoader
    except UnicodeDecodeError as exc:
        return ParsedFile(path, display, None, None, digest), [f"{display}: not UTF-8: {exc}"]
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" at line {mark.line + 1}, column {mark.column + 1}"
        problem = getattr(exc, "problem", None) or str(exc)
        return ParsedFile(path, display, None, None, digest), [f"{display}: invalid YAML{where}: {problem}"]
    if not isinstance(raw, dict):
        kind = type(raw).__name__
        return ParsedFile(path, display, raw, None, digest), [
            f"{display}: field '(file)': a rule file is a mapping, got {kind}"
        ]
    try:
        model = FichierRegles.model_validate(raw)
    except ValidationError as exc:
        return ParsedFile(path, display, raw, None, digest), _pydantic_messages(display, raw, exc)
    return ParsedFile(path, display, raw, model, digest), []


def _folder_territory(path: Path) -> str | None:
    parent = path.parent.name
    if re.fullmatch(r"[0-9]{2,3}|2A|2B", parent):
        return parent
    return None


def verify_parsed(
    parsed: Sequence[ParsedFile], fallback_national_params: Mapping[str, Any] | None, seeds_dir: Path | None
) -> list[str]:
    messages: list[str] = []
    national_params: dict[str, Any] = {}
    has_national = False
    for item in parsed:
        if item.model is not None and item.model.territoire == NATIONAL:
            has_national = True
            national_params.update({k: p.valeur for k, p in item.model.parametres.items()})
    if not has_national and fallback_national_params is not None:
        national_params = dict(fallback_national_params)
    seen: dict[str, str] = {}
    for item in parsed:
        model = item.model
        if model is None:
            continue
        folder = _folder_territory(item.path)
        if model.territoire == NATIONAL and folder is not None:
            messages.append(
                f"{item.display}: field 'territoire': a national file must not sit in folder {folder}"
            )
        elif model.territoire != NATIONAL and folder is not None and folder != model.territoire:
            messages.append(
                f"{item.display}: field 'territoire': {model.territoire!r} does not match its folder {folder!r}"
            )
        validite = model.validite
        if validite.du is not None and validite.au is not None and validite.au < validite.du:
            messages.append(
                f"{item.display}: field 'validite.au': {validite.au.isoformat()} is before "
                f"'validite.du' ({validite.du.isoformat()})"
            )
        for name, parametre in model.parametres.items():
            if (
                parametre.valeurs_possibles is not None
                and parametre.valeur not in parametre.valeurs_possibles
            ):
                messages.append(
                    f"{item.display}: field 'parametres.{name}.valeur': {parametre.valeur!r} is not one of "
                    f"{parametre.valeurs_possibles}"
                )
            adapter = ENGINE_PARAMETERS.get(name)
            if adapter is not None:
                try:
                    adapter.validate_python(parametre.valeur)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    detail = str(first["msg"]).removeprefix("Value error, ")
                    messages.append(f"{item.display}: field 'parametres.{name}.valeur': {detail}")
        values = {**national_params, **{k: p.valeur for k, p in model.parametres.items()}}
        known = set(values)
        for regle in model.regles:
            where = f"{item.display}: rule {regle.id}"
            if regle.id in seen:
                messages.append(f"{where}: field 'id': duplicate rule id (also in {seen[regle.id]})")
            else:
                seen[regle.id] = item.display
            expected_prefix = "N-" if model.territoire == NATIONAL else f"{model.territoire}-"
            if not regle.id.startswith(expected_prefix):
                messages.append(f"{where}: field 'id': rule ids of this file start with {expected_prefix!r}")
            for field_path, problem in _check_rule(regle, known):
                messages.append(f"{where}: field '{field_path}': {problem}")
            for field_path, problem in _check_parameter_types(regle, values):
                messages.append(f"{where}: field '{field_path}': {problem}")
            if seeds_dir is not None:
                for text, field_path in ((regle.source, "source"), (regle.note or "", "note")):
                    for problem in _check_seed_lines(text, seeds_dir):
                        messages.append(f"{where}: field '{field_path}': {problem}")
        if seeds_dir is not None:
            for field_path, text in _file_texts(model):
                for problem in _check_seed_lines(text, seeds_dir):
                    messages.append(f"{item.display}: field '{field_path}': {problem}")
    messages.extend(_check_courriers(parsed))
    return messages


def _check_courriers(parsed: Sequence[ParsedFile]) -> list[str]:
    """Each letter names a known decision code, once per territory; each rule whose decision asks for a
    letter (its code is a letter's somewhere) finds its letter (code and precision) in its territory's
    files or the national one."""
    messages: list[str] = []
    models = [(item.display, item.model) for item in parsed if item.model is not None]
    letters: dict[str, set[tuple[str, str | None]]] = {}
    for display, model in models:
        mine = letters.setdefault(model.territoire, set())
        for i, courrier in enumerate(model.courriers):
            where = f"{display}: field 'courriers.{i}.code'"
            if courrier.code not in DECISION_CODES:
                messages.append(f"{where}: unknown decision code {courrier.code!r}")
            key = (courrier.code, courrier.precision)
            if key in mine:
                messages.append(f"{where}: a letter for {key} is already described in this territory")
            mine.add(key)
    codes = {code for keys in letters.values() for code, _ in keys}
    for display, model in models:
        known = letters.get(model.territoire, set()) | letters.get(NATIONAL, set())
        for regle in model.regles:
            effet = regle.effet
            if effet.code in codes and (effet.code, effet.precision) not in known:
                messages.append(
                    f"{display}: rule {regle.id}: field 'effet': its decision asks for a letter "
                    f"({effet.code}, {effet.precision}) that no 'courriers' entry of its territory describes"
                )
    return messages


def _file_texts(model: FichierRegles) -> list[tuple[str, str]]:
    """The texts of a file, outside its rules, that may cite a seed: (field, text)."""
    texts = [("source", model.source), ("note", model.note or "")]
    texts += [("validite.source", model.validite.source), ("validite.note", model.validite.note or "")]
    texts += [(f"lacunes.{i}", gap) for i, gap in enumerate(model.lacunes)]
    for name, parametre in model.parametres.items():
        texts += [(f"parametres.{name}.source", parametre.source or "")]
        texts += [(f"parametres.{name}.note", parametre.note or "")]
    texts += [(f"courriers.{i}.source", c.source) for i, c in enumerate(model.courriers)]
    texts += [(f"services_etat.{i}.source", s.source) for i, s in enumerate(model.services_etat)]
    return texts


def verify(paths: Sequence[Path], *, seeds_dir: Path | None = SOURCES_DIR) -> list[str]:
    """Validate rule files; return one human message per problem (empty when all is well).

    Each message names the file, the rule id and the field, e.g.
    ``app/rules/93/charte.yaml: rule 93-ADIL-3000-7000: field 'du': invalid date 'hier'``.
    Parameters referenced by a territory file may come from a national file in ``paths`` or, failing
    that, from the shipped ``national.yaml``. Seed citations (``seeds/<file>:L<n>``) anywhere in a file
    (rules' sources and notes, the file's source, notes, gaps and parameters) are checked against the
    line counts of the source texts in ``seeds_dir`` (default: the shipped copies,
    ``app/rules/sources``); ``seeds_dir=None`` skips that check.
    """
    messages: list[str] = []
    parsed: list[ParsedFile] = []
    for path in paths:
        item, problems = parse_file(Path(path))
        messages.extend(problems)
        parsed.append(item)
    fallback: dict[str, Any] | None = None
    if not any(p.model is not None and p.model.territoire == NATIONAL for p in parsed):
        default_national, problems = parse_file(DEFAULT_ROOT / "national.yaml")
        if default_national.model is not None and not problems:
            fallback = {k: p.valeur for k, p in default_national.model.parametres.items()}
    messages.extend(verify_parsed(parsed, fallback, seeds_dir))
    return messages
