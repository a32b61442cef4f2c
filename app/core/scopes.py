"""Scopes per partner kind: which acts a kind may file, what it may read.

A token carries the scopes its partner's kind grants (or the subset asked for with ``scope``).
Filing an act needs ``actes:deposer`` and the act's own ``actes:<type>:deposer``, granted to the kinds
its policy names as ``deposants`` (:data:`app.schemas.actes.POLITIQUES`).
"""

from __future__ import annotations

from app.core.kinds import PARTNER_KINDS
from app.schemas.actes import ACTE_TYPES, POLITIQUES

DOSSIERS_LIRE = "dossiers:lire"
REGLES_LIRE = "regles:lire"
ACTES_DEPOSER = "actes:deposer"
EVENEMENTS_LIRE = "evenements:lire"
ABONNEMENTS_GERER = "abonnements:gerer"
AUDIT_LIRE = "audit:lire"
CCAPEX_GERER = "ccapex:gerer"
RECOMMANDATIONS_SUIVRE = "recommandations:suivre"
STATISTIQUES_LIRE = "statistiques:lire"

# The kinds that run the CCAPEX's work (what awaits it, routing, sessions, recommendations, outcomes):
# the CCAPEX and the local commissions (CLPIL, CLIL, local CCAPEX of an arrondissement).
CCAPEX_KINDS = frozenset({"ccapex", "commission_locale"})


def depot_scope(acte_type: str) -> str:
    return f"actes:{acte_type}:deposer"


SCOPE_DESCRIPTIONS: dict[str, str] = {
    DOSSIERS_LIRE: "Read the dossiers and acts this partner may see (need to know)",
    REGLES_LIRE: "Read the rule sets and run simulations",
    ACTES_DEPOSER: "File procedure acts (each type also needs its own scope)",
    EVENEMENTS_LIRE: "Read this partner's event feed (what concerns it, as it may see it)",
    ABONNEMENTS_GERER: "Register, list, replay and delete this partner's webhook subscriptions",
    AUDIT_LIRE: "Read the audit of dossier accesses (the CCAPEX: its dossiers'; a DPO: every dossier's)",
    CCAPEX_GERER: "Run the CCAPEX's work: what awaits it, routing grants, sessions, recommendations, outcomes",
    RECOMMANDATIONS_SUIVRE: "Read the recommendations addressed to this partner and record their follow-up",
    STATISTIQUES_LIRE: "Read the indicators of this partner's territories (never nominative; small cells masked)",
    **{depot_scope(t): f"File `{t}` acts" for t in ACTE_TYPES},
}

# Every kind reads its own feed and may have it pushed: what an event shows is decided per recipient.
_COMMON = frozenset({DOSSIERS_LIRE, REGLES_LIRE, EVENEMENTS_LIRE, ABONNEMENTS_GERER, RECOMMANDATIONS_SUIVRE})


def scopes_for_kind(kind: str) -> frozenset[str]:
    if kind not in PARTNER_KINDS:
        raise ValueError(f"unknown partner kind {kind!r}")
    depots = {depot_scope(t) for t, politique in POLITIQUES.items() if kind in politique.deposants}
    audit = {AUDIT_LIRE} if kind in AUDIT_READERS else set()
    ccapex = {CCAPEX_GERER} if kind in CCAPEX_KINDS else set()
    statistiques = {STATISTIQUES_LIRE} if kind in STATISTIQUES_READERS else set()
    return _COMMON | depots | ccapex | ({ACTES_DEPOSER} if depots else set()) | audit | statistiques


#: The kinds that read the audit (docs/protection.md §3).
AUDIT_READERS = frozenset({"ccapex", "dpo"})

#: The kinds that read the statistics (docs/statistiques.md §3): the CCAPEX, the préfecture and the
#: département, the charters' co-pilots, each for its own territories.
STATISTIQUES_READERS = frozenset({"ccapex", "prefecture", "departement"})


#: The scopes that only read (a ``lecture`` user of the console has these, of its partner's).
READ_SCOPES = frozenset({DOSSIERS_LIRE, REGLES_LIRE, EVENEMENTS_LIRE, AUDIT_LIRE, STATISTIQUES_LIRE})

#: The console's roles of a person in a partner (docs/console-comptes.md).
ROLES = ("secretariat", "membre", "lecture")


def scopes_for_role(partner_kind: str, role: str) -> frozenset[str]:
    """What a console user of this role may do: a subset of their partner's scopes. ``secretariat``: all
    of them; ``membre``: all but managing the partner's webhook subscriptions (the secretariat's
    administration); ``lecture``: the reads only."""
    kind_scopes = scopes_for_kind(partner_kind)
    if role == "secretariat":
        return kind_scopes
    if role == "membre":
        return kind_scopes - {ABONNEMENTS_GERER}
    if role == "lecture":
        return kind_scopes & READ_SCOPES
    raise ValueError(f"unknown role {role!r}")
