"""The act-type registry: each act type is declared once, on its class, and everything that depends on
an act type (scopes, need-to-know view, stage, rule files, docs) reads that one declaration."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import get_args

import pytest

from app.core.kinds import PARTNER_KINDS
from app.core.scopes import ACTES_DEPOSER, depot_scope, scopes_for_kind
from app.models.dossier import STAGES
from app.rules.schema import ACT_TYPES
from app.rules.verification import fact_paths
from app.schemas.actes import ACTE_CLASSES, ACTE_TYPES, DEPOSANTS, POLITIQUES, Acte, ActeBase
from app.schemas.common import Occupant
from app.schemas.politiques import CHAMPS_COMMUNS, GROUPES, STADES, PolitiqueActe
from app.schemas.recus import DossierVue
from app.services.dossiers import FACT_GROUPS, stage_of
from app.services.visibility import CONTENT, SENSITIVE

DOCS = Path(__file__).resolve().parents[2] / "docs" / "actes.md"
UNION = get_args(get_args(Acte)[0])

# ------------------------------------------------------------------------------------------------
# Declared once
# ------------------------------------------------------------------------------------------------


def test_every_act_class_declares_its_own_policy() -> None:
    assert not hasattr(ActeBase, "politique"), "no default policy a new act class could inherit"
    for cls in UNION:
        assert isinstance(cls.__dict__.get("politique"), PolitiqueActe), cls.__name__
    assert list(POLITIQUES) == list(ACTE_TYPES) == list(ACTE_CLASSES)
    assert [POLITIQUES[t] for t in ACTE_TYPES] == [cls.__dict__["politique"] for cls in UNION]
    assert len({id(p) for p in POLITIQUES.values()}) == len(POLITIQUES)


def test_a_policy_names_only_known_kinds_stages_and_groups() -> None:
    with pytest.raises(ValueError, match="unknown partner kinds"):
        PolitiqueActe(deposants={"huissier"}, stade="clos", lecteurs=())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown stage"):
        PolitiqueActe(deposants={"ccapex"}, stade="appel", lecteurs=())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown field groups"):
        PolitiqueActe(deposants={"ccapex"}, stade="clos", lecteurs=(), champs={"divers": ("x",)})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="nobody may file"):
        PolitiqueActe(deposants=(), stade="clos", lecteurs=())


def test_scopes_of_each_kind_are_the_registry_deposants() -> None:
    for kind in PARTNER_KINDS:
        filed = {t for t, p in POLITIQUES.items() if kind in p.deposants}
        assert DEPOSANTS[kind] == filed, kind
        scopes = scopes_for_kind(kind)
        assert {s for s in scopes if s.endswith(":deposer") and s != ACTES_DEPOSER} == {
            depot_scope(t) for t in filed
        }, kind
        assert (ACTES_DEPOSER in scopes) == bool(filed), kind


def test_stage_of_each_type_is_its_policy_stage() -> None:
    for type_, politique in POLITIQUES.items():
        assert stage_of([type_]) == politique.stade, type_
        assert stage_of(["signalement_impaye", type_]) == politique.stade, type_
        assert politique.clot == (politique.stade == "clos")
    assert {t for t, p in POLITIQUES.items() if p.clot} == {"expulsion", "cloture"}
    assert stage_of(ACTE_TYPES) == "clos"
    assert STADES == STAGES == get_args(DossierVue.model_fields["stade"].annotation)


def test_visibility_reads_the_registry() -> None:
    assert set(CONTENT) == set(PARTNER_KINDS)
    for kind in PARTNER_KINDS:
        assert CONTENT[kind] == {t for t, p in POLITIQUES.items() if kind in p.lecteurs}, kind
    assert {t for t, p in POLITIQUES.items() if p.sensible} == SENSITIVE
    # the domain's need to know (DOMAIN.md §6): the DSF's social narrative stays with those who examine
    # the case; a CAF reads housing-aid facts, not the DSF.
    assert {k for k in PARTNER_KINDS if "diagnostic_social_financier" in CONTENT[k]} == {
        "ccapex",
        "departement",
        "commission_locale",
    }
    assert SENSITIVE == {
        "diagnostic_social_financier",
        "decision_dalo",
        "surendettement",
        "decision_fsl",
        "decision_apl",
    }
    assert CONTENT["other"] == frozenset()


def test_rule_files_name_the_registry_act_types() -> None:
    assert ACT_TYPES == ACTE_TYPES
    assert list(fact_paths()) == list(ACTE_TYPES)


# ------------------------------------------------------------------------------------------------
# Field groups
# ------------------------------------------------------------------------------------------------


def _common_fields() -> list[str]:
    return [path for paths in CHAMPS_COMMUNS.values() for path in paths]


def test_common_groups_cover_every_envelope_and_household_field_once() -> None:
    paths = _common_fields()
    assert len(paths) == len(set(paths))
    assert {p.split(".", 1)[0] for p in paths} == set(ActeBase.model_fields)
    split = {p.split(".", 1)[0] for p in paths if "." in p}
    for name in split:
        assert name not in paths, f"{name} is both whole and split into groups"
    assert {p.split(".", 1)[1] for p in paths if p.startswith("occupants.")} == set(Occupant.model_fields)
    assert set(FACT_GROUPS) == set(ActeBase.model_fields) - set(CHAMPS_COMMUNS["enveloppe"])


@pytest.mark.parametrize("type_", ACTE_TYPES)
def test_each_own_field_of_an_act_is_in_exactly_one_group(type_: str) -> None:
    own = [f for fields in POLITIQUES[type_].champs.values() for f in fields]
    assert len(own) == len(set(own)), own
    assert set(own) == set(ACTE_CLASSES[type_].model_fields) - set(ActeBase.model_fields)
    assert all(fields for fields in POLITIQUES[type_].champs.values())


def test_every_group_is_documented_and_used() -> None:
    used = set(CHAMPS_COMMUNS).union(*(p.champs for p in POLITIQUES.values()))
    assert used == set(GROUPES)
    assert all(len(text) > 20 for text in GROUPES.values())


# ------------------------------------------------------------------------------------------------
# docs/actes.md says what the registry says
# ------------------------------------------------------------------------------------------------


def _codes(values: Iterable[str]) -> str:
    return ", ".join(f"`{v}`" for v in values)


def _kinds(kinds: frozenset[str]) -> str:
    return _codes(k for k in PARTNER_KINDS if k in kinds)


def policies_table() -> str:
    lines = [
        "| act type | filed by | stage | closes | sensitive | content read by (besides its filer) "
        "| own field groups |",
        "|---|---|---|---|---|---|---|",
    ]
    for type_, p in POLITIQUES.items():
        cells = [
            f"`{type_}`",
            _kinds(p.deposants),
            f"`{p.stade}`",
            "yes" if p.clot else "no",
            "yes" if p.sensible else "no",
            _kinds(p.lecteurs),
            _codes(p.champs),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def groups_table() -> str:
    lines = ["| group | what it tells | fields |", "|---|---|---|"]
    for groupe, meaning in GROUPES.items():
        where = []
        if groupe in CHAMPS_COMMUNS:
            where.append("every act: " + _codes(CHAMPS_COMMUNS[groupe]))
        for type_, p in POLITIQUES.items():
            if groupe in p.champs:
                where.append(f"`{type_}`: " + ", ".join(p.champs[groupe]))
        lines.append(f"| `{groupe}` | {meaning} | {'; '.join(where)} |")
    return "\n".join(lines) + "\n"


def deposants_table() -> str:
    lines = ["| partner kind | act types |", "|---|---|"]
    lines += [
        f"| `{kind}` | {_codes(t for t in ACTE_TYPES if t in DEPOSANTS[kind])} |" for kind in PARTNER_KINDS
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("table", [policies_table, groups_table, deposants_table])
def test_docs_tables_are_the_registry(table: Callable[[], str]) -> None:
    expected = table()
    assert expected in DOCS.read_text(encoding="utf-8"), (
        f"docs/actes.md drifted from the registry; the table should read:\n{expected}"
    )


def test_docs_filed_by_line_of_each_act_is_its_policy() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for type_, p in POLITIQUES.items():
        section = docs.split(f"## `{type_}`\n", 1)[1].split("\n## ", 1)[0]
        assert f"**Filed by:** {_kinds(p.deposants)}\n" in section, type_
