"""The rules engine, table-driven: every rule at its boundaries, every code firing and not firing."""

from __future__ import annotations

import copy
import dataclasses
import json
import random
import shutil
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from app.rules.codes import DECISION_CODES
from app.rules.engine import ActFacts, Decision, evaluate, ruleset_version
from app.rules.rulebook import RuleBook, clear_rulebook_cache, load_rulebook
from app.rules.schema import ACT_TYPES, DEFAULT_ROOT
from app.rules.verification import fact_paths
from app.schemas.actes import ACTE_ADAPTER, EXEMPLES

D = date
FACT_PATHS = fact_paths()

# --------------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------------

PP = {"categorie": "personne_physique", "nom": "M. Dupont"}
SCI = {"categorie": "sci_familiale", "nom": "SCI Dupont"}
PM = {"categorie": "personne_morale", "nom": "Foncière SA", "siren": "552100554"}
SOC = {"categorie": "bailleur_social", "nom": "OPH 93", "siren": "272300019"}
LOYER = 80_000  # 800 € HC


def bail(signe: date = D(2020, 1, 1), **extra: Any) -> dict[str, Any]:
    return {
        "date_signature": signe,
        "loyer_mensuel_hc_cents": LOYER,
        "charges_mensuelles_cents": 5_000,
        **extra,
    }


def dette(montant: int = 0, mois: int = 0) -> dict[str, int]:
    return {"montant_cents": montant, "mois_impayes_consecutifs": mois}


