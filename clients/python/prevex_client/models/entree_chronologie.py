from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entree_chronologie_nature import EntreeChronologieNature
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acte_vue import ActeVue
    from ..models.entree_chronologie_evenement_type_0 import EntreeChronologieEvenementType0


T = TypeVar("T", bound="EntreeChronologie")


@_attrs_define
class EntreeChronologie:
    """
    Attributes:
        quand (str):
        nature (EntreeChronologieNature):
        acte (ActeVue | None | Unset):
        evenement (EntreeChronologieEvenementType0 | None | Unset): An event of the dossier's log: `{id, type, acte_id}`
            (`id`: a UUID), type `dossier.cree` (first act), `acte.depose` (an act filed), `decision.emise` (a new deadline,
            orientation or alert) or `dossier.reevalue` (the rules, re-run after a change, decided differently: a new
            evaluation beside the old one)
    """

    quand: str
    nature: EntreeChronologieNature
    acte: ActeVue | None | Unset = UNSET
    evenement: EntreeChronologieEvenementType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acte_vue import ActeVue  # noqa: PLC0415
        from ..models.entree_chronologie_evenement_type_0 import EntreeChronologieEvenementType0  # noqa: PLC0415

        quand = self.quand

        nature = self.nature.value

        acte: dict[str, Any] | None | Unset
        if isinstance(self.acte, Unset):
            acte = UNSET
        elif isinstance(self.acte, ActeVue):
            acte = self.acte.to_dict()
        else:
            acte = self.acte

        evenement: dict[str, Any] | None | Unset
        if isinstance(self.evenement, Unset):
            evenement = UNSET
        elif isinstance(self.evenement, EntreeChronologieEvenementType0):
            evenement = self.evenement.to_dict()
        else:
            evenement = self.evenement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quand": quand,
                "nature": nature,
            }
        )
        if acte is not UNSET:
            field_dict["acte"] = acte
        if evenement is not UNSET:
            field_dict["evenement"] = evenement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acte_vue import ActeVue  # noqa: PLC0415
        from ..models.entree_chronologie_evenement_type_0 import EntreeChronologieEvenementType0  # noqa: PLC0415

        d = dict(src_dict)
        quand = d.pop("quand")

        nature = EntreeChronologieNature(d.pop("nature"))

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

        def _parse_evenement(data: object) -> EntreeChronologieEvenementType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evenement_type_0 = EntreeChronologieEvenementType0.from_dict(data)

                return evenement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EntreeChronologieEvenementType0 | None | Unset, data)

        evenement = _parse_evenement(d.pop("evenement", UNSET))

        entree_chronologie = cls(
            quand=quand,
            nature=nature,
            acte=acte,
            evenement=evenement,
        )

        entree_chronologie.additional_properties = d
        return entree_chronologie

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
