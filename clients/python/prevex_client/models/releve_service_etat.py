from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.point_releve import PointReleve


T = TypeVar("T", bound="ReleveServiceEtat")


@_attrs_define
class ReleveServiceEtat:
    """One State service's part of a relevé (`seeds/002_93761ec2a302805a.txt:L1075-1079`).

    Attributes:
        arrondissements (list[str]): The arrondissements it serves
        service (str): The State service
        courriel (str): Its address for the relevé, as the charter gives it
        adresse (None | str): Its postal address
        source (str): The charter file and line
        dossiers (list[PointReleve]): The agenda's dossiers of those arrondissements
    """

    arrondissements: list[str]
    service: str
    courriel: str
    adresse: None | str
    source: str
    dossiers: list[PointReleve]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        arrondissements = self.arrondissements

        service = self.service

        courriel = self.courriel

        adresse: None | str
        adresse = self.adresse

        source = self.source

        dossiers = []
        for dossiers_item_data in self.dossiers:
            dossiers_item = dossiers_item_data.to_dict()
            dossiers.append(dossiers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "arrondissements": arrondissements,
                "service": service,
                "courriel": courriel,
                "adresse": adresse,
                "source": source,
                "dossiers": dossiers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.point_releve import PointReleve  # noqa: PLC0415

        d = dict(src_dict)
        arrondissements = cast(list[str], d.pop("arrondissements"))

        service = d.pop("service")

        courriel = d.pop("courriel")

        def _parse_adresse(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        adresse = _parse_adresse(d.pop("adresse"))

        source = d.pop("source")

        dossiers = []
        _dossiers = d.pop("dossiers")
        for dossiers_item_data in _dossiers:
            dossiers_item = PointReleve.from_dict(dossiers_item_data)

            dossiers.append(dossiers_item)

        releve_service_etat = cls(
            arrondissements=arrondissements,
            service=service,
            courriel=courriel,
            adresse=adresse,
            source=source,
            dossiers=dossiers,
        )

        releve_service_etat.additional_properties = d
        return releve_service_etat

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
