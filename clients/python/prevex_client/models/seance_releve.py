from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.seance_releve_formation import SeanceReleveFormation

if TYPE_CHECKING:
    from ..models.point_releve import PointReleve


T = TypeVar("T", bound="SeanceReleve")


@_attrs_define
class SeanceReleve:
    """A session's secretariat sent its relevé de décisions (`seeds/002_93761ec2a302805a.txt:L1075-1079`: the CLPIL's
    relevé to the
    State's services): to the préfecture partners of the territory (no dossier: it lists several).

        Attributes:
            seance_id (UUID): The session
            territoire (str): Its territory
            date (str): Its date (ISO 8601)
            formation (SeanceReleveFormation): Its formation
            dossiers (list[PointReleve]): Each dossier on its agenda and its outcome
    """

    seance_id: UUID
    territoire: str
    date: str
    formation: SeanceReleveFormation
    dossiers: list[PointReleve]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seance_id = str(self.seance_id)

        territoire = self.territoire

        date = self.date

        formation = self.formation.value

        dossiers = []
        for dossiers_item_data in self.dossiers:
            dossiers_item = dossiers_item_data.to_dict()
            dossiers.append(dossiers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seance_id": seance_id,
                "territoire": territoire,
                "date": date,
                "formation": formation,
                "dossiers": dossiers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.point_releve import PointReleve  # noqa: PLC0415

        d = dict(src_dict)
        seance_id = UUID(d.pop("seance_id"))

        territoire = d.pop("territoire")

        date = d.pop("date")

        formation = SeanceReleveFormation(d.pop("formation"))

        dossiers = []
        _dossiers = d.pop("dossiers")
        for dossiers_item_data in _dossiers:
            dossiers_item = PointReleve.from_dict(dossiers_item_data)

            dossiers.append(dossiers_item)

        seance_releve = cls(
            seance_id=seance_id,
            territoire=territoire,
            date=date,
            formation=formation,
            dossiers=dossiers,
        )

        seance_releve.additional_properties = d
        return seance_releve

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
