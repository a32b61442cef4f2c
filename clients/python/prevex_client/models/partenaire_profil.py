from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partenaire_profil_kind import PartenaireProfilKind

T = TypeVar("T", bound="PartenaireProfil")


@_attrs_define
class PartenaireProfil:
    """
    Attributes:
        id (UUID):
        kind (PartenaireProfilKind):
        nom (str):
        siret (str):
        territoires (list[str]):
        scopes (list[str]):
        client_id (str):
    """

    id: UUID
    kind: PartenaireProfilKind
    nom: str
    siret: str
    territoires: list[str]
    scopes: list[str]
    client_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        nom = self.nom

        siret = self.siret

        territoires = self.territoires

        scopes = self.scopes

        client_id = self.client_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "nom": nom,
                "siret": siret,
                "territoires": territoires,
                "scopes": scopes,
                "client_id": client_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = PartenaireProfilKind(d.pop("kind"))

        nom = d.pop("nom")

        siret = d.pop("siret")

        territoires = cast(list[str], d.pop("territoires"))

        scopes = cast(list[str], d.pop("scopes"))

        client_id = d.pop("client_id")

        partenaire_profil = cls(
            id=id,
            kind=kind,
            nom=nom,
            siret=siret,
            territoires=territoires,
            scopes=scopes,
            client_id=client_id,
        )

        partenaire_profil.additional_properties = d
        return partenaire_profil

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
