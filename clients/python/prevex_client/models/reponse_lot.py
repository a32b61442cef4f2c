from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.resultat_lot import ResultatLot


T = TypeVar("T", bound="ReponseLot")


@_attrs_define
class ReponseLot:
    """
    Attributes:
        resultats (list[ResultatLot]):
        acceptes (int):
        rejetes (int):
    """

    resultats: list[ResultatLot]
    acceptes: int
    rejetes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resultats = []
        for resultats_item_data in self.resultats:
            resultats_item = resultats_item_data.to_dict()
            resultats.append(resultats_item)

        acceptes = self.acceptes

        rejetes = self.rejetes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resultats": resultats,
                "acceptes": acceptes,
                "rejetes": rejetes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resultat_lot import ResultatLot  # noqa: PLC0415

        d = dict(src_dict)
        resultats = []
        _resultats = d.pop("resultats")
        for resultats_item_data in _resultats:
            resultats_item = ResultatLot.from_dict(resultats_item_data)

            resultats.append(resultats_item)

        acceptes = d.pop("acceptes")

        rejetes = d.pop("rejetes")

        reponse_lot = cls(
            resultats=resultats,
            acceptes=acceptes,
            rejetes=rejetes,
        )

        reponse_lot.additional_properties = d
        return reponse_lot

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
