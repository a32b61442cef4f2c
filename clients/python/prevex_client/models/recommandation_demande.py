from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.recommandation_demande_nature import RecommandationDemandeNature
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.destinataire import Destinataire


T = TypeVar("T", bound="RecommandationDemande")


@_attrs_define
class RecommandationDemande:
    """
    Attributes:
        destinataire (Destinataire): A partner (`partenaire_id`) or the household (`menage: true`), exactly one of them.
        nature (RecommandationDemandeNature):
        texte (str): What is recommended (no more personal data than needed)
        echeance (datetime.date | None | Unset): By when
        seance_id (None | Unset | UUID): The session it came from
    """

    destinataire: Destinataire
    nature: RecommandationDemandeNature
    texte: str
    echeance: datetime.date | None | Unset = UNSET
    seance_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        destinataire = self.destinataire.to_dict()

        nature = self.nature.value

        texte = self.texte

        echeance: None | str | Unset
        if isinstance(self.echeance, Unset):
            echeance = UNSET
        elif isinstance(self.echeance, datetime.date):
            echeance = self.echeance.isoformat()
        else:
            echeance = self.echeance

        seance_id: None | str | Unset
        if isinstance(self.seance_id, Unset):
            seance_id = UNSET
        elif isinstance(self.seance_id, UUID):
            seance_id = str(self.seance_id)
        else:
            seance_id = self.seance_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "destinataire": destinataire,
                "nature": nature,
                "texte": texte,
            }
        )
        if echeance is not UNSET:
            field_dict["echeance"] = echeance
        if seance_id is not UNSET:
            field_dict["seance_id"] = seance_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.destinataire import Destinataire  # noqa: PLC0415

        d = dict(src_dict)
        destinataire = Destinataire.from_dict(d.pop("destinataire"))

        nature = RecommandationDemandeNature(d.pop("nature"))

        texte = d.pop("texte")

        def _parse_echeance(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                echeance_type_0 = datetime.date.fromisoformat(data)

                return echeance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        echeance = _parse_echeance(d.pop("echeance", UNSET))

        def _parse_seance_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                seance_id_type_0 = UUID(data)

                return seance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        seance_id = _parse_seance_id(d.pop("seance_id", UNSET))

        recommandation_demande = cls(
            destinataire=destinataire,
            nature=nature,
            texte=texte,
            echeance=echeance,
            seance_id=seance_id,
        )

        return recommandation_demande
