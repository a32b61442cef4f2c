from enum import StrEnum


class DecisionEmiseKind(StrEnum):
    ALERTE = "alerte"
    ECHEANCE = "echeance"
    ORIENTATION = "orientation"

    def __str__(self) -> str:
        return str(self.value)
