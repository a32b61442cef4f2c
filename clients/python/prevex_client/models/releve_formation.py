from enum import StrEnum


class ReleveFormation(StrEnum):
    LOCALE = "locale"
    PLENIERE = "pleniere"
    RESTREINTE = "restreinte"

    def __str__(self) -> str:
        return str(self.value)
