"""Shared building blocks of the act schemas: constrained types and sub-models.

Every model here is meant to be validated in pydantic *JSON strict mode*
(``TypeAdapter.validate_json(raw, strict=True)``): ISO date strings parse, numbers are never
coerced from booleans or floats, unknown fields are refused.

Cross-field checks that concern a precise field are raised through :class:`Incoherences`, which
raises a ``pydantic.ValidationError`` *inside* an ``after`` model validator. pydantic-core merges
the line errors of such a nested ``ValidationError`` into the outer one and prefixes their ``loc``
with the model's own location, so the final error points at the exact field
(``/date_audience``, ``/logement/code_commune``), not at the model as a whole.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Annotated, Any, Final, Literal, Self

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError
from stdnum import exceptions as stdnum_exceptions
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

__all__ = [
    "MAX_CENTS",
    "MAX_OCCUPANTS",
    "Bail",
    "BailCommandement",
    "Bailleur",
    "BailleurQualifie",
    "CategorieBailleur",
    "Cents",
    "CodeCommune",
    "CodePostal",
    "DateNaissance",
    "Dette",
    "DetteCommandement",
    "Email",
    "EtudeCommissaire",
    "Incoherences",
    "Jour",
    "Logement",
    "Mois",
    "Occupant",
    "Parc",
    "Reference",
    "Siren",
    "Siret",
    "StrictModel",
    "Telephone",
    "Territoire",
    "Texte",
    "TexteLong",
    "UtcDatetime",
    "departement_of_commune",
]

# --------------------------------------------------------------------------------------------
# Limits
# --------------------------------------------------------------------------------------------

#: 100 million euros, in cents: far above any rent debt, low enough to catch unit mistakes.
MAX_CENTS: Final = 10_000_000_000
#: 50 years of arrears: a sanity bound, the rules decide what is plausible.
MAX_MOIS: Final = 600
MAX_OCCUPANTS: Final = 20
DATE_MIN: Final = dt.date(1900, 1, 1)
DATE_MAX: Final = dt.date(2100, 12, 31)


# --------------------------------------------------------------------------------------------
# Located cross-field errors
# --------------------------------------------------------------------------------------------


class Incoherences:
    """Collects cross-field errors, each with the exact location of the field it is about.

    Use it inside a ``model_validator(mode="after")``; ``raise_if_any`` raises a
    ``pydantic.ValidationError`` whose line errors pydantic merges into the outer error, with the
    location prefixed by the model's own path.
    """

    ERROR_TYPE: Final = "coherence"

    def __init__(self, title: str) -> None:
        self._title = title
        self._errors: list[InitErrorDetails] = []

    def add(self, loc: tuple[str | int, ...], message: str, value: Any) -> None:
        # No context is given, so pydantic-core uses the message as is (no {placeholder} formatting).
        self._errors.append(
            InitErrorDetails(
                type=PydanticCustomError(self.ERROR_TYPE, message),
                loc=loc,
                input=value,
            )
        )

    def __bool__(self) -> bool:
        return bool(self._errors)

    def raise_if_any(self) -> None:
        if self._errors:
            raise ValidationError.from_exception_data(self._title, self._errors)


class StrictModel(BaseModel):
    """Base of every schema: strict, closed, immutable, whitespace-stripped.

    Subclasses put their cross-field checks in ``_verifier`` (calling ``super()._verifier``) and
    report each problem with ``issues.add(loc, message, value)``, ``loc`` relative to the model.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        str_strip_whitespace=True,
        str_max_length=500,
    )

    @model_validator(mode="after")
    def verifier_coherence(self) -> Self:
        issues = Incoherences(type(self).__name__)
        self._verifier(issues)
        issues.raise_if_any()
        return self

    def _verifier(self, issues: Incoherences) -> None:
        """Cross-field checks; the base has none."""


# --------------------------------------------------------------------------------------------
# Scalar types
# --------------------------------------------------------------------------------------------

#: Free text on one line: no control characters (PostgreSQL's jsonb cannot even store U+0000).
Texte = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")]
#: Free text that may span lines (tab, line feed, carriage return), no other control characters.
TexteLong = Annotated[
    str, StringConstraints(min_length=1, max_length=500, pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+$")
]

#: Money, always in integer euro cents (never a float).
Cents = Annotated[StrictInt, Field(ge=0, le=MAX_CENTS)]
#: A count of months (arrears, durations).
Mois = Annotated[StrictInt, Field(ge=0, le=MAX_MOIS)]
#: A calendar date (ISO 8601 ``YYYY-MM-DD`` in JSON), within a sanity range.
Jour = Annotated[dt.date, Field(ge=DATE_MIN, le=DATE_MAX)]


def _check_past(value: dt.date) -> dt.date:
    from app.core.clock import today  # the one clock (PREVEX_TODAY in tests)

    if value >= today():
        raise PydanticCustomError("date_passee", "date must be in the past", {})
    return value


#: A date of birth: strictly before today.
DateNaissance = Annotated[Jour, AfterValidator(_check_past)]


def _to_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


#: A timezone-aware datetime, normalised to UTC.
UtcDatetime = Annotated[AwareDatetime, AfterValidator(_to_utc)]

#: The partner's own identifier of the act: printable, no control characters.
Reference = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]+$"),
]

