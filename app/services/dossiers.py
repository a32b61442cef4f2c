"""Dossiers: which dossier an act belongs to, its derived stage and parc, its facts with provenance.

Matching ("dites-le nous une fois"): an explicit ``dossier_id`` wins; otherwise the household keys —
one per occupant, made of the normalised address (postcode + street) and the occupant's normalised
name — point to the dossier. Two acts about the same household land in one dossier whoever files them;
another household at the same address has other names, so other keys. When both acts name the
landlord's SIREN and the SIRENs differ, it is another lease: a new dossier.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

_ABBREVIATIONS = {
    "av": "avenue",
    "ave": "avenue",
    "bd": "boulevard",
    "bld": "boulevard",
    "bvd": "boulevard",
    "r": "rue",
    "pl": "place",
    "all": "allee",
    "imp": "impasse",
    "che": "chemin",
    "chem": "chemin",
    "rte": "route",
    "sq": "square",
    "fg": "faubourg",
    "fbg": "faubourg",
    "res": "residence",
    "st": "saint",
    "ste": "sainte",
    "bis": "bis",
    "ter": "ter",
    "apt": "appartement",
    "appt": "appartement",
    "bat": "batiment",
    "esc": "escalier",
}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, common street abbreviations spelled out."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = _NON_ALNUM.sub(" ", ascii_only).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _sha(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def household_keys(acte: Mapping[str, Any]) -> list[str]:
    """The hashed keys of the household an act is about (empty when it names no address or occupant)."""
    logement = acte.get("logement") or {}
    occupants = acte.get("occupants") or []
    adresse = logement.get("adresse")
    lieu = logement.get("code_postal") or logement.get("code_commune")
    if not adresse or not lieu or not occupants:
        return []
    where = f"{acte['territoire']}|{lieu}|{normalise(adresse)}"
    keys = {
        _sha(where, normalise(o.get("nom", "")), normalise(o.get("prenom", "")))
        for o in occupants
        if o.get("nom")
    }
    return sorted(keys)


def bailleur_siren(acte: Mapping[str, Any]) -> str | None:
    bailleur = acte.get("bailleur") or {}
    siren = bailleur.get("siren")
    return str(siren) if siren else None


# Stage and parc ---------------------------------------------------------------------------------

_STAGE_OF_TYPE = {
    "assignation": "contentieux",
    "diagnostic_social_financier": "contentieux",
    "decision_justice": "contentieux",
    "commandement_quitter_lieux": "execution",
    "requisition_cfp": "execution",
    "decision_cfp": "execution",
    "expulsion": "clos",
    "cloture": "clos",
}
_STAGE_RANK = {"pre_contentieux": 0, "contentieux": 1, "execution": 2, "clos": 3}


def stage_of(types: Iterable[str]) -> str:
    """The furthest stage any act reached (acts may arrive out of order)."""
    stage = "pre_contentieux"
    for t in types:
        candidate = _STAGE_OF_TYPE.get(t, "pre_contentieux")
        if _STAGE_RANK[candidate] > _STAGE_RANK[stage]:
            stage = candidate
    return stage


def parc_of(acte: Mapping[str, Any]) -> str | None:
    if acte.get("parc"):
        return str(acte["parc"])
    categorie = (acte.get("bailleur") or {}).get("categorie")
    if categorie is None:
        return None
    return "social" if categorie == "bailleur_social" else "prive"


# Facts with provenance ----------------------------------------------------------------------------

FACT_GROUPS = ("parc", "logement", "bail", "bailleur", "dette", "occupants")


@dataclass(frozen=True)
class StoredAct:
    id: str
    type: str
    partner_id: str
    partner_kind: str
    recu_le: datetime
    payload: Mapping[str, Any]


def _flatten(prefix: str, value: Any) -> Iterable[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, sub in value.items():
            yield from _flatten(f"{prefix}.{key}", sub)
    else:
        yield prefix, value


def facts_with_provenance(acts: Sequence[StoredAct]) -> dict[str, dict[str, Any]]:
    """Every fact any act stated, the latest first, each value with who said it and when."""
    facts: dict[str, dict[str, Any]] = {}
    for act in sorted(acts, key=lambda a: (a.recu_le, a.id)):
        source = {
            "acte_id": act.id,
            "type": act.type,
            "partner_kind": act.partner_kind,
            "recu_le": act.recu_le.isoformat(),
        }
        for group in FACT_GROUPS:
            if group not in act.payload:
                continue
            for path, value in _flatten(group, act.payload[group]):
                entry = facts.setdefault(path, {"valeur": None, "source": None, "historique": []})
                entry["valeur"], entry["source"] = value, source
                entry["historique"].append({"valeur": value, "source": source})
    for entry in facts.values():
        entry["divergent"] = len({repr(h["valeur"]) for h in entry["historique"]}) > 1
    return dict(sorted(facts.items()))
