"""Rule files: schema, loading, verification and catalogue.

A rule file is YAML (``yaml.safe_load``) with a small declarative vocabulary, documented in
``docs/rules.md``. ``app/rules/national.yaml`` holds the national rules; ``app/rules/<territoire>/*.yaml``
hold the rules of a département (its charter, its prefectoral arrêtés). Adopting a new threshold or a new
charter is a data change: add or close (``au``) rules in these files.

Public API:

* :data:`DECISION_CODES` - every public decision code, its kind and a one-line French/English meaning;
* :func:`load_rulebook` - the validated :class:`RuleBook` (cached), raising :class:`RuleBookError`;
* :func:`verify` - human messages naming the file, the rule and the field of every problem;
* :func:`catalogue` - a JSON-ready description of the rule sets (for ``GET /v1/regles``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, get_args, get_origin

import yaml
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
    ValidationError,
)
from typing_extensions import TypeAliasType

from app.core.kinds import PARTNER_KINDS, PartnerKind

__all__ = [
    "ACT_TYPES",
    "DECISION_CODES",
    "DECISION_KINDS",
    "DEFAULT_ROOT",
    "ActeLie",
    "Comparaison",
    "Condition",
    "Delai",
    "Effet",
    "FichierRegles",
    "Regle",
    "RuleBook",
    "RuleBookError",
    "RuleSet",
    "Valeur",
    "catalogue",
    "clear_rulebook_cache",
    "codes_by_kind",
    "default_rule_files",
    "fact_paths",
    "iter_rules",
    "load_rulebook",
    "rule_ids_by_code",
    "verify",
]

DEFAULT_ROOT = Path(__file__).resolve().parent
"""``app/rules``: ``national.yaml`` and one folder per territory."""

NATIONAL = "national"

ActType = Literal[
    "signalement_impaye",
    "commandement_de_payer",
    "saisine_ccapex",
    "assignation",
    "diagnostic_social_financier",
    "decision_justice",
    "protocole_cohesion_sociale",
    "commandement_quitter_lieux",
    "requisition_cfp",
    "decision_cfp",
    "expulsion",
    "decision_fsl",
    "surendettement",
    "decision_dalo",
    "decision_apl",
    "plan_apurement",
    "cloture",
]
ACT_TYPES: tuple[str, ...] = get_args(ActType)

DecisionKind = Literal["echeance", "orientation", "alerte"]
DECISION_KINDS: tuple[str, ...] = get_args(DecisionKind)

# --------------------------------------------------------------------------------------------------
# Public decision codes (part of the API contract). One entry per code: kind, French, English.
# --------------------------------------------------------------------------------------------------


def _code(kind: str, fr: str, en: str) -> dict[str, str]:
    return {"kind": kind, "fr": fr, "en": en}


DECISION_CODES: dict[str, dict[str, str]] = {
    # echeances
    "cdp_effet": _code(
        "echeance",
        "Expiration du délai du commandement de payer (clause résolutoire) : 6 semaines ou 2 mois",
        "End of the payment-order period (termination clause): 6 weeks or 2 months",
    ),
    "assignation_au_plus_tot": _code(
        "echeance",
        "Premier jour où un bailleur personne morale peut assigner (saisine CCAPEX + 2 mois)",
        "First day a corporate landlord may summon the tenant (CCAPEX referral + 2 months)",
    ),
    "notification_prefet_limite": _code(
        "echeance",
        "Dernier jour pour que l'assignation parvienne au préfet (J-43 depuis 2023, sinon 2 mois)",
        "Last day for the summons to reach the préfet (hearing - 43 days since 2023, else 2 months)",
    ),
    "dsf_transmission_limite": _code(
        "echeance",
        "Dernier jour de transmission du DSF au juge et à la CCAPEX (5e jour ouvré avant l'audience)",
        "Last day to send the social and financial diagnosis (5th working day before the hearing)",
    ),
    "expulsion_au_plus_tot": _code(
        "echeance",
        "Premier jour possible d'expulsion (CQL + 2 mois, reporté au 1er avril pendant la trêve hivernale)",
        "Earliest eviction day (order to vacate + 2 months, moved to 1 April during the winter truce)",
    ),
    "refus_implicite_cfp": _code(
        "echeance",
        "Date du refus implicite du concours de la force publique (réquisition + 2 mois)",
        "Date of the implicit refusal of police assistance (request + 2 months)",
    ),
    "offre_dalo_limite": _code(
        "echeance",
        "Dernier jour pour l'offre de logement au ménage prioritaire DALO (décision + 6 mois)",
        "Last day for the housing offer to a DALO priority household (decision + 6 months)",
    ),
    "enquete_sociale_limite": _code(
        "echeance",
        "Dernier jour pour l'enquête sociale demandée par l'État (77 : 30 jours avant l'audience)",
        "Last day for the social enquiry requested by the State (77: 30 days before the hearing)",
    ),
    # orientations
    "signalement_ccapex": _code(
        "orientation",
        "Le commandement de payer doit être signalé à la CCAPEX (seuil de dette atteint)",
        "The payment order must be reported to the CCAPEX (debt threshold reached)",
    ),
    "information_prefet": _code(
        "orientation",
        "L'acte doit être transmis au préfet",
        "The act must be sent to the préfet",
    ),
    "demande_dsf": _code(
        "orientation",
        "Le préfet saisit l'organisme chargé du diagnostic social et financier",
        "The préfet refers the household for a social and financial diagnosis",
    ),
    "courrier_prevention": _code(
        "orientation",
        "Courrier de prévention au ménage (type selon la charte)",
        "Prevention letter to the household (kind per the charter)",
    ),
    "orientation_adil": _code(
        "orientation",
        "Orienter le ménage vers l'ADIL",
        "Refer the household to the ADIL (housing information agency)",
    ),
    "empex": _code(
        "orientation",
        "DSF par l'équipe mobile de prévention des expulsions (EMPEX, 93)",
        "Diagnosis by the mobile eviction-prevention team (EMPEX, 93)",
    ),
    "protocole_tripartite": _code(
        "orientation",
        "Protocole tripartite de prévention précoce Caf-DRIHL-CD (93)",
        "Early-prevention tripartite protocol CAF-DRIHL-département (93)",
    ),
    "clpil": _code(
        "orientation",
        "Présentation possible en commission locale de prévention des impayés locatifs (CLPIL, 77)",
        "Possible referral to the local rent-arrears prevention commission (CLPIL, 77)",
    ),
    "clil": _code(
        "orientation",
        "Présentation possible en commission locale d'impayés de loyers (CLIL, 93)",
        "Possible referral to the local rent-arrears commission (CLIL, 93)",
    ),
    "verification_droits_caf": _code(
        "orientation",
        "Vérification par la CAF de l'ouverture des droits aux aides au logement (75)",
        "The CAF checks the household's housing-aid rights (75)",
    ),
    "comex": _code(
        "orientation",
        "Examen de la réquisition en commission d'expulsion de la sous-préfecture (COMEX, 93)",
        "Review of the police-assistance request by the eviction commission (COMEX, 93)",
    ),
    "solipex": _code(
        "orientation",
        "Ménage potentiellement éligible à l'intermédiation locative SOLIPEX (93)",
        "Household possibly eligible for the SOLIPEX rental-intermediation scheme (93)",
    ),
    "protocole_cohesion_sociale": _code(
        "orientation",
        "Étudier un protocole de cohésion sociale (bail social résilié, locataire de bonne foi)",
        "Consider a social-cohesion protocol (terminated social lease, good-faith tenant)",
    ),
    "demande_enquete_sociale": _code(
        "orientation",
        "L'État sollicite les services sociaux pour une enquête sociale (77, stade CFP)",
        "The State asks social services for a social enquiry (77, police-assistance stage)",
    ),
    "avdl": _code(
        "orientation",
        "Accompagnement vers et dans le logement (AVDL) pour un ménage DALO menacé d'expulsion (77)",
        "Housing support (AVDL) for a DALO household threatened with eviction (77)",
    ),
    "information_surendettement": _code(
        "orientation",
        "Informer la CCAPEX et les commissions locales d'un dossier de surendettement (77)",
        "Tell the CCAPEX and local commissions about an over-indebtedness case (77)",
    ),
    "saisine_ccapex_situation_complexe": _code(
        "orientation",
        "Le bailleur social saisit la CCAPEX dès le début du contentieux (situation complexe, 75)",
        "The social landlord refers a complex case to the CCAPEX at the start of litigation (75)",
    ),
    "signalement_dalo_cfp": _code(
        "orientation",
        "Signaler à la DRIHL un ménage DALO dont le concours de la force publique risque d'être accordé (75)",
        "Report to the DRIHL a DALO household whose police assistance may be granted (75)",
    ),
    "ccapex_locale": _code(
        "orientation",
        "Examen en CCAPEX locale (arrondissements 10, 12, 13, 14 de Paris)",
        "Review by a local CCAPEX (Paris arrondissements 10, 12, 13, 14)",
    ),
    # alertes
    "assignation_prematuree": _code(
        "alerte",
        "Assignation délivrée avant l'expiration du délai de deux mois suivant la saisine de la CCAPEX",
        "Summons served before two months have passed since the CCAPEX referral",
    ),
    "notification_prefet_tardive": _code(
        "alerte",
        "L'assignation est parvenue au préfet après la date limite",
        "The summons reached the préfet after the deadline",
    ),
    "dsf_en_retard": _code(
        "alerte",
        "DSF transmis après le 5e jour ouvré précédant l'audience",
        "Diagnosis sent after the 5th working day before the hearing",
    ),
    "expulsion_pendant_treve": _code(
        "alerte",
        "Expulsion datée pendant la trêve hivernale",
        "Eviction dated during the winter truce",
    ),
    "expulsion_prematuree": _code(
        "alerte",
        "Expulsion avant l'expiration du délai de deux mois suivant le commandement de quitter les lieux",
        "Eviction before two months have passed since the order to vacate",
    ),
    "sequence_incoherente": _code(
        "alerte",
        "Enchaînement d'actes incohérent (ex. décision CFP sans réquisition)",
        "Inconsistent sequence of acts (e.g. police-assistance decision without a request)",
    ),
}


def codes_by_kind() -> dict[str, list[str]]:
    """Public decision codes grouped by kind, in declaration order."""
    grouped: dict[str, list[str]] = {kind: [] for kind in DECISION_KINDS}
    for code, meta in DECISION_CODES.items():
        grouped[meta["kind"]].append(code)
    return grouped


# --------------------------------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------------------------------

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


class Fait(_Model):
    """A fact of the act that triggered the rule, or of a related act (``acte: <alias>``)."""

    fait: FactPath
    acte: Ident | None = None


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


class FichierRegles(_Model):
    territoire: Annotated[str, StringConstraints(pattern=r"^(national|[0-9]{2,3}|2A|2B)$")]
    version: Annotated[str, StringConstraints(min_length=1)]
    titre: Texte
    source: Texte
    note: str | None = None
    lacunes: list[str] = Field(default_factory=list)
    parametres: dict[Ident, Parametre] = Field(default_factory=dict)
    regles: list[Regle]


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
    FichierRegles,
)
for _model in _RECURSIVE_MODELS:
    _model.model_rebuild()


# Parameters the engine itself reads, with their expected shape.
ENGINE_PARAMETERS: dict[str, TypeAdapter[Any]] = {
    "treve_fins_exceptionnelles": TypeAdapter(dict[int, Jour]),
}

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


# --------------------------------------------------------------------------------------------------
# Verification
# --------------------------------------------------------------------------------------------------

SEED_CITATION = re.compile(r"seeds/(?P<file>[A-Za-z0-9_.\-]+\.txt):L(?P<start>\d+)(?:-(?P<end>\d+))?")
_SEED_MENTION = re.compile(r"seeds/\S*")


def default_rule_files(root: Path = DEFAULT_ROOT) -> list[Path]:
    """``national.yaml`` then every ``<territoire>/*.yaml`` under ``root``, sorted."""
    files: list[Path] = []
    national = root / "national.yaml"
    if national.exists():
        files.append(national)
    files.extend(sorted(p for p in root.glob("*/*.yaml") if p.is_file()))
    return files


