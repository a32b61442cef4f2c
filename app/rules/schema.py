"""The rule-file schema: the pydantic models a rule file (YAML) validates against.

A rule file is YAML (``yaml.safe_load``) with a small declarative vocabulary, documented in
``docs/rules.md``: a file (:class:`FichierRegles`) holds parameters and rules (:class:`Regle`); a rule
has a trigger (``declencheur``: act types), related acts (:class:`ActeLie`), conditions
(:data:`Condition`) on expressions (:data:`Valeur`) and an effect (:class:`Effet`). The act types a rule
may name are the registry's (:data:`app.schemas.actes.ACTE_TYPES`). What pydantic cannot express (known
codes, facts and parameters; seed citations) is checked by :mod:`app.rules.verification`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StringConstraints,
    Tag,
    TypeAdapter,
)
from typing_extensions import TypeAliasType

from app.core.kinds import PartnerKind
from app.rules.codes import DecisionKind
from app.schemas.actes import ACTE_TYPES

__all__ = [
    "ACT_TYPES",
    "DEFAULT_ROOT",
    "ENGINE_PARAMETERS",
    "NATIONAL",
    "UNARY_OPS",
    "ActType",
    "ActeAbsent",
    "ActeLie",
    "ActePresent",
    "Comparaison",
    "Condition",
    "Courrier",
    "DateCalculee",
    "Delai",
    "Du",
    "Effet",
    "Fait",
    "FichierRegles",
    "Nombre",
    "Non",
    "Param",
    "Parametre",
    "PremierDe",
    "Produit",
    "Regle",
    "Selon",
    "ServiceEtat",
    "Somme",
    "Tous",
    "UnDe",
    "Valeur",
    "Validite",
]

DEFAULT_ROOT = Path(__file__).resolve().parent
"""``app/rules``: ``national.yaml`` and one folder per territory."""

NATIONAL = "national"

# The act types a rule may name (``declencheur``, ``actes_lies.types``): the registry's, read from the
# act schemas; an unknown type is refused with the list of the known ones.
if TYPE_CHECKING:
    ActType: TypeAlias = str
else:
    ActType = Literal[ACTE_TYPES]
ACT_TYPES: tuple[str, ...] = ACTE_TYPES


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_day(value: Any) -> Any:
    """Accept a ``date`` (YAML parses unquoted ISO dates) or an ISO ``YYYY-MM-DD`` string, nothing else."""
    if isinstance(value, datetime):
        raise ValueError(f"invalid date {value.isoformat()!r} (a day is expected, not a time)")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"invalid date {value!r}")


Jour = Annotated[date, BeforeValidator(_parse_day)]
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
FactPath = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$")]
RuleId = Annotated[str, StringConstraints(pattern=r"^(N|[0-9]{2,3}|2A|2B)(-[A-Z0-9]+)+$")]
Texte = Annotated[str, StringConstraints(min_length=3, strip_whitespace=True)]


def _to_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Delai(_Model):
    """A period added to a date, in this order: months, weeks, days, working days (negative = before)."""

    mois: int | Param = 0
    semaines: int = 0
    jours: int = 0
    jours_ouvres: int = 0


Du = Literal["dossier"]
"""Where a fact is read: ``dossier`` reads the household's current fact from the whole dossier
(:mod:`app.rules.faits`) instead of from one act."""


class Fait(_Model):
    """A fact of the act that triggered the rule, of a related act (``acte: <alias>``), or of the whole
    dossier (``du: dossier``: the household's current fact, whichever act stated it)."""

    fait: FactPath
    acte: Ident | None = None
    du: Du | None = None


class Param(_Model):
    """A parameter of the rule files (territory parameters override national ones)."""

    param: Ident


class Produit(_Model):
    produit: Annotated[list[Valeur], Field(min_length=2)]


class Somme(_Model):
    somme: Annotated[list[Valeur], Field(min_length=2)]


class PremierDe(_Model):
    """The first expression that has a value (coalesce)."""

    premier_de: Annotated[list[Valeur], Field(min_length=1)]


class Selon(_Model):
    """A switch: the value of ``cas[str(selon)]``, else ``defaut``."""

    selon: Valeur
    cas: dict[str, Valeur]
    defaut: Valeur | None = None


class DateCalculee(_Model):
    """``date`` + ``delai``; with ``report_treve`` a result inside the trêve moves to the day after it."""

    date: Valeur
    delai: Delai | None = None
    report_treve: bool = False


class Nombre(_Model):
    """The number of items of a list fact (e.g. ``occupants``)."""

    nombre: Valeur


_EXPRESSION_KEYS: dict[str, str] = {
    "fait": "~fait",
    "param": "~param",
    "produit": "~produit",
    "somme": "~somme",
    "premier_de": "~premier_de",
    "selon": "~selon",
    "date": "~date",
    "nombre": "~nombre",
}
_EXPRESSION_CLASSES: dict[type[BaseModel], str] = {}


def _valeur_tag(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return _EXPRESSION_CLASSES.get(type(value))
    if isinstance(value, dict):
        for key, tag in _EXPRESSION_KEYS.items():
            if key in value:
                return tag
        return None
    if isinstance(value, list):
        return "~liste"
    return "~litteral"


def _litteral(value: Any) -> Any:
    if isinstance(value, datetime) or not isinstance(value, (bool, int, date, str)):
        raise ValueError(f"expected a literal (boolean, integer, date or text), got {value!r}")
    return value


Litteral = Annotated[bool | int | date | str, PlainValidator(_litteral)]

if TYPE_CHECKING:  # mypy cannot follow the recursive aliases; pydantic validates them at run time
    Valeur: TypeAlias = Any
else:
    Valeur = TypeAliasType(
        "Valeur",
        Annotated[
            Annotated[Fait, Tag("~fait")]
            | Annotated[Param, Tag("~param")]
            | Annotated[Produit, Tag("~produit")]
            | Annotated[Somme, Tag("~somme")]
            | Annotated[PremierDe, Tag("~premier_de")]
            | Annotated[Selon, Tag("~selon")]
            | Annotated[DateCalculee, Tag("~date")]
            | Annotated[Nombre, Tag("~nombre")]
            | Annotated[list["Valeur"], Tag("~liste")]
            | Annotated[Litteral, Tag("~litteral")],
            Discriminator(
                _valeur_tag,
                custom_error_type="expression_invalide",
                custom_error_message=(
                    "unknown expression: expected a literal, a list or one of "
                    "{fait, param, produit, somme, premier_de, selon, date, nombre}"
                ),
            ),
        ],
    )

Op = Literal[
    "==", "!=", "<", "<=", ">", ">=", "dans", "hors", "entre", "present", "absent", "en_treve", "hors_treve"
]
UNARY_OPS: frozenset[str] = frozenset({"present", "absent", "en_treve", "hors_treve"})


class Comparaison(_Model):
    """``fait`` (or ``expr``) ``op`` ``valeur``. A missing left side is false, except for ``absent``."""

    fait: FactPath | None = None
    acte: Ident | None = None
    du: Du | None = None
    expr: Valeur | None = None
    op: Op
    valeur: Valeur | None = None


class Tous(_Model):
    tous: Annotated[list[Condition], Field(min_length=1)]


class UnDe(_Model):
    un_de: Annotated[list[Condition], Field(min_length=1)]


class Non(_Model):
    non: Condition


class ActePresent(_Model):
    acte_present: Ident


class ActeAbsent(_Model):
    acte_absent: Ident


_CONDITION_KEYS: dict[str, str] = {
    "tous": "~tous",
    "un_de": "~un_de",
    "non": "~non",
    "acte_present": "~acte_present",
    "acte_absent": "~acte_absent",
}
_CONDITION_CLASSES: dict[type[BaseModel], str] = {}


def _condition_tag(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return _CONDITION_CLASSES.get(type(value))
    if isinstance(value, dict):
        for key, tag in _CONDITION_KEYS.items():
            if key in value:
                return tag
        if "op" in value:
            return "~comparaison"
    return None


if TYPE_CHECKING:
    Condition: TypeAlias = Any
else:
    Condition = TypeAliasType(
        "Condition",
        Annotated[
            Annotated[Comparaison, Tag("~comparaison")]
            | Annotated[Tous, Tag("~tous")]
            | Annotated[UnDe, Tag("~un_de")]
            | Annotated[Non, Tag("~non")]
            | Annotated[ActePresent, Tag("~acte_present")]
            | Annotated[ActeAbsent, Tag("~acte_absent")],
            Discriminator(
                _condition_tag,
                custom_error_type="condition_invalide",
                custom_error_message=(
                    "unknown condition: expected a comparison (with 'op') or one of "
                    "{tous, un_de, non, acte_present, acte_absent}"
                ),
            ),
        ],
    )


class ActeLie(_Model):
    """Another act of the dossier the rule reads, found by type, position relative to the trigger and
    ``filtre`` (conditions on the candidate act's own facts)."""

    types: Annotated[list[ActType], BeforeValidator(_to_list), Field(min_length=1)]
    position: Literal["avant", "apres", "tous"] = "avant"
    choix: Literal["premier", "dernier"] = "dernier"
    filtre: list[Condition] = Field(default_factory=list)


class Effet(_Model):
    type: DecisionKind
    code: Ident
    date: Valeur | None = None
    destinataire: PartnerKind | None = None
    precision: Ident | None = None
    message: Texte | None = None


class Regle(_Model):
    id: RuleId
    titre: Texte
    du: Jour
    au: Jour | None = None
    date_reference: Valeur = Fait(fait="date_acte")
    source: Texte
    note: str | None = None
    declencheur: Annotated[list[ActType], BeforeValidator(_to_list), Field(min_length=1)]
    actes_lies: dict[Ident, ActeLie] = Field(default_factory=dict)
    conditions: list[Condition] = Field(default_factory=list)
    effet: Effet


class Parametre(_Model):
    valeur: Any
    valeurs_possibles: list[Litteral] | None = None
    source: str | None = None
    note: str | None = None


class Validite(_Model):
    """A file's period of validity (a charter's term): ``au`` is its last day, ``null`` for none. A file
    past its term keeps applying until a new file replaces it; the catalogue and its decisions say so."""

    du: Jour | None = None
    au: Jour | None
    source: Texte
    note: str | None = None


class Courrier(_Model):
    """A letter a decision asks for (``code``, and ``precision`` when the rules set one): who sends it,
    to whom, the facts it needs and its paragraphs (French, the charter's words). The letter also names
    the decision's rule and source. Rendered by ``services/courriers``."""

    code: Ident
    precision: Ident | None = None
    titre: Texte
    expediteur: Texte
    destinataire: Literal["menage"]
    donnees: Annotated[list[FactPath], Field(min_length=1)]
    paragraphes: Annotated[list[Texte], Field(min_length=1)]
    source: Texte


CodeCommune = Annotated[str, StringConstraints(pattern=r"^(\d{5}|2[AB]\d{3})$")]


class ServiceEtat(_Model):
    """Where a local commission's relevé de décisions goes, by arrondissement (the communes listed)."""

    arrondissements: Annotated[list[Texte], Field(min_length=1)]
    service: Texte
    courriel: Texte
    adresse: Texte | None = None
    communes: list[CodeCommune] = Field(default_factory=list)
    source: Texte


class FichierRegles(_Model):
    territoire: Annotated[str, StringConstraints(pattern=r"^(national|[0-9]{2,3}|2A|2B)$")]
    version: Annotated[str, StringConstraints(min_length=1)]
    titre: Texte
    source: Texte
    validite: Validite
    note: str | None = None
    lacunes: list[str] = Field(default_factory=list)
    parametres: dict[Ident, Parametre] = Field(default_factory=dict)
    regles: list[Regle]
    courriers: list[Courrier] = Field(default_factory=list)
    services_etat: list[ServiceEtat] = Field(default_factory=list)


_EXPRESSION_CLASSES.update(
    {
        Fait: "~fait",
        Param: "~param",
        Produit: "~produit",
        Somme: "~somme",
        PremierDe: "~premier_de",
        Selon: "~selon",
        DateCalculee: "~date",
        Nombre: "~nombre",
    }
)
_CONDITION_CLASSES.update(
    {
        Comparaison: "~comparaison",
        Tous: "~tous",
        UnDe: "~un_de",
        Non: "~non",
        ActePresent: "~acte_present",
        ActeAbsent: "~acte_absent",
    }
)

_RECURSIVE_MODELS: tuple[type[BaseModel], ...] = (
    ActeLie,
    Delai,
    Produit,
    Somme,
    PremierDe,
    Selon,
    DateCalculee,
    Nombre,
    Comparaison,
    Tous,
    UnDe,
    Non,
    Effet,
    Regle,
    Courrier,
    ServiceEtat,
    FichierRegles,
)
for _model in _RECURSIVE_MODELS:
    _model.model_rebuild()


# Parameters the engine itself reads, with their expected shape.
ENGINE_PARAMETERS: dict[str, TypeAdapter[Any]] = {
    "treve_fins_exceptionnelles": TypeAdapter(dict[int, Jour]),
}
