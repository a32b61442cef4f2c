from enum import StrEnum


class DecisionAplParcType0(StrEnum):
    PRIVE = "prive"
    SOCIAL = "social"

    def __str__(self) -> str:
        return str(self.value)
