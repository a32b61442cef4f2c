"""The OpenAPI document: FastAPI's, plus schemas of bodies that routes validate themselves."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import TypeAdapter

# Extra component schemas (name → JSON schema), registered by modules that parse their own bodies.
EXTRA_COMPONENTS: dict[str, dict[str, Any]] = {}


def component_schemas(name: str, adapter: TypeAdapter[Any]) -> dict[str, dict[str, Any]]:
    """A type's JSON schema and its definitions, as OpenAPI components."""
    schema = adapter.json_schema(ref_template="#/components/schemas/{model}")
    definitions: dict[str, dict[str, Any]] = schema.pop("$defs", {})
    return {**definitions, name: schema}


def register_components(schemas: dict[str, dict[str, Any]]) -> None:
    EXTRA_COMPONENTS.update(schemas)


def build_openapi(app: FastAPI) -> dict[str, Any]:
    spec = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        servers=app.servers,
        tags=app.openapi_tags,
    )
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in sorted(EXTRA_COMPONENTS.items()):
        components.setdefault(name, schema)
    spec["components"]["schemas"] = dict(sorted(components.items()))
    return spec
