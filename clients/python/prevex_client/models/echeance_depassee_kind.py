from enum import StrEnum


class EcheanceDepasseeKind(StrEnum):
    ALERTE = "alerte"
    ECHEANCE = "echeance"
    ORIENTATION = "orientation"

    def __str__(self) -> str:
        return str(self.value)
