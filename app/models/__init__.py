"""All tables, imported here so that ``Base.metadata`` knows them (Alembic reads it)."""

from app.models.acte import Acte, Evaluation
from app.models.audit import AuditLecture
from app.models.base import Base
from app.models.dossier import Dossier, DossierCle
from app.models.event import Event
from app.models.idempotency import IdempotencyKey
from app.models.partner import Partner, PartnerCredential
from app.models.signing_key import SigningKey

__all__ = [
    "Acte",
    "AuditLecture",
    "Base",
    "Dossier",
    "DossierCle",
    "Evaluation",
    "Event",
    "IdempotencyKey",
    "Partner",
    "PartnerCredential",
    "SigningKey",
]
