from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acte_vue import ActeVue


T = TypeVar("T", bound="ActeDepose")


@_attrs_define
class ActeDepose:
    """An act was filed in the dossier (whoever filed it: the recipient may be its filer).

    Attributes:
        dossier_id (UUID): The dossier (also the envelope's `dossier_id`)
        acte_id (UUID): The act
        type_ (str): The act's type, e.g. `signalement_impaye`
        partner_kind (str): The filer's kind
        acte (ActeVue | None | Unset): The act as the recipient may see it: `contenu_visible` and, when true, its
            content (`acte`). Computed when read or delivered: a grant ended since is an event no longer shown
    """

    dossier_id: UUID
    acte_id: UUID
    type_: str
    partner_kind: str
    acte: ActeVue | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acte_vue import ActeVue  # noqa: PLC0415

        dossier_id = str(self.dossier_id)

        acte_id = str(self.acte_id)

        type_ = self.type_

        partner_kind = self.partner_kind

        acte: dict[str, Any] | None | Unset
        if isinstance(self.acte, Unset):
            acte = UNSET
        elif isinstance(self.acte, ActeVue):
            acte = self.acte.to_dict()
        else:
            acte = self.acte

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "acte_id": acte_id,
                "type": type_,
                "partner_kind": partner_kind,
            }
        )
        if acte is not UNSET:
            field_dict["acte"] = acte

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acte_vue import ActeVue  # noqa: PLC0415

        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        acte_id = UUID(d.pop("acte_id"))

        type_ = d.pop("type")

        partner_kind = d.pop("partner_kind")

        def _parse_acte(data: object) -> ActeVue | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                acte_type_0 = ActeVue.from_dict(data)

                return acte_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActeVue | None | Unset, data)

        acte = _parse_acte(d.pop("acte", UNSET))

        acte_depose = cls(
            dossier_id=dossier_id,
            acte_id=acte_id,
            type_=type_,
            partner_kind=partner_kind,
            acte=acte,
        )

        acte_depose.additional_properties = d
        return acte_depose

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
