from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Occupant")


@_attrs_define
class Occupant:
    """A member of the household occupying the dwelling.

    Attributes:
        nom (str):
        prenom (None | str | Unset):
        date_naissance (datetime.date | None | Unset):
        telephone (None | str | Unset):
        email (None | str | Unset):
    """

    nom: str
    prenom: None | str | Unset = UNSET
    date_naissance: datetime.date | None | Unset = UNSET
    telephone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        nom = self.nom

        prenom: None | str | Unset
        if isinstance(self.prenom, Unset):
            prenom = UNSET
        else:
            prenom = self.prenom

        date_naissance: None | str | Unset
        if isinstance(self.date_naissance, Unset):
            date_naissance = UNSET
        elif isinstance(self.date_naissance, datetime.date):
            date_naissance = self.date_naissance.isoformat()
        else:
            date_naissance = self.date_naissance

        telephone: None | str | Unset
        if isinstance(self.telephone, Unset):
            telephone = UNSET
        else:
            telephone = self.telephone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "nom": nom,
            }
        )
        if prenom is not UNSET:
            field_dict["prenom"] = prenom
        if date_naissance is not UNSET:
            field_dict["date_naissance"] = date_naissance
        if telephone is not UNSET:
            field_dict["telephone"] = telephone
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nom = d.pop("nom")

        def _parse_prenom(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prenom = _parse_prenom(d.pop("prenom", UNSET))

        def _parse_date_naissance(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_naissance_type_0 = datetime.date.fromisoformat(data)

                return date_naissance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_naissance = _parse_date_naissance(d.pop("date_naissance", UNSET))

        def _parse_telephone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        telephone = _parse_telephone(d.pop("telephone", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        occupant = cls(
            nom=nom,
            prenom=prenom,
            date_naissance=date_naissance,
            telephone=telephone,
            email=email,
        )

        return occupant
