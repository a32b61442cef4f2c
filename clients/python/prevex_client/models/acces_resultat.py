from enum import StrEnum


class AccesResultat(StrEnum):
    ECRIT = "ecrit"
    LU = "lu"
    REFUSE = "refuse"

    def __str__(self) -> str:
        return str(self.value)
