"""Rule-file verification: a malformed file is rejected with a message naming its file, rule and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.rules.rulebook import RuleBookError, load_rulebook
from app.rules.schema import DEFAULT_ROOT
from app.rules.verification import verify

# --------------------------------------------------------------------------------------------------
# Malformed files
# --------------------------------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(DEFAULT_ROOT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def _rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [r for r in data["regles"] if r["id"] == rule_id]
    assert len(found) == 1
    return found[0]


def _rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_malformed_date_names_file_rule_and_field(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    charte = root / "93" / "charte.yaml"
    _rewrite(charte, lambda d: _rule(d, "93-ADIL-3000-7000").update(du="hier"))
    messages = verify([charte])
    assert messages == [f"{charte}: rule 93-ADIL-3000-7000: field 'du': invalid date 'hier'"]
    with pytest.raises(RuleBookError) as raised:
        load_rulebook(root)
    assert raised.value.messages == messages
    assert "93-ADIL-3000-7000" in str(raised.value)


@pytest.mark.parametrize("day", ["2022-02-30", "2022-13-01", "2023-02-29"])
def test_unquoted_impossible_date_is_reported_not_raised(tmp_path: Path, day: str) -> None:
    """YAML reads an unquoted 2022-02-30 as a timestamp and its parser raises ValueError: the file, rule
    and field must be named instead (by the verifier and at start-up)."""
    root = _copy(tmp_path)
    charte = root / "93" / "charte.yaml"
    text = charte.read_text(encoding="utf-8")
    start = text.index("  - id: 93-COMEX\n")
    head, tail = text[:start], text[start:]
    assert "    du: 2022-01-01\n" in tail
    charte.write_text(head + tail.replace("    du: 2022-01-01\n", f"    du: {day}\n", 1), encoding="utf-8")
    expected = [f"{charte}: rule 93-COMEX: field 'du': invalid date '{day}'"]
    assert verify([charte]) == expected
    with pytest.raises(RuleBookError) as raised:
        load_rulebook(root)
    assert raised.value.messages == expected


def test_messages_show_paths_relative_to_the_working_directory(tmp_path: Path, monkeypatch: Any) -> None:
    root = _copy(tmp_path)
    _rewrite(root / "93" / "charte.yaml", lambda d: _rule(d, "93-ADIL-3000-7000").update(du="hier"))
    monkeypatch.chdir(tmp_path)
    assert verify([Path("rules/93/charte.yaml")]) == [
        "rules/93/charte.yaml: rule 93-ADIL-3000-7000: field 'du': invalid date 'hier'"
    ]


def _set_effet(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: _rule(d, "93-ADIL-3000-7000")["effet"].update(values)


def _set_rule(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: _rule(d, "93-ADIL-3000-7000").update(values)


def _drop(field: str) -> Callable[[dict[str, Any]], None]:
    return lambda d: _rule(d, "93-ADIL-3000-7000").pop(field)


def _first_condition(value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        _rule(data, "93-ADIL-3000-7000")["conditions"][0] = value

    return change


def _duplicate(data: dict[str, Any]) -> None:
    _rule(data, "93-COMEX")["id"] = "93-ADIL-3000-7000"


def _no_id(data: dict[str, Any]) -> None:
    data["regles"][0].pop("id")


MALFORMED_93: list[Any] = [
    pytest.param(
        _set_rule(au="2021-01-01"), "field 'au': 'au' (2021-01-01) is before 'du' (2022-01-01)", id="au<du"
    ),
    pytest.param(_set_rule(du=20220101), "field 'du': invalid date 20220101", id="du-integer"),
    pytest.param(_set_rule(du="2022-02-30"), "field 'du': invalid date '2022-02-30'", id="du-impossible"),
    pytest.param(
        _set_effet(code="inconnu"), "field 'effet.code': unknown decision code 'inconnu'", id="code"
    ),
    pytest.param(
        _set_effet(code="cdp_effet"),
        "field 'effet.code': code 'cdp_effet' is of kind echeance",
        id="code-kind",
    ),
    pytest.param(_set_effet(type="avis"), "field 'effet.type': Input should be", id="effet-type"),
    pytest.param(
        _set_effet(destinataire="adil"), "field 'effet.destinataire': Input should be", id="destinataire"
    ),
    pytest.param(
        lambda d: _rule(d, "93-ADIL-3000-7000")["effet"].pop("destinataire"),
        "field 'effet.destinataire': an orientation needs a 'destinataire'",
        id="destinataire-missing",
    ),
    pytest.param(
        lambda d: _rule(d, "93-CDP-SIGNAL-ARRETE-2019-0975")["effet"].update(
            type="echeance", code="cdp_effet"
        ),
        "rule 93-CDP-SIGNAL-ARRETE-2019-0975: field 'effet.date': an echeance needs a 'date'",
        id="echeance-without-date",
    ),
    pytest.param(
        _set_rule(declencheur=["assignatio"]), "field 'declencheur.0': Input should be", id="act-type"
    ),
    pytest.param(_set_rule(seuil=3), "field 'seuil': Extra inputs are not permitted", id="extra-field"),
    pytest.param(_drop("source"), "field 'source': Field required", id="source-missing"),
    pytest.param(_drop("titre"), "field 'titre': Field required", id="titre-missing"),
    pytest.param(
        _set_rule(source="seeds/004_df506cacdd7ea785.txt ligne 3925"),
        "field 'source': seed citation 'seeds/004_df506cacdd7ea785.txt' must read",
        id="seed-citation-format",
    ),
    pytest.param(
        _first_condition({"acte_absent": "fantome"}),
        "field 'conditions.0': unknown related act 'fantome'",
        id="unknown-alias",
    ),
    pytest.param(
        _first_condition({"fait": "dette.montant_cents", "op": ">", "valeur": {"param": "inconnu"}}),
        "field 'conditions.0': unknown parameter 'inconnu'",
        id="unknown-parameter",
    ),
    pytest.param(
        _first_condition({"fait": "dette.montant_cents", "op": "~=", "valeur": 1}),
        "field 'conditions.0.op': Input should be",
        id="unknown-operator",
    ),
    pytest.param(
        _first_condition({"fait": "dette.montant_cents", "op": ">"}),
        "field 'conditions.0': operator '>' needs a 'valeur'",
        id="operator-needs-value",
    ),
    pytest.param(
        _first_condition({"fait": "dette.montant_cents", "op": "present", "valeur": 1}),
        "field 'conditions.0': operator 'present' takes no 'valeur'",
        id="unary-operator-with-value",
    ),
    pytest.param(
        _first_condition({"fait": "Dette Montant", "op": "present"}),
        "field 'conditions.0.fait': String should match pattern",
        id="bad-fact-path",
    ),
    pytest.param(
        _first_condition({"fait": "dette.montant_cents", "op": ">", "valeur": {"produi": [2, 3]}}),
        "field 'conditions.0.valeur': unknown expression",
        id="unknown-expression",
    ),
    pytest.param(
        _first_condition({"fait": "dette.montant_cents", "op": ">", "valeur": 2.5}),
        "field 'conditions.0.valeur': expected a literal",
        id="float-literal",
    ),
    pytest.param(
        _first_condition({"quelconque": 1}), "field 'conditions.0': unknown condition", id="condition"
    ),
    pytest.param(
        lambda d: d["parametres"]["seuil_signalement_cdp_mois_arrete_2019"].update(valeur="six"),
        "rule 93-CDP-SIGNAL-ARRETE-2019-0975: field 'conditions.1': parameter "
        "'seuil_signalement_cdp_mois_arrete_2019' is used as an integer or a date, got 'six'",
        id="parameter-wrong-type-threshold",
    ),
    pytest.param(
        lambda d: d["parametres"]["adil_tranche_dette_cents"].update(valeur=300000),
        "rule 93-ADIL-3000-7000: field 'conditions.1': parameter 'adil_tranche_dette_cents' is used as a "
        "[low, high] pair",
        id="parameter-wrong-type-range",
    ),
    pytest.param(
        _first_condition({"fait": "dette.montant_cent", "op": ">", "valeur": 1}),
        "field 'conditions.0': unknown fact 'dette.montant_cent': no act of type commandement_de_payer, "
        "saisine_ccapex has it",
        id="unknown-fact",
    ),
    pytest.param(
        lambda d: _rule(d, "93-EMPEX")["conditions"].__setitem__(
            1, {"fait": "connu_services_sociaux", "op": "==", "valeur": False}
        ),
        "rule 93-EMPEX: field 'conditions.1': unknown fact 'connu_services_sociaux': no act of type "
        "assignation has it",
        id="fact-of-another-act-type",
    ),
    pytest.param(_duplicate, "rule 93-ADIL-3000-7000: field 'id': duplicate rule id", id="duplicate-id"),
    pytest.param(
        _set_rule(id="N-ADIL"),
        "rule N-ADIL: field 'id': rule ids of this file start with '93-'",
        id="id-prefix",
    ),
    pytest.param(_set_rule(id="adil"), "rule adil: field 'id': String should match pattern", id="id-pattern"),
    pytest.param(_no_id, "rule #1: field 'id': Field required", id="id-missing"),
    pytest.param(
        lambda d: d.update(territoire="75"),
        "field 'territoire': '75' does not match its folder '93'",
        id="territory-folder",
    ),
    pytest.param(
        lambda d: d.update(version=None), "field 'version': Input should be a valid string", id="version"
    ),
    pytest.param(lambda d: d.pop("regles"), "field 'regles': Field required", id="no-rules"),
]


@pytest.mark.parametrize(("change", "expected"), MALFORMED_93)
def test_malformed_charter_is_rejected_with_file_rule_and_field(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    root = _copy(tmp_path)
    charte = root / "93" / "charte.yaml"
    _rewrite(charte, change)
    messages = verify([root / "national.yaml", charte])
    assert messages, "the malformed file was accepted"
    assert any(m.startswith(f"{charte}: ") and expected in m for m in messages), messages
    with pytest.raises(RuleBookError):
        load_rulebook(root)


MALFORMED_NATIONAL: list[Any] = [
    pytest.param(
        lambda d: d["parametres"]["bail_renouvele_tacitement_regime"].update(valeur="date_du_jour"),
        "field 'parametres.bail_renouvele_tacitement_regime.valeur': 'date_du_jour' is not one of",
        id="parameter-choice",
    ),
    pytest.param(
        lambda d: d["parametres"]["treve_fins_exceptionnelles"].update(valeur={2021: "fin mai"}),
        "field 'parametres.treve_fins_exceptionnelles.valeur'",
        id="treve-parameter-shape",
    ),
    pytest.param(
        lambda d: _rule(d, "N-CQL-DELAI")["effet"]["date"]["delai"].update(lunes=2),
        "rule N-CQL-DELAI: field 'effet.date.delai.lunes': Extra inputs are not permitted",
        id="delai-unit",
    ),
    pytest.param(
        lambda d: _rule(d, "N-DSF-RETARD")["actes_lies"]["assignation"].update(position="pendant"),
        "rule N-DSF-RETARD: field 'actes_lies.assignation.position': Input should be",
        id="related-position",
    ),
    pytest.param(
        lambda d: _rule(d, "N-PM-ASSIGNATION-PREMATUREE")["actes_lies"]["saisine"].update(
            filtre=[{"acte_absent": "saisine"}]
        ),
        "rule N-PM-ASSIGNATION-PREMATUREE: field 'actes_lies.saisine.filtre.0': a filter cannot test related acts",
        id="filter-on-related-act",
    ),
    pytest.param(
        lambda d: _rule(d, "N-PM-ASSIGNATION-PREMATUREE")["actes_lies"]["saisine"].update(
            filtre=[{"fait": "motif", "op": "dans", "valeur": {"param": "motifs_inconnus"}}]
        ),
        "field 'actes_lies.saisine.filtre.0': unknown parameter 'motifs_inconnus'",
        id="filter-unknown-parameter",
    ),
    pytest.param(
        lambda d: d["parametres"]["dalo_offre_delai_mois"].update(valeur="6"),
        "rule N-DALO-OFFRE: field 'effet.date': parameter 'dalo_offre_delai_mois' is used as a number of "
        "months (integer), got '6'",
        id="parameter-months-as-text",
    ),
    pytest.param(
        lambda d: d["parametres"]["cdp_signalement_multiple_loyer_hc"].update(valeur=True),
        "rule N-CDP-SIGNAL-2023: field 'conditions.1': parameter 'cdp_signalement_multiple_loyer_hc' is used "
        "as an integer, got True",
        id="parameter-factor-boolean",
    ),
    pytest.param(
        lambda d: d["parametres"]["motifs_assignation_hors_dette"].update(valeur="resiliation_troubles"),
        "field 'conditions.0': parameter 'motifs_assignation_hors_dette' is used as a list",
        id="parameter-list-as-text",
    ),
    pytest.param(
        lambda d: _rule(d, "N-PM-ASSIGNATION-PREMATUREE")["actes_lies"]["saisine"].update(
            filtre=[{"fait": "motiff", "op": "==", "valeur": "impaye"}]
        ),
        "rule N-PM-ASSIGNATION-PREMATUREE: field 'actes_lies.saisine.filtre.0': unknown fact 'motiff'",
        id="filter-unknown-fact",
    ),
    pytest.param(
        lambda d: _rule(d, "N-DSF-RETARD")["effet"]["date"].update(
            date={"fait": "date_audiance", "acte": "assignation"}
        ),
        "rule N-DSF-RETARD: field 'effet.date': unknown fact 'date_audiance': no act of type assignation",
        id="related-act-unknown-fact",
    ),
    pytest.param(
        lambda d: d.update(territoire="France"),
        "field 'territoire': String should match pattern",
        id="territory-code",
    ),
]


@pytest.mark.parametrize(("change", "expected"), MALFORMED_NATIONAL)
def test_malformed_national_file_is_rejected(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    root = _copy(tmp_path)
    national = root / "national.yaml"
    _rewrite(national, change)
    messages = verify([national])
    assert any(m.startswith(f"{national}: ") and expected in m for m in messages), messages


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param("territoire: '93'\nregles: [\n", "invalid YAML at line", id="yaml-syntax"),
        pytest.param("- 1\n- 2\n", "field '(file)': a rule file is a mapping, got list", id="not-a-mapping"),
        pytest.param("", "field '(file)': a rule file is a mapping, got NoneType", id="empty"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "93" / "charte.yaml"
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    messages = verify([path])
    assert len(messages) == 1
    assert messages[0].startswith(f"{path}: ") and expected in messages[0]


def test_missing_file_and_missing_national(tmp_path: Path) -> None:
    missing = tmp_path / "absent.yaml"
    assert verify([missing]) == [f"{missing}: cannot read file: No such file or directory"]
    with pytest.raises(RuleBookError) as raised:
        load_rulebook(tmp_path)
    assert "national.yaml" in str(raised.value)


def test_seed_line_beyond_the_file_is_rejected(tmp_path: Path) -> None:
    """Checked against the source texts shipped in app/rules/sources: no ../shared needed."""
    root = _copy(tmp_path)
    charte = root / "93" / "charte.yaml"
    _rewrite(charte, _set_rule(source="seeds/004_df506cacdd7ea785.txt:L9000-9001"))
    messages = verify([charte])
    assert messages == [
        f"{charte}: rule 93-ADIL-3000-7000: field 'source': "
        "'seeds/004_df506cacdd7ea785.txt:L9000-9001': the seed has 4126 lines"
    ]
    assert verify([charte], seeds_dir=None) == []
    with pytest.raises(RuleBookError) as raised:
        load_rulebook(root)
    assert "the seed has 4126 lines" in str(raised.value)
    _rewrite(charte, _set_rule(source="seeds/999_inconnu.txt:L1"))
    assert "seed file '999_inconnu.txt' not found" in verify([charte])[0]


def test_seed_citations_outside_rules_are_checked_too(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    charte = root / "93" / "charte.yaml"

    def change(data: dict[str, Any]) -> None:
        data["lacunes"].append("voir seeds/004_df506cacdd7ea785.txt:L5000")
        data["parametres"]["adil_tranche_dette_cents"]["source"] = "seeds/002_93761ec2a302805a.txt:L2000"

    _rewrite(charte, change)
    assert sorted(verify([charte])) == sorted(
        [
            f"{charte}: field 'lacunes.{len(yaml.safe_load(charte.read_text())['lacunes']) - 1}': "
            "'seeds/004_df506cacdd7ea785.txt:L5000': the seed has 4126 lines",
            f"{charte}: field 'parametres.adil_tranche_dette_cents.source': "
            "'seeds/002_93761ec2a302805a.txt:L2000': the seed has 1161 lines",
        ]
    )


def test_a_letter_a_rule_asks_for_must_be_described(tmp_path: Path) -> None:
    """A decision that asks for a letter (its code is a letter's) finds its text in the territory's
    `courriers`; a letter names a known code, once; its source's seed lines are checked."""
    root = _copy(tmp_path)
    charte = root / "77" / "charte.yaml"
    assert verify([charte]) == []

    def drop_letter(data: dict[str, Any]) -> None:
        data["courriers"][0]["precision"] = "autre_type"

    _rewrite(charte, drop_letter)
    assert verify([charte]) == [
        f"{charte}: rule 77-COURRIER-CDP: field 'effet': its decision asks for a letter "
        "(courrier_prevention, orientation_adil_mds_ccas) that no 'courriers' entry of its territory describes"
    ]

    def bad_letter(data: dict[str, Any]) -> None:
        data["courriers"][0]["precision"] = "orientation_adil_mds_ccas"
        data["courriers"].append({**data["courriers"][0], "code": "courrier_inconnu"})
        data["courriers"][0]["source"] = "seeds/002_93761ec2a302805a.txt:L5000"

    _rewrite(charte, bad_letter)
    assert sorted(verify([charte])) == sorted(
        [
            f"{charte}: field 'courriers.1.code': unknown decision code 'courrier_inconnu'",
            f"{charte}: field 'courriers.0.source': "
            "'seeds/002_93761ec2a302805a.txt:L5000': the seed has 1161 lines",
        ]
    )
    with pytest.raises(RuleBookError):
        load_rulebook(root)
