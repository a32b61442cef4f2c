from enum import StrEnum


class PartenaireProfilKind(StrEnum):
    BAILLEUR_PRIVE = "bailleur_prive"
    BAILLEUR_SOCIAL = "bailleur_social"
    CCAPEX = "ccapex"
    COMMISSAIRE_JUSTICE = "commissaire_justice"
    COMMISSION_LOCALE = "commission_locale"
    DEPARTEMENT = "departement"
    DPO = "dpo"
    ORGANISME_PAYEUR = "organisme_payeur"
    OTHER = "other"
    PREFECTURE = "prefecture"

    def __str__(self) -> str:
        return str(self.value)
