from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dossier_vue_stade import DossierVueStade
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acte_vue import ActeVue
    from ..models.decision import Decision
    from ..models.dossier_vue_faits import DossierVueFaits
    from ..models.proposition import Proposition


T = TypeVar("T", bound="DossierVue")


@_attrs_define
class DossierVue:
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
        id (str):
        territoire (str):
        parc (None | str):
        stade (DossierVueStade):
        created_at (str):
        updated_at (str):
        faits (DossierVueFaits): Each fact (dotted paths) with its current value: the one stated by the act with the
            most recent date_acte (then the latest received), with its source; an old act filed late joins the history
            without overriding newer facts
        actes (list[ActeVue]):
        version_regles (None | str):
        attributions_proposees (list[Proposition] | None | Unset): To the CCAPEX and local commissions only: the routing
            the charters propose (rule, source, partner kind, candidates); never made silently: `POST
            /v1/dossiers/{id}/attributions`
    """

    echeances: list[Decision]
    orientations: list[Decision]
    alertes: list[Decision]
    id: str
    territoire: str
    parc: None | str
    stade: DossierVueStade
    created_at: str
    updated_at: str
    faits: DossierVueFaits
    actes: list[ActeVue]
    version_regles: None | str
    attributions_proposees: list[Proposition] | None | Unset = UNSET
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

        id = self.id

        territoire = self.territoire

        parc: None | str
        parc = self.parc

        stade = self.stade.value

        created_at = self.created_at

        updated_at = self.updated_at

        faits = self.faits.to_dict()

        actes = []
        for actes_item_data in self.actes:
            actes_item = actes_item_data.to_dict()
            actes.append(actes_item)

        version_regles: None | str
        version_regles = self.version_regles

        attributions_proposees: list[dict[str, Any]] | None | Unset
        if isinstance(self.attributions_proposees, Unset):
            attributions_proposees = UNSET
        elif isinstance(self.attributions_proposees, list):
            attributions_proposees = []
            for attributions_proposees_type_0_item_data in self.attributions_proposees:
                attributions_proposees_type_0_item = attributions_proposees_type_0_item_data.to_dict()
                attributions_proposees.append(attributions_proposees_type_0_item)

        else:
            attributions_proposees = self.attributions_proposees

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "echeances": echeances,
                "orientations": orientations,
                "alertes": alertes,
                "id": id,
                "territoire": territoire,
                "parc": parc,
                "stade": stade,
                "created_at": created_at,
                "updated_at": updated_at,
                "faits": faits,
                "actes": actes,
                "version_regles": version_regles,
            }
        )
        if attributions_proposees is not UNSET:
            field_dict["attributions_proposees"] = attributions_proposees

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acte_vue import ActeVue  # noqa: PLC0415
        from ..models.decision import Decision  # noqa: PLC0415
        from ..models.dossier_vue_faits import DossierVueFaits  # noqa: PLC0415
        from ..models.proposition import Proposition  # noqa: PLC0415

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

        id = d.pop("id")

        territoire = d.pop("territoire")

        def _parse_parc(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parc = _parse_parc(d.pop("parc"))

        stade = DossierVueStade(d.pop("stade"))

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        faits = DossierVueFaits.from_dict(d.pop("faits"))

        actes = []
        _actes = d.pop("actes")
        for actes_item_data in _actes:
            actes_item = ActeVue.from_dict(actes_item_data)

            actes.append(actes_item)

        def _parse_version_regles(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        version_regles = _parse_version_regles(d.pop("version_regles"))

        def _parse_attributions_proposees(data: object) -> list[Proposition] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attributions_proposees_type_0 = []
                _attributions_proposees_type_0 = data
                for attributions_proposees_type_0_item_data in _attributions_proposees_type_0:
                    attributions_proposees_type_0_item = Proposition.from_dict(attributions_proposees_type_0_item_data)

                    attributions_proposees_type_0.append(attributions_proposees_type_0_item)

                return attributions_proposees_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Proposition] | None | Unset, data)

        attributions_proposees = _parse_attributions_proposees(d.pop("attributions_proposees", UNSET))

        dossier_vue = cls(
            echeances=echeances,
            orientations=orientations,
            alertes=alertes,
            id=id,
            territoire=territoire,
            parc=parc,
            stade=stade,
            created_at=created_at,
            updated_at=updated_at,
            faits=faits,
            actes=actes,
            version_regles=version_regles,
            attributions_proposees=attributions_proposees,
        )

        dossier_vue.additional_properties = d
        return dossier_vue

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
