from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.commandement_de_payer_parc_type_0 import CommandementDePayerParcType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bail_commandement import BailCommandement
    from ..models.bailleur_qualifie import BailleurQualifie
    from ..models.dette_commandement import DetteCommandement
    from ..models.etude_commissaire import EtudeCommissaire
    from ..models.logement import Logement
    from ..models.occupant import Occupant


T = TypeVar("T", bound="CommandementDePayer")


@_attrs_define
class CommandementDePayer:
    """Commandement de payer (CDP) served by a commissaire de justice, signalled to the CCAPEX.

    ``date_acte``: the date the CDP was served (date de signification).

        Attributes:
            type_ (Literal['commandement_de_payer']):
            reference (str): The filing partner's own identifier of the act (idempotency: same reference, same act).
            territoire (str): Département code: 01-19, 21-95, 2A, 2B, 971-976.
            date_acte (datetime.date): The act's own date (service, decision, signature), ISO 8601.
            bail (BailCommandement): The lease as a commandement de payer must state it (rent and charges; lease date for
                the delay).
            bailleur (BailleurQualifie): A landlord whose category is known (required on a commandement de payer).
            dette (DetteCommandement): The debt as a commandement de payer states it: both amount and months of arrears.
            dossier_id (None | Unset | UUID): The Prevex dossier this act belongs to, when the partner knows it.
            recu_le (datetime.datetime | None | Unset): Receipt time (UTC). Only in a simulation: on a real filing the
                server sets it.
            parc (CommandementDePayerParcType0 | None | Unset): social or prive.
            logement (Logement | None | Unset):
            occupants (list[Occupant] | None | Unset): At most 20 occupants.
            commissaire (EtudeCommissaire | None | Unset):
    """

    type_: Literal["commandement_de_payer"]
    reference: str
    territoire: str
    date_acte: datetime.date
    bail: BailCommandement
    bailleur: BailleurQualifie
    dette: DetteCommandement
    dossier_id: None | Unset | UUID = UNSET
    recu_le: datetime.datetime | None | Unset = UNSET
    parc: CommandementDePayerParcType0 | None | Unset = UNSET
    logement: Logement | None | Unset = UNSET
    occupants: list[Occupant] | None | Unset = UNSET
    commissaire: EtudeCommissaire | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.etude_commissaire import EtudeCommissaire  # noqa: PLC0415
        from ..models.logement import Logement  # noqa: PLC0415

        type_ = self.type_

        reference = self.reference

        territoire = self.territoire

        date_acte = self.date_acte.isoformat()

        bail = self.bail.to_dict()

        bailleur = self.bailleur.to_dict()

        dette = self.dette.to_dict()

        dossier_id: None | str | Unset
        if isinstance(self.dossier_id, Unset):
            dossier_id = UNSET
        elif isinstance(self.dossier_id, UUID):
            dossier_id = str(self.dossier_id)
        else:
            dossier_id = self.dossier_id

        recu_le: None | str | Unset
        if isinstance(self.recu_le, Unset):
            recu_le = UNSET
        elif isinstance(self.recu_le, datetime.datetime):
            recu_le = self.recu_le.isoformat()
        else:
            recu_le = self.recu_le

        parc: None | str | Unset
        if isinstance(self.parc, Unset):
            parc = UNSET
        elif isinstance(self.parc, CommandementDePayerParcType0):
            parc = self.parc.value
        else:
            parc = self.parc

        logement: dict[str, Any] | None | Unset
        if isinstance(self.logement, Unset):
            logement = UNSET
        elif isinstance(self.logement, Logement):
            logement = self.logement.to_dict()
        else:
            logement = self.logement

        occupants: list[dict[str, Any]] | None | Unset
        if isinstance(self.occupants, Unset):
            occupants = UNSET
        elif isinstance(self.occupants, list):
            occupants = []
            for occupants_type_0_item_data in self.occupants:
                occupants_type_0_item = occupants_type_0_item_data.to_dict()
                occupants.append(occupants_type_0_item)

        else:
            occupants = self.occupants

        commissaire: dict[str, Any] | None | Unset
        if isinstance(self.commissaire, Unset):
            commissaire = UNSET
        elif isinstance(self.commissaire, EtudeCommissaire):
            commissaire = self.commissaire.to_dict()
        else:
            commissaire = self.commissaire

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "reference": reference,
                "territoire": territoire,
                "date_acte": date_acte,
                "bail": bail,
                "bailleur": bailleur,
                "dette": dette,
            }
        )
        if dossier_id is not UNSET:
            field_dict["dossier_id"] = dossier_id
        if recu_le is not UNSET:
            field_dict["recu_le"] = recu_le
        if parc is not UNSET:
            field_dict["parc"] = parc
        if logement is not UNSET:
            field_dict["logement"] = logement
        if occupants is not UNSET:
            field_dict["occupants"] = occupants
        if commissaire is not UNSET:
            field_dict["commissaire"] = commissaire

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bail_commandement import BailCommandement  # noqa: PLC0415
        from ..models.bailleur_qualifie import BailleurQualifie  # noqa: PLC0415
        from ..models.dette_commandement import DetteCommandement  # noqa: PLC0415
        from ..models.etude_commissaire import EtudeCommissaire  # noqa: PLC0415
        from ..models.logement import Logement  # noqa: PLC0415
        from ..models.occupant import Occupant  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["commandement_de_payer"], d.pop("type"))
        if type_ != "commandement_de_payer":
            raise ValueError(f"type must match const 'commandement_de_payer', got '{type_}'")

        reference = d.pop("reference")

        territoire = d.pop("territoire")

        date_acte = datetime.date.fromisoformat(d.pop("date_acte"))

        bail = BailCommandement.from_dict(d.pop("bail"))

        bailleur = BailleurQualifie.from_dict(d.pop("bailleur"))

        dette = DetteCommandement.from_dict(d.pop("dette"))

        def _parse_dossier_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dossier_id_type_0 = UUID(data)

                return dossier_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        dossier_id = _parse_dossier_id(d.pop("dossier_id", UNSET))

        def _parse_recu_le(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recu_le_type_0 = datetime.datetime.fromisoformat(data)

                return recu_le_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        recu_le = _parse_recu_le(d.pop("recu_le", UNSET))

        def _parse_parc(data: object) -> CommandementDePayerParcType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parc_type_0 = CommandementDePayerParcType0(data)

                return parc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommandementDePayerParcType0 | None | Unset, data)

        parc = _parse_parc(d.pop("parc", UNSET))

        def _parse_logement(data: object) -> Logement | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logement_type_0 = Logement.from_dict(data)

                return logement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Logement | None | Unset, data)

        logement = _parse_logement(d.pop("logement", UNSET))

        def _parse_occupants(data: object) -> list[Occupant] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                occupants_type_0 = []
                _occupants_type_0 = data
                for occupants_type_0_item_data in _occupants_type_0:
                    occupants_type_0_item = Occupant.from_dict(occupants_type_0_item_data)

                    occupants_type_0.append(occupants_type_0_item)

                return occupants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Occupant] | None | Unset, data)

        occupants = _parse_occupants(d.pop("occupants", UNSET))

        def _parse_commissaire(data: object) -> EtudeCommissaire | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                commissaire_type_0 = EtudeCommissaire.from_dict(data)

                return commissaire_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EtudeCommissaire | None | Unset, data)

        commissaire = _parse_commissaire(d.pop("commissaire", UNSET))

        commandement_de_payer = cls(
            type_=type_,
            reference=reference,
            territoire=territoire,
            date_acte=date_acte,
            bail=bail,
            bailleur=bailleur,
            dette=dette,
            dossier_id=dossier_id,
            recu_le=recu_le,
            parc=parc,
            logement=logement,
            occupants=occupants,
            commissaire=commissaire,
        )

        return commandement_de_payer
