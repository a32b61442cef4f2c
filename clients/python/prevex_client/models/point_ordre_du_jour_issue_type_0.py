from enum import StrEnum


class PointOrdreDuJourIssueType0(StrEnum):
    AJOURNE = "ajourne"
    EXAMINE = "examine"
    RETIRE = "retire"

    def __str__(self) -> str:
        return str(self.value)
