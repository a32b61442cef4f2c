from enum import StrEnum


class ConsentementStatut(StrEnum):
    INFORME = "informe"
    REFUS = "refus"

    def __str__(self) -> str:
        return str(self.value)
