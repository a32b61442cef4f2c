"""What each act type is: its policy, declared once, on its own class.

Every act class of :mod:`app.schemas.actes` carries one :class:`PolitiqueActe` as the class variable
``politique``, right under its ``type``: an act type is declared exactly once, in one place, with its
fields (the pydantic model) and its policy (this dataclass). :data:`app.schemas.actes.POLITIQUES`
reads them in procedure order, and everything that depends on an act type reads that registry:

- **who may file it** (``deposants``): the token scopes ``actes:<type>:deposer`` of each partner kind
  (:mod:`app.core.scopes`), :data:`app.schemas.actes.DEPOSANTS` (kind → types);
- **the stage it leads to** (``stade``): the dossier's derived stage, the furthest any of its acts
  reached (:func:`app.services.dossiers.stage_of`); an act of stage ``clos`` **closes** the dossier
  (``clot``: the expulsion and the closure), and a later act opens a new one
  (:mod:`app.services.actes`);
- **whether it is sensitive** (``sensible``): its mere use by a decision tells something of the
  household's social or financial situation, so a decision resting on it is hidden from a partner that
  may not read it (:mod:`app.services.visibility`);
- **who reads its content** besides its filer (``lecteurs``): the need-to-know view
  (:data:`app.services.visibility.CONTENT` is this, by kind); the others see only that the act exists;
- **the field groups it carries** (``groupes``): the groups every act may carry (:data:`CHAMPS_COMMUNS`)
  and its own fields, each in one group (``champs``). A field-by-field need-to-know matrix builds on
  these groups, documented one by one in :data:`GROUPES`;
- the rule files' list of act types (:mod:`app.rules.schema`) and the fact paths a rule may read
  (:mod:`app.rules.verification`), and ``docs/actes.md`` (its tables are checked against the registry).

This module holds the vocabulary (stages, field groups, families of readers) and the dataclass; the
entries live on the classes. ``tests/schemas/test_politiques.py`` proves the registry complete: every
act class has its own policy, every field of every act is in exactly one group, and the scopes, the
stages, the view and the docs say what the registry says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, get_args

from app.core.kinds import PARTNER_KINDS, PartnerKind

__all__ = [
    "BAILLEURS",
    "CHAMPS_COMMUNS",
    "EXAMEN_SOCIAL",
    "GROUPES",
    "INSTANCES",
    "PARTIES",
    "PAYEUR",
    "STADES",
    "Groupe",
    "PolitiqueActe",
    "Stade",
]

# --------------------------------------------------------------------------------------------
# Stages
# --------------------------------------------------------------------------------------------

Stade = Literal["pre_contentieux", "contentieux", "execution", "clos"]
#: The stages of a dossier, in procedure order: a dossier's stage is the furthest any act reached.
STADES: Final[tuple[Stade, ...]] = get_args(Stade)

# --------------------------------------------------------------------------------------------
# Field groups
# --------------------------------------------------------------------------------------------

Groupe = Literal[
    "enveloppe",
    "identite",
    "contact",
    "logement",
    "bail",
    "bailleur",
    "dette_loyer",
    "procedure",
    "apurement",
    "aides_logement",
    "aide_fsl",
    "surendettement",
    "dsf_social",
    "relogement",
]

#: Each field group and what its fields tell, in the order the docs list them.
GROUPES: Final[Mapping[Groupe, str]] = MappingProxyType(
    {
        "enveloppe": "The act itself: its type, the filer's reference, the territory, the act's date, "
        "the dossier, the receipt time. Shown to every partner that may read the dossier.",
        "identite": "Who the household is: each occupant's name, first name and date of birth.",
        "contact": "How to reach the household: each occupant's phone number and email address.",
        "logement": "The dwelling: address, postal and INSEE commune codes, and its parc (social or prive).",
        "bail": "The lease: signature and renewal dates, monthly rent and charges.",
        "bailleur": "The landlord: category, name, SIREN.",
        "dette_loyer": "The rent debt (décompte): amount and months of unbroken arrears.",
        "procedure": "The procedure's own facts: motives, stage and origin of a saisine, hearing and "
        "court, the judgment's outcome and délais de grâce, transmissions to the préfet, the réquisition "
        "and the CFP decision, how an eviction went, why a case was closed, the commissaire's étude.",
        "apurement": "How the debt is to be repaid: the judge's délais de paiement and instalment, a "
        "plan d'apurement, a protocole de cohésion sociale.",
        "aides_logement": "Housing aid (APL/AL) at the CAF or MSA: allocataire number, organisme, tiers "
        "payant, monthly aid, the CCAPEX's decision to maintain or suspend it.",
        "aide_fsl": "The FSL's decision on the household: accord or not, form (grant, loan) and amount.",
        "surendettement": "The household's over-indebtedness procedure at the Banque de France and "
        "where it stands.",
        "dsf_social": "The diagnostic social et financier: referral, interview or no-show, transmission, "
        "whether the social services already know the household.",
        "relogement": "The household's rehousing: recognised prioritaire et urgent DALO, where it went "
        "after an eviction (aucun: sans solution).",
    }
)

#: The groups of the fields every act may carry (:class:`app.schemas.actes.ActeBase`): top-level field
#: names, or ``field.subfield`` where one field's parts belong to different groups (an occupant's
#: identity and contact).
CHAMPS_COMMUNS: Final[Mapping[Groupe, tuple[str, ...]]] = MappingProxyType(
    {
        "enveloppe": ("type", "reference", "territoire", "date_acte", "dossier_id", "recu_le"),
        "identite": ("occupants.nom", "occupants.prenom", "occupants.date_naissance"),
        "contact": ("occupants.telephone", "occupants.email"),
        "logement": ("parc", "logement"),
        "bail": ("bail",),
        "bailleur": ("bailleur",),
        "dette_loyer": ("dette",),
    }
)

# --------------------------------------------------------------------------------------------
# Families of readers (who reads an act's content besides its filer)
# --------------------------------------------------------------------------------------------

#: The CCAPEX and the members that examine a case with it under its professional secrecy (the
#: département's social services, the local commissions): they read every act, the DSF included.
EXAMEN_SOCIAL: Final[frozenset[PartnerKind]] = frozenset({"ccapex", "departement", "commission_locale"})
#: The bodies that run prevention in the territory: the above and the préfecture, which reads every act
#: but the DSF's social narrative.
INSTANCES: Final[frozenset[PartnerKind]] = EXAMEN_SOCIAL | {"prefecture"}
#: The parties to the litigation and their agents: they read the acts of the procedure.
PARTIES: Final[frozenset[PartnerKind]] = frozenset(
    {"commissaire_justice", "bailleur_social", "bailleur_prive"}
)
#: The landlords (without their commissaire): they also read saisines and repayment plans.
BAILLEURS: Final[frozenset[PartnerKind]] = frozenset({"bailleur_social", "bailleur_prive"})
#: The CAF/MSA: housing-aid, debt and litigation facts, never the social narrative.
PAYEUR: Final[frozenset[PartnerKind]] = frozenset({"organisme_payeur"})


# --------------------------------------------------------------------------------------------
# The policy
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False)
class PolitiqueActe:
    """The policy of one act type (declared as ``politique`` on its class).

    ``deposants``: the partner kinds that may file it. ``stade``: the stage it leads the dossier to
    (``clos`` closes it). ``lecteurs``: the partner kinds that read its content besides its filer.
    ``sensible``: its mere use by a decision tells something of the household's social or financial
    situation. ``champs``: its own fields (beyond :data:`CHAMPS_COMMUNS`), by field group. Kinds may
    be given as any iterable (a family such as :data:`INSTANCES`, a set); they are stored frozen.
    """

    deposants: frozenset[PartnerKind]
    stade: Stade
    lecteurs: frozenset[PartnerKind]
    sensible: bool
    champs: Mapping[Groupe, tuple[str, ...]]

    def __init__(
        self,
        *,
        deposants: Iterable[PartnerKind],
        stade: Stade,
        lecteurs: Iterable[PartnerKind],
        sensible: bool = False,
        champs: Mapping[Groupe, tuple[str, ...]] | None = None,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "deposants", frozenset(deposants))
        set_(self, "stade", stade)
        set_(self, "lecteurs", frozenset(lecteurs))
        set_(self, "sensible", sensible)
        set_(self, "champs", MappingProxyType(dict(champs or {})))
        self._check()

    def _check(self) -> None:
        unknown = (self.deposants | self.lecteurs) - set(PARTNER_KINDS)
        if unknown:
            raise ValueError(f"unknown partner kinds {sorted(unknown)}")
        if not self.deposants:
            raise ValueError("an act type nobody may file")
        if self.stade not in STADES:
            raise ValueError(f"unknown stage {self.stade!r}")
        groups = set(self.champs) - set(GROUPES)
        if groups:
            raise ValueError(f"unknown field groups {sorted(groups)}")

    @property
    def clot(self) -> bool:
        """Whether the act closes the dossier: its stage is ``clos``."""
        return self.stade == "clos"

    @property
    def groupes(self) -> tuple[Groupe, ...]:
        """Every field group the act carries: the common ones and its own, in :data:`GROUPES` order."""
        carried = set(CHAMPS_COMMUNS) | set(self.champs)
        return tuple(g for g in GROUPES if g in carried)
