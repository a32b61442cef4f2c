from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fait_historique_item import FaitHistoriqueItem
    from ..models.fait_source_type_0 import FaitSourceType0


T = TypeVar("T", bound="Fait")


@_attrs_define
class Fait:
    """
    Attributes:
        valeur (Any):
        source (FaitSourceType0 | None): Who said it, when: acte_id, type, partner_kind, the act's date_acte and its
            recu_le. None (and `valeur` None) when only unconfirmed acts stated it
        historique (list[FaitHistoriqueItem]): Every value stated, in the order of the acts' dates (then of receipt),
            with its source and `confirme`: false when it comes from a party that joined the dossier by household match and
            that the CCAPEX has not linked to it (such a value never becomes the current one for others)
        divergent (bool): True when partners stated different values
    """

    valeur: Any
    source: FaitSourceType0 | None
    historique: list[FaitHistoriqueItem]
    divergent: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.fait_source_type_0 import FaitSourceType0  # noqa: PLC0415

        valeur = self.valeur

        source: dict[str, Any] | None
        if isinstance(self.source, FaitSourceType0):
            source = self.source.to_dict()
        else:
            source = self.source

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
        from ..models.fait_source_type_0 import FaitSourceType0  # noqa: PLC0415

        d = dict(src_dict)
        valeur = d.pop("valeur")

        def _parse_source(data: object) -> FaitSourceType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_0 = FaitSourceType0.from_dict(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FaitSourceType0 | None, data)

        source = _parse_source(d.pop("source"))

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
