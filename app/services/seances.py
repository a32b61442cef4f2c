"""CCAPEX sessions: creation by a secretariat (a CCAPEX or a local commission of the territory), the
agenda, each examined dossier's outcome, and reading.

Need to know: a session is the secretariat's and its members'; to anyone else it does not exist (404).
A dossier goes on the agenda only if the secretariat may read it (``visibility.dossier_filter``) and,
for a local commission's session, only if the household has not refused that commission
(``services/consentements.py``). Reading a session lists the agenda's dossier ids, never their content:
each member reads a dossier through its own grants.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.logging import request_id_var
from app.core.problems import ProblemException, forbidden, not_found, validation_problem
from app.core.security import Principal
from app.models.partner import Partner
from app.models.seance import Seance, SeanceDossier, SeanceMembre
from app.services import audit
from app.services.ccapex import visible_dossier


def _check_territoire(principal: Principal, territoire: str) -> None:
    if territoire not in principal.territoires:
        raise forbidden("The session's territory is not one of this partner's.")


async def create(
    session: AsyncSession,
    principal: Principal,
    *,
    territoire: str,
    date: Any,
    formation: str,
    membres: list[uuid.UUID],
) -> dict[str, Any]:
    _check_territoire(principal, territoire)
    wanted = sorted(set(membres) - {principal.partner_id})
    if wanted:
        found = set(
            (
                await session.scalars(
                    select(Partner.id).where(Partner.id.in_(wanted), Partner.statut == "actif")
                )
            ).all()
        )
        missing = [i for i, m in enumerate(membres) if m not in found and m != principal.partner_id]
        if missing:
            raise validation_problem(
                [{"pointer": f"/membres/{i}", "detail": "no active partner has this id"} for i in missing]
            )
    seance_id = uuid.uuid4()
    session.add(
        Seance(
            id=seance_id,
            territoire=territoire,
            date=date,
            formation=formation,
            secretariat_id=principal.partner_id,
            created_at=clock.now(),
        )
    )
    await session.flush()
    if wanted:
        await session.execute(
            pg_insert(SeanceMembre), [{"seance_id": seance_id, "partner_id": m} for m in wanted]
        )
    return await read(session, principal, seance_id)


async def _seance_for(session: AsyncSession, principal: Principal, seance_id: uuid.UUID) -> Seance:
    """The session if this partner is its secretariat or one of its members, else 404."""
    member = select(SeanceMembre.seance_id).where(
        SeanceMembre.seance_id == seance_id, SeanceMembre.partner_id == principal.partner_id
    )
    found = await session.scalar(
        select(Seance).where(
            Seance.id == seance_id,
            (Seance.secretariat_id == principal.partner_id) | Seance.id.in_(member),
        )
    )
    if found is None:
        raise not_found("No such session, or this partner is not one of its members.")
    return found


async def secretariat_seance(session: AsyncSession, principal: Principal, seance_id: uuid.UUID) -> Seance:
    """The session if this partner is its secretariat, else 404 (a member may read, not change it)."""
    found = await session.scalar(
        select(Seance).where(Seance.id == seance_id, Seance.secretariat_id == principal.partner_id)
    )
    if found is None:
        raise not_found("No such session, or this partner is not its secretariat.")
    return found


async def _agenda(session: AsyncSession, seance_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        (
            await session.scalars(
                select(SeanceDossier.dossier_id)
                .where(SeanceDossier.seance_id == seance_id)
                .order_by(SeanceDossier.dossier_id)
            )
        ).all()
    )


async def read(session: AsyncSession, principal: Principal, seance_id: uuid.UUID) -> dict[str, Any]:
    """A session and its agenda. The agenda names dossiers: the read is audited on each of them, and so
    is a refused read (404) of a session that has an agenda (docs/protection.md §3)."""
    try:
        seance = await _seance_for(session, principal, seance_id)
    except ProblemException as refusal:
        raise await audit.refused(
            session,
            principal,
            await _agenda(session, seance_id),
            "lecture_seance",
            request_id_var.get(),
            None,
            str(refusal.detail),
        ) from None
    await audit.record(
        session, principal, await _agenda(session, seance_id), "lecture_seance", request_id_var.get()
    )
    membres = (
        await session.scalars(
            select(SeanceMembre.partner_id)
            .where(SeanceMembre.seance_id == seance_id)
            .order_by(SeanceMembre.partner_id)
        )
    ).all()
    points = (
        await session.scalars(
            select(SeanceDossier)
            .where(SeanceDossier.seance_id == seance_id)
            .order_by(SeanceDossier.ajoute_le, SeanceDossier.dossier_id)
        )
    ).all()
    return {
        "id": str(seance.id),
        "territoire": seance.territoire,
        "date": seance.date.isoformat(),
        "formation": seance.formation,
        "secretariat_id": str(seance.secretariat_id),
        "membres": [str(m) for m in membres],
        "ordre_du_jour": [
            {
                "dossier_id": str(p.dossier_id),
                "ajoute_le": p.ajoute_le.isoformat(),
                "issue": p.issue,
                "avis": p.avis,
                "issue_le": p.issue_le.isoformat() if p.issue_le else None,
            }
            for p in points
        ],
        "created_at": seance.created_at.isoformat(),
    }


async def add_to_agenda(
    session: AsyncSession, principal: Principal, seance_id: uuid.UUID, dossier_id: uuid.UUID
) -> dict[str, Any]:
    from app.services.consentements import check_agenda

    seance = await secretariat_seance(session, principal, seance_id)
    try:
        dossier = await visible_dossier(session, principal, dossier_id, "ordre_du_jour")
    except ProblemException as refusal:
        # The session (the path's resource) exists; the dossier the body names is not one this partner
        # may read: invalid content, as for an act naming a dossier (the refusal is audited all the same).
        if refusal.status != 404:
            raise
        raise validation_problem(
            [{"pointer": "/dossier_id", "detail": "no such dossier among those this partner may read"}]
        ) from None
    if dossier.territoire != seance.territoire:
        raise validation_problem(
            [{"pointer": "/dossier_id", "detail": "the dossier is not of the session's territory"}]
        )
    await check_agenda(session, seance, dossier_id)
    await session.execute(
        pg_insert(SeanceDossier)
        .values(seance_id=seance_id, dossier_id=dossier_id, ajoute_le=clock.now())
        .on_conflict_do_nothing()
    )
    return await read(session, principal, seance_id)


async def _communes(session: AsyncSession, dossier_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Each dossier's current ``logement.code_commune`` (the dossier's facts, as the rules read them)."""
    from app.models.acte import Acte
    from app.rules.faits import faits_du_dossier

    rows = await session.execute(
        select(Acte.dossier_id, Acte.id, Acte.payload)
        .where(Acte.dossier_id.in_(dossier_ids))
        .order_by(Acte.dossier_id, Acte.date_acte, Acte.recu_le, Acte.id)
    )
    acts: dict[uuid.UUID, list[tuple[str, Any]]] = {}
    for r in rows:
        acts.setdefault(r.dossier_id, []).append((str(r.id), r.payload))
    found: dict[uuid.UUID, str] = {}
    for dossier_id, stated in acts.items():
        commune = faits_du_dossier(stated).get("logement.code_commune")
        if commune is not None:
            found[dossier_id] = str(commune.valeur)
    return found


