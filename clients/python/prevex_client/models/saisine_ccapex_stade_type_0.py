from enum import StrEnum


class SaisineCcapexStadeType0(StrEnum):
    ASSIGNATION = "assignation"
    AVANT_COMMANDEMENT = "avant_commandement"
    COMMANDEMENT_DE_PAYER = "commandement_de_payer"
    COMMANDEMENT_QUITTER_LIEUX = "commandement_quitter_lieux"
    CONCOURS_FORCE_PUBLIQUE = "concours_force_publique"
    DECISION_JUSTICE = "decision_justice"

    def __str__(self) -> str:
        return str(self.value)
