from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImpactDemande")


@_attrs_define
class ImpactDemande:
    """A draft rule file and the territory whose stored dossiers it is tried on. Nothing is stored.

    Attributes:
        territoire (str):
        fichier (str): The draft rule file, YAML text (the schema of docs/rules.md)
        remplace (list[str] | None | Unset): The files the draft replaces, as GET /v1/regles names them
            (`93/charte.yaml`); by default those sharing a rule id with the draft, else none (a new file beside them)
    """

    territoire: str
    fichier: str
    remplace: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        territoire = self.territoire

        fichier = self.fichier

        remplace: list[str] | None | Unset
        if isinstance(self.remplace, Unset):
            remplace = UNSET
        elif isinstance(self.remplace, list):
            remplace = self.remplace

        else:
            remplace = self.remplace

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "territoire": territoire,
                "fichier": fichier,
            }
        )
        if remplace is not UNSET:
            field_dict["remplace"] = remplace

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        territoire = d.pop("territoire")

        fichier = d.pop("fichier")

        def _parse_remplace(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                remplace_type_0 = cast(list[str], data)

                return remplace_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        remplace = _parse_remplace(d.pop("remplace", UNSET))

        impact_demande = cls(
            territoire=territoire,
            fichier=fichier,
            remplace=remplace,
        )

        return impact_demande
