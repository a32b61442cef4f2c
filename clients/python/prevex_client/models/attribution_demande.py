from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="AttributionDemande")


@_attrs_define
class AttributionDemande:
    """
    Attributes:
        partenaire_id (UUID): The member that gets the grant
        motif (str): Why (kept with the grant; no personal data)
    """

    partenaire_id: UUID
    motif: str

    def to_dict(self) -> dict[str, Any]:
        partenaire_id = str(self.partenaire_id)

        motif = self.motif

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "partenaire_id": partenaire_id,
                "motif": motif,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        partenaire_id = UUID(d.pop("partenaire_id"))

        motif = d.pop("motif")

        attribution_demande = cls(
            partenaire_id=partenaire_id,
            motif=motif,
        )

        return attribution_demande
