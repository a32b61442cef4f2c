"""Sources anyone can open: every charter citation of the rule files resolves to lines that say what the
rule claims (one key phrase per citation), and a decision links to its sources."""

from __future__ import annotations

import pytest

from app.rules.citations import (
    SOURCES_DIR,
    LignesInvalides,
    citations,
    extrait,
    fichiers_sources,
    liens_sources,
)
from app.rules.rulebook import default_rule_files, iter_rules

S000 = "000_e5d35558516f1026.txt"
S002 = "002_93761ec2a302805a.txt"
S003 = "003_449f3926f903a52d.txt"
S004 = "004_df506cacdd7ea785.txt"
S001 = "001_5b3ac7376bf74676.txt"  # the Paris observatory figures: the demo's table (docs/statistiques.md)

# (file, lines) -> a phrase the cited lines must contain (whitespace collapsed: the OCR of 000 breaks
# lines and words). A new citation in a rule file needs its row here.
KEY_PHRASES: dict[tuple[str, str], str] = {
    (S000, "126-151"): "expérimenter sur plusieurs arrondissements",
    (S000, "126-177"): "CCAPEX localisées pour le suivi des situations",
    (S000, "146"): "Expérimentation à mener en 2017 et 2018",
    (S000, "148-151"): "10, 12, 13 et 14",
    (
        S000,
        "241-249",
    ): "locataires du parc privé en situation œuvre depuis 2015 d'impayé, troubles de jouissance",
    (S000, "306-315"): "dans la limite des 20 mois suivant le passage du dossier en séance",
    (S000, "377-1854"): "ANNEXE 2 ENGAGEMENTS DES PARTENAIRES",
    (S000, "456-465"): "transmission des assignations hors impayés et la diffusion du document d'information",
    (S000, "464-465"): "Définir les modalités de traitement de ces assignations",
    (S000, "473-481"): "ouvertures ou reprises de droits",
    (
        S000,
        "522-529",
    ): "courrier de sensibilisation aux ménages lors de la réception du commandement de payer",
    (S000, "587-589"): "Instruire et traiter les saisines de la CCAPEX par la COMED",
    (
        S000,
        "712-723",
    ): "signature d'un PCS est ind ispensable à la mise en place des droits aux aides au logement",
    (S000, "718-723"): "notamment dans le cadre d'une décision favorable du FSL",
    (S000, "745-748"): "diagnostics sociaux avant l'audience",
    (S000, "919-924"): "Signaler à la DRIHL les ménages DALO pour lesquels le CFP risque d'être accordé",
    (S000, "926-930"): "six mois après le passage en commission",
    (S000, "998-1003"): "décision favorable du FSL",
    (S000, "1018-1021"): "démarche expérimentale sur quelques arrondissements",
    (S000, "1026-1028"): "commandement de payer pour un passage en CCAPEX",
    (S000, "1063-1065"): "listing envoyé par la DRIHL pour vérifier l'ouverture des droits au logement",
    (S000, "1067-1069"): "les dossiers signalés par la CAF à la CCAPEX",
    (S000, "1153-1158"): "signature d'un PCS est indispensable",
    (
        S000,
        "1198-1208",
    ): "Saisir la CCAPEX dès le début de la procédure contentieuse pour les situations complexes",
    (S000, "1201-1208"): "menacés d'expulsion pour trouble de jouissance",
    (S000, "1253-1255"): "l'ensemble des assignations pour tous motifs",
    (S000, "1257-1266"): "bailleurs personnes physiques",
    (S000, "1260-1266"): "envoi valant notification du commandement de payer",
    (S000, "1763"): "12 décembre 2017",
    (S000, "1846-1848"): "de la recevabilité et de l'état d'avancement des dossiers",
    (S002, "5-7"): "Seine-et-Marne 2018-2023",
    (S002, "100-109"): "troubles de jouissance, - congés reçus pour reprise ou pour vente",
    (S002, "148"): "situations présentées par les bailleurs sociaux",
    (S002, "188-190"): "durée de validité de 6 ans",
    (S002, "190"): "durée de validité de 6 ans",
    (
        S002,
        "340",
    ): "protocole d'accord valant titre d'occupation (PCS) entre le jugement et la décision du Préfet",
    (S002, "344"): "La CCAPEX peut demander un AVDL",
    (S002, "348"): "vers l'ADIL, les MDS et les CCAS au moment du commandement de payer",
    (S002, "366"): "Optimiser les signalements transmis à la CCAPEX par les huissiers",
    (S002, "368"): "au moins 30 jours préalablement à l'audience",
    (S002, "370"): "au stade de la réquisition du concours de la force publique",
    (S002, "392"): "orientés par l'Etat au moment du commandement de payer",
    (S002, "400"): "pour tous les publics connus ou non par les MDS",
    (S002, "401"): "avant le CFP",
    (S002, "426"): "connus ou non par les CCAS",
    (S002, "427"): "avant le CFP, en articulation avec les MDS",
    (S002, "443"): "orientés par l'Etat au moment du commandement de payer",
    (S002, "475"): "inférieurs à 2 fois le montant du loyer principal (sans aide au logement) + charges",
    (S002, "503"): "signalées en impayés de loyer",
    (S002, "529"): "protocole d'accord prévu par la loi du 18 janvier 2005",
    (S002, "541"): "2 mois suivant la constitution de l'impayé",
    (S002, "579"): "2 mois suivant la constitution de l'impayé",
    (S002, "585"): "dès l'impayé constaté par le bailleur privé",
    (S002, "606"): "de la réalisation effective ou non des CFP accordés",
    (S002, "736"): "dans lesquels figure une dette de loyer",
    (S002, "736-740"): "(CCAPEX, CLPIL ...) sur les dossiers de surendettement",
    (S002, "738"): "suspension de la procédure d'expulsion dès la recevabilité",
    (S002, "740"): "au moment de la réquisition de la force publique ou du commandement de quitter les lieux",
    (S002, "751-755"): "10 salariés et plus",
    (S002, "934"): "commission locale de prévention des impayés locatifs (CLPIL)",
    (S002, "973-975"): "Sont présentés en CLPIL",
    (S002, "1049"): "systématiquement informés de toute communication de leur situation",
    (
        S002,
        "152",
    ): "une sous-commission au nord du Département a été créée fin 2017 dans les locaux de la sous-préfecture de Meaux",
    (S002, "1077"): "(pour les arrondissements de Meaux et Torcy)",
    (S002, "1077-1079"): "(pour l'arrondissement de Provins)",
    (S002, "1078"): "(pour les arrondissements de Melun et Fontainebleau)",
    (S002, "1079"): "sp-provins@seine-et-marne.gouv.fr (pour l'arrondissement de Provins)",
    (S002, "1087-1089"): "20, Quai Hippolyte Rossignol 77000 MELUN",
    (S002, "1091-1094"): "Bureau des expulsions locatives 27, place de l'Europe 77105 MEAUX",
    (S002, "1096-1098"): "17 rue Sainte Croix 77487 PROVINS",
    (S003, "43-44"): "définir les dossiers complexes à soumettre à l'examen de la CCAPEX",
    (S004, "63-66"): "Charte 2022",
    (S004, "722-727"): "La CCAPEX adresse aux ménages endettés et signalés un courrier de prévention",
    (S004, "128-131"): "6 années d’application de la présente charte",
    (S004, "131"): "6 années d’application",
    (S004, "378-383"): "quasi exclusivement sur le parc social",
    (S004, "413-416"): "15 % des ménages locataires étaient connus du service social",
    (S004, "523-529"): "si les services sociaux du territoire n’interviennent pas déjà",
    (S004, "526-528"): "bénéficiaires de l’allocation logement à caractère familial",
    (S004, "605-612"): "l’évaluation sociale réalisée par un intervenant social",
    (S004, "649-658"): "non connus des services sociaux et résidant dans le parc privé",
    (S004, "660-676"): "Compter entre 2 et 5 membres",
    (S004, "671"): "inférieure à 10 000 €",
    (S004, "680-690"): "en général, avant l’assignation",
    (S004, "715-720"): "Bailleurs privés : propriétaires privés et SCI familiales",
    (S004, "720-722"): "Les saisines des bailleurs sociaux ont lieu deux mois avant l’assignation",
    (S004, "720-724"): "des alertes sont transmises par les organismes payeurs des aides au logement",
    (S004, "720-727"): "La CCAPEX adresse aux ménages endettés et signalés un courrier de prévention",
    (S004, "724-727"): "coordonnées de l’ADIL",
    (S004, "738-743"): "d’étudier les demandes de concours de la force publique",
    (S004, "764-769"): "parc social uniquement",
    (S004, "768-769"): "proposer un nouveau bail au locataire dans un délai de 3 mois maximum",
    (S004, "773-775"): "six fois le montant du loyer mensuel hors charges",
    (S004, "784-786"): "dans un délai de 6 mois aux personnes reconnues DALO",
    (S004, "846-849"): "L’objectif pour 2028",
    (
        S004,
        "1946-1953",
    ): "Systématiser l’information de la justice, de la préfecture en cas d’intervention du FSL",
    (S004, "2068-2075"): "dès réception du Commandement de quitter les lieux dans le cadre du DALO",
    (S004, "2068-2078"): "FSL Accès règlement dette ancienne",
    (S004, "2638-2639"): "transformation des CLIL en sous-CCAPEX",
    (S004, "2651-2652"): "transformer les CLIL en sous-CCAPEX",
    (
        S004,
        "3910-3915",
    ): "L’accumulation des courriers auprès des ménages en difficulté peut même s’avérer contre-productif",
    (S004, "3920-3921"): "non-connu de la Caf",
    (
        S004,
        "3920-3924",
    ): "dès le signalement de deux mois d’impayés de loyer pour un public allocataire de l’APL",
    (
        S004,
        "3925-3928",
    ): "au stade du commandement de payer pour le parc privé ou deux mois avant l’assignation",
    (S004, "3927-3928"): "entre 3 000 et 7 000€, les locataires sont encouragés à consulter l’ADIL",
    (S004, "3983-3995"): "dès la suspension des allocations logement",
}


