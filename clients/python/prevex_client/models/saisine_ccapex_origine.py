from enum import StrEnum


class SaisineCcapexOrigine(StrEnum):
    AUTRE = "autre"
    BAILLEUR_PRIVE = "bailleur_prive"
    BAILLEUR_SOCIAL = "bailleur_social"
    COMMISSION_LOCALE = "commission_locale"
    DEPARTEMENT = "departement"
    MENAGE = "menage"
    ORGANISME_PAYEUR = "organisme_payeur"
    PREFECTURE = "prefecture"

    def __str__(self) -> str:
        return str(self.value)
