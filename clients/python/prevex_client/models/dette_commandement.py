from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DetteCommandement")


@_attrs_define
class DetteCommandement:
    """The debt as a commandement de payer states it: both amount and months of arrears.

    Attributes:
        montant_cents (int): Outstanding debt in cents, >= 0.
        mois_impayes_consecutifs (int): Months of unbroken arrears, >= 0.
    """

    montant_cents: int
    mois_impayes_consecutifs: int

    def to_dict(self) -> dict[str, Any]:
        montant_cents = self.montant_cents

        mois_impayes_consecutifs = self.mois_impayes_consecutifs

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "montant_cents": montant_cents,
                "mois_impayes_consecutifs": mois_impayes_consecutifs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        montant_cents = d.pop("montant_cents")

        mois_impayes_consecutifs = d.pop("mois_impayes_consecutifs")

        dette_commandement = cls(
            montant_cents=montant_cents,
            mois_impayes_consecutifs=mois_impayes_consecutifs,
        )

        return dette_commandement
