"""Territories are French département codes (01-19, 2A, 2B, 21-95, 971-976)."""

from __future__ import annotations

import re

DEPARTEMENT_PATTERN = r"^(0[1-9]|1[0-9]|2[AB1-9]|[3-8][0-9]|9[0-5]|97[1-6])$"
_DEPARTEMENT = re.compile(DEPARTEMENT_PATTERN)


def is_departement(code: str) -> bool:
    return bool(_DEPARTEMENT.match(code))