def _paths(data: Mapping[str, Any], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for name, value in data.items():
        out.add(prefix + name)
        if isinstance(value, Mapping):
            out |= _paths(value, f"{prefix}{name}.")
    return out


def act(
    key: str,
    type_: str,
    day: date | None,
    *,
    recu_le: datetime | None = None,
    schema_facts_only: bool = True,
    **facts: Any,
) -> ActFacts:
    """An act as the engine reads it. Its facts must be ones the act's schema can carry (a table row
    fed with a fact no partner can send would test a rule that never fires in production)."""
    data: dict[str, Any] = {"type": type_, "reference": f"REF-{key}", "territoire": "93"}
    if day is not None:
        data["date_acte"] = day
    data.update(facts)
    if schema_facts_only and type_ in FACT_PATHS:
        unknown = _paths(data) - FACT_PATHS[type_]
        assert not unknown, f"{type_} cannot carry {sorted(unknown)}"
    return ActFacts(key=key, data=data, recu_le=recu_le)


def dsf_connu(connu: bool, day: date = D(2024, 4, 20)) -> ActFacts:
    """A DSF saying whether the household is known to social services (the fact EMPEX reads)."""
    return act("d", "diagnostic_social_financier", day, connu_services_sociaux=connu)


def cdp(
    key: str, day: date, *, bailleur: dict[str, Any] = PP, signe: date = D(2020, 1, 1), **facts: Any
) -> ActFacts:
    return act(key, "commandement_de_payer", day, bail=bail(signe), bailleur=bailleur, **facts)


def assignation(
    key: str,
    day: date,
    audience: date | None = D(2024, 5, 31),
    *,
    bailleur: dict[str, Any] = PP,
    **facts: Any,
) -> ActFacts:
    extra: dict[str, Any] = {"bailleur": bailleur, **facts}
    if audience is not None:
        extra["date_audience"] = audience
    return act(key, "assignation", day, **extra)


def dalo(key: str, day: date | None, *, pu: bool = True, **facts: Any) -> ActFacts:
    return act(key, "decision_dalo", day, prioritaire_urgent=pu, **facts)


def jugement(key: str, day: date, *, issue: str = "resiliation_expulsion", **facts: Any) -> ActFacts:
    return act(key, "decision_justice", day, issue=issue, **facts)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


Expected = set[tuple[str, str, date | None, str | None]]


def fired(territoire: str, acts: Sequence[ActFacts], code: str) -> Expected:
    return {(d.regle, d.acte, d.date, d.precision) for d in evaluate(territoire, acts) if d.code == code}


# --------------------------------------------------------------------------------------------------
# The table: (territoire, acts, code, expected decisions of that code)
# --------------------------------------------------------------------------------------------------

CASES: list[Any] = [
    # --- cdp_effet: lease date selects 2 months / 6 weeks (entry into force 2023-07-29) -------------
    pytest.param(
        "93",
        [cdp("c", D(2024, 1, 10), signe=D(2023, 7, 28))],
        "cdp_effet",
        {("N-CDP-DELAY-ANCIEN", "c", D(2024, 3, 10), None)},
        id="cdp-bail-2023-07-28-2-mois",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 1, 10), signe=D(2023, 7, 29))],
        "cdp_effet",
        {("N-CDP-DELAY-2023", "c", D(2024, 2, 21), None)},
        id="cdp-bail-2023-07-29-6-semaines",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 1, 10), signe=D(2023, 7, 30))],
        "cdp_effet",
        {("N-CDP-DELAY-2023", "c", D(2024, 2, 21), None)},
        id="cdp-bail-2023-07-30-6-semaines",
    ),
    pytest.param(
        "75",
        [cdp("c", D(2023, 12, 31), signe=D(1985, 6, 1))],
        "cdp_effet",
        {("N-CDP-DELAY-ANCIEN", "c", D(2024, 2, 29), None)},
        id="cdp-31-dec-plus-2-mois-29-fev",
    ),
    pytest.param(
        "77",
        [cdp("c", D(2024, 1, 31), signe=D(2010, 6, 1))],
        "cdp_effet",
        {("N-CDP-DELAY-ANCIEN", "c", D(2024, 3, 31), None)},
        id="cdp-31-jan-plus-2-mois",
    ),
    pytest.param(
        "13",
        [cdp("c", D(2023, 8, 31), signe=D(2023, 8, 1))],
        "cdp_effet",
        {("N-CDP-DELAY-2023", "c", D(2023, 10, 12), None)},
        id="cdp-territoire-sans-charte",
    ),
    pytest.param(
        "93",
        [act("c", "commandement_de_payer", D(2024, 1, 10), bailleur=PP)],
        "cdp_effet",
        set(),
        id="cdp-sans-date-de-bail",
    ),
    # --- signalement_ccapex: national threshold since 2023-07-29, 93 arrêté before ------------------
    pytest.param(
        "93",
        [cdp("c", D(2023, 7, 29), dette=dette(0, 2))],
        "signalement_ccapex",
        {("N-CDP-SIGNAL-2023", "c", None, None)},
        id="signal-2023-07-29-2-mois",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2023, 7, 29), dette=dette(2 * LOYER - 1, 1))],
        "signalement_ccapex",
        set(),
        id="signal-2023-dette-sous-2-loyers",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2023, 7, 29), dette=dette(2 * LOYER, 1))],
        "signalement_ccapex",
        {("N-CDP-SIGNAL-2023", "c", None, None)},
        id="signal-2023-dette-egale-2-loyers",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2023, 7, 30), bailleur=SCI, dette=dette(2 * LOYER + 1, 1))],
        "signalement_ccapex",
        {("N-CDP-SIGNAL-2023", "c", None, None)},
        id="signal-2023-07-30-sci-familiale",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2023, 7, 28), dette=dette(2 * LOYER, 5))],
        "signalement_ccapex",
        set(),
        id="signal-93-2023-07-28-sous-seuil-arrete",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2023, 7, 28), dette=dette(0, 6))],
        "signalement_ccapex",
        {("93-CDP-SIGNAL-ARRETE-2019-0975", "c", None, None)},
        id="signal-93-2023-07-28-6-mois",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2023, 7, 28), dette=dette(6 * LOYER - 1, 5))],
        "signalement_ccapex",
        set(),
        id="signal-93-dette-sous-6-loyers",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2023, 7, 28), bailleur=SCI, dette=dette(6 * LOYER, 1))],
        "signalement_ccapex",
        {("93-CDP-SIGNAL-ARRETE-2019-0975", "c", None, None)},
        id="signal-93-dette-egale-6-loyers",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2019, 4, 15), dette=dette(0, 12))],
        "signalement_ccapex",
        set(),
        id="signal-93-veille-arrete-2019",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2019, 4, 16), dette=dette(0, 12))],
        "signalement_ccapex",
        {("93-CDP-SIGNAL-ARRETE-2019-0975", "c", None, None)},
        id="signal-93-jour-arrete-2019",
    ),
    pytest.param(
        "75",
        [cdp("c", D(2023, 7, 28), dette=dette(0, 12))],
        "signalement_ccapex",
        set(),
        id="signal-75-avant-2023-seuil-inconnu",
    ),
    pytest.param(
        "77",
        [cdp("c", D(2023, 7, 28), dette=dette(0, 12))],
        "signalement_ccapex",
        set(),
        id="signal-77-avant-2023-seuil-inconnu",
    ),
    pytest.param(
        "75",
        [cdp("c", D(2023, 7, 29), dette=dette(0, 2))],
        "signalement_ccapex",
        {("N-CDP-SIGNAL-2023", "c", None, None)},
        id="signal-75-2023",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 1, 10), bailleur=PM, dette=dette(0, 12))],
        "signalement_ccapex",
        set(),
        id="signal-personne-morale-non",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 1, 10), bailleur=SOC, dette=dette(0, 12))],
        "signalement_ccapex",
        set(),
        id="signal-bailleur-social-non",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 1, 10))],
        "signalement_ccapex",
        set(),
        id="signal-sans-dette",
    ),
    # --- assignation_au_plus_tot (art. 24 II): saisine + 2 months, same day number -------------------
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2025, 1, 15), bailleur=PM)],
        "assignation_au_plus_tot",
        {("N-PM-SAISINE-DELAI", "s", D(2025, 3, 15), None)},
        id="au-plus-tot-15-janvier-15-mars",
    ),
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2024, 3, 10), bailleur=PM)],
        "assignation_au_plus_tot",
        {("N-PM-SAISINE-DELAI", "s", D(2024, 5, 10), None)},
        id="au-plus-tot-saisine-pm",
    ),
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2024, 12, 31), bailleur=SOC)],
        "assignation_au_plus_tot",
        {("N-PM-SAISINE-DELAI", "s", D(2025, 2, 28), None)},
        id="au-plus-tot-31-dec-fin-fevrier",
    ),
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2023, 12, 31), bailleur=SOC)],
        "assignation_au_plus_tot",
        {("N-PM-SAISINE-DELAI", "s", D(2024, 2, 29), None)},
        id="au-plus-tot-31-dec-29-fevrier-bissextile",
    ),
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2025, 8, 31), bailleur=PM)],
        "assignation_au_plus_tot",
        {("N-PM-SAISINE-DELAI", "s", D(2025, 10, 31), None)},
        id="au-plus-tot-31-aout-31-octobre",
    ),
    pytest.param(
        "93",
        [act("i", "signalement_impaye", D(2024, 1, 15), bailleur=SOC)],
        "assignation_au_plus_tot",
        {("N-PM-SAISINE-DELAI", "i", D(2024, 3, 15), None)},
        id="au-plus-tot-signalement-caf",
    ),
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2024, 3, 10), bailleur=PP)],
        "assignation_au_plus_tot",
        set(),
        id="au-plus-tot-personne-physique-non",
    ),
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2014, 12, 31), bailleur=PM)],
        "assignation_au_plus_tot",
        set(),
        id="au-plus-tot-avant-2015",
    ),
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2015, 1, 1), bailleur=PM)],
        "assignation_au_plus_tot",
        {("N-PM-SAISINE-DELAI", "s", D(2015, 3, 1), None)},
        id="au-plus-tot-2015-01-01",
    ),
    # --- assignation_prematuree: strictly before saisine + 2 months -----------------------------------
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2025, 1, 15), bailleur=PM),
            assignation("a", D(2025, 3, 14), bailleur=PM),
        ],
        "assignation_prematuree",
        {("N-PM-ASSIGNATION-PREMATUREE", "a", D(2025, 3, 15), None)},
        id="prematuree-2025-veille",
    ),
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2025, 1, 15), bailleur=PM),
            assignation("a", D(2025, 3, 15), bailleur=PM),
        ],
        "assignation_prematuree",
        set(),
        id="prematuree-2025-jour",
    ),
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2025, 1, 15), bailleur=PM),
            assignation("a", D(2025, 3, 16), bailleur=PM),
        ],
        "assignation_prematuree",
        set(),
        id="prematuree-2025-lendemain",
    ),
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2024, 3, 10), bailleur=PM),
            assignation("a", D(2024, 5, 9), bailleur=PM),
        ],
        "assignation_prematuree",
        {("N-PM-ASSIGNATION-PREMATUREE", "a", D(2024, 5, 10), None)},
        id="prematuree-veille",
    ),
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2024, 3, 10), bailleur=PM),
            assignation("a", D(2024, 5, 10), bailleur=PM),
        ],
        "assignation_prematuree",
        set(),
        id="prematuree-jour",
    ),
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2024, 3, 10), bailleur=SOC),
            assignation("a", D(2024, 5, 11), bailleur=SOC),
        ],
        "assignation_prematuree",
        set(),
        id="prematuree-lendemain",
    ),
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2024, 12, 31), bailleur=SOC),
            assignation("a", D(2025, 2, 27), bailleur=SOC),
        ],
        "assignation_prematuree",
        {("N-PM-ASSIGNATION-PREMATUREE", "a", D(2025, 2, 28), None)},
        id="prematuree-31-dec-veille-fin-fevrier",
    ),
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2024, 12, 31), bailleur=SOC),
            assignation("a", D(2025, 2, 28), bailleur=SOC),
        ],
        "assignation_prematuree",
        set(),
        id="prematuree-31-dec-jour-fin-fevrier",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 5, 10), bailleur=PM)],
        "assignation_prematuree",
        {("N-PM-ASSIGNATION-SANS-SAISINE", "a", None, "saisine_absente")},
        id="prematuree-sans-saisine",
    ),
    pytest.param(
        "93",
        [
            assignation("a", D(2024, 5, 10), bailleur=PM),
            act("s", "saisine_ccapex", D(2024, 5, 11), bailleur=PM),
        ],
        "assignation_prematuree",
        {("N-PM-ASSIGNATION-SANS-SAISINE", "a", None, "saisine_absente")},
        id="prematuree-saisine-apres",
    ),
    pytest.param(
        "93",
        [
            act("i", "signalement_impaye", D(2024, 1, 15), bailleur=SOC),
            act("s", "saisine_ccapex", D(2024, 3, 1), bailleur=SOC),
            assignation("a", D(2024, 3, 20), bailleur=SOC),
        ],
        "assignation_prematuree",
        set(),
        id="prematuree-signalement-caf-vaut-saisine",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 5, 10), bailleur=PP)],
        "assignation_prematuree",
        set(),
        id="prematuree-personne-physique-non",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 5, 10), bailleur=PM, motif="resiliation_troubles")],
        "assignation_prematuree",
        set(),
        id="prematuree-motif-hors-dette",
    ),
    # --- notification_prefet_limite: assignation date selects D-43 / 2 months -----------------------
    pytest.param(
        "93",
        [assignation("a", D(2023, 7, 28), D(2023, 10, 20))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-ANCIEN", "a", D(2023, 8, 20), None)},
        id="prefet-assignation-2023-07-28",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 7, 29), D(2023, 10, 20))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-2023", "a", D(2023, 9, 7), None)},
        id="prefet-assignation-2023-07-29",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 7, 30), D(2023, 10, 20))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-2023", "a", D(2023, 9, 7), None)},
        id="prefet-assignation-2023-07-30",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), D(2024, 5, 31))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-2023", "a", D(2024, 4, 18), None)},
        id="prefet-j-43",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 1, 5), D(2023, 4, 30))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-ANCIEN", "a", D(2023, 2, 28), None)},
        id="prefet-2-mois-fin-fevrier",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 3, 1), D(2023, 6, 15))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-ANCIEN", "a", D(2023, 4, 15), None)},
        id="prefet-2-mois-audience-15-juin-2023",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2022, 7, 1), D(2022, 10, 31))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-ANCIEN", "a", D(2022, 8, 31), None)},
        id="prefet-2-mois-audience-31-octobre",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), None)],
        "notification_prefet_limite",
        set(),
        id="prefet-sans-audience",
    ),
    # --- notification_prefet_tardive: recu_le (Paris day) after the limit ----------------------------
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), recu_le=utc(2024, 4, 18, 21, 59))],
        "notification_prefet_tardive",
        set(),
        id="tardive-j-43-23h59-paris",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), recu_le=utc(2024, 4, 18, 22, 0))],
        "notification_prefet_tardive",
        {("N-ASSIGN-NOTICE-TARDIVE-2023", "a", D(2024, 4, 18), None)},
        id="tardive-j-42-minuit-paris",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), recu_le=utc(2024, 4, 17, 8, 0))],
        "notification_prefet_tardive",
        set(),
        id="tardive-j-44",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 4, 18))],
        "notification_prefet_tardive",
        set(),
        id="tardive-sans-recu-le-date-acte-j-43",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 4, 19))],
        "notification_prefet_tardive",
        {("N-ASSIGN-NOTICE-TARDIVE-2023", "a", D(2024, 4, 18), None)},
        id="tardive-sans-recu-le-j-42",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 7, 28), D(2023, 10, 20), recu_le=utc(2023, 8, 19, 10, 0))],
        "notification_prefet_tardive",
        set(),
        id="tardive-ancien-veille",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 7, 28), D(2023, 10, 20), recu_le=utc(2023, 8, 20, 10, 0))],
        "notification_prefet_tardive",
        set(),
        id="tardive-ancien-dernier-jour",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 7, 28), D(2023, 10, 20), recu_le=utc(2023, 8, 21, 10, 0))],
        "notification_prefet_tardive",
        {("N-ASSIGN-NOTICE-TARDIVE-ANCIEN", "a", D(2023, 8, 20), None)},
        id="tardive-ancien-lendemain",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 3, 1), D(2023, 6, 15), recu_le=utc(2023, 4, 14, 10, 0))],
        "notification_prefet_tardive",
        set(),
        id="tardive-ancien-15-juin-veille",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 3, 1), D(2023, 6, 15), recu_le=utc(2023, 4, 15, 21, 59))],
        "notification_prefet_tardive",
        set(),
        id="tardive-ancien-15-juin-dernier-jour-23h59-paris",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 3, 1), D(2023, 6, 15), recu_le=utc(2023, 4, 15, 22, 0))],
        "notification_prefet_tardive",
        {("N-ASSIGN-NOTICE-TARDIVE-ANCIEN", "a", D(2023, 4, 15), None)},
        id="tardive-ancien-15-juin-lendemain-minuit-paris",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 3, 1), D(2023, 6, 15), recu_le=utc(2023, 4, 16, 10, 0))],
        "notification_prefet_tardive",
        {("N-ASSIGN-NOTICE-TARDIVE-ANCIEN", "a", D(2023, 4, 15), None)},
        id="tardive-ancien-15-juin-lendemain",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 4, 15), D(2023, 6, 15))],
        "notification_prefet_tardive",
        set(),
        id="tardive-ancien-sans-recu-le-date-acte-dernier-jour",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2023, 4, 16), D(2023, 6, 15))],
        "notification_prefet_tardive",
        {("N-ASSIGN-NOTICE-TARDIVE-ANCIEN", "a", D(2023, 4, 15), None)},
        id="tardive-ancien-sans-recu-le-lendemain",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 4, 30), motif="validite_conge")],
        "notification_prefet_tardive",
        set(),
        id="tardive-motif-hors-dette",
    ),
    # --- dsf_transmission_limite: 5th working day before the hearing --------------------------------
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), D(2024, 5, 13))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2024, 5, 2), None)},
        id="dsf-audience-13-mai-2024-ascension",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), D(2024, 5, 10))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2024, 4, 30), None)},
        id="dsf-audience-10-mai-2024-1-8-9-mai",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), D(2024, 5, 21))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2024, 5, 13), None)},
        id="dsf-audience-21-mai-2024-pentecote",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2021, 1, 6), D(2021, 3, 15))],
        "dsf_transmission_limite",
        set(),
        id="dsf-veille-decret-2021-8",
    ),
    # décret 2021-8: JO of 7 January 2021, in force the next day (the rule said 7 January: it was wrong)
    pytest.param(
        "93",
        [assignation("a", D(2021, 1, 7), D(2021, 3, 15))],
        "dsf_transmission_limite",
        set(),
        id="dsf-jour-publication-decret-2021-8",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2021, 1, 8), D(2021, 3, 15))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2021, 3, 8), None)},
        id="dsf-entree-en-vigueur-decret-2021-8",
    ),
    # --- dsf_en_retard --------------------------------------------------------------------------------
    pytest.param(
        "93",
        [
            assignation("a", D(2024, 3, 1), D(2024, 5, 13)),
            act("d", "diagnostic_social_financier", D(2024, 4, 20), date_transmission=D(2024, 5, 2)),
        ],
        "dsf_en_retard",
        set(),
        id="dsf-retard-dernier-jour",
    ),
    pytest.param(
        "93",
        [
            assignation("a", D(2024, 3, 1), D(2024, 5, 13)),
            act("d", "diagnostic_social_financier", D(2024, 4, 20), date_transmission=D(2024, 5, 3)),
        ],
        "dsf_en_retard",
        {("N-DSF-RETARD", "d", D(2024, 5, 2), None)},
        id="dsf-retard-lendemain",
    ),
    pytest.param(
        "93",
        [
            assignation("a", D(2024, 3, 1), D(2024, 5, 13)),
            act("d", "diagnostic_social_financier", D(2024, 5, 3)),
        ],
        "dsf_en_retard",
        {("N-DSF-RETARD", "d", D(2024, 5, 2), None)},
        id="dsf-retard-date-acte",
    ),
    pytest.param(
        "93",
        [
            assignation("a", D(2024, 3, 1), D(2024, 5, 13)),
            act("d", "diagnostic_social_financier", D(2024, 4, 30)),
        ],
        "dsf_en_retard",
        set(),
        id="dsf-a-temps",
    ),
    pytest.param(
        "93",
        [act("d", "diagnostic_social_financier", D(2024, 5, 3))],
        "dsf_en_retard",
        set(),
        id="dsf-sans-assignation",
    ),
    # --- expulsion_au_plus_tot: CQL + 2 months (same day number), moved out of the trêve ---------------
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 5, 15))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 7, 15), None)},
        id="cql-15-mai-15-juillet",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2024, 6, 15))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2024, 8, 15), None)},
        id="cql-ete",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 8, 30))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 10, 30), None)},
        id="cql-30-oct-avant-treve",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 8, 31))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 10, 31), None)},
        id="cql-31-aout-31-oct-avant-treve",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2024, 8, 31))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2024, 10, 31), None)},
        id="cql-31-oct-avant-treve",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 9, 1))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2026, 4, 1), None)},
        id="cql-1-sept-1-nov-reporte-1-avril",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2024, 9, 1))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 4, 1), None)},
        id="cql-1-nov-reporte-1-avril",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 1, 30))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 4, 1), None)},
        id="cql-30-mars-reporte-1-avril",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 1, 31))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 4, 1), None)},
        id="cql-31-mars-reporte-1-avril",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 2, 1))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 4, 1), None)},
        id="cql-1-avril",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 2, 2))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 4, 2), None)},
        id="cql-2-avril",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2024, 12, 31))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 4, 1), None)},
        id="cql-31-dec-fin-fevrier-puis-treve",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2020, 2, 1))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2020, 7, 11), None)},
        id="cql-treve-prolongee-2020",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2021, 2, 1))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2021, 6, 1), None)},
        id="cql-treve-prolongee-2021",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2014, 3, 26))],
        "expulsion_au_plus_tot",
        set(),
        id="cql-avant-alur",
    ),
    # --- expulsion_pendant_treve ----------------------------------------------------------------------
    pytest.param(
        "93", [act("e", "expulsion", D(2024, 10, 31))], "expulsion_pendant_treve", set(), id="treve-31-oct"
    ),
    pytest.param(
        "93",
        [act("e", "expulsion", D(2024, 11, 1))],
        "expulsion_pendant_treve",
        {("N-EXPULSION-TREVE", "e", None, None)},
        id="treve-1-nov",
    ),
    pytest.param(
        "93",
        [act("e", "expulsion", D(2025, 3, 31))],
        "expulsion_pendant_treve",
        {("N-EXPULSION-TREVE", "e", None, None)},
        id="treve-31-mars",
    ),
    pytest.param(
        "93", [act("e", "expulsion", D(2025, 4, 1))], "expulsion_pendant_treve", set(), id="treve-1-avril"
    ),
    pytest.param(
        "93",
        [act("e", "expulsion", D(2021, 5, 31))],
        "expulsion_pendant_treve",
        {("N-EXPULSION-TREVE", "e", None, None)},
        id="treve-prolongee-31-mai-2021",
    ),
    pytest.param(
        "93", [act("e", "expulsion", D(2021, 6, 1))], "expulsion_pendant_treve", set(), id="treve-1-juin-2021"
    ),
    pytest.param(
        "93",
        [act("e", "expulsion", D(2024, 12, 1), relogement="logement_social")],
        "expulsion_pendant_treve",
        set(),
        id="treve-relogement-assure",
    ),
    # --- expulsion_prematuree: strictly before CQL + 2 months (no trêve move) --------------------------
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 5, 15)), act("e", "expulsion", D(2025, 7, 14))],
        "expulsion_prematuree",
        {("N-EXPULSION-PREMATUREE", "e", D(2025, 7, 15), None)},
        id="expulsion-2025-j-1",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 5, 15)), act("e", "expulsion", D(2025, 7, 15))],
        "expulsion_prematuree",
        set(),
        id="expulsion-2025-jour",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 5, 15)), act("e", "expulsion", D(2025, 7, 16))],
        "expulsion_prematuree",
        set(),
        id="expulsion-2025-lendemain",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2024, 6, 15)), act("e", "expulsion", D(2024, 8, 14))],
        "expulsion_prematuree",
        {("N-EXPULSION-PREMATUREE", "e", D(2024, 8, 15), None)},
        id="expulsion-j-1",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2024, 6, 15)), act("e", "expulsion", D(2024, 8, 15))],
        "expulsion_prematuree",
        set(),
        id="expulsion-jour",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2024, 6, 15)), act("e", "expulsion", D(2024, 8, 16))],
        "expulsion_prematuree",
        set(),
        id="expulsion-lendemain",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 8, 31)), act("e", "expulsion", D(2025, 10, 30))],
        "expulsion_prematuree",
        {("N-EXPULSION-PREMATUREE", "e", D(2025, 10, 31), None)},
        id="expulsion-31-aout-veille-31-oct",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 8, 31)), act("e", "expulsion", D(2025, 10, 31))],
        "expulsion_prematuree",
        set(),
        id="expulsion-31-aout-jour-31-oct",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 9, 1)), act("e", "expulsion", D(2025, 10, 31))],
        "expulsion_prematuree",
        {("N-EXPULSION-PREMATUREE", "e", D(2025, 11, 1), None)},
        id="expulsion-prematuree-sans-report-treve-veille",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2025, 9, 1)), act("e", "expulsion", D(2025, 11, 1))],
        "expulsion_prematuree",
        set(),
        id="expulsion-prematuree-sans-report-treve-jour",
    ),
    # --- refus_implicite_cfp, offre_dalo_limite ---------------------------------------------------------
    pytest.param(
        "93",
        [act("r", "requisition_cfp", D(2024, 3, 15))],
        "refus_implicite_cfp",
        {("N-CFP-SILENCE", "r", D(2024, 5, 15), None)},
        id="cfp-silence",
    ),
    pytest.param(
        "93",
        [act("r", "requisition_cfp", D(2024, 12, 31))],
        "refus_implicite_cfp",
        {("N-CFP-SILENCE", "r", D(2025, 2, 28), None)},
        id="cfp-silence-fin-fevrier",
    ),
    pytest.param(
        "93",
        [act("r", "requisition_cfp", D(2012, 5, 31))],
        "refus_implicite_cfp",
        set(),
        id="cfp-avant-cpce",
    ),
    pytest.param(
        "93",
        [dalo("x", D(2024, 8, 31))],
        "offre_dalo_limite",
        {("N-DALO-OFFRE", "x", D(2025, 2, 28), None)},
        id="dalo-31-aout-plus-6-mois",
    ),
    pytest.param(
        "75",
        [dalo("x", D(2024, 2, 29))],
        "offre_dalo_limite",
        {("N-DALO-OFFRE", "x", D(2024, 8, 29), None)},
        id="dalo-29-fev",
    ),
    pytest.param("93", [dalo("x", D(2007, 12, 31))], "offre_dalo_limite", set(), id="dalo-avant-2008"),
    pytest.param("93", [dalo("x", None)], "offre_dalo_limite", set(), id="dalo-sans-date"),
    pytest.param(
        "93",
        [dalo("x", D(2024, 8, 31), pu=False)],
        "offre_dalo_limite",
        set(),
        id="dalo-non-prioritaire-urgent",
    ),
    # --- sequence_incoherente ---------------------------------------------------------------------------
    pytest.param(
        "93",
        [act("c", "decision_cfp", D(2024, 4, 1), decision="octroi")],
        "sequence_incoherente",
        {("N-SEQ-CFP-SANS-REQUISITION", "c", None, "decision_cfp_sans_requisition")},
        id="seq-cfp-sans-requisition",
    ),
    pytest.param(
        "93",
        [
            act("q", "commandement_quitter_lieux", D(2024, 1, 10)),
            act("r", "requisition_cfp", D(2024, 3, 15)),
            act("c", "decision_cfp", D(2024, 4, 1), decision="refus"),
        ],
        "sequence_incoherente",
        set(),
        id="seq-complete",
    ),
    pytest.param(
        "93",
        [
            act("q", "commandement_quitter_lieux", D(2024, 1, 10)),
            act("c", "decision_cfp", D(2024, 3, 1), decision="octroi"),
            act("r", "requisition_cfp", D(2024, 4, 1)),
        ],
        "sequence_incoherente",
        {("N-SEQ-CFP-SANS-REQUISITION", "c", None, "decision_cfp_sans_requisition")},
        id="seq-requisition-apres",
    ),
    pytest.param(
        "93",
        [act("r", "requisition_cfp", D(2024, 3, 15))],
        "sequence_incoherente",
        {("N-SEQ-REQUISITION-SANS-CQL", "r", None, "requisition_sans_cql")},
        id="seq-requisition-sans-cql",
    ),
    pytest.param(
        "93",
        [act("e", "expulsion", D(2024, 6, 1))],
        "sequence_incoherente",
        {("N-SEQ-EXPULSION-SANS-CQL", "e", None, "expulsion_sans_cql")},
        id="seq-expulsion-sans-cql",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2024, 1, 10)), act("e", "expulsion", D(2024, 6, 1))],
        "sequence_incoherente",
        set(),
        id="seq-expulsion-avec-cql",
    ),
    # --- information_prefet, demande_dsf ---------------------------------------------------------------
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1))],
        "information_prefet",
        {("N-ASSIGN-PREFET", "a", None, None)},
        id="info-prefet-assignation",
    ),
    pytest.param(
        "93",
        [act("q", "commandement_quitter_lieux", D(2024, 6, 15))],
        "information_prefet",
        {("N-CQL-PREFET", "q", None, None)},
        id="info-prefet-cql",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), motif="validite_conge")],
        "information_prefet",
        set(),
        id="info-prefet-motif-hors-dette",
    ),
    pytest.param("93", [cdp("c", D(2024, 3, 1))], "information_prefet", set(), id="info-prefet-cdp-non"),
    pytest.param(
        "13",
        [assignation("a", D(2024, 3, 1))],
        "demande_dsf",
        {("N-ASSIGN-DSF", "a", None, None)},
        id="dsf-demande",
    ),
    pytest.param(
        "13",
        [assignation("a", D(2024, 3, 1), motif="resiliation_troubles")],
        "demande_dsf",
        set(),
        id="dsf-demande-motif-hors-dette",
    ),
    # --- courrier_prevention (kind per charter) ---------------------------------------------------------
    pytest.param(
        "93",
        [cdp("c", D(2024, 3, 1))],
        "courrier_prevention",
        {("93-COURRIER-PRIVE-CDP", "c", None, "parc_prive")},
        id="courrier-93-prive-cdp",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 3, 1), bailleur=SOC)],
        "courrier_prevention",
        set(),
        id="courrier-93-social-cdp-non",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 3, 1), parc="social")],
        "courrier_prevention",
        set(),
        id="courrier-93-parc-explicite",
    ),
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2024, 3, 1), bailleur=SOC, motif="impaye", origine="bailleur_social")],
        "courrier_prevention",
        {("93-COURRIER-SOCIAL-SAISINE", "s", None, "parc_social")},
        id="courrier-93-social-saisine",
    ),
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2024, 3, 1), bailleur=PM)],
        "courrier_prevention",
        set(),
        id="courrier-93-saisine-prive-non",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2021, 12, 31))],
        "courrier_prevention",
        set(),
        id="courrier-93-avant-charte-2022",
    ),
    pytest.param(
        "77",
        [cdp("c", D(2024, 3, 1), bailleur=SOC)],
        "courrier_prevention",
        {("77-COURRIER-CDP", "c", None, "orientation_adil_mds_ccas")},
        id="courrier-77-cdp",
    ),
    pytest.param(
        "75",
        [cdp("c", D(2024, 3, 1))],
        "courrier_prevention",
        {("75-COURRIER-SENSIBILISATION", "c", None, "sensibilisation")},
        id="courrier-75-cdp",
    ),
    pytest.param(
        "13", [cdp("c", D(2024, 3, 1))], "courrier_prevention", set(), id="courrier-territoire-sans-charte"
    ),
    # --- orientation_adil (93, 3 000 - 7 000 €) ---------------------------------------------------------
    pytest.param(
        "93",
        [cdp("c", D(2024, 3, 1), dette=dette(299_999, 4))],
        "orientation_adil",
        set(),
        id="adil-2999-99",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 3, 1), dette=dette(300_000, 4))],
        "orientation_adil",
        {("93-ADIL-3000-7000", "c", None, None)},
        id="adil-3000",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 3, 1), dette=dette(700_000, 9))],
        "orientation_adil",
        {("93-ADIL-3000-7000", "c", None, None)},
        id="adil-7000",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 3, 1), dette=dette(700_001, 9))],
        "orientation_adil",
        set(),
        id="adil-7000-01",
    ),
    pytest.param(
        "93",
        [
            act(
                "s",
                "saisine_ccapex",
                D(2024, 3, 1),
                bailleur=SOC,
                dette=dette(500_000, 6),
                motif="impaye",
                origine="bailleur_social",
            )
        ],
        "orientation_adil",
        {("93-ADIL-3000-7000", "s", None, None)},
        id="adil-social-a-la-saisine",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 3, 1), bailleur=SOC, dette=dette(500_000, 6))],
        "orientation_adil",
        set(),
        id="adil-social-au-cdp-non",
    ),
    pytest.param(
        "75",
        [cdp("c", D(2024, 3, 1), dette=dette(500_000, 6))],
        "orientation_adil",
        set(),
        id="adil-75-non",
    ),
    # --- empex (93) ------------------------------------------------------------------------------------
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1)), dsf_connu(False)],
        "empex",
        {("93-EMPEX", "a", None, None)},
        id="empex-prive-inconnu",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1)), dsf_connu(True)],
        "empex",
        set(),
        id="empex-connu",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), bailleur=SOC), dsf_connu(False)],
        "empex",
        set(),
        id="empex-parc-social",
    ),
    # EMPEX does the DSF of these households: it is sought at the assignation, not after a DSF (the rule
    # fired too late until issue 12)
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1))],
        "empex",
        {("93-EMPEX", "a", None, None)},
        id="empex-assignation-sans-suivi-connu",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2020, 12, 31), D(2021, 3, 1)), dsf_connu(False, D(2021, 2, 1))],
        "empex",
        set(),
        id="empex-avant-2021",
    ),
    pytest.param(
        "77",
        [assignation("a", D(2024, 3, 1)), dsf_connu(False)],
        "empex",
        set(),
        id="empex-77-non",
    ),
    # --- protocole_tripartite (93) -----------------------------------------------------------------------
    pytest.param(
        "93",
        [act("i", "signalement_impaye", D(2024, 3, 1), aide_mensuelle_cents=25_000, dette=dette(170_000, 2))],
        "protocole_tripartite",
        {("93-PROTOCOLE-TRIPARTITE", "i", None, None)},
        id="tripartite-2-mois",
    ),
    pytest.param(
        "93",
        [act("i", "signalement_impaye", D(2024, 3, 1), aide_mensuelle_cents=25_000, dette=dette(85_000, 1))],
        "protocole_tripartite",
        set(),
        id="tripartite-1-mois",
    ),
    pytest.param(
        "93",
        [act("i", "signalement_impaye", D(2024, 3, 1), aide_mensuelle_cents=0, dette=dette(170_000, 2))],
        "protocole_tripartite",
        set(),
        id="tripartite-non-allocataire",
    ),
    pytest.param(
        "93",
        [act("i", "signalement_impaye", D(2024, 3, 1), dette=dette(170_000, 2))],
        "protocole_tripartite",
        set(),
        id="tripartite-fait-absent",
    ),
    pytest.param(
        "75",
        [act("i", "signalement_impaye", D(2024, 3, 1), aide_mensuelle_cents=25_000, dette=dette(170_000, 2))],
        "protocole_tripartite",
        set(),
        id="tripartite-75-non",
    ),
    # --- clpil (77), clil (93) ---------------------------------------------------------------------------
    pytest.param(
        "77",
        [act("i", "signalement_impaye", D(2024, 3, 1), bailleur=SOC)],
        "clpil",
        {("77-CLPIL", "i", None, None)},
        id="clpil-social",
    ),
    pytest.param(
        "77",
        [assignation("a", D(2024, 2, 1), bailleur=SOC), cdp("c", D(2024, 3, 1), bailleur=SOC)],
        "clpil",
        set(),
        id="clpil-apres-assignation",
    ),
    pytest.param(
        "77",
        [act("i", "signalement_impaye", D(2024, 3, 1), bailleur=PP)],
        "clpil",
        set(),
        id="clpil-prive",
    ),
    pytest.param(
        "93",
        [act("i", "signalement_impaye", D(2024, 3, 1), bailleur=SOC)],
        "clpil",
        set(),
        id="clpil-93-non",
    ),
    pytest.param(
        "93",
        [cdp("c", D(2024, 3, 1), bailleur=SOC)],
        "clil",
        {("93-CLIL", "c", None, None)},
        id="clil-social",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 2, 1), bailleur=SOC), cdp("c", D(2024, 3, 1), bailleur=SOC)],
        "clil",
        set(),
        id="clil-apres-assignation",
    ),
    pytest.param("93", [cdp("c", D(2024, 3, 1), bailleur=PP)], "clil", set(), id="clil-prive"),
    # --- verification_droits_caf (75) ----------------------------------------------------------------------
    pytest.param(
        "75",
        [cdp("c", D(2024, 3, 1))],
        "verification_droits_caf",
        {("75-VERIF-DROITS-CAF", "c", None, None)},
        id="caf-75-prive",
    ),
    pytest.param(
        "75",
        [cdp("c", D(2024, 3, 1), bailleur=SOC)],
        "verification_droits_caf",
        set(),
        id="caf-75-social",
    ),
    pytest.param("93", [cdp("c", D(2024, 3, 1))], "verification_droits_caf", set(), id="caf-93-non"),
    # --- comex (93), demande_enquete_sociale / enquete_sociale_limite (77) ---------------------------------
    pytest.param(
        "93",
        [act("r", "requisition_cfp", D(2024, 3, 15))],
        "comex",
        {("93-COMEX", "r", None, None)},
        id="comex-93",
    ),
    pytest.param("77", [act("r", "requisition_cfp", D(2024, 3, 15))], "comex", set(), id="comex-77-non"),
    pytest.param(
        "77",
        [act("r", "requisition_cfp", D(2024, 3, 15))],
        "demande_enquete_sociale",
        {("77-ENQUETE-SOCIALE-CFP", "r", None, None)},
        id="enquete-cfp-77",
    ),
    pytest.param(
        "93",
        [act("r", "requisition_cfp", D(2024, 3, 15))],
        "demande_enquete_sociale",
        set(),
        id="enquete-cfp-93-non",
    ),
    pytest.param(
        "77",
        [assignation("a", D(2024, 3, 1), D(2024, 5, 13))],
        "enquete_sociale_limite",
        {("77-ENQUETE-SOCIALE-J30", "a", D(2024, 4, 13), None)},
        id="enquete-j30-77",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 3, 1), D(2024, 5, 13))],
        "enquete_sociale_limite",
        set(),
        id="enquete-j30-93",
    ),
    # --- solipex (93) ------------------------------------------------------------------------------------
    pytest.param(
        "93",
        [
            act("p", "plan_apurement", D(2024, 1, 5)),
            jugement(
                "j",
                D(2024, 2, 1),
                bailleur=PP,
                dette=dette(900_000, 8),
                occupants=[{}, {}, {}],
            ),
        ],
        "solipex",
        {("93-SOLIPEX", "j", None, None)},
        id="solipex-eligible",
    ),
    pytest.param(
        "93",
        [
            act("p", "plan_apurement", D(2024, 1, 5)),
            jugement(
                "j",
                D(2024, 2, 1),
                bailleur=PP,
                dette=dette(1_000_000, 8),
                occupants=[{}, {}],
            ),
        ],
        "solipex",
        set(),
        id="solipex-dette-10000",
    ),
    pytest.param(
        "93",
        [
            act("p", "plan_apurement", D(2024, 1, 5)),
            jugement(
                "j",
                D(2024, 2, 1),
                bailleur=PP,
                dette=dette(900_000, 8),
                occupants=[{}] * 6,
            ),
        ],
        "solipex",
        set(),
        id="solipex-6-personnes",
    ),
    pytest.param(
        "93",
        [
            act("p", "plan_apurement", D(2024, 1, 5)),
            dalo("x", D(2024, 6, 1)),
            jugement(
                "j",
                D(2024, 2, 1),
                bailleur=PP,
                dette=dette(900_000, 8),
                occupants=[{}, {}],
            ),
        ],
        "solipex",
        set(),
        id="solipex-dalo",
    ),
    pytest.param(
        "93",
        [
            jugement(
                "j",
                D(2024, 2, 1),
                bailleur=PP,
                dette=dette(900_000, 8),
                occupants=[{}, {}],
            )
        ],
        "solipex",
        set(),
        id="solipex-sans-plan",
    ),
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2023, 10, 1), bailleur=PP, motif="conge_vente", origine="menage"),
            act("p", "plan_apurement", D(2024, 1, 5)),
            jugement(
                "j",
                D(2024, 2, 1),
                bailleur=PP,
                dette=dette(900_000, 8),
                occupants=[{}, {}],
            ),
        ],
        "solipex",
        set(),
        id="solipex-conge-vente",
    ),
    # --- protocole_cohesion_sociale (77, 93) ---------------------------------------------------------------
    pytest.param(
        "93",
        [jugement("j", D(2024, 2, 1), bailleur=SOC)],
        "protocole_cohesion_sociale",
        {("93-PCS", "j", None, None)},
        id="pcs-93-social",
    ),
    pytest.param(
        "77",
        [jugement("j", D(2024, 2, 1), parc="social")],
        "protocole_cohesion_sociale",
        {("77-PCS", "j", None, None)},
        id="pcs-77-social",
    ),
    pytest.param(
        "77",
        [jugement("j", D(2024, 2, 1), bailleur=PP)],
        "protocole_cohesion_sociale",
        set(),
        id="pcs-77-prive",
    ),
    pytest.param(
        "75",
        [jugement("j", D(2024, 2, 1), bailleur=SOC)],
        "protocole_cohesion_sociale",
        set(),
        id="pcs-75-non",
    ),
    # --- avdl, information_surendettement (77) -------------------------------------------------------------
    pytest.param("77", [dalo("x", D(2024, 2, 1))], "avdl", {("77-AVDL", "x", None, None)}, id="avdl-77"),
    pytest.param("75", [dalo("x", D(2024, 2, 1))], "avdl", set(), id="avdl-75-non"),
    pytest.param(
        "77",
        [act("b", "surendettement", D(2024, 2, 1))],
        "information_surendettement",
        {("77-SURENDETTEMENT", "b", None, None)},
        id="surendettement-77",
    ),
    pytest.param(
        "93",
        [act("b", "surendettement", D(2024, 2, 1))],
        "information_surendettement",
        set(),
        id="surendettement-93",
    ),
    # --- 75: situation complexe, DALO au stade CFP, CCAPEX locale ------------------------------------------
    pytest.param(
        "75",
        [assignation("a", D(2024, 3, 1), bailleur=SOC, motif="resiliation_troubles")],
        "saisine_ccapex_situation_complexe",
        {("75-SAISINE-COMPLEXE-BAILLEUR-SOCIAL", "a", None, None)},
        id="complexe-75-trouble",
    ),
    pytest.param(
        "75",
        [assignation("a", D(2024, 3, 1), bailleur=SOC)],
        "saisine_ccapex_situation_complexe",
        set(),
        id="complexe-75-motif-absent",
    ),
    pytest.param(
        "75",
        [assignation("a", D(2024, 3, 1), bailleur=PP, motif="resiliation_troubles")],
        "saisine_ccapex_situation_complexe",
        set(),
        id="complexe-75-prive",
    ),
    pytest.param(
        "75",
        [dalo("x", D(2023, 6, 1)), act("r", "requisition_cfp", D(2024, 3, 15))],
        "signalement_dalo_cfp",
        {("75-DALO-CFP", "r", None, None)},
        id="dalo-cfp-75",
    ),
    pytest.param(
        "75",
        [act("r", "requisition_cfp", D(2024, 3, 15))],
        "signalement_dalo_cfp",
        set(),
        id="dalo-cfp-75-sans-dalo",
    ),
    pytest.param(
        "93",
        [dalo("x", D(2023, 6, 1)), act("r", "requisition_cfp", D(2024, 3, 15))],
        "signalement_dalo_cfp",
        set(),
        id="dalo-cfp-93-non",
    ),
    pytest.param(
        "75",
        [act("s", "saisine_ccapex", D(2024, 3, 1), logement={"code_postal": "75012"})],
        "ccapex_locale",
        {("75-CCAPEX-LOCALE", "s", None, None)},
        id="ccapex-locale-75012",
    ),
    pytest.param(
        "75",
        [act("s", "saisine_ccapex", D(2024, 3, 1), logement={"code_postal": "75011"})],
        "ccapex_locale",
        set(),
        id="ccapex-locale-75011",
    ),
    pytest.param(
        "75",
        [act("s", "saisine_ccapex", D(2024, 3, 1))],
        "ccapex_locale",
        set(),
        id="ccapex-locale-sans-adresse",
    ),
    # 77: the CCAPEX Nord (Meaux, Torcy) or Sud (Melun, Fontainebleau), read from the dossier's commune
    pytest.param(
        "77",
        [cdp("c", D(2024, 3, 1), logement={"code_postal": "77100", "code_commune": "77284"})],
        "ccapex_nord",
        {("77-CCAPEX-NORD", "c", None, None)},
        id="ccapex-nord-meaux",
    ),
    pytest.param(
        "77",
        [
            cdp("c", D(2024, 3, 1), logement={"code_postal": "77200", "code_commune": "77468"}),
            act("a", "assignation", D(2024, 6, 1)),
        ],
        "ccapex_nord",
        {("77-CCAPEX-NORD", "c", None, None), ("77-CCAPEX-NORD", "a", None, None)},
        id="ccapex-nord-torcy-du-dossier",
    ),
    pytest.param(
        "77",
        [cdp("c", D(2024, 3, 1), logement={"code_postal": "77000", "code_commune": "77288"})],
        "ccapex_nord",
        set(),
        id="ccapex-nord-pas-melun",
    ),
    pytest.param(
        "77",
        [
            act(
                "s",
                "saisine_ccapex",
                D(2024, 3, 1),
                logement={"code_postal": "77300", "code_commune": "77186"},
            )
        ],
        "ccapex_sud",
        {("77-CCAPEX-SUD", "s", None, None)},
        id="ccapex-sud-fontainebleau",
    ),
    pytest.param(
        "77",
        [cdp("c", D(2024, 3, 1), logement={"code_postal": "77160", "code_commune": "77379"})],
        "ccapex_sud",
        set(),
        id="ccapex-sud-pas-provins",
    ),
]


