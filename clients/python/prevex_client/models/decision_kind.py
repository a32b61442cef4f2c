from enum import StrEnum


class DecisionKind(StrEnum):
    ALERTE = "alerte"
    ECHEANCE = "echeance"
    ORIENTATION = "orientation"

    def __str__(self) -> str:
        return str(self.value)
