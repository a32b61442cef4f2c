from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acte_vue_acte_type_0 import ActeVueActeType0
    from ..models.decisions import Decisions
    from ..models.deposant import Deposant


T = TypeVar("T", bound="ActeVue")


@_attrs_define
class ActeVue:
    """An act as the calling partner may see it: its content only where its mission needs it.

    Attributes:
        id (str):
        dossier_id (str):
        type_ (str):
        date_acte (str):
        recu_le (str):
        deposant (Deposant):
        contenu_visible (bool):
        acte (ActeVueActeType0 | None | Unset):
        decisions (Decisions | None | Unset):
    """

    id: str
    dossier_id: str
    type_: str
    date_acte: str
    recu_le: str
    deposant: Deposant
    contenu_visible: bool
    acte: ActeVueActeType0 | None | Unset = UNSET
    decisions: Decisions | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acte_vue_acte_type_0 import ActeVueActeType0  # noqa: PLC0415
        from ..models.decisions import Decisions  # noqa: PLC0415

        id = self.id

        dossier_id = self.dossier_id

        type_ = self.type_

        date_acte = self.date_acte

        recu_le = self.recu_le

        deposant = self.deposant.to_dict()

        contenu_visible = self.contenu_visible

        acte: dict[str, Any] | None | Unset
        if isinstance(self.acte, Unset):
            acte = UNSET
        elif isinstance(self.acte, ActeVueActeType0):
            acte = self.acte.to_dict()
        else:
            acte = self.acte

        decisions: dict[str, Any] | None | Unset
        if isinstance(self.decisions, Unset):
            decisions = UNSET
        elif isinstance(self.decisions, Decisions):
            decisions = self.decisions.to_dict()
        else:
            decisions = self.decisions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "dossier_id": dossier_id,
                "type": type_,
                "date_acte": date_acte,
                "recu_le": recu_le,
                "deposant": deposant,
                "contenu_visible": contenu_visible,
            }
        )
        if acte is not UNSET:
            field_dict["acte"] = acte
        if decisions is not UNSET:
            field_dict["decisions"] = decisions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acte_vue_acte_type_0 import ActeVueActeType0  # noqa: PLC0415
        from ..models.decisions import Decisions  # noqa: PLC0415
        from ..models.deposant import Deposant  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        dossier_id = d.pop("dossier_id")

        type_ = d.pop("type")

        date_acte = d.pop("date_acte")

        recu_le = d.pop("recu_le")

        deposant = Deposant.from_dict(d.pop("deposant"))

        contenu_visible = d.pop("contenu_visible")

        def _parse_acte(data: object) -> ActeVueActeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                acte_type_0 = ActeVueActeType0.from_dict(data)

                return acte_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActeVueActeType0 | None | Unset, data)

        acte = _parse_acte(d.pop("acte", UNSET))

        def _parse_decisions(data: object) -> Decisions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decisions_type_0 = Decisions.from_dict(data)

                return decisions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decisions | None | Unset, data)

        decisions = _parse_decisions(d.pop("decisions", UNSET))

        acte_vue = cls(
            id=id,
            dossier_id=dossier_id,
            type_=type_,
            date_acte=date_acte,
            recu_le=recu_le,
            deposant=deposant,
            contenu_visible=contenu_visible,
            acte=acte,
            decisions=decisions,
        )

        acte_vue.additional_properties = d
        return acte_vue

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
