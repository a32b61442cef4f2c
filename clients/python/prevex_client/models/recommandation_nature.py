from enum import StrEnum


class RecommandationNature(StrEnum):
    ACCOMPAGNEMENT_SOCIAL = "accompagnement_social"
    AUTRE = "autre"
    DELAIS_PREFECTURE = "delais_prefecture"
    DEMANDE_FSL = "demande_fsl"
    DEMANDE_LOGEMENT_SOCIAL = "demande_logement_social"
    DIAGNOSTIC_SOCIAL = "diagnostic_social"
    PLAN_APUREMENT = "plan_apurement"
    RECOURS_DALO = "recours_dalo"
    REPRISE_PAIEMENT = "reprise_paiement"
    SAISINE_SURENDETTEMENT = "saisine_surendettement"
    SUSPENSION_PROCEDURE_RELOGEMENT = "suspension_procedure_relogement"

    def __str__(self) -> str:
        return str(self.value)
