from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.courrier_rendu_statut import CourrierRenduStatut

if TYPE_CHECKING:
    from ..models.courrier_rendu_faits import CourrierRenduFaits
    from ..models.rendu import Rendu


T = TypeVar("T", bound="CourrierRendu")


@_attrs_define
class CourrierRendu:
    """
    Attributes:
        id (UUID): The letter's id (the decision's)
        dossier_id (UUID):
        code (str): The decision's code (e.g. `courrier_prevention`)
        precision (None | str): The letter's kind (e.g. `parc_prive`)
        titre (str):
        expediteur (str): Who sends it (the rule file's `courriers` entry)
        destinataire (Literal['menage']): To whom: the household
        regle (str): The rule whose decision asks for it
        source (str): The rule's source (law article or charter file and line)
        source_modele (str): The charter line the letter's text follows
        statut (CourrierRenduStatut): The decision's status
        depuis (datetime.datetime):
        donnees (list[str]): The facts the letter needs
        donnees_manquantes (list[str]): Facts the letter needs that the dossier lacks, or that this partner may not read
        faits (CourrierRenduFaits): The needed facts, as this partner may read them
        rendu (Rendu): What the PDF prints, in French.
    """

    id: UUID
    dossier_id: UUID
    code: str
    precision: None | str
    titre: str
    expediteur: str
    destinataire: Literal["menage"]
    regle: str
    source: str
    source_modele: str
    statut: CourrierRenduStatut
    depuis: datetime.datetime
    donnees: list[str]
    donnees_manquantes: list[str]
    faits: CourrierRenduFaits
    rendu: Rendu
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        dossier_id = str(self.dossier_id)

        code = self.code

        precision: None | str
        precision = self.precision

        titre = self.titre

        expediteur = self.expediteur

        destinataire = self.destinataire

        regle = self.regle

        source = self.source

        source_modele = self.source_modele

        statut = self.statut.value

        depuis = self.depuis.isoformat()

        donnees = self.donnees

        donnees_manquantes = self.donnees_manquantes

        faits = self.faits.to_dict()

        rendu = self.rendu.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "dossier_id": dossier_id,
                "code": code,
                "precision": precision,
                "titre": titre,
                "expediteur": expediteur,
                "destinataire": destinataire,
                "regle": regle,
                "source": source,
                "source_modele": source_modele,
                "statut": statut,
                "depuis": depuis,
                "donnees": donnees,
                "donnees_manquantes": donnees_manquantes,
                "faits": faits,
                "rendu": rendu,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.courrier_rendu_faits import CourrierRenduFaits  # noqa: PLC0415
        from ..models.rendu import Rendu  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        dossier_id = UUID(d.pop("dossier_id"))

        code = d.pop("code")

        def _parse_precision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        precision = _parse_precision(d.pop("precision"))

        titre = d.pop("titre")

        expediteur = d.pop("expediteur")

        destinataire = cast(Literal["menage"], d.pop("destinataire"))
        if destinataire != "menage":
            raise ValueError(f"destinataire must match const 'menage', got '{destinataire}'")

        regle = d.pop("regle")

        source = d.pop("source")

        source_modele = d.pop("source_modele")

        statut = CourrierRenduStatut(d.pop("statut"))

        depuis = datetime.datetime.fromisoformat(d.pop("depuis"))

        donnees = cast(list[str], d.pop("donnees"))

        donnees_manquantes = cast(list[str], d.pop("donnees_manquantes"))

        faits = CourrierRenduFaits.from_dict(d.pop("faits"))

        rendu = Rendu.from_dict(d.pop("rendu"))

        courrier_rendu = cls(
            id=id,
            dossier_id=dossier_id,
            code=code,
            precision=precision,
            titre=titre,
            expediteur=expediteur,
            destinataire=destinataire,
            regle=regle,
            source=source,
            source_modele=source_modele,
            statut=statut,
            depuis=depuis,
            donnees=donnees,
            donnees_manquantes=donnees_manquantes,
            faits=faits,
            rendu=rendu,
        )

        courrier_rendu.additional_properties = d
        return courrier_rendu

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
