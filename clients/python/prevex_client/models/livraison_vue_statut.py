from enum import StrEnum


class LivraisonVueStatut(StrEnum):
    ANNULEE = "annulee"
    ECHOUEE = "echouee"
    EN_ATTENTE = "en_attente"
    LIVREE = "livree"

    def __str__(self) -> str:
        return str(self.value)
