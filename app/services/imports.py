"""Reading act files for ``prevex actes import``: NDJSON (one act per line) or CSV (one column per
field, dotted paths for nested fields: ``logement.adresse``, ``occupants.0.nom``)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

_INTEGER_FIELD = re.compile(r"(_cents|_mois|^mois_.*|duree_mois)$")
_BOOLEANS = {"true": True, "false": False, "vrai": True, "faux": False}


def _cell(name: str, value: str) -> Any:
    """CSV cells are text: integers for money and month counts, booleans for true/false."""
    if value.lower() in _BOOLEANS:
        return _BOOLEANS[value.lower()]
    if _INTEGER_FIELD.search(name) and re.fullmatch(r"-?\d+", value):
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
