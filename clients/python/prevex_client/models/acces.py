from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.acces_resultat import AccesResultat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acces_objet_type_0 import AccesObjetType0


T = TypeVar("T", bound="Acces")


@_attrs_define
class Acces:
    """One access to a dossier (or to the statistics: no dossier, ``objet``): who, when, what, why.

    Attributes:
        at (str): When (UTC)
        dossier_id (None | str): The dossier; null for a read of the statistics
        partner_id (str):
        partner_kind (str):
        partner_nom (None | str): The partner's registered name
        client_id (None | str): The credentials used
        user_id (None | str): The person of the partner, when the access was made in the web console (the user's id);
            null for the partner's software
        operation (str): lecture_dossier, lecture_chronologie, lecture_acte, recherche, depot, lecture_courriers,
            lecture_courrier, lecture_statistiques, …
        resultat (AccesResultat): lu: read; refuse: a read answered 404 (not the partner's to see); ecrit: a filing
        motif (None | str): The caller's X-Motif header
        finalite (None | str): The endpoint's purpose
        request_id (None | str):
        scelle (bool): Already chained (hash-chained in commit order; `prevex audit verifier`)
        objet (AccesObjetType0 | None | Unset): What was read when it is not a dossier: for `lecture_statistiques`,
            `{territoire, du, au, format}` (and `indicateur` for a trend chart)
    """

    at: str
    dossier_id: None | str
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
    objet: AccesObjetType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acces_objet_type_0 import AccesObjetType0  # noqa: PLC0415

        at = self.at

        dossier_id: None | str
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

        objet: dict[str, Any] | None | Unset
        if isinstance(self.objet, Unset):
            objet = UNSET
        elif isinstance(self.objet, AccesObjetType0):
            objet = self.objet.to_dict()
        else:
            objet = self.objet

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
        if objet is not UNSET:
            field_dict["objet"] = objet

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acces_objet_type_0 import AccesObjetType0  # noqa: PLC0415

        d = dict(src_dict)
        at = d.pop("at")

        def _parse_dossier_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dossier_id = _parse_dossier_id(d.pop("dossier_id"))

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

        def _parse_objet(data: object) -> AccesObjetType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                objet_type_0 = AccesObjetType0.from_dict(data)

                return objet_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccesObjetType0 | None | Unset, data)

        objet = _parse_objet(d.pop("objet", UNSET))

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
            objet=objet,
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
