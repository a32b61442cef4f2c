"""Every validation rule of the acts, through the API: exact JSON pointer, and nothing written."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from app.models.acte import Acte
from tests.factories import acte, household, make_partner

pytestmark = pytest.mark.anyio

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    def apply(body: dict[str, Any]) -> None:
        node: Any = body
        parts = path.split("/")
        for part in parts[:-1]:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[parts[-1]] = value

    return apply


def _drop(path: str) -> Mutation:
    def apply(body: dict[str, Any]) -> None:
        node: Any = body
        parts = path.split("/")
        for part in parts[:-1]:
            node = node[part]
        del node[parts[-1]]

    return apply


CASES: list[tuple[str, str, Mutation, str]] = [
    (
        "false is not a number",
        "commandement_de_payer",
        _set("dette/montant_cents", False),
        "/dette/montant_cents",
    ),
    (
        "money is not a float",
        "commandement_de_payer",
        _set("dette/montant_cents", 12.5),
        "/dette/montant_cents",
    ),
    ("debt >= 0", "commandement_de_payer", _set("dette/montant_cents", -1), "/dette/montant_cents"),
    (
        "months >= 0",
        "commandement_de_payer",
        _set("dette/mois_impayes_consecutifs", -2),
        "/dette/mois_impayes_consecutifs",
    ),
    ("unknown nested field", "commandement_de_payer", _set("bail/inconnu", 1), "/bail/inconnu"),
    ("missing type", "commandement_de_payer", _drop("type"), "/type"),
    ("unknown type", "commandement_de_payer", _set("type", "pas_un_acte"), "/type"),
    ("CDP needs its landlord", "commandement_de_payer", _drop("bailleur"), "/bailleur"),
    (
        "CDP needs the landlord's category",
        "commandement_de_payer",
        _drop("bailleur/categorie"),
        "/bailleur/categorie",
    ),
    ("date as a number", "commandement_de_payer", _set("date_acte", 20250310), "/date_acte"),
    ("date not ISO", "commandement_de_payer", _set("date_acte", "10/03/2025"), "/date_acte"),
    ("hearing after the assignation", "assignation", _set("date_audience", "2025-05-05"), "/date_audience"),
    ("SIREN checksum", "commandement_de_payer", _set("bailleur/siren", "123456789"), "/bailleur/siren"),
    (
        "INSEE commune code",
        "commandement_de_payer",
        _set("logement/code_commune", "9X048"),
        "/logement/code_commune",
    ),
    (
        "commune in the territory",
        "commandement_de_payer",
        _set("logement/code_commune", "75056"),
        "/logement/code_commune",
    ),
    ("territoire", "commandement_de_payer", _set("territoire", "20"), "/territoire"),
    (
        "born in the past",
        "commandement_de_payer",
        _set("occupants/0/date_naissance", "2999-01-01"),
        "/occupants/0/date_naissance",
    ),
    ("parc and landlord agree", "saisine_ccapex", _set("parc", "prive"), "/parc"),
    ("decision_cfp outcome", "decision_cfp", _set("decision", "peut-etre"), "/decision"),
]


@pytest.mark.parametrize(("case", "acte_type", "mutate", "pointer"), CASES, ids=[c[0] for c in CASES])
async def test_invalid_act_points_at_the_field(
    app: FastAPI, client: httpx.AsyncClient, case: str, acte_type: str, mutate: Mutation, pointer: str
) -> None:
    kind = {
        "assignation": "commissaire_justice",
        "saisine_ccapex": "bailleur_social",
        "decision_cfp": "prefecture",
    }
    p = await make_partner(app, client, kind=kind.get(acte_type, "commissaire_justice"))
    menage = household()
    menage["occupants"] = [{"nom": "VALIDATION", "prenom": "Test", "date_naissance": "1980-01-01"}]
    body = acte(acte_type, menage)
    body = copy.deepcopy(body)
    mutate(body)
    response = await client.post("/v1/actes", json=body, headers=p.headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert pointer in [e["pointer"] for e in response.json()["errors"]], response.json()["errors"]
    async with app.state.database.sessionmaker() as session:
        assert (
            await session.scalar(
                select(func.count()).select_from(Acte).where(Acte.partner_id == p.partner_id)
            )
            == 0
        )
