from enum import StrEnum


class ListerEnAttenteStade(StrEnum):
    CONTENTIEUX = "contentieux"
    EXECUTION = "execution"
    PRE_CONTENTIEUX = "pre_contentieux"

    def __str__(self) -> str:
        return str(self.value)