SCHEMA_CASES: list[Any] = [
    # facts as the act schemas name them (app/schemas/actes.py)
    pytest.param(
        "93",
        [act("s", "saisine_ccapex", D(2024, 3, 10), motif="impaye", origine="bailleur_social")],
        "assignation_au_plus_tot",
        {("N-PM-SAISINE-DELAI", "s", D(2024, 5, 10), None)},
        id="au-plus-tot-origine-bailleur-social-sans-categorie",
    ),
    pytest.param(
        "93",
        [
            act(
                "s",
                "saisine_ccapex",
                D(2024, 3, 10),
                bailleur=PM,
                motif="troubles_jouissance",
                origine="autre",
            )
        ],
        "assignation_au_plus_tot",
        set(),
        id="au-plus-tot-saisine-pour-troubles",
    ),
    pytest.param(
        "93",
        [
            act("s", "saisine_ccapex", D(2024, 1, 10), bailleur=PM, motif="conge_reprise", origine="autre"),
            assignation("a", D(2024, 5, 10), bailleur=PM),
        ],
        "assignation_prematuree",
        {("N-PM-ASSIGNATION-SANS-SAISINE", "a", None, "saisine_absente")},
        id="prematuree-seule-saisine-hors-dette",
    ),
    pytest.param(
        "93",
        [assignation("a", D(2024, 5, 10), bailleur=PM, motif="constat_clause_resolutoire")],
        "assignation_prematuree",
        {("N-PM-ASSIGNATION-SANS-SAISINE", "a", None, "saisine_absente")},
        id="prematuree-motif-clause-resolutoire",
    ),
    pytest.param(
        "93",
        [act("e", "expulsion", D(2024, 12, 1), relogement="hebergement")],
        "expulsion_pendant_treve",
        {("N-EXPULSION-TREVE", "e", None, None)},
        id="treve-hebergement-alerte",
    ),
    pytest.param(
        "93",
        [act("e", "expulsion", D(2024, 12, 1), relogement="aucun")],
        "expulsion_pendant_treve",
        {("N-EXPULSION-TREVE", "e", None, None)},
        id="treve-sans-solution",
    ),
    pytest.param(
        "93",
        [act("e", "expulsion", D(2024, 12, 1), depart_avant_execution=True)],
        "expulsion_pendant_treve",
        set(),
        id="treve-depart-avant-execution",
    ),
    pytest.param(
        "93",
        [
            assignation("a", D(2024, 3, 1)),
            act("d", "diagnostic_social_financier", D(2024, 4, 20), connu_services_sociaux=False),
        ],
        "empex",
        {("93-EMPEX", "a", None, None)},
        id="empex-lu-sur-le-dsf",
    ),
    pytest.param(
        "93",
        [
            assignation("a", D(2024, 3, 1)),
            act("d", "diagnostic_social_financier", D(2024, 4, 20), connu_services_sociaux=True),
        ],
        "empex",
        set(),
        id="empex-dsf-connu",
    ),
    pytest.param(
        "93",
        [
            act(
                "i",
                "signalement_impaye",
                D(2024, 3, 1),
                organisme="caf",
                aide_mensuelle_cents=25_000,
                dette=dette(170_000, 2),
            )
        ],
        "protocole_tripartite",
        {("93-PROTOCOLE-TRIPARTITE", "i", None, None)},
        id="tripartite-aide-caf",
    ),
    pytest.param(
        "93",
        [
            act(
                "i",
                "signalement_impaye",
                D(2024, 3, 1),
                organisme="msa",
                aide_mensuelle_cents=25_000,
                dette=dette(170_000, 2),
            )
        ],
        "protocole_tripartite",
        set(),
        id="tripartite-msa",
    ),
    pytest.param(
        "93",
        [
            act(
                "i",
                "signalement_impaye",
                D(2024, 3, 1),
                organisme="caf",
                aide_mensuelle_cents=0,
                dette=dette(170_000, 2),
            )
        ],
        "protocole_tripartite",
        set(),
        id="tripartite-sans-aide",
    ),
    pytest.param(
        "93",
        [jugement("j", D(2024, 2, 1), issue="delais_paiement", bailleur=SOC)],
        "protocole_cohesion_sociale",
        set(),
        id="pcs-93-delais-de-paiement",
    ),
    pytest.param(
        "93",
        [
            act("p", "plan_apurement", D(2024, 1, 5)),
            dalo("x", D(2024, 6, 1), pu=False),
            jugement("j", D(2024, 2, 1), bailleur=PP, dette=dette(900_000, 8), occupants=({}, {})),
        ],
        "solipex",
        {("93-SOLIPEX", "j", None, None)},
        id="solipex-dalo-rejete",
    ),
    pytest.param(
        "93",
        [
            act("p", "plan_apurement", D(2024, 1, 5)),
            jugement(
                "j", D(2024, 2, 1), issue="rejet", bailleur=PP, dette=dette(900_000, 8), occupants=[{}, {}]
            ),
        ],
        "solipex",
        set(),
        id="solipex-demande-rejetee",
    ),
    pytest.param(
        "75",
        [dalo("x", D(2023, 6, 1), pu=False), act("r", "requisition_cfp", D(2024, 3, 15))],
        "signalement_dalo_cfp",
        set(),
        id="dalo-cfp-75-non-prioritaire",
    ),
    pytest.param("77", [dalo("x", D(2024, 2, 1), pu=False)], "avdl", set(), id="avdl-77-non-prioritaire"),
]

