from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.graphiques import Graphiques
    from ..models.ligne import Ligne


T = TypeVar("T", bound="Indicateurs")


@_attrs_define
class Indicateurs:
    """
    Attributes:
        territoire (str):
        du (int):
        au (int):
        seuil (int): PREVEX_STATS_SEUIL: counts below it (not 0) are masked
        masquage (bool): Masking applied (false only for the territory's CCAPEX)
        calcule_le (None | str): When the aggregates were last rebuilt from the acts
        lignes (list[Ligne]): Counts by the act's own date, each distinct act once
        ratios_meme_annee (list[Ligne]): Same-year ratios (numerator and denominator of the same calendar year): not
            conversions
        conversions_cohorte (list[Ligne]): CDP cohorts: of the dossiers with their first CDP in year N, how many reached
            each stage (whenever), the rate, and the median delay in days
        graphiques (Graphiques):
    """

    territoire: str
    du: int
    au: int
    seuil: int
    masquage: bool
    calcule_le: None | str
    lignes: list[Ligne]
    ratios_meme_annee: list[Ligne]
    conversions_cohorte: list[Ligne]
    graphiques: Graphiques
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        territoire = self.territoire

        du = self.du

        au = self.au

        seuil = self.seuil

        masquage = self.masquage

        calcule_le: None | str
        calcule_le = self.calcule_le

        lignes = []
        for lignes_item_data in self.lignes:
            lignes_item = lignes_item_data.to_dict()
            lignes.append(lignes_item)

        ratios_meme_annee = []
        for ratios_meme_annee_item_data in self.ratios_meme_annee:
            ratios_meme_annee_item = ratios_meme_annee_item_data.to_dict()
            ratios_meme_annee.append(ratios_meme_annee_item)

        conversions_cohorte = []
        for conversions_cohorte_item_data in self.conversions_cohorte:
            conversions_cohorte_item = conversions_cohorte_item_data.to_dict()
            conversions_cohorte.append(conversions_cohorte_item)

        graphiques = self.graphiques.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "territoire": territoire,
                "du": du,
                "au": au,
                "seuil": seuil,
                "masquage": masquage,
                "calcule_le": calcule_le,
                "lignes": lignes,
                "ratios_meme_annee": ratios_meme_annee,
                "conversions_cohorte": conversions_cohorte,
                "graphiques": graphiques,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graphiques import Graphiques  # noqa: PLC0415
        from ..models.ligne import Ligne  # noqa: PLC0415

        d = dict(src_dict)
        territoire = d.pop("territoire")

        du = d.pop("du")

        au = d.pop("au")

        seuil = d.pop("seuil")

        masquage = d.pop("masquage")

        def _parse_calcule_le(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        calcule_le = _parse_calcule_le(d.pop("calcule_le"))

        lignes = []
        _lignes = d.pop("lignes")
        for lignes_item_data in _lignes:
            lignes_item = Ligne.from_dict(lignes_item_data)

            lignes.append(lignes_item)

        ratios_meme_annee = []
        _ratios_meme_annee = d.pop("ratios_meme_annee")
        for ratios_meme_annee_item_data in _ratios_meme_annee:
            ratios_meme_annee_item = Ligne.from_dict(ratios_meme_annee_item_data)

            ratios_meme_annee.append(ratios_meme_annee_item)

        conversions_cohorte = []
        _conversions_cohorte = d.pop("conversions_cohorte")
        for conversions_cohorte_item_data in _conversions_cohorte:
            conversions_cohorte_item = Ligne.from_dict(conversions_cohorte_item_data)

            conversions_cohorte.append(conversions_cohorte_item)

        graphiques = Graphiques.from_dict(d.pop("graphiques"))

        indicateurs = cls(
            territoire=territoire,
            du=du,
            au=au,
            seuil=seuil,
            masquage=masquage,
            calcule_le=calcule_le,
            lignes=lignes,
            ratios_meme_annee=ratios_meme_annee,
            conversions_cohorte=conversions_cohorte,
            graphiques=graphiques,
        )

        indicateurs.additional_properties = d
        return indicateurs

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
