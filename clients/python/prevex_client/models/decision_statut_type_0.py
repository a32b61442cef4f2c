from enum import StrEnum


class DecisionStatutType0(StrEnum):
    ACTIVE = "active"
    DEPASSEE = "depassee"
    REMPLACEE = "remplacee"
    SATISFAITE = "satisfaite"

    def __str__(self) -> str:
        return str(self.value)
