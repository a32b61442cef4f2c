from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Attribution")


@_attrs_define
class Attribution:
    """
    Attributes:
        dossier_id (UUID):
        partenaire_id (UUID):
        motif (None | str):
        accorde_par (None | UUID):
        depuis (datetime.datetime):
        jusqu_a (datetime.datetime | None): When it ended (`DELETE`); null while it stands
    """

    dossier_id: UUID
    partenaire_id: UUID
    motif: None | str
    accorde_par: None | UUID
    depuis: datetime.datetime
    jusqu_a: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dossier_id = str(self.dossier_id)

        partenaire_id = str(self.partenaire_id)

        motif: None | str
        motif = self.motif

        accorde_par: None | str
        if isinstance(self.accorde_par, UUID):
            accorde_par = str(self.accorde_par)
        else:
            accorde_par = self.accorde_par

        depuis = self.depuis.isoformat()

        jusqu_a: None | str
        if isinstance(self.jusqu_a, datetime.datetime):
            jusqu_a = self.jusqu_a.isoformat()
        else:
            jusqu_a = self.jusqu_a

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dossier_id": dossier_id,
                "partenaire_id": partenaire_id,
                "motif": motif,
                "accorde_par": accorde_par,
                "depuis": depuis,
                "jusqu_a": jusqu_a,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dossier_id = UUID(d.pop("dossier_id"))

        partenaire_id = UUID(d.pop("partenaire_id"))

        def _parse_motif(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        motif = _parse_motif(d.pop("motif"))

        def _parse_accorde_par(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accorde_par_type_0 = UUID(data)

                return accorde_par_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        accorde_par = _parse_accorde_par(d.pop("accorde_par"))

        depuis = datetime.datetime.fromisoformat(d.pop("depuis"))

        def _parse_jusqu_a(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                jusqu_a_type_0 = datetime.datetime.fromisoformat(data)

                return jusqu_a_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        jusqu_a = _parse_jusqu_a(d.pop("jusqu_a"))

        attribution = cls(
            dossier_id=dossier_id,
            partenaire_id=partenaire_id,
            motif=motif,
            accorde_par=accorde_par,
            depuis=depuis,
            jusqu_a=jusqu_a,
        )

        attribution.additional_properties = d
        return attribution

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
