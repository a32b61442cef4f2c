"""The checked-in contract is the app's: regenerate with `uv run prevex openapi export`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.cli import openapi_document

CHECKED_IN = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"


def test_checked_in_openapi_matches_the_app() -> None:
    assert json.loads(CHECKED_IN.read_text(encoding="utf-8")) == json.loads(openapi_document()), (
        "openapi/openapi.json is stale: run `uv run prevex openapi export`"
    )


def test_every_operation_documents_problems_and_security() -> None:
    spec = json.loads(openapi_document())
    public = {"/healthz", "/readyz", "/v1/oauth/token", "/v1/.well-known/jwks.json"}
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            codes = set(op["responses"])
            assert any(c.startswith(("4", "5")) for c in codes) or path == "/healthz", f"{method} {path}"
            if path not in public:
                assert op.get("security"), f"{method} {path} declares no security"
            assert op.get("summary"), f"{method} {path}"


def test_every_operation_has_an_example() -> None:
    spec = json.loads(openapi_document())
    schemas = spec["components"]["schemas"]

    def has_example(node: object) -> bool:
        if isinstance(node, dict):
            if "example" in node or "examples" in node:
                return True
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                return has_example_shallow(schemas[ref.rsplit("/", 1)[1]])
            return any(has_example(v) for k, v in node.items() if k in ("schema", "content", "items"))
        return False

    def has_example_shallow(schema: dict[str, object]) -> bool:
        return "examples" in schema or "example" in schema

    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            bodies = [r.get("content", {}) for code, r in op["responses"].items() if code.startswith("2")]
            bodies.append(op.get("requestBody", {}).get("content", {}))
            assert any(has_example(media) for content in bodies for media in content.values()), (
                f"{method} {path}"
            )


def test_decision_codes_are_in_the_contract() -> None:
    from app.rules.codes import DECISION_CODES

    text = openapi_document()
    for code in DECISION_CODES:
        assert f"`{code}`" in text, code


#: The operation ids generated clients are built from: changing one is a change of the contract.
OPERATION_IDS = {
    ("get", "/healthz"): "healthz",
    ("get", "/readyz"): "readyz",
    ("post", "/v1/oauth/token"): "obtenirJeton",
    ("get", "/v1/.well-known/jwks.json"): "lireJwks",
    ("get", "/v1/audit"): "lireAudit",
    ("get", "/v1/statistiques/indicateurs"): "lireIndicateurs",
    ("get", "/v1/statistiques/graphiques/entonnoir.svg"): "lireEntonnoir",
    ("get", "/v1/statistiques/graphiques/tendance.svg"): "lireTendance",
    ("get", "/v1/partenaires/moi"): "lireMonProfil",
    ("post", "/v1/actes"): "deposerActe",
    ("post", "/v1/actes/lot"): "deposerLot",
    ("get", "/v1/actes/{acte_id}"): "lireActe",
    ("get", "/v1/dossiers"): "rechercherDossiers",
    ("get", "/v1/dossiers/{dossier_id}"): "lireDossier",
    ("get", "/v1/dossiers/{dossier_id}/chronologie"): "lireChronologie",
    ("get", "/v1/regles"): "listerRegles",
    ("post", "/v1/regles/simulation"): "simulerRegles",
    ("get", "/v1/regles/sources/{fichier}"): "lireSource",
    ("post", "/v1/regles/impact"): "simulerImpact",
    ("get", "/v1/evenements"): "lireFlux",
    ("get", "/v1/abonnements"): "listerAbonnements",
    ("post", "/v1/abonnements"): "creerAbonnement",
    ("get", "/v1/abonnements/{abonnement_id}"): "lireAbonnement",
    ("delete", "/v1/abonnements/{abonnement_id}"): "supprimerAbonnement",
    ("post", "/v1/abonnements/{abonnement_id}/secret"): "renouvelerSecretAbonnement",
    ("post", "/v1/abonnements/{abonnement_id}/rejouer"): "rejouerAbonnement",
    ("get", "/v1/abonnements/{abonnement_id}/livraisons"): "listerLivraisons",
    ("get", "/v1/ccapex/a-traiter"): "listerEnAttente",
    ("get", "/v1/dossiers/{dossier_id}/courriers"): "listerCourriers",
    ("get", "/v1/courriers/{courrier_id}"): "lireCourrier",
    ("post", "/v1/dossiers/{dossier_id}/attributions"): "attribuerDossier",
    ("delete", "/v1/dossiers/{dossier_id}/attributions/{partenaire_id}"): "retirerAttribution",
    ("post", "/v1/seances"): "creerSeance",
    ("get", "/v1/seances/{seance_id}"): "lireSeance",
    ("post", "/v1/seances/{seance_id}/ordre-du-jour"): "inscrireOrdreDuJour",
    ("put", "/v1/seances/{seance_id}/ordre-du-jour/{dossier_id}"): "consignerExamen",
    ("post", "/v1/dossiers/{dossier_id}/recommandations"): "emettreRecommandation",
    ("patch", "/v1/recommandations/{recommandation_id}"): "suivreRecommandation",
    ("get", "/v1/recommandations"): "listerRecommandations",
    ("put", "/v1/dossiers/{dossier_id}/bilan"): "renseignerBilan",
    ("get", "/v1/dossiers/{dossier_id}/bilan"): "lireBilan",
    ("post", "/v1/dossiers/{dossier_id}/consentements"): "enregistrerConsentement",
    ("post", "/v1/seances/{seance_id}/releve"): "envoyerReleve",
}


def test_operation_ids_and_tags_are_short_stable_ascii() -> None:
    spec = json.loads(openapi_document())
    found = {(m, p): op["operationId"] for p, ops in spec["paths"].items() for m, op in ops.items()}
    assert found == OPERATION_IDS
    for operation_id in found.values():
        assert re.fullmatch(r"[a-z]+(?:[A-Z][a-z]+)*", operation_id), operation_id
    tags = {tag for ops in spec["paths"].values() for op in ops.values() for tag in op["tags"]}
    assert tags == {t["name"] for t in spec["tags"]}
    assert all(re.fullmatch(r"[a-z]+", tag) for tag in tags), tags


def test_problems_are_documented_as_problem_json_only() -> None:
    """Every 4xx/5xx is sent as application/problem+json, never as FastAPI's HTTPValidationError."""
    spec = json.loads(openapi_document())
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            for code, response in op["responses"].items():
                if code.startswith(("4", "5")):
                    assert set(response["content"]) == {"application/problem+json"}, (method, path, code)
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    parameters = [
        p for ops in spec["paths"].values() for op in ops.values() for p in op.get("parameters", [])
    ]
    assert parameters and not any("null" in json.dumps(p["schema"]) for p in parameters)  # absent, never null
    error = spec["components"]["schemas"]["ProblemError"]
    assert set(error["properties"]) == {"pointer", "parameter", "detail"}
    assert error["additionalProperties"] is False


def test_filing_declares_its_response_headers() -> None:
    responses = json.loads(openapi_document())["paths"]["/v1/actes"]["post"]["responses"]
    assert set(responses["201"]["headers"]) == {"Location", "Idempotent-Replayed"}
    assert set(responses["200"]["headers"]) == {"Idempotent-Replayed"}
    assert "Retry-After" in responses["503"]["headers"] and "WWW-Authenticate" in responses["401"]["headers"]


def test_the_token_endpoint_documents_what_it_sends() -> None:
    op = json.loads(openapi_document())["paths"]["/v1/oauth/token"]["post"]
    # No 422: refusals are OAuth2's 400; 429 when failed authentications are rate-limited.
    assert set(op["responses"]) == {"200", "400", "401", "429", "503"}
    assert set(op["requestBody"]["content"]) == {"application/x-www-form-urlencoded"}
