from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.abonnement_statut import AbonnementStatut
from ..types import UNSET, Unset

T = TypeVar("T", bound="Abonnement")


@_attrs_define
class Abonnement:
    """
    Attributes:
        id (UUID):
        url (str):
        types (list[str]):
        statut (AbonnementStatut): `desactive`: Prevex stopped pushing (the endpoint answered 410, or a delivery used
            its retry budget; see `motif`). A replay (`rejouer`) turns it on again. `supprime`: deleted (only in the answer
            to the deletion)
        created_at (datetime.datetime):
        motif (None | str | Unset):
    """

    id: UUID
    url: str
    types: list[str]
    statut: AbonnementStatut
    created_at: datetime.datetime
    motif: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        types = self.types

        statut = self.statut.value

        created_at = self.created_at.isoformat()

        motif: None | str | Unset
        if isinstance(self.motif, Unset):
            motif = UNSET
        else:
            motif = self.motif

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "types": types,
                "statut": statut,
                "created_at": created_at,
            }
        )
        if motif is not UNSET:
            field_dict["motif"] = motif

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        url = d.pop("url")

        types = cast(list[str], d.pop("types"))

        statut = AbonnementStatut(d.pop("statut"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_motif(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        motif = _parse_motif(d.pop("motif", UNSET))

        abonnement = cls(
            id=id,
            url=url,
            types=types,
            statut=statut,
            created_at=created_at,
            motif=motif,
        )

        abonnement.additional_properties = d
        return abonnement

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
