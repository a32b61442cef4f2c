from enum import StrEnum


class PointReleveIssueType0(StrEnum):
    AJOURNE = "ajourne"
    EXAMINE = "examine"
    RETIRE = "retire"

    def __str__(self) -> str:
        return str(self.value)