CASES += SCHEMA_CASES


def _row(territoire: str, acts: list[ActFacts], code: str, expected: Expected, row_id: str) -> Any:
    return pytest.param(territoire, acts, code, expected, id=row_id)


# Hard cases re-derived by hand (python datetime + holidays.France, not app.rules.calendar): the
# 2026 holidays (1 and 8 May on Fridays, Ascension 14 May, Pentecost Monday 25 May, 14 July, Christmas
# and New Year), J-43 landing on a holiday (no extension: art. 642 CPC is excluded for this backward
# count), the Paris day of a recu_le in winter (UTC+1) and summer (UTC+2), and month ends.
HARD_CASES: list[Any] = [
    # 5th working day before the hearing
    _row(
        "93",
        [assignation("a", D(2026, 2, 2), D(2026, 5, 19))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2026, 5, 11), None)},
        "dsf-2026-05-19-ascension-14-mai",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 2, 2), D(2026, 5, 15))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2026, 5, 6), None)},
        "dsf-2026-05-15-lendemain-ascension",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 2, 2), D(2026, 5, 18))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2026, 5, 7), None)},
        "dsf-2026-05-18-ascension-et-8-mai",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 2, 2), D(2026, 5, 29))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2026, 5, 21), None)},
        "dsf-2026-05-29-lundi-pentecote",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 2, 2), D(2026, 5, 26))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2026, 5, 18), None)},
        "dsf-2026-05-26-lendemain-pentecote",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 2, 2), D(2026, 5, 11))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2026, 4, 30), None)},
        "dsf-2026-05-11-1er-et-8-mai",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 2, 2), D(2026, 7, 17))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2026, 7, 9), None)},
        "dsf-2026-07-17-14-juillet",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 9, 1), D(2026, 12, 30))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2026, 12, 22), None)},
        "dsf-2026-12-30-noel",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 9, 1), D(2027, 1, 5))],
        "dsf_transmission_limite",
        {("N-DSF-DELAI", "a", D(2026, 12, 28), None)},
        "dsf-2027-01-05-noel-et-1er-janvier",
    ),
    # J-43 may be a holiday or a weekend: it stays there
    _row(
        "93",
        [assignation("a", D(2026, 3, 2), D(2026, 6, 26))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-2023", "a", D(2026, 5, 14), None)},
        "prefet-j-43-ascension",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 3, 2), D(2026, 6, 13))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-2023", "a", D(2026, 5, 1), None)},
        "prefet-j-43-1er-mai",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 3, 2), D(2026, 6, 20))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-2023", "a", D(2026, 5, 8), None)},
        "prefet-j-43-8-mai",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 5, 4), D(2026, 8, 26))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-2023", "a", D(2026, 7, 14), None)},
        "prefet-j-43-14-juillet",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 9, 1), D(2027, 2, 6))],
        "notification_prefet_limite",
        {("N-ASSIGN-NOTICE-2023", "a", D(2026, 12, 25), None)},
        "prefet-j-43-noel",
    ),
    # recu_le as a Paris day: 23:30 UTC is the next day in Paris, winter and summer
    _row(
        "93",
        [assignation("a", D(2025, 12, 1), D(2026, 2, 20), recu_le=utc(2026, 1, 8, 22, 59))],
        "notification_prefet_tardive",
        set(),
        "tardive-hiver-22h59-utc-23h59-paris",
    ),
    _row(
        "93",
        [assignation("a", D(2025, 12, 1), D(2026, 2, 20), recu_le=utc(2026, 1, 8, 23, 30))],
        "notification_prefet_tardive",
        {("N-ASSIGN-NOTICE-TARDIVE-2023", "a", D(2026, 1, 8), None)},
        "tardive-hiver-23h30-utc-lendemain-paris",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 3, 2), D(2026, 6, 26), recu_le=utc(2026, 5, 13, 23, 30))],
        "notification_prefet_tardive",
        set(),
        "tardive-ete-veille-23h30-utc-jour-limite-paris",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 3, 2), D(2026, 6, 26), recu_le=utc(2026, 5, 14, 21, 59))],
        "notification_prefet_tardive",
        set(),
        "tardive-ete-21h59-utc-23h59-paris",
    ),
    _row(
        "93",
        [assignation("a", D(2026, 3, 2), D(2026, 6, 26), recu_le=utc(2026, 5, 14, 22, 0))],
        "notification_prefet_tardive",
        {("N-ASSIGN-NOTICE-TARDIVE-2023", "a", D(2026, 5, 14), None)},
        "tardive-ete-22h00-utc-minuit-paris",
    ),
    # the lease, not the CDP, selects the delay (a CDP of 2023-07-29 on an older lease keeps 2 months)
    _row(
        "93",
        [cdp("c", D(2023, 7, 29), signe=D(2020, 1, 1))],
        "cdp_effet",
        {("N-CDP-DELAY-ANCIEN", "c", D(2023, 9, 29), None)},
        "cdp-2023-07-29-bail-ancien-2-mois",
    ),
    _row(
        "93",
        [cdp("c", D(2023, 7, 28), signe=D(2020, 1, 1))],
        "cdp_effet",
        {("N-CDP-DELAY-ANCIEN", "c", D(2023, 9, 28), None)},
        "cdp-2023-07-28-bail-ancien-2-mois",
    ),
    _row(
        "93",
        [cdp("c", D(2023, 7, 29), signe=D(2023, 7, 29))],
        "cdp_effet",
        {("N-CDP-DELAY-2023", "c", D(2023, 9, 9), None)},
        "cdp-2023-07-29-bail-du-jour-6-semaines",
    ),
    _row(
        "93",
        [cdp("c", D(2024, 1, 31), signe=D(2022, 5, 1))],
        "cdp_effet",
        {("N-CDP-DELAY-ANCIEN", "c", D(2024, 3, 31), None)},
        "cdp-2024-01-31-bail-2022-31-mars",
    ),
    # month ends
    _row(
        "93",
        [act("r", "requisition_cfp", D(2027, 12, 31))],
        "refus_implicite_cfp",
        {("N-CFP-SILENCE", "r", D(2028, 2, 29), None)},
        "cfp-silence-31-dec-29-fev-bissextile",
    ),
    _row(
        "93",
        [act("r", "requisition_cfp", D(2026, 8, 31))],
        "refus_implicite_cfp",
        {("N-CFP-SILENCE", "r", D(2026, 10, 31), None)},
        "cfp-silence-31-aout-31-oct",
    ),
    _row(
        "93",
        [dalo("x", D(2025, 12, 31))],
        "offre_dalo_limite",
        {("N-DALO-OFFRE", "x", D(2026, 6, 30), None)},
        "dalo-31-dec-30-juin",
    ),
    # CQL + 2 months around the trêve, 2026-2027
    _row(
        "93",
        [act("q", "commandement_quitter_lieux", D(2026, 8, 31))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2026, 10, 31), None)},
        "cql-2026-08-31-31-oct-hors-treve",
    ),
    _row(
        "93",
        [act("q", "commandement_quitter_lieux", D(2026, 9, 1))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2027, 4, 1), None)},
        "cql-2026-09-01-1-nov-reporte-1-avril",
    ),
    _row(
        "93",
        [act("q", "commandement_quitter_lieux", D(2027, 1, 31))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2027, 4, 1), None)},
        "cql-2027-01-31-31-mars-reporte-1-avril",
    ),
    _row(
        "93",
        [act("q", "commandement_quitter_lieux", D(2027, 2, 1))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2027, 4, 1), None)},
        "cql-2027-02-01-1-avril",
    ),
]

