"""Demo data (S311: the generators are seeded on purpose, nothing here is a secret): synthetic dossiers whose acts give a territory's yearly counts exactly.

For each act type of the procedure, in legal order (impayé signalé → CDP → assignation → jugement → CQL →
réquisition CFP → CFP accordé → expulsion), the table says how many acts each year holds. Each act is
dated inside its year, then attached to an earlier act of the stage before it in the same household
when one lies within a realistic delay (:data:`DELAIS`), else it opens a dossier of its own (a
procedure whose earlier acts were not filed to Prevex, or predate it). So the counts per year are the
table's by construction, and every dossier's acts are in legal order with realistic delays.

Everything is drawn from one seeded generator per territory (Faker ``fr_FR`` for names and streets), and
every act's reference is derived from its dossier's rank: running the demo twice files the same acts
with the same references, which the intake replays (200) instead of filing again.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from faker import Faker
from stdnum import luhn

#: The counted act types, in the procedure's order, with the indicator each one answers.
ETAPES: Final = (
    ("signalement_impaye", "impayes_signales"),
    ("commandement_de_payer", "commandements_de_payer"),
    ("assignation", "assignations"),
    ("commandement_quitter_lieux", "commandements_quitter_lieux"),
    ("requisition_cfp", "requisitions_cfp"),
    ("decision_cfp", "cfp_accordes"),
    ("expulsion", "expulsions_avec_cfp"),
)

#: (min, max) days between an act and the next stage's, when the same household goes on.
DELAIS: Final[dict[str, tuple[int, int]]] = {
    "commandement_de_payer": (30, 240),  # the landlord's CDP after the impayé was signalled
    "assignation": (61, 300),  # after the CDP's 2 months (6 weeks since 2023-07-29)
    "commandement_quitter_lieux": (120, 600),  # hearing, judgment, its service, then the CQL
    "requisition_cfp": (61, 240),  # no eviction before CQL + 2 months
    "decision_cfp": (15, 60),  # the préfet answers within 2 months (silence is refusal)
    "expulsion": (15, 150),
}

#: Plausible tables for the territories whose charters give none (seed 002 and 004 give no yearly series).
#: Seine-Saint-Denis estimates 12 000-20 000 CDP a year (DOMAIN.md §7): scaled down by ``echelle``.
_PLAUSIBLE_RATIOS: Final = {
    "signalement_impaye": 0.55,
    "commandement_de_payer": 1.0,
    "assignation": 0.6,
    "commandement_quitter_lieux": 0.35,
    "requisition_cfp": 0.36,
    "decision_cfp": 0.26,
    "expulsion": 0.12,
}
_PLAUSIBLE_CDP: Final = {"77": 4_000, "93": 12_000}

TERRITOIRES_DEMO: Final = ("75", "77", "93")

_COMMUNES: Final[dict[str, list[tuple[str, str]]]] = {
    "75": [(f"750{n:02d}", f"751{n:02d}") for n in range(1, 21)],
    "77": [("77000", "77288"), ("77100", "77284"), ("77200", "77468"), ("77300", "77186")],
    "93": [("93100", "93048"), ("93200", "93066"), ("93000", "93008"), ("93300", "93001")],
}

_TREVE_PROLONGEE: Final = {2020: dt.date(2020, 7, 10), 2021: dt.date(2021, 5, 31)}  # covid


def reference_table(root: Path | None = None) -> dict[int, dict[str, int]]:
    """The Paris 2019-2024 table (seed 001), by year then act type."""
    path = (
        (root or Path(__file__).parents[1] / "rules") / "75" / "statistiques" / "observatoire-2019-2024.toml"
    )
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    indicateur_type = {ind: t for t, ind in ETAPES}
    return {
        int(annee): {indicateur_type[k]: int(v) for k, v in row.items() if k in indicateur_type}
        for annee, row in data["annees"].items()
    }


def table_for(territoire: str, echelle: float = 1.0) -> dict[int, dict[str, int]]:
    """The counts the demo files for ``territoire``: Paris's observatory table, else a plausible one;
    ``echelle`` scales every cell (rounded), for tests."""
    if territoire == "75":
        base = reference_table()
    else:
        rng = random.Random(f"table-{territoire}")  # noqa: S311
        base = {}
        for annee in range(2019, 2025):
            cdp = _PLAUSIBLE_CDP.get(territoire, 3_000) * (0.85 + 0.05 * (annee - 2019))
            base[annee] = {
                t: round(cdp * ratio * rng.uniform(0.9, 1.1)) for t, ratio in _PLAUSIBLE_RATIOS.items()
            }
    return {a: {t: round(n * echelle) for t, n in row.items()} for a, row in base.items()}


def _siret(seed: str) -> str:
    n = random.Random(seed).randrange(10**13)  # noqa: S311
    base = f"{n % 10**8:08d}"
    siren = base + luhn.calc_check_digit(base)
    nic = f"{(n // 10**8) % 10**4:04d}"
    return siren + nic + luhn.calc_check_digit(siren + nic)


@dataclass(frozen=True)
class DemoPartner:
    role: str  # caf, etude, prefecture, ccapex
    kind: str
    nom: str
    siret: str


def partners_for(territoire: str) -> list[DemoPartner]:
    """The fictitious partners that file a territory's demo acts (found again by SIRET on a second run)."""
    return [
        DemoPartner(role, kind, f"{nom} {territoire} (démo)", _siret(f"demo-{role}-{territoire}"))
        for role, kind, nom in (
            ("caf", "organisme_payeur", "CAF fictive"),
            ("etude", "commissaire_justice", "Étude fictive de commissaires de justice"),
            ("prefecture", "prefecture", "Préfecture fictive"),
            ("ccapex", "ccapex", "CCAPEX fictive"),
        )
    ]


