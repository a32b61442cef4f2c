from enum import StrEnum


class SurendettementParcType0(StrEnum):
    PRIVE = "prive"
    SOCIAL = "social"

    def __str__(self) -> str:
        return str(self.value)