def shipped_citations() -> list[tuple[str, str]]:
    """Every charter citation of the shipped rule files (rules, notes, gaps, parameters, validity)."""
    found: dict[tuple[str, str], None] = {}
    for path in default_rule_files():
        for citation in citations(path.read_text(encoding="utf-8")):
            found[(citation.fichier, citation.lignes)] = None
    return list(found)


def collapsed(text: str) -> str:
    return " ".join(text.split())


def test_every_citation_has_its_key_phrase() -> None:
    cited = shipped_citations()
    assert len(cited) > 90
    assert set(cited) == set(KEY_PHRASES), (set(cited) - set(KEY_PHRASES), set(KEY_PHRASES) - set(cited))


@pytest.mark.parametrize(("fichier", "lignes"), sorted(KEY_PHRASES))
def test_the_cited_lines_say_what_the_rule_claims(fichier: str, lignes: str) -> None:
    found = extrait(fichier, lignes)
    assert found is not None
    assert found["fichier"] == fichier and found["lignes"] == lignes
    assert KEY_PHRASES[(fichier, lignes)] in collapsed(found["texte"])


def test_an_extract_is_the_lines_of_the_shipped_text() -> None:
    lines = (SOURCES_DIR / S004).read_text(encoding="utf-8").splitlines()
    assert extrait(S004, "3925-3928") == {
        "fichier": S004,
        "lignes": "3925-3928",
        "texte": "\n".join(lines[3924:3928]),
    }
    assert extrait(S002, "190") == extrait(S002, "190-190")
    assert extrait(S002, "190") == {
        "fichier": S002,
        "lignes": "190",
        "texte": "Elle a une durée de validité de 6 ans.",
    }
    whole = extrait(S003, None)
    assert whole is not None and whole["lignes"] == "1-105"  # 104 newlines, then a last line
    assert set(fichiers_sources()) == {S000, S001, S002, S003, S004}


