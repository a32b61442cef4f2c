from enum import StrEnum


class BilanIssueType0(StrEnum):
    DEPART = "depart"
    EXPULSION = "expulsion"
    MAINTIEN = "maintien"
    RELOGEMENT = "relogement"

    def __str__(self) -> str:
        return str(self.value)
