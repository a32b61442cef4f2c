from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.acces_resultat import AccesResultat

T = TypeVar("T", bound="Acces")


@_attrs_define
class Acces:
    """One access to a dossier: who, when, what, why.

    Attributes:
        at (str): When (UTC)
        dossier_id (str):
        partner_id (str):
        partner_kind (str):
        partner_nom (None | str): The partner's registered name
        client_id (None | str): The credentials used
        user_id (None | str): The person of the partner, when the access was made in the web console (the user's id);
            null for the partner's software
        operation (str): lecture_dossier, lecture_chronologie, lecture_acte, recherche, depot, lecture_courriers,
            lecture_courrier, …
        resultat (AccesResultat): lu: read; refuse: a read answered 404 (not the partner's to see); ecrit: a filing
        motif (None | str): The caller's X-Motif header
        finalite (None | str): The endpoint's purpose
        request_id (None | str):
        scelle (bool): Already chained (hash-chained in commit order; `prevex audit verifier`)
    """

    at: str
    dossier_id: str
    partner_id: str
    partner_kind: str
    partner_nom: None | str
    client_id: None | str
    user_id: None | str
    operation: str
    resultat: AccesResultat
    motif: None | str
    finalite: None | str
    request_id: None | str
    scelle: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at

        dossier_id = self.dossier_id

        partner_id = self.partner_id

        partner_kind = self.partner_kind

        partner_nom: None | str
        partner_nom = self.partner_nom

        client_id: None | str
        client_id = self.client_id

        user_id: None | str
        user_id = self.user_id

        operation = self.operation

        resultat = self.resultat.value

        motif: None | str
        motif = self.motif

        finalite: None | str
        finalite = self.finalite

        request_id: None | str
        request_id = self.request_id

        scelle = self.scelle

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "dossier_id": dossier_id,
                "partner_id": partner_id,
                "partner_kind": partner_kind,
                "partner_nom": partner_nom,
                "client_id": client_id,
                "user_id": user_id,
                "operation": operation,
                "resultat": resultat,
                "motif": motif,
                "finalite": finalite,
                "request_id": request_id,
                "scelle": scelle,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = d.pop("at")

        dossier_id = d.pop("dossier_id")

        partner_id = d.pop("partner_id")

        partner_kind = d.pop("partner_kind")

        def _parse_partner_nom(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner_nom = _parse_partner_nom(d.pop("partner_nom"))

        def _parse_client_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_id = _parse_client_id(d.pop("client_id"))

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))

        operation = d.pop("operation")

        resultat = AccesResultat(d.pop("resultat"))

        def _parse_motif(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        motif = _parse_motif(d.pop("motif"))

        def _parse_finalite(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        finalite = _parse_finalite(d.pop("finalite"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        scelle = d.pop("scelle")

        acces = cls(
            at=at,
            dossier_id=dossier_id,
            partner_id=partner_id,
            partner_kind=partner_kind,
            partner_nom=partner_nom,
            client_id=client_id,
            user_id=user_id,
            operation=operation,
            resultat=resultat,
            motif=motif,
            finalite=finalite,
            request_id=request_id,
            scelle=scelle,
        )

        acces.additional_properties = d
        return acces

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
