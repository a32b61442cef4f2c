"""The charters' indicators, computed from what Prevex received (docs/statistiques.md).

Two halves. :func:`reconstruire` turns a territory's acts (and the CCAPEX's sessions, recommendations and
outcomes) into the ``statistiques`` aggregates, in one statement per source: the parc each act had at
its own date, each distinct act once, per year. :func:`indicateurs` reads them back for one territory
and a span of years, masks the small cells for every reader but the territory's CCAPEX (with
complementary masking: no published total gives a hidden cell back), and derives the ratios from the
published counts only. CSV and SVG are other renderings of the same rows.
"""

from __future__ import annotations

import csv
import functools
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import delete, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.security import Principal
from app.models.statistique import Statistique, StatistiqueCalcul

PARCS: Final = ("social", "prive", "inconnu")

#: The procedure's counts, in its order (the funnel's stages).
PROCEDURE: Final = (
    "impayes_signales",
    "commandements_de_payer",
    "assignations",
    "commandements_quitter_lieux",
    "requisitions_cfp",
    "cfp_accordes",
    "expulsions",
)

#: The stages' labels on the charts (the users' words).
LIBELLES: Final = {
    "impayes_signales": "impayés signalés",
    "commandements_de_payer": "commandements de payer",
    "assignations": "assignations",
    "commandements_quitter_lieux": "commandements de quitter les lieux",
    "requisitions_cfp": "réquisitions CFP",
    "cfp_accordes": "CFP accordés",
    "expulsions": "expulsions",
}

#: Same-year ratios: numerator and denominator counted in the same calendar year (as seed 001 reads its
#: table). Not a conversion rate: a year's assignations mostly follow the previous year's CDP.
RATIOS_MEME_ANNEE: Final = {
    "ratio_meme_annee.assignations_par_cdp": ("assignations", "commandements_de_payer"),
    "ratio_meme_annee.cql_par_assignation": ("commandements_quitter_lieux", "assignations"),
    "ratio_meme_annee.requisitions_par_cql": ("requisitions_cfp", "commandements_quitter_lieux"),
    "ratio_meme_annee.cfp_accordes_par_requisition": ("cfp_accordes", "requisitions_cfp"),
    "ratio_meme_annee.expulsions_par_cfp_accorde": ("expulsions", "cfp_accordes"),
}
#: The stages a CDP cohort is followed to (the cohort: dossiers whose first CDP is dated in year N).
COHORTE_ETAPES: Final = {
    "assignation": "assignation",
    "cql": "commandement_quitter_lieux",
    "requisition": "requisition_cfp",
    "expulsion": "expulsion",
}

# The parc an act states, or its landlord's category implies (services/dossiers.parc_of, in SQL).
_PARC_DIT = """COALESCE(a.payload->>'parc', CASE
    WHEN a.payload->'bailleur'->>'categorie' IS NULL THEN NULL
    WHEN a.payload->'bailleur'->>'categorie' = 'bailleur_social' THEN 'social' ELSE 'prive' END)"""

# The territory's acts, each distinct act once (same dossier, type and date: the first received), with
# the parc of its dossier at the act's date: the last one stated by an act of that dossier dated on or
# before it, else inconnu.
_ACTES = f"""
WITH brut AS (
    SELECT DISTINCT ON (a.dossier_id, a.type, a.date_acte)
           a.dossier_id, a.type, a.date_acte, a.recu_le, a.id, a.payload, {_PARC_DIT} AS parc_dit
    FROM actes a
    WHERE a.territoire = :territoire
    ORDER BY a.dossier_id, a.type, a.date_acte, a.recu_le, a.id
), rang AS (
    SELECT *, count(parc_dit) OVER (PARTITION BY dossier_id ORDER BY date_acte, recu_le, id) AS groupe
    FROM brut
), actes_parc AS (
    SELECT dossier_id, type, date_acte, payload,
           COALESCE(first_value(parc_dit) OVER (
               PARTITION BY dossier_id, groupe ORDER BY date_acte, recu_le, id), 'inconnu') AS parc
    FROM rang
)"""  # noqa: S608 (constant SQL: the parameters are bound)

