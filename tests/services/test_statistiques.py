"""Masking, on cells alone: primary below the threshold, complementary until no sum has one hidden member."""

from __future__ import annotations

from app.services.statistiques import Cellule, masquer


def _hidden(cells: list[Cellule]) -> set[tuple[str, str]]:
    return {(c.indicateur, c.parc) for c in cells if c.masque}


def test_a_small_parc_cell_takes_the_smallest_other_non_zero_part_with_it() -> None:
    cells = [
        Cellule(2024, "assignations", "total", 40),
        Cellule(2024, "assignations", "social", 30),
        Cellule(2024, "assignations", "prive", 7),
        Cellule(2024, "assignations", "inconnu", 3),
        Cellule(2024, "expulsions", "total", 9),
        Cellule(2024, "expulsions", "social", 9),
    ]
    added = masquer(cells, 5)
    # inconnu (3) is hidden; the smallest other non-zero part (prive, 7) with it, not the total.
    assert _hidden(cells) == {("assignations", "inconnu"), ("assignations", "prive")}
    assert added == []  # expulsions: prive and inconnu are absent zeros, nothing to hide


def test_complementary_masking_runs_until_no_sum_has_a_single_hidden_member() -> None:
    # saisines = Σ origine.*; origine.menage (2) is hidden, so origine.departement (6) is; its parc split
    # (social 6, prive 0) then has one hidden member (total 6) -> social is hidden as well.
    cells = [
        Cellule(2025, "saisines_ccapex", "total", 20),
        Cellule(2025, "saisines_ccapex", "social", 20),
        Cellule(2025, "saisines_ccapex.origine.bailleur_social", "total", 12),
        Cellule(2025, "saisines_ccapex.origine.bailleur_social", "social", 12),
        Cellule(2025, "saisines_ccapex.origine.departement", "total", 6),
        Cellule(2025, "saisines_ccapex.origine.departement", "social", 6),
        Cellule(2025, "saisines_ccapex.origine.menage", "total", 2),
        Cellule(2025, "saisines_ccapex.origine.menage", "social", 2),
    ]
    masquer(cells, 5)
    hidden = _hidden(cells)
    assert ("saisines_ccapex.origine.menage", "total") in hidden
    assert ("saisines_ccapex.origine.departement", "total") in hidden
    assert ("saisines_ccapex.origine.departement", "social") in hidden
    assert ("saisines_ccapex", "total") not in hidden
    by = {(c.indicateur, c.parc): c for c in cells}
    for parc in ("total", "social"):
        family = [k for k in by if k[1] == parc and k[0].startswith("saisines_ccapex")]
        assert sum(1 for k in family if by[k].masque) != 1
    for ind in {k[0] for k in by}:
        row = [k for k in by if k[0] == ind]
        assert sum(1 for k in row if by[k].masque) != 1, ind


def test_a_median_delay_is_hidden_with_its_cohort_count() -> None:
    cells = [
        Cellule(2023, "cohorte_cdp.expulsion", "total", 4),
        Cellule(2023, "delai_median_jours.cdp_expulsion", "total", 2),  # 2 days: a delay, not a count
        Cellule(2023, "cohorte_cdp.assignation", "total", 50),
        Cellule(2023, "delai_median_jours.cdp_assignation", "total", 3),
    ]
    masquer(cells, 5)
    assert _hidden(cells) == {
        ("cohorte_cdp.expulsion", "total"),
        ("delai_median_jours.cdp_expulsion", "total"),
    }


def test_a_chart_is_drawn_once_for_what_it_shows_and_again_when_that_changes() -> None:
    from app.services import statistiques

    def body(assignations: int | None, masque: bool = False) -> dict[str, object]:
        lignes = [
            {
                "annee": 2023,
                "indicateur": "commandements_de_payer",
                "parc": "total",
                "valeur": 120,
                "masque": False,
            },
            {
                "annee": 2023,
                "indicateur": "assignations",
                "parc": "total",
                "valeur": assignations,
                "masque": masque,
            },
            {"annee": 2023, "indicateur": "assignations", "parc": "social", "valeur": 3, "masque": False},
        ]
        return {"territoire": "93", "du": 2023, "au": 2023, "lignes": lignes}

    statistiques._entonnoir.cache_clear()
    statistiques._tendance.cache_clear()
    first = statistiques.entonnoir_svg(body(80))
    assert statistiques.entonnoir_svg(body(80)) == first
    assert statistiques._entonnoir.cache_info().hits == 1
    # Other figures, or a cell masked for this reader: another chart, never the cached one.
    changed = statistiques.entonnoir_svg(body(81))
    masked = statistiques.entonnoir_svg(body(None, masque=True))
    assert len({first, changed, masked}) == 3
    assert "masqué" in masked.decode() and "masqué" not in first.decode()
    assert statistiques._entonnoir.cache_info().misses == 3
    # A parc's figure that the funnel does not draw does not redraw it; the trend of that indicator does.
    social = body(80)
    social["lignes"][2]["valeur"] = 4  # type: ignore[index]
    assert statistiques.entonnoir_svg(social) == first
    trend = statistiques.tendance_svg(body(80), "assignations")
    assert statistiques.tendance_svg(social, "assignations") != trend
    assert statistiques.tendance_svg(body(80), "assignations") == trend
