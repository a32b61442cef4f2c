"""A decision's status from the dossier's acts (pure: no database)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.services.decisions import StoredActFacts, status_of


def _dsf(key: str, date_acte: str, **payload: Any) -> StoredActFacts:
    return StoredActFacts(
        key, "diagnostic_social_financier", date_acte, {"date_acte": date_acte, **payload}, datetime.now(UTC)
    )


LIMITE = {"kind": "echeance", "code": "entretien_dsf_limite", "date": "2026-05-28", "acte": "d"}


@pytest.mark.parametrize(
    ("entretien", "statut"),
    [("2026-05-27", "satisfaite"), ("2026-05-28", "satisfaite"), ("2026-05-29", "active"), (None, "active")],
)
def test_the_dsf_interview_meets_its_own_deadline(entretien: str | None, statut: str) -> None:
    payload = {"date_demande": "2026-05-04"} | ({"date_entretien": entretien} if entretien else {})
    assert status_of(LIMITE, [_dsf("d", "2026-06-10", **payload)]) == statut


def test_a_later_dsf_saying_when_the_interview_took_place_meets_it() -> None:
    acts = [
        _dsf("d", "2026-05-20", date_demande="2026-05-04"),
        _dsf("e", "2026-06-10", date_entretien="2026-05-26"),
    ]
    assert status_of(LIMITE, acts) == "satisfaite"
