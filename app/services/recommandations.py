"""Avis et recommandations, their follow-up, and the dossier's outcome 12 months after its session.

**Emission** (``emettre``): a CCAPEX or a local commission (scope ``ccapex:gerer``) that may read the
dossier addresses a recommendation to a partner that holds a grant on it (need to know: Prevex never
recommends to a partner what it cannot see) or to the household, from the catalogue (``NATURES``),
optionally from one of its sessions. ``recommandation.emise`` goes to the addressee and the emitter.

**Follow-up** (``suivre``): the addressee, or for the household the emitter or a CCAPEX secretariat that
may read the dossier, records ``statut`` with a date and a comment; every change is a row
(``recommandation_suivis``) and a ``recommandation.suivie`` event.

**Over time** (``follow_up``, run by the worker's periodic job ``jobs/suivi.py``, today from the one clock):

- ``SUIVI.rappel_mois`` (6) months after the session (``date_reference``), a recommendation still
  ``en_cours`` is recalled to its addressee (the emitter for the household): ``recommandation.rappel``,
  once (``rappel_le`` is set by the same ``UPDATE … WHERE rappel_le IS NULL``);
- ``SUIVI.bilan_mois`` (12) months after the first session that examined the dossier, its secretariat is
  asked for the outcome (``bilan.demande``, once: the ``bilans`` row is inserted ``ON CONFLICT DO
  NOTHING``), recorded with ``PUT /v1/dossiers/{id}/bilan`` up to ``SUIVI.limite_mois`` (20) months after
  that session, refused after (409 ``bilan-clos``).

**Counts** (``comptes``): by nature and follow-up status; the yearly indicators count them in
``services/statistiques``.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, literal, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.db import Database
from app.core.logging import request_id_var
from app.core.pagination import decode_cursor, encode_cursor
from app.core.problems import ProblemException, not_found, validation_problem
from app.core.scopes import CCAPEX_KINDS
from app.core.security import Principal
from app.models.acces import Acces
from app.models.bilan import Bilan
from app.models.dossier import Dossier
from app.models.partner import Partner
from app.models.recommandation import Recommandation, RecommandationSuivi
from app.models.seance import Seance, SeanceDossier, SeanceMembre
from app.rules.calendar import add_months
from app.services import audit as audit_service
from app.services.ccapex import emit, visible_dossier
from app.services.evenements import NewEvent, publish
from app.services.reading import audit


@dataclass(frozen=True)
class Suivi:
    """The follow-up's delays, with the charter lines they come from."""

    rappel_mois: int = 6
    rappel_source: str = (
        "seeds/000_e5d35558516f1026.txt:L268-269 (« suivi à 6 mois des situations examinées en CCAPEX »)"
    )
    bilan_mois: int = 12
    bilan_source: str = "seed 001 L350 (« Bilan … 12 mois après le premier examen »)"
    limite_mois: int = 20
    limite_source: str = "seeds/000_e5d35558516f1026.txt:L313-315 (« dans la limite des 20 mois suivant le passage du dossier en séance »)"


SUIVI = Suivi()


# Emission and follow-up ----------------------------------------------------------------------------


async def _has_grant(session: AsyncSession, dossier: Dossier, partner_id: uuid.UUID) -> bool:
    found = await session.scalar(
        select(Partner.id)
        .join(Acces, Acces.partner_id == Partner.id)
        .where(
            Partner.id == partner_id,
            Partner.statut == "actif",
            Partner.territoires.any(dossier.territoire),  # type: ignore[arg-type]
            Acces.dossier_id == dossier.id,
            Acces.jusqu_a.is_(None),
        )
        .limit(1)
    )
    return found is not None


