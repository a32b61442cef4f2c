"""Reading dossiers and acts, through the one visibility filter, with every read audited."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.pagination import decode_cursor, encode_cursor
from app.core.problems import not_found
from app.core.scopes import CCAPEX_KINDS
from app.core.security import Principal
from app.models.acces import Acces
from app.models.acte import Acte
from app.models.decision import Decision
from app.models.dossier import Dossier
from app.models.evaluation import Evaluation
from app.models.evenement import Evenement, EvenementDestinataire
from app.services import audit as audit_service
from app.services.decisions import decision_view, group, in_engine_order
from app.services.dossiers import StoredAct, facts_with_provenance, parc_of, stage_of
from app.services.visibility import (
    PORTEE_DOSSIER,
    Vue,
    acts_index,
    best_portee,
    dossier_filter,
    portee_query,
)

_ACT_COLUMNS = (
    Acte.id,
    Acte.dossier_id,
    Acte.partner_id,
    Acte.partner_kind,
    Acte.type,
    Acte.reference,
    Acte.date_acte,
    Acte.recu_le,
    Acte.payload,
)
_DECISION_COLUMNS = (
    Decision.id,
    Decision.cle,
    Decision.kind,
    Decision.code,
    Decision.date,
    Decision.destinataire,
    Decision.regle,
    Decision.source,
    Decision.acte_id.label("acte"),
    Decision.precision,
    Decision.message,
    Decision.faits,
    Decision.actes_lies,
    Decision.statut,
)


def _row(decision: Any) -> dict[str, Any]:
    row = dict(decision)
    row["date"] = row["date"].isoformat() if row["date"] is not None else None
    return row


async def _vue(session: AsyncSession, principal: Principal, dossier_id: uuid.UUID) -> Vue:
    """The partner's view of a dossier it may read: what its grants on it open."""
    portees = (await session.scalars(portee_query(principal, dossier_id))).all()
    return Vue(principal, best_portee(portees) or "dossier")


async def _linked(session: AsyncSession, dossier_id: uuid.UUID) -> frozenset[str]:
    """The partners whose grants open the whole dossier (their acts are the dossier's confirmed facts)."""
    rows = await session.execute(
        select(Acces.partner_id).where(
            Acces.dossier_id == dossier_id, Acces.jusqu_a.is_(None), Acces.portee == PORTEE_DOSSIER
        )
    )
    return frozenset(str(r[0]) for r in rows)


