from enum import StrEnum


class EntreeChronologieNature(StrEnum):
    ACTE = "acte"
    EVENEMENT = "evenement"

    def __str__(self) -> str:
        return str(self.value)