CASES += HARD_CASES


# --------------------------------------------------------------------------------------------------
# Issue 12: national rules added (paper réquisition, CQL not sent to the préfet, délais de grâce, DSF
# interview), each at its boundaries
# --------------------------------------------------------------------------------------------------


def requisition(key: str, day: date, electronique: bool | None = None) -> ActFacts:
    facts = {} if electronique is None else {"voie_electronique": electronique}
    return act(key, "requisition_cfp", day, **facts)


def cql(key: str, day: date, transmis: date | None = None) -> ActFacts:
    facts = {} if transmis is None else {"date_transmission_prefet": transmis}
    return act(key, "commandement_quitter_lieux", day, **facts)


def dsf(key: str, day: date, demande: date | None, entretien: date | None = None, **facts: Any) -> ActFacts:
    if demande is not None:
        facts["date_demande"] = demande
    if entretien is not None:
        facts["date_entretien"] = entretien
    return act(key, "diagnostic_social_financier", day, **facts)


def grace(key: str, day: date, mois: int | None) -> ActFacts:
    facts = {} if mois is None else {"delais_grace_mois": mois}
    return jugement(key, day, **facts)


NATIONAL_2026: list[Any] = [
    # --- requisition_non_electronique; a paper réquisition starts no refus_implicite_cfp (since 2018) ---
    _row(
        "93",
        [requisition("r", D(2024, 3, 15), False)],
        "requisition_non_electronique",
        {("N-CFP-REQUISITION-PAPIER", "r", None, None)},
        "papier-2024",
    ),
    _row("93", [requisition("r", D(2024, 3, 15), False)], "refus_implicite_cfp", set(), "papier-sans-refus"),
    _row(
        "93", [requisition("r", D(2024, 3, 15), True)], "requisition_non_electronique", set(), "electronique"
    ),
    _row(
        "93",
        [requisition("r", D(2024, 3, 15), True)],
        "refus_implicite_cfp",
        {("N-CFP-SILENCE", "r", D(2024, 5, 15), None)},
        "electronique-refus",
    ),
    _row("93", [requisition("r", D(2024, 3, 15))], "requisition_non_electronique", set(), "voie-inconnue"),
    _row(
        "93",
        [requisition("r", D(2017, 12, 31), False)],
        "requisition_non_electronique",
        set(),
        "papier-veille-2018",
    ),
    _row(
        "93",
        [requisition("r", D(2017, 12, 31), False)],
        "refus_implicite_cfp",
        {("N-CFP-SILENCE", "r", D(2018, 2, 28), None)},
        "papier-veille-2018-refus",
    ),
    _row(
        "93",
        [requisition("r", D(2018, 1, 1), False)],
        "requisition_non_electronique",
        {("N-CFP-REQUISITION-PAPIER", "r", None, None)},
        "papier-1er-janvier-2018",
    ),
    _row(
        "93", [requisition("r", D(2018, 1, 1), False)], "refus_implicite_cfp", set(), "papier-2018-sans-refus"
    ),
    _row(
        "93",
        [requisition("r", D(2018, 1, 2), False)],
        "requisition_non_electronique",
        {("N-CFP-REQUISITION-PAPIER", "r", None, None)},
        "papier-2-janvier-2018",
    ),
    # --- cql_non_transmis_prefet (ALUR, 2014-03-27) ----------------------------------------------------
    _row(
        "93",
        [cql("q", D(2024, 3, 1))],
        "cql_non_transmis_prefet",
        {("N-CQL-NON-TRANSMIS", "q", None, None)},
        "cql-sans-transmission",
    ),
    _row("93", [cql("q", D(2024, 3, 1), D(2024, 3, 1))], "cql_non_transmis_prefet", set(), "cql-transmis"),
    _row("93", [cql("q", D(2014, 3, 26))], "cql_non_transmis_prefet", set(), "cql-veille-alur"),
    _row(
        "93",
        [cql("q", D(2014, 3, 27))],
        "cql_non_transmis_prefet",
        {("N-CQL-NON-TRANSMIS", "q", None, None)},
        "cql-jour-alur",
    ),
    # --- expulsion_au_plus_tot runs from a later transmission to the préfet (L412-5) --------------------
    _row(
        "93",
        [cql("q", D(2024, 3, 1), D(2024, 3, 1))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2024, 5, 1), None)},
        "cql-transmis-le-jour-meme",
    ),
    _row(
        "93",
        [cql("q", D(2024, 3, 1), D(2024, 3, 2))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2024, 5, 2), None)},
        "cql-transmis-le-lendemain",
    ),
    _row(
        "93",
        [cql("q", D(2024, 3, 1), D(2024, 3, 10))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2024, 5, 10), None)},
        "cql-transmis-9-jours-apres",
    ),
    _row(
        "93",
        [cql("q", D(2024, 8, 31), D(2024, 8, 31))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2024, 10, 31), None)},
        "cql-transmis-31-aout-avant-treve",
    ),
    _row(
        "93",
        [cql("q", D(2024, 8, 31), D(2024, 9, 1))],
        "expulsion_au_plus_tot",
        {("N-CQL-DELAI", "q", D(2025, 4, 1), None)},
        "cql-transmis-1-sept-treve",
    ),
    _row(
        "93",
        [cql("q", D(2024, 3, 1), D(2024, 3, 10)), act("e", "expulsion", D(2024, 5, 9))],
        "expulsion_prematuree",
        {("N-EXPULSION-PREMATUREE", "e", D(2024, 5, 10), None)},
        "expulsion-veille-transmission-plus-2-mois",
    ),
    _row(
        "93",
        [cql("q", D(2024, 3, 1), D(2024, 3, 10)), act("e", "expulsion", D(2024, 5, 10))],
        "expulsion_prematuree",
        set(),
        "expulsion-jour-transmission-plus-2-mois",
    ),
    _row(
        "93",
        [cql("q", D(2024, 3, 1), D(2024, 3, 10)), act("e", "expulsion", D(2024, 5, 11))],
        "expulsion_prematuree",
        set(),
        "expulsion-lendemain-transmission-plus-2-mois",
    ),
    # --- delais_grace_hors_limites: 1 month - 1 year (MLLE, then 2023-668), 3 months - 3 years (ALUR) ---
    _row(
        "93",
        [grace("j", D(2023, 7, 29), 13)],
        "delais_grace_hors_limites",
        {("N-DELAIS-GRACE-2023", "j", None, None)},
        "grace-2023-13-mois",
    ),
    _row("93", [grace("j", D(2023, 7, 29), 12)], "delais_grace_hors_limites", set(), "grace-2023-12-mois"),
    _row("93", [grace("j", D(2023, 7, 29), 1)], "delais_grace_hors_limites", set(), "grace-2023-1-mois"),
    _row("93", [grace("j", D(2023, 7, 30), 11)], "delais_grace_hors_limites", set(), "grace-2023-11-mois"),
    _row("93", [grace("j", D(2023, 7, 28), 13)], "delais_grace_hors_limites", set(), "grace-alur-13-mois"),
    _row("93", [grace("j", D(2023, 7, 28), 36)], "delais_grace_hors_limites", set(), "grace-alur-36-mois"),
    _row("93", [grace("j", D(2023, 7, 28), 3)], "delais_grace_hors_limites", set(), "grace-alur-3-mois"),
    _row(
        "93",
        [grace("j", D(2023, 7, 28), 2)],
        "delais_grace_hors_limites",
        {("N-DELAIS-GRACE-ALUR", "j", None, None)},
        "grace-alur-2-mois",
    ),
    _row(
        "93",
        [grace("j", D(2014, 3, 27), 2)],
        "delais_grace_hors_limites",
        {("N-DELAIS-GRACE-ALUR", "j", None, None)},
        "grace-jour-alur-2-mois",
    ),
    _row("93", [grace("j", D(2014, 3, 27), 13)], "delais_grace_hors_limites", set(), "grace-jour-alur-13"),
    _row(
        "93",
        [grace("j", D(2014, 3, 26), 13)],
        "delais_grace_hors_limites",
        {("N-DELAIS-GRACE-MLLE", "j", None, None)},
        "grace-veille-alur-13-mois",
    ),
    _row("93", [grace("j", D(2014, 3, 26), 2)], "delais_grace_hors_limites", set(), "grace-veille-alur-2"),
    _row("93", [grace("j", D(2024, 3, 1), None)], "delais_grace_hors_limites", set(), "grace-absents"),
    # --- entretien_dsf_limite / entretien_dsf_tardif: 15 working days after the préfet's referral ---------
    _row(
        "93",
        [dsf("d", D(2026, 6, 10), D(2026, 5, 4))],
        "entretien_dsf_limite",
        {("N-DSF-ENTRETIEN-DELAI", "d", D(2026, 5, 28), None)},
        "entretien-mai-2026-8-mai-ascension-pentecote",
    ),
    _row(
        "93",
        [dsf("d", D(2024, 4, 20), D(2024, 3, 4))],
        "entretien_dsf_limite",
        {("N-DSF-ENTRETIEN-DELAI", "d", D(2024, 3, 25), None)},
        "entretien-mars-2024",
    ),
    _row("93", [dsf("d", D(2024, 4, 20), None)], "entretien_dsf_limite", set(), "entretien-sans-saisine"),
    _row(
        "93",
        [dsf("d", D(2021, 2, 20), D(2021, 1, 7))],
        "entretien_dsf_limite",
        set(),
        "entretien-saisine-veille-decret",
    ),
    _row(
        "93",
        [dsf("d", D(2021, 2, 20), D(2021, 1, 8))],
        "entretien_dsf_limite",
        {("N-DSF-ENTRETIEN-DELAI", "d", D(2021, 1, 29), None)},
        "entretien-saisine-jour-decret",
    ),
    _row(
        "93",
        [dsf("d", D(2026, 6, 10), D(2026, 5, 4), D(2026, 5, 27))],
        "entretien_dsf_tardif",
        set(),
        "entretien-veille-limite",
    ),
    _row(
        "93",
        [dsf("d", D(2026, 6, 10), D(2026, 5, 4), D(2026, 5, 28))],
        "entretien_dsf_tardif",
        set(),
        "entretien-jour-limite",
    ),
    _row(
        "93",
        [dsf("d", D(2026, 6, 10), D(2026, 5, 4), D(2026, 5, 29))],
        "entretien_dsf_tardif",
        {("N-DSF-ENTRETIEN-TARDIF", "d", D(2026, 5, 28), None)},
        "entretien-lendemain-limite",
    ),
    _row(
        "93",
        [dsf("d", D(2026, 6, 10), D(2026, 5, 4), non_presentation=True)],
        "entretien_dsf_tardif",
        set(),
        "entretien-non-presentation",
    ),
]

CASES += NATIONAL_2026


# --------------------------------------------------------------------------------------------------
# Issue 12: facts read from the whole dossier (a judgment that does not restate the household)
# --------------------------------------------------------------------------------------------------

OCCUPANTS_3 = ({"nom": "SECRETA"}, {"nom": "SECRETB"}, {"nom": "SECRETC"})


def cdp_menage(key: str, day: date, montant: int, occupants: Any = OCCUPANTS_3, **facts: Any) -> ActFacts:
    return cdp(key, day, dette=dette(montant, 5), occupants=occupants, **facts)


