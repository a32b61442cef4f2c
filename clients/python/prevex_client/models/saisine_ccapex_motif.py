from enum import StrEnum


class SaisineCcapexMotif(StrEnum):
    AUTRE = "autre"
    CONGE_REPRISE = "conge_reprise"
    CONGE_VENTE = "conge_vente"
    IMPAYE = "impaye"
    OCCUPATION_SANS_DROIT_NI_TITRE = "occupation_sans_droit_ni_titre"
    TROUBLES_JOUISSANCE = "troubles_jouissance"

    def __str__(self) -> str:
        return str(self.value)