async def _suivis(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[dict[str, Any]]]:
    found: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    if not ids:
        return found
    rows = await session.scalars(
        select(RecommandationSuivi)
        .where(RecommandationSuivi.recommandation_id.in_(ids))
        .order_by(RecommandationSuivi.id)
    )
    for s in rows:
        found[s.recommandation_id].append(
            {
                "statut": s.statut,
                "date": s.date.isoformat(),
                "commentaire": s.commentaire,
                "partenaire_id": str(s.partner_id),
                "at": s.at.isoformat(),
            }
        )
    return found


def _view(r: Recommandation, suivis: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "dossier_id": str(r.dossier_id),
        "emetteur_id": str(r.emetteur_id),
        "destinataire": {
            "partenaire_id": str(r.destinataire_id) if r.destinataire_id else None,
            "menage": True if r.destinataire_menage else None,
        },
        "nature": r.nature,
        "texte": r.texte,
        "echeance": r.echeance.isoformat() if r.echeance else None,
        "seance_id": str(r.seance_id) if r.seance_id else None,
        "date_reference": r.date_reference.isoformat(),
        "statut": r.statut,
        "statut_le": r.statut_le.isoformat(),
        "rappel_le": r.rappel_le.isoformat() if r.rappel_le else None,
        "created_at": r.created_at.isoformat(),
        "suivis": suivis,
    }


def _event_data(r: Recommandation) -> dict[str, Any]:
    return {
        "recommandation_id": str(r.id),
        "nature": r.nature,
        "statut": r.statut,
        "destinataire_menage": r.destinataire_menage,
        "echeance": r.echeance.isoformat() if r.echeance else None,
    }


def _addressee(r: Recommandation) -> uuid.UUID:
    """Who answers for it: its addressee, or for the household its emitter."""
    return r.destinataire_id if r.destinataire_id is not None else r.emetteur_id


async def emettre(
    session: AsyncSession,
    principal: Principal,
    dossier_id: uuid.UUID,
    *,
    partenaire_id: uuid.UUID | None,
    nature: str,
    texte: str,
    echeance: date | None,
    seance_id: uuid.UUID | None,
) -> dict[str, Any]:
    dossier = await visible_dossier(session, principal, dossier_id, "recommandation")
    if partenaire_id is not None and not await _has_grant(session, dossier, partenaire_id):
        raise validation_problem(
            [
                {
                    "pointer": "/destinataire/partenaire_id",
                    "detail": "this partner holds no grant on the dossier: route it first "
                    "(POST /v1/dossiers/{id}/attributions)",
                }
            ]
        )
    now = clock.now()
    reference = clock.today()
    if seance_id is not None:
        member = select(SeanceMembre.seance_id).where(SeanceMembre.partner_id == principal.partner_id)
        seance = await session.scalar(
            select(Seance).where(
                Seance.id == seance_id,
                or_(Seance.secretariat_id == principal.partner_id, Seance.id.in_(member)),
            )
        )
        on_agenda = seance is not None and await session.scalar(
            select(SeanceDossier.dossier_id).where(
                SeanceDossier.seance_id == seance_id, SeanceDossier.dossier_id == dossier_id
            )
        )
        if seance is None or not on_agenda:
            raise validation_problem(
                [
                    {
                        "pointer": "/seance_id",
                        "detail": "no session of this partner has the dossier on its agenda",
                    }
                ]
            )
        reference = seance.date
    rec = Recommandation(
        id=uuid.uuid4(),
        dossier_id=dossier_id,
        emetteur_id=principal.partner_id,
        destinataire_id=partenaire_id,
        destinataire_menage=partenaire_id is None,
        nature=nature,
        texte=texte,
        echeance=echeance,
        seance_id=seance_id,
        date_reference=reference,
        statut="en_cours",
        statut_le=now,
        created_at=now,
    )
    session.add(rec)
    await session.flush()
    data = {**_event_data(rec), "seance_id": str(seance_id) if seance_id else None}
    await emit(
        session, dossier, [NewEvent("recommandation.emise", data, {_addressee(rec), rec.emetteur_id})], now
    )
    return _view(rec, [])


