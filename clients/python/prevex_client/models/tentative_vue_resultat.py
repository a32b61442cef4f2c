from enum import StrEnum


class TentativeVueResultat(StrEnum):
    ECHEC = "echec"
    EN_COURS = "en_cours"
    INTERROMPUE = "interrompue"
    SUCCES = "succes"

    def __str__(self) -> str:
        return str(self.value)
