from enum import StrEnum


class ExpulsionRelogementType0(StrEnum):
    AUCUN = "aucun"
    AUTRE = "autre"
    HEBERGEMENT = "hebergement"
    LOGEMENT_PRIVE = "logement_prive"
    LOGEMENT_SOCIAL = "logement_social"

    def __str__(self) -> str:
        return str(self.value)
