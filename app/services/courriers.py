"""The letters the dossier's decisions ask for, and their rendering (PDF, French, Typst).

A letter is a decision (an orientation such as ``courrier_prevention``) whose code and precision a rule
file of the dossier's territory describes in its ``courriers`` section (``app/rules/schema.Courrier``:
who sends it, to whom, the facts it needs, its paragraphs, the charter line it follows). Its id is the
decision's. Who sees it is who sees the decision (``visibility.Vue.decision``); the facts it prints are
read through the field matrix (``Vue.contenu``): a fact a partner may not read is not printed, and is
listed as missing. Every read is audited (``lecture_courriers``, ``lecture_courrier``); a letter the
partner may not see is 404, audited as refused.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import typst
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.problems import not_found
from app.core.security import Principal
from app.models.acte import Acte
from app.models.decision import Decision
from app.rules.rulebook import load_rulebook
from app.rules.schema import Courrier
from app.services import audit as audit_service
from app.services.reading import audit, visible_dossier
from app.services.visibility import Vue, acts_index, best_portee, portee_query

_INVISIBLE = "No such letter, or not visible to this partner."
TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "courrier.typ"
_MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_INTITULES = {
    "occupants.nom": "nom du ménage",
    "logement.adresse": "adresse du logement",
    "logement.code_postal": "code postal",
    "bailleur.nom": "nom du bailleur",
    "dette.montant_cents": "montant de la dette",
    "date_acte": "date de l'acte",
}


def letters_of(territoire: str) -> dict[tuple[str, str | None], Courrier]:
    """The letters the rule files of a territory (and the national one) describe, by (code, precision)."""
    return {
        (c.code, c.precision): c
        for ruleset in load_rulebook().rulesets_for(territoire)
        for c in ruleset.fichier.courriers
    }


def jour(d: date) -> str:
    return f"{d.day}{'er' if d.day == 1 else ''} {_MOIS[d.month - 1]} {d.year}"


def euros(cents: int) -> str:
    whole, rest = divmod(int(cents), 100)
    return f"{whole:,}".replace(",", "\u202f") + f",{rest:02d} €"


def _fact(payload: Mapping[str, Any], path: str) -> Any:
    """A fact of an act's (visible) content: ``occupants.nom`` is the household's names."""
    if path == "occupants.nom":
        names = [
            " ".join(p for p in (o.get("prenom"), o.get("nom")) if p)
            for o in payload.get("occupants") or []
            if isinstance(o, Mapping) and o.get("nom")
        ]
        return ", ".join(names) or None
    value: Any = payload
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _facts(courrier: Courrier, contents: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Each fact the letter needs: from the act that asked for it first, then the dossier's latest acts."""
    found: dict[str, Any] = {}
    for path in courrier.donnees:
        for content in contents:
            value = _fact(content, path)
            if value is not None:
                found[path] = value
                break
    return found


async def _context(
    session: AsyncSession, principal: Principal, dossier_id: uuid.UUID
) -> tuple[Vue, list[dict[str, Any]], dict[str, tuple[str, str]]]:
    portees = (await session.scalars(portee_query(principal, dossier_id))).all()
    vue = Vue(principal, best_portee(portees) or "dossier")
    rows = await session.execute(
        select(Acte.id, Acte.type, Acte.partner_id, Acte.date_acte, Acte.recu_le, Acte.payload)
        .where(Acte.dossier_id == dossier_id)
        .order_by(Acte.recu_le.desc(), Acte.id.desc())
    )
    acts = [dict(r) for r in rows.mappings().all()]
    return vue, acts, acts_index(acts)