def _display(path: Path) -> str:
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
    from app.schemas.actes import ACTE_CLASSES  # no import cycle: the schemas do not read the rules

    return {t: frozenset(_model_paths(cls)) | VIRTUAL_FACTS for t, cls in ACTE_CLASSES.items()}


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
        if isinstance(node, (Fait, Comparaison)) and node.fait is not None:
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


def _check_seed_lines(regle: Regle, seeds_dir: Path) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for match in SEED_CITATION.finditer(regle.source):
        seed = seeds_dir / match.group("file")
        if not seed.is_file():
            problems.append(("source", f"seed file {match.group('file')!r} not found in {seeds_dir}"))
            continue
        with seed.open(encoding="utf-8", errors="replace") as handle:
            count = sum(1 for _ in handle)
        last = int(match.group("end") or match.group("start"))
        if int(match.group("start")) < 1 or last > count:
            problems.append(("source", f"{match.group(0)!r}: the seed has {count} lines"))
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
class _Parsed:
    path: Path
    display: str
    raw: Any
    model: FichierRegles | None
    sha256: str


def _parse(path: Path) -> tuple[_Parsed, list[str]]:
    display = _display(path)
    try:
        content = path.read_bytes()
    except OSError as exc:
        return _Parsed(path, display, None, None, ""), [f"{display}: cannot read file: {exc.strerror or exc}"]
    digest = hashlib.sha256(content).hexdigest()
    try:
        raw = yaml.load(content.decode("utf-8"), Loader=_RuleFileLoader)  # noqa: S506 - a SafeLoader
    except UnicodeDecodeError as exc:
        return _Parsed(path, display, None, None, digest), [f"{display}: not UTF-8: {exc}"]
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" at line {mark.line + 1}, column {mark.column + 1}"
        problem = getattr(exc, "problem", None) or str(exc)
        return _Parsed(path, display, None, None, digest), [f"{display}: invalid YAML{where}: {problem}"]
    if not isinstance(raw, dict):
        kind = type(raw).__name__
        return _Parsed(path, display, raw, None, digest), [
            f"{display}: field '(file)': a rule file is a mapping, got {kind}"
        ]
    try:
        model = FichierRegles.model_validate(raw)
    except ValidationError as exc:
        return _Parsed(path, display, raw, None, digest), _pydantic_messages(display, raw, exc)
    return _Parsed(path, display, raw, model, digest), []