async def _answerable(
    session: AsyncSession, principal: Principal, recommandation_id: uuid.UUID
) -> Recommandation:
    """The recommendation if this partner records its follow-up (else 404): its addressee; for the
    household, its emitter or a secretariat (CCAPEX, local commission) that may read the dossier."""
    rec = await session.scalar(
        select(Recommandation).where(Recommandation.id == recommandation_id).with_for_update()
    )
    if rec is None:
        raise not_found("No such recommendation, or it is not this partner's to follow.")
    if rec.destinataire_id == principal.partner_id or rec.emetteur_id == principal.partner_id:
        return rec
    if rec.destinataire_menage and principal.kind in CCAPEX_KINDS:
        await visible_dossier(session, principal, rec.dossier_id, "recommandation")
        return rec
    raise not_found("No such recommendation, or it is not this partner's to follow.")


async def suivre(
    session: AsyncSession,
    principal: Principal,
    recommandation_id: uuid.UUID,
    *,
    statut: str,
    le: date,
    commentaire: str | None,
) -> dict[str, Any]:
    rec = await _answerable(session, principal, recommandation_id)
    if rec.destinataire_id is not None and rec.destinataire_id != principal.partner_id:
        raise not_found("No such recommendation, or it is not this partner's to follow.")
    now = clock.now()
    rec.statut, rec.statut_le = statut, now
    session.add(
        RecommandationSuivi(
            recommandation_id=rec.id,
            statut=statut,
            date=le,
            commentaire=commentaire,
            partner_id=principal.partner_id,
            at=now,
        )
    )
    await session.flush()
    dossier = await session.get_one(Dossier, rec.dossier_id)
    data = {**_event_data(rec), "date": le.isoformat()}
    await emit(
        session, dossier, [NewEvent("recommandation.suivie", data, {rec.emetteur_id, _addressee(rec)})], now
    )
    return _view(rec, (await _suivis(session, [rec.id]))[rec.id])


async def mine(
    session: AsyncSession,
    principal: Principal,
    *,
    statut: str | None,
    limit: int,
    cursor: str | None,
    request_id: str | None,
) -> dict[str, Any]:
    """The recommendations this partner answers for (``_addressee``: addressed to it, or to the household
    when it made them), on dossiers it may still read, oldest first."""
    from app.services.visibility import dossier_filter

    answers_for = func.coalesce(Recommandation.destinataire_id, Recommandation.emetteur_id)
    query = (
        select(Recommandation)
        .join(Dossier, Dossier.id == Recommandation.dossier_id)
        .where(answers_for == principal.partner_id, dossier_filter(principal))
    )
    if statut is not None:
        query = query.where(Recommandation.statut == statut)
    if cursor is not None:
        created, ident = decode_cursor(cursor, uuid.UUID)
        query = query.where(
            tuple_(Recommandation.created_at, Recommandation.id) > tuple_(literal(created), literal(ident))
        )
    rows = (
        await session.scalars(query.order_by(Recommandation.created_at, Recommandation.id).limit(limit + 1))
    ).all()
    page, more = list(rows[:limit]), len(rows) > limit
    suivis = await _suivis(session, [r.id for r in page])
    await audit(session, principal, sorted({r.dossier_id for r in page}), "recommandations", request_id)
    return {
        "items": [_view(r, suivis.get(r.id, [])) for r in page],
        "next_cursor": encode_cursor(page[-1].created_at, page[-1].id) if more and page else None,
    }


async def comptes(session: AsyncSession, *, territoire: str | None = None) -> list[dict[str, Any]]:
    """Recommendation counts by nature and current follow-up status (optionally for one territory). The
    yearly statistics count them in SQL with the parc of their date (``services/statistiques._CCAPEX``)."""
    columns = [Recommandation.nature, Recommandation.statut]
    query = select(*columns, func.count().label("nombre")).group_by(*columns)
    if territoire is not None:
        query = query.join(Dossier, Dossier.id == Recommandation.dossier_id).where(
            Dossier.territoire == territoire
        )
    rows = await session.execute(query.order_by(*columns))
    return [{"nature": r.nature, "statut": r.statut, "nombre": r.nombre} for r in rows]