DOSSIER_FACTS: list[Any] = [
    _row(
        "93",
        [
            cdp_menage("c", D(2024, 1, 10), 400_000),
            act("p", "plan_apurement", D(2024, 2, 1)),
            jugement("j", D(2024, 6, 1)),
        ],
        "solipex",
        {("93-SOLIPEX", "j", None, None)},
        "solipex-jugement-sans-menage-cdp-etablit-tout",
    ),
    _row(
        "93",
        [
            cdp_menage("c", D(2024, 1, 10), 400_000),
            act("p", "plan_apurement", D(2024, 2, 1)),
            jugement("j", D(2024, 6, 1)),
            act("q", "commandement_quitter_lieux", D(2024, 9, 2), dette=dette(1_000_000)),
        ],
        "solipex",
        set(),
        "solipex-dette-courante-10000",
    ),
    _row(
        "93",
        [
            cdp_menage("c", D(2024, 1, 10), 400_000),
            act("p", "plan_apurement", D(2024, 2, 1)),
            jugement("j", D(2024, 6, 1)),
            act("q", "commandement_quitter_lieux", D(2024, 9, 2), dette=dette(999_999)),
        ],
        "solipex",
        {("93-SOLIPEX", "j", None, None)},
        "solipex-dette-courante-9999-99",
    ),
    _row(
        "93",
        [
            cdp_menage("c", D(2024, 1, 10), 400_000, occupants=({"nom": "SECRETA"},)),
            act("p", "plan_apurement", D(2024, 2, 1)),
            jugement("j", D(2024, 6, 1)),
        ],
        "solipex",
        set(),
        "solipex-menage-d-une-personne",
    ),
    _row(
        "93",
        [cdp("c", D(2024, 1, 10), bailleur=SOC), jugement("j", D(2024, 6, 1))],
        "protocole_cohesion_sociale",
        {("93-PCS", "j", None, None)},
        "pcs-93-parc-du-dossier",
    ),
    _row(
        "77",
        [cdp("c", D(2024, 1, 10), bailleur=SOC), jugement("j", D(2024, 6, 1))],
        "protocole_cohesion_sociale",
        {("77-PCS", "j", None, None)},
        "pcs-77-parc-du-dossier",
    ),
    _row(
        "93",
        [cdp("c", D(2024, 1, 10), bailleur=PP), jugement("j", D(2024, 6, 1), parc="social")],
        "protocole_cohesion_sociale",
        {("93-PCS", "j", None, None)},
        "pcs-93-parc-de-l-acte-d-abord",
    ),
]

CASES += DOSSIER_FACTS


# --------------------------------------------------------------------------------------------------
# Issue 12: rules that fired too broadly or too late
# --------------------------------------------------------------------------------------------------


def saisine(
    key: str, day: date, *, origine: str = "bailleur_social", motif: str = "impaye", **facts: Any
) -> ActFacts:
    return act(key, "saisine_ccapex", day, bailleur=SOC, motif=motif, origine=origine, **facts)


NARROWED: list[Any] = [
    # --- 93: the DRIHL letter and the ADIL at the social landlord's pre-assignation saisine only -------
    _row(
        "93",
        [saisine("s", D(2024, 3, 1), origine="menage")],
        "courrier_prevention",
        set(),
        "courrier-93-saisine-du-menage",
    ),
    _row(
        "93",
        [saisine("s", D(2024, 3, 1), origine="organisme_payeur")],
        "courrier_prevention",
        set(),
        "courrier-93-saisine-de-la-caf",
    ),
    _row(
        "93",
        [saisine("s", D(2024, 3, 1), motif="troubles_jouissance")],
        "courrier_prevention",
        set(),
        "courrier-93-saisine-pour-troubles",
    ),
    _row(
        "93",
        [saisine("s", D(2024, 3, 1), stade="assignation")],
        "courrier_prevention",
        set(),
        "courrier-93-saisine-au-stade-assignation",
    ),
    _row(
        "93",
        [saisine("s", D(2024, 3, 1), stade="commandement_de_payer")],
        "courrier_prevention",
        {("93-COURRIER-SOCIAL-SAISINE", "s", None, "parc_social")},
        "courrier-93-saisine-au-stade-cdp",
    ),
    _row(
        "93",
        [assignation("a", D(2024, 2, 29), bailleur=SOC), saisine("s", D(2024, 3, 1))],
        "courrier_prevention",
        set(),
        "courrier-93-saisine-lendemain-assignation",
    ),
    _row(
        "93",
        [assignation("a", D(2024, 3, 1), bailleur=SOC), saisine("s", D(2024, 3, 1))],
        "courrier_prevention",
        set(),
        "courrier-93-saisine-jour-assignation",
    ),
    _row(
        "93",
        [saisine("s", D(2024, 3, 1)), assignation("a", D(2024, 3, 2), bailleur=SOC)],
        "courrier_prevention",
        {("93-COURRIER-SOCIAL-SAISINE", "s", None, "parc_social")},
        "courrier-93-saisine-veille-assignation",
    ),
    _row(
        "93",
        [saisine("s", D(2024, 3, 1), origine="menage", dette=dette(500_000, 6))],
        "orientation_adil",
        set(),
        "adil-93-saisine-du-menage",
    ),
    _row(
        "93",
        [saisine("s", D(2024, 3, 1), dette=dette(500_000, 6), stade="decision_justice")],
        "orientation_adil",
        set(),
        "adil-93-saisine-apres-jugement",
    ),
    # --- 93-EMPEX: at the assignation, unless the dossier shows social services already involved ------
    _row(
        "93",
        [assignation("a", D(2024, 3, 1)), dsf_connu(True, D(2024, 9, 1))],
        "empex",
        set(),
        "empex-dsf-ulterieur-connu",
    ),
    _row(
        "93",
        [act("f", "decision_fsl", D(2024, 2, 29), decision="refus"), assignation("a", D(2024, 3, 1))],
        "empex",
        set(),
        "empex-fsl-veille",
    ),
    _row(
        "93",
        [act("f", "decision_fsl", D(2024, 3, 1), decision="accord"), assignation("a", D(2024, 3, 1))],
        "empex",
        set(),
        "empex-fsl-jour-meme",
    ),
    _row(
        "93",
        [assignation("a", D(2024, 3, 1)), act("f", "decision_fsl", D(2024, 3, 2), decision="accord")],
        "empex",
        {("93-EMPEX", "a", None, None)},
        "empex-fsl-lendemain",
    ),
    _row(
        "93",
        [
            act("s", "saisine_ccapex", D(2024, 1, 5), motif="impaye", origine="departement"),
            assignation("a", D(2024, 3, 1)),
        ],
        "empex",
        set(),
        "empex-saisine-par-le-departement",
    ),
    _row(
        "93",
        [
            act("s", "saisine_ccapex", D(2024, 1, 5), motif="impaye", origine="menage"),
            assignation("a", D(2024, 3, 1)),
        ],
        "empex",
        {("93-EMPEX", "a", None, None)},
        "empex-saisine-du-menage",
    ),
    _row(
        "93",
        [assignation("a", D(2024, 3, 1), motif="validite_conge")],
        "empex",
        set(),
        "empex-conge",
    ),
    _row(
        "93",
        [assignation("a", D(2020, 12, 31), D(2021, 3, 1))],
        "empex",
        set(),
        "empex-veille-2021",
    ),
    _row(
        "93",
        [assignation("a", D(2021, 1, 1), D(2021, 3, 1))],
        "empex",
        {("93-EMPEX", "a", None, None)},
        "empex-1er-janvier-2021",
    ),
    # --- 77-ENQUETE-SOCIALE-J30: every motive is in the charter's scope --------------------------------
    _row(
        "77",
        [assignation("a", D(2024, 3, 1), D(2024, 5, 13), motif="resiliation_troubles")],
        "enquete_sociale_limite",
        {("77-ENQUETE-SOCIALE-J30", "a", D(2024, 4, 13), None)},
        "enquete-j30-77-troubles",
    ),
    _row(
        "77",
        [assignation("a", D(2024, 3, 1), D(2024, 5, 13), motif="validite_conge")],
        "enquete_sociale_limite",
        {("77-ENQUETE-SOCIALE-J30", "a", D(2024, 4, 13), None)},
        "enquete-j30-77-conge",
    ),
    _row(
        "77",
        [assignation("a", D(2017, 12, 31), D(2018, 2, 13))],
        "enquete_sociale_limite",
        set(),
        "enquete-j30-77-veille-charte",
    ),
    # --- 75-VERIF-DROITS-CAF: the CDPs of bailleurs personnes physiques ---------------------------------
    _row("75", [cdp("c", D(2024, 3, 1), bailleur=SCI)], "verification_droits_caf", set(), "caf-75-sci"),
    _row("75", [cdp("c", D(2024, 3, 1), bailleur=PM)], "verification_droits_caf", set(), "caf-75-morale"),
    _row(
        "75",
        [cdp("c", D(2017, 12, 31))],
        "verification_droits_caf",
        set(),
        "caf-75-veille-charte",
    ),
    _row(
        "75",
        [cdp("c", D(2018, 1, 1))],
        "verification_droits_caf",
        {("75-VERIF-DROITS-CAF", "c", None, None)},
        "caf-75-jour-charte",
    ),
]

CASES += NARROWED


# --------------------------------------------------------------------------------------------------
# Issue 12: charter rules that the acts can decide (93 R5, R10, R11, R16, R20; 75 R6, R16, R21;
# 77 R-05, R-06, R-24, R-35)
# --------------------------------------------------------------------------------------------------


def impaye(
    key: str, day: date, montant: int = 170_000, *, organisme: str = "caf", aide: int = 25_000, **facts: Any
) -> ActFacts:
    facts.setdefault("bailleur", PP)
    return act(
        key,
        "signalement_impaye",
        day,
        bail=bail(),
        organisme=organisme,
        aide_mensuelle_cents=aide,
        dette=dette(montant, 2),
        **facts,
    )


def fsl(key: str, day: date, decision: str = "accord") -> ActFacts:
    return act(key, "decision_fsl", day, decision=decision)


def surendettement(key: str, day: date, statut: str = "recevable", **facts: Any) -> ActFacts:
    return act(key, "surendettement", day, statut=statut, **facts)


