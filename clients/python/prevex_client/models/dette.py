from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Dette")


@_attrs_define
class Dette:
    """The rent debt (décompte).

    Attributes:
        montant_cents (int): Outstanding debt in cents, >= 0.
        mois_impayes_consecutifs (int | None | Unset): Months of unbroken arrears, >= 0.
    """

    montant_cents: int
    mois_impayes_consecutifs: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        montant_cents = self.montant_cents

        mois_impayes_consecutifs: int | None | Unset
        if isinstance(self.mois_impayes_consecutifs, Unset):
            mois_impayes_consecutifs = UNSET
        else:
            mois_impayes_consecutifs = self.mois_impayes_consecutifs

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "montant_cents": montant_cents,
            }
        )
        if mois_impayes_consecutifs is not UNSET:
            field_dict["mois_impayes_consecutifs"] = mois_impayes_consecutifs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        montant_cents = d.pop("montant_cents")

        def _parse_mois_impayes_consecutifs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        mois_impayes_consecutifs = _parse_mois_impayes_consecutifs(d.pop("mois_impayes_consecutifs", UNSET))

        dette = cls(
            montant_cents=montant_cents,
            mois_impayes_consecutifs=mois_impayes_consecutifs,
        )

        return dette
