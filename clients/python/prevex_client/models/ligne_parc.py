from enum import StrEnum


class LigneParc(StrEnum):
    INCONNU = "inconnu"
    PRIVE = "prive"
    SOCIAL = "social"
    TOTAL = "total"

    def __str__(self) -> str:
        return str(self.value)
