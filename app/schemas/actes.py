"""The typed procedure acts: the public contract of ``POST /v1/actes``.

One pydantic model per act type (DOMAIN.md §2), all joined in :data:`Acte`, a union
discriminated on ``type``. Bodies are validated with
``ACTE_ADAPTER.validate_json(raw_bytes, strict=True)``; errors are turned into JSON pointers by
:func:`app.schemas.errors.validation_errors`.

Every act carries the same envelope (``type``, ``reference``, ``territoire``, ``date_acte``,
optional ``dossier_id`` and ``recu_le``) and may carry the household facts it knows (``parc``,
``logement``, ``bail``, ``bailleur``, ``occupants``, ``dette``): any act can be the first one a
dossier receives ("dites-le nous une fois"). The act-specific facts follow.

Each class also declares, once, its **policy** (``politique``, a
:class:`~app.schemas.politiques.PolitiqueActe`): who may file it, the stage it leads to, whether it
is sensitive, who reads its content, its fields by group. :data:`POLITIQUES` is that registry, in
procedure order; scopes, the need-to-know view, the dossier's stage and the rule files read it (see
:mod:`app.schemas.politiques`).
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from typing import Annotated, Any, ClassVar, Final, Literal, Union, get_args

from pydantic import ConfigDict, Field, StrictBool, StrictInt, TypeAdapter

from app.core.kinds import PARTNER_KINDS
from app.schemas.common import (
    MAX_OCCUPANTS,
    Bail,
    BailCommandement,
    Bailleur,
    BailleurQualifie,
    Cents,
    Dette,
    DetteCommandement,
    EtudeCommissaire,
    Incoherences,
    Jour,
    Logement,
    Mois,
    Occupant,
    Parc,
    Reference,
    StrictModel,
    Territoire,
    Texte,
    UtcDatetime,
    departement_of_commune,
)
from app.schemas.politiques import (
    BAILLEURS,
    CHAMPS_COMMUNS,
    EXAMEN_SOCIAL,
    INSTANCES,
    PARTIES,
    PAYEUR,
    PolitiqueActe,
)

__all__ = [
    "ACTE_ADAPTER",
    "ACTE_CLASSES",
    "ACTE_TYPES",
    "DEPOSANTS",
    "EXEMPLES",
    "FAITS_MENAGE",
    "POLITIQUES",
    "Acte",
    "ActeBase",
    "Assignation",
    "Cloture",
    "CommandementDePayer",
    "CommandementQuitterLieux",
    "DecisionApl",
    "DecisionCfp",
    "DecisionDalo",
    "DecisionFsl",
    "DecisionJustice",
    "DiagnosticSocialFinancier",
    "Expulsion",
    "PlanApurement",
    "ProtocoleCohesionSociale",
    "RequisitionCfp",
    "SaisineCcapex",
    "SignalementImpaye",
    "Surendettement",
]


# --------------------------------------------------------------------------------------------
# Envelope and household facts shared by every act
# --------------------------------------------------------------------------------------------


class ActeBase(StrictModel):
    """Fields every act carries. Subclasses narrow ``type`` (the discriminator), declare their
    ``politique`` and add their facts."""

    #: The act type's policy: every subclass declares its own (no default, so none can be forgotten).
    politique: ClassVar[PolitiqueActe]

    type: str = Field(description="The act type (discriminator).")
    reference: Reference = Field(
        description="The filing partner's own identifier of the act (idempotency: same reference, same act)."
    )
    territoire: Territoire = Field(description="Département code: 01-19, 21-95, 2A, 2B, 971-976.")
    date_acte: Jour = Field(description="The act's own date (service, decision, signature), ISO 8601.")
    dossier_id: uuid.UUID | None = Field(
        default=None, description="The Prevex dossier this act belongs to, when the partner knows it."
    )
    recu_le: UtcDatetime | None = Field(
        default=None,
        description="Receipt time (UTC). Only in a simulation: on a real filing the server sets it.",
    )
    parc: Parc | None = Field(default=None, description="social or prive.")
    logement: Logement | None = None
    bail: Bail | None = None
    bailleur: Bailleur | None = None
    occupants: Annotated[tuple[Occupant, ...], Field(max_length=MAX_OCCUPANTS)] | None = Field(
        default=None, description=f"At most {MAX_OCCUPANTS} occupants."
    )
    dette: Dette | None = None

    def _verifier(self, issues: Incoherences) -> None:
        super()._verifier(issues)
        if self.logement is not None and self.logement.code_commune is not None:
            dept = departement_of_commune(self.logement.code_commune)
            if dept != self.territoire:
                issues.add(
                    ("logement", "code_commune"),
                    f"commune {self.logement.code_commune} is in département {dept}, "
                    f"not in territoire {self.territoire}",
                    self.logement.code_commune,
                )
        categorie = self.bailleur.categorie if self.bailleur is not None else None
        if self.parc == "prive" and categorie == "bailleur_social":
            issues.add(
                ("parc",), "a bailleur_social landlord belongs to the parc social, not prive", self.parc
            )
        if self.parc == "social" and categorie in ("personne_physique", "sci_familiale"):
            issues.add(("parc",), f"a {categorie} landlord belongs to the parc prive, not social", self.parc)
        if self.bail is not None and self.bail.date_signature is not None:
            if self.bail.date_signature > self.date_acte:
                issues.add(
                    ("bail", "date_signature"),
                    f"the lease cannot be signed after the act's date ({self.date_acte.isoformat()})",
                    self.bail.date_signature.isoformat(),
                )
        if self.bail is not None and self.bail.date_renouvellement is not None:
            if self.bail.date_renouvellement > self.date_acte:
                issues.add(
                    ("bail", "date_renouvellement"),
                    f"the lease cannot be renewed after the act's date ({self.date_acte.isoformat()})",
                    self.bail.date_renouvellement.isoformat(),
                )
            signed = self.bail.date_signature
            if signed is not None and self.bail.date_renouvellement < signed:
                issues.add(
                    ("bail", "date_renouvellement"),
                    f"the lease cannot be renewed before it was signed ({signed.isoformat()})",
                    self.bail.date_renouvellement.isoformat(),
                )


def _not_before(
    issues: Incoherences,
    field: str,
    value: dt.date | None,
    other_field: str,
    other: dt.date | None,
) -> None:
    """Report ``field`` if it is before ``other_field`` (both set)."""
    if value is not None and other is not None and value < other:
        issues.add(
            (field,), f"{field} cannot be before {other_field} ({other.isoformat()})", value.isoformat()
        )


# --------------------------------------------------------------------------------------------
# Examples (fictitious: names, addresses, SIREN/SIRET with a valid Luhn key, ARCEP fiction
# phone numbers, example.org addresses). Real INSEE commune codes.
# --------------------------------------------------------------------------------------------

_LOGEMENT_93: Final[dict[str, Any]] = {
    "adresse": "12 rue des Exemples, bâtiment B, 3e étage",
    "code_postal": "93100",
    "code_commune": "93048",
}
_OCCUPANTS: Final[list[dict[str, Any]]] = [
    {
        "nom": "EXEMPLE",
        "prenom": "Camille",
        "date_naissance": "1985-04-12",
        "telephone": "0639981234",
        "email": "camille.exemple@example.org",
    }
]
_BAILLEUR_SCI: Final[dict[str, Any]] = {
    "categorie": "sci_familiale",
    "nom": "SCI DES TILLEULS FICTIFS",
    "siren": "123456782",
}
_BAILLEUR_SOCIAL: Final[dict[str, Any]] = {
    "categorie": "bailleur_social",
    "nom": "OPH Fictif de l'Est parisien",
    "siren": "987654324",
}
_ETUDE: Final[dict[str, Any]] = {"nom": "Étude Fictive, commissaires de justice", "siret": "55512345400012"}


def _ex(type_: str, reference: str, date_acte: str, **facts: Any) -> dict[str, Any]:
    body = {"type": type_, "reference": reference, "territoire": "93", "date_acte": date_acte, **facts}
    return copy.deepcopy(body)


# --------------------------------------------------------------------------------------------
# The acts
# --------------------------------------------------------------------------------------------

OrganismePayeur = Literal["caf", "msa"]


class SignalementImpaye(ActeBase):
    """Unpaid-rent signal (impayé), by the organisme payeur (CAF/MSA) or the landlord.

    ``date_acte``: the date the signal is made.
    """

    type: Literal["signalement_impaye"]
    politique = PolitiqueActe(
        # The CAF/MSA's alert; a landlord signals the impayé to the CAF (within 2 months of it).
        deposants={"bailleur_social", "bailleur_prive", "organisme_payeur"},
        stade="pre_contentieux",
        lecteurs=EXAMEN_SOCIAL | PAYEUR,  # not the préfecture: before the assignation (docs/protection.md §2)
        champs={
            "aides_logement": ("organisme", "numero_allocataire", "tiers_payant", "aide_mensuelle_cents")
        },
    )
    organisme: OrganismePayeur | None = Field(default=None, description="caf or msa.")
    numero_allocataire: (
        Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9]+$")] | None
    ) = Field(default=None, description="The household's allocataire number at the CAF/MSA.")
    tiers_payant: StrictBool | None = Field(
        default=None, description="Housing aid paid to the landlord (tiers payant): debt assessed net of aid."
    )
    aide_mensuelle_cents: Cents | None = Field(default=None, description="Monthly housing aid (APL/AL).")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "signalement_impaye",
                    "CAF93-IMP-2025-000123",
                    "2025-03-03",
                    parc="prive",
                    logement=_LOGEMENT_93,
                    bail={"loyer_mensuel_hc_cents": 72000, "charges_mensuelles_cents": 8000},
                    occupants=[{"nom": "EXEMPLE", "prenom": "Camille"}],
                    dette={"montant_cents": 160000, "mois_impayes_consecutifs": 2},
                    organisme="caf",
                    numero_allocataire="1234567",
                    tiers_payant=True,
                    aide_mensuelle_cents=25000,
                )
            ]
        }
    )


class CommandementDePayer(ActeBase):
    """Commandement de payer (CDP) served by a commissaire de justice, signalled to the CCAPEX.

    ``date_acte``: the date the CDP was served (date de signification).
    """

    type: Literal["commandement_de_payer"]
    politique = PolitiqueActe(
        # The étude serves it and signals it to the CCAPEX.
        deposants={"commissaire_justice"},
        stade="pre_contentieux",
        lecteurs=EXAMEN_SOCIAL | PAYEUR | PARTIES,  # not the préfecture: before the assignation
        champs={"procedure": ("commissaire",)},
    )
    bailleur: BailleurQualifie
    bail: BailCommandement
    dette: DetteCommandement
    commissaire: EtudeCommissaire | None = None

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "commandement_de_payer",
                    "ETUDE-FICTIVE-CDP-2025-0042",
                    "2025-03-10",
                    parc="prive",
                    logement=_LOGEMENT_93,
                    bail={
                        "date_signature": "2021-09-01",
                        "loyer_mensuel_hc_cents": 85000,
                        "charges_mensuelles_cents": 9000,
                    },
                    bailleur=_BAILLEUR_SCI,
                    occupants=_OCCUPANTS,
                    dette={"montant_cents": 282000, "mois_impayes_consecutifs": 3},
                    commissaire=_ETUDE,
                )
            ]
        }
    )


MotifSaisine = Literal[
    "impaye",
    "troubles_jouissance",
    "conge_vente",
    "conge_reprise",
    "occupation_sans_droit_ni_titre",
    "autre",
]
OrigineSaisine = Literal[
    "bailleur_social",
    "bailleur_prive",
    "menage",
    "organisme_payeur",
    "departement",
    "commission_locale",
    "prefecture",
    "autre",
]
StadeProcedure = Literal[
    "avant_commandement",
    "commandement_de_payer",
    "assignation",
    "decision_justice",
    "commandement_quitter_lieux",
    "concours_force_publique",
]


class SaisineCcapex(ActeBase):
    """Referral to the CCAPEX (by a bailleur personne morale, any member, or the household).

    ``date_acte``: the date of the saisine. For a bailleur personne morale it opens the 2-month
    period before an assignation is admissible.
    """

    type: Literal["saisine_ccapex"]
    politique = PolitiqueActe(
        # A bailleur before assignation (art. 24 II), a private owner directly; the CAF/MSA refers the
        # non-paying allocataire (CCH L824-2, since 2023); the secretariat records the saisines it
        # receives (household, paper); the département as a CCAPEX member; a local commission sends a
        # complex case up; ADIL, COMED, SIAO, Action Logement alerts ("other"). Never the commissaire.
        deposants={
            "bailleur_social",
            "bailleur_prive",
            "organisme_payeur",
            "ccapex",
            "departement",
            "commission_locale",
            "other",
        },
        stade="pre_contentieux",
        lecteurs=EXAMEN_SOCIAL | PAYEUR | BAILLEURS,  # not the préfecture: before the assignation
        champs={"procedure": ("motif", "origine", "stade")},
    )
    motif: MotifSaisine
    origine: OrigineSaisine
    stade: StadeProcedure | None = Field(default=None, description="Stage of the procedure at the saisine.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "saisine_ccapex",
                    "OPH-FICTIF-SAISINE-2025-017",
                    "2025-01-15",
                    parc="social",
                    logement=_LOGEMENT_93,
                    bailleur=_BAILLEUR_SOCIAL,
                    dette={"montant_cents": 310000, "mois_impayes_consecutifs": 5},
                    motif="impaye",
                    origine="bailleur_social",
                    stade="avant_commandement",
                )
            ]
        }
    )


MotifAssignation = Literal[
    "constat_clause_resolutoire",
    "resiliation_impaye",
    "resiliation_troubles",
    "validite_conge",
    "occupation_sans_droit_ni_titre",
    "autre",
]


class Assignation(ActeBase):
    """Assignation (summons) notified to the préfet, at least 6 weeks before the hearing.

    ``date_acte``: the date the assignation was served. ``date_audience`` must be after it.
    """

    type: Literal["assignation"]
    politique = PolitiqueActe(
        # The étude serves it; a bailleur files it on a counter-claim (art. 24 IV: the landlord then
        # notifies the préfet). The CAF/MSA is never a party to the litigation.
        deposants={"commissaire_justice", "bailleur_social", "bailleur_prive"},
        stade="contentieux",
        lecteurs=INSTANCES | PAYEUR | PARTIES,
        champs={"procedure": ("date_audience", "tribunal", "motif", "reconventionnelle", "commissaire")},
    )
    date_audience: Jour = Field(description="Hearing date, strictly after date_acte.")
    tribunal: Texte | None = Field(default=None, description="The court (e.g. tribunal de proximité).")
    motif: MotifAssignation | None = None
    reconventionnelle: StrictBool | None = Field(
        default=None, description="Counter-claim or additional claim: the landlord notifies the préfet."
    )
    commissaire: EtudeCommissaire | None = None

    def _verifier(self, issues: Incoherences) -> None:
        super()._verifier(issues)
        if self.date_audience <= self.date_acte:
            issues.add(
                ("date_audience",),
                f"the hearing must be after the assignation's date ({self.date_acte.isoformat()})",
                self.date_audience.isoformat(),
            )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "assignation",
                    "ETUDE-FICTIVE-ASS-2025-0108",
                    "2025-05-05",
                    parc="prive",
                    logement=_LOGEMENT_93,
                    bailleur=_BAILLEUR_SCI,
                    occupants=_OCCUPANTS,
                    dette={"montant_cents": 451000, "mois_impayes_consecutifs": 5},
                    date_audience="2025-07-08",
                    tribunal="Tribunal de proximité de Montreuil",
                    motif="constat_clause_resolutoire",
                    reconventionnelle=False,
                    commissaire=_ETUDE,
                )
            ]
        }
    )


class DiagnosticSocialFinancier(ActeBase):
    """Diagnostic social et financier (DSF), by the département or its operator.

    ``date_acte``: the date the DSF was established. Interview offered within 15 working days of
    the referral; sent to the judge and the CCAPEX at least 5 working days before the hearing.
    """

    type: Literal["diagnostic_social_financier"]
    politique = PolitiqueActe(
        # The département's social services or its operator (EMPEX). Its content stays with those who
        # examine the case under the CCAPEX's secrecy: not the préfecture, the CAF or the parties.
        deposants={"departement"},
        stade="contentieux",
        lecteurs=EXAMEN_SOCIAL,
        sensible=True,
        champs={
            "dsf_social": (
                "date_demande",
                "date_entretien",
                "non_presentation",
                "date_transmission",
                "connu_services_sociaux",
            )
        },
    )
    date_demande: Jour | None = Field(default=None, description="Date of the préfet's referral.")
    date_entretien: Jour | None = Field(default=None, description="Interview date (absent on a no-show).")
    non_presentation: StrictBool | None = Field(default=None, description="The household did not come.")
    date_transmission: Jour | None = Field(default=None, description="Date sent to the judge and the CCAPEX.")
    connu_services_sociaux: StrictBool | None = Field(
        default=None, description="Household already known to the social services."
    )

    def _verifier(self, issues: Incoherences) -> None:
        super()._verifier(issues)
        if self.non_presentation is True and self.date_entretien is not None:
            issues.add(
                ("date_entretien",),
                "no interview date when non_presentation is true",
                self.date_entretien.isoformat(),
            )
        _not_before(issues, "date_entretien", self.date_entretien, "date_demande", self.date_demande)
        _not_before(issues, "date_transmission", self.date_transmission, "date_demande", self.date_demande)
        _not_before(
            issues, "date_transmission", self.date_transmission, "date_entretien", self.date_entretien
        )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "diagnostic_social_financier",
                    "CD93-DSF-2025-004512",
                    "2025-06-10",
                    parc="prive",
                    logement=_LOGEMENT_93,
                    date_demande="2025-05-12",
                    date_entretien="2025-05-28",
                    non_presentation=False,
                    date_transmission="2025-06-10",
                    connu_services_sociaux=False,
                )
            ]
        }
    )


IssueDecision = Literal["delais_paiement", "resiliation_expulsion", "rejet", "renvoi", "radiation", "autre"]


class DecisionJustice(ActeBase):
    """Court decision on the lease (from the judgment).

    ``date_acte``: the date of the decision. ``delais_paiement_mois`` (up to 36) and
    ``mensualite_cents`` only with ``issue=delais_paiement``; ``delais_grace_mois`` only with
    ``issue=resiliation_expulsion``.
    """

    type: Literal["decision_justice"]
    politique = PolitiqueActe(
        # The judgment, filed by the étude that serves it or the bailleur that obtained it.
        deposants={"commissaire_justice", "bailleur_social", "bailleur_prive"},
        stade="contentieux",
        lecteurs=INSTANCES | PAYEUR | PARTIES,
        champs={
            "procedure": ("issue", "contradictoire", "tribunal", "delais_grace_mois"),
            "apurement": ("delais_paiement_mois", "mensualite_cents"),
        },
    )
    issue: IssueDecision
    contradictoire: StrictBool | None = Field(
        default=None, description="Both parties appeared or were represented."
    )
    tribunal: Texte | None = None
    delais_paiement_mois: Annotated[StrictInt, Field(ge=1, le=36)] | None = Field(
        default=None, description="Délais de paiement granted, up to 3 years."
    )
    mensualite_cents: Cents | None = Field(default=None, description="Monthly instalment on the debt.")
    delais_grace_mois: Annotated[StrictInt, Field(ge=1, le=36)] | None = Field(
        default=None,
        description="Délais de grâce before eviction (1-12 months since 29 July 2023, 3-36 before).",
    )

    def _verifier(self, issues: Incoherences) -> None:
        super()._verifier(issues)
        if self.issue != "delais_paiement":
            for field in ("delais_paiement_mois", "mensualite_cents"):
                value = getattr(self, field)
                if value is not None:
                    issues.add((field,), f"{field} only goes with issue=delais_paiement", value)
        if self.issue != "resiliation_expulsion" and self.delais_grace_mois is not None:
            issues.add(
                ("delais_grace_mois",),
                "delais_grace_mois only goes with issue=resiliation_expulsion",
                self.delais_grace_mois,
            )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "decision_justice",
                    "ETUDE-FICTIVE-JUG-2025-0077",
                    "2025-07-08",
                    parc="prive",
                    dette={"montant_cents": 451000},
                    issue="delais_paiement",
                    contradictoire=True,
                    tribunal="Tribunal de proximité de Montreuil",
                    delais_paiement_mois=24,
                    mensualite_cents=18800,
                )
            ]
        }
    )


class ProtocoleCohesionSociale(ActeBase):
    """Protocole de cohésion sociale (PCS), signed by a bailleur social with its tenant.

    ``date_acte``: the signature date.
    """

    type: Literal["protocole_cohesion_sociale"]
    politique = PolitiqueActe(
        # A bailleur social instrument: no private owner signs a PCS.
        deposants={"bailleur_social"},
        stade="pre_contentieux",
        lecteurs=INSTANCES | {"bailleur_social"},
        champs={"apurement": ("duree_mois", "renouvellement")},
    )
    duree_mois: Annotated[StrictInt, Field(ge=1, le=60)] | None = Field(
        default=None, description="Duration (2 years, renewable)."
    )
    renouvellement: StrictBool | None = Field(default=None, description="This PCS renews a previous one.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "protocole_cohesion_sociale",
                    "OPH-FICTIF-PCS-2025-003",
                    "2025-09-01",
                    parc="social",
                    bailleur=_BAILLEUR_SOCIAL,
                    logement=_LOGEMENT_93,
                    duree_mois=24,
                    renouvellement=False,
                )
            ]
        }
    )


class CommandementQuitterLieux(ActeBase):
    """Commandement de quitter les lieux (CQL): no eviction before CQL + 2 months.

    ``date_acte``: the date the CQL was served.
    """

    type: Literal["commandement_quitter_lieux"]
    politique = PolitiqueActe(
        deposants={"commissaire_justice"},
        stade="execution",
        lecteurs=INSTANCES | PARTIES,
        champs={"procedure": ("date_transmission_prefet", "commissaire")},
    )
    date_transmission_prefet: Jour | None = Field(
        default=None, description="Date sent to the préfet (if not, the eviction period is suspended)."
    )
    commissaire: EtudeCommissaire | None = None

    def _verifier(self, issues: Incoherences) -> None:
        super()._verifier(issues)
        _not_before(
            issues, "date_transmission_prefet", self.date_transmission_prefet, "date_acte", self.date_acte
        )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "commandement_quitter_lieux",
                    "ETUDE-FICTIVE-CQL-2025-0031",
                    "2025-10-02",
                    parc="prive",
                    logement=_LOGEMENT_93,
                    date_transmission_prefet="2025-10-03",
                    commissaire=_ETUDE,
                )
            ]
        }
    )


class RequisitionCfp(ActeBase):
    """Réquisition of the concours de la force publique (CFP), filed with the préfet.

    ``date_acte``: the filing date. A paper réquisition is not valid (CE 29 Nov 2022): it is
    accepted here with ``voie_electronique=false`` and the rules engine raises an alert.
    """

    type: Literal["requisition_cfp"]
    politique = PolitiqueActe(
        deposants={"commissaire_justice"},
        stade="execution",
        lecteurs=INSTANCES | PARTIES,
        champs={"procedure": ("voie_electronique", "commissaire")},
    )
    voie_electronique: StrictBool | None = Field(default=None, description="Filed electronically.")
    commissaire: EtudeCommissaire | None = None

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "requisition_cfp",
                    "ETUDE-FICTIVE-CFP-2026-0005",
                    "2026-04-07",
                    parc="prive",
                    logement=_LOGEMENT_93,
                    voie_electronique=True,
                    commissaire=_ETUDE,
                )
            ]
        }
    )


class DecisionCfp(ActeBase):
    """The préfet's decision on a réquisition CFP (silence for 2 months is a refusal).

    ``date_acte``: the decision date. ``executee`` only for an ``octroi``.
    """

    type: Literal["decision_cfp"]
    politique = PolitiqueActe(
        # Préfecture, sous-préfecture or Préfecture de Police.
        deposants={"prefecture"},
        stade="execution",
        lecteurs=INSTANCES | PARTIES,
        champs={"procedure": ("decision", "executee")},
    )
    decision: Literal["octroi", "refus", "sursis"]
    executee: StrictBool | None = Field(default=None, description="The eviction with the CFP took place.")

    def _verifier(self, issues: Incoherences) -> None:
        super()._verifier(issues)
        if self.executee is True and self.decision != "octroi":
            issues.add(("executee",), f"a CFP decision '{self.decision}' cannot be executed", True)

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "decision_cfp",
                    "PREF93-CFP-2026-00871",
                    "2026-05-20",
                    parc="prive",
                    logement=_LOGEMENT_93,
                    decision="octroi",
                    executee=False,
                )
            ]
        }
    )


Relogement = Literal["aucun", "logement_social", "logement_prive", "hebergement", "autre"]


class Expulsion(ActeBase):
    """Eviction (or departure before it), by the commissaire or the préfecture.

    ``date_acte``: the date of the eviction (or of the recorded departure).
    """

    type: Literal["expulsion"]
    politique = PolitiqueActe(
        # The étude records the eviction it carried out, the préfecture the one it assisted.
        deposants={"commissaire_justice", "prefecture"},
        stade="clos",
        lecteurs=INSTANCES | PARTIES,
        champs={"procedure": ("avec_cfp", "depart_avant_execution"), "relogement": ("relogement",)},
    )
    avec_cfp: StrictBool | None = Field(default=None, description="Carried out with the force publique.")
    depart_avant_execution: StrictBool | None = Field(
        default=None, description="The household left before the eviction was carried out."
    )
    relogement: Relogement | None = Field(default=None, description="aucun means 'sans solution'.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "expulsion",
                    "ETUDE-FICTIVE-EXP-2026-0012",
                    "2026-06-16",
                    parc="prive",
                    logement=_LOGEMENT_93,
                    avec_cfp=True,
                    depart_avant_execution=False,
                    relogement="hebergement",
                )
            ]
        }
    )


class DecisionFsl(ActeBase):
    """Fonds de solidarité pour le logement (FSL) decision, by the département.

    ``date_acte``: the decision date. No amount on a refusal.
    """

    type: Literal["decision_fsl"]
    politique = PolitiqueActe(
        # The département runs the FSL.
        deposants={"departement"},
        stade="pre_contentieux",
        lecteurs=INSTANCES | PAYEUR,
        sensible=True,
        champs={"aide_fsl": ("decision", "forme", "montant_accorde_cents")},
    )
    decision: Literal["accord", "refus", "ajournement"]
    forme: Literal["subvention", "pret", "mixte"] | None = None
    montant_accorde_cents: Cents | None = None

    def _verifier(self, issues: Incoherences) -> None:
        super()._verifier(issues)
        if self.decision != "accord" and self.montant_accorde_cents:
            issues.add(
                ("montant_accorde_cents",),
                f"no amount granted on a decision '{self.decision}'",
                self.montant_accorde_cents,
            )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "decision_fsl",
                    "CD93-FSL-2025-010203",
                    "2025-06-25",
                    parc="prive",
                    dette={"montant_cents": 451000, "mois_impayes_consecutifs": 5},
                    decision="accord",
                    forme="mixte",
                    montant_accorde_cents=200000,
                )
            ]
        }
    )


StatutSurendettement = Literal[
    "depot",
    "recevable",
    "irrecevable",
    "plan_conventionnel",
    "mesures_imposees",
    "retablissement_personnel",
]


class Surendettement(ActeBase):
    """Over-indebtedness procedure (Banque de France commission).

    ``date_acte``: the date of the commission's decision. After a ``retablissement_personnel``
    the clause résolutoire is suspended for 2 years.
    """

    type: Literal["surendettement"]
    politique = PolitiqueActe(
        # The Banque de France (kind "other").
        deposants={"other"},
        stade="pre_contentieux",
        lecteurs=INSTANCES,
        sensible=True,
        champs={"surendettement": ("statut",)},
    )
    statut: StatutSurendettement

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "surendettement",
                    "BDF-93-2025-SUR-4411",
                    "2025-06-02",
                    statut="recevable",
                    dette={"montant_cents": 451000},
                )
            ]
        }
    )


class DecisionDalo(ActeBase):
    """DALO decision of the commission de médiation (COMED).

    ``date_acte``: the decision date. A household recognised prioritaire et urgent must get an
    offer within 6 months.
    """

    type: Literal["decision_dalo"]
    politique = PolitiqueActe(
        # The COMED (kind "other"), or the State that holds its secretariat (the Préfecture de Police
        # signals DALO households at the CFP stage).
        deposants={"prefecture", "other"},
        stade="pre_contentieux",
        lecteurs=INSTANCES,
        sensible=True,
        champs={"relogement": ("prioritaire_urgent",)},
    )
    prioritaire_urgent: StrictBool = Field(description="Recognised prioritaire et urgent (PU DALO).")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "decision_dalo",
                    "COMED93-2025-07781",
                    "2025-11-13",
                    prioritaire_urgent=True,
                )
            ]
        }
    )


class DecisionApl(ActeBase):
    """The CCAPEX's decision to maintain or suspend housing aid (since the 2023 law).

    ``date_acte``: the decision date.
    """

    type: Literal["decision_apl"]
    politique = PolitiqueActe(
        # The CCAPEX's since 2023, not the CAF's; the CAF reads it.
        deposants={"ccapex"},
        stade="pre_contentieux",
        lecteurs=INSTANCES | PAYEUR,
        sensible=True,
        champs={"aides_logement": ("decision", "numero_allocataire")},
    )
    decision: Literal["maintien", "suspension"]
    numero_allocataire: (
        Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9]+$")] | None
    ) = None

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "decision_apl",
                    "CCAPEX93-APL-2025-0456",
                    "2025-04-17",
                    parc="prive",
                    decision="maintien",
                    numero_allocataire="1234567",
                )
            ]
        }
    )


class PlanApurement(ActeBase):
    """Repayment plan (plan d'apurement) agreed for the debt.

    ``date_acte``: the date the plan was signed.
    """

    type: Literal["plan_apurement"]
    politique = PolitiqueActe(
        deposants={"bailleur_social", "bailleur_prive", "organisme_payeur"},
        stade="pre_contentieux",
        lecteurs=INSTANCES | PAYEUR | BAILLEURS,
        champs={"apurement": ("montant_mensuel_cents", "duree_mois")},
    )
    montant_mensuel_cents: Cents | None = Field(default=None, description="Monthly repayment.")
    duree_mois: Annotated[Mois, Field(ge=1)] | None = Field(default=None, description="Duration in months.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "plan_apurement",
                    "CAF93-PLAN-2025-000321",
                    "2025-04-01",
                    parc="prive",
                    dette={"montant_cents": 160000, "mois_impayes_consecutifs": 2},
                    montant_mensuel_cents=8000,
                    duree_mois=20,
                )
            ]
        }
    )


class Cloture(ActeBase):
    """The case is closed (debt paid, household left, rehoused, other).

    ``date_acte``: the closure date.
    """

    type: Literal["cloture"]
    politique = PolitiqueActe(
        # A landlord when the debt is paid or the tenant left; the CCAPEX or a local CCAPEX for the
        # cases it follows.
        deposants={"bailleur_social", "bailleur_prive", "ccapex", "commission_locale"},
        stade="clos",
        lecteurs=INSTANCES | PAYEUR | PARTIES,
        champs={"procedure": ("motif",)},
    )
    motif: Literal["dette_soldee", "depart", "relogement", "autre"]

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _ex(
                    "cloture",
                    "CCAPEX93-CLOT-2026-0099",
                    "2026-01-30",
                    dossier_id="0b7f3c5e-8a4e-4a53-9d3c-2f1d6a9b4e21",
                    motif="dette_soldee",
                )
            ]
        }
    )


# --------------------------------------------------------------------------------------------
# The union
# --------------------------------------------------------------------------------------------

Acte = Annotated[
    Union[  # noqa: UP007 - a runtime Union of classes, read by pydantic
        SignalementImpaye,
        CommandementDePayer,
        SaisineCcapex,
        Assignation,
        DiagnosticSocialFinancier,
        DecisionJustice,
        ProtocoleCohesionSociale,
        CommandementQuitterLieux,
        RequisitionCfp,
        DecisionCfp,
        Expulsion,
        DecisionFsl,
        Surendettement,
        DecisionDalo,
        DecisionApl,
        PlanApurement,
        Cloture,
    ],
    Field(discriminator="type"),
]

# mypy reads TypeAdapter's parameter as type[T], which an Annotated union is not (PEP 747 TypeForm
# is not enabled): pass the form through an Any-typed name, keep the precise declared type.
_ACTE_FORM: Any = Acte
ACTE_ADAPTER: Final[TypeAdapter[Acte]] = TypeAdapter(_ACTE_FORM)


def _type_of(cls: type[ActeBase]) -> str:
    (value,) = get_args(cls.model_fields["type"].annotation)
    return str(value)


#: type value → model class, in procedure order.
ACTE_CLASSES: Final[dict[str, type[ActeBase]]] = {_type_of(cls): cls for cls in get_args(get_args(Acte)[0])}
#: Every act ``type`` value, in procedure order.
ACTE_TYPES: Final[tuple[str, ...]] = tuple(ACTE_CLASSES)


def _example(cls: type[ActeBase]) -> dict[str, Any]:
    extra = cls.model_config.get("json_schema_extra")
    examples = extra.get("examples") if isinstance(extra, dict) else None
    if not isinstance(examples, list) or not examples or not isinstance(examples[0], dict):
        raise TypeError(f"{cls.__name__} has no example")
    return copy.deepcopy(examples[0])


#: type value → a valid, fictitious example body (as sent by a partner). A copy of each class's
#: first JSON-schema example; deep-copy it before changing it in a test.
EXEMPLES: Final[dict[str, dict[str, Any]]] = {type_: _example(cls) for type_, cls in ACTE_CLASSES.items()}


# --------------------------------------------------------------------------------------------
# The registry: each type's policy, as its class declares it
# --------------------------------------------------------------------------------------------


def _politique(cls: type[ActeBase]) -> PolitiqueActe:
    politique = cls.__dict__.get("politique")
    if not isinstance(politique, PolitiqueActe):
        raise TypeError(f"{cls.__name__} declares no politique of its own")
    return politique


#: type value → its policy (who files it, its stage, sensitivity, readers, field groups), in procedure
#: order.
POLITIQUES: Final[dict[str, PolitiqueActe]] = {t: _politique(cls) for t, cls in ACTE_CLASSES.items()}

#: Partner kind → the act types it may file (the registry's ``deposants``, read by kind; DOMAIN.md §1-2).
DEPOSANTS: Final[dict[str, frozenset[str]]] = {
    kind: frozenset(t for t, p in POLITIQUES.items() if kind in p.deposants) for kind in PARTNER_KINDS
}

#: The household's facts, which any act may carry and a dossier keeps with their provenance: the
#: top-level fields of the common field groups but the envelope (``occupants``, ``parc``, ``logement``,
#: ``bail``, ``bailleur``, ``dette``).
FAITS_MENAGE: Final[tuple[str, ...]] = tuple(
    dict.fromkeys(
        path.split(".", 1)[0]
        for groupe, paths in CHAMPS_COMMUNS.items()
        if groupe != "enveloppe"
        for path in paths
    )
)