# One row per (act, indicator it counts in).
_FAITS = """
faits AS (
    SELECT a.date_acte, a.parc, f.indicateur
    FROM actes_parc a
    CROSS JOIN LATERAL (VALUES
        (CASE a.type
            WHEN 'signalement_impaye' THEN 'impayes_signales'
            WHEN 'commandement_de_payer' THEN 'commandements_de_payer'
            WHEN 'assignation' THEN 'assignations'
            WHEN 'commandement_quitter_lieux' THEN 'commandements_quitter_lieux'
            WHEN 'requisition_cfp' THEN 'requisitions_cfp'
            WHEN 'decision_cfp' THEN 'decisions_cfp'
            WHEN 'expulsion' THEN 'expulsions'
            WHEN 'saisine_ccapex' THEN 'saisines_ccapex'
            WHEN 'decision_justice' THEN 'decisions_justice'
            WHEN 'diagnostic_social_financier' THEN 'diagnostics_sociaux_financiers'
        END),
        (CASE WHEN a.type = 'decision_cfp' AND a.payload->>'decision' = 'octroi' THEN 'cfp_accordes' END),
        (CASE WHEN a.type = 'expulsion' AND (a.payload->'avec_cfp') = 'true' THEN 'expulsions_avec_cfp' END),
        (CASE WHEN a.type = 'saisine_ccapex'
              THEN 'saisines_ccapex.origine.' || (a.payload->>'origine') END),
        (CASE WHEN a.type = 'saisine_ccapex' THEN 'saisines_ccapex.motif.' || (a.payload->>'motif') END),
        (CASE WHEN a.type = 'saisine_ccapex'
              THEN 'saisines_ccapex.stade.' || COALESCE(a.payload->>'stade', 'inconnu') END),
        (CASE WHEN a.type = 'decision_justice' AND a.payload->>'issue' = 'delais_paiement'
              THEN 'decisions_justice_delais' END),
        (CASE WHEN a.type = 'decision_justice' AND a.payload ? 'contradictoire'
              THEN 'audiences_presence_connue' END),
        (CASE WHEN a.type = 'decision_justice' AND (a.payload->'contradictoire') = 'true'
              THEN 'audiences_locataire_present' END),
        (CASE WHEN a.type = 'diagnostic_social_financier' AND EXISTS (
                SELECT 1 FROM actes_parc h
                WHERE h.dossier_id = a.dossier_id AND h.type = 'assignation' AND h.date_acte <= a.date_acte
                  AND COALESCE(a.payload->>'date_transmission', a.date_acte::text) < h.payload->>'date_audience')
              THEN 'dsf_avant_audience' END)
    ) AS f(indicateur)
    WHERE f.indicateur IS NOT NULL
)"""

_COMPTES = f"""{_ACTES}, {_FAITS.strip()}
INSERT INTO statistiques (territoire, annee, indicateur, parc, valeur)
SELECT :territoire, extract(year FROM date_acte)::int, indicateur, COALESCE(parc, 'total'), count(*)
FROM faits
GROUP BY GROUPING SETS ((extract(year FROM date_acte), indicateur, parc), (extract(year FROM date_acte), indicateur))
"""  # noqa: S608 (constant SQL: the parameters are bound)


