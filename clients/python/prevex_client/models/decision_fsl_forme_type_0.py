from enum import StrEnum


class DecisionFslFormeType0(StrEnum):
    MIXTE = "mixte"
    PRET = "pret"
    SUBVENTION = "subvention"

    def __str__(self) -> str:
        return str(self.value)
