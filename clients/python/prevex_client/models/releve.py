from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.releve_formation import ReleveFormation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.point_releve import PointReleve
    from ..models.releve_service_etat import ReleveServiceEtat


T = TypeVar("T", bound="Releve")


@_attrs_define
class Releve:
    """The relevé de décisions as sent (`seance.releve`).

    Attributes:
        seance_id (UUID):
        territoire (str):
        date (datetime.date):
        formation (ReleveFormation):
        dossiers (list[PointReleve]): Each dossier on the agenda and its outcome
        destinataires (int): How many préfecture partners it was sent to
        services_etat (list[ReleveServiceEtat] | None | Unset): Where the territory's rule file routes the relevé by
            arrondissement (77, R-38: Meaux/Torcy, Melun/Fontainebleau, Provins): each State service and its dossiers
        hors_arrondissement (list[PointReleve] | None | Unset): With `services_etat`: the dossiers of a commune no
            arrondissement lists (sent by hand)
    """

    seance_id: UUID
    territoire: str
    date: datetime.date
    formation: ReleveFormation
    dossiers: list[PointReleve]
    destinataires: int
    services_etat: list[ReleveServiceEtat] | None | Unset = UNSET
    hors_arrondissement: list[PointReleve] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seance_id = str(self.seance_id)

        territoire = self.territoire

        date = self.date.isoformat()

        formation = self.formation.value

        dossiers = []
        for dossiers_item_data in self.dossiers:
            dossiers_item = dossiers_item_data.to_dict()
            dossiers.append(dossiers_item)

        destinataires = self.destinataires

        services_etat: list[dict[str, Any]] | None | Unset
        if isinstance(self.services_etat, Unset):
            services_etat = UNSET
        elif isinstance(self.services_etat, list):
            services_etat = []
            for services_etat_type_0_item_data in self.services_etat:
                services_etat_type_0_item = services_etat_type_0_item_data.to_dict()
                services_etat.append(services_etat_type_0_item)

        else:
            services_etat = self.services_etat

        hors_arrondissement: list[dict[str, Any]] | None | Unset
        if isinstance(self.hors_arrondissement, Unset):
            hors_arrondissement = UNSET
        elif isinstance(self.hors_arrondissement, list):
            hors_arrondissement = []
            for hors_arrondissement_type_0_item_data in self.hors_arrondissement:
                hors_arrondissement_type_0_item = hors_arrondissement_type_0_item_data.to_dict()
                hors_arrondissement.append(hors_arrondissement_type_0_item)

        else:
            hors_arrondissement = self.hors_arrondissement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seance_id": seance_id,
                "territoire": territoire,
                "date": date,
                "formation": formation,
                "dossiers": dossiers,
                "destinataires": destinataires,
            }
        )
        if services_etat is not UNSET:
            field_dict["services_etat"] = services_etat
        if hors_arrondissement is not UNSET:
            field_dict["hors_arrondissement"] = hors_arrondissement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.point_releve import PointReleve  # noqa: PLC0415
        from ..models.releve_service_etat import ReleveServiceEtat  # noqa: PLC0415

        d = dict(src_dict)
        seance_id = UUID(d.pop("seance_id"))

        territoire = d.pop("territoire")

        date = datetime.date.fromisoformat(d.pop("date"))

        formation = ReleveFormation(d.pop("formation"))

        dossiers = []
        _dossiers = d.pop("dossiers")
        for dossiers_item_data in _dossiers:
            dossiers_item = PointReleve.from_dict(dossiers_item_data)

            dossiers.append(dossiers_item)

        destinataires = d.pop("destinataires")

        def _parse_services_etat(data: object) -> list[ReleveServiceEtat] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                services_etat_type_0 = []
                _services_etat_type_0 = data
                for services_etat_type_0_item_data in _services_etat_type_0:
                    services_etat_type_0_item = ReleveServiceEtat.from_dict(services_etat_type_0_item_data)

                    services_etat_type_0.append(services_etat_type_0_item)

                return services_etat_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReleveServiceEtat] | None | Unset, data)

        services_etat = _parse_services_etat(d.pop("services_etat", UNSET))

        def _parse_hors_arrondissement(data: object) -> list[PointReleve] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hors_arrondissement_type_0 = []
                _hors_arrondissement_type_0 = data
                for hors_arrondissement_type_0_item_data in _hors_arrondissement_type_0:
                    hors_arrondissement_type_0_item = PointReleve.from_dict(hors_arrondissement_type_0_item_data)

                    hors_arrondissement_type_0.append(hors_arrondissement_type_0_item)

                return hors_arrondissement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PointReleve] | None | Unset, data)

        hors_arrondissement = _parse_hors_arrondissement(d.pop("hors_arrondissement", UNSET))

        releve = cls(
            seance_id=seance_id,
            territoire=territoire,
            date=date,
            formation=formation,
            dossiers=dossiers,
            destinataires=destinataires,
            services_etat=services_etat,
            hors_arrondissement=hors_arrondissement,
        )

        releve.additional_properties = d
        return releve

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
