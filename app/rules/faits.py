"""The dossier's facts: what the household's situation is, read from every act of the dossier.

Any act may state the household's facts (``parc``, ``logement``, ``bail``, ``bailleur``, ``occupants``,
``dette``: :data:`app.schemas.actes.FAITS_MENAGE`), and no act has to restate them ("dites-le nous une
fois"). A rule reads them with ``{fait: <path>, du: dossier}``: the value the most recent act stating it
gave (acts in the engine's order: ``date_acte``, then ``recu_le``, then key), exactly the current value
``GET /v1/dossiers/{id}`` shows (:func:`app.services.dossiers.facts_with_provenance` flattens the acts
with :func:`aplatir` too). Its provenance is the act that stated that value: the first of the latest acts
that all state it, so that an act merely restating a fact does not remake the decisions that read it.

Pure functions of the acts (no database, no clock): a filing, a simulation and a re-evaluation of the
same acts read the same facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.schemas.actes import FAITS_MENAGE

__all__ = ["DOSSIER", "FAITS_DOSSIER", "FaitDossier", "alias_dossier", "aplatir", "faits_du_dossier"]

DOSSIER = "dossier"
"""The value of ``du`` that reads a fact from the whole dossier."""

FAITS_DOSSIER: tuple[str, ...] = FAITS_MENAGE
"""The groups of household facts a dossier keeps."""


@dataclass(frozen=True)
class FaitDossier:
    """A household fact of the dossier: its current value and the key of the act that stated it."""

    valeur: Any
    acte: str


def aplatir(prefix: str, value: Any) -> Iterable[tuple[str, Any]]:
    """``(dotted path, value)`` of every leaf of a household fact group (a list is one leaf)."""
    if isinstance(value, Mapping):
        for key, sub in value.items():
            yield from aplatir(f"{prefix}.{key}", sub)
    else:
        yield prefix, value


def faits_du_dossier(acts: Sequence[tuple[str, Mapping[str, Any]]]) -> dict[str, FaitDossier]:
    """The dossier's current household facts from its acts, given as ``(key, data)`` **in the engine's
    order**: for each leaf path, the value of the most recent act stating it, from the first act of the
    run of latest acts that state that same value."""
    current: dict[str, FaitDossier] = {}
    for key, data in acts:
        for group in FAITS_DOSSIER:
            if group not in data:
                continue
            for path, value in aplatir(group, data[group]):
                if value is None:
                    continue
                known = current.get(path)
                if known is not None and known.valeur == value:
                    continue  # restated: the value still comes from the act that stated it first
                current[path] = FaitDossier(value, key)
    return current


def alias_dossier(path: str) -> str:
    """The name under which a decision records a dossier fact it read, like a related act's alias:
    ``dossier:occupants``, ``dossier:dette:montant_cents``. Its facts are ``<alias>.acte`` (the act that
    stated it) and ``<alias>.valeur`` (or ``<alias>.nombre`` for a count), so that who may see them is
    decided by that act, as for any related act (:mod:`app.services.visibility`)."""
    return f"{DOSSIER}:{path.replace('.', ':')}"
