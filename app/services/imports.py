"""Reading act files for ``prevex actes import``: NDJSON (one act per line) or CSV (one column per
field, dotted paths for nested fields: ``logement.adresse``, ``occupants.0.nom``)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any, Final

from app.schemas.actes import ACTE_ADAPTER

_BOOLEANS = {"true": True, "false": False, "vrai": True, "faux": False}


def _json_types(prop: Mapping[str, Any]) -> set[str]:
    found = {str(prop["type"])} if "type" in prop else set()
    for alternative in prop.get("anyOf", []):
        found |= _json_types(alternative)
    return found


def _typed_fields(json_type: str) -> frozenset[str]:
    """The names of the act fields (at any depth) whose JSON type is ``json_type``."""
    definitions = ACTE_ADAPTER.json_schema()["$defs"].values()
    return frozenset(
        name
        for definition in definitions
        for name, prop in definition.get("properties", {}).items()
        if json_type in _json_types(prop)
    )


#: Read from the act schemas: money and month counts are integers, yes/no facts booleans. Any other
#: cell stays text (an occupant named Faux, a reference 0042).
_INTEGER_FIELDS: Final = _typed_fields("integer")
_BOOLEAN_FIELDS: Final = _typed_fields("boolean")


def _cell(name: str, value: str) -> Any:
    """CSV cells are text: integers and booleans only in the fields the act schemas type so."""
    if name in _BOOLEAN_FIELDS and value.lower() in _BOOLEANS:
        return _BOOLEANS[value.lower()]
    if name in _INTEGER_FIELDS and re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def _nest(row: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column, value in row.items():
        if column is None or value is None or value == "":
            continue
        parts = column.strip().split(".")
        node: Any = out
        for here, nxt in pairwise(parts):
            key: Any = int(here) if here.isdigit() else here
            if isinstance(node, list):
                while len(node) <= key:
                    node.append({})
                node = node[key]
            else:
                node = node.setdefault(key, [] if nxt.isdigit() else {})
        last: Any = parts[-1]
        if isinstance(node, list):
            idx = int(last)
            while len(node) <= idx:
                node.append(None)
            node[idx] = _cell(last, value)
        else:
            node[last] = _cell(last, value)
    return out


def read_items(path: Path) -> Iterator[bytes]:
    """Raw JSON of each act in the file, in order."""
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                yield json.dumps(_nest(row)).encode()
        return
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                yield line.rstrip(b"\r\n")


def count_items(path: Path) -> int:
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return sum(1 for _ in csv.DictReader(handle))
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


__all__ = ["count_items", "read_items"]
