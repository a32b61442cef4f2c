from enum import StrEnum


class AbonnementStatut(StrEnum):
    ACTIF = "actif"
    DESACTIVE = "desactive"
    SUPPRIME = "supprime"

    def __str__(self) -> str:
        return str(self.value)
