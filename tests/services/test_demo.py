"""The demo's reference table is seed 001's, line by line; its households' acts are in legal order."""

from __future__ import annotations

import tomllib
from pathlib import Path

from app.services.demo import ETAPES, ORDRE, demo_acts, partners_for, reference_table, table_for

ROOT = Path(__file__).resolve().parents[2]


def test_the_paris_table_is_the_seeds_lines() -> None:
    data = tomllib.loads((ROOT / "app/rules/75/statistiques/observatoire-2019-2024.toml").read_text("utf-8"))
    seed = (ROOT / "app/rules/sources/001_5b3ac7376bf74676.txt").read_text("utf-8").splitlines()
    table = reference_table()
    assert sorted(table) == list(range(2019, 2025))
    for annee, row in table.items():
        line = seed[data["annees"][str(annee)]["ligne"] - 1]
        # The source separates thousands with a space, like the values: the digits must be the same.
        assert "".join(line.split()) == str(annee) + "".join(str(row[t]) for t, _ in ETAPES), line


def test_each_households_acts_come_in_legal_order_and_the_counts_are_the_tables() -> None:
    sirets = {p.role: p.siret for p in partners_for("93")}
    acts = demo_acts("93", sirets, 0.01)
    by_household: dict[str, list[tuple[int, str]]] = {}
    rank = {t: i for i, t in enumerate(ORDRE)}
    for a in acts:
        by_household.setdefault(a.body["reference"].rsplit("-", 1)[0], []).append(
            (a.date.toordinal(), a.type)
        )
        if a.type == "expulsion":  # never during the trêve hivernale
            assert 4 <= a.date.month <= 10, a.date
    for steps in by_household.values():
        assert [t for _, t in sorted(steps, key=lambda s: (s[0], rank[s[1]]))] == sorted(
            (t for _, t in steps), key=rank.__getitem__
        )
    table = table_for("93", 0.01)
    for annee, row in table.items():
        for t, n in row.items():
            assert sum(1 for a in acts if a.type == t and a.date.year == annee) == n
    again = demo_acts("93", sirets, 0.01)
    assert [a.body for a in again] == [a.body for a in acts]  # deterministic: a second run replays


def test_the_paris_2021_cdp_cohort_of_the_demo_design() -> None:
    """The demo's own design (its households' follow-on stages), followed as a CDP cohort: of the 7 957
    dossiers with a CDP dated in 2021 (seed 001's 2021 CDP count, L64), how many reached each later stage
    and the median delay. ``tests/api/test_statistiques.py`` checks that the endpoint gives back the
    same cohorts as the design, at a small scale; these are the full table's, fixed here."""
    from app.services.demo import cohortes, generate

    c2021 = cohortes(generate("75"))[2021]
    assert c2021 == {
        "effectif": 7957,
        "assignation": 4627,
        "cql": 2977,
        "requisition": 2977,
        "expulsion": 1074,
        "delai_median.assignation": 153,
        "delai_median.cql": 446,
        "delai_median.requisition": 520,
        "delai_median.expulsion": 622,
    }
    rates = {
        k: round(c2021[k] / c2021["effectif"], 4) for k in ("assignation", "cql", "requisition", "expulsion")
    }
    assert rates == {"assignation": 0.5815, "cql": 0.3741, "requisition": 0.3741, "expulsion": 0.135}
