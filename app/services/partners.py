"""Partners: creation, credentials, revocation. Services flush; the caller commits."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from stdnum.fr import siret as siret_check

from app.core.kinds import PARTNER_KINDS
from app.core.scopes import scopes_for_kind
from app.core.security import (
    Principal,
    hash_secret,
    new_client_id,
    new_client_secret,
    secret_matches,
)
from app.core.territoires import is_departement
from app.models.acces import Acces
from app.models.dossier import Dossier
from app.models.partner import Partner, PartnerCredential, PartnerTerritoire
from app.repositories.actes import territory_lock
from app.services.visibility import PORTEE_DOSSIER, territorial_kinds


class PartnerInputError(ValueError):
    """Bad partner data; the message names the field."""


@dataclass(frozen=True)
class IssuedCredentials:
    partner: Partner
    client_id: str
    client_secret: str


def _check(kind: str, nom: str, siret: str, territoires: list[str]) -> str:
    if kind not in PARTNER_KINDS:
        raise PartnerInputError(
            f"kind: unknown partner kind {kind!r}; expected one of {', '.join(PARTNER_KINDS)}"
        )
    if not nom.strip():
        raise PartnerInputError("name: must not be empty")
    compact = siret_check.compact(siret)
    if not siret_check.is_valid(compact):
        raise PartnerInputError(f"siret: {siret!r} is not a valid SIRET (14 digits, checksum)")
    if not territoires:
        raise PartnerInputError("territory: at least one département code is required")
    for code in territoires:
        if not is_departement(code):
            raise PartnerInputError(f"territory: {code!r} is not a French département code")
    return str(compact)


async def create_partner(
    session: AsyncSession, *, kind: str, nom: str, siret: str, territoires: list[str]
) -> IssuedCredentials:
    compact = _check(kind, nom, siret, territoires)
    partner = Partner(
        id=uuid.uuid4(),
        kind=kind,
        nom=nom.strip(),
        siret=compact,
        territoires=sorted(set(territoires)),
        statut="actif",
    )
    session.add(partner)
    await session.flush()
    await _join_territories(session, partner)
    client_id, secret = await _new_credential(session, partner.id)
    return IssuedCredentials(partner, client_id, secret)


async def ensure_partner(
    session: AsyncSession, *, kind: str, nom: str, siret: str, territoires: list[str]
) -> Partner:
    """The active partner of this kind and SIRET, created (without handing out its secret) if none is."""
    compact = _check(kind, nom, siret, territoires)
    found: Partner | None = await session.scalar(
        select(Partner)
        .where(Partner.kind == kind, Partner.siret == compact, Partner.statut == "actif")
        .order_by(Partner.created_at)
        .limit(1)
    )
    if found is not None:
        return found
    return (await create_partner(session, kind=kind, nom=nom, siret=siret, territoires=territoires)).partner


async def _join_territories(session: AsyncSession, partner: Partner) -> None:
    """List the partner in its territories; a territorial body also gets a ``territoire`` grant on every
    dossier already there. Each territory's lock is taken exclusively first: a filing holds it shared
    while it may create a dossier, so every dossier is either seen here or sees this partner."""
    now = datetime.now(UTC)
    territorial = partner.kind in territorial_kinds()
    for territoire in partner.territoires:
        if territorial:
            await session.execute(select(func.pg_advisory_xact_lock(territory_lock(territoire))))
        await session.execute(
            insert(PartnerTerritoire).values(territoire=territoire, kind=partner.kind, partner_id=partner.id)
        )
        if territorial:
            await session.execute(
                insert(Acces).from_select(
                    ["dossier_id", "partner_id", "motif", "portee", "depuis"],
                    select(
                        Dossier.id,
                        literal(partner.id),
                        literal("territoire"),
                        literal(PORTEE_DOSSIER),
                        literal(now),
                    ).where(Dossier.territoire == territoire),
                )
            )


async def _new_credential(session: AsyncSession, partner_id: uuid.UUID) -> tuple[str, str]:
    client_id, secret = new_client_id(), new_client_secret()
    session.add(
        PartnerCredential(client_id=client_id, partner_id=partner_id, secret_sha256=hash_secret(secret))
    )
    await session.flush()
    return client_id, secret


async def list_partners(session: AsyncSession) -> list[tuple[Partner, list[str]]]:
    partners = (await session.scalars(select(Partner).order_by(Partner.created_at, Partner.id))).all()
    creds = (
        await session.execute(
            select(PartnerCredential.partner_id, PartnerCredential.client_id).where(
                PartnerCredential.revoked_at.is_(None)
            )
        )
    ).all()
    by_partner: dict[uuid.UUID, list[str]] = {}
    for partner_id, client_id in creds:
        by_partner.setdefault(partner_id, []).append(client_id)
    return [(p, sorted(by_partner.get(p.id, []))) for p in partners]


async def find_partner(session: AsyncSession, ident: str) -> Partner | None:
    """By partner id or by one of its client ids."""
    try:
        return await session.get(Partner, uuid.UUID(ident))
    except ValueError:
        pass
    found: Partner | None = await session.scalar(
        select(Partner)
        .join(PartnerCredential, PartnerCredential.partner_id == Partner.id)
        .where(PartnerCredential.client_id == ident)
    )
    return found


async def revoke_partner(session: AsyncSession, partner: Partner) -> None:
    now = datetime.now(UTC)
    partner.statut = "revoque"
    partner.revoked_at = now
    await session.execute(delete(PartnerTerritoire).where(PartnerTerritoire.partner_id == partner.id))
    await session.execute(
        update(PartnerCredential)
        .where(PartnerCredential.partner_id == partner.id, PartnerCredential.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    await session.flush()


async def rotate_secret(session: AsyncSession, partner: Partner) -> tuple[str, str]:
    """Revokes every current credential of the partner and issues a new one."""
    if partner.statut != "actif":
        raise PartnerInputError("partner: revoked partners get no new secret")
    await session.execute(
        update(PartnerCredential)
        .where(PartnerCredential.partner_id == partner.id, PartnerCredential.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    return await _new_credential(session, partner.id)


_DUMMY_HASH = hash_secret("not-a-secret")


async def authenticate_client(
    session: AsyncSession, client_id: str, secret: str, requested_scopes: set[str] | None
) -> Principal | None:
    """The principal for valid credentials, else ``None``. Requested scopes beyond the kind's raise."""
    row = (
        await session.execute(
            select(PartnerCredential.secret_sha256, Partner)
            .join(Partner, Partner.id == PartnerCredential.partner_id)
            .where(PartnerCredential.client_id == client_id, PartnerCredential.revoked_at.is_(None))
        )
    ).first()
    expected, partner = (row[0], row[1]) if row is not None else (_DUMMY_HASH, None)
    if not secret_matches(secret, expected) or partner is None or partner.statut != "actif":
        return None
    granted = scopes_for_kind(partner.kind)
    if requested_scopes is not None:
        unknown = requested_scopes - granted
        if unknown:
            raise PermissionError(" ".join(sorted(unknown)))
        granted = frozenset(requested_scopes)
    return Principal(
        partner_id=partner.id,
        kind=partner.kind,
        territoires=tuple(partner.territoires),
        scopes=frozenset(granted),
        client_id=client_id,
    )


async def du_territoire(session: AsyncSession, territoire: str) -> list[tuple[uuid.UUID, str, str]]:
    """The active partners acting in ``territoire`` (id, kind, name), by name: whom a secretariat may
    route a dossier to or seat in a session (the console's choices; the services check them again)."""
    rows = await session.execute(
        select(Partner.id, Partner.kind, Partner.nom)
        .where(Partner.statut == "actif", Partner.territoires.any(territoire))  # type: ignore[arg-type]
        .order_by(Partner.nom, Partner.id)
    )
    return [(r.id, r.kind, r.nom) for r in rows]


async def noms(session: AsyncSession, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The names of these partners (for a page that shows who routed, recommended or read)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await session.execute(select(Partner.id, Partner.nom).where(Partner.id.in_(wanted)))
    return {r.id: r.nom for r in rows}
