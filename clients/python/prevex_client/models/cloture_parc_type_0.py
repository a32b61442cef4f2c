from enum import StrEnum


class ClotureParcType0(StrEnum):
    PRIVE = "prive"
    SOCIAL = "social"

    def __str__(self) -> str:
        return str(self.value)
