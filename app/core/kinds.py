"""Partner kinds (DOMAIN.md §1)."""

from __future__ import annotations

from typing import Literal, get_args

PartnerKind = Literal[
    "commissaire_justice",
    "bailleur_social",
    "bailleur_prive",
    "organisme_payeur",
    "ccapex",
    "departement",
    "prefecture",
    "commission_locale",
    "other",
    "dpo",  # a data-protection officer: reads the audit of every dossier (GET /v1/audit), no dossier
]
PARTNER_KINDS: tuple[str, ...] = get_args(PartnerKind)
