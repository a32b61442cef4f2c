from enum import StrEnum


class ExamenDemandeIssue(StrEnum):
    AJOURNE = "ajourne"
    EXAMINE = "examine"
    RETIRE = "retire"

    def __str__(self) -> str:
        return str(self.value)