async def reconstruire(session: AsyncSession, territoires: Iterable[str] | None = None) -> dict[str, int]:
    """Rebuild the aggregates of ``territoires`` (default: every territory with acts) from the acts;
    returns each territory's number of acts read. Flushes, never commits (one transaction)."""
    if territoires is None:
        territoires = [
            str(t) for t in (await session.scalars(text("SELECT DISTINCT territoire FROM actes"))).all()
        ]
    lus: dict[str, int] = {}
    now = datetime.now(UTC)
    for territoire in sorted(set(territoires)):
        await session.execute(delete(Statistique).where(Statistique.territoire == territoire))
        await session.execute(text(_COMPTES), {"territoire": territoire})
        await session.execute(text(_cohortes_sql()), {"territoire": territoire})
        await _ccapex(session, territoire)
        lus[territoire] = int(
            await session.scalar(text("SELECT count(*) FROM actes WHERE territoire = :t"), {"t": territoire})
            or 0
        )
        await session.execute(delete(StatistiqueCalcul).where(StatistiqueCalcul.territoire == territoire))
        session.add(StatistiqueCalcul(territoire=territoire, calcule_le=now, actes=lus[territoire]))
    await session.flush()
    return lus


# The territories whose aggregates are older than what happened there: every change a statistic reads (an
# act, a recommendation and its follow-up, a session, an outcome) is an event of its territory, written
# in the change's transaction (``services/evenements``). An event is dated when its transaction began,
# and a rebuild reads the acts committed when it began: an event dated a little before a rebuild may
# have committed after it, so events up to 10 minutes before the last rebuild count too (the next run
# then rebuilds once more, and nothing is missed). Territories with partners and no aggregates yet are
# stale. The events' ``created_at`` index bounds the search to what happened since.
_PERIMES = text(
    """
SELECT t.territoire FROM (SELECT territoire FROM partenaire_territoires
                          UNION SELECT territoire FROM statistiques_calculs) t
LEFT JOIN statistiques_calculs c ON c.territoire = t.territoire
WHERE c.territoire IS NULL
   OR EXISTS (SELECT 1 FROM evenements e
              WHERE e.created_at > c.calcule_le - interval '10 minutes' AND e.territoire = t.territoire)
ORDER BY 1
"""
)


async def perimes(session: AsyncSession) -> list[str]:
    """The territories whose aggregates do not yet count everything that happened there."""
    return [str(t) for t in (await session.scalars(_PERIMES)).all()]


async def rafraichir(session: AsyncSession) -> dict[str, int]:
    """Rebuild the stale territories' aggregates (the periodic job ``rafraichir_statistiques``)."""
    stale = await perimes(session)
    return await reconstruire(session, stale) if stale else {}


def _cohortes_sql() -> str:
    etapes = ", ".join(f"('{k}', '{t}')" for k, t in COHORTE_ETAPES.items())
    return f"""{_ACTES}, cdp AS (
    SELECT DISTINCT ON (dossier_id) dossier_id, date_acte, parc
    FROM actes_parc WHERE type = 'commandement_de_payer' ORDER BY dossier_id, date_acte
), suite AS (
    SELECT c.dossier_id, extract(year FROM c.date_acte)::int AS annee, c.parc, e.etape,
           min(a.date_acte) - c.date_acte AS delai
    FROM cdp c
    CROSS JOIN (VALUES {etapes}) AS e(etape, type)
    LEFT JOIN actes_parc a ON a.dossier_id = c.dossier_id AND a.type = e.type AND a.date_acte >= c.date_acte
    GROUP BY c.dossier_id, c.date_acte, c.parc, e.etape
)
INSERT INTO statistiques (territoire, annee, indicateur, parc, valeur)
SELECT :territoire, annee, 'cohorte_cdp.effectif', COALESCE(parc, 'total'), count(DISTINCT dossier_id)
FROM suite GROUP BY GROUPING SETS ((annee, parc), (annee))
UNION ALL
SELECT :territoire, annee, 'cohorte_cdp.' || etape, COALESCE(parc, 'total'), count(delai)
FROM suite GROUP BY GROUPING SETS ((annee, etape, parc), (annee, etape))
UNION ALL
SELECT :territoire, annee, 'delai_median_jours.cdp_' || etape, COALESCE(parc, 'total'),
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY delai))::numeric)::int
FROM suite WHERE delai IS NOT NULL GROUP BY GROUPING SETS ((annee, etape, parc), (annee, etape))
"""  # noqa: S608 (constant SQL: the parameters are bound)