def _item(
    decision: Any,
    courrier: Courrier,
    vue: Vue,
    acts: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    contents: list[Mapping[str, Any]] = []
    cause = next((a for a in acts if a["id"] == decision.acte_id), None)
    ordered = ([cause] if cause else []) + [a for a in acts if a is not cause]
    for a in ordered:
        if vue.sees_content(a["type"], a["partner_id"]):
            shown = vue.contenu(a["type"], a["partner_id"], a["payload"])
            contents.append({**shown, "date_acte": a["date_acte"].isoformat()} if a is cause else shown)
    faits = _facts(courrier, contents)
    return {
        "id": str(decision.id),
        "dossier_id": str(decision.dossier_id),
        "code": decision.code,
        "precision": decision.precision,
        "titre": courrier.titre,
        "expediteur": courrier.expediteur,
        "destinataire": courrier.destinataire,
        "regle": decision.regle,
        "source": decision.source,
        "source_modele": courrier.source,
        "statut": decision.statut,
        "depuis": decision.statut_le.isoformat(),
        "donnees": list(courrier.donnees),
        "donnees_manquantes": [p for p in courrier.donnees if p not in faits],
        "faits": faits,
    }


_COLUMNS = (
    Decision.id,
    Decision.dossier_id,
    Decision.code,
    Decision.precision,
    Decision.regle,
    Decision.source,
    Decision.destinataire,
    Decision.acte_id,
    Decision.faits,
    Decision.actes_lies,
    Decision.statut,
    Decision.statut_le,
)


def _visible(decision: Any, vue: Vue, index: Mapping[str, tuple[str, str]]) -> bool:
    row = {
        "destinataire": decision.destinataire,
        "acte": decision.acte_id,
        "faits": decision.faits,
        "actes_lies": decision.actes_lies,
    }
    return vue.decision(row, index) is not None


async def lister(
    session: AsyncSession, principal: Principal, dossier_id: uuid.UUID, request_id: str | None
) -> dict[str, Any]:
    dossier = await visible_dossier(session, principal, dossier_id, "lecture_courriers", request_id, None)
    letters = letters_of(dossier.territoire)
    vue, acts, index = await _context(session, principal, dossier_id)
    rows = await session.execute(
        select(*_COLUMNS)
        .where(
            Decision.dossier_id == dossier_id,
            Decision.kind == "orientation",
            Decision.statut != "remplacee",
            Decision.code.in_(sorted({code for code, _ in letters})),
        )
        .order_by(Decision.statut_le, Decision.id)
    )
    items = [
        _item(d, letters[(d.code, d.precision)], vue, acts)
        for d in rows
        if (d.code, d.precision) in letters and _visible(d, vue, index)
    ]
    await audit(session, principal, [dossier_id], "lecture_courriers", request_id)
    return {"items": items}


async def lire(
    session: AsyncSession, principal: Principal, courrier_id: uuid.UUID, request_id: str | None
) -> dict[str, Any]:
    """One letter as this partner may see it, with what the rendering prints (``rendu``)."""
    found = (
        await session.execute(
            select(*_COLUMNS).where(
                Decision.id == courrier_id, Decision.statut != "remplacee", Decision.kind == "orientation"
            )
        )
    ).first()
    if found is None:  # no such decision: no dossier to audit the attempt against
        raise not_found(_INVISIBLE)
    dossier = await visible_dossier(
        session, principal, found.dossier_id, "lecture_courrier", request_id, None, _INVISIBLE
    )
    courrier = letters_of(dossier.territoire).get((found.code, found.precision))
    vue, acts, index = await _context(session, principal, found.dossier_id)
    if courrier is None or not _visible(found, vue, index):
        raise await audit_service.refused(
            session,
            principal,
            found.dossier_id,
            "lecture_courrier",
            request_id,
            None,
            _INVISIBLE,
        )
    item = _item(found, courrier, vue, acts)
    await audit(session, principal, [found.dossier_id], "lecture_courrier", request_id)
    return {**item, "rendu": _rendu(item, courrier)}


def _rendu(item: Mapping[str, Any], courrier: Courrier) -> dict[str, Any]:
    """What the letter prints, in French: a fact the partner may not read prints as not communicated."""
    faits: Mapping[str, Any] = item["faits"]
    absent = "[non communiqué]"
    adresse = [
        str(faits.get("occupants.nom") or absent),
        str(faits.get("logement.adresse") or absent),
        str(faits.get("logement.code_postal") or ""),
    ]
    rappel: list[str] = []
    if "bailleur.nom" in courrier.donnees:
        rappel.append(f"Bailleur : {faits.get('bailleur.nom') or absent}")
    if "dette.montant_cents" in courrier.donnees:
        montant = faits.get("dette.montant_cents")
        rappel.append(f"Dette de loyer déclarée : {euros(montant) if montant is not None else absent}")
    if "date_acte" in courrier.donnees and faits.get("date_acte"):
        rappel.append(f"Acte du {jour(date.fromisoformat(str(faits['date_acte'])))}")
    return {
        "id": item["id"],
        "titre": item["titre"],
        "expediteur": item["expediteur"],
        "adresse_destinataire": [line for line in adresse if line],
        "date": jour(clock.today()),
        "rappel": rappel,
        "paragraphes": list(courrier.paragraphes),
        "regle": item["regle"],
        "source": item["source"],
        "source_modele": item["source_modele"],
        "donnees_manquantes": [_INTITULES.get(p, p) for p in item["donnees_manquantes"]],
    }


def pdf(rendu: Mapping[str, Any]) -> bytes:
    """The letter as PDF, from the Typst template, with the fonts Typst embeds (no system font)."""
    out = typst.compile(
        TEMPLATE.read_bytes(),
        sys_inputs={"data": json.dumps(rendu, ensure_ascii=False)},
        ignore_system_fonts=True,
    )
    assert isinstance(out, bytes)
    return out