async def send_releve(session: AsyncSession, principal: Principal, seance_id: uuid.UUID) -> dict[str, Any]:
    """The relevé de décisions to the State's services (the préfecture partners of the territory), as one
    ``seance.releve`` event (no dossier: it lists the agenda's dossier ids and outcomes, nothing else).
    Where the territory's rule file routes it by arrondissement (``services_etat``, 77: R-38), the relevé
    says which State service each dossier's part goes to (by the commune of its dwelling); the dossiers of
    a commune no entry lists are named ``hors_arrondissement``, for the secretariat to send by hand."""
    from app.models.partner import PartnerTerritoire
    from app.rules.rulebook import load_rulebook
    from app.services.ccapex import emit
    from app.services.evenements import NewEvent

    seance = await secretariat_seance(session, principal, seance_id)
    body = await read(session, principal, seance_id)
    prefectures = (
        await session.scalars(
            select(PartnerTerritoire.partner_id).where(
                PartnerTerritoire.territoire == seance.territoire, PartnerTerritoire.kind == "prefecture"
            )
        )
    ).all()
    points = [{"dossier_id": p["dossier_id"], "issue": p["issue"]} for p in body["ordre_du_jour"]]
    data: dict[str, Any] = {
        "seance_id": str(seance.id),
        "territoire": seance.territoire,
        "date": seance.date.isoformat(),
        "formation": seance.formation,
        "dossiers": points,
    }
    services = [s for rs in load_rulebook().rulesets_for(seance.territoire) for s in rs.fichier.services_etat]
    if services:
        communes = await _communes(session, [uuid.UUID(str(p["dossier_id"])) for p in points])
        routed: set[str] = set()
        parts = []
        for service in services:
            mine = [
                p for p in points if communes.get(uuid.UUID(str(p["dossier_id"]))) in set(service.communes)
            ]
            routed |= {str(p["dossier_id"]) for p in mine}
            parts.append(
                {
                    "arrondissements": list(service.arrondissements),
                    "service": service.service,
                    "courriel": service.courriel,
                    "adresse": service.adresse,
                    "source": service.source,
                    "dossiers": mine,
                }
            )
        data["services_etat"] = [p for p in parts if p["dossiers"]]
        data["hors_arrondissement"] = [p for p in points if str(p["dossier_id"]) not in routed]
    if prefectures:
        await emit(session, None, [NewEvent("seance.releve", data, set(prefectures))], clock.now())
    return {**data, "destinataires": len(prefectures)}


