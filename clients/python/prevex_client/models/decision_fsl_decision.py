from enum import StrEnum


class DecisionFslDecision(StrEnum):
    ACCORD = "accord"
    AJOURNEMENT = "ajournement"
    REFUS = "refus"

    def __str__(self) -> str:
        return str(self.value)
