from enum import StrEnum


class ClotureMotif(StrEnum):
    AUTRE = "autre"
    DEPART = "depart"
    DETTE_SOLDEE = "dette_soldee"
    RELOGEMENT = "relogement"

    def __str__(self) -> str:
        return str(self.value)
