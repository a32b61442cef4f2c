"""Every validation rule of the acts, through the API: exact JSON pointer, and nothing written."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

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
    # Numbers: never coerced from strings, booleans or floats.
    (
        "a numeric string is not a number",
        "commandement_de_payer",
        _set("dette/montant_cents", "12"),
        "/dette/montant_cents",
    ),
    (
        "a whole float is not integer cents",
        "commandement_de_payer",
        _set("dette/montant_cents", 1200.0),
        "/dette/montant_cents",
    ),
    (
        "rent in integer cents",
        "commandement_de_payer",
        _set("bail/loyer_mensuel_hc_cents", 850.5),
        "/bail/loyer_mensuel_hc_cents",
    ),
    (
        "false is not a month count",
        "commandement_de_payer",
        _set("dette/mois_impayes_consecutifs", False),
        "/dette/mois_impayes_consecutifs",
    ),
    (
        "a month count is an integer",
        "commandement_de_payer",
        _set("dette/mois_impayes_consecutifs", 2.5),
        "/dette/mois_impayes_consecutifs",
    ),
    (
        "debt >= 0 on a signalement",
        "signalement_impaye",
        _set("dette/montant_cents", -1),
        "/dette/montant_cents",
    ),
    # The CDP's required facts.
    (
        "CDP needs months of arrears",
        "commandement_de_payer",
        _drop("dette/mois_impayes_consecutifs"),
        "/dette/mois_impayes_consecutifs",
    ),
    (
        "CDP landlord category is not null",
        "commandement_de_payer",
        _set("bailleur/categorie", None),
        "/bailleur/categorie",
    ),
    (
        "CDP landlord category is closed",
        "commandement_de_payer",
        _set("bailleur/categorie", "sci"),
        "/bailleur/categorie",
    ),
    # Unknown fields, at any depth.
    (
        "unknown field in an occupant",
        "commandement_de_payer",
        _set("occupants/0/age", 40),
        "/occupants/0/age",
    ),
    # Dates.
    ("hearing before the assignation", "assignation", _set("date_audience", "2025-05-01"), "/date_audience"),
    ("assignation needs a hearing date", "assignation", _drop("date_audience"), "/date_audience"),
    ("no impossible date", "commandement_de_payer", _set("date_acte", "2025-02-30"), "/date_acte"),
    (
        "a date is not a datetime",
        "commandement_de_payer",
        _set("date_acte", "2025-03-10T00:00:00Z"),
        "/date_acte",
    ),
    (
        "lease signed after the act",
        "commandement_de_payer",
        _set("bail/date_signature", "2025-03-11"),
        "/bail/date_signature",
    ),
    # Identifiers.
    ("SIREN format", "commandement_de_payer", _set("bailleur/siren", "12345"), "/bailleur/siren"),
    ("SIREN is a string", "commandement_de_payer", _set("bailleur/siren", 123456782), "/bailleur/siren"),
    (
        "SIRET checksum",
        "commandement_de_payer",
        _set("commissaire/siret", "55512345400013"),
        "/commissaire/siret",
    ),
    (
        "INSEE commune number 000",
        "commandement_de_payer",
        _set("logement/code_commune", "93000"),
        "/logement/code_commune",
    ),
    ("postal code", "commandement_de_payer", _set("logement/code_postal", "9310"), "/logement/code_postal"),
    # Text: no control characters (jsonb cannot store U+0000: it must be a 422, never a 500).
    ("NUL in a name", "commandement_de_payer", _set("occupants/0/nom", "EXEMPLE\u0000"), "/occupants/0/nom"),
    (
        "NUL in an address",
        "commandement_de_payer",
        _set("logement/adresse", "12 rue\u0000"),
        "/logement/adresse",
    ),
    ("line feed in a name", "commandement_de_payer", _set("bailleur/nom", "M.\nExemple"), "/bailleur/nom"),
    ("dossier_id is a UUID", "commandement_de_payer", _set("dossier_id", "dossier-12"), "/dossier_id"),
    # recu_le is the server's on a real filing.
    (
        "recu_le only in a simulation",
        "commandement_de_payer",
        _set("recu_le", "2025-03-10T10:00:00Z"),
        "/recu_le",
    ),
    # Act-specific facts.
    ("saisine needs a motif", "saisine_ccapex", _drop("motif"), "/motif"),
    ("saisine origine is closed", "saisine_ccapex", _set("origine", "voisin"), "/origine"),
    (
        "connu_services_sociaux is a boolean",
        "diagnostic_social_financier",
        _set("connu_services_sociaux", "oui"),
        "/connu_services_sociaux",
    ),
    (
        "only a granted CFP is executed",
        "decision_cfp",
        lambda body: body.update(decision="refus", executee=True),
        "/executee",
    ),
]

_TABLES = (
    "actes",
    "dossiers",
    "dossier_cles",
    "evaluations",
    "decisions",
    "acces",
    "evenements",
    "evenement_destinataires",
    "idempotency_keys",
)


async def _row_counts(app: FastAPI) -> dict[str, int]:
    async with app.state.database.sessionmaker() as session:
        return {t: int(await session.scalar(text(f"SELECT count(*) FROM {t}")) or 0) for t in _TABLES}  # noqa: S608


@pytest.mark.parametrize(("case", "acte_type", "mutate", "pointer"), CASES, ids=[c[0] for c in CASES])
async def test_invalid_act_points_at_the_field(
    app: FastAPI, client: httpx.AsyncClient, case: str, acte_type: str, mutate: Mutation, pointer: str
) -> None:
    kind = {
        "assignation": "commissaire_justice",
        "saisine_ccapex": "bailleur_social",
        "decision_cfp": "prefecture",
        "signalement_impaye": "organisme_payeur",
        "diagnostic_social_financier": "departement",
    }
    p = await make_partner(app, client, kind=kind.get(acte_type, "commissaire_justice"))
    menage = household()
    menage["occupants"] = [{"nom": "VALIDATION", "prenom": "Test", "date_naissance": "1980-01-01"}]
    body = acte(acte_type, menage)
    body = copy.deepcopy(body)
    mutate(body)
    before = await _row_counts(app)
    # With an Idempotency-Key: a rejected request stores no idempotency record either.
    headers = {**p.headers, "Idempotency-Key": f"validation-{case}"}
    response = await client.post("/v1/actes", json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert [e["pointer"] for e in response.json()["errors"]] == [pointer], response.json()["errors"]
    assert await _row_counts(app) == before