# The CCAPEX's own figures (not acts): dossiers examined (each once a year, at its first examination of
# the year), recommendations (by their reference date, nature and current follow-up status) and outcomes
# 12 months after the first examination (by the session's date). Each is split by the parc its dossier
# had at that date, carried forward the same way as the acts' (the last parc stated by an act of the
# dossier dated on or before it; an act of the same day counts), else inconnu.
_CCAPEX = f"""{_ACTES}, ccapex AS (
    SELECT DISTINCT ON (sd.dossier_id, extract(year FROM s.date))
           sd.dossier_id, s.date AS jour, 'dossiers_examines' AS indicateur
    FROM seance_dossiers sd JOIN seances s ON s.id = sd.seance_id
    WHERE s.territoire = :territoire AND sd.issue = 'examine'
    ORDER BY sd.dossier_id, extract(year FROM s.date), s.date
), faits_ccapex AS (
    SELECT dossier_id, jour, indicateur FROM ccapex
    UNION ALL
    SELECT r.dossier_id, r.date_reference, f.indicateur
    FROM recommandations r JOIN dossiers d ON d.id = r.dossier_id
    CROSS JOIN LATERAL (VALUES ('recommandations'),
                               ('recommandations.' || r.nature || '.' || r.statut)) AS f(indicateur)
    WHERE d.territoire = :territoire
    UNION ALL
    SELECT b.dossier_id, b.seance_date, f.indicateur
    FROM bilans b JOIN dossiers d ON d.id = b.dossier_id
    CROSS JOIN LATERAL (VALUES ('bilans_12_mois'), ('bilans_12_mois.' || b.issue)) AS f(indicateur)
    WHERE d.territoire = :territoire AND b.issue IS NOT NULL
), flux AS (
    SELECT dossier_id, date_acte AS jour, 0 AS ordre, recu_le, id::text AS cle, parc_dit,
           NULL::text AS indicateur
    FROM brut
    UNION ALL
    SELECT dossier_id, jour, 1, NULL, indicateur, NULL, indicateur FROM faits_ccapex
), flux_rang AS (
    SELECT *, count(parc_dit) OVER (PARTITION BY dossier_id ORDER BY jour, ordre, recu_le, cle) AS groupe
    FROM flux
), flux_parc AS (
    SELECT jour, indicateur,
           COALESCE(first_value(parc_dit) OVER (
               PARTITION BY dossier_id, groupe ORDER BY jour, ordre, recu_le, cle), 'inconnu') AS parc
    FROM flux_rang
)
INSERT INTO statistiques (territoire, annee, indicateur, parc, valeur)
SELECT :territoire, extract(year FROM jour)::int, indicateur, COALESCE(parc, 'total'), count(*)
FROM flux_parc WHERE indicateur IS NOT NULL
GROUP BY GROUPING SETS ((extract(year FROM jour), indicateur, parc), (extract(year FROM jour), indicateur))
"""  # noqa: S608 (constant SQL: the parameters are bound)


async def _ccapex(session: AsyncSession, territoire: str) -> None:
    """The CCAPEX's own figures, split by the parc at their date (:data:`_CCAPEX`)."""
    await session.execute(text(_CCAPEX), {"territoire": territoire})


# Reading -------------------------------------------------------------------------------------------


@dataclass
class Cellule:
    annee: int
    indicateur: str
    parc: str
    valeur: int
    masque: bool = False


