from enum import StrEnum


class CfpRefusImpliciteKind(StrEnum):
    ALERTE = "alerte"
    ECHEANCE = "echeance"
    ORIENTATION = "orientation"

    def __str__(self) -> str:
        return str(self.value)