async def record_outcome(
    session: AsyncSession,
    principal: Principal,
    seance_id: uuid.UUID,
    dossier_id: uuid.UUID,
    issue: str,
    avis: str | None,
) -> dict[str, Any]:
    await secretariat_seance(session, principal, seance_id)
    changed = await session.execute(
        update(SeanceDossier)
        .where(SeanceDossier.seance_id == seance_id, SeanceDossier.dossier_id == dossier_id)
        .values(issue=issue, avis=avis, issue_le=clock.now())
        .returning(SeanceDossier.dossier_id)
    )
    if changed.first() is None:
        raise not_found("This dossier is not on the session's agenda.")
    return await read(session, principal, seance_id)


async def lister(session: AsyncSession, principal: Principal, limit: int = 100) -> list[dict[str, Any]]:
    """The sessions this partner runs or sits in (need to know: no one else's), newest first, with the
    size of each agenda (no dossier id: the console's list of sessions; reading one is ``read``)."""
    member = select(SeanceMembre.seance_id).where(SeanceMembre.partner_id == principal.partner_id)
    points = (
        select(func.count())
        .where(SeanceDossier.seance_id == Seance.id)
        .correlate(Seance)
        .scalar_subquery()
        .label("points")
    )
    rows = await session.execute(
        select(Seance, points)
        .where((Seance.secretariat_id == principal.partner_id) | Seance.id.in_(member))
        .order_by(Seance.date.desc(), Seance.id)
        .limit(limit)
    )
    return [
        {
            "id": str(s.id),
            "territoire": s.territoire,
            "date": s.date.isoformat(),
            "formation": s.formation,
            "secretariat": s.secretariat_id == principal.partner_id,
            "points": n,
        }
        for s, n in rows
    ]
