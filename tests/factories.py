"""Typed factories: partners with credentials and tokens, made through the real services and API."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx
from fastapi import FastAPI
from stdnum import luhn

from app.services.partners import create_partner
from tests.journal import JOURNAL


def fake_siret(seed: int | None = None) -> str:
    """A valid (checksummed) fictitious SIRET."""
    n = seed if seed is not None else uuid.uuid4().int
    base = f"{n % 10**8:08d}"
    sirn = base + luhn.calc_check_digit(base)
    nic = f"{(n // 10**8) % 10**4:04d}"
    return sirn + nic + luhn.calc_check_digit(sirn + nic)


@dataclass(frozen=True)
class PartnerCreds:
    partner_id: uuid.UUID
    kind: str
    territoires: tuple[str, ...]
    client_id: str
    client_secret: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


async def make_partner(
    app: FastAPI,
    client: httpx.AsyncClient,
    kind: str = "commissaire_justice",
    territoires: tuple[str, ...] = ("93",),
    nom: str = "Partenaire de test",
    siret: str | None = None,
) -> PartnerCreds:
    async with app.state.database.sessionmaker() as session, session.begin():
        issued = await create_partner(
            session, kind=kind, nom=nom, siret=siret or fake_siret(), territoires=list(territoires)
        )
    response = await client.post(
        "/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": issued.client_id,
            "client_secret": issued.client_secret,
        },
    )
    assert response.status_code == 200, response.text
    return PartnerCreds(
        issued.partner.id,
        kind,
        territoires,
        issued.client_id,
        issued.client_secret,
        response.json()["access_token"],
    )


def household(seed: str | None = None) -> dict[str, object]:
    """A fictitious household (address + occupant) unique to the caller, in the 93."""
    tag = seed or uuid.uuid4().hex[:10]
    JOURNAL.register(f"TEST{tag.upper()}", f"rue des Essais {tag}")
    return {
        "logement": {
            "adresse": f"{int(tag[:4], 16) % 300 + 1} rue des Essais {tag}",
            "code_postal": "93100",
            "code_commune": "93048",
        },
        "occupants": [{"nom": f"TEST{tag.upper()}", "prenom": "Camille"}],
    }


def acte(acte_type: str, menage: dict[str, object] | None = None, **overrides: object) -> dict[str, object]:
    """The schema's example of ``acte_type``, with a unique reference and the given household."""
    import copy

    from app.schemas.actes import EXEMPLES

    body: dict[str, object] = copy.deepcopy(EXEMPLES[acte_type])
    body["reference"] = f"T-{acte_type[:12]}-{uuid.uuid4().hex[:12]}"
    body.pop("dossier_id", None)  # the examples' dossier ids are fictitious
    if menage is not None:
        body.update(copy.deepcopy(menage))
    body.update(overrides)
    return body


def filer_kind(acte_type: str) -> str:
    """A partner kind allowed to file ``acte_type`` (its policy's ``deposants``)."""
    from app.schemas.actes import POLITIQUES

    preferred = (
        "commissaire_justice",
        "bailleur_social",
        "departement",
        "prefecture",
        "ccapex",
        "organisme_payeur",
        "other",
        "bailleur_prive",
        "commission_locale",
    )
    return next(k for k in preferred if k in POLITIQUES[acte_type].deposants)
