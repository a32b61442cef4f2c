"""The event registry is the contract: every type is documented with each field of its data, and the
OpenAPI document has a webhook per type."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli import openapi_document
from app.schemas.evenements import TYPES, type_accepte

DOC = Path(__file__).resolve().parents[2] / "docs" / "evenements.md"


def test_every_event_type_and_data_field_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name, spec in TYPES.items():
        assert f"### `{name}`" in text, name
        section = text.split(f"### `{name}`", 1)[1].split("\n### ", 1)[0]
        for field in spec.data.model_fields:
            assert f"| `{field}` |" in section, (name, field)


def test_the_contract_has_a_webhook_per_event_type_with_its_data_schema() -> None:
    spec = json.loads(openapi_document())
    assert set(spec["webhooks"]) == set(TYPES)
    schemas = spec["components"]["schemas"]
    for name, operation in spec["webhooks"].items():
        ref = operation["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        envelope = schemas[ref.rsplit("/", 1)[1]]
        assert envelope["properties"]["type"]["const"] == name
        assert set(envelope["required"]) >= {"id", "type", "timestamp", "dossier_id", "data"}


def test_later_families_are_accepted_and_unknown_types_are_not() -> None:
    assert type_accepte("ccapex.seance_planifiee") and type_accepte("dossier.anonymise")
    assert type_accepte("*") and not type_accepte("acte.inconnu")
