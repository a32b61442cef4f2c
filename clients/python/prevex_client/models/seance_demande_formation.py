from enum import StrEnum


class SeanceDemandeFormation(StrEnum):
    LOCALE = "locale"
    PLENIERE = "pleniere"
    RESTREINTE = "restreinte"

    def __str__(self) -> str:
        return str(self.value)
