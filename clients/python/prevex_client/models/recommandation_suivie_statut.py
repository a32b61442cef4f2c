from enum import StrEnum


class RecommandationSuivieStatut(StrEnum):
    EN_COURS = "en_cours"
    MISE_EN_OEUVRE = "mise_en_oeuvre"
    NON_SUIVIE = "non_suivie"
    SANS_OBJET = "sans_objet"

    def __str__(self) -> str:
        return str(self.value)