def _familles(indicateurs: set[str]) -> list[tuple[str, list[str]]]:
    """The published sums: a family's total and its parts (``x`` = Σ ``x.<dimension>.*`` for one
    dimension; ``recommandations`` = Σ ``recommandations.<nature>.<statut>``)."""
    out: list[tuple[str, list[str]]] = []
    for total in indicateurs:
        parts = [i for i in indicateurs if i.startswith(total + ".")]
        if not parts:
            continue
        by_dimension: dict[str, list[str]] = {}
        for p in parts:
            dimension = p[len(total) + 1 :].split(".")[0]
            if total == "recommandations":
                dimension = "nature_statut"
            by_dimension.setdefault(dimension, []).append(p)
        out += [(total, members) for members in by_dimension.values()]
    return out


def masquer(cellules: Sequence[Cellule], seuil: int) -> list[Cellule]:
    """Primary masking (0 < valeur < seuil), then complementary masking until no published sum (total =
    social + prive + inconnu; a family's total = its parts) has exactly one hidden member: in such a sum,
    the smallest other non-zero member is hidden too (a zero only when no other is left). Median delays are
    hidden when the count they are the median of is; they are no sums. Cells are changed in place; the
    absent (zero) cells hidden as complements are returned, to be published as hidden."""
    index = {(c.annee, c.indicateur, c.parc): c for c in cellules}
    for c in cellules:
        if 0 < c.valeur < seuil and not c.indicateur.startswith("delai_median_jours."):
            c.masque = True
    groupes: list[list[Cellule]] = []
    annees = {c.annee for c in cellules}
    indicateurs = {c.indicateur for c in cellules if not c.indicateur.startswith("delai_median_jours.")}

    def cell(annee: int, indicateur: str, parc: str) -> Cellule:
        found = index.get((annee, indicateur, parc))
        if found is None:  # an absent cell is a published zero
            found = Cellule(annee, indicateur, parc, 0)
            index[(annee, indicateur, parc)] = found
        return found

    for annee in annees:
        for indicateur in indicateurs:
            if any((annee, indicateur, p) in index for p in PARCS):
                groupes.append([cell(annee, indicateur, p) for p in ("total", *PARCS)])
        for total, parts in _familles(indicateurs):
            for parc in ("total", *PARCS):
                if (annee, total, parc) in index:
                    groupes.append([cell(annee, total, parc), *(cell(annee, p, parc) for p in parts)])
    changed = True
    while changed:
        changed = False
        for groupe in groupes:
            hidden = [c for c in groupe if c.masque]
            if len(hidden) == 1:
                # The smallest non-zero member (a hidden zero would protect little), else a zero.
                others = sorted(
                    (c for c in groupe if not c.masque), key=lambda c: (c.valeur == 0, c.valeur, c.parc)
                )
                if others:
                    others[0].masque = True
                    changed = True
    for c in cellules:
        if c.indicateur.startswith("delai_median_jours."):
            etape = c.indicateur.removeprefix("delai_median_jours.cdp_")
            base = index.get((c.annee, f"cohorte_cdp.{etape}", c.parc))
            c.masque = base is None or base.masque or base.valeur < seuil
    # An absent cell reads as zero: one hidden to protect a sum is published, as hidden.
    present = {id(c) for c in cellules}
    return [c for c in index.values() if c.masque and id(c) not in present]


def masking_applies(principal: Principal, territoire: str) -> bool:
    """Every reader sees the small cells masked but the territory's own CCAPEX."""
    return not (principal.kind == "ccapex" and territoire in principal.territoires)


def _row(c: Cellule) -> dict[str, Any]:
    return {
        "annee": c.annee,
        "indicateur": c.indicateur,
        "parc": c.parc,
        "valeur": None if c.masque else c.valeur,
        "masque": c.masque,
    }


def _ratio(
    num: Cellule | None, den: Cellule | None, annee: int, nom: str, parc: str
) -> dict[str, Any] | None:
    if num is None or den is None:
        return None
    hidden = num.masque or den.masque
    valeur = None if hidden or den.valeur == 0 else round(num.valeur / den.valeur, 4)
    return {"annee": annee, "indicateur": nom, "parc": parc, "valeur": valeur, "masque": hidden}


