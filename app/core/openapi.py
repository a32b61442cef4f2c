"""The OpenAPI document: FastAPI's, plus schemas of bodies that routes validate themselves."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from pydantic import TypeAdapter

# Extra component schemas (name → JSON schema), registered by modules that parse their own bodies.
EXTRA_COMPONENTS: dict[str, dict[str, Any]] = {}


#: The operations' groups, in the order the docs show them: ASCII names, for generated clients' modules.
TAGS: list[dict[str, str]] = [
    {"name": "authentification", "description": "Tokens (OAuth2 client credentials) and their public keys"},
    {"name": "partenaires", "description": "The calling partner"},
    {"name": "actes", "description": "Filing the acts of a procedure, one or a batch; reading one"},
    {"name": "dossiers", "description": "Reading the dossiers a partner needs to know"},
    {"name": "regles", "description": "The rule sets in force (règles) and simulations"},
    {"name": "evenements", "description": "The partner's event feed, in commit order (pull)"},
    {"name": "abonnements", "description": "Webhook subscriptions, their deliveries and replays (push)"},
    {"name": "audit", "description": "Who accessed a dossier, hash-chained (data protection)"},
    {"name": "ccapex", "description": "The CCAPEX's work: what awaits it, routing, sessions, consent"},
    {
        "name": "recommandations",
        "description": "Avis et recommandations, their follow-up, the outcome at 12 months",
    },
    {
        "name": "statistiques",
        "description": "The charters' indicators from the acts: counts, ratios, cohorts, charts (never nominative)",
    },
    {"name": "exploitation", "description": "Liveness and readiness"},
]


def operation_id(route: APIRoute) -> str:
    """Every operation's id: its route's name in lower camel case (``lire_dossier`` → ``lireDossier``).
    A route's name is its function's, unless the decorator gives ``name=``; it is a verb and a noun, in
    the domain's French (``deposerActe``, ``rechercherDossiers``), short, ASCII and stable: generated
    clients name their methods after it, so renaming a route's function is a change of the contract."""
    first, *others = route.name.split("_")
    return first + "".join(word.capitalize() for word in others)


def component_schemas(name: str, adapter: TypeAdapter[Any]) -> dict[str, dict[str, Any]]:
    """A type's JSON schema and its definitions, as OpenAPI components."""
    schema = adapter.json_schema(ref_template="#/components/schemas/{model}")
    definitions: dict[str, dict[str, Any]] = schema.pop("$defs", {})
    return {**definitions, name: schema}


def register_components(schemas: dict[str, dict[str, Any]]) -> None:
    EXTRA_COMPONENTS.update(schemas)


def _never_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A path, query or header parameter is absent or a string, never JSON ``null``: an optional one's
    ``anyOf: [X, {"type": "null"}]`` (FastAPI's rendering of ``X | None``) is ``X``."""
    choices = schema.get("anyOf")
    if not isinstance(choices, list):
        return schema
    kept = [c for c in choices if c != {"type": "null"}]
    if len(kept) != 1 or len(kept) == len(choices):
        return schema
    rest = {k: v for k, v in schema.items() if k != "anyOf"}
    return {**kept[0], **rest}


def build_openapi(app: FastAPI) -> dict[str, Any]:
    spec = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        webhooks=app.webhooks.routes,
        servers=app.servers,
        tags=app.openapi_tags,
    )
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                parameter["schema"] = _never_null(parameter["schema"])
    # A webhook is the partner's endpoint: Prevex documents what it sends and what it makes of the answer,
    # not FastAPI's default 422 (which would bring HTTPValidationError into the contract).
    for operations in spec.get("webhooks", {}).values():
        for operation in operations.values():
            operation.get("responses", {}).pop("422", None)
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    if "HTTPValidationError" not in json.dumps({k: v for k, v in spec.items() if k != "components"}):
        components.pop("HTTPValidationError", None)
        components.pop("ValidationError", None)
    for name, schema in sorted(EXTRA_COMPONENTS.items()):
        components.setdefault(name, schema)
    spec["components"]["schemas"] = dict(sorted(components.items()))
    return spec
