from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recu import Recu
    from ..models.resultat_lot_probleme_type_0 import ResultatLotProblemeType0


T = TypeVar("T", bound="ResultatLot")


@_attrs_define
class ResultatLot:
    """
    Attributes:
        index (int):
        statut (int): 201 filed, 200 already filed (replay), or the problem's status
        recu (None | Recu | Unset):
        probleme (None | ResultatLotProblemeType0 | Unset):
    """

    index: int
    statut: int
    recu: None | Recu | Unset = UNSET
    probleme: None | ResultatLotProblemeType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.recu import Recu  # noqa: PLC0415
        from ..models.resultat_lot_probleme_type_0 import ResultatLotProblemeType0  # noqa: PLC0415

        index = self.index

        statut = self.statut

        recu: dict[str, Any] | None | Unset
        if isinstance(self.recu, Unset):
            recu = UNSET
        elif isinstance(self.recu, Recu):
            recu = self.recu.to_dict()
        else:
            recu = self.recu

        probleme: dict[str, Any] | None | Unset
        if isinstance(self.probleme, Unset):
            probleme = UNSET
        elif isinstance(self.probleme, ResultatLotProblemeType0):
            probleme = self.probleme.to_dict()
        else:
            probleme = self.probleme

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "statut": statut,
            }
        )
        if recu is not UNSET:
            field_dict["recu"] = recu
        if probleme is not UNSET:
            field_dict["probleme"] = probleme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recu import Recu  # noqa: PLC0415
        from ..models.resultat_lot_probleme_type_0 import ResultatLotProblemeType0  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        statut = d.pop("statut")

        def _parse_recu(data: object) -> None | Recu | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recu_type_0 = Recu.from_dict(data)

                return recu_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Recu | Unset, data)

        recu = _parse_recu(d.pop("recu", UNSET))

        def _parse_probleme(data: object) -> None | ResultatLotProblemeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                probleme_type_0 = ResultatLotProblemeType0.from_dict(data)

                return probleme_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResultatLotProblemeType0 | Unset, data)

        probleme = _parse_probleme(d.pop("probleme", UNSET))

        resultat_lot = cls(
            index=index,
            statut=statut,
            recu=recu,
            probleme=probleme,
        )

        resultat_lot.additional_properties = d
        return resultat_lot

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
