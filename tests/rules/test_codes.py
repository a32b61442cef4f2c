"""Public decision codes: each described, of a known kind, produced by some rule and documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.rules.codes import DECISION_CODES, DECISION_KINDS, codes_by_kind
from app.rules.rulebook import rule_ids_by_code

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_decision_codes_are_described_and_all_produced() -> None:
    for code, meta in DECISION_CODES.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", code)
        assert meta["kind"] in DECISION_KINDS
        assert meta["fr"] and meta["en"]
    grouped = codes_by_kind()
    assert sorted(c for codes in grouped.values() for c in codes) == sorted(DECISION_CODES)
    for required in (
        "cdp_effet",
        "assignation_au_plus_tot",
        "notification_prefet_limite",
        "dsf_transmission_limite",
        "expulsion_au_plus_tot",
        "refus_implicite_cfp",
        "offre_dalo_limite",
    ):
        assert required in grouped["echeance"]
    for required in (
        "signalement_ccapex",
        "information_prefet",
        "demande_dsf",
        "courrier_prevention",
        "orientation_adil",
        "empex",
        "protocole_tripartite",
        "clpil",
        "verification_droits_caf",
    ):
        assert required in grouped["orientation"]
    for required in (
        "assignation_prematuree",
        "notification_prefet_tardive",
        "dsf_en_retard",
        "expulsion_pendant_treve",
        "sequence_incoherente",
    ):
        assert required in grouped["alerte"]
    produced = rule_ids_by_code()
    assert {code for code, rules in produced.items() if not rules} == set()


@pytest.mark.skipif(not DOCS.is_file(), reason="docs/rules.md not available")
def test_docs_list_every_code_with_its_rules() -> None:
    text = DOCS.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    for code, rules in rule_ids_by_code().items():
        matching = [row for row in rows if f"`{code}`" in row]
        assert matching, f"docs/rules.md has no row for {code}"
        for rule_id in rules:
            assert any(rule_id in row for row in matching), f"docs/rules.md: {code} row lacks {rule_id}"
