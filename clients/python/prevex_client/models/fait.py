from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fait_historique_item import FaitHistoriqueItem
    from ..models.fait_source import FaitSource


T = TypeVar("T", bound="Fait")


@_attrs_define
class Fait:
    """
    Attributes:
        valeur (Any):
        source (FaitSource): Who said it, when: acte_id, type, partner_kind, the act's date_acte and its recu_le
        historique (list[FaitHistoriqueItem]): Every value stated, in the order of the acts' dates (then of receipt),
            with its source
        divergent (bool): True when partners stated different values
    """

    valeur: Any
    source: FaitSource
    historique: list[FaitHistoriqueItem]
    divergent: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valeur = self.valeur

        source = self.source.to_dict()

        historique = []
        for historique_item_data in self.historique:
            historique_item = historique_item_data.to_dict()
            historique.append(historique_item)

        divergent = self.divergent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valeur": valeur,
                "source": source,
                "historique": historique,
                "divergent": divergent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fait_historique_item import FaitHistoriqueItem  # noqa: PLC0415
        from ..models.fait_source import FaitSource  # noqa: PLC0415

        d = dict(src_dict)
        valeur = d.pop("valeur")

        source = FaitSource.from_dict(d.pop("source"))

        historique = []
        _historique = d.pop("historique")
        for historique_item_data in _historique:
            historique_item = FaitHistoriqueItem.from_dict(historique_item_data)

            historique.append(historique_item)

        divergent = d.pop("divergent")

        fait = cls(
            valeur=valeur,
            source=source,
            historique=historique,
            divergent=divergent,
        )

        fait.additional_properties = d
        return fait

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
