from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BailCommandement")


@_attrs_define
class BailCommandement:
    """The lease as a commandement de payer must state it (rent and charges; lease date for the delay).

    Attributes:
        date_signature (datetime.date): Date the lease was signed: 6-week or 2-month CDP delay (29 July 2023 threshold).
        loyer_mensuel_hc_cents (int): Monthly rent, charges excluded.
        charges_mensuelles_cents (int): Monthly charges.
        date_renouvellement (datetime.date | None | Unset): Date of the lease's last (tacit) renewal, when known. Read
            for the CDP delay only when the national rule parameter `bail_renouvele_tacitement_regime` is
            `date_renouvellement`.
    """

    date_signature: datetime.date
    loyer_mensuel_hc_cents: int
    charges_mensuelles_cents: int
    date_renouvellement: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date_signature = self.date_signature.isoformat()

        loyer_mensuel_hc_cents = self.loyer_mensuel_hc_cents

        charges_mensuelles_cents = self.charges_mensuelles_cents

        date_renouvellement: None | str | Unset
        if isinstance(self.date_renouvellement, Unset):
            date_renouvellement = UNSET
        elif isinstance(self.date_renouvellement, datetime.date):
            date_renouvellement = self.date_renouvellement.isoformat()
        else:
            date_renouvellement = self.date_renouvellement

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date_signature": date_signature,
                "loyer_mensuel_hc_cents": loyer_mensuel_hc_cents,
                "charges_mensuelles_cents": charges_mensuelles_cents,
            }
        )
        if date_renouvellement is not UNSET:
            field_dict["date_renouvellement"] = date_renouvellement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date_signature = datetime.date.fromisoformat(d.pop("date_signature"))

        loyer_mensuel_hc_cents = d.pop("loyer_mensuel_hc_cents")

        charges_mensuelles_cents = d.pop("charges_mensuelles_cents")

        def _parse_date_renouvellement(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_renouvellement_type_0 = datetime.date.fromisoformat(data)

                return date_renouvellement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_renouvellement = _parse_date_renouvellement(d.pop("date_renouvellement", UNSET))

        bail_commandement = cls(
            date_signature=date_signature,
            loyer_mensuel_hc_cents=loyer_mensuel_hc_cents,
            charges_mensuelles_cents=charges_mensuelles_cents,
            date_renouvellement=date_renouvellement,
        )

        return bail_commandement
