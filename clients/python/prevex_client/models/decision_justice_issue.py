from enum import StrEnum


class DecisionJusticeIssue(StrEnum):
    AUTRE = "autre"
    DELAIS_PAIEMENT = "delais_paiement"
    RADIATION = "radiation"
    REJET = "rejet"
    RENVOI = "renvoi"
    RESILIATION_EXPULSION = "resiliation_expulsion"

    def __str__(self) -> str:
        return str(self.value)