#: Who files each type in the demo (a saisine: the CAF when it signalled the impayé, else the CCAPEX's
#: secretariat recording the household's own).
FILER: Final = {
    "signalement_impaye": "caf",
    "commandement_de_payer": "etude",
    "saisine_ccapex": "ccapex",
    "assignation": "etude",
    "decision_justice": "etude",
    "commandement_quitter_lieux": "etude",
    "requisition_cfp": "etude",
    "decision_cfp": "prefecture",
    "expulsion": "etude",
}
#: The order acts are filed in: the procedure's (each dossier receives its acts in legal order).
ORDRE: Final = (
    "signalement_impaye",
    "commandement_de_payer",
    "saisine_ccapex",
    "assignation",
    "decision_justice",
    "commandement_quitter_lieux",
    "requisition_cfp",
    "decision_cfp",
    "expulsion",
)


@dataclass
class Menage:
    rang: int
    parc: str
    categorie: str
    logement: dict[str, Any]
    occupants: list[dict[str, Any]]
    bail_signe: dt.date
    loyer: int
    charges: int
    bailleur: dict[str, Any]
    actes: dict[str, dt.date] = field(default_factory=dict)


@dataclass(frozen=True)
class DemoActe:
    type: str
    date: dt.date
    role: str
    body: dict[str, Any]


def _expulsion_window(annee: int) -> tuple[dt.date, dt.date]:
    """Outside the trêve hivernale (1 November - 31 March; prolonged in 2020 and 2021)."""
    start = _TREVE_PROLONGEE.get(annee, dt.date(annee, 3, 31)) + dt.timedelta(days=1)
    return start, dt.date(annee, 10, 31)


def _days(rng: random.Random, n: int, start: dt.date, end: dt.date) -> list[dt.date]:
    span = (end - start).days
    return sorted(start + dt.timedelta(days=rng.randint(0, span)) for _ in range(n))


def _link(
    rng: random.Random, previous: list[tuple[dt.date, int]], dates: list[dt.date], delay: tuple[int, int]
) -> list[int | None]:
    """For each date (sorted), an earlier act's dossier within ``delay`` days, or None; each used once."""
    lo, hi = delay
    out: list[int | None] = []
    available: list[tuple[dt.date, int]] = []
    i = 0
    for day in dates:
        while i < len(previous) and previous[i][0] <= day - dt.timedelta(days=lo):
            available.append(previous[i])
            i += 1
        oldest = day - dt.timedelta(days=hi)
        available = (
            [p for p in available if p[0] >= oldest] if available and available[0][0] < oldest else available
        )
        if available:
            out.append(available.pop(rng.randrange(len(available)))[1])
        else:
            out.append(None)
    return out


