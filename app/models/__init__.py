"""All tables, imported here so that ``Base.metadata`` knows them (Alembic reads it)."""

from app.models.abonnement import Abonnement
from app.models.acces import Acces
from app.models.acte import Acte
from app.models.audit import AuditLecture
from app.models.base import Base
from app.models.bilan import Bilan
from app.models.consentement import Consentement
from app.models.decision import Decision
from app.models.dossier import Dossier, DossierCle
from app.models.echeance_rappel import EcheanceRappel
from app.models.evaluation import Evaluation
from app.models.evenement import Evenement, EvenementDestinataire
from app.models.idempotency import IdempotencyKey
from app.models.livraison import Livraison, Tentative
from app.models.partner import Partner, PartnerCredential, PartnerTerritoire
from app.models.recommandation import Recommandation, RecommandationSuivi
from app.models.reglage import Reglage
from app.models.seance import Seance, SeanceDossier, SeanceMembre
from app.models.signing_key import SigningKey
from app.models.statistique import Statistique, StatistiqueCalcul
from app.models.utilisateur import ConsoleSession, OidcEtat, Utilisateur

__all__ = [
    "Abonnement",
    "Acces",
    "Acte",
    "AuditLecture",
    "Base",
    "Bilan",
    "Consentement",
    "ConsoleSession",
    "Decision",
    "Dossier",
    "DossierCle",
    "EcheanceRappel",
    "Evaluation",
    "Evenement",
    "EvenementDestinataire",
    "IdempotencyKey",
    "Livraison",
    "OidcEtat",
    "Partner",
    "PartnerCredential",
    "PartnerTerritoire",
    "Recommandation",
    "RecommandationSuivi",
    "Reglage",
    "Seance",
    "SeanceDossier",
    "SeanceMembre",
    "SigningKey",
    "Statistique",
    "StatistiqueCalcul",
    "Tentative",
    "Utilisateur",
]
