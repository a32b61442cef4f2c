from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.a_traiter_stade import ATraiterStade

if TYPE_CHECKING:
    from ..models.echeance import Echeance
    from ..models.motif import Motif
    from ..models.proposition import Proposition


T = TypeVar("T", bound="ATraiter")


@_attrs_define
class ATraiter:
    """
    Attributes:
        dossier_id (UUID):
        territoire (str):
        stade (ATraiterStade):
        depuis (datetime.datetime): When its oldest open orientation to the CCAPEX was made
        motifs (list[Motif]): Every open orientation addressed to the CCAPEX
        prochaine_echeance (Echeance | None): The dossier's next active deadline
        propositions (list[Proposition]): Routing the charters propose (never made silently: `POST …/attributions`)
    """

    dossier_id: UUID
    territoire: str
    stade: ATraiterStade
    depuis: datetime.datetime
    motifs: list[Motif]
    prochaine_echeance: Echeance | None
    propositions: list[Proposition]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.echeance import Echeance  # noqa: PLC0415

        dossier_id = str(self.dossier_id)

        territoire = self.territoire

        stade = self.stade.value

        depuis = self.depuis.isoformat()

        motifs = []
        for motifs_item_data in self.motifs:
            motifs_item = motifs_item_data.to_dict()
            motifs.append(motifs_item)

        prochaine_echeance: dict[str, Any] | None
        if isinstance(self.prochaine_echeance, Echeance):
            prochaine_echeance = self.prochaine_echeance.to_dict()
        else:
            prochaine_echeance = self.prochaine_echeance

        propositions = []
        for propositions_item_data in self.propositions:
            propositions_item = propositions_item_data.to_dict()
            propositions.append(propositions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "territoire": territoire,
                "stade": stade,
                "depuis": depuis,
                "motifs": motifs,
                "prochaine_echeance": prochaine_echeance,
                "propositions": propositions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.echeance import Echeance  # noqa: PLC0415
        from ..models.motif import Motif  # noqa: PLC0415
        from ..models.proposition import Proposition  # noqa: PLC0415

        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        territoire = d.pop("territoire")

        stade = ATraiterStade(d.pop("stade"))

        depuis = datetime.datetime.fromisoformat(d.pop("depuis"))

        motifs = []
        _motifs = d.pop("motifs")
        for motifs_item_data in _motifs:
            motifs_item = Motif.from_dict(motifs_item_data)

            motifs.append(motifs_item)

        def _parse_prochaine_echeance(data: object) -> Echeance | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prochaine_echeance_type_0 = Echeance.from_dict(data)

                return prochaine_echeance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Echeance | None, data)

        prochaine_echeance = _parse_prochaine_echeance(d.pop("prochaine_echeance"))

        propositions = []
        _propositions = d.pop("propositions")
        for propositions_item_data in _propositions:
            propositions_item = Proposition.from_dict(propositions_item_data)

            propositions.append(propositions_item)

        a_traiter = cls(
            dossier_id=dossier_id,
            territoire=territoire,
            stade=stade,
            depuis=depuis,
            motifs=motifs,
            prochaine_echeance=prochaine_echeance,
            propositions=propositions,
        )

        a_traiter.additional_properties = d
        return a_traiter

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
