"""Public decision codes: the catalogue of what the rules may decide (part of the API contract).

Every decision a rule produces names one of :data:`DECISION_CODES`, of one of the
:data:`DECISION_KINDS`: a deadline (``echeance``), who must be told or seized (``orientation``), an
admissibility or consistency warning (``alerte``). ``docs/rules.md`` lists each code with the rules that
produce it (a test checks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

__all__ = [
    "DECISION_CODES",
    "DECISION_KINDS",
    "SATISFACTIONS",
    "DecisionKind",
    "Satisfaction",
    "codes_by_kind",
]

DecisionKind = Literal["echeance", "orientation", "alerte"]
DECISION_KINDS: tuple[str, ...] = get_args(DecisionKind)

# --------------------------------------------------------------------------------------------------
# Public decision codes (part of the API contract). One entry per code: kind, French, English.
# --------------------------------------------------------------------------------------------------


def _code(kind: str, fr: str, en: str) -> dict[str, str]:
    return {"kind": kind, "fr": fr, "en": en}


DECISION_CODES: dict[str, dict[str, str]] = {
    # echeances
    "cdp_effet": _code(
        "echeance",
        "Expiration du délai du commandement de payer (clause résolutoire) : 6 semaines ou 2 mois",
        "End of the payment-order period (termination clause): 6 weeks or 2 months",
    ),
    "assignation_au_plus_tot": _code(
        "echeance",
        "Premier jour où un bailleur personne morale peut assigner (saisine CCAPEX + 2 mois)",
        "First day a corporate landlord may summon the tenant (CCAPEX referral + 2 months)",
    ),
    "notification_prefet_limite": _code(
        "echeance",
        "Dernier jour pour que l'assignation parvienne au préfet (J-43 depuis 2023, sinon 2 mois)",
        "Last day for the summons to reach the préfet (hearing - 43 days since 2023, else 2 months)",
    ),
    "dsf_transmission_limite": _code(
        "echeance",
        "Dernier jour de transmission du DSF au juge et à la CCAPEX (5e jour ouvré avant l'audience)",
        "Last day to send the social and financial diagnosis (5th working day before the hearing)",
    ),
    "expulsion_au_plus_tot": _code(
        "echeance",
        "Premier jour possible d'expulsion (CQL + 2 mois, reporté au 1er avril pendant la trêve hivernale)",
        "Earliest eviction day (order to vacate + 2 months, moved to 1 April during the winter truce)",
    ),
    "refus_implicite_cfp": _code(
        "echeance",
        "Date du refus implicite du concours de la force publique (réquisition + 2 mois)",
        "Date of the implicit refusal of police assistance (request + 2 months)",
    ),
    "entretien_dsf_limite": _code(
        "echeance",
        "Dernier jour pour proposer au locataire l'entretien du DSF (15 jours ouvrés après la saisine par le préfet)",
        "Last day to offer the diagnosis interview (15 working days after the préfet's referral)",
    ),
    "offre_dalo_limite": _code(
        "echeance",
        "Dernier jour pour l'offre de logement au ménage prioritaire DALO (décision + 6 mois)",
        "Last day for the housing offer to a DALO priority household (decision + 6 months)",
    ),
    "enquete_sociale_limite": _code(
        "echeance",
        "Dernier jour pour l'enquête sociale demandée par l'État (77 : 30 jours avant l'audience)",
        "Last day for the social enquiry requested by the State (77: 30 days before the hearing)",
    ),
    "nouveau_bail_limite": _code(
        "echeance",
        "Dernier jour pour que le bailleur social propose un nouveau bail (protocole respecté, dette "
        "soldée : 3 mois)",
        "Last day for the social landlord to offer a new lease (protocol kept, debt cleared: 3 months)",
    ),
    # orientations
    "signalement_ccapex": _code(
        "orientation",
        "Le commandement de payer doit être signalé à la CCAPEX (seuil de dette atteint)",
        "The payment order must be reported to the CCAPEX (debt threshold reached)",
    ),
    "information_prefet": _code(
        "orientation",
        "L'acte doit être transmis au préfet",
        "The act must be sent to the préfet",
    ),
    "demande_dsf": _code(
        "orientation",
        "Le préfet saisit l'organisme chargé du diagnostic social et financier",
        "The préfet refers the household for a social and financial diagnosis",
    ),
    "courrier_prevention": _code(
        "orientation",
        "Courrier de prévention au ménage (type selon la charte)",
        "Prevention letter to the household (kind per the charter)",
    ),
    "orientation_adil": _code(
        "orientation",
        "Orienter le ménage vers l'ADIL",
        "Refer the household to the ADIL (housing information agency)",
    ),
    "empex": _code(
        "orientation",
        "DSF par l'équipe mobile de prévention des expulsions (EMPEX, 93)",
        "Diagnosis by the mobile eviction-prevention team (EMPEX, 93)",
    ),
    "protocole_tripartite": _code(
        "orientation",
        "Protocole tripartite de prévention précoce Caf-DRIHL-CD (93)",
        "Early-prevention tripartite protocol CAF-DRIHL-département (93)",
    ),
    "clpil": _code(
        "orientation",
        "Présentation possible en commission locale de prévention des impayés locatifs (CLPIL, 77)",
        "Possible referral to the local rent-arrears prevention commission (CLPIL, 77)",
    ),
    "clil": _code(
        "orientation",
        "Présentation possible en commission locale d'impayés de loyers (CLIL, 93)",
        "Possible referral to the local rent-arrears commission (CLIL, 93)",
    ),
    "verification_droits_caf": _code(
        "orientation",
        "Vérification par la CAF de l'ouverture des droits aux aides au logement (75)",
        "The CAF checks the household's housing-aid rights (75)",
    ),
    "comex": _code(
        "orientation",
        "Examen de la réquisition en commission d'expulsion de la sous-préfecture (COMEX, 93)",
        "Review of the police-assistance request by the eviction commission (COMEX, 93)",
    ),
    "solipex": _code(
        "orientation",
        "Ménage potentiellement éligible à l'intermédiation locative SOLIPEX (93)",
        "Household possibly eligible for the SOLIPEX rental-intermediation scheme (93)",
    ),
    "protocole_cohesion_sociale": _code(
        "orientation",
        "Étudier un protocole de cohésion sociale (bail social résilié, locataire de bonne foi)",
        "Consider a social-cohesion protocol (terminated social lease, good-faith tenant)",
    ),
    "demande_enquete_sociale": _code(
        "orientation",
        "L'État sollicite les services sociaux pour une enquête sociale (77, stade CFP)",
        "The State asks social services for a social enquiry (77, police-assistance stage)",
    ),
    "avdl": _code(
        "orientation",
        "Accompagnement vers et dans le logement (AVDL) pour un ménage DALO menacé d'expulsion (77)",
        "Housing support (AVDL) for a DALO household threatened with eviction (77)",
    ),
    "information_surendettement": _code(
        "orientation",
        "Informer la CCAPEX et les commissions locales d'un dossier de surendettement (77)",
        "Tell the CCAPEX and local commissions about an over-indebtedness case (77)",
    ),
    "saisine_ccapex_situation_complexe": _code(
        "orientation",
        "Le bailleur social saisit la CCAPEX dès le début du contentieux (situation complexe, 75)",
        "The social landlord refers a complex case to the CCAPEX at the start of litigation (75)",
    ),
    "signalement_dalo_cfp": _code(
        "orientation",
        "Signaler à la DRIHL un ménage DALO dont le concours de la force publique risque d'être accordé (75)",
        "Report to the DRIHL a DALO household whose police assistance may be granted (75)",
    ),
    "ccapex_locale": _code(
        "orientation",
        "Examen en CCAPEX locale (arrondissements 10, 12, 13, 14 de Paris)",
        "Review by a local CCAPEX (Paris arrondissements 10, 12, 13, 14)",
    ),
    "ccapex_nord": _code(
        "orientation",
        "Proposition : examen par la CCAPEX Nord (sous-commission de Meaux ; arrondissements de Meaux et Torcy)",
        "Proposal: review by the northern CCAPEX (Meaux sub-commission; Meaux and Torcy arrondissements)",
    ),
    "ccapex_sud": _code(
        "orientation",
        "Proposition : examen par la CCAPEX Sud (Melun ; arrondissements de Melun et Fontainebleau)",
        "Proposal: review by the southern CCAPEX (Melun; Melun and Fontainebleau arrondissements)",
    ),
    "offre_service_organisme_payeur": _code(
        "orientation",
        "L'organisme payeur (CAF, MSA) propose son offre de service au ménage allocataire en impayé "
        "(`precision` : caf ou msa)",
        "The benefits payer (CAF, MSA) offers its support service to the household in arrears",
    ),
    "mobilisation_dalo": _code(
        "orientation",
        "Mobiliser le recours DALO dès le commandement de quitter les lieux (93)",
        "Help the household claim DALO from the order to vacate (93)",
    ),
    "information_intervention_fsl": _code(
        "orientation",
        "Informer la préfecture (et la justice) de l'intervention du FSL dans une procédure (93)",
        "Tell the préfecture (and the court) that the FSL stepped in (93)",
    ),
    "document_information_motif": _code(
        "orientation",
        "Remettre au ménage le document d'information propre au motif de l'assignation hors impayés (75)",
        "Give the household the information sheet of the summons' ground other than arrears (75)",
    ),
    "alerte_comed": _code(
        "orientation",
        "Alerte de la COMED à la CCAPEX : ménage DALO en impayé du parc privé ou menacé pour troubles de "
        "jouissance (75)",
        "The DALO commission alerts the CCAPEX (private-parc arrears or nuisance, 75)",
    ),
    "suspension_expulsion_surendettement": _code(
        "orientation",
        "Étudier la suspension de la procédure d'expulsion (surendettement recevable ; `precision` "
        "avis_etat : avis de l'État au stade du CQL ou du CFP, 77)",
        "Consider suspending the eviction (admissible over-indebtedness; State's opinion at the CQL/CFP "
        "stage, 77)",
    ),
    "compte_rendu_execution_cfp": _code(
        "orientation",
        "Informer l'État de l'exécution effective ou non du concours de la force publique accordé (77)",
        "Tell the State whether the granted police assistance was carried out (77)",
    ),
    # alertes
    "assignation_prematuree": _code(
        "alerte",
        "Assignation délivrée avant l'expiration du délai de deux mois suivant la saisine de la CCAPEX",
        "Summons served before two months have passed since the CCAPEX referral",
    ),
    "notification_prefet_tardive": _code(
        "alerte",
        "L'assignation est parvenue au préfet après la date limite",
        "The summons reached the préfet after the deadline",
    ),
    "dsf_en_retard": _code(
        "alerte",
        "DSF transmis après le 5e jour ouvré précédant l'audience",
        "Diagnosis sent after the 5th working day before the hearing",
    ),
    "expulsion_pendant_treve": _code(
        "alerte",
        "Expulsion datée pendant la trêve hivernale",
        "Eviction dated during the winter truce",
    ),
    "expulsion_prematuree": _code(
        "alerte",
        "Expulsion avant l'expiration du délai de deux mois suivant le commandement de quitter les lieux",
        "Eviction before two months have passed since the order to vacate",
    ),
    "entretien_dsf_tardif": _code(
        "alerte",
        "Entretien du DSF tenu après le 15e jour ouvré suivant la saisine par le préfet",
        "Diagnosis interview held after the 15th working day following the préfet's referral",
    ),
    "cql_non_transmis_prefet": _code(
        "alerte",
        "Commandement de quitter les lieux sans transmission au préfet : le délai avant expulsion est suspendu",
        "Order to vacate not sent to the préfet: the period before eviction is suspended",
    ),
    "requisition_non_electronique": _code(
        "alerte",
        "Réquisition du concours de la force publique hors du système d'information : non valable, "
        "elle ne fait naître aucun refus implicite",
        "Police-assistance request not filed through the information system: invalid, no implicit refusal",
    ),
    "delais_grace_hors_limites": _code(
        "alerte",
        "Délais de grâce hors des bornes légales en vigueur à la date de la décision",
        "Grace period outside the legal bounds in force at the decision's date",
    ),
    "sequence_incoherente": _code(
        "alerte",
        "Enchaînement d'actes incohérent (ex. décision CFP sans réquisition)",
        "Inconsistent sequence of acts (e.g. police-assistance decision without a request)",
    ),
}


def codes_by_kind() -> dict[str, list[str]]:
    """Public decision codes grouped by kind, in declaration order."""
    grouped: dict[str, list[str]] = {kind: [] for kind in DECISION_KINDS}
    for code, meta in DECISION_CODES.items():
        grouped[meta["kind"]].append(code)
    return grouped


# --------------------------------------------------------------------------------------------------
# What meets a deadline: (act types that meet it, the fact that dates the meeting, whether the act that
# caused the deadline meets it itself). Deadlines of other codes are dates to know (earliest days), that
# no act meets: they stay ``active``.
@dataclass(frozen=True)
class Satisfaction:
    types: tuple[str, ...]
    faits: tuple[str, ...]  # the first present one dates the meeting
    soi: bool = False


SATISFACTIONS: dict[str, Satisfaction] = {
    # The assignation reaches the préfet by being filed: its own receipt day.
    "notification_prefet_limite": Satisfaction(("assignation",), ("recu_le",), soi=True),
    "dsf_transmission_limite": Satisfaction(
        ("diagnostic_social_financier",), ("date_transmission", "date_acte")
    ),
    "enquete_sociale_limite": Satisfaction(
        ("diagnostic_social_financier",), ("date_transmission", "date_acte")
    ),
    "refus_implicite_cfp": Satisfaction(("decision_cfp",), ("date_acte",)),
    # The DSF that carries the referral date, or a later one, says when the interview took place.
    "entretien_dsf_limite": Satisfaction(("diagnostic_social_financier",), ("date_entretien",), soi=True),
}
