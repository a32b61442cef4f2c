"""Facts read from the whole dossier (`du: dossier`), and files past their term."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.rules.engine import ActFacts, evaluate
from app.rules.faits import alias_dossier, faits_du_dossier
from app.rules.rulebook import catalogue, load_rulebook
from app.rules.schema import DEFAULT_ROOT
from app.rules.verification import dossier_fact_paths, verify
from app.services.dossiers import StoredAct, facts_with_provenance

D = date
PP = {"categorie": "personne_physique", "nom": "M. Dupont"}


def _act(key: str, type_: str, day: date, **facts: Any) -> ActFacts:
    data = {"type": type_, "reference": f"REF-{key}", "territoire": "93", "date_acte": day, **facts}
    return ActFacts(key=key, data=data, recu_le=datetime.combine(day, datetime.min.time(), tzinfo=UTC))


def _menage(n: int) -> list[dict[str, str]]:
    return [{"nom": f"NOM{i}", "prenom": f"Prénom{i}", "telephone": "0639981234"} for i in range(n)]


# --------------------------------------------------------------------------------------------------
# The dossier's current facts
# --------------------------------------------------------------------------------------------------


def test_the_most_recent_statement_wins_and_a_restatement_keeps_its_provenance() -> None:
    acts = [
        ("1", {"dette": {"montant_cents": 100_000, "mois_impayes_consecutifs": 2}, "parc": "prive"}),
        ("2", {"dette": {"montant_cents": 150_000}}),
        ("3", {"dette": {"montant_cents": 150_000, "mois_impayes_consecutifs": 2}}),
        ("4", {"type": "decision_justice"}),
    ]
    facts = faits_du_dossier(acts)
    assert facts["dette.montant_cents"].valeur == 150_000
    assert facts["dette.montant_cents"].acte == "2"  # act 3 only restated it
    assert facts["dette.mois_impayes_consecutifs"].acte == "1"
    assert facts["parc"].acte == "1"
    later = faits_du_dossier([*acts, ("5", {"dette": {"montant_cents": 90_000}})])
    assert (later["dette.montant_cents"].valeur, later["dette.montant_cents"].acte) == (90_000, "5")


def test_the_rules_read_the_values_the_dossier_shows() -> None:
    """The engine's dossier facts are GET /v1/dossiers/{id}'s current values, from an act of the same
    value in their history."""
    when = datetime(2024, 1, 1, tzinfo=UTC)
    payloads = [
        {"date_acte": "2024-01-10", "parc": "prive", "occupants": _menage(3), "dette": {"montant_cents": 5}},
        {"date_acte": "2024-03-01", "dette": {"montant_cents": 7, "mois_impayes_consecutifs": 4}},
        {"date_acte": "2024-02-01", "bailleur": PP, "dette": {"montant_cents": 6}},
        {"date_acte": "2024-05-01", "occupants": _menage(3), "logement": {"code_postal": "93100"}},
    ]
    stored = [
        StoredAct(str(i), "x", "p", "k", when + timedelta(hours=i), payload)
        for i, payload in enumerate(payloads)
    ]
    shown = facts_with_provenance(stored)
    ordered = sorted(stored, key=lambda a: (a.payload["date_acte"], a.recu_le, a.id))
    read = faits_du_dossier([(a.id, a.payload) for a in ordered])
    assert set(read) == set(shown)
    for path, fact in read.items():
        assert fact.valeur == shown[path]["valeur"], path
        assert {"valeur": fact.valeur, "acte": fact.acte} in [
            {"valeur": h["valeur"], "acte": h["source"]["acte_id"]} for h in shown[path]["historique"]
        ]
    assert read["occupants"].acte == "0"  # the same household restated on 2024-05-01
    assert read["dette.montant_cents"].acte == "1"


def test_the_dossier_keeps_only_household_leaves() -> None:
    paths = dossier_fact_paths()
    assert {"parc", "occupants", "dette.montant_cents", "bailleur.categorie", "bail.date_signature"} <= paths
    assert "logement.code_postal" in paths
    assert not {"dette", "bail", "issue", "date_acte", "occupants.nom"} & paths


# --------------------------------------------------------------------------------------------------
# A rule reading dossier facts: what its decision records
# --------------------------------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(DEFAULT_ROOT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def _add_rule(root: Path, rule: dict[str, Any]) -> None:
    path = root / "93" / "charte.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["regles"].append(rule)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _rule(conditions: list[Any]) -> dict[str, Any]:
    return {
        "id": "93-TEST-DOSSIER",
        "titre": "Règle de test lisant le dossier",
        "du": D(2022, 1, 1),
        "source": "seeds/004_df506cacdd7ea785.txt:L660-676",
        "declencheur": "decision_justice",
        "conditions": conditions,
        "effet": {"type": "orientation", "code": "solipex", "destinataire": "ccapex"},
    }


def test_a_decision_names_the_act_each_dossier_fact_came_from(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _add_rule(
        root,
        _rule(
            [
                {"fait": "dette.montant_cents", "du": "dossier", "op": "<", "valeur": 1_000_000},
                {"expr": {"nombre": {"fait": "occupants", "du": "dossier"}}, "op": "entre", "valeur": [2, 5]},
            ]
        ),
    )
    book = load_rulebook(root)
    dossier = [
        _act(
            "c",
            "commandement_de_payer",
            D(2024, 1, 10),
            occupants=_menage(3),
            dette={"montant_cents": 400_000},
        ),
        _act("j", "decision_justice", D(2024, 6, 1), issue="resiliation_expulsion"),
    ]
    (decision,) = [d for d in evaluate("93", dossier, rulebook=book) if d.regle == "93-TEST-DOSSIER"]
    assert decision.acte == "j"
    assert decision.faits == {
        "date_acte": "2024-06-01",  # the date that selects the rule's version
        "dossier:dette:montant_cents.acte": "c",
        "dossier:dette:montant_cents.valeur": 400_000,
        "dossier:occupants.acte": "c",
        "dossier:occupants.nombre": 3,
    }
    assert "NOM0" not in str(decision.to_dict())  # the count, never the occupants
    # a later act changes the household: the decision about the judgment follows, and says why
    bigger = [*dossier, _act("q", "commandement_quitter_lieux", D(2024, 9, 2), occupants=_menage(6))]
    assert not [d for d in evaluate("93", bigger, rulebook=book) if d.regle == "93-TEST-DOSSIER"]
    smaller = [*dossier, _act("q", "commandement_quitter_lieux", D(2024, 9, 2), occupants=_menage(2))]
    (again,) = [d for d in evaluate("93", smaller, rulebook=book) if d.regle == "93-TEST-DOSSIER"]
    assert again.faits["dossier:occupants.acte"] == "q" and again.faits["dossier:occupants.nombre"] == 2
    assert alias_dossier("dette.montant_cents") == "dossier:dette:montant_cents"


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        (
            {"fait": "issue", "du": "dossier", "op": "==", "valeur": "rejet"},
            "unknown dossier fact 'issue': the dossier keeps the household's facts",
        ),
        (
            {"fait": "dette", "du": "dossier", "op": "present"},
            "unknown dossier fact 'dette'",
        ),
        (
            {"expr": {"fait": "parc", "du": "dossier", "acte": "plan"}, "op": "==", "valeur": "prive"},
            "'du: dossier' reads the whole dossier: no 'acte' with it",
        ),
        (
            {"expr": {"fait": "parc"}, "du": "dossier", "op": "==", "valeur": "prive"},
            "'du' only goes with 'fait'",
        ),
    ],
)
def test_the_verifier_names_a_misused_dossier_fact(tmp_path: Path, condition: Any, message: str) -> None:
    root = _copy(tmp_path)
    rule = _rule([condition])
    rule["actes_lies"] = {"plan": {"types": ["plan_apurement"]}}
    _add_rule(root, rule)
    problems = verify([root / "93" / "charte.yaml"])
    assert len(problems) == 1 and "rule 93-TEST-DOSSIER" in problems[0] and message in problems[0], problems


def test_a_filter_cannot_read_the_dossier(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    rule = _rule([{"acte_present": "plan"}])
    rule["actes_lies"] = {
        "plan": {"types": ["plan_apurement"], "filtre": [{"fait": "parc", "du": "dossier", "op": "present"}]}
    }
    _add_rule(root, rule)
    (problem,) = verify([root / "93" / "charte.yaml"])
    assert (
        "field 'actes_lies.plan.filtre.0': a filter reads the candidate act's own facts: no 'du'" in problem
    )


# --------------------------------------------------------------------------------------------------
# Files past their term
# --------------------------------------------------------------------------------------------------


def _cdp(key: str, day: date) -> ActFacts:
    return _act(
        key,
        "commandement_de_payer",
        day,
        bailleur=PP,
        bail={
            "date_signature": D(2020, 1, 1),
            "loyer_mensuel_hc_cents": 80_000,
            "charges_mensuelles_cents": 0,
        },
        dette={"montant_cents": 0, "mois_impayes_consecutifs": 0},
    )


@pytest.mark.parametrize(
    ("day", "echu"), [(D(2023, 12, 30), False), (D(2023, 12, 31), False), (D(2024, 1, 1), True)]
)
def test_a_decision_from_a_file_past_its_term_says_so(day: date, echu: bool) -> None:
    (letter,) = [d for d in evaluate("77", [_cdp("c", day)]) if d.regle == "77-COURRIER-CDP"]
    if echu:
        assert letter.faits["fichier.echu_le"] == "2023-12-31"
        assert letter.message.endswith(
            "(fichier de règles échu le 31/12/2023 : règle maintenue jusqu'à l'adoption d'un nouveau fichier)"
        )
    else:
        assert "fichier.echu_le" not in letter.faits
        assert "échu" not in letter.message
    national = [d for d in evaluate("77", [_cdp("c", day)]) if d.regle.startswith("N-")]
    assert national and not [d for d in national if "fichier.echu_le" in d.faits]


def test_the_local_ccapex_experiment_is_past_its_term_and_keeps_applying() -> None:
    saisine = _act(
        "s",
        "saisine_ccapex",
        D(2024, 3, 1),
        logement={"code_postal": "75012"},
        motif="impaye",
        origine="menage",
    )
    (local,) = [d for d in evaluate("75", [saisine]) if d.code == "ccapex_locale"]
    assert local.faits["fichier.echu_le"] == "2018-12-31"


def test_the_catalogue_shows_each_files_term() -> None:
    entries = {e["fichier"]: e for e in catalogue(today=D(2024, 1, 1))}
    assert entries["77/charte.yaml"]["validite"]["au"] == "2023-12-31"
    assert entries["77/charte.yaml"]["echu"] is True
    assert entries["75/ccapex-locale.yaml"]["echu"] is True
    assert entries["93/charte.yaml"]["echu"] is False
    assert entries["national.yaml"]["validite"]["au"] is None and entries["national.yaml"]["echu"] is False
    assert {e["fichier"]: e["echu"] for e in catalogue(today=D(2023, 12, 31))}["77/charte.yaml"] is False
