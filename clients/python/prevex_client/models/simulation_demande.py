from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.assignation import Assignation
    from ..models.cloture import Cloture
    from ..models.commandement_de_payer import CommandementDePayer
    from ..models.commandement_quitter_lieux import CommandementQuitterLieux
    from ..models.decision_apl import DecisionApl
    from ..models.decision_cfp import DecisionCfp
    from ..models.decision_dalo import DecisionDalo
    from ..models.decision_fsl import DecisionFsl
    from ..models.decision_justice import DecisionJustice
    from ..models.diagnostic_social_financier import DiagnosticSocialFinancier
    from ..models.expulsion import Expulsion
    from ..models.plan_apurement import PlanApurement
    from ..models.protocole_cohesion_sociale import ProtocoleCohesionSociale
    from ..models.requisition_cfp import RequisitionCfp
    from ..models.saisine_ccapex import SaisineCcapex
    from ..models.signalement_impaye import SignalementImpaye
    from ..models.surendettement import Surendettement


T = TypeVar("T", bound="SimulationDemande")


@_attrs_define
class SimulationDemande:
    """The acts of one dossier, in order. Nothing is stored. An act may carry `recu_le` (when it reached
    Prevex); without it, its `date_acte` stands for it.

        Attributes:
            territoire (str):
            actes (list[Assignation | Cloture | CommandementDePayer | CommandementQuitterLieux | DecisionApl | DecisionCfp |
                DecisionDalo | DecisionFsl | DecisionJustice | DiagnosticSocialFinancier | Expulsion | PlanApurement |
                ProtocoleCohesionSociale | RequisitionCfp | SaisineCcapex | SignalementImpaye | Surendettement]):
    """

    territoire: str
    actes: list[
        Assignation
        | Cloture
        | CommandementDePayer
        | CommandementQuitterLieux
        | DecisionApl
        | DecisionCfp
        | DecisionDalo
        | DecisionFsl
        | DecisionJustice
        | DiagnosticSocialFinancier
        | Expulsion
        | PlanApurement
        | ProtocoleCohesionSociale
        | RequisitionCfp
        | SaisineCcapex
        | SignalementImpaye
        | Surendettement
    ]

    def to_dict(self) -> dict[str, Any]:
        from ..models.assignation import Assignation  # noqa: PLC0415
        from ..models.commandement_de_payer import CommandementDePayer  # noqa: PLC0415
        from ..models.commandement_quitter_lieux import CommandementQuitterLieux  # noqa: PLC0415
        from ..models.decision_apl import DecisionApl  # noqa: PLC0415
        from ..models.decision_cfp import DecisionCfp  # noqa: PLC0415
        from ..models.decision_dalo import DecisionDalo  # noqa: PLC0415
        from ..models.decision_fsl import DecisionFsl  # noqa: PLC0415
        from ..models.decision_justice import DecisionJustice  # noqa: PLC0415
        from ..models.diagnostic_social_financier import DiagnosticSocialFinancier  # noqa: PLC0415
        from ..models.expulsion import Expulsion  # noqa: PLC0415
        from ..models.plan_apurement import PlanApurement  # noqa: PLC0415
        from ..models.protocole_cohesion_sociale import ProtocoleCohesionSociale  # noqa: PLC0415
        from ..models.requisition_cfp import RequisitionCfp  # noqa: PLC0415
        from ..models.saisine_ccapex import SaisineCcapex  # noqa: PLC0415
        from ..models.signalement_impaye import SignalementImpaye  # noqa: PLC0415
        from ..models.surendettement import Surendettement  # noqa: PLC0415

        territoire = self.territoire

        actes = []
        for actes_item_data in self.actes:
            actes_item: dict[str, Any]
            if isinstance(actes_item_data, SignalementImpaye):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, CommandementDePayer):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, SaisineCcapex):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, Assignation):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, DiagnosticSocialFinancier):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, DecisionJustice):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, ProtocoleCohesionSociale):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, CommandementQuitterLieux):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, RequisitionCfp):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, DecisionCfp):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, Expulsion):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, DecisionFsl):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, Surendettement):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, DecisionDalo):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, DecisionApl):
                actes_item = actes_item_data.to_dict()
            elif isinstance(actes_item_data, PlanApurement):
                actes_item = actes_item_data.to_dict()
            else:
                actes_item = actes_item_data.to_dict()

            actes.append(actes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "territoire": territoire,
                "actes": actes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignation import Assignation  # noqa: PLC0415
        from ..models.cloture import Cloture  # noqa: PLC0415
        from ..models.commandement_de_payer import CommandementDePayer  # noqa: PLC0415
        from ..models.commandement_quitter_lieux import CommandementQuitterLieux  # noqa: PLC0415
        from ..models.decision_apl import DecisionApl  # noqa: PLC0415
        from ..models.decision_cfp import DecisionCfp  # noqa: PLC0415
        from ..models.decision_dalo import DecisionDalo  # noqa: PLC0415
        from ..models.decision_fsl import DecisionFsl  # noqa: PLC0415
        from ..models.decision_justice import DecisionJustice  # noqa: PLC0415
        from ..models.diagnostic_social_financier import DiagnosticSocialFinancier  # noqa: PLC0415
        from ..models.expulsion import Expulsion  # noqa: PLC0415
        from ..models.plan_apurement import PlanApurement  # noqa: PLC0415
        from ..models.protocole_cohesion_sociale import ProtocoleCohesionSociale  # noqa: PLC0415
        from ..models.requisition_cfp import RequisitionCfp  # noqa: PLC0415
        from ..models.saisine_ccapex import SaisineCcapex  # noqa: PLC0415
        from ..models.signalement_impaye import SignalementImpaye  # noqa: PLC0415
        from ..models.surendettement import Surendettement  # noqa: PLC0415

        d = dict(src_dict)
        territoire = d.pop("territoire")

        actes = []
        _actes = d.pop("actes")
        for actes_item_data in _actes:

            def _parse_actes_item(
                data: object,
            ) -> (
                Assignation
                | Cloture
                | CommandementDePayer
                | CommandementQuitterLieux
                | DecisionApl
                | DecisionCfp
                | DecisionDalo
                | DecisionFsl
                | DecisionJustice
                | DiagnosticSocialFinancier
                | Expulsion
                | PlanApurement
                | ProtocoleCohesionSociale
                | RequisitionCfp
                | SaisineCcapex
                | SignalementImpaye
                | Surendettement
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_0 = SignalementImpaye.from_dict(data)

                    return actes_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_1 = CommandementDePayer.from_dict(data)

                    return actes_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_2 = SaisineCcapex.from_dict(data)

                    return actes_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_3 = Assignation.from_dict(data)

                    return actes_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_4 = DiagnosticSocialFinancier.from_dict(data)

                    return actes_item_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_5 = DecisionJustice.from_dict(data)

                    return actes_item_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_6 = ProtocoleCohesionSociale.from_dict(data)

                    return actes_item_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_7 = CommandementQuitterLieux.from_dict(data)

                    return actes_item_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_8 = RequisitionCfp.from_dict(data)

                    return actes_item_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_9 = DecisionCfp.from_dict(data)

                    return actes_item_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_10 = Expulsion.from_dict(data)

                    return actes_item_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_11 = DecisionFsl.from_dict(data)

                    return actes_item_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_12 = Surendettement.from_dict(data)

                    return actes_item_type_12
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_13 = DecisionDalo.from_dict(data)

                    return actes_item_type_13
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_14 = DecisionApl.from_dict(data)

                    return actes_item_type_14
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    actes_item_type_15 = PlanApurement.from_dict(data)

                    return actes_item_type_15
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                actes_item_type_16 = Cloture.from_dict(data)

                return actes_item_type_16

            actes_item = _parse_actes_item(actes_item_data)

            actes.append(actes_item)

        simulation_demande = cls(
            territoire=territoire,
            actes=actes,
        )

        return simulation_demande
