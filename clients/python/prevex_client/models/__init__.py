"""Contains all the data models used in inputs/outputs"""

from .a_traiter import ATraiter
from .a_traiter_stade import ATraiterStade
from .abonnement import Abonnement
from .abonnement_cree import AbonnementCree
from .abonnement_cree_statut import AbonnementCreeStatut
from .abonnement_demande import AbonnementDemande
from .abonnement_desactive import AbonnementDesactive
from .abonnement_statut import AbonnementStatut
from .acces import Acces
from .acces_objet_type_0 import AccesObjetType0
from .acces_resultat import AccesResultat
from .acte_depose import ActeDepose
from .acte_vue import ActeVue
from .acte_vue_acte_type_0 import ActeVueActeType0
from .assignation import Assignation
from .assignation_motif_type_0 import AssignationMotifType0
from .assignation_parc_type_0 import AssignationParcType0
from .attribution import Attribution
from .attribution_accordee import AttributionAccordee
from .attribution_demande import AttributionDemande
from .bail import Bail
from .bail_commandement import BailCommandement
from .bailleur import Bailleur
from .bailleur_categorie_type_0 import BailleurCategorieType0
from .bailleur_qualifie import BailleurQualifie
from .bailleur_qualifie_categorie import BailleurQualifieCategorie
from .bilan import Bilan
from .bilan_demande import BilanDemande
from .bilan_issue_type_0 import BilanIssueType0
from .catalogue import Catalogue
from .catalogue_codes import CatalogueCodes
from .cfp_refus_implicite import CfpRefusImplicite
from .cfp_refus_implicite_kind import CfpRefusImpliciteKind
from .cfp_refus_implicite_statut import CfpRefusImpliciteStatut
from .chronologie import Chronologie
from .cloture import Cloture
from .cloture_motif import ClotureMotif
from .cloture_parc_type_0 import ClotureParcType0
from .commandement_de_payer import CommandementDePayer
from .commandement_de_payer_parc_type_0 import CommandementDePayerParcType0
from .commandement_quitter_lieux import CommandementQuitterLieux
from .commandement_quitter_lieux_parc_type_0 import CommandementQuitterLieuxParcType0
from .consentement import Consentement
from .consentement_demande import ConsentementDemande
from .consentement_demande_statut import ConsentementDemandeStatut
from .consentement_statut import ConsentementStatut
from .courrier import Courrier
from .courrier_faits import CourrierFaits
from .courrier_rendu import CourrierRendu
from .courrier_rendu_faits import CourrierRenduFaits
from .courrier_rendu_statut import CourrierRenduStatut
from .courrier_statut import CourrierStatut
from .decision import Decision
from .decision_actes_lies import DecisionActesLies
from .decision_apl import DecisionApl
from .decision_apl_decision import DecisionAplDecision
from .decision_apl_parc_type_0 import DecisionAplParcType0
from .decision_cfp import DecisionCfp
from .decision_cfp_decision import DecisionCfpDecision
from .decision_cfp_parc_type_0 import DecisionCfpParcType0
from .decision_dalo import DecisionDalo
from .decision_dalo_parc_type_0 import DecisionDaloParcType0
from .decision_emise import DecisionEmise
from .decision_emise_kind import DecisionEmiseKind
from .decision_emise_statut import DecisionEmiseStatut
from .decision_faits import DecisionFaits
from .decision_fsl import DecisionFsl
from .decision_fsl_decision import DecisionFslDecision
from .decision_fsl_forme_type_0 import DecisionFslFormeType0
from .decision_fsl_parc_type_0 import DecisionFslParcType0
from .decision_justice import DecisionJustice
from .decision_justice_issue import DecisionJusticeIssue
from .decision_justice_parc_type_0 import DecisionJusticeParcType0
from .decision_kind import DecisionKind
from .decision_statut_type_0 import DecisionStatutType0
from .decisions import Decisions
from .deposant import Deposant
from .destinataire import Destinataire
from .dette import Dette
from .dette_commandement import DetteCommandement
from .diagnostic_social_financier import DiagnosticSocialFinancier
from .diagnostic_social_financier_parc_type_0 import DiagnosticSocialFinancierParcType0
from .dossier_anonymise import DossierAnonymise
from .dossier_clos import DossierClos
from .dossier_cree import DossierCree
from .dossier_reevalue import DossierReevalue
from .dossier_resume import DossierResume
from .dossier_vue import DossierVue
from .dossier_vue_faits import DossierVueFaits
from .dossier_vue_stade import DossierVueStade
from .echeance import Echeance
from .echeance_depassee import EcheanceDepassee
from .echeance_depassee_kind import EcheanceDepasseeKind
from .echeance_depassee_statut import EcheanceDepasseeStatut
from .echeance_proche import EcheanceProche
from .echeance_proche_kind import EcheanceProcheKind
from .echeance_proche_statut import EcheanceProcheStatut
from .entree_chronologie import EntreeChronologie
from .entree_chronologie_evenement_type_0 import EntreeChronologieEvenementType0
from .entree_chronologie_nature import EntreeChronologieNature
from .etude_commissaire import EtudeCommissaire
from .evenement import Evenement
from .evenement_abonnement_desactive import EvenementAbonnementDesactive
from .evenement_acte_depose import EvenementActeDepose
from .evenement_attribution_accordee import EvenementAttributionAccordee
from .evenement_bilan_demande import EvenementBilanDemande
from .evenement_cfp_refus_implicite import EvenementCfpRefusImplicite
from .evenement_data import EvenementData
from .evenement_decision_emise import EvenementDecisionEmise
from .evenement_dossier_anonymise import EvenementDossierAnonymise
from .evenement_dossier_clos import EvenementDossierClos
from .evenement_dossier_cree import EvenementDossierCree
from .evenement_dossier_reevalue import EvenementDossierReevalue
from .evenement_echeance_depassee import EvenementEcheanceDepassee
from .evenement_echeance_proche import EvenementEcheanceProche
from .evenement_recommandation_emise import EvenementRecommandationEmise
from .evenement_recommandation_rappel import EvenementRecommandationRappel
from .evenement_recommandation_suivie import EvenementRecommandationSuivie
from .evenement_seance_releve import EvenementSeanceReleve
from .examen_demande import ExamenDemande
from .examen_demande_issue import ExamenDemandeIssue
from .expulsion import Expulsion
from .expulsion_parc_type_0 import ExpulsionParcType0
from .expulsion_relogement_type_0 import ExpulsionRelogementType0
from .extrait_source import ExtraitSource
from .fait import Fait
from .fait_historique_item import FaitHistoriqueItem
from .fait_source_type_0 import FaitSourceType0
from .graphiques import Graphiques
from .graphiques_tendances import GraphiquesTendances
from .healthz_response_healthz import HealthzResponseHealthz
from .impact_demande import ImpactDemande
from .impact_reponse import ImpactReponse
from .impact_reponse_apparaissent import ImpactReponseApparaissent
from .impact_reponse_changent_de_date import ImpactReponseChangentDeDate
from .impact_reponse_disparaissent import ImpactReponseDisparaissent
from .impact_reponse_dossiers_item import ImpactReponseDossiersItem
from .impact_reponse_modifiees import ImpactReponseModifiees
from .impact_reponse_par_code import ImpactReponseParCode
from .indicateurs import Indicateurs
from .jeu_de_regles import JeuDeRegles
from .jwks import Jwks
from .jwks_keys_item import JwksKeysItem
from .ligne import Ligne
from .ligne_parc import LigneParc
from .lister_en_attente_stade import ListerEnAttenteStade
from .lister_recommandations_statut import ListerRecommandationsStatut
from .livraison_vue import LivraisonVue
from .livraison_vue_statut import LivraisonVueStatut
from .logement import Logement
from .motif import Motif
from .occupant import Occupant
from .ordre_du_jour_demande import OrdreDuJourDemande
from .page_a_traiter import PageATraiter
from .page_abonnements import PageAbonnements
from .page_audit import PageAudit
from .page_courriers import PageCourriers
from .page_dossiers import PageDossiers
from .page_evenements import PageEvenements
from .page_livraisons import PageLivraisons
from .page_recommandations import PageRecommandations
from .partenaire_profil import PartenaireProfil
from .partenaire_profil_kind import PartenaireProfilKind
from .plan_apurement import PlanApurement
from .plan_apurement_parc_type_0 import PlanApurementParcType0
from .point_ordre_du_jour import PointOrdreDuJour
from .point_ordre_du_jour_issue_type_0 import PointOrdreDuJourIssueType0
from .point_releve import PointReleve
from .point_releve_issue_type_0 import PointReleveIssueType0
from .problem import Problem
from .problem_error import ProblemError
from .proposition import Proposition
from .protocole_cohesion_sociale import ProtocoleCohesionSociale
from .protocole_cohesion_sociale_parc_type_0 import ProtocoleCohesionSocialeParcType0
from .rechercher_dossiers_parc import RechercherDossiersParc
from .rechercher_dossiers_stade import RechercherDossiersStade
from .recommandation import Recommandation
from .recommandation_demande import RecommandationDemande
from .recommandation_demande_nature import RecommandationDemandeNature
from .recommandation_emise import RecommandationEmise
from .recommandation_emise_statut import RecommandationEmiseStatut
from .recommandation_nature import RecommandationNature
from .recommandation_rappel import RecommandationRappel
from .recommandation_rappel_statut import RecommandationRappelStatut
from .recommandation_statut import RecommandationStatut
from .recommandation_suivie import RecommandationSuivie
from .recommandation_suivie_statut import RecommandationSuivieStatut
from .recu import Recu
from .recu_acte import RecuActe
from .regle_resume import RegleResume
from .rejeu import Rejeu
from .releve import Releve
from .releve_formation import ReleveFormation
from .releve_service_etat import ReleveServiceEtat
from .rendu import Rendu
from .reponse_lot import ReponseLot
from .requisition_cfp import RequisitionCfp
from .requisition_cfp_parc_type_0 import RequisitionCfpParcType0
from .resultat_lot import ResultatLot
from .resultat_lot_probleme_type_0 import ResultatLotProblemeType0
from .saisine_ccapex import SaisineCcapex
from .saisine_ccapex_motif import SaisineCcapexMotif
from .saisine_ccapex_origine import SaisineCcapexOrigine
from .saisine_ccapex_parc_type_0 import SaisineCcapexParcType0
from .saisine_ccapex_stade_type_0 import SaisineCcapexStadeType0
from .seance import Seance
from .seance_demande import SeanceDemande
from .seance_demande_formation import SeanceDemandeFormation
from .seance_formation import SeanceFormation
from .seance_releve import SeanceReleve
from .seance_releve_formation import SeanceReleveFormation
from .secret_renouvele import SecretRenouvele
from .signalement_impaye import SignalementImpaye
from .signalement_impaye_organisme_type_0 import SignalementImpayeOrganismeType0
from .signalement_impaye_parc_type_0 import SignalementImpayeParcType0
from .simulation_demande import SimulationDemande
from .suivi import Suivi
from .suivi_demande import SuiviDemande
from .suivi_demande_statut import SuiviDemandeStatut
from .suivi_statut import SuiviStatut
from .surendettement import Surendettement
from .surendettement_parc_type_0 import SurendettementParcType0
from .surendettement_statut import SurendettementStatut
from .tentative_vue import TentativeVue
from .tentative_vue_resultat import TentativeVueResultat
from .token_problem import TokenProblem
from .token_problem_error import TokenProblemError
from .token_request import TokenRequest
from .token_response import TokenResponse

