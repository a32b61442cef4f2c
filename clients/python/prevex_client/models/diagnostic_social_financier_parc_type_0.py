from enum import StrEnum


class DiagnosticSocialFinancierParcType0(StrEnum):
    PRIVE = "prive"
    SOCIAL = "social"

    def __str__(self) -> str:
        return str(self.value)