CHARTER_RULES: list[Any] = [
    # --- 93-COURRIER-ALERTE (R5): the first alert of an indebted household not yet signalled -------------
    _row(
        "93",
        [impaye("i", D(2024, 3, 1))],
        "courrier_prevention",
        {("93-COURRIER-ALERTE", "i", None, "alerte")},
        "courrier-93-alerte-caf",
    ),
    _row(
        "93", [impaye("i", D(2024, 3, 1), 0)], "courrier_prevention", set(), "courrier-93-alerte-sans-dette"
    ),
    _row(
        "93",
        [cdp("c", D(2024, 3, 1), bailleur=SOC, dette=dette(170_000, 2)), dalo("x", D(2024, 3, 1))],
        "courrier_prevention",
        set(),
        "courrier-93-alerte-jour-du-cdp",
    ),
    _row(
        "93",
        [dalo("x", D(2024, 2, 29), dette=dette(170_000, 2)), cdp("c", D(2024, 3, 1), bailleur=SOC)],
        "courrier_prevention",
        {("93-COURRIER-ALERTE", "x", None, "alerte")},
        "courrier-93-alerte-veille-du-cdp",
    ),
    _row(
        "93",
        [impaye("i", D(2024, 3, 1), bailleur=SOC), surendettement("b", D(2024, 4, 1))],
        "courrier_prevention",
        {("93-COURRIER-ALERTE", "i", None, "alerte")},
        "courrier-93-une-seule-alerte",
    ),
    _row(
        "93",
        [surendettement("b", D(2024, 4, 1), dette=dette(90_000))],
        "courrier_prevention",
        {("93-COURRIER-ALERTE", "b", None, "alerte")},
        "courrier-93-alerte-banque-de-france",
    ),
    _row(
        "93",
        [surendettement("b", D(2021, 12, 31), dette=dette(90_000))],
        "courrier_prevention",
        set(),
        "courrier-93-alerte-veille-charte",
    ),
    # --- offre_service_organisme_payeur: 93 R10 (CAF), 77 R-05 (CAF), 77 R-06 (MSA) --------------------
    _row(
        "93",
        [impaye("i", D(2024, 3, 1))],
        "offre_service_organisme_payeur",
        {("93-CAF-OFFRE-SERVICE", "i", None, "caf")},
        "offre-caf-93",
    ),
    _row(
        "93",
        [impaye("i", D(2024, 3, 1), aide=0)],
        "offre_service_organisme_payeur",
        set(),
        "offre-caf-93-sans-aide",
    ),
    _row(
        "93",
        [impaye("i", D(2024, 3, 1), organisme="msa")],
        "offre_service_organisme_payeur",
        set(),
        "offre-caf-93-msa",
    ),
    _row(
        "93",
        [fsl("f", D(2024, 3, 1)), impaye("i", D(2024, 3, 1))],
        "offre_service_organisme_payeur",
        set(),
        "offre-caf-93-fsl-le-jour-meme",
    ),
    _row(
        "93",
        [impaye("i", D(2024, 3, 1)), fsl("f", D(2024, 3, 2))],
        "offre_service_organisme_payeur",
        {("93-CAF-OFFRE-SERVICE", "i", None, "caf")},
        "offre-caf-93-fsl-le-lendemain",
    ),
    _row(
        "93",
        [impaye("i", D(2024, 3, 1)), dsf_connu(True, D(2024, 9, 1))],
        "offre_service_organisme_payeur",
        set(),
        "offre-caf-93-connu-du-dsf",
    ),
    _row(
        "77",
        [impaye("i", D(2024, 3, 1), 2 * (LOYER + 5_000) - 1)],
        "offre_service_organisme_payeur",
        {("77-CAF-OFFRE-SERVICE", "i", None, "caf")},
        "offre-caf-77-sous-2-loyers-charges",
    ),
    _row(
        "77",
        [impaye("i", D(2024, 3, 1), 2 * (LOYER + 5_000))],
        "offre_service_organisme_payeur",
        set(),
        "offre-caf-77-2-loyers-charges",
    ),
    _row(
        "77",
        [impaye("i", D(2024, 3, 1), 100_000, bailleur=SOC)],
        "offre_service_organisme_payeur",
        set(),
        "offre-caf-77-parc-social",
    ),
    _row(
        "77",
        [impaye("i", D(2024, 3, 1), 100_000), dsf_connu(True)],
        "offre_service_organisme_payeur",
        set(),
        "offre-caf-77-connu",
    ),
    _row(
        "77",
        [impaye("i", D(2024, 3, 1), 100_000, organisme="msa")],
        "offre_service_organisme_payeur",
        {("77-MSA-ACCUEIL", "i", None, "msa")},
        "offre-msa-77",
    ),
    _row(
        "77",
        [impaye("i", D(2024, 3, 1), 100_000, organisme="msa", aide=0)],
        "offre_service_organisme_payeur",
        set(),
        "offre-msa-77-sans-aide",
    ),
    _row(
        "75",
        [impaye("i", D(2024, 3, 1))],
        "offre_service_organisme_payeur",
        set(),
        "offre-75-non",
    ),
    # --- nouveau_bail_limite (93 R11): debt cleared under a protocol, 3 months ---------------------------
    _row(
        "93",
        [
            act("p", "protocole_cohesion_sociale", D(2024, 1, 10), bailleur=SOC),
            act("z", "cloture", D(2025, 1, 31), motif="dette_soldee"),
        ],
        "nouveau_bail_limite",
        {("93-PCS-NOUVEAU-BAIL", "z", D(2025, 4, 30), None)},
        "nouveau-bail-31-janvier-30-avril",
    ),
    _row(
        "93",
        [
            act("p", "protocole_cohesion_sociale", D(2024, 1, 10), bailleur=SOC),
            act("z", "cloture", D(2025, 1, 31), motif="depart"),
        ],
        "nouveau_bail_limite",
        set(),
        "nouveau-bail-depart",
    ),
    _row(
        "93",
        [act("z", "cloture", D(2025, 1, 31), motif="dette_soldee", bailleur=SOC)],
        "nouveau_bail_limite",
        set(),
        "nouveau-bail-sans-protocole",
    ),
    _row(
        "93",
        [
            act("z", "cloture", D(2024, 1, 9), motif="dette_soldee"),
            act("p", "protocole_cohesion_sociale", D(2024, 1, 10), bailleur=SOC),
        ],
        "nouveau_bail_limite",
        set(),
        "nouveau-bail-protocole-posterieur",
    ),
    # --- mobilisation_dalo (93 R16) ----------------------------------------------------------------------
    _row(
        "93",
        [cql("q", D(2024, 9, 2), D(2024, 9, 2))],
        "mobilisation_dalo",
        {("93-DALO-CQL", "q", None, None)},
        "dalo-cql-93",
    ),
    _row(
        "93",
        [dalo("x", D(2024, 6, 1)), cql("q", D(2024, 9, 2), D(2024, 9, 2))],
        "mobilisation_dalo",
        set(),
        "dalo-cql-93-deja-prioritaire",
    ),
    _row(
        "93",
        [cql("q", D(2024, 9, 2), D(2024, 9, 2)), dalo("x", D(2024, 12, 1))],
        "mobilisation_dalo",
        set(),
        "dalo-cql-93-reconnu-ensuite",
    ),
    _row(
        "93",
        [dalo("x", D(2024, 6, 1), pu=False), cql("q", D(2024, 9, 2), D(2024, 9, 2))],
        "mobilisation_dalo",
        {("93-DALO-CQL", "q", None, None)},
        "dalo-cql-93-non-prioritaire",
    ),
    _row("77", [cql("q", D(2024, 9, 2), D(2024, 9, 2))], "mobilisation_dalo", set(), "dalo-cql-77-non"),
    # --- information_intervention_fsl (93 R20) -------------------------------------------------------------
    _row(
        "93",
        [assignation("a", D(2024, 3, 1)), fsl("f", D(2024, 3, 1))],
        "information_intervention_fsl",
        {("93-FSL-INFORMATION", "f", None, None)},
        "fsl-jour-assignation",
    ),
    _row(
        "93",
        [fsl("f", D(2024, 2, 29)), assignation("a", D(2024, 3, 1))],
        "information_intervention_fsl",
        set(),
        "fsl-veille-assignation",
    ),
    _row(
        "93",
        [assignation("a", D(2024, 3, 1)), fsl("f", D(2024, 4, 1), "refus")],
        "information_intervention_fsl",
        set(),
        "fsl-refus",
    ),
    # --- 75-PCS-FSL (R6) ----------------------------------------------------------------------------------
    _row(
        "75",
        [jugement("j", D(2024, 6, 1), bailleur=SOC), fsl("f", D(2024, 6, 1))],
        "protocole_cohesion_sociale",
        {("75-PCS-FSL", "f", None, None)},
        "pcs-fsl-75-jour-du-jugement",
    ),
    _row(
        "75",
        [fsl("f", D(2024, 5, 31)), jugement("j", D(2024, 6, 1), bailleur=SOC)],
        "protocole_cohesion_sociale",
        set(),
        "pcs-fsl-75-veille-du-jugement",
    ),
    _row(
        "75",
        [jugement("j", D(2024, 6, 1), bailleur=SOC, issue="delais_paiement"), fsl("f", D(2024, 7, 1))],
        "protocole_cohesion_sociale",
        set(),
        "pcs-fsl-75-bail-non-resilie",
    ),
    _row(
        "75",
        [jugement("j", D(2024, 6, 1), bailleur=PP), fsl("f", D(2024, 7, 1))],
        "protocole_cohesion_sociale",
        set(),
        "pcs-fsl-75-parc-prive",
    ),
    _row(
        "75",
        [jugement("j", D(2024, 6, 1), bailleur=SOC), fsl("f", D(2024, 7, 1), "ajournement")],
        "protocole_cohesion_sociale",
        set(),
        "pcs-fsl-75-ajournement",
    ),
    # --- document_information_motif (75 R16) -----------------------------------------------------------
    _row(
        "75",
        [assignation("a", D(2024, 3, 1), motif="validite_conge")],
        "document_information_motif",
        {("75-ASSIGNATION-HORS-IMPAYE", "a", None, None)},
        "motif-75-conge",
    ),
    _row(
        "75",
        [assignation("a", D(2024, 3, 1), motif="resiliation_impaye")],
        "document_information_motif",
        set(),
        "motif-75-impaye",
    ),
    _row("75", [assignation("a", D(2024, 3, 1))], "document_information_motif", set(), "motif-75-absent"),
    _row(
        "93",
        [assignation("a", D(2024, 3, 1), motif="validite_conge")],
        "document_information_motif",
        set(),
        "motif-93-non",
    ),
    # --- alerte_comed (75 R21) -----------------------------------------------------------------------------
    _row(
        "75",
        [cdp("c", D(2024, 1, 10), dette=dette(170_000, 2)), dalo("x", D(2024, 6, 1), pu=False)],
        "alerte_comed",
        {("75-COMED-ALERTE", "x", None, None)},
        "comed-75-prive-en-impaye",
    ),
    _row(
        "75",
        [cdp("c", D(2024, 1, 10), dette=dette(0, 0)), dalo("x", D(2024, 6, 1))],
        "alerte_comed",
        set(),
        "comed-75-prive-sans-dette",
    ),
    _row(
        "75",
        [cdp("c", D(2024, 1, 10), bailleur=SOC, dette=dette(170_000, 2)), dalo("x", D(2024, 6, 1))],
        "alerte_comed",
        set(),
        "comed-75-social-en-impaye",
    ),
    _row(
        "75",
        [
            dalo("x", D(2024, 6, 1), bailleur=SOC),
            assignation("a", D(2024, 9, 1), bailleur=SOC, motif="resiliation_troubles"),
        ],
        "alerte_comed",
        {("75-COMED-ALERTE", "x", None, None)},
        "comed-75-troubles-de-jouissance",
    ),
    # --- 77 surendettement (R-24) ------------------------------------------------------------------------
    _row(
        "77",
        [surendettement("b", D(2024, 2, 1), "depot", dette=dette(0))],
        "information_surendettement",
        set(),
        "surendettement-77-sans-dette-de-loyer",
    ),
    _row(
        "77",
        [
            cdp("c", D(2024, 1, 10), bailleur=SOC, dette=dette(170_000, 2)),
            surendettement("b", D(2024, 2, 1), "depot"),
        ],
        "information_surendettement",
        {("77-SURENDETTEMENT", "b", None, None), ("77-SURENDETTEMENT-CLPIL", "b", None, None)},
        "surendettement-77-parc-social-clpil",
    ),
    _row(
        "77",
        [assignation("a", D(2024, 3, 1)), surendettement("b", D(2024, 3, 1))],
        "suspension_expulsion_surendettement",
        {("77-SURENDETTEMENT-SUSPENSION", "b", None, None)},
        "surendettement-77-recevable-jour-assignation",
    ),
    _row(
        "77",
        [surendettement("b", D(2024, 2, 29)), assignation("a", D(2024, 3, 1))],
        "suspension_expulsion_surendettement",
        set(),
        "surendettement-77-recevable-avant-procedure",
    ),
    _row(
        "77",
        [assignation("a", D(2024, 3, 1)), surendettement("b", D(2024, 4, 1), "depot")],
        "suspension_expulsion_surendettement",
        set(),
        "surendettement-77-depot",
    ),
    _row(
        "77",
        [cql("q", D(2024, 9, 2), D(2024, 9, 2)), surendettement("b", D(2024, 10, 1))],
        "suspension_expulsion_surendettement",
        {
            ("77-SURENDETTEMENT-SUSPENSION", "b", None, None),
            ("77-SURENDETTEMENT-AVIS-ETAT", "b", None, "avis_etat"),
        },
        "surendettement-77-recevable-apres-cql",
    ),
    _row(
        "93",
        [cql("q", D(2024, 9, 2), D(2024, 9, 2)), surendettement("b", D(2024, 10, 1))],
        "suspension_expulsion_surendettement",
        set(),
        "surendettement-93-non",
    ),
    # --- compte_rendu_execution_cfp (77 R-35) ------------------------------------------------------------
    _row(
        "77",
        [act("k", "decision_cfp", D(2024, 5, 20), decision="octroi")],
        "compte_rendu_execution_cfp",
        {("77-CFP-EXECUTION", "k", None, None)},
        "cfp-execution-77-octroi",
    ),
    _row(
        "77",
        [act("k", "decision_cfp", D(2024, 5, 20), decision="refus")],
        "compte_rendu_execution_cfp",
        set(),
        "cfp-execution-77-refus",
    ),
    _row(
        "77",
        [act("k", "decision_cfp", D(2017, 12, 31), decision="octroi")],
        "compte_rendu_execution_cfp",
        set(),
        "cfp-execution-77-veille-charte",
    ),
]

CASES += CHARTER_RULES


def test_solipex_names_the_act_each_household_fact_came_from() -> None:
    dossier = [
        cdp_menage("c", D(2024, 1, 10), 400_000),
        act("p", "plan_apurement", D(2024, 2, 1)),
        jugement("j", D(2024, 6, 1)),
    ]
    (solipex,) = [d for d in evaluate("93", dossier) if d.code == "solipex"]
    assert solipex.faits["dossier:occupants.acte"] == "c"
    assert solipex.faits["dossier:occupants.nombre"] == 3
    assert solipex.faits["dossier:dette:montant_cents.acte"] == "c"
    assert solipex.faits["dossier:dette:montant_cents.valeur"] == 400_000
    assert solipex.faits["dossier:bailleur:categorie.acte"] == "c"
    assert solipex.faits["plan.acte"] == "p"
    assert "occupants" not in solipex.faits and "SECRET" not in json.dumps(solipex.to_dict())


@pytest.mark.parametrize(("territoire", "acts", "code", "expected"), CASES)
def test_rule_table(territoire: str, acts: list[ActFacts], code: str, expected: Expected) -> None:
    assert fired(territoire, acts, code) == expected


def test_the_table_covers_every_rule_and_every_code() -> None:
    """Every rule of the shipped files fires in at least one case, and every public code is exercised."""
    book = load_rulebook()
    fired_rules: set[str] = set()
    codes_seen: set[str] = set()
    for case in CASES:
        _territoire, _acts, code, expected = case.values
        codes_seen.add(code)
        fired_rules |= {regle for regle, _, _, _ in expected}
    every_rule = {regle.id for ruleset in book.all_rulesets() for regle in ruleset.regles}
    assert every_rule - fired_rules == set()
    assert set(DECISION_CODES) - codes_seen == set()
    # and every code is tested both firing and not firing
    not_firing = {case.values[2] for case in CASES if not case.values[3]}
    firing = {case.values[2] for case in CASES if case.values[3]}
    assert set(DECISION_CODES) - not_firing == set()
    assert set(DECISION_CODES) - firing == set()


# --------------------------------------------------------------------------------------------------
# Decisions: identity, sources, facts, destinataires
# --------------------------------------------------------------------------------------------------


def _full_dossier() -> list[ActFacts]:
    return [
        act(
            "1",
            "signalement_impaye",
            D(2023, 11, 2),
            bailleur=SOC,
            aide_mensuelle_cents=25_000,
            dette=dette(170_000, 2),
        ),
        cdp("2", D(2024, 1, 10), bailleur=SOC, dette=dette(450_000, 5)),
        act(
            "3",
            "saisine_ccapex",
            D(2024, 1, 20),
            bailleur=SOC,
            dette=dette(450_000, 5),
            motif="impaye",
            origine="bailleur_social",
        ),
        assignation("4", D(2024, 3, 1), D(2024, 5, 13), bailleur=SOC, recu_le=utc(2024, 3, 1, 9, 0)),
        act("5", "diagnostic_social_financier", D(2024, 4, 20), date_transmission=D(2024, 5, 6)),
        jugement("6", D(2024, 6, 1), bailleur=SOC),
        act("7", "commandement_quitter_lieux", D(2024, 8, 31)),
        act("8", "requisition_cfp", D(2025, 4, 2)),
        act("9", "decision_cfp", D(2025, 5, 20), decision="octroi"),
        act("10", "expulsion", D(2025, 6, 10)),
    ]


@pytest.mark.parametrize("territoire", ["75", "77", "93", "13"])
def test_every_decision_names_its_rule_and_source(territoire: str) -> None:
    book = load_rulebook()
    decisions = evaluate(territoire, _full_dossier())
    assert decisions
    keys = [d.cle() for d in decisions]
    assert len(keys) == len(set(keys))
    for decision in decisions:
        regle = book.rule(decision.regle)
        assert regle is not None
        assert decision.source == regle.source
        assert decision.code == regle.effet.code
        assert decision.kind == regle.effet.type == DECISION_CODES[decision.code]["kind"]
        assert decision.destinataire == regle.effet.destinataire
        assert decision.precision == regle.effet.precision
        assert (decision.date is not None) or decision.kind != "echeance"
        assert decision.message
        assert decision.faits
        json.dumps(decision.faits)
        json.dumps(decision.to_dict())
        if decision.kind == "orientation":
            assert decision.destinataire is not None


