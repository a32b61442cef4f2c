"""Comparing two evaluations of one dossier (pure: no database)."""

from __future__ import annotations

from typing import Any

from app.services.impact import _compare, _Tally


def _d(cle: str, code: str = "cdp_effet", date: str | None = "2024-05-01", **extra: Any) -> dict[str, Any]:
    return {"cle": cle, "kind": "echeance", "code": code, "regle": "N-X", "acte": "a1", "date": date, **extra}


def test_appear_disappear_change_date_and_otherwise() -> None:
    tally = _Tally(exemples_max=1, dossiers_max=10)
    now = [_d("k1"), _d("k2"), _d("k3"), _d("k4", faits={"x": 1}, liens_sources=["a"])]
    then = [
        _d("k1"),
        _d("k3", date="2024-05-02"),
        _d("k4", faits={"x": 2}, liens_sources=["a"]),
        _d("k5", "solipex"),
    ]
    _compare("d1", now, then, tally)
    assert dict(tally.counts) == {
        "apparaissent": 1,
        "disparaissent": 1,
        "changent_de_date": 1,
        "modifiees": 1,
    }
    assert tally.examples["changent_de_date"] == [
        {
            "dossier_id": "d1",
            "acte_id": "a1",
            "cle": "k3",
            "kind": "echeance",
            "code": "cdp_effet",
            "regle": "N-X",
            "date": "2024-05-02",
            "date_avant": "2024-05-01",
        }
    ]
    assert tally.dossiers == [
        {"dossier_id": "d1", "apparaissent": 1, "disparaissent": 1, "changent_de_date": 1, "modifiees": 1}
    ]
    _compare("d2", then, then, tally)  # an unchanged dossier is not listed
    _compare("d3", [], [_d("k9")], tally)
    assert [d["dossier_id"] for d in tally.dossiers] == ["d1", "d3"]
    assert len(tally.examples["apparaissent"]) == 1 and tally.counts["apparaissent"] == 2  # examples capped
    assert tally.by_code["solipex"]["apparaissent"] == 1 and tally.dossiers_changed == 2