async def indicateurs(
    session: AsyncSession, principal: Principal, territoire: str, du: int, au: int, seuil: int
) -> dict[str, Any]:
    rows = (
        await session.scalars(
            select(Statistique)
            .where(Statistique.territoire == territoire, Statistique.annee.between(du, au))
            .order_by(Statistique.annee, Statistique.indicateur, Statistique.parc)
        )
    ).all()
    calcul = await session.get(StatistiqueCalcul, territoire)
    cellules = [Cellule(r.annee, r.indicateur, r.parc, r.valeur) for r in rows]
    masque = masking_applies(principal, territoire)
    if masque:
        cellules += masquer(cellules, seuil)
        cellules.sort(key=lambda c: (c.annee, c.indicateur, c.parc))
    index = {(c.annee, c.indicateur, c.parc): c for c in cellules}
    comptes_ = [c for c in cellules if not c.indicateur.startswith(("cohorte_cdp.", "delai_median_jours."))]
    ratios = []
    conversions = []
    for annee in range(du, au + 1):
        for parc in ("total", *PARCS):
            for nom, (num, den) in RATIOS_MEME_ANNEE.items():
                r = _ratio(index.get((annee, num, parc)), index.get((annee, den, parc)), annee, nom, parc)
                if r is not None:
                    ratios.append(r)
            base = index.get((annee, "cohorte_cdp.effectif", parc))
            if base is None:
                continue
            conversions.append(_row(base))
            for etape in COHORTE_ETAPES:
                atteint = index.get((annee, f"cohorte_cdp.{etape}", parc))
                if atteint is not None:  # how many reached it: published (masked) like any count
                    conversions.append(_row(atteint))
                r = _ratio(atteint, base, annee, f"taux_conversion_cohorte_cdp.{etape}", parc)
                if r is not None:
                    conversions.append(r)
                delai = index.get((annee, f"delai_median_jours.cdp_{etape}", parc))
                if delai is not None:
                    conversions.append(_row(delai))
    query = f"territoire={territoire}&du={du}&au={au}"
    return {
        "territoire": territoire,
        "du": du,
        "au": au,
        "seuil": seuil,
        "masquage": masque,
        "calcule_le": calcul.calcule_le.isoformat() if calcul else None,
        "lignes": [_row(c) for c in comptes_],
        "ratios_meme_annee": ratios,
        "conversions_cohorte": conversions,
        "graphiques": {
            "entonnoir": f"/v1/statistiques/graphiques/entonnoir.svg?{query}",
            "tendances": {
                i: f"/v1/statistiques/graphiques/tendance.svg?{query}&indicateur={i}"
                for i in sorted({c.indicateur for c in comptes_})
            },
        },
    }


CSV_COLONNES: Final = ("tableau", "annee", "indicateur", "parc", "valeur", "masque")


