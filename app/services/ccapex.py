"""The CCAPEX's work: what awaits it, and routing a dossier to a member (attributions).

**What awaits it** (``a_traiter``): the dossiers it may read (``visibility.dossier_filter``) with an
open orientation addressed to the CCAPEX (``decisions``: kind ``orientation``, ``destinataire``
``ccapex``, ``statut`` ``active``: signalements over threshold, saisines, alerts, complex cases), oldest
first, each with why it is there (every such orientation: code, rule, source) and its next active
deadline. Cursor on (oldest orientation, dossier id); no count.

**Proposals.** The charters' routing rules are orientations too (``ROUTAGE``: Paris's local CCAPEX of the
arrondissements 10, 12, 13, 14, rule ``75-CCAPEX-LOCALE``; Seine-et-Marne's CCAPEX Nord for Meaux and
Torcy, Sud for Melun and Fontainebleau, ``77-CCAPEX-NORD``/``-SUD``): each open one is listed with the
item as a ``proposition`` (the rule, its source, the partner kind and the active partners of that kind
in the territory), and on the dossier read by the CCAPEX (``attributions_proposees``), for the
secretariat to route with an attribution; never a grant made silently, never a motif of the list.

**Routing** (``attribuer``, ``retirer``): a CCAPEX (or local commission) that may read a dossier gives a
member a grant on it (``acces``, motif ``attribution``, the grant ``visibility.attribution_grant`` says),
with a reason, and tells the member (``attribution.accordee``). Ending it keeps the row (``jusqu_a``).
The member must act in the dossier's territory (a grant outside it would open nothing).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, literal, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.logging import request_id_var
from app.core.pagination import decode_cursor, encode_cursor
from app.core.problems import not_found, validation_problem
from app.core.security import Principal
from app.models.acces import Acces
from app.models.decision import Decision
from app.models.dossier import Dossier
from app.models.partner import Partner, PartnerTerritoire
from app.services.evenements import NewEvent, publish
from app.services.reading import audit
from app.services.reading import visible_dossier as reading_visible
from app.services.visibility import attribution_grant, dossier_filter

#: The orientation codes that route a dossier to another body or formation: proposals, never motifs of
#: the work list (75: the local CCAPEX; 77: the CCAPEX Nord or Sud by arrondissement).
ROUTAGE = frozenset({"ccapex_locale", "ccapex_nord", "ccapex_sud"})


async def visible_dossier(
    session: AsyncSession, principal: Principal, dossier_id: uuid.UUID, operation: str
) -> Dossier:
    """The dossier if this partner may read it, else 404 (never 403), the refusal audited: the one check
    (``services/reading.visible_dossier``), with the request's id."""
    return await reading_visible(session, principal, dossier_id, operation, request_id_var.get(), None)


async def emit(session: AsyncSession, dossier: Dossier | None, events: list[NewEvent], now: datetime) -> None:
    """Write events through the one event writer, in the request's transaction."""
    conn = await session.connection()
    raw = await conn.get_raw_connection()
    await publish(
        raw.driver_connection,
        dossier.id if dossier is not None else None,
        dossier.territoire if dossier is not None else None,
        events,
        now,
    )


# What awaits the CCAPEX ----------------------------------------------------------------------------