@pytest.mark.parametrize(
    "name", ["../national.yaml", "..", "005_0123456789abcdef.txt", "README.md", "x/004.txt"]
)
def test_only_the_shipped_texts_are_served(name: str) -> None:
    assert extrait(name, "1") is None


@pytest.mark.parametrize(
    ("lignes", "message"),
    [
        ("0", "starts at line 1"),
        ("10-9", "does not end before it starts"),
        ("4126-4127", "has 4126 lines"),
        ("abc", "expected a line number"),
        ("1-2-3", "expected a line number"),
        ("", "expected a line number"),
    ],
)
def test_a_bad_range_is_refused(lignes: str, message: str) -> None:
    with pytest.raises(LignesInvalides, match=message):
        extrait(S004, lignes)


def test_a_decision_links_to_its_sources() -> None:
    assert liens_sources(
        "seeds/004_df506cacdd7ea785.txt:L3925-3928 ; seeds/004_df506cacdd7ea785.txt:L724-727"
    ) == [
        "/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=3925-3928",
        "/v1/regles/sources/004_df506cacdd7ea785.txt?lignes=724-727",
    ]
    national = liens_sources("CPCE R153-1 ; CPCE L431-2 ; CE 29 nov. 2022 n° 443396")
    assert national == [
        "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000025024948",
        "https://www.conseil-etat.fr/fr/arianeweb/CE/decision/2022-11-29/443396",
    ]
    assert liens_sources("Loi 89-462 art. 24 I ; CPC art. 641 et 642") == [
        "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000509310",
        "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070716",
    ]
    assert liens_sources("Décret 2021-8 du 5 janvier 2021") == [
        "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042877026"
    ]


def test_every_rule_has_a_link_to_open() -> None:
    for _ruleset, regle in iter_rules():
        assert liens_sources(regle.source), regle.id
