from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dossier_anonymise import DossierAnonymise


T = TypeVar("T", bound="EvenementDossierAnonymise")


@_attrs_define
class EvenementDossierAnonymise:
    """The dossier, closed for `PREVEX_ANONYMISATION_DELAI_JOURS`, was anonymised (docs/protection.md
    §4): its acts no longer carry the household's identity, contacts, street address or allocataire
    number, nor exact amounts, and no later filing can match the household to it. Purge your copies of
    its personal data too.

        Attributes:
            id (UUID):
            type_ (Literal['dossier.anonymise']):
            timestamp (datetime.datetime):
            dossier_id (None | UUID):
            data (DossierAnonymise): The dossier, closed for `PREVEX_ANONYMISATION_DELAI_JOURS`, was anonymised
                (docs/protection.md
                §4): its acts no longer carry the household's identity, contacts, street address or allocataire
                number, nor exact amounts, and no later filing can match the household to it. Purge your copies of
                its personal data too.
    """

    id: UUID
    type_: Literal["dossier.anonymise"]
    timestamp: datetime.datetime
    dossier_id: None | UUID
    data: DossierAnonymise
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_

        timestamp = self.timestamp.isoformat()

        dossier_id: None | str
        if isinstance(self.dossier_id, UUID):
            dossier_id = str(self.dossier_id)
        else:
            dossier_id = self.dossier_id

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "timestamp": timestamp,
                "dossier_id": dossier_id,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dossier_anonymise import DossierAnonymise  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = cast(Literal["dossier.anonymise"], d.pop("type"))
        if type_ != "dossier.anonymise":
            raise ValueError(f"type must match const 'dossier.anonymise', got '{type_}'")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

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

        data = DossierAnonymise.from_dict(d.pop("data"))

        evenement_dossier_anonymise = cls(
            id=id,
            type_=type_,
            timestamp=timestamp,
            dossier_id=dossier_id,
            data=data,
        )

        evenement_dossier_anonymise.additional_properties = d
        return evenement_dossier_anonymise

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