def test_full_dossier_in_93() -> None:
    got = {(d.code, d.acte, d.date) for d in evaluate("93", _full_dossier())}
    assert ("assignation_au_plus_tot", "1", D(2024, 1, 2)) in got
    assert ("assignation_au_plus_tot", "3", D(2024, 3, 20)) in got
    assert ("notification_prefet_limite", "4", D(2024, 3, 31)) in got
    assert ("dsf_transmission_limite", "4", D(2024, 5, 2)) in got
    assert ("dsf_en_retard", "5", D(2024, 5, 2)) in got
    assert ("expulsion_au_plus_tot", "7", D(2024, 10, 31)) in got  # 31 Aug + 2 months, before the trêve
    assert ("refus_implicite_cfp", "8", D(2025, 6, 2)) in got
    assert ("protocole_tripartite", "1", None) in got
    assert ("courrier_prevention", "3", None) in got
    assert ("orientation_adil", "3", None) in got
    assert ("clil", "1", None) in got
    assert ("comex", "8", None) in got
    codes = {code for code, _, _ in got}
    assert "assignation_prematuree" not in codes  # the CAF signalement of 2 Nov 2023 counts as the saisine
    assert "notification_prefet_tardive" not in codes
    assert "sequence_incoherente" not in codes
    assert "expulsion_pendant_treve" not in codes


def test_facts_used_are_recorded() -> None:
    (decision,) = [
        d
        for d in evaluate("93", [cdp("c", D(2023, 7, 28), dette=dette(0, 6))])
        if d.code == "signalement_ccapex"
    ]
    assert decision.faits["date_acte"] == "2023-07-28"
    assert decision.faits["bailleur.categorie"] == "personne_physique"
    assert decision.faits["dette.mois_impayes_consecutifs"] == 6
    assert decision.faits["param.seuil_signalement_cdp_mois_arrete_2019"] == 6
    assert decision.destinataire == "ccapex"
    (late,) = [
        d
        for d in evaluate("93", [assignation("a", D(2024, 3, 1), recu_le=utc(2024, 4, 19, 8, 0))])
        if d.code == "notification_prefet_tardive"
    ]
    assert late.faits["recu_le"] == "2024-04-19"
    assert late.faits["date_audience"] == "2024-05-31"
    (dsf,) = [
        d
        for d in evaluate(
            "93",
            [
                assignation("a", D(2024, 3, 1), D(2024, 5, 13)),
                act("d", "diagnostic_social_financier", D(2024, 5, 6)),
            ],
        )
        if d.code == "dsf_en_retard"
    ]
    assert dsf.faits["assignation.acte"] == "a"
    assert dsf.faits["assignation.date_audience"] == "2024-05-13"
    assert "02/05/2024" in dsf.message


def test_order_is_deterministic_whatever_the_input_order() -> None:
    dossier = _full_dossier()
    reference = evaluate("93", dossier)
    rng = random.Random(20240729)
    for _ in range(5):
        shuffled = dossier[:]
        rng.shuffle(shuffled)
        assert evaluate("93", shuffled) == reference
    acts_in_order = [d.acte for d in reference]
    positions = {a.key: i for i, a in enumerate(dossier)}
    assert acts_in_order == sorted(acts_in_order, key=lambda k: positions[k])


def test_same_day_acts_are_ordered_by_recu_le_then_key() -> None:
    first = act("b", "commandement_quitter_lieux", D(2024, 6, 15), recu_le=utc(2024, 6, 15, 8))
    second = act("a", "requisition_cfp", D(2024, 6, 15), recu_le=utc(2024, 6, 15, 9))
    order = [d.acte for d in evaluate("93", [second, first])]
    assert order.index("b") < order.index("a")


def test_decision_is_immutable_and_has_a_stable_identity() -> None:
    (decision,) = [d for d in evaluate("93", [cdp("c", D(2024, 3, 1))]) if d.code == "courrier_prevention"]
    assert decision.cle() == "orientation|courrier_prevention|93-COURRIER-PRIVE-CDP|c|parc_prive"
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.code = "autre"  # type: ignore[misc]
    assert hash(decision) == hash(decision.cle())
    (echeance,) = [d for d in evaluate("93", [cdp("c", D(2024, 3, 1))]) if d.code == "cdp_effet"]
    assert echeance.cle() == "echeance|cdp_effet|N-CDP-DELAY-ANCIEN|c"
    assert isinstance(echeance, Decision)


# --------------------------------------------------------------------------------------------------
# Tolerance: missing or odd facts never raise
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("type_", ACT_TYPES)
@pytest.mark.parametrize("territoire", ["75", "77", "93", "2A"])
def test_missing_facts_never_raise(type_: str, territoire: str) -> None:
    evaluate(territoire, [ActFacts(key="0", data={"type": type_}, recu_le=None)])
    evaluate(territoire, [act("0", type_, D(2024, 3, 1))])
    odd = act(
        "1",
        type_,
        D(2024, 3, 1),
        bail={"date_signature": "hier", "loyer_mensuel_hc_cents": "800"},
        bailleur={"categorie": 3},
        dette={"montant_cents": "beaucoup", "mois_impayes_consecutifs": None},
        date_audience="demain",
        occupants="deux",
        logement=None,
        parc=["prive"],
        allocataire_apl="oui",
        connu_services_sociaux=None,
        schema_facts_only=False,
    )
    decisions = evaluate(territoire, [odd, act("2", "assignation", None)])
    for decision in decisions:
        assert decision.code not in {"signalement_ccapex", "orientation_adil", "notification_prefet_limite"}


def test_unknown_act_type_and_empty_dossier() -> None:
    assert evaluate("93", []) == []
    assert evaluate("93", [ActFacts(key="0", data={"type": "inconnu", "date_acte": D(2024, 1, 1)})]) == []


def test_recu_le_in_the_data_is_used_when_the_field_is_absent() -> None:
    late = act("a", "assignation", D(2024, 3, 1), bailleur=PP, date_audience=D(2024, 5, 31))
    data = dict(late.data)
    data["recu_le"] = utc(2024, 4, 20, 9)
    decisions = evaluate("93", [ActFacts(key="a", data=data)])
    assert "notification_prefet_tardive" in {d.code for d in decisions}


# --------------------------------------------------------------------------------------------------
# Versions and data-only changes
# --------------------------------------------------------------------------------------------------


def test_ruleset_version() -> None:
    book = load_rulebook()
    v93 = ruleset_version("93")
    assert v93 == book.version_for("93")
    assert v93.startswith("national@") and "+93@" in v93 and "#" in v93
    assert ruleset_version("2A").startswith("national@")
    assert "+" not in ruleset_version("2A").split("#")[0]
    assert ruleset_version("75") != ruleset_version("77")


def _copy_rules(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(DEFAULT_ROOT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def _edit(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _book(root: Path) -> RuleBook:
    return load_rulebook(root)


def test_tacit_renewal_regime_is_a_data_choice(tmp_path: Path) -> None:
    lease = bail(D(2020, 1, 1), date_renouvellement=D(2024, 1, 1))
    dossier = [act("c", "commandement_de_payer", D(2024, 6, 3), bail=lease, bailleur=PP)]
    default = {(d.regle, d.date) for d in evaluate("93", dossier) if d.code == "cdp_effet"}
    assert default == {("N-CDP-DELAY-ANCIEN", D(2024, 8, 3))}

    root = _copy_rules(tmp_path)

    def renewal(data: dict[str, Any]) -> None:
        data["parametres"]["bail_renouvele_tacitement_regime"]["valeur"] = "date_renouvellement"

    _edit(root / "national.yaml", renewal)
    book = _book(root)
    changed = {(d.regle, d.date) for d in evaluate("93", dossier, rulebook=book) if d.code == "cdp_effet"}
    assert changed == {("N-CDP-DELAY-2023", D(2024, 7, 15))}
    assert book.version_for("93") != load_rulebook().version_for("93")

    # the renewal date is a fact a partner can send on the CDP (else the choice would be a dead switch)
    body = copy.deepcopy(EXEMPLES["commandement_de_payer"])
    body.update(date_acte="2024-06-03")
    body["bail"].update(date_signature="2020-01-01", date_renouvellement="2024-01-01")
    filed = evaluate_dossier_facts(body)
    assert {
        (d.regle, d.date) for d in evaluate("93", filed, rulebook=book) if d.code == "cdp_effet"
    } == changed
    body["bail"].update(date_renouvellement="2024-06-04")
    with pytest.raises(ValidationError, match="renewed after"):
        ACTE_ADAPTER.validate_python(body, strict=False)


def evaluate_dossier_facts(body: dict[str, Any]) -> list[ActFacts]:
    """The facts the engine reads from a body that passed the act schema, as a filing gives them."""
    model = ACTE_ADAPTER.validate_python(body, strict=False)
    return [ActFacts(key="1", data=model.model_dump(mode="python", exclude_none=True))]


def test_a_new_prefectoral_threshold_is_only_a_data_change(tmp_path: Path) -> None:
    root = _copy_rules(tmp_path)
    dossier = [cdp("c", D(2022, 5, 2), dette=dette(0, 4))]
    assert not [d for d in evaluate("75", dossier, rulebook=_book(root)) if d.code == "signalement_ccapex"]

    def add_threshold(data: dict[str, Any]) -> None:
        data["parametres"]["seuil_test_mois"] = {"valeur": 4, "source": "arrêté fictif pour le test"}
        data["regles"].append(
            {
                "id": "75-CDP-SIGNAL-ARRETE-TEST",
                "titre": "Seuil fictif de test",
                "du": D(2016, 1, 1),
                "au": D(2023, 7, 28),
                "source": "arrêté fictif pour le test",
                "declencheur": "commandement_de_payer",
                "conditions": [
                    {
                        "fait": "bailleur.categorie",
                        "op": "dans",
                        "valeur": ["personne_physique", "sci_familiale"],
                    },
                    {
                        "fait": "dette.mois_impayes_consecutifs",
                        "op": ">=",
                        "valeur": {"param": "seuil_test_mois"},
                    },
                ],
                "effet": {"type": "orientation", "code": "signalement_ccapex", "destinataire": "ccapex"},
            }
        )

    _edit(root / "75" / "charte.yaml", add_threshold)
    clear_rulebook_cache()  # the folder was loaded (and cached) before the edit
    book = _book(root)
    got = [
        (d.regle, d.destinataire)
        for d in evaluate("75", dossier, rulebook=book)
        if d.code == "signalement_ccapex"
    ]
    assert got == [("75-CDP-SIGNAL-ARRETE-TEST", "ccapex")]


def test_a_territory_parameter_overrides_the_national_one(tmp_path: Path) -> None:
    root = _copy_rules(tmp_path)

    def three_months(data: dict[str, Any]) -> None:
        data.setdefault("parametres", {})["dalo_offre_delai_mois"] = {"valeur": 3, "source": "test"}

    _edit(root / "77" / "charte.yaml", three_months)
    book = _book(root)
    dossier = [dalo("x", D(2024, 8, 31))]
    assert {d.date for d in evaluate("77", dossier, rulebook=book) if d.code == "offre_dalo_limite"} == {
        D(2024, 11, 30)
    }
    assert {d.date for d in evaluate("93", dossier, rulebook=book) if d.code == "offre_dalo_limite"} == {
        D(2025, 2, 28)
    }


def test_the_stricter_cpc_641_642_reading_is_only_a_data_change(tmp_path: Path) -> None:
    """The notes say the stricter reading (next day / day before) is `jours: 1` / `jours: -1` in the data."""
    dossier = [
        act("s", "saisine_ccapex", D(2025, 1, 15), bailleur=PM),
        assignation("a", D(2025, 3, 15), None, bailleur=PM),
        act("q", "commandement_quitter_lieux", D(2025, 8, 31)),
        act("e", "expulsion", D(2025, 10, 31)),
        assignation("p", D(2023, 3, 1), D(2023, 6, 15), recu_le=utc(2023, 4, 15, 10, 0)),
    ]

    def dates(book: RuleBook | None) -> set[tuple[str, str, date | None]]:
        return {
            (d.code, d.acte, d.date)
            for d in evaluate("93", dossier, rulebook=book)
            if d.code
            in {
                "assignation_au_plus_tot",
                "assignation_prematuree",
                "expulsion_au_plus_tot",
                "expulsion_prematuree",
                "notification_prefet_limite",
                "notification_prefet_tardive",
            }
        }

    assert dates(None) == {
        ("assignation_au_plus_tot", "s", D(2025, 3, 15)),
        ("expulsion_au_plus_tot", "q", D(2025, 10, 31)),
        ("notification_prefet_limite", "p", D(2023, 4, 15)),
    }

    root = _copy_rules(tmp_path)

    def stricter(data: dict[str, Any]) -> None:
        def walk(node: Any) -> None:
            if isinstance(node, dict):
                delai = node.get("delai")
                if isinstance(delai, dict) and set(delai) == {"mois"} and delai["mois"] in (2, -2):
                    delai["jours"] = 1 if delai["mois"] > 0 else -1
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        for rule in data["regles"]:
            if rule["id"] in {
                "N-PM-SAISINE-DELAI",
                "N-PM-ASSIGNATION-PREMATUREE",
                "N-ASSIGN-NOTICE-ANCIEN",
                "N-ASSIGN-NOTICE-TARDIVE-ANCIEN",
                "N-CQL-DELAI",
                "N-EXPULSION-PREMATUREE",
            }:
                walk(rule)

    _edit(root / "national.yaml", stricter)
    assert dates(_book(root)) == {
        ("assignation_au_plus_tot", "s", D(2025, 3, 16)),
        ("assignation_prematuree", "a", D(2025, 3, 16)),
        ("expulsion_au_plus_tot", "q", D(2026, 4, 1)),  # 1 Nov is in the trêve
        ("expulsion_prematuree", "e", D(2025, 11, 1)),
        ("notification_prefet_limite", "p", D(2023, 4, 14)),
        ("notification_prefet_tardive", "p", D(2023, 4, 14)),
    }


def test_the_cql_period_starting_point_is_a_data_choice(tmp_path: Path) -> None:
    """CPCE L412-5: by default the two months run from a transmission to the préfet later than the CQL;
    the other reading (from the CQL itself) is the parameter's other value."""
    dossier = [cql("q", D(2024, 3, 1), D(2024, 3, 10)), act("e", "expulsion", D(2024, 5, 5))]

    def dates(book: RuleBook | None) -> set[tuple[str, date | None]]:
        return {
            (d.code, d.date)
            for d in evaluate("93", dossier, rulebook=book)
            if d.code in {"expulsion_au_plus_tot", "expulsion_prematuree"}
        }

    assert dates(None) == {
        ("expulsion_au_plus_tot", D(2024, 5, 10)),
        ("expulsion_prematuree", D(2024, 5, 10)),
    }
    root = _copy_rules(tmp_path)

    def from_the_cql(data: dict[str, Any]) -> None:
        data["parametres"]["cql_delai_point_de_depart"]["valeur"] = "commandement"

    _edit(root / "national.yaml", from_the_cql)
    assert dates(_book(root)) == {("expulsion_au_plus_tot", D(2024, 5, 1))}