def _folder_territory(path: Path) -> str | None:
    parent = path.parent.name
    if re.fullmatch(r"[0-9]{2,3}|2A|2B", parent):
        return parent
    return None


def _verify_parsed(
    parsed: Sequence[_Parsed], fallback_national_params: Mapping[str, Any] | None, seeds_dir: Path | None
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
                for field_path, problem in _check_seed_lines(regle, seeds_dir):
                    messages.append(f"{where}: field '{field_path}': {problem}")
    return messages


def verify(paths: Sequence[Path], *, seeds_dir: Path | None = None) -> list[str]:
    """Validate rule files; return one human message per problem (empty when all is well).

    Each message names the file, the rule id and the field, e.g.
    ``app/rules/93/charte.yaml: rule 93-ADIL-3000-7000: field 'du': invalid date 'hier'``.
    Parameters referenced by a territory file may come from a national file in ``paths`` or, failing
    that, from the shipped ``national.yaml``. With ``seeds_dir``, seed citations (``seeds/<file>:L<n>``)
    are also checked against the seed files' line counts.
    """
    messages: list[str] = []
    parsed: list[_Parsed] = []
    for path in paths:
        item, problems = _parse(Path(path))
        messages.extend(problems)
        parsed.append(item)
    fallback: dict[str, Any] | None = None
    if not any(p.model is not None and p.model.territoire == NATIONAL for p in parsed):
        default_national, problems = _parse(DEFAULT_ROOT / "national.yaml")
        if default_national.model is not None and not problems:
            fallback = {k: p.valeur for k, p in default_national.model.parametres.items()}
    messages.extend(_verify_parsed(parsed, fallback, seeds_dir))
    return messages


# --------------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------------


def _load(root: Path) -> RuleBook:
    files = default_rule_files(root)
    if not (root / "national.yaml").exists():
        raise RuleBookError([f"{_display(root / 'national.yaml')}: cannot read file: not found"])
    messages: list[str] = []
    parsed: list[_Parsed] = []
    for path in files:
        item, problems = _parse(path)
        messages.extend(problems)
        parsed.append(item)
    messages.extend(_verify_parsed(parsed, None, None))
    nationals = [p for p in parsed if p.model is not None and p.model.territoire == NATIONAL]
    if len(nationals) > 1:
        messages.append(f"{root}: more than one national rule file: {[p.display for p in nationals]}")
    if messages:
        raise RuleBookError(messages)
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
        "note": regle.note,
        "declencheur": list(regle.declencheur),
        "effet": effet,
    }


def _describe(ruleset: RuleSet, root: Path) -> dict[str, Any]:
    model = ruleset.fichier
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
        "note": model.note,
        "lacunes": list(model.lacunes),
        "parametres": {
            name: {"valeur": _jsonable(p.valeur), "source": p.source, "note": p.note}
            for name, p in model.parametres.items()
        },
        "regles": [_describe_rule(r) for r in model.regles],
    }


def catalogue(rulebook: RuleBook | None = None) -> list[dict[str, Any]]:
    """JSON-ready description of every rule set (national first), for ``GET /v1/regles``."""
    book = rulebook if rulebook is not None else load_rulebook()
    return [_describe(r, book.root) for r in book.all_rulesets()]


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
