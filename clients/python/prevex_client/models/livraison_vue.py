from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.livraison_vue_statut import LivraisonVueStatut

if TYPE_CHECKING:
    from ..models.tentative_vue import TentativeVue


T = TypeVar("T", bound="LivraisonVue")


@_attrs_define
class LivraisonVue:
    """
    Attributes:
        id (UUID):
        evenement_id (UUID):
        type_ (str):
        dossier_id (None | UUID):
        rejeu (bool):
        statut (LivraisonVueStatut):
        created_at (datetime.datetime):
        tentatives (list[TentativeVue]):
    """

    id: UUID
    evenement_id: UUID
    type_: str
    dossier_id: None | UUID
    rejeu: bool
    statut: LivraisonVueStatut
    created_at: datetime.datetime
    tentatives: list[TentativeVue]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        evenement_id = str(self.evenement_id)

        type_ = self.type_

        dossier_id: None | str
        if isinstance(self.dossier_id, UUID):
            dossier_id = str(self.dossier_id)
        else:
            dossier_id = self.dossier_id

        rejeu = self.rejeu

        statut = self.statut.value

        created_at = self.created_at.isoformat()

        tentatives = []
        for tentatives_item_data in self.tentatives:
            tentatives_item = tentatives_item_data.to_dict()
            tentatives.append(tentatives_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "evenement_id": evenement_id,
                "type": type_,
                "dossier_id": dossier_id,
                "rejeu": rejeu,
                "statut": statut,
                "created_at": created_at,
                "tentatives": tentatives,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tentative_vue import TentativeVue  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        evenement_id = UUID(d.pop("evenement_id"))

        type_ = d.pop("type")

        def _parse_dossier_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dossier_id_type_0 = UUID(data)

                return dossier_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        dossier_id = _parse_dossier_id(d.pop("dossier_id"))

        rejeu = d.pop("rejeu")

        statut = LivraisonVueStatut(d.pop("statut"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        tentatives = []
        _tentatives = d.pop("tentatives")
        for tentatives_item_data in _tentatives:
            tentatives_item = TentativeVue.from_dict(tentatives_item_data)

            tentatives.append(tentatives_item)

        livraison_vue = cls(
            id=id,
            evenement_id=evenement_id,
            type_=type_,
            dossier_id=dossier_id,
            rejeu=rejeu,
            statut=statut,
            created_at=created_at,
            tentatives=tentatives,
        )

        livraison_vue.additional_properties = d
        return livraison_vue

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
