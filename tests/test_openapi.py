"""The checked-in contract is the app's: regenerate with `uv run prevex openapi export`."""

from __future__ import annotations

import json
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
    from app.rules.loader import DECISION_CODES

    text = openapi_document()
    for code in DECISION_CODES:
        assert f"`{code}`" in text, code
