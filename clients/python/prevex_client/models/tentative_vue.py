from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tentative_vue_resultat import TentativeVueResultat

T = TypeVar("T", bound="TentativeVue")


@_attrs_define
class TentativeVue:
    """
    Attributes:
        numero (int):
        debut (datetime.datetime):
        fin (datetime.datetime | None):
        resultat (TentativeVueResultat): `interrompue`: the worker stopped mid-request (the next attempt follows)
        statut_http (int | None):
        erreur (None | str):
        prochain_essai (datetime.datetime | None):
    """

    numero: int
    debut: datetime.datetime
    fin: datetime.datetime | None
    resultat: TentativeVueResultat
    statut_http: int | None
    erreur: None | str
    prochain_essai: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        numero = self.numero

        debut = self.debut.isoformat()

        fin: None | str
        if isinstance(self.fin, datetime.datetime):
            fin = self.fin.isoformat()
        else:
            fin = self.fin

        resultat = self.resultat.value

        statut_http: int | None
        statut_http = self.statut_http

        erreur: None | str
        erreur = self.erreur

        prochain_essai: None | str
        if isinstance(self.prochain_essai, datetime.datetime):
            prochain_essai = self.prochain_essai.isoformat()
        else:
            prochain_essai = self.prochain_essai

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "numero": numero,
                "debut": debut,
                "fin": fin,
                "resultat": resultat,
                "statut_http": statut_http,
                "erreur": erreur,
                "prochain_essai": prochain_essai,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        numero = d.pop("numero")

        debut = datetime.datetime.fromisoformat(d.pop("debut"))

        def _parse_fin(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fin_type_0 = datetime.datetime.fromisoformat(data)

                return fin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        fin = _parse_fin(d.pop("fin"))

        resultat = TentativeVueResultat(d.pop("resultat"))

        def _parse_statut_http(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        statut_http = _parse_statut_http(d.pop("statut_http"))

        def _parse_erreur(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        erreur = _parse_erreur(d.pop("erreur"))

        def _parse_prochain_essai(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prochain_essai_type_0 = datetime.datetime.fromisoformat(data)

                return prochain_essai_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        prochain_essai = _parse_prochain_essai(d.pop("prochain_essai"))

        tentative_vue = cls(
            numero=numero,
            debut=debut,
            fin=fin,
            resultat=resultat,
            statut_http=statut_http,
            erreur=erreur,
            prochain_essai=prochain_essai,
        )

        tentative_vue.additional_properties = d
        return tentative_vue

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