# The outcome (bilan) -----------------------------------------------------------------------------


async def _first_examined(session: AsyncSession, dossier_id: uuid.UUID) -> Seance | None:
    found: Seance | None = await session.scalar(
        select(Seance)
        .join(SeanceDossier, SeanceDossier.seance_id == Seance.id)
        .where(SeanceDossier.dossier_id == dossier_id, SeanceDossier.issue == "examine")
        .order_by(Seance.date, Seance.id)
        .limit(1)
    )
    return found


def _bilan_view(b: Bilan) -> dict[str, Any]:
    return {
        "dossier_id": str(b.dossier_id),
        "seance_id": str(b.seance_id),
        "seance_date": b.seance_date.isoformat(),
        "modifiable_jusqu_au": add_months(b.seance_date, SUIVI.limite_mois).isoformat(),
        "demande_le": b.demande_le.isoformat() if b.demande_le else None,
        "issue": b.issue,
        "surendettement": b.surendettement,
        "fsl": b.fsl,
        "pcs": b.pcs,
        "renseigne_le": b.renseigne_le.isoformat() if b.renseigne_le else None,
    }


async def lire_bilan(session: AsyncSession, principal: Principal, dossier_id: uuid.UUID) -> dict[str, Any]:
    if principal.kind not in CCAPEX_KINDS:  # the outcome tells of FSL and surendettement: theirs only
        raise await audit_service.refused(
            session,
            principal,
            dossier_id,
            "lecture_bilan",
            request_id_var.get(),
            None,
            "No such dossier, or not visible to this partner.",
        )
    await visible_dossier(session, principal, dossier_id, "lecture_bilan")
    bilan = await session.get(Bilan, dossier_id)
    if bilan is None:
        raise not_found("No outcome asked or recorded for this dossier yet.")
    await audit_service.record(session, principal, [dossier_id], "lecture_bilan", request_id_var.get())
    return _bilan_view(bilan)


async def renseigner_bilan(
    session: AsyncSession,
    principal: Principal,
    dossier_id: uuid.UUID,
    *,
    issue: str,
    surendettement: bool,
    fsl: bool,
    pcs: bool,
) -> dict[str, Any]:
    await visible_dossier(session, principal, dossier_id, "bilan")
    bilan = await session.get(Bilan, dossier_id, with_for_update=True)
    if bilan is None:
        seance = await _first_examined(session, dossier_id)
        if seance is None:
            raise ProblemException(
                409,
                "bilan-sans-seance",
                "No session examined this dossier",
                "An outcome is recorded for a dossier a session examined (its outcome `examine`).",
            )
        bilan = Bilan(dossier_id=dossier_id, seance_id=seance.id, seance_date=seance.date)
        session.add(bilan)
    limit = add_months(bilan.seance_date, SUIVI.limite_mois)
    if clock.today() > limit:
        raise ProblemException(
            409,
            "bilan-clos",
            "The follow-up period is over",
            f"The outcome may be recorded or changed up to {SUIVI.limite_mois} months after the session "
            f"({limit.isoformat()}; {SUIVI.limite_source}).",
        )
    bilan.issue, bilan.surendettement, bilan.fsl, bilan.pcs = issue, surendettement, fsl, pcs
    bilan.renseigne_le, bilan.renseigne_par = clock.now(), principal.partner_id
    await session.flush()
    return _bilan_view(bilan)


# Over time: the periodic job -----------------------------------------------------------------------

