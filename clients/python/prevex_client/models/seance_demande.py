from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.seance_demande_formation import SeanceDemandeFormation

T = TypeVar("T", bound="SeanceDemande")


@_attrs_define
class SeanceDemande:
    """
    Attributes:
        territoire (str): One of the secretariat's territories
        date (datetime.date):
        formation (SeanceDemandeFormation):
        membres (list[UUID]): The member partners (the secretariat is one without being named)
    """

    territoire: str
    date: datetime.date
    formation: SeanceDemandeFormation
    membres: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        territoire = self.territoire

        date = self.date.isoformat()

        formation = self.formation.value

        membres = []
        for membres_item_data in self.membres:
            membres_item = str(membres_item_data)
            membres.append(membres_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "territoire": territoire,
                "date": date,
                "formation": formation,
                "membres": membres,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        territoire = d.pop("territoire")

        date = datetime.date.fromisoformat(d.pop("date"))

        formation = SeanceDemandeFormation(d.pop("formation"))

        membres = []
        _membres = d.pop("membres")
        for membres_item_data in _membres:
            membres_item = UUID(membres_item_data)

            membres.append(membres_item)

        seance_demande = cls(
            territoire=territoire,
            date=date,
            formation=formation,
            membres=membres,
        )

        return seance_demande
