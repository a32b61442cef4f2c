"""Dossiers: which dossier an act belongs to, its derived stage and parc, its facts with provenance.

Matching ("dites-le nous une fois"): an explicit ``dossier_id`` wins; otherwise the household keys —
one per occupant, made of the normalised address (postcode + street, without the floor or flat) and
the occupant's normalised name — point to the dossier. Two acts about the same household land in one dossier whoever files them;
another household at the same address has other names, so other keys. When both acts name the
landlord's SIREN and the SIRENs differ, it is another lease: a new dossier.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from app.core.config import get_settings
from app.rules.faits import aplatir
from app.schemas.actes import FAITS_MENAGE, POLITIQUES
from app.schemas.politiques import STADES

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


# Every combining mark of the BMP (what an accent becomes once decomposed), to delete in one translate.
_COMBINING = dict.fromkeys(c for c in range(0x10000) if unicodedata.combining(chr(c)))


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed and max(decomposed) > "\uffff":  # beyond the BMP (rare): mark by mark
        unaccented = "".join(c for c in decomposed if not unicodedata.combining(c))
    else:
        unaccented = decomposed.translate(_COMBINING)
    return _NON_ALNUM.sub(" ", unaccented.lower()).split()


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, common street abbreviations spelled out."""
    return " ".join(_ABBREVIATIONS.get(w, w) for w in _words(text))


# Where in the building: the same dwelling is written with or without them by different partners.
_COMPLEMENTS = frozenset({"batiment", "escalier", "etage", "appartement", "porte", "entree", "logement"})
_ARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "au", "aux"})
_ORDINAL = re.compile(r"^(?:\d+(?:e|er|eme|ieme|re)|rdc)$")
_SUFFIXES = {"b": "bis", "t": "ter", "q": "quater"}
_NUMBER_SUFFIX = re.compile(r"^(\d+)(b|bis|t|ter|q|quater)$")


def normalise_adresse(adresse: str) -> str:
    """The street address as a matching key: :func:`normalise`, without the in-building complements
    (bâtiment B, escalier 2, 3e étage, appartement 41), ``14B``/``14 b``/``14bis`` read as ``14 bis``."""
    words = normalise(adresse).split()
    kept: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        following = words[i + 1] if i + 1 < len(words) else None
        if word in _COMPLEMENTS and not (kept and kept[-1] in _ARTICLES):
            # The complement and its designation (B, 2, 41), unless that is another complement.
            # After an article it names the street: rue de la Porte Jaune.
            i += 2 if following is not None and following not in _COMPLEMENTS else 1
            continue
        if _ORDINAL.match(word) and following == "etage":
            i += 2
            continue
        suffixed = _NUMBER_SUFFIX.match(word)
        if suffixed:
            kept += [suffixed.group(1), _SUFFIXES.get(suffixed.group(2), suffixed.group(2))]
        elif word in _SUFFIXES and kept and kept[-1].isdigit():
            kept.append(_SUFFIXES[word])
        else:
            kept.append(word)
        i += 1
    return " ".join(kept)


def normalise_nom(nom: str) -> str:
    """A person's name as a matching key: no accents, case, spaces or punctuation
    (``N'Diaye``, ``NDIAYE`` and ``n diaye`` are one name)."""
    return "".join(_words(nom))


@lru_cache(maxsize=1)
def _settings_secret() -> bytes:
    return get_settings().household_key_secret.get_secret_value().encode()


def _mac(key: bytes, *parts: str) -> str:
    return hmac.new(key, "\x1f".join(parts).encode(), hashlib.sha256).hexdigest()


def household_secret_fingerprint(secret: bytes | None = None) -> str:
    """A fingerprint of the household-key secret, stored beside the keys: a server started with another
    secret knows its keys no longer match the stored ones (and says so) without revealing the secret."""
    key = secret if secret is not None else _settings_secret()
    return hmac.new(key, b"prevex:empreinte-des-cles-menages", hashlib.sha256).hexdigest()[:32]


def household_keys(acte: Mapping[str, Any], secret: bytes | None = None) -> list[str]:
    """The keys of the household an act is about (empty when it names no address or occupant): an HMAC
    of the normalised address and name with the server's secret (``PREVEX_HOUSEHOLD_KEY_SECRET``), so
    that nobody holding the database can tell by hashing a guess whether a household is known."""
    key = secret if secret is not None else _settings_secret()
    logement = acte.get("logement") or {}
    occupants = acte.get("occupants") or []
    adresse = logement.get("adresse")
    lieu = logement.get("code_postal") or logement.get("code_commune")
    if not adresse or not lieu or not occupants:
        return []
    where = f"{acte['territoire']}|{lieu}|{normalise_adresse(adresse)}"
    keys = {
        _mac(key, where, normalise_nom(o.get("nom", "")), normalise_nom(o.get("prenom", "")))
        for o in occupants
        if o.get("nom")
    }
    return sorted(keys)


def bailleur_siren(acte: Mapping[str, Any]) -> str | None:
    bailleur = acte.get("bailleur") or {}
    siren = bailleur.get("siren")
    return str(siren) if siren else None


# Stage and parc ---------------------------------------------------------------------------------

# The stage each act type leads to (the registry's ``stade``; stages in procedure order).
_STAGE_OF_TYPE: dict[str, str] = {t: politique.stade for t, politique in POLITIQUES.items()}
_STAGE_RANK: dict[str, int] = {stage: rank for rank, stage in enumerate(STADES)}


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

# The household's facts: the fields every act may carry, but its envelope (the registry's common groups).
FACT_GROUPS = FAITS_MENAGE


@dataclass(frozen=True)
class StoredAct:
    id: str
    type: str
    partner_id: str
    partner_kind: str
    recu_le: datetime
    payload: Mapping[str, Any]


def facts_with_provenance(
    acts: Sequence[StoredAct], unconfirmed: frozenset[str] = frozenset()
) -> dict[str, dict[str, Any]]:
    """Every fact any act stated, each value with who said it and when, in the order of the acts' own
    dates (then of receipt): the current value is the one stated by the most recent act, so an old act
    that arrives late (real life is late) joins the history without overriding newer facts. The rules
    read the same current values (``du: dossier``, :mod:`app.rules.faits`).

    ``unconfirmed``: ids of acts filed by a party that joined by household match and is not linked to the
    dossier (docs/protection.md): their values join the history (``confirme: false``), never the current
    value."""
    facts: dict[str, dict[str, Any]] = {}
    for act in sorted(acts, key=lambda a: (str(a.payload.get("date_acte", "")), a.recu_le, a.id)):
        source = {
            "acte_id": act.id,
            "type": act.type,
            "partner_kind": act.partner_kind,
            "date_acte": act.payload.get("date_acte"),
            "recu_le": act.recu_le.isoformat(),
        }
        confirmed = act.id not in unconfirmed
        for group in FACT_GROUPS:
            if group not in act.payload:
                continue
            for path, value in aplatir(group, act.payload[group]):
                entry = facts.setdefault(path, {"valeur": None, "source": None, "historique": []})
                if confirmed:
                    entry["valeur"], entry["source"] = value, source
                entry["historique"].append({"valeur": value, "source": source, "confirme": confirmed})
    for entry in facts.values():
        entry["divergent"] = len({repr(h["valeur"]) for h in entry["historique"]}) > 1
    return dict(sorted(facts.items()))
