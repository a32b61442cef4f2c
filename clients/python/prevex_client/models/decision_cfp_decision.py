from enum import StrEnum


class DecisionCfpDecision(StrEnum):
    OCTROI = "octroi"
    REFUS = "refus"
    SURSIS = "sursis"

    def __str__(self) -> str:
        return str(self.value)