_DEPT = r"(?:0[1-9]|1[0-9]|2[1-9]|2A|2B|[3-8][0-9]|9[0-5])"
TERRITOIRE_PATTERN: Final = rf"^(?:{_DEPT}|97[1-6])$"
CODE_COMMUNE_PATTERN: Final = rf"^(?:{_DEPT}[0-9]{{3}}|97[1-6][0-9]{{2}})$"
CODE_POSTAL_PATTERN: Final = r"^[0-9]{5}$"
_TERRITOIRE_RE: Final = re.compile(TERRITOIRE_PATTERN)
_CODE_COMMUNE_RE: Final = re.compile(CODE_COMMUNE_PATTERN)
_CODE_POSTAL_RE: Final = re.compile(CODE_POSTAL_PATTERN)


def _check_territoire(value: str) -> str:
    if not _TERRITOIRE_RE.fullmatch(value):
        raise PydanticCustomError(
            "territoire",
            "'{value}' is not a French département code (01-19, 21-95, 2A, 2B, 971-976)",
            {"value": value},
        )
    return value


def departement_of_commune(code_commune: str) -> str:
    """The département code of an INSEE commune code (``97411`` → ``974``, ``2A004`` → ``2A``)."""
    return code_commune[:3] if code_commune.startswith("97") else code_commune[:2]


def _check_code_commune(value: str) -> str:
    dept = departement_of_commune(value) if len(value) == 5 else ""
    if not _CODE_COMMUNE_RE.fullmatch(value) or int(value[len(dept) :]) == 0:
        raise PydanticCustomError(
            "code_commune",
            "'{value}' is not an INSEE commune code (2 département characters, 2A/2B included, "
            "and 3 digits, or 97x and 2 digits)",
            {"value": value},
        )
    return value


def _check_code_postal(value: str) -> str:
    if not _CODE_POSTAL_RE.fullmatch(value):
        raise PydanticCustomError("code_postal", "a postal code is 5 digits", {"value": value})
    return value


#: French département code: 01-19, 21-95, 2A, 2B, 971-976.
Territoire = Annotated[
    str,
    StringConstraints(max_length=3),
    AfterValidator(_check_territoire),
    Field(json_schema_extra={"pattern": TERRITOIRE_PATTERN}, examples=["93"]),
]
CodeCommune = Annotated[
    str,
    StringConstraints(max_length=5),
    AfterValidator(_check_code_commune),
    Field(json_schema_extra={"pattern": CODE_COMMUNE_PATTERN}, examples=["93048"]),
]
CodePostal = Annotated[
    str,
    StringConstraints(max_length=5),
    AfterValidator(_check_code_postal),
    Field(json_schema_extra={"pattern": CODE_POSTAL_PATTERN}, examples=["93100"]),
]


# A partner's SIRET and a landlord's SIREN come back filing after filing: a valid number is checked
# once (python-stdnum's checks cost 20-50 µs each, a few per act); an invalid one raises, uncached.
@functools.lru_cache(maxsize=4096)
def _check_siren(value: str) -> str:
    try:
        return str(stdnum_siren.validate(value))
    except stdnum_exceptions.ValidationError as exc:
        raise PydanticCustomError(
            "siren", "invalid SIREN '{value}': {reason}", {"value": value, "reason": str(exc)}
        ) from None


@functools.lru_cache(maxsize=4096)
def _check_siret(value: str) -> str:
    try:
        return str(stdnum_siret.validate(value))
    except stdnum_exceptions.ValidationError as exc:
        raise PydanticCustomError(
            "siret", "invalid SIRET '{value}': {reason}", {"value": value, "reason": str(exc)}
        ) from None


#: SIREN (9 digits, Luhn key), checked with python-stdnum; spaces and dots are removed.
Siren = Annotated[
    str,
    StringConstraints(max_length=20),
    AfterValidator(_check_siren),
    Field(json_schema_extra={"pattern": r"^[0-9]{9}$"}),
]
#: SIRET (14 digits, Luhn key), checked with python-stdnum; spaces and dots are removed.
Siret = Annotated[
    str,
    StringConstraints(max_length=30),
    AfterValidator(_check_siret),
    Field(json_schema_extra={"pattern": r"^[0-9]{14}$"}),
]

