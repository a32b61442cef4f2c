from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrdreDuJourDemande")


@_attrs_define
class OrdreDuJourDemande:
    """
    Attributes:
        dossier_id (UUID):
    """

    dossier_id: UUID

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dossier_id": dossier_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        ordre_du_jour_demande = cls(
            dossier_id=dossier_id,
        )

        return ordre_du_jour_demande
