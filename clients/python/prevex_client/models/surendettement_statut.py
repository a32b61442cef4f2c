from enum import StrEnum


class SurendettementStatut(StrEnum):
    DEPOT = "depot"
    IRRECEVABLE = "irrecevable"
    MESURES_IMPOSEES = "mesures_imposees"
    PLAN_CONVENTIONNEL = "plan_conventionnel"
    RECEVABLE = "recevable"
    RETABLISSEMENT_PERSONNEL = "retablissement_personnel"

    def __str__(self) -> str:
        return str(self.value)
