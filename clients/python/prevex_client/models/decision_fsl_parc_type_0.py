from enum import StrEnum


class DecisionFslParcType0(StrEnum):
    PRIVE = "prive"
    SOCIAL = "social"

    def __str__(self) -> str:
        return str(self.value)
