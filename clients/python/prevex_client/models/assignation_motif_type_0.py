from enum import StrEnum


class AssignationMotifType0(StrEnum):
    AUTRE = "autre"
    CONSTAT_CLAUSE_RESOLUTOIRE = "constat_clause_resolutoire"
    OCCUPATION_SANS_DROIT_NI_TITRE = "occupation_sans_droit_ni_titre"
    RESILIATION_IMPAYE = "resiliation_impaye"
    RESILIATION_TROUBLES = "resiliation_troubles"
    VALIDITE_CONGE = "validite_conge"

    def __str__(self) -> str:
        return str(self.value)
