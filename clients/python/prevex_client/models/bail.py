from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Bail")


@_attrs_define
class Bail:
    """The lease. Every fact is optional: a partner sends what it knows.

    Attributes:
        date_signature (datetime.date | None | Unset): Date the lease was signed (took effect).
        date_renouvellement (datetime.date | None | Unset): Date of the lease's last (tacit) renewal, when known. Read
            for the CDP delay only when the national rule parameter `bail_renouvele_tacitement_regime` is
            `date_renouvellement`.
        loyer_mensuel_hc_cents (int | None | Unset): Monthly rent, charges excluded.
        charges_mensuelles_cents (int | None | Unset): Monthly charges.
    """

    date_signature: datetime.date | None | Unset = UNSET
    date_renouvellement: datetime.date | None | Unset = UNSET
    loyer_mensuel_hc_cents: int | None | Unset = UNSET
    charges_mensuelles_cents: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date_signature: None | str | Unset
        if isinstance(self.date_signature, Unset):
            date_signature = UNSET
        elif isinstance(self.date_signature, datetime.date):
            date_signature = self.date_signature.isoformat()
        else:
            date_signature = self.date_signature

        date_renouvellement: None | str | Unset
        if isinstance(self.date_renouvellement, Unset):
            date_renouvellement = UNSET
        elif isinstance(self.date_renouvellement, datetime.date):
            date_renouvellement = self.date_renouvellement.isoformat()
        else:
            date_renouvellement = self.date_renouvellement

        loyer_mensuel_hc_cents: int | None | Unset
        if isinstance(self.loyer_mensuel_hc_cents, Unset):
            loyer_mensuel_hc_cents = UNSET
        else:
            loyer_mensuel_hc_cents = self.loyer_mensuel_hc_cents

        charges_mensuelles_cents: int | None | Unset
        if isinstance(self.charges_mensuelles_cents, Unset):
            charges_mensuelles_cents = UNSET
        else:
            charges_mensuelles_cents = self.charges_mensuelles_cents

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if date_signature is not UNSET:
            field_dict["date_signature"] = date_signature
        if date_renouvellement is not UNSET:
            field_dict["date_renouvellement"] = date_renouvellement
        if loyer_mensuel_hc_cents is not UNSET:
            field_dict["loyer_mensuel_hc_cents"] = loyer_mensuel_hc_cents
        if charges_mensuelles_cents is not UNSET:
            field_dict["charges_mensuelles_cents"] = charges_mensuelles_cents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_date_signature(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_signature_type_0 = datetime.date.fromisoformat(data)

                return date_signature_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_signature = _parse_date_signature(d.pop("date_signature", UNSET))

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

        def _parse_loyer_mensuel_hc_cents(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        loyer_mensuel_hc_cents = _parse_loyer_mensuel_hc_cents(d.pop("loyer_mensuel_hc_cents", UNSET))

        def _parse_charges_mensuelles_cents(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        charges_mensuelles_cents = _parse_charges_mensuelles_cents(d.pop("charges_mensuelles_cents", UNSET))

        bail = cls(
            date_signature=date_signature,
            date_renouvellement=date_renouvellement,
            loyer_mensuel_hc_cents=loyer_mensuel_hc_cents,
            charges_mensuelles_cents=charges_mensuelles_cents,
        )

        return bail
