from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision import Decision


T = TypeVar("T", bound="Decisions")


@_attrs_define
class Decisions:
    """
    Attributes:
        echeances (list[Decision]): Deadlines. Codes:
            - `cdp_effet`: End of the payment-order period (termination clause): 6 weeks or 2 months
            - `assignation_au_plus_tot`: First day a corporate landlord may summon the tenant (CCAPEX referral + 2 months)
            - `notification_prefet_limite`: Last day for the summons to reach the préfet (hearing - 43 days since 2023, else
            2 months)
            - `dsf_transmission_limite`: Last day to send the social and financial diagnosis (5th working day before the
            hearing)
            - `expulsion_au_plus_tot`: Earliest eviction day (order to vacate + 2 months, moved to 1 April during the winter
            truce)
            - `refus_implicite_cfp`: Date of the implicit refusal of police assistance (request + 2 months)
            - `entretien_dsf_limite`: Last day to offer the diagnosis interview (15 working days after the préfet's
            referral)
            - `offre_dalo_limite`: Last day for the housing offer to a DALO priority household (decision + 6 months)
            - `enquete_sociale_limite`: Last day for the social enquiry requested by the State (77: 30 days before the
            hearing)
            - `nouveau_bail_limite`: Last day for the social landlord to offer a new lease (protocol kept, debt cleared: 3
            months)
        orientations (list[Decision]): Who must be told or seized. Codes:
            - `signalement_ccapex`: The payment order must be reported to the CCAPEX (debt threshold reached)
            - `information_prefet`: The act must be sent to the préfet
            - `demande_dsf`: The préfet refers the household for a social and financial diagnosis
            - `courrier_prevention`: Prevention letter to the household (kind per the charter)
            - `orientation_adil`: Refer the household to the ADIL (housing information agency)
            - `empex`: Diagnosis by the mobile eviction-prevention team (EMPEX, 93)
            - `protocole_tripartite`: Early-prevention tripartite protocol CAF-DRIHL-département (93)
            - `clpil`: Possible referral to the local rent-arrears prevention commission (CLPIL, 77)
            - `clil`: Possible referral to the local rent-arrears commission (CLIL, 93)
            - `verification_droits_caf`: The CAF checks the household's housing-aid rights (75)
            - `comex`: Review of the police-assistance request by the eviction commission (COMEX, 93)
            - `solipex`: Household possibly eligible for the SOLIPEX rental-intermediation scheme (93)
            - `protocole_cohesion_sociale`: Consider a social-cohesion protocol (terminated social lease, good-faith tenant)
            - `demande_enquete_sociale`: The State asks social services for a social enquiry (77, police-assistance stage)
            - `avdl`: Housing support (AVDL) for a DALO household threatened with eviction (77)
            - `information_surendettement`: Tell the CCAPEX and local commissions about an over-indebtedness case (77)
            - `saisine_ccapex_situation_complexe`: The social landlord refers a complex case to the CCAPEX at the start of
            litigation (75)
            - `signalement_dalo_cfp`: Report to the DRIHL a DALO household whose police assistance may be granted (75)
            - `ccapex_locale`: Review by a local CCAPEX (Paris arrondissements 10, 12, 13, 14)
            - `ccapex_nord`: Proposal: review by the northern CCAPEX (Meaux sub-commission; Meaux and Torcy arrondissements)
            - `ccapex_sud`: Proposal: review by the southern CCAPEX (Melun; Melun and Fontainebleau arrondissements)
            - `offre_service_organisme_payeur`: The benefits payer (CAF, MSA) offers its support service to the household in
            arrears
            - `mobilisation_dalo`: Help the household claim DALO from the order to vacate (93)
            - `information_intervention_fsl`: Tell the préfecture (and the court) that the FSL stepped in (93)
            - `document_information_motif`: Give the household the information sheet of the summons' ground other than
            arrears (75)
            - `alerte_comed`: The DALO commission alerts the CCAPEX (private-parc arrears or nuisance, 75)
            - `suspension_expulsion_surendettement`: Consider suspending the eviction (admissible over-indebtedness; State's
            opinion at the CQL/CFP stage, 77)
            - `compte_rendu_execution_cfp`: Tell the State whether the granted police assistance was carried out (77)
        alertes (list[Decision]): Admissibility and consistency alerts (never blocking). Codes:
            - `assignation_prematuree`: Summons served before two months have passed since the CCAPEX referral
            - `notification_prefet_tardive`: The summons reached the préfet after the deadline
            - `dsf_en_retard`: Diagnosis sent after the 5th working day before the hearing
            - `expulsion_pendant_treve`: Eviction dated during the winter truce
            - `expulsion_prematuree`: Eviction before two months have passed since the order to vacate
            - `entretien_dsf_tardif`: Diagnosis interview held after the 15th working day following the préfet's referral
            - `cql_non_transmis_prefet`: Order to vacate not sent to the préfet: the period before eviction is suspended
            - `requisition_non_electronique`: Police-assistance request not filed through the information system: invalid,
            no implicit refusal
            - `delais_grace_hors_limites`: Grace period outside the legal bounds in force at the decision's date
            - `sequence_incoherente`: Inconsistent sequence of acts (e.g. police-assistance decision without a request)
    """

    echeances: list[Decision]
    orientations: list[Decision]
    alertes: list[Decision]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        echeances = []
        for echeances_item_data in self.echeances:
            echeances_item = echeances_item_data.to_dict()
            echeances.append(echeances_item)

        orientations = []
        for orientations_item_data in self.orientations:
            orientations_item = orientations_item_data.to_dict()
            orientations.append(orientations_item)

        alertes = []
        for alertes_item_data in self.alertes:
            alertes_item = alertes_item_data.to_dict()
            alertes.append(alertes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "echeances": echeances,
                "orientations": orientations,
                "alertes": alertes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision import Decision  # noqa: PLC0415

        d = dict(src_dict)
        echeances = []
        _echeances = d.pop("echeances")
        for echeances_item_data in _echeances:
            echeances_item = Decision.from_dict(echeances_item_data)

            echeances.append(echeances_item)

        orientations = []
        _orientations = d.pop("orientations")
        for orientations_item_data in _orientations:
            orientations_item = Decision.from_dict(orientations_item_data)

            orientations.append(orientations_item)

        alertes = []
        _alertes = d.pop("alertes")
        for alertes_item_data in _alertes:
            alertes_item = Decision.from_dict(alertes_item_data)

            alertes.append(alertes_item)

        decisions = cls(
            echeances=echeances,
            orientations=orientations,
            alertes=alertes,
        )

        decisions.additional_properties = d
        return decisions

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
