from enum import StrEnum


class DecisionAplDecision(StrEnum):
    MAINTIEN = "maintien"
    SUSPENSION = "suspension"

    def __str__(self) -> str:
        return str(self.value)