__all__ = (
    "Abonnement",
    "AbonnementCree",
    "AbonnementCreeStatut",
    "AbonnementDemande",
    "AbonnementDesactive",
    "AbonnementStatut",
    "Acces",
    "AccesObjetType0",
    "AccesResultat",
    "ActeDepose",
    "ActeVue",
    "ActeVueActeType0",
    "Assignation",
    "AssignationMotifType0",
    "AssignationParcType0",
    "ATraiter",
    "ATraiterStade",
    "Attribution",
    "AttributionAccordee",
    "AttributionDemande",
    "Bail",
    "BailCommandement",
    "Bailleur",
    "BailleurCategorieType0",
    "BailleurQualifie",
    "BailleurQualifieCategorie",
    "Bilan",
    "BilanDemande",
    "BilanIssueType0",
    "Catalogue",
    "CatalogueCodes",
    "CfpRefusImplicite",
    "CfpRefusImpliciteKind",
    "CfpRefusImpliciteStatut",
    "Chronologie",
    "Cloture",
    "ClotureMotif",
    "ClotureParcType0",
    "CommandementDePayer",
    "CommandementDePayerParcType0",
    "CommandementQuitterLieux",
    "CommandementQuitterLieuxParcType0",
    "Consentement",
    "ConsentementDemande",
    "ConsentementDemandeStatut",
    "ConsentementStatut",
    "Courrier",
    "CourrierFaits",
    "CourrierRendu",
    "CourrierRenduFaits",
    "CourrierRenduStatut",
    "CourrierStatut",
    "Decision",
    "DecisionActesLies",
    "DecisionApl",
    "DecisionAplDecision",
    "DecisionAplParcType0",
    "DecisionCfp",
    "DecisionCfpDecision",
    "DecisionCfpParcType0",
    "DecisionDalo",
    "DecisionDaloParcType0",
    "DecisionEmise",
    "DecisionEmiseKind",
    "DecisionEmiseStatut",
    "DecisionFaits",
    "DecisionFsl",
    "DecisionFslDecision",
    "DecisionFslFormeType0",
    "DecisionFslParcType0",
    "DecisionJustice",
    "DecisionJusticeIssue",
    "DecisionJusticeParcType0",
    "DecisionKind",
    "Decisions",
    "DecisionStatutType0",
    "Deposant",
    "Destinataire",
    "Dette",
    "DetteCommandement",
    "DiagnosticSocialFinancier",
    "DiagnosticSocialFinancierParcType0",
    "DossierAnonymise",
    "DossierClos",
    "DossierCree",
    "DossierReevalue",
    "DossierResume",
    "DossierVue",
    "DossierVueFaits",
    "DossierVueStade",
    "Echeance",
    "EcheanceDepassee",
    "EcheanceDepasseeKind",
    "EcheanceDepasseeStatut",
    "EcheanceProche",
    "EcheanceProcheKind",
    "EcheanceProcheStatut",
    "EntreeChronologie",
    "EntreeChronologieEvenementType0",
    "EntreeChronologieNature",
    "EtudeCommissaire",
    "Evenement",
    "EvenementAbonnementDesactive",
    "EvenementActeDepose",
    "EvenementAttributionAccordee",
    "EvenementBilanDemande",
    "EvenementCfpRefusImplicite",
    "EvenementData",
    "EvenementDecisionEmise",
    "EvenementDossierAnonymise",
    "EvenementDossierClos",
    "EvenementDossierCree",
    "EvenementDossierReevalue",
    "EvenementEcheanceDepassee",
    "EvenementEcheanceProche",
    "EvenementRecommandationEmise",
    "EvenementRecommandationRappel",
    "EvenementRecommandationSuivie",
    "EvenementSeanceReleve",
    "ExamenDemande",
    "ExamenDemandeIssue",
    "Expulsion",
    "ExpulsionParcType0",
    "ExpulsionRelogementType0",
    "ExtraitSource",
    "Fait",
    "FaitHistoriqueItem",
    "FaitSourceType0",
    "Graphiques",
    "GraphiquesTendances",
    "HealthzResponseHealthz",
    "ImpactDemande",
    "ImpactReponse",
    "ImpactReponseApparaissent",
    "ImpactReponseChangentDeDate",
    "ImpactReponseDisparaissent",
    "ImpactReponseDossiersItem",
    "ImpactReponseModifiees",
    "ImpactReponseParCode",
    "Indicateurs",
    "JeuDeRegles",
    "Jwks",
    "JwksKeysItem",
    "Ligne",
    "LigneParc",
    "ListerEnAttenteStade",
    "ListerRecommandationsStatut",
    "LivraisonVue",
    "LivraisonVueStatut",
    "Logement",
    "Motif",
    "Occupant",
    "OrdreDuJourDemande",
    "PageAbonnements",
    "PageATraiter",
    "PageAudit",
    "PageCourriers",
    "PageDossiers",
    "PageEvenements",
    "PageLivraisons",
    "PageRecommandations",
    "PartenaireProfil",
    "PartenaireProfilKind",
    "PlanApurement",
    "PlanApurementParcType0",
    "PointOrdreDuJour",
    "PointOrdreDuJourIssueType0",
    "PointReleve",
    "PointReleveIssueType0",
    "Problem",
    "ProblemError",
    "Proposition",
    "ProtocoleCohesionSociale",
    "ProtocoleCohesionSocialeParcType0",
    "RechercherDossiersParc",
    "RechercherDossiersStade",
    "Recommandation",
    "RecommandationDemande",
    "RecommandationDemandeNature",
    "RecommandationEmise",
    "RecommandationEmiseStatut",
    "RecommandationNature",
    "RecommandationRappel",
    "RecommandationRappelStatut",
    "RecommandationStatut",
    "RecommandationSuivie",
    "RecommandationSuivieStatut",
    "Recu",
    "RecuActe",
    "RegleResume",
    "Rejeu",
    "Releve",
    "ReleveFormation",
    "ReleveServiceEtat",
    "Rendu",
    "ReponseLot",
    "RequisitionCfp",
    "RequisitionCfpParcType0",
    "ResultatLot",
    "ResultatLotProblemeType0",
    "SaisineCcapex",
    "SaisineCcapexMotif",
    "SaisineCcapexOrigine",
    "SaisineCcapexParcType0",
    "SaisineCcapexStadeType0",
    "Seance",
    "SeanceDemande",
    "SeanceDemandeFormation",
    "SeanceFormation",
    "SeanceReleve",
    "SeanceReleveFormation",
    "SecretRenouvele",
    "SignalementImpaye",
    "SignalementImpayeOrganismeType0",
    "SignalementImpayeParcType0",
    "SimulationDemande",
    "Suivi",
    "SuiviDemande",
    "SuiviDemandeStatut",
    "SuiviStatut",
    "Surendettement",
    "SurendettementParcType0",
    "SurendettementStatut",
    "TentativeVue",
    "TentativeVueResultat",
    "TokenProblem",
    "TokenProblemError",
    "TokenRequest",
    "TokenResponse",
)
