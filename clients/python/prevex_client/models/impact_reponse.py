from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.impact_reponse_apparaissent import ImpactReponseApparaissent
    from ..models.impact_reponse_changent_de_date import ImpactReponseChangentDeDate
    from ..models.impact_reponse_disparaissent import ImpactReponseDisparaissent
    from ..models.impact_reponse_dossiers_item import ImpactReponseDossiersItem
    from ..models.impact_reponse_modifiees import ImpactReponseModifiees
    from ..models.impact_reponse_par_code import ImpactReponseParCode


T = TypeVar("T", bound="ImpactReponse")


@_attrs_define
class ImpactReponse:
    """
    Attributes:
        territoire (str):
        fichier (str): Where the draft would sit, relative to the rules folder
        remplace (list[str]): The files it replaces (empty: added beside them)
        version_regles (str): The rules in force, the reference
        version_brouillon (str):
        reference (str): What the draft is compared with
        dossiers_examines (int): Stored dossiers of the territory the caller may read
        dossiers_changes (int):
        apparaissent (ImpactReponseApparaissent): `{nombre, exemples}`: decisions the draft would add
        disparaissent (ImpactReponseDisparaissent): Decisions it would no longer make
        changent_de_date (ImpactReponseChangentDeDate): Same decision, another date (`date_avant`, `date`)
        modifiees (ImpactReponseModifiees): Same decision and date, other facts or message
        par_code (ImpactReponseParCode): The four counts by decision code
        dossiers (list[ImpactReponseDossiersItem]): The dossiers that change (ids and counts), first 500
        dossiers_tronques (bool): More dossiers change than listed
    """

    territoire: str
    fichier: str
    remplace: list[str]
    version_regles: str
    version_brouillon: str
    reference: str
    dossiers_examines: int
    dossiers_changes: int
    apparaissent: ImpactReponseApparaissent
    disparaissent: ImpactReponseDisparaissent
    changent_de_date: ImpactReponseChangentDeDate
    modifiees: ImpactReponseModifiees
    par_code: ImpactReponseParCode
    dossiers: list[ImpactReponseDossiersItem]
    dossiers_tronques: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        territoire = self.territoire

        fichier = self.fichier

        remplace = self.remplace

        version_regles = self.version_regles

        version_brouillon = self.version_brouillon

        reference = self.reference

        dossiers_examines = self.dossiers_examines

        dossiers_changes = self.dossiers_changes

        apparaissent = self.apparaissent.to_dict()

        disparaissent = self.disparaissent.to_dict()

        changent_de_date = self.changent_de_date.to_dict()

        modifiees = self.modifiees.to_dict()

        par_code = self.par_code.to_dict()

        dossiers = []
        for dossiers_item_data in self.dossiers:
            dossiers_item = dossiers_item_data.to_dict()
            dossiers.append(dossiers_item)

        dossiers_tronques = self.dossiers_tronques

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "territoire": territoire,
                "fichier": fichier,
                "remplace": remplace,
                "version_regles": version_regles,
                "version_brouillon": version_brouillon,
                "reference": reference,
                "dossiers_examines": dossiers_examines,
                "dossiers_changes": dossiers_changes,
                "apparaissent": apparaissent,
                "disparaissent": disparaissent,
                "changent_de_date": changent_de_date,
                "modifiees": modifiees,
                "par_code": par_code,
                "dossiers": dossiers,
                "dossiers_tronques": dossiers_tronques,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.impact_reponse_apparaissent import ImpactReponseApparaissent  # noqa: PLC0415
        from ..models.impact_reponse_changent_de_date import ImpactReponseChangentDeDate  # noqa: PLC0415
        from ..models.impact_reponse_disparaissent import ImpactReponseDisparaissent  # noqa: PLC0415
        from ..models.impact_reponse_dossiers_item import ImpactReponseDossiersItem  # noqa: PLC0415
        from ..models.impact_reponse_modifiees import ImpactReponseModifiees  # noqa: PLC0415
        from ..models.impact_reponse_par_code import ImpactReponseParCode  # noqa: PLC0415

        d = dict(src_dict)
        territoire = d.pop("territoire")

        fichier = d.pop("fichier")

        remplace = cast(list[str], d.pop("remplace"))

        version_regles = d.pop("version_regles")

        version_brouillon = d.pop("version_brouillon")

        reference = d.pop("reference")

        dossiers_examines = d.pop("dossiers_examines")

        dossiers_changes = d.pop("dossiers_changes")

        apparaissent = ImpactReponseApparaissent.from_dict(d.pop("apparaissent"))

        disparaissent = ImpactReponseDisparaissent.from_dict(d.pop("disparaissent"))

        changent_de_date = ImpactReponseChangentDeDate.from_dict(d.pop("changent_de_date"))

        modifiees = ImpactReponseModifiees.from_dict(d.pop("modifiees"))

        par_code = ImpactReponseParCode.from_dict(d.pop("par_code"))

        dossiers = []
        _dossiers = d.pop("dossiers")
        for dossiers_item_data in _dossiers:
            dossiers_item = ImpactReponseDossiersItem.from_dict(dossiers_item_data)

            dossiers.append(dossiers_item)

        dossiers_tronques = d.pop("dossiers_tronques")

        impact_reponse = cls(
            territoire=territoire,
            fichier=fichier,
            remplace=remplace,
            version_regles=version_regles,
            version_brouillon=version_brouillon,
            reference=reference,
            dossiers_examines=dossiers_examines,
            dossiers_changes=dossiers_changes,
            apparaissent=apparaissent,
            disparaissent=disparaissent,
            changent_de_date=changent_de_date,
            modifiees=modifiees,
            par_code=par_code,
            dossiers=dossiers,
            dossiers_tronques=dossiers_tronques,
        )

        impact_reponse.additional_properties = d
        return impact_reponse

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
