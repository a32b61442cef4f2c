from enum import StrEnum


class DecisionEmiseStatut(StrEnum):
    ACTIVE = "active"
    DEPASSEE = "depassee"
    REMPLACEE = "remplacee"
    SATISFAITE = "satisfaite"

    def __str__(self) -> str:
        return str(self.value)
