from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.expulsion_parc_type_0 import ExpulsionParcType0
from ..models.expulsion_relogement_type_0 import ExpulsionRelogementType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bail import Bail
    from ..models.bailleur import Bailleur
    from ..models.dette import Dette
    from ..models.logement import Logement
    from ..models.occupant import Occupant


T = TypeVar("T", bound="Expulsion")


@_attrs_define
class Expulsion:
    """Eviction (or departure before it), by the commissaire or the préfecture.

    ``date_acte``: the date of the eviction (or of the recorded departure).

        Attributes:
            type_ (Literal['expulsion']):
            reference (str): The filing partner's own identifier of the act (idempotency: same reference, same act).
            territoire (str): Département code: 01-19, 21-95, 2A, 2B, 971-976.
            date_acte (datetime.date): The act's own date (service, decision, signature), ISO 8601.
            dossier_id (None | Unset | UUID): The Prevex dossier this act belongs to, when the partner knows it.
            recu_le (datetime.datetime | None | Unset): Receipt time (UTC). Only in a simulation: on a real filing the
                server sets it.
            parc (ExpulsionParcType0 | None | Unset): social or prive.
            logement (Logement | None | Unset):
            bail (Bail | None | Unset):
            bailleur (Bailleur | None | Unset):
            occupants (list[Occupant] | None | Unset): At most 20 occupants.
            dette (Dette | None | Unset):
            avec_cfp (bool | None | Unset): Carried out with the force publique.
            depart_avant_execution (bool | None | Unset): The household left before the eviction was carried out.
            relogement (ExpulsionRelogementType0 | None | Unset): aucun means 'sans solution'.
    """

    type_: Literal["expulsion"]
    reference: str
    territoire: str
    date_acte: datetime.date
    dossier_id: None | Unset | UUID = UNSET
    recu_le: datetime.datetime | None | Unset = UNSET
    parc: ExpulsionParcType0 | None | Unset = UNSET
    logement: Logement | None | Unset = UNSET
    bail: Bail | None | Unset = UNSET
    bailleur: Bailleur | None | Unset = UNSET
    occupants: list[Occupant] | None | Unset = UNSET
    dette: Dette | None | Unset = UNSET
    avec_cfp: bool | None | Unset = UNSET
    depart_avant_execution: bool | None | Unset = UNSET
    relogement: ExpulsionRelogementType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.bail import Bail  # noqa: PLC0415
        from ..models.bailleur import Bailleur  # noqa: PLC0415
        from ..models.dette import Dette  # noqa: PLC0415
        from ..models.logement import Logement  # noqa: PLC0415

        type_ = self.type_

        reference = self.reference

        territoire = self.territoire

        date_acte = self.date_acte.isoformat()

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
        elif isinstance(self.parc, ExpulsionParcType0):
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

        bail: dict[str, Any] | None | Unset
        if isinstance(self.bail, Unset):
            bail = UNSET
        elif isinstance(self.bail, Bail):
            bail = self.bail.to_dict()
        else:
            bail = self.bail

        bailleur: dict[str, Any] | None | Unset
        if isinstance(self.bailleur, Unset):
            bailleur = UNSET
        elif isinstance(self.bailleur, Bailleur):
            bailleur = self.bailleur.to_dict()
        else:
            bailleur = self.bailleur

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

        dette: dict[str, Any] | None | Unset
        if isinstance(self.dette, Unset):
            dette = UNSET
        elif isinstance(self.dette, Dette):
            dette = self.dette.to_dict()
        else:
            dette = self.dette

        avec_cfp: bool | None | Unset
        if isinstance(self.avec_cfp, Unset):
            avec_cfp = UNSET
        else:
            avec_cfp = self.avec_cfp

        depart_avant_execution: bool | None | Unset
        if isinstance(self.depart_avant_execution, Unset):
            depart_avant_execution = UNSET
        else:
            depart_avant_execution = self.depart_avant_execution

        relogement: None | str | Unset
        if isinstance(self.relogement, Unset):
            relogement = UNSET
        elif isinstance(self.relogement, ExpulsionRelogementType0):
            relogement = self.relogement.value
        else:
            relogement = self.relogement

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "reference": reference,
                "territoire": territoire,
                "date_acte": date_acte,
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
        if bail is not UNSET:
            field_dict["bail"] = bail
        if bailleur is not UNSET:
            field_dict["bailleur"] = bailleur
        if occupants is not UNSET:
            field_dict["occupants"] = occupants
        if dette is not UNSET:
            field_dict["dette"] = dette
        if avec_cfp is not UNSET:
            field_dict["avec_cfp"] = avec_cfp
        if depart_avant_execution is not UNSET:
            field_dict["depart_avant_execution"] = depart_avant_execution
        if relogement is not UNSET:
            field_dict["relogement"] = relogement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bail import Bail  # noqa: PLC0415
        from ..models.bailleur import Bailleur  # noqa: PLC0415
        from ..models.dette import Dette  # noqa: PLC0415
        from ..models.logement import Logement  # noqa: PLC0415
        from ..models.occupant import Occupant  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["expulsion"], d.pop("type"))
        if type_ != "expulsion":
            raise ValueError(f"type must match const 'expulsion', got '{type_}'")

        reference = d.pop("reference")

        territoire = d.pop("territoire")

        date_acte = datetime.date.fromisoformat(d.pop("date_acte"))

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

        def _parse_parc(data: object) -> ExpulsionParcType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parc_type_0 = ExpulsionParcType0(data)

                return parc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExpulsionParcType0 | None | Unset, data)

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

        def _parse_bail(data: object) -> Bail | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bail_type_0 = Bail.from_dict(data)

                return bail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Bail | None | Unset, data)

        bail = _parse_bail(d.pop("bail", UNSET))

        def _parse_bailleur(data: object) -> Bailleur | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bailleur_type_0 = Bailleur.from_dict(data)

                return bailleur_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Bailleur | None | Unset, data)

        bailleur = _parse_bailleur(d.pop("bailleur", UNSET))

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

        def _parse_dette(data: object) -> Dette | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dette_type_0 = Dette.from_dict(data)

                return dette_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Dette | None | Unset, data)

        dette = _parse_dette(d.pop("dette", UNSET))

        def _parse_avec_cfp(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        avec_cfp = _parse_avec_cfp(d.pop("avec_cfp", UNSET))

        def _parse_depart_avant_execution(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        depart_avant_execution = _parse_depart_avant_execution(d.pop("depart_avant_execution", UNSET))

        def _parse_relogement(data: object) -> ExpulsionRelogementType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relogement_type_0 = ExpulsionRelogementType0(data)

                return relogement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExpulsionRelogementType0 | None | Unset, data)

        relogement = _parse_relogement(d.pop("relogement", UNSET))

        expulsion = cls(
            type_=type_,
            reference=reference,
            territoire=territoire,
            date_acte=date_acte,
            dossier_id=dossier_id,
            recu_le=recu_le,
            parc=parc,
            logement=logement,
            bail=bail,
            bailleur=bailleur,
            occupants=occupants,
            dette=dette,
            avec_cfp=avec_cfp,
            depart_avant_execution=depart_avant_execution,
            relogement=relogement,
        )

        return expulsion