class _Households:
    def __init__(self, territoire: str, rng: random.Random) -> None:
        self.territoire = territoire
        self.rng = rng
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(rng.randrange(2**32))
        self.all: list[Menage] = []

    def new(self) -> Menage:
        rng = self.rng
        rang = len(self.all)
        roll = rng.random()
        parc, categorie = (
            ("social", "bailleur_social")
            if roll < 0.42
            else ("prive", rng.choice(("personne_physique", "personne_physique", "sci_familiale")))
        )
        code_postal, commune = rng.choice(_COMMUNES[self.territoire])
        loyer = rng.randrange(350, 1400) * 100 if parc == "prive" else rng.randrange(250, 750) * 100
        bailleur: dict[str, Any] = {"categorie": categorie}
        if categorie == "bailleur_social":
            bailleur["nom"] = f"Office public de l'habitat fictif {self.territoire}"
            bailleur["siren"] = _siret(f"demo-oph-{self.territoire}")[:9]
        else:
            bailleur["nom"] = self.fake.name()
        menage = Menage(
            rang=rang,
            parc=parc,
            categorie=categorie,
            logement={
                # The rank in the address: two fictitious households never share their keys.
                "adresse": f"{self.fake.street_address()}, logement {rang + 1}",
                "code_postal": code_postal,
                "code_commune": commune,
            },
            occupants=[{"nom": self.fake.last_name().upper(), "prenom": self.fake.first_name()}],
            bail_signe=dt.date(rng.randint(2005, 2018), rng.randint(1, 12), 1),
            loyer=loyer,
            charges=rng.randrange(30, 200) * 100,
            bailleur=bailleur,
        )
        self.all.append(menage)
        return menage


def generate(territoire: str, echelle: float = 1.0) -> list[Menage]:
    """The territory's households and the date of each of their acts (deterministic)."""
    table = table_for(territoire, echelle)
    rng = random.Random(f"prevex-demo-{territoire}")  # noqa: S311
    households = _Households(territoire, rng)
    previous: list[tuple[dt.date, int]] = []
    for acte_type, _indicateur in ETAPES:
        dates: list[dt.date] = []
        for annee, row in sorted(table.items()):
            start, end = (
                _expulsion_window(annee)
                if acte_type == "expulsion"
                else (dt.date(annee, 1, 1), dt.date(annee, 12, 31))
            )
            dates += _days(rng, row[acte_type], start, end)
        links = _link(rng, previous, dates, DELAIS[acte_type]) if acte_type in DELAIS else [None] * len(dates)
        current: list[tuple[dt.date, int]] = []
        for day, rang in zip(dates, links, strict=True):
            menage = households.all[rang] if rang is not None else households.new()
            menage.actes[acte_type] = day
            current.append((day, menage.rang))
        previous = sorted(current)
    return households.all


#: The stages a CDP cohort is followed to (as ``services/statistiques.COHORTE_ETAPES``).
COHORTE: Final = {
    "assignation": "assignation",
    "cql": "commandement_quitter_lieux",
    "requisition": "requisition_cfp",
    "expulsion": "expulsion",
}


def cohortes(menages: list[Menage]) -> dict[int, dict[str, int]]:
    """The demo's own design, followed as a CDP cohort: for each year N, the households whose CDP is dated
    in N (``effectif``), how many reached each later stage, and the median delay in days between the CDP
    and that stage (rounded half up, as ``services/statistiques`` rounds it: a numeric, not a float, whose ties
    PostgreSQL would round to even). What
    ``GET /v1/statistiques/indicateurs`` must give back in ``conversions_cohorte`` (parc total)."""
    delais: dict[tuple[int, str], list[int]] = {}
    out: dict[int, dict[str, int]] = {}
    for menage in menages:
        cdp = menage.actes.get("commandement_de_payer")
        if cdp is None:
            continue
        row = out.setdefault(cdp.year, {"effectif": 0, **dict.fromkeys(COHORTE, 0)})
        row["effectif"] += 1
        for etape, acte_type in COHORTE.items():
            if acte_type in menage.actes:
                row[etape] += 1
                delais.setdefault((cdp.year, etape), []).append((menage.actes[acte_type] - cdp).days)
    for (annee, etape), jours in delais.items():
        jours.sort()
        mid = len(jours) // 2
        median = jours[mid] if len(jours) % 2 else (jours[mid - 1] + jours[mid]) / 2
        out[annee][f"delai_median.{etape}"] = math.floor(median + 0.5)
    return out


