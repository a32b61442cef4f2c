from enum import StrEnum


class CourrierRenduStatut(StrEnum):
    ACTIVE = "active"
    DEPASSEE = "depassee"
    SATISFAITE = "satisfaite"

    def __str__(self) -> str:
        return str(self.value)