_RAPPELS = """
UPDATE recommandations r SET rappel_le = $2
FROM dossiers d
WHERE d.id = r.dossier_id AND r.statut = 'en_cours' AND r.rappel_le IS NULL AND r.date_reference <= $1
RETURNING r.id, r.dossier_id, d.territoire, r.nature, r.statut, r.destinataire_id, r.destinataire_menage,
  r.emetteur_id, r.echeance, r.date_reference
"""
_REVUES = """
WITH premiere AS (
  SELECT DISTINCT ON (sd.dossier_id) sd.dossier_id, s.id AS seance_id, s.date, s.secretariat_id, s.territoire
  FROM seance_dossiers sd JOIN seances s ON s.id = sd.seance_id
  WHERE sd.issue = 'examine'
  ORDER BY sd.dossier_id, s.date, s.id
), demandes AS (
  INSERT INTO bilans (dossier_id, seance_id, seance_date, demande_le)
  SELECT dossier_id, seance_id, date, $2 FROM premiere WHERE date <= $1
  ON CONFLICT (dossier_id) DO NOTHING
  RETURNING dossier_id
)
SELECT p.* FROM premiere p JOIN demandes USING (dossier_id)
"""


@dataclass
class FollowUp:
    rappels: int = 0
    revues: int = 0


async def follow_up(database: Database, today: date | None = None) -> FollowUp:
    """Send the reminders and reviews due by ``today``, each once (one transaction; safe to run
    concurrently: a row is claimed by the statement that writes its event's reason)."""
    today = today or clock.today()
    now = clock.now()
    done = FollowUp()
    async with database.transaction() as conn:
        by_dossier: dict[tuple[uuid.UUID, str], list[NewEvent]] = defaultdict(list)
        for r in await conn.fetch(_RAPPELS, add_months(today, -SUIVI.rappel_mois), now):
            data = {
                "recommandation_id": str(r["id"]),
                "nature": r["nature"],
                "statut": r["statut"],
                "destinataire_menage": r["destinataire_menage"],
                "echeance": r["echeance"].isoformat() if r["echeance"] else None,
                "date_reference": r["date_reference"].isoformat(),
            }
            pour = r["destinataire_id"] or r["emetteur_id"]
            by_dossier[(r["dossier_id"], r["territoire"])].append(
                NewEvent("recommandation.rappel", data, {pour})
            )
            done.rappels += 1
        for b in await conn.fetch(_REVUES, add_months(today, -SUIVI.bilan_mois), now):
            data = {
                "seance_id": str(b["seance_id"]),
                "seance_date": b["date"].isoformat(),
                "modifiable_jusqu_au": add_months(b["date"], SUIVI.limite_mois).isoformat(),
            }
            by_dossier[(b["dossier_id"], b["territoire"])].append(
                NewEvent("bilan.demande", data, {b["secretariat_id"]})
            )
            done.revues += 1
        for (dossier_id, territoire), events in by_dossier.items():
            await publish(conn, dossier_id, territoire, events, now)
    return done


async def du_dossier(
    session: AsyncSession, principal: Principal, dossier_id: uuid.UUID, request_id: str | None
) -> list[dict[str, Any]]:
    """A dossier's recommendations this partner takes part in (need to know, as their events go): those
    it made or that are addressed to it; for a CCAPEX kind that may read the dossier, those addressed to
    the household too (it records their follow-up). 404 when the dossier is not visible. Audited."""
    await visible_dossier(session, principal, dossier_id, "recommandations")
    mine = or_(
        Recommandation.emetteur_id == principal.partner_id,
        Recommandation.destinataire_id == principal.partner_id,
    )
    if principal.kind in CCAPEX_KINDS:
        mine = or_(mine, Recommandation.destinataire_menage.is_(True))
    rows = (
        await session.scalars(
            select(Recommandation)
            .where(Recommandation.dossier_id == dossier_id, mine)
            .order_by(Recommandation.created_at, Recommandation.id)
        )
    ).all()
    suivis = await _suivis(session, [r.id for r in rows])
    await audit(session, principal, [dossier_id], "recommandations", request_id)
    return [_view(r, suivis.get(r.id, [])) for r in rows]