def _dette(menage: Menage, day: dt.date) -> dict[str, int]:
    mois = max(2, min(36, (day.toordinal() + menage.rang) % 9 + 2))
    return {"montant_cents": mois * (menage.loyer + menage.charges), "mois_impayes_consecutifs": mois}


def actes_of(territoire: str, menage: Menage, sirets: Mapping[str, str]) -> Iterator[DemoActe]:
    """The acts of one household, in legal order, as the intake receives them."""
    tag = f"DEMO{territoire}-{menage.rang:07d}"
    common: dict[str, Any] = {
        "territoire": territoire,
        "parc": menage.parc,
        "logement": menage.logement,
        "occupants": menage.occupants,
    }
    etude = {"nom": f"Étude fictive de commissaires de justice {territoire} (démo)", "siret": sirets["etude"]}
    bail = {
        "date_signature": menage.bail_signe.isoformat(),
        "loyer_mensuel_hc_cents": menage.loyer,
        "charges_mensuelles_cents": menage.charges,
    }
    d = menage.actes

    def make(acte_type: str, day: dt.date, **facts: Any) -> DemoActe:
        body = {"type": acte_type, "reference": f"{tag}-{acte_type}", "date_acte": day.isoformat(), **common}
        return DemoActe(acte_type, day, FILER[acte_type], {**body, **facts})

    if "signalement_impaye" in d:
        day = d["signalement_impaye"]
        yield make("signalement_impaye", day, organisme="caf", dette=_dette(menage, day), tiers_payant=True)
    if "commandement_de_payer" in d:
        day = d["commandement_de_payer"]
        yield make(
            "commandement_de_payer",
            day,
            bailleur=menage.bailleur,
            bail=bail,
            dette=_dette(menage, day),
            commissaire=etude,
        )
    if "commandement_de_payer" in d and menage.rang % SAISINE_UN_SUR == 0:
        # One household in SAISINE_UN_SUR refers itself (or its CAF refers it) to the CCAPEX after the
        # CDP, before any assignation (served 61 days after the CDP at the earliest).
        day = d["commandement_de_payer"] + dt.timedelta(days=15 + menage.rang % 30)
        caf = "signalement_impaye" in d
        yield DemoActe(
            "saisine_ccapex",
            day,
            "caf" if caf else "ccapex",
            {
                "type": "saisine_ccapex",
                "reference": f"{tag}-saisine_ccapex",
                "date_acte": day.isoformat(),
                **common,
                "bailleur": menage.bailleur,
                "dette": _dette(menage, day),
                "motif": "impaye",
                "origine": "organisme_payeur" if caf else "menage",
                "stade": "commandement_de_payer",
            },
        )
    if "assignation" in d:
        day = d["assignation"]
        cql = d.get("commandement_quitter_lieux")
        audience = day + dt.timedelta(days=62 + menage.rang % 60)
        if cql is not None:  # the hearing, then the judgment, then its service: well before the CQL
            audience = min(audience, cql - dt.timedelta(days=45))
        yield make(
            "assignation",
            day,
            bailleur=menage.bailleur,
            dette=_dette(menage, day),
            date_audience=audience.isoformat(),
            motif="constat_clause_resolutoire",
            commissaire=etude,
        )
        if cql is not None and cql > audience + dt.timedelta(days=30):
            jugement = audience + dt.timedelta(days=min(21, (cql - audience).days - 30))
            yield make(
                "decision_justice",
                jugement,
                issue="resiliation_expulsion",
                contradictoire=menage.rang % 3 != 0,
                delais_grace_mois=3 if jugement < dt.date(2023, 7, 29) else 1,
            )
        elif cql is None and menage.rang % 2 == 0:
            yield make(
                "decision_justice",
                audience,
                issue="delais_paiement",
                contradictoire=True,
                delais_paiement_mois=24,
                mensualite_cents=max(100, _dette(menage, day)["montant_cents"] // 24),
            )
    if "commandement_quitter_lieux" in d:
        day = d["commandement_quitter_lieux"]
        yield make(
            "commandement_quitter_lieux",
            day,
            date_transmission_prefet=(day + dt.timedelta(days=2)).isoformat(),
            commissaire=etude,
        )
    if "requisition_cfp" in d:
        yield make("requisition_cfp", d["requisition_cfp"], voie_electronique=True, commissaire=etude)
    if "decision_cfp" in d:
        yield make("decision_cfp", d["decision_cfp"], decision="octroi", executee="expulsion" in d)
    if "expulsion" in d:
        yield make(
            "expulsion",
            d["expulsion"],
            avec_cfp=True,
            depart_avant_execution=False,
            relogement=("aucun", "hebergement", "logement_social")[menage.rang % 3],
        )


SAISINE_UN_SUR: Final = 6

#: What a CCAPEX session recommends, in turn, and how the follow-ups and outcomes come out (by rank).
_NATURES: Final = (
    "plan_apurement",
    "demande_fsl",
    "accompagnement_social",
    "demande_logement_social",
    "recours_dalo",
)
_STATUTS: Final = ("mise_en_oeuvre", "mise_en_oeuvre", "non_suivie", "en_cours", "sans_objet")
_ISSUES: Final = ("maintien", "maintien", "relogement", "depart")


def _seances(first: dt.date, last: dt.date) -> list[dt.date]:
    """One plenary session a month, the second Tuesday, from ``first``'s month to ``last``."""
    out: list[dt.date] = []
    year, month = first.year, first.month
    while True:
        day = dt.date(year, month, 8)
        day += dt.timedelta(days=(1 - day.weekday()) % 7)
        if day > last:
            return out
        if day >= first:
            out.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


async def remplir_ccapex(session: Any, territoire: str, ccapex_id: Any, today: dt.date) -> int:
    """The CCAPEX's work on the demo's saisines, as its secretariat would have recorded it: each dossier
    referred is examined at the first monthly session at least 14 days after its saisine, gets one
    recommendation (to the household) whose follow-up is recorded 2-5 months later, and 12 months after
    the session its outcome (an expulsion if one followed). ``today`` (``app/core/clock.today``) places
    it: no session after today, a follow-up or outcome only once its date has come (a session of the last
    6 months leaves its recommendation « en cours »). Written directly (historical records of the
    secretariat, not partner requests: no event, no audit), in the caller's transaction. Idempotent: a
    territory whose demo CCAPEX already holds sessions is left as it is. Returns the dossiers examined."""
    import uuid

    from sqlalchemy import func, insert, select

    from app.models.acte import Acte
    from app.models.bilan import Bilan
    from app.models.recommandation import Recommandation, RecommandationSuivi
    from app.models.seance import Seance, SeanceDossier

    done = await session.scalar(
        select(func.count())
        .select_from(Seance)
        .where(Seance.territoire == territoire, Seance.secretariat_id == ccapex_id)
    )
    if done:
        return 0
    prefix = f"DEMO{territoire}-"
    saisines = (
        await session.execute(
            select(Acte.reference, Acte.dossier_id, Acte.date_acte)
            .where(
                Acte.territoire == territoire,
                Acte.type == "saisine_ccapex",
                Acte.reference.startswith(prefix),
            )
            .order_by(Acte.date_acte, Acte.reference)
        )
    ).all()
    if not saisines:
        return 0
    expulsions = dict(
        (
            await session.execute(
                select(Acte.dossier_id, func.min(Acte.date_acte))
                .where(
                    Acte.territoire == territoire, Acte.type == "expulsion", Acte.reference.startswith(prefix)
                )
                .group_by(Acte.dossier_id)
            )
        ).all()
    )
    dates = _seances(saisines[0].date_acte, today)
    seances: dict[dt.date, uuid.UUID] = {}
    ordre, recommandations, suivis, bilans = [], [], [], []
    for reference, dossier_id, saisine in saisines:
        rang = int(reference.split("-")[1])
        jour = next((d for d in dates if d >= saisine + dt.timedelta(days=14)), None)
        if jour is None:
            continue
        if jour not in seances:
            seances[jour] = uuid.uuid5(uuid.NAMESPACE_URL, f"prevex-demo-seance-{territoire}-{jour}")
        at = dt.datetime.combine(jour, dt.time(10), tzinfo=dt.UTC)
        ordre.append(
            {
                "seance_id": seances[jour],
                "dossier_id": dossier_id,
                "ajoute_le": at - dt.timedelta(days=10),
                "issue": "examine",
                "avis": "Dossier examiné en séance (démo).",
                "issue_le": at,
            }
        )
        rec_id = uuid.uuid5(uuid.NAMESPACE_URL, f"prevex-demo-recommandation-{reference}")
        suivi = jour + dt.timedelta(days=60 + rang % 90)
        statut = _STATUTS[rang % len(_STATUTS)] if suivi <= today else "en_cours"
        six_mois = _add_months(jour, 6)
        recommandations.append(
            {
                "id": rec_id,
                "dossier_id": dossier_id,
                "emetteur_id": ccapex_id,
                "destinataire_id": None,
                "destinataire_menage": True,
                "nature": _NATURES[rang % len(_NATURES)],
                "texte": "Recommandation de la séance (démo).",
                "echeance": None,
                "seance_id": seances[jour],
                "date_reference": jour,
                "statut": statut,
                "statut_le": dt.datetime.combine(suivi, dt.time(9), tzinfo=dt.UTC)
                if statut != "en_cours"
                else at,
                # The 6-month reminder, sent at the time for one still in progress (not again by the worker).
                "rappel_le": dt.datetime.combine(six_mois, dt.time(8), tzinfo=dt.UTC)
                if statut == "en_cours" and six_mois <= today
                else None,
                "created_at": at,
            }
        )
        if statut != "en_cours":
            suivis.append(
                {
                    "recommandation_id": rec_id,
                    "statut": statut,
                    "date": suivi,
                    "commentaire": None,
                    "partner_id": ccapex_id,
                    "at": dt.datetime.combine(suivi, dt.time(9), tzinfo=dt.UTC),
                }
            )
        un_an = _add_months(jour, 12)
        if un_an <= today:
            expulsion = expulsions.get(dossier_id)
            issue = (
                "expulsion" if expulsion is not None and expulsion > jour else _ISSUES[rang % len(_ISSUES)]
            )
            le = dt.datetime.combine(un_an, dt.time(9), tzinfo=dt.UTC)
            bilans.append(
                {
                    "dossier_id": dossier_id,
                    "seance_id": seances[jour],
                    "seance_date": jour,
                    "demande_le": le,
                    "issue": issue,
                    "surendettement": rang % 7 == 0,
                    "fsl": rang % 3 == 0,
                    "pcs": rang % 11 == 0,
                    "renseigne_le": le + dt.timedelta(days=20),
                    "renseigne_par": ccapex_id,
                }
            )
    await session.execute(
        insert(Seance),
        [
            {
                "id": i,
                "territoire": territoire,
                "date": d,
                "formation": "pleniere",
                "secretariat_id": ccapex_id,
                "created_at": dt.datetime.combine(d, dt.time(9), tzinfo=dt.UTC) - dt.timedelta(days=30),
            }
            for d, i in seances.items()
        ],
    )
    for model, rows in (
        (SeanceDossier, ordre),
        (Recommandation, recommandations),
        (RecommandationSuivi, suivis),
        (Bilan, bilans),
    ):
        if rows:
            await session.execute(insert(model), rows)
    return len(ordre)


def shard_of(acte: DemoActe, shards: int) -> int:
    """Which of ``shards`` filers files this act: all of a household's acts go to the same one, so each
    household still receives its acts in legal order."""
    return int(str(acte.body["reference"]).split("-")[1]) % shards


@cache
def _order() -> dict[str, int]:
    return {t: i for i, t in enumerate(ORDRE)}


def demo_acts(territoire: str, sirets: Mapping[str, str], echelle: float = 1.0) -> list[DemoActe]:
    """Every act of the territory's demo, in filing order: by type in the procedure's order, then date."""
    acts = [a for menage in generate(territoire, echelle) for a in actes_of(territoire, menage, sirets)]
    rank = _order()
    acts.sort(key=lambda a: (rank[a.type], a.date, a.body["reference"]))
    return acts


__all__ = [
    "COHORTE",
    "ETAPES",
    "TERRITOIRES_DEMO",
    "DemoActe",
    "DemoPartner",
    "cohortes",
    "demo_acts",
    "generate",
    "partners_for",
    "remplir_ccapex",
    "shard_of",
    "table_for",
]
