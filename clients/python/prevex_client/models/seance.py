from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.seance_formation import SeanceFormation

if TYPE_CHECKING:
    from ..models.point_ordre_du_jour import PointOrdreDuJour


T = TypeVar("T", bound="Seance")


@_attrs_define
class Seance:
    """
    Attributes:
        id (UUID):
        territoire (str):
        date (datetime.date):
        formation (SeanceFormation):
        secretariat_id (UUID):
        membres (list[UUID]):
        ordre_du_jour (list[PointOrdreDuJour]):
        created_at (datetime.datetime):
    """

    id: UUID
    territoire: str
    date: datetime.date
    formation: SeanceFormation
    secretariat_id: UUID
    membres: list[UUID]
    ordre_du_jour: list[PointOrdreDuJour]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        territoire = self.territoire

        date = self.date.isoformat()

        formation = self.formation.value

        secretariat_id = str(self.secretariat_id)

        membres = []
        for membres_item_data in self.membres:
            membres_item = str(membres_item_data)
            membres.append(membres_item)

        ordre_du_jour = []
        for ordre_du_jour_item_data in self.ordre_du_jour:
            ordre_du_jour_item = ordre_du_jour_item_data.to_dict()
            ordre_du_jour.append(ordre_du_jour_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "territoire": territoire,
                "date": date,
                "formation": formation,
                "secretariat_id": secretariat_id,
                "membres": membres,
                "ordre_du_jour": ordre_du_jour,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.point_ordre_du_jour import PointOrdreDuJour  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        territoire = d.pop("territoire")

        date = datetime.date.fromisoformat(d.pop("date"))

        formation = SeanceFormation(d.pop("formation"))

        secretariat_id = UUID(d.pop("secretariat_id"))

        membres = []
        _membres = d.pop("membres")
        for membres_item_data in _membres:
            membres_item = UUID(membres_item_data)

            membres.append(membres_item)

        ordre_du_jour = []
        _ordre_du_jour = d.pop("ordre_du_jour")
        for ordre_du_jour_item_data in _ordre_du_jour:
            ordre_du_jour_item = PointOrdreDuJour.from_dict(ordre_du_jour_item_data)

            ordre_du_jour.append(ordre_du_jour_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        seance = cls(
            id=id,
            territoire=territoire,
            date=date,
            formation=formation,
            secretariat_id=secretariat_id,
            membres=membres,
            ordre_du_jour=ordre_du_jour,
            created_at=created_at,
        )

        seance.additional_properties = d
        return seance

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
