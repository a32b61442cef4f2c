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
