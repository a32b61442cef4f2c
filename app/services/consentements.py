"""The household's word on a local commission (CLPIL, CLIL) examining its dossier (seed 002 annex 6).

Before a CLPIL, the bailleur (or the secretariat, when the household tells it) records ``informe`` or
``refus`` for that commission. ``informe`` gives the commission a ``consentement`` grant
(``visibility.consent_grant``). ``refus`` ends every grant the commission holds on the dossier (so the
dossier is 404 to it), takes the dossier off the agendas of the commission's sessions still to come,
and refuses any later agenda or attribution (409 ``consentement-refuse``). A local session's agenda
freezes one month before its date (409 ``ordre-du-jour-fige``).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.problems import ProblemException, forbidden, validation_problem
from app.core.security import Principal
from app.models.acces import Acces
from app.models.consentement import Consentement
from app.models.partner import Partner
from app.models.seance import Seance, SeanceDossier
from app.rules.calendar import add_months
from app.services.ccapex import visible_dossier
from app.services.visibility import consent_grant

#: Who records what the household said: its landlord, or the CCAPEX's secretariat when told by it.
RECORDERS = frozenset({"bailleur_social", "bailleur_prive", "ccapex", "commission_locale"})
#: A local session's agenda freezes this many months before its date (seed 002 annex 6).
GEL_MOIS = 1


def refused_problem() -> ProblemException:
    return ProblemException(
        409,
        "consentement-refuse",
        "The household refused this commission",
        "The household refused that this local commission examine its dossier.",
    )


async def refused(session: AsyncSession, dossier_id: uuid.UUID, commission_id: uuid.UUID) -> bool:
    statut = await session.scalar(
        select(Consentement.statut).where(
            Consentement.dossier_id == dossier_id, Consentement.commission_id == commission_id
        )
    )
    return statut == "refus"


async def check_agenda(session: AsyncSession, seance: Seance, dossier_id: uuid.UUID) -> None:
    """Refuse a dossier on a session's agenda when the household refused its commission, or when a local
    session's list is frozen."""
    if await refused(session, dossier_id, seance.secretariat_id):
        raise refused_problem()
    if seance.formation == "locale" and clock.today() > add_months(seance.date, -GEL_MOIS):
        raise ProblemException(
            409,
            "ordre-du-jour-fige",
            "The agenda is frozen",
            f"A local session's agenda is frozen {GEL_MOIS} month before its date ({seance.date.isoformat()}).",
        )


async def record(
    session: AsyncSession,
    principal: Principal,
    dossier_id: uuid.UUID,
    commission_id: uuid.UUID,
    statut: str,
    le: date,
) -> dict[str, Any]:
    if principal.kind not in RECORDERS:
        raise forbidden("Only the landlord or the CCAPEX's secretariat records the household's consent.")
    dossier = await visible_dossier(session, principal, dossier_id, "consentement")
    commission = await session.scalar(
        select(Partner).where(
            Partner.id == commission_id, Partner.kind == "commission_locale", Partner.statut == "actif"
        )
    )
    if commission is None or dossier.territoire not in commission.territoires:
        raise validation_problem(
            [
                {
                    "pointer": "/commission_id",
                    "detail": "no active local commission of this dossier's territory",
                }
            ]
        )
    now = clock.now()
    values = {"statut": statut, "date": le, "partner_id": principal.partner_id, "at": now}
    await session.execute(
        pg_insert(Consentement)
        .values(dossier_id=dossier_id, commission_id=commission_id, **values)
        .on_conflict_do_update(
            index_elements=[Consentement.dossier_id, Consentement.commission_id], set_=values
        )
    )
    if statut == "refus":
        await session.execute(
            update(Acces)
            .where(Acces.dossier_id == dossier_id, Acces.partner_id == commission_id, Acces.jusqu_a.is_(None))
            .values(jusqu_a=now)
        )
        upcoming = select(Seance.id).where(
            Seance.secretariat_id == commission_id, Seance.date >= clock.today()
        )
        await session.execute(
            delete(SeanceDossier).where(
                SeanceDossier.dossier_id == dossier_id,
                SeanceDossier.seance_id.in_(upcoming),
                SeanceDossier.issue.is_(None),
            )
        )
    else:
        grant = consent_grant(commission_id)
        await session.execute(
            pg_insert(Acces)
            .values(
                dossier_id=dossier_id,
                partner_id=commission_id,
                motif=grant.motif,
                portee=grant.portee,
                depuis=now,
                accorde_par=principal.partner_id,
            )
            .on_conflict_do_update(
                index_elements=[Acces.dossier_id, Acces.partner_id, Acces.motif],
                set_={"depuis": now, "jusqu_a": None, "accorde_par": principal.partner_id},
            )
        )
    return {
        "dossier_id": str(dossier_id),
        "commission_id": str(commission_id),
        "statut": statut,
        "date": le.isoformat(),
        "enregistre_le": now.isoformat(),
    }
