from enum import StrEnum


class BailleurCategorieType0(StrEnum):
    BAILLEUR_SOCIAL = "bailleur_social"
    PERSONNE_MORALE = "personne_morale"
    PERSONNE_PHYSIQUE = "personne_physique"
    SCI_FAMILIALE = "sci_familiale"

    def __str__(self) -> str:
        return str(self.value)