def as_csv(body: dict[str, Any]) -> str:
    """The same rows as the JSON, one table after the other (column ``tableau``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLONNES)
    for tableau in ("lignes", "ratios_meme_annee", "conversions_cohorte"):
        for r in body[tableau]:
            writer.writerow(
                [
                    tableau,
                    r["annee"],
                    r["indicateur"],
                    r["parc"],
                    "" if r["valeur"] is None else r["valeur"],
                    "true" if r["masque"] else "false",
                ]
            )
    return buffer.getvalue()


# Charts --------------------------------------------------------------------------------------------


def _figure_svg(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buffer.getvalue()


def _figure(figsize: tuple[float, float]) -> tuple[Any, Any]:
    """A figure and its axes, without pyplot (no global state: safe in the threads the endpoints render
    in, and nothing to close)."""
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: searchable, readable by a screen reader
    matplotlib.rcParams["svg.hashsalt"] = "prevex"  # the same figure gives the same bytes
    figure = Figure(figsize=figsize)
    return figure, figure.subplots()


#: One cell a chart is drawn from: (annee, indicateur, parc, valeur, masque).
_Point = tuple[int, str, str, float | None, bool]


def _cellules(lignes: list[dict[str, Any]]) -> tuple[_Point, ...]:
    """The cells a chart is drawn from, hashable: with the territory and years, the cache's key. Taken
    from the body after masking, so a préfecture's chart and the CCAPEX's are two entries, and new figures
    a new one."""
    return tuple((r["annee"], r["indicateur"], r["parc"], r["valeur"], r["masque"]) for r in lignes)


# Drawing a chart costs matplotlib hundreds of ms; what it is drawn from is small (a few dozen cells).
# The SVG is a pure function of that: cached in the process by it, never stale (other figures, another
# key), bounded (256 charts of about 40 kB).
_CHARTS = 256


def entonnoir_svg(body: dict[str, Any]) -> bytes:
    """The yearly funnel: one group of bars per year, one bar per stage of the procedure (parc total);
    a masked cell is drawn as no bar and labelled « masqué »."""
    lignes = [r for r in body["lignes"] if r["parc"] == "total" and r["indicateur"] in PROCEDURE]
    return _entonnoir(body["territoire"], body["du"], body["au"], _cellules(lignes))


@functools.lru_cache(maxsize=_CHARTS)
def _entonnoir(territoire: str, du: int, au: int, cellules: tuple[_Point, ...]) -> bytes:
    valeurs = {(c[0], c[1]): {"valeur": c[3], "masque": c[4]} for c in cellules}
    annees = list(range(du, au + 1))
    figure, axes = _figure((11, 5))
    width = 0.8 / len(PROCEDURE)
    for k, indicateur in enumerate(PROCEDURE):
        xs, hs = [], []
        for j, annee in enumerate(annees):
            r = valeurs.get((annee, indicateur))
            x = j + (k - len(PROCEDURE) / 2 + 0.5) * width
            if r is not None and r["masque"]:
                axes.text(x, 0, "masqué", rotation=90, fontsize=6, ha="center", va="bottom")
                continue
            xs.append(x)
            hs.append(r["valeur"] if r is not None else 0)
        axes.bar(xs, hs, width=width, label=LIBELLES[indicateur])
    axes.set_xticks(range(len(annees)), [str(a) for a in annees])
    axes.set_title(f"Procédure par étape et par année, territoire {territoire}")
    axes.set_ylabel("actes (date de l'acte)")
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))  # beside the bars, not over them
    return _figure_svg(figure)


def tendance_svg(body: dict[str, Any], indicateur: str) -> bytes:
    """One indicator over the years, one line per parc; masked points are gaps."""
    lignes = [r for r in body["lignes"] if r["indicateur"] == indicateur]
    return _tendance(body["territoire"], body["du"], body["au"], _cellules(lignes), indicateur)


@functools.lru_cache(maxsize=_CHARTS)
def _tendance(territoire: str, du: int, au: int, cellules: tuple[_Point, ...], indicateur: str) -> bytes:
    annees = list(range(du, au + 1))
    figure, axes = _figure((8, 4))
    for parc in ("total", *PARCS):
        rows = {c[0]: c[3] for c in cellules if c[2] == parc}
        if not rows:
            continue
        ys = [math.nan if rows.get(a) is None else rows[a] for a in annees]
        axes.plot(annees, ys, marker="o", label=parc)
    axes.set_xticks(annees, [str(a) for a in annees])
    axes.set_title(f"{LIBELLES.get(indicateur, indicateur.replace('_', ' '))}, territoire {territoire}")
    axes.set_ylabel("nombre")
    axes.legend(fontsize=8)
    return _figure_svg(figure)


__all__ = [
    "as_csv",
    "entonnoir_svg",
    "indicateurs",
    "masking_applies",
    "masquer",
    "reconstruire",
    "tendance_svg",
]