def _header(dossier: Dossier, vue: Vue, acts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The dossier's summary as this partner may see it: a party that joined by household match sees
    the dossier as its own acts make it (stage, parc, dates), nothing another party's acts changed."""
    if not vue.own_acts_only:
        return {
            "id": str(dossier.id),
            "territoire": dossier.territoire,
            "parc": dossier.parc,
            "stade": dossier.stade,
            "created_at": dossier.created_at.isoformat(),
            "updated_at": dossier.updated_at.isoformat(),
        }
    own = [a for a in acts if vue.lists_act(a["partner_id"])]
    parcs = [p for a in own if (p := parc_of(a["payload"])) is not None]
    return {
        "id": str(dossier.id),
        "territoire": dossier.territoire,
        "parc": parcs[0] if parcs else None,
        "stade": stage_of(str(a["type"]) for a in own),
        "created_at": min(a["recu_le"] for a in own).isoformat() if own else dossier.created_at.isoformat(),
        "updated_at": max(a["recu_le"] for a in own).isoformat() if own else dossier.created_at.isoformat(),
    }


async def audit(
    session: AsyncSession,
    principal: Principal,
    dossier_ids: Sequence[uuid.UUID],
    operation: str,
    request_id: str | None,
    motif: str | None = None,
) -> None:
    await audit_service.record(session, principal, dossier_ids, operation, request_id, motif=motif)


async def visible_dossier(
    session: AsyncSession,
    principal: Principal,
    dossier_id: uuid.UUID,
    operation: str,
    request_id: str | None,
    motif: str | None,
    detail: str = "No such dossier, or not visible to this partner.",
) -> Dossier:
    """The dossier if this partner may read it; else a refusal audited (``services/audit.refused``) and a
    404 with ``detail`` (never 403; the same as for an id that does not exist: a read through another
    resource passes its own). Every endpoint that reads or writes a dossier by its id goes through here."""
    dossier = await session.scalar(select(Dossier).where(Dossier.id == dossier_id, dossier_filter(principal)))
    if dossier is None:
        raise await audit_service.refused(
            session, principal, dossier_id, operation, request_id, motif, detail
        )
    return dossier


async def _acts(session: AsyncSession, dossier_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(*_ACT_COLUMNS).where(Acte.dossier_id == dossier_id).order_by(Acte.recu_le, Acte.id)
    )
    return [dict(r) for r in rows.mappings().all()]


def _visible_ids(vue: Vue, acts: Sequence[dict[str, Any]]) -> set[str]:
    return {str(a["id"]) for a in acts if vue.sees_content(a["type"], a["partner_id"])}


async def read_acte(
    session: AsyncSession,
    principal: Principal,
    acte_id: uuid.UUID,
    request_id: str | None,
    motif: str | None = None,
) -> dict[str, Any]:
    row = (
        (
            await session.execute(
                select(*_ACT_COLUMNS)
                .join(Dossier, Dossier.id == Acte.dossier_id)
                .where(Acte.id == acte_id, dossier_filter(principal))
            )
        )
        .mappings()
        .first()
    )
    refusal = "No such act, or not visible to this partner."
    if row is None:
        # The act's dossier, when there is such an act (a refused read names the dossier it was about).
        dossier_id = await session.scalar(select(Acte.dossier_id).where(Acte.id == acte_id))
        if dossier_id is None:
            raise not_found(refusal)
        raise await audit_service.refused(
            session, principal, dossier_id, "lecture_acte", request_id, motif, refusal
        )
    vue = await _vue(session, principal, row["dossier_id"])
    if not vue.lists_act(row["partner_id"]):
        raise await audit_service.refused(
            session, principal, row["dossier_id"], "lecture_acte", request_id, motif, refusal
        )
    view = vue.acte(dict(row))
    if view["contenu_visible"]:
        ajoutees = await session.scalar(
            select(Evaluation.ajoutees).where(Evaluation.acte_id == acte_id, Evaluation.motif == "depot")
        )
        made = {
            str(d["id"]): _row(d)
            for d in (
                await session.execute(select(*_DECISION_COLUMNS).where(Decision.id.in_(ajoutees or [])))
            ).mappings()
        }
        acts = (
            (
                await session.execute(
                    select(Acte.id, Acte.type, Acte.partner_id, Acte.reference).where(
                        Acte.dossier_id == row["dossier_id"]
                    )
                )
            )
            .mappings()
            .all()
        )
        references = {str(a["id"]): str(a["reference"]) for a in acts}
        decisions = [decision_view(made[str(i)], references) for i in ajoutees or [] if str(i) in made]
        view["decisions"] = group(vue.decisions(decisions, acts_index(acts)))
    await audit(session, principal, [row["dossier_id"]], "lecture_acte", request_id, motif)
    return view


async def read_dossier(
    session: AsyncSession,
    principal: Principal,
    dossier_id: uuid.UUID,
    request_id: str | None,
    motif: str | None = None,
) -> dict[str, Any]:
    dossier = await visible_dossier(session, principal, dossier_id, "lecture_dossier", request_id, motif)
    acts = await _acts(session, dossier_id)
    version = await session.scalar(
        select(Evaluation.version_regles)
        .where(Evaluation.dossier_id == dossier_id)
        .order_by(Evaluation.created_at.desc(), Evaluation.id.desc())
        .limit(1)
    )
    current = (
        await session.execute(
            select(*_DECISION_COLUMNS).where(
                Decision.dossier_id == dossier_id, Decision.statut != "remplacee"
            )
        )
    ).mappings()
    references = {str(a["id"]): str(a["reference"]) for a in acts}
    vue = await _vue(session, principal, dossier_id)
    visible = _visible_ids(vue, acts)
    linked = await _linked(session, dossier_id)
    me = str(principal.partner_id)
    stored = [
        StoredAct(
            str(a["id"]),
            a["type"],
            str(a["partner_id"]),
            a["partner_kind"],
            a["recu_le"],
            vue.contenu(a["type"], a["partner_id"], a["payload"]),  # the field matrix, facts included
        )
        for a in acts
        if str(a["id"]) in visible
    ]
    unconfirmed = frozenset(s.id for s in stored if s.partner_id not in linked and s.partner_id != me)
    views = [{**decision_view(d, references), "statut": d["statut"]} for d in map(_row, current)]
    decisions = vue.decisions(in_engine_order(views, acts), acts_index(acts))
    await audit(session, principal, [dossier_id], "lecture_dossier", request_id, motif)
    body = {
        **_header(dossier, vue, acts),
        "faits": facts_with_provenance(stored, unconfirmed),
        "actes": [vue.acte(a) for a in vue.shown_acts(acts)],
        **group(decisions),
        "version_regles": version,
    }
    if principal.kind in CCAPEX_KINDS and not vue.own_acts_only:
        from app.services.ccapex import proposals  # the CCAPEX's module reads through this one

        body["attributions_proposees"] = (await proposals(session, [dossier_id]))[dossier_id]
    return body


async def read_chronologie(
    session: AsyncSession,
    principal: Principal,
    dossier_id: uuid.UUID,
    request_id: str | None,
    motif: str | None = None,
) -> dict[str, Any]:
    await visible_dossier(session, principal, dossier_id, "lecture_chronologie", request_id, motif)
    vue = await _vue(session, principal, dossier_id)
    items: list[tuple[datetime, int, dict[str, Any]]] = []
    for a in vue.shown_acts(await _acts(session, dossier_id)):
        items.append(
            (a["recu_le"], 0, {"quand": a["recu_le"].isoformat(), "nature": "acte", "acte": vue.acte(a)})
        )
    events = await session.execute(  # the dossier's events addressed to this partner
        select(Evenement.id, Evenement.type, Evenement.acte_id, Evenement.created_at)
        # The whole key (partner, xid, seq): by seq alone PostgreSQL reads all the partner's deliveries.
        .join(
            EvenementDestinataire,
            and_(EvenementDestinataire.xid == Evenement.xid, EvenementDestinataire.seq == Evenement.seq),
        )
        .where(Evenement.dossier_id == dossier_id, EvenementDestinataire.partner_id == principal.partner_id)
        .order_by(Evenement.xid, Evenement.seq)
    )
    for e in events.mappings().all():
        items.append(
            (
                e["created_at"],
                1,
                {
                    "quand": e["created_at"].isoformat(),
                    "nature": "evenement",
                    "evenement": {
                        "id": str(e["id"]),
                        "type": e["type"],
                        "acte_id": str(e["acte_id"]) if e["acte_id"] else None,
                    },
                },
            )
        )
    items.sort(key=lambda t: (t[0], t[1]))
    await audit(session, principal, [dossier_id], "lecture_chronologie", request_id, motif)
    return {"dossier_id": str(dossier_id), "items": [i[2] for i in items]}


async def search_dossiers(
    session: AsyncSession,
    principal: Principal,
    *,
    territoire: str | None,
    stade: str | None,
    parc: str | None,
    limit: int,
    cursor: str | None,
    request_id: str | None,
    motif: str | None = None,
) -> dict[str, Any]:
    query = select(Dossier).where(dossier_filter(principal))
    if territoire is not None:
        query = query.where(Dossier.territoire == territoire)
    if stade is not None:
        query = query.where(Dossier.stade == stade)
    if parc is not None:
        query = query.where(Dossier.parc == parc)
    if cursor is not None:
        created, ident = decode_cursor(cursor, uuid.UUID)
        query = query.where(tuple_(Dossier.created_at, Dossier.id) < tuple_(literal(created), literal(ident)))
    rows = (
        await session.scalars(query.order_by(Dossier.created_at.desc(), Dossier.id.desc()).limit(limit + 1))
    ).all()
    page, more = rows[:limit], len(rows) > limit
    await audit(session, principal, [d.id for d in page], "recherche", request_id, motif)
    items = []
    for d in page:
        vue = await _vue(session, principal, d.id)
        items.append(_header(d, vue, await _acts(session, d.id) if vue.own_acts_only else []))
    return {
        "items": items,
        "next_cursor": encode_cursor(page[-1].created_at, page[-1].id) if more and page else None,
    }
