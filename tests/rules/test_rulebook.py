"""The rule book: the shipped rule files are valid, sourced and loaded; the catalogue describes them."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from app.rules.citations import SOURCES_DIR, fichiers_sources
from app.rules.codes import DECISION_CODES
from app.rules.rulebook import catalogue, default_rule_files, load_rulebook
from app.rules.schema import DEFAULT_ROOT
from app.rules.verification import SEED_CITATION, verify

SHARED_SEEDS = Path(os.environ.get("PREVEX_SEEDS_DIR", "/work/shared/seeds"))

# --------------------------------------------------------------------------------------------------
# Shipped files
# --------------------------------------------------------------------------------------------------


def test_shipped_files_are_valid() -> None:
    files = default_rule_files()
    assert [p.relative_to(DEFAULT_ROOT).as_posix() for p in files] == [
        "national.yaml",
        "75/ccapex-locale.yaml",
        "75/charte.yaml",
        "77/charte.yaml",
        "93/charte.yaml",
    ]
    assert verify(files) == []
    book = load_rulebook()
    assert book.national.territoire == "national"
    assert sorted(book.territoires) == ["75", "77", "93"]


def test_every_rule_has_a_title_a_source_and_a_unique_id() -> None:
    book = load_rulebook()
    ids: list[str] = []
    for ruleset in book.all_rulesets():
        for regle in ruleset.regles:
            ids.append(regle.id)
            assert len(regle.titre) >= 10, regle.id
            assert len(regle.source) >= 10, regle.id
            if ruleset.territoire == "national":
                assert re.search(r"\b(art\.|CPCE|CCH|[Dd]écret|Cass\.|[Ll]oi)", regle.source), regle.id
            else:
                assert SEED_CITATION.search(regle.source), f"{regle.id} must cite its seed line"
    assert len(ids) == len(set(ids))


def test_every_seed_citation_points_at_existing_lines() -> None:
    assert verify(default_rule_files(), seeds_dir=SOURCES_DIR) == []
    # citations anywhere in the files (parameters, file sources, comments) too
    checked = 0
    for path in default_rule_files():
        for match in SEED_CITATION.finditer(path.read_text(encoding="utf-8")):
            seed = SOURCES_DIR / match.group("file")
            assert seed.is_file(), f"{path}: {match.group(0)}"
            count = len(seed.read_text(encoding="utf-8", errors="replace").splitlines())
            start, end = int(match.group("start")), int(match.group("end") or match.group("start"))
            assert 1 <= start <= end <= count, f"{path}: {match.group(0)} (seed has {count} lines)"
            assert "".join(
                seed.read_text(encoding="utf-8", errors="replace").splitlines()[start - 1 : end]
            ).strip()
            checked += 1
    assert checked > 30


@pytest.mark.parametrize(
    ("citation", "words"),
    [
        ("004_df506cacdd7ea785.txt:L773-775", ["2019-0975", "six mois", "six fois"]),
        ("004_df506cacdd7ea785.txt:L3925-3928", ["commandement", "3 000", "7 000", "ADIL"]),
        ("004_df506cacdd7ea785.txt:L649-658", ["EMPEX", "parc priv"]),
        ("004_df506cacdd7ea785.txt:L3920-3924", ["protocole tripartite", "deux mois"]),
        ("002_93761ec2a302805a.txt:L348", ["ADIL", "commandement de payer"]),
        ("002_93761ec2a302805a.txt:L368", ["30 jours"]),
        ("000_e5d35558516f1026.txt:L1063-1065", ["listing", "droits"]),
        ("000_e5d35558516f1026.txt:L148-151", ["10, 12, 13 et 14"]),
    ],
)
def test_key_seed_lines_say_what_the_rules_claim(citation: str, words: list[str]) -> None:
    match = SEED_CITATION.match(f"seeds/{citation}")
    assert match is not None
    lines = (SOURCES_DIR / match.group("file")).read_text(encoding="utf-8", errors="replace").splitlines()
    text = " ".join(lines[int(match.group("start")) - 1 : int(match.group("end") or match.group("start"))])
    for word in words:
        assert word in text, (citation, word)


def test_shipped_sources_are_the_seeds_byte_for_byte() -> None:
    """The copies in app/rules/sources are the seeds as published (line numbers are the citations')."""
    shipped = fichiers_sources()
    cited = {m.group("file") for p in default_rule_files() for m in SEED_CITATION.finditer(p.read_text())}
    assert cited <= set(shipped)
    if not SHARED_SEEDS.is_dir():
        pytest.skip("seeds folder not available to compare with")
    for name in shipped:
        assert (SOURCES_DIR / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


def test_unknown_pre_2023_thresholds_are_documented_as_gaps() -> None:
    book = load_rulebook()
    for territoire in ("75", "77"):
        rulesets = book.territoires[territoire]
        gaps = [gap for ruleset in rulesets for gap in ruleset.fichier.lacunes]
        assert any("29/07/2023" in gap and "signalement" in gap.lower() for gap in gaps)
        assert not [r for rs in rulesets for r in rs.regles if r.effet.code == "signalement_ccapex"]


def test_tacit_renewal_choice_is_explicit_in_the_national_parameters() -> None:
    parametre = load_rulebook().national.fichier.parametres["bail_renouvele_tacitement_regime"]
    assert parametre.valeur == "date_signature"
    assert parametre.valeurs_possibles == ["date_signature", "date_renouvellement"]
    assert parametre.note and "question ouverte" in parametre.note.lower()


# --------------------------------------------------------------------------------------------------
# Catalogue
# --------------------------------------------------------------------------------------------------


def test_catalogue_describes_every_rule_set() -> None:
    entries = catalogue()
    json.dumps(entries)
    assert [e["territoire"] for e in entries] == ["national", "75", "75", "77", "93"]
    for entry in entries:
        assert entry["version"] and entry["titre"] and entry["source"]
        for rule in entry["regles"]:
            assert set(rule) >= {"id", "titre", "du", "au", "source", "effet"}
            assert rule["effet"]["code"] in DECISION_CODES
    (adil,) = [r for e in entries for r in e["regles"] if r["id"] == "93-ADIL-3000-7000"]
    assert adil["du"] == "2022-01-01" and adil["au"] is None
    assert adil["effet"] == {"type": "orientation", "code": "orientation_adil", "destinataire": "other"}
    (national,) = [e for e in entries if e["territoire"] == "national"]
    assert national["parametres"]["treve_fins_exceptionnelles"]["valeur"] == {
        "2020": "2020-07-10",
        "2021": "2021-05-31",
    }