async def a_traiter(
    session: AsyncSession,
    principal: Principal,
    *,
    territoire: str | None,
    motif: str | None,
    stade: str | None,
    limit: int,
    cursor: str | None,
    request_id: str | None,
) -> dict[str, Any]:
    open_orientation = and_(
        Decision.kind == "orientation",
        Decision.destinataire == "ccapex",
        Decision.statut == "active",
        Decision.code.not_in(sorted(ROUTAGE)),
    )
    # ``dossiers.ccapex_depuis`` is the oldest open orientation to the CCAPEX, kept by a trigger on
    # ``decisions`` (migration 5b1e9c3d7a20) and indexed by territory in that order: a page is a range of
    # that index, whatever the number of dossiers waiting.
    depuis = Dossier.ccapex_depuis.label("depuis")
    query = select(Dossier.id, Dossier.territoire, Dossier.stade, depuis).where(
        Dossier.ccapex_depuis.is_not(None), dossier_filter(principal), Dossier.stade != "clos"
    )
    if territoire is not None:
        query = query.where(Dossier.territoire == territoire)
    if stade is not None:
        query = query.where(Dossier.stade == stade)
    if motif is not None:
        query = query.where(
            exists().where(Decision.dossier_id == Dossier.id, open_orientation, Decision.code == motif)
        )
    if cursor is not None:
        after, ident = decode_cursor(cursor, uuid.UUID)
        query = query.where(
            tuple_(Dossier.ccapex_depuis, Dossier.id) > tuple_(literal(after), literal(ident))
        )
    rows = (await session.execute(query.order_by(Dossier.ccapex_depuis, Dossier.id).limit(limit + 1))).all()
    page, more = rows[:limit], len(rows) > limit
    ids = [r.id for r in page]
    motifs: dict[uuid.UUID, list[dict[str, Any]]] = {i: [] for i in ids}
    echeances: dict[uuid.UUID, dict[str, Any]] = {}
    propositions: dict[uuid.UUID, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        for d in await session.execute(
            select(
                Decision.dossier_id,
                Decision.id,
                Decision.code,
                Decision.regle,
                Decision.source,
                Decision.statut_le,
            )
            .where(Decision.dossier_id.in_(ids), open_orientation)
            .order_by(Decision.statut_le, Decision.id)
        ):
            motifs[d.dossier_id].append(
                {
                    "decision_id": str(d.id),
                    "code": d.code,
                    "regle": d.regle,
                    "source": d.source,
                    "depuis": d.statut_le.isoformat(),
                }
            )
        nearest = (
            select(Decision.dossier_id, Decision.code, Decision.date)
            .where(
                Decision.dossier_id.in_(ids),
                Decision.kind == "echeance",
                Decision.statut == "active",
                Decision.date.is_not(None),
            )
            .distinct(Decision.dossier_id)
            .order_by(Decision.dossier_id, Decision.date, Decision.code)
        )
        for e in await session.execute(nearest):
            echeances[e.dossier_id] = {"code": e.code, "date": e.date.isoformat()}
        propositions.update(await proposals(session, ids))
    await audit(session, principal, ids, "ccapex_a_traiter", request_id)
    return {
        "items": [
            {
                "dossier_id": str(r.id),
                "territoire": r.territoire,
                "stade": r.stade,
                "depuis": r.depuis.isoformat(),
                "motifs": motifs[r.id],
                "prochaine_echeance": echeances.get(r.id),
                "propositions": propositions[r.id],
            }
            for r in page
        ],
        "next_cursor": encode_cursor(page[-1].depuis, page[-1].id) if more and page else None,
    }


async def proposals(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """The routing the charters propose for each dossier (its open ``ROUTAGE`` orientations), with the
    active partners of the kind each names in the dossier's territory."""
    found: dict[uuid.UUID, list[dict[str, Any]]] = {i: [] for i in ids}
    routes = await session.execute(
        select(
            Decision.dossier_id,
            Decision.code,
            Decision.regle,
            Decision.source,
            Decision.destinataire,
            Dossier.territoire,
        )
        .join(Dossier, Dossier.id == Decision.dossier_id)
        .where(
            Decision.dossier_id.in_(ids),
            Decision.kind == "orientation",
            Decision.statut == "active",
            Decision.code.in_(sorted(ROUTAGE)),
        )
        .order_by(Decision.dossier_id, Decision.code)
    )
    for p in routes:
        candidates = (
            await session.scalars(
                select(PartnerTerritoire.partner_id)
                .where(PartnerTerritoire.territoire == p.territoire, PartnerTerritoire.kind == p.destinataire)
                .order_by(PartnerTerritoire.partner_id)
            )
        ).all()
        found[p.dossier_id].append(
            {
                "code": p.code,
                "regle": p.regle,
                "source": p.source,
                "kind": p.destinataire,
                "partenaires": [str(c) for c in candidates],
            }
        )
    return found


# Routing -------------------------------------------------------------------------------------------


def _attribution(row: Acces) -> dict[str, Any]:
    return {
        "dossier_id": str(row.dossier_id),
        "partenaire_id": str(row.partner_id),
        "motif": row.raison,
        "accorde_par": str(row.accorde_par) if row.accorde_par else None,
        "depuis": row.depuis.isoformat(),
        "jusqu_a": row.jusqu_a.isoformat() if row.jusqu_a else None,
    }


async def attribuer(
    session: AsyncSession, principal: Principal, dossier_id: uuid.UUID, partenaire_id: uuid.UUID, raison: str
) -> dict[str, Any]:
    dossier = await visible_dossier(session, principal, dossier_id, "attribution")
    member = await session.scalar(
        select(Partner).where(Partner.id == partenaire_id, Partner.statut == "actif")
    )
    if member is None or dossier.territoire not in member.territoires:
        raise validation_problem(
            [
                {
                    "pointer": "/partenaire_id",
                    "detail": "no active partner of this dossier's territory has this id",
                }
            ]
        )
    if member.kind == "commission_locale":
        from app.services.consentements import refused, refused_problem

        if await refused(session, dossier_id, partenaire_id):
            raise refused_problem()
    now = clock.now()
    grant = attribution_grant(partenaire_id)
    stmt = pg_insert(Acces).values(
        dossier_id=dossier_id,
        partner_id=uuid.UUID(grant.partner_id),
        motif=grant.motif,
        portee=grant.portee,
        depuis=now,
        jusqu_a=None,
        accorde_par=principal.partner_id,
        raison=raison,
    )
    upsert = stmt.on_conflict_do_update(
        index_elements=[Acces.dossier_id, Acces.partner_id, Acces.motif],
        set_={
            "depuis": now,
            "jusqu_a": None,
            "accorde_par": principal.partner_id,
            "raison": raison,
            "portee": grant.portee,
        },
    ).returning(Acces)
    row = (await session.execute(upsert)).scalar_one()
    data = {"partenaire_id": str(partenaire_id), "accorde_par": str(principal.partner_id)}
    await emit(
        session, dossier, [NewEvent("attribution.accordee", data, {partenaire_id, principal.partner_id})], now
    )
    return _attribution(row)


async def retirer(
    session: AsyncSession, principal: Principal, dossier_id: uuid.UUID, partenaire_id: uuid.UUID
) -> dict[str, Any]:
    await visible_dossier(session, principal, dossier_id, "attribution")
    ended = await session.execute(
        update(Acces)
        .where(
            Acces.dossier_id == dossier_id,
            Acces.partner_id == partenaire_id,
            Acces.motif == "attribution",
            Acces.jusqu_a.is_(None),
        )
        .values(jusqu_a=clock.now())
        .returning(Acces)
    )
    row = ended.scalar_one_or_none()
    if row is None:
        raise not_found("No standing attribution of this dossier to this partner.")
    return _attribution(row)
