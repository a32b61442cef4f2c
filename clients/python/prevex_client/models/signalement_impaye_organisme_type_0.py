from enum import StrEnum


class SignalementImpayeOrganismeType0(StrEnum):
    CAF = "caf"
    MSA = "msa"

    def __str__(self) -> str:
        return str(self.value)
