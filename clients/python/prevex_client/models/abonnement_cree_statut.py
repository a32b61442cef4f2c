from enum import StrEnum


class AbonnementCreeStatut(StrEnum):
    ACTIF = "actif"
    DESACTIVE = "desactive"
    SUPPRIME = "supprime"

    def __str__(self) -> str:
        return str(self.value)
