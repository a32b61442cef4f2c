"""Household keys: HMACs with the server's secret; a server whose secret did not make the stored keys
refuses filings (no silent second dossier) until the keys are made again from the acts."""

from __future__ import annotations

import hashlib

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

import app.services.dossiers as dossiers
from app.models.dossier import DossierCle
from app.services.dossiers import household_keys, normalise_adresse, normalise_nom
from app.services.menages import rekey
from tests.factories import acte, household, make_partner

OTHER_SECRET = b"another-secret-for-the-household-keys"


def test_keys_cannot_be_found_by_hashing_a_guess() -> None:
    body = acte("commandement_de_payer", household())
    logement, occupant = body["logement"], body["occupants"][0]  # type: ignore[index]
    where = f"93|{logement['code_postal']}|{normalise_adresse(logement['adresse'])}"
    guess = hashlib.sha256(
        "\x1f".join([where, normalise_nom(occupant["nom"]), normalise_nom(occupant["prenom"])]).encode()
    ).hexdigest()
    keys = household_keys(body)
    assert keys and guess not in keys
    assert household_keys(body, secret=OTHER_SECRET) != keys  # the secret makes the key


async def test_another_secret_refuses_filings_until_the_keys_are_made_again(
    app: FastAPI, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    commissaire = await make_partner(app, client)
    menage = household()
    first = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", menage), headers=commissaire.headers
    )
    dossier_id = first.json()["dossier_id"]
    checker = app.state.household_keys
    try:
        monkeypatch.setattr(dossiers, "_settings_secret", lambda: OTHER_SECRET)  # a restart with a new secret
        assert not await checker.refresh(app.state.database)
        refused = await client.post(
            "/v1/actes", json=acte("assignation", menage), headers=commissaire.headers
        )
        assert refused.status_code == 503 and refused.json()["type"].endswith("cles-menages-perimees")
        assert refused.headers["retry-after"]
        ready = await client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["type"].endswith("cles-menages-perimees")

        dossiers_done, keys_made = await rekey(app.state.database, batch=50)
        assert dossiers_done >= 1 and keys_made >= 1
        assert await checker.refresh(app.state.database)
        again = await client.post("/v1/actes", json=acte("assignation", menage), headers=commissaire.headers)
        assert again.status_code == 201 and again.json()["dossier_id"] == dossier_id  # found by its new key
        async with app.state.database.sessionmaker() as session:
            stored = set(
                (
                    await session.scalars(select(DossierCle.cle).where(DossierCle.dossier_id == dossier_id))
                ).all()
            )
        assert stored == set(household_keys(acte("commandement_de_payer", menage)))
    finally:
        monkeypatch.undo()  # back to the suite's secret, for the tests that follow
        await rekey(app.state.database, batch=500)
        assert await checker.refresh(app.state.database)