# Simple but strict: local part of RFC 5322 "atext" and dots, a dotted domain of LDH labels.
_EMAIL_RE: Final = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)


def _check_email(value: str) -> str:
    if not _EMAIL_RE.fullmatch(value):
        raise PydanticCustomError("email", "'{value}' is not a valid email address", {"value": value})
    return value


Email = Annotated[
    str,
    StringConstraints(max_length=254),
    AfterValidator(_check_email),
    Field(json_schema_extra={"format": "email"}),
]

# French national number (10 digits, 0 then 1-9) or E.164 (+ and 8-15 digits), with optional
# single spaces, dots or hyphens between digits. Stored without separators.
_TELEPHONE_RE: Final = re.compile(r"^(?:0[1-9](?:[ .-]?[0-9]){8}|\+[1-9](?:[ .-]?[0-9]){7,14})$")
_SEPARATORS_RE: Final = re.compile(r"[ .-]")


def _check_telephone(value: str) -> str:
    if not _TELEPHONE_RE.fullmatch(value):
        raise PydanticCustomError(
            "telephone",
            "'{value}' is not a French (0XXXXXXXXX) or international (+XXXXXXXXXXX) phone number",
            {"value": value},
        )
    return _SEPARATORS_RE.sub("", value)


Telephone = Annotated[
    str,
    StringConstraints(max_length=30),
    AfterValidator(_check_telephone),
    Field(
        json_schema_extra={"pattern": r"^(?:0[1-9][0-9]{8}|\+[1-9][0-9]{7,14})$"},
        examples=["0639981234", "+33639981234"],
    ),
]

Parc = Literal["social", "prive"]
CategorieBailleur = Literal["personne_physique", "sci_familiale", "personne_morale", "bailleur_social"]
_CATEGORIE_DESCRIPTION: Final = (
    "personne_physique, sci_familiale (family SCI up to the 4th degree), personne_morale, bailleur_social."
)


# --------------------------------------------------------------------------------------------
# Sub-models
# --------------------------------------------------------------------------------------------


class Logement(StrictModel):
    """The dwelling."""

    adresse: TexteLong = Field(description="Street address (number, street, building, floor).")
    code_postal: CodePostal
    code_commune: CodeCommune | None = Field(
        default=None, description="INSEE commune code (not the postal code); must match `territoire`."
    )


class Bail(StrictModel):
    """The lease. Every fact is optional: a partner sends what it knows."""

    date_signature: Jour | None = Field(default=None, description="Date the lease was signed (took effect).")
    date_renouvellement: Jour | None = Field(
        default=None,
        description="Date of the lease's last (tacit) renewal, when known. Read for the CDP delay only when "
        "the national rule parameter `bail_renouvele_tacitement_regime` is `date_renouvellement`.",
    )
    loyer_mensuel_hc_cents: Cents | None = Field(default=None, description="Monthly rent, charges excluded.")
    charges_mensuelles_cents: Cents | None = Field(default=None, description="Monthly charges.")


class BailCommandement(Bail):
    """The lease as a commandement de payer must state it (rent and charges; lease date for the delay)."""

    date_signature: Jour = Field(
        description="Date the lease was signed: 6-week or 2-month CDP delay (29 July 2023 threshold)."
    )
    loyer_mensuel_hc_cents: Cents = Field(description="Monthly rent, charges excluded.")
    charges_mensuelles_cents: Cents = Field(description="Monthly charges.")


class Bailleur(StrictModel):
    """The landlord."""

    categorie: CategorieBailleur | None = Field(default=None, description=_CATEGORIE_DESCRIPTION)
    nom: Texte | None = None
    siren: Siren | None = Field(default=None, description="SIREN of a legal-person landlord.")


class BailleurQualifie(Bailleur):
    """A landlord whose category is known (required on a commandement de payer)."""

    categorie: CategorieBailleur = Field(description=_CATEGORIE_DESCRIPTION)


class Occupant(StrictModel):
    """A member of the household occupying the dwelling."""

    nom: Texte
    prenom: Texte | None = None
    date_naissance: DateNaissance | None = None
    telephone: Telephone | None = None
    email: Email | None = None


class Dette(StrictModel):
    """The rent debt (décompte)."""

    montant_cents: Cents = Field(description="Outstanding debt in cents, >= 0.")
    mois_impayes_consecutifs: Mois | None = Field(
        default=None, description="Months of unbroken arrears, >= 0."
    )


class DetteCommandement(Dette):
    """The debt as a commandement de payer states it: both amount and months of arrears."""

    mois_impayes_consecutifs: Mois = Field(description="Months of unbroken arrears, >= 0.")


class EtudeCommissaire(StrictModel):
    """The commissaire de justice's étude (office)."""

    nom: Texte
    siret: Siret | None = None
