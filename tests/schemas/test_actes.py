"""The act schemas: examples, strict validation, exact JSON pointers, who files what."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pydantic
import pytest

from app.schemas.actes import (
    ACTE_ADAPTER,
    ACTE_CLASSES,
    ACTE_TYPES,
    DEPOSANTS,
    EXEMPLES,
    CommandementDePayer,
)
from app.schemas.errors import json_pointer, validation_errors

ALL_TYPES = (
    "signalement_impaye",
    "commandement_de_payer",
    "saisine_ccapex",
    "assignation",
    "diagnostic_social_financier",
    "decision_justice",
    "protocole_cohesion_sociale",
    "commandement_quitter_lieux",
    "requisition_cfp",
    "decision_cfp",
    "expulsion",
    "decision_fsl",
    "surendettement",
    "decision_dalo",
    "decision_apl",
    "plan_apurement",
    "cloture",
)
PARTNER_KINDS = (
    "commissaire_justice",
    "bailleur_social",
    "bailleur_prive",
    "organisme_payeur",
    "ccapex",
    "departement",
    "prefecture",
    "commission_locale",
    "other",
    "dpo",
)


def example(type_: str) -> dict[str, Any]:
    return copy.deepcopy(EXEMPLES[type_])


def errors_of(body: Any) -> list[dict[str, str]]:
    """Validate like the API does (JSON, strict) and return the pointer list; fail if it validates."""
    raw = body if isinstance(body, str | bytes) else json.dumps(body)
    with pytest.raises(pydantic.ValidationError) as info:
        ACTE_ADAPTER.validate_json(raw, strict=True)
    return validation_errors(info.value, ACTE_ADAPTER)


def pointers_of(body: Any) -> list[str]:
    return [e["pointer"] for e in errors_of(body)]


def validate(body: dict[str, Any]) -> Any:
    return ACTE_ADAPTER.validate_json(json.dumps(body), strict=True)


# ------------------------------------------------------------------------------------------------
# Catalogue and examples
# ------------------------------------------------------------------------------------------------


def test_acte_types_are_the_domain_acts_in_procedure_order() -> None:
    assert ACTE_TYPES == ALL_TYPES
    assert tuple(EXEMPLES) == ALL_TYPES
    assert tuple(ACTE_CLASSES) == ALL_TYPES


@pytest.mark.parametrize("type_", ALL_TYPES)
def test_example_validates_and_round_trips(type_: str) -> None:
    body = example(type_)
    acte = validate(body)
    assert type(acte) is ACTE_CLASSES[type_]
    assert acte.type == type_
    dumped = acte.model_dump(mode="json")
    assert ACTE_ADAPTER.validate_json(json.dumps(dumped), strict=True) == acte
    # The examples are already in normal form: what goes in comes back out.
    assert acte.model_dump(mode="json", exclude_none=True) == body


@pytest.mark.parametrize("type_", ALL_TYPES)
def test_example_is_in_the_class_json_schema(type_: str) -> None:
    schema = ACTE_CLASSES[type_].model_json_schema()
    assert schema["examples"] == [EXEMPLES[type_]]
    assert schema["additionalProperties"] is False
    assert "recu_le" not in EXEMPLES[type_]


def test_union_json_schema_has_a_discriminator_mapping() -> None:
    schema = ACTE_ADAPTER.json_schema()
    assert schema["discriminator"]["propertyName"] == "type"
    assert sorted(schema["discriminator"]["mapping"]) == sorted(ALL_TYPES)


def test_exemples_is_a_copy() -> None:
    first = EXEMPLES["commandement_de_payer"]
    other = EXEMPLES["assignation"]
    assert first["logement"] is not other["logement"]


def test_models_are_frozen() -> None:
    acte = validate(example("cloture"))
    with pytest.raises(pydantic.ValidationError):
        acte.motif = "depart"


# ------------------------------------------------------------------------------------------------
# Strict types
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        (False, "Input should be a valid integer"),
        (True, "Input should be a valid integer"),
        (1000.0, "Input should be a valid integer"),
        (1000.5, "Input should be a valid integer"),
        ("1000", "Input should be a valid integer"),
        (-1, "Input should be greater than or equal to 0"),
    ],
)
def test_debt_amount_is_a_non_negative_integer_of_cents(value: Any, detail: str) -> None:
    body = example("commandement_de_payer")
    body["dette"]["montant_cents"] = value
    assert errors_of(body) == [{"pointer": "/dette/montant_cents", "detail": detail}]


def test_float_rent_is_refused() -> None:
    body = example("commandement_de_payer")
    body["bail"]["loyer_mensuel_hc_cents"] = 850.00
    assert pointers_of(body) == ["/bail/loyer_mensuel_hc_cents"]


def test_negative_months_of_arrears() -> None:
    body = example("commandement_de_payer")
    body["dette"]["mois_impayes_consecutifs"] = -2
    assert errors_of(body) == [
        {"pointer": "/dette/mois_impayes_consecutifs", "detail": "Input should be greater than or equal to 0"}
    ]


def test_months_of_arrears_false_is_not_zero() -> None:
    body = example("signalement_impaye")
    body["dette"]["mois_impayes_consecutifs"] = False
    assert pointers_of(body) == ["/dette/mois_impayes_consecutifs"]


def test_boolean_is_not_a_string() -> None:
    body = example("requisition_cfp")
    body["voie_electronique"] = "true"
    assert errors_of(body) == [{"pointer": "/voie_electronique", "detail": "Input should be a valid boolean"}]


@pytest.mark.parametrize("value", [20250310, 1741564800.0, True])
def test_date_as_a_number_is_refused(value: Any) -> None:
    body = example("commandement_de_payer")
    body["date_acte"] = value
    assert errors_of(body) == [{"pointer": "/date_acte", "detail": "Input should be a valid date"}]


@pytest.mark.parametrize("value", ["10/03/2025", "2025-3-10", "2025-02-30", "10 mars 2025", ""])
def test_non_iso_date_is_refused(value: str) -> None:
    body = example("commandement_de_payer")
    body["date_acte"] = value
    assert pointers_of(body) == ["/date_acte"]


def test_nested_non_iso_date_points_into_the_object() -> None:
    body = example("commandement_de_payer")
    body["bail"]["date_signature"] = "01/09/2021"
    assert pointers_of(body) == ["/bail/date_signature"]


def test_recu_le_is_optional_aware_and_normalised_to_utc() -> None:
    body = example("assignation")
    body["recu_le"] = "2025-05-05T10:30:00+02:00"
    assert validate(body).recu_le == dt.datetime(2025, 5, 5, 8, 30, tzinfo=dt.UTC)
    body["recu_le"] = "2025-05-05T10:30:00"
    assert pointers_of(body) == ["/recu_le"]


def test_dossier_id_is_a_uuid() -> None:
    body = example("cloture")
    body["dossier_id"] = "dossier-42"
    assert pointers_of(body) == ["/dossier_id"]


def test_strings_are_stripped_and_blank_is_refused() -> None:
    body = example("cloture")
    body["reference"] = "  CCAPEX93-CLOT-1  "
    assert validate(body).reference == "CCAPEX93-CLOT-1"
    body["reference"] = "   "
    assert pointers_of(body) == ["/reference"]


def test_overlong_strings_are_refused() -> None:
    body = example("assignation")
    body["tribunal"] = "x" * 201
    body["logement"]["adresse"] = "x" * 501
    assert pointers_of(body) == ["/logement/adresse", "/tribunal"]


def test_enumerations_are_closed() -> None:
    body = example("decision_cfp")
    body["decision"] = "accord"
    assert errors_of(body) == [
        {"pointer": "/decision", "detail": "Input should be 'octroi', 'refus' or 'sursis'"}
    ]


# ------------------------------------------------------------------------------------------------
# Unknown fields, discriminator, body shape
# ------------------------------------------------------------------------------------------------


def test_unknown_top_level_field() -> None:
    body = example("commandement_de_payer")
    body["montant"] = 12
    assert errors_of(body) == [{"pointer": "/montant", "detail": "unknown field 'montant': not allowed"}]


def test_unknown_nested_field() -> None:
    body = example("commandement_de_payer")
    body["occupants"][0]["nationalite"] = "FR"
    assert errors_of(body) == [
        {"pointer": "/occupants/0/nationalite", "detail": "unknown field 'nationalite': not allowed"}
    ]


def test_field_of_another_act_type_is_unknown() -> None:
    body = example("commandement_de_payer")
    body["date_audience"] = "2025-06-01"
    assert pointers_of(body) == ["/date_audience"]


def test_unknown_field_name_is_escaped_in_the_pointer() -> None:
    body = example("cloture")
    body["a/b~c"] = 1
    assert pointers_of(body) == ["/a~1b~0c"]


def test_missing_type() -> None:
    body = example("commandement_de_payer")
    del body["type"]
    errors = errors_of(body)
    assert [e["pointer"] for e in errors] == ["/type"]
    assert "commandement_de_payer" in errors[0]["detail"]


@pytest.mark.parametrize("value", ["commandement", "COMMANDEMENT_DE_PAYER", 3, None, ["cloture"]])
def test_unknown_type(value: Any) -> None:
    body = example("commandement_de_payer")
    body["type"] = value
    assert pointers_of(body) == ["/type"]


@pytest.mark.parametrize("raw", ["[]", "42", '"commandement_de_payer"', "null", "{not json", ""])
def test_body_not_an_object_points_at_the_whole_document(raw: str) -> None:
    assert pointers_of(raw) == [""]


def test_array_body_detail() -> None:
    assert errors_of("[]") == [{"pointer": "", "detail": "the request body must be a JSON object"}]


# ------------------------------------------------------------------------------------------------
# Required fields
# ------------------------------------------------------------------------------------------------


def test_common_envelope_is_required() -> None:
    assert errors_of({"type": "cloture", "motif": "depart"}) == [
        {"pointer": "/reference", "detail": "field required"},
        {"pointer": "/territoire", "detail": "field required"},
        {"pointer": "/date_acte", "detail": "field required"},
    ]


def test_minimal_act_is_accepted() -> None:
    acte = validate({"type": "expulsion", "reference": "R1", "territoire": "75", "date_acte": "2025-06-16"})
    assert acte.avec_cfp is None
    assert acte.occupants is None


def test_cdp_without_bailleur() -> None:
    body = example("commandement_de_payer")
    del body["bailleur"]
    assert errors_of(body) == [{"pointer": "/bailleur", "detail": "field required"}]


def test_cdp_bailleur_without_categorie() -> None:
    body = example("commandement_de_payer")
    del body["bailleur"]["categorie"]
    assert errors_of(body) == [{"pointer": "/bailleur/categorie", "detail": "field required"}]


def test_categorie_is_optional_outside_the_cdp() -> None:
    body = example("assignation")
    del body["bailleur"]["categorie"]
    assert validate(body).bailleur.categorie is None


def test_cdp_without_bail_and_dette() -> None:
    body = example("commandement_de_payer")
    del body["bail"], body["dette"]
    assert pointers_of(body) == ["/bail", "/dette"]


def test_cdp_bail_and_dette_facts_are_required() -> None:
    body = example("commandement_de_payer")
    body["bail"] = {}
    body["dette"] = {"montant_cents": 100}
    assert pointers_of(body) == [
        "/bail/date_signature",
        "/bail/loyer_mensuel_hc_cents",
        "/bail/charges_mensuelles_cents",
        "/dette/mois_impayes_consecutifs",
    ]


def test_assignation_without_hearing_date() -> None:
    body = example("assignation")
    del body["date_audience"]
    assert pointers_of(body) == ["/date_audience"]


def test_saisine_without_motif_and_origine() -> None:
    body = example("saisine_ccapex")
    del body["motif"], body["origine"]
    assert pointers_of(body) == ["/motif", "/origine"]


def test_decision_cfp_without_decision() -> None:
    body = example("decision_cfp")
    del body["decision"]
    assert pointers_of(body) == ["/decision"]


# ------------------------------------------------------------------------------------------------
# Identifiers and codes
# ------------------------------------------------------------------------------------------------


def test_bad_siren_checksum() -> None:
    body = example("commandement_de_payer")
    body["bailleur"]["siren"] = "123456789"
    errors = errors_of(body)
    assert [e["pointer"] for e in errors] == ["/bailleur/siren"]
    assert "checksum" in errors[0]["detail"]


@pytest.mark.parametrize("value", ["12345678", "1234567820", "12345678A"])
def test_bad_siren_format(value: str) -> None:
    body = example("commandement_de_payer")
    body["bailleur"]["siren"] = value
    assert pointers_of(body) == ["/bailleur/siren"]


def test_siren_is_compacted() -> None:
    body = example("commandement_de_payer")
    body["bailleur"]["siren"] = "123 456 782"
    assert validate(body).bailleur.siren == "123456782"


def test_bad_siret_checksum() -> None:
    body = example("commandement_de_payer")
    body["commissaire"]["siret"] = "55512345400013"
    assert pointers_of(body) == ["/commissaire/siret"]


@pytest.mark.parametrize("value", ["9304", "930488", "93A48", "20004", "2C004", "93000", "97600", "97711"])
def test_bad_insee_code(value: str) -> None:
    body = example("commandement_de_payer")
    body["logement"]["code_commune"] = value
    assert pointers_of(body) == ["/logement/code_commune"]


@pytest.mark.parametrize(
    ("territoire", "code_commune", "code_postal"),
    [("2A", "2A004", "20000"), ("2B", "2B033", "20200"), ("974", "97411", "97400"), ("75", "75112", "75012")],
)
def test_insee_codes_of_corsica_overseas_and_paris(
    territoire: str, code_commune: str, code_postal: str
) -> None:
    body = example("cloture")
    body["territoire"] = territoire
    body["logement"] = {
        "adresse": "1 place Fictive",
        "code_postal": code_postal,
        "code_commune": code_commune,
    }
    assert validate(body).logement.code_commune == code_commune


@pytest.mark.parametrize(("territoire", "code_commune"), [("93", "75056"), ("2B", "2A004"), ("971", "97411")])
def test_code_commune_inconsistent_with_territoire(territoire: str, code_commune: str) -> None:
    body = example("commandement_de_payer")
    body["territoire"] = territoire
    body["logement"]["code_commune"] = code_commune
    errors = errors_of(body)
    assert [e["pointer"] for e in errors] == ["/logement/code_commune"]
    assert territoire in errors[0]["detail"]


@pytest.mark.parametrize("value", ["20", "00", "96", "970", "977", "2a", "9", "930", 93])
def test_bad_territoire(value: Any) -> None:
    body = example("commandement_de_payer")
    body["territoire"] = value
    assert pointers_of(body) == ["/territoire"]


@pytest.mark.parametrize("value", ["01", "19", "21", "2A", "2B", "95", "971", "976"])
def test_good_territoire(value: str) -> None:
    body = example("decision_dalo")
    body["territoire"] = value
    assert validate(body).territoire == value


@pytest.mark.parametrize("value", ["9310", "931000", "93 100", "F-93100"])
def test_bad_code_postal(value: str) -> None:
    body = example("commandement_de_payer")
    body["logement"]["code_postal"] = value
    assert pointers_of(body) == ["/logement/code_postal"]


# ------------------------------------------------------------------------------------------------
# Occupants
# ------------------------------------------------------------------------------------------------


def test_occupant_born_in_the_future() -> None:
    body = example("commandement_de_payer")
    body["occupants"][0]["date_naissance"] = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert errors_of(body) == [
        {"pointer": "/occupants/0/date_naissance", "detail": "date must be in the past"}
    ]


def test_occupant_born_today_is_refused() -> None:
    body = example("commandement_de_payer")
    body["occupants"].append({"nom": "EXEMPLE", "date_naissance": dt.date.today().isoformat()})
    assert pointers_of(body) == ["/occupants/1/date_naissance"]


def test_too_many_occupants() -> None:
    body = example("commandement_de_payer")
    body["occupants"] = [{"nom": f"EXEMPLE{i}"} for i in range(21)]
    assert pointers_of(body) == ["/occupants"]
    body["occupants"] = body["occupants"][:20]
    assert len(validate(body).occupants) == 20


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("0639981234", "0639981234"),
        ("06 39 98 12 34", "0639981234"),
        ("06.39.98.12.34", "0639981234"),
        ("+33 6 39 98 12 34", "+33639981234"),
    ],
)
def test_telephone_is_normalised(value: str, stored: str) -> None:
    body = example("commandement_de_payer")
    body["occupants"][0]["telephone"] = value
    assert validate(body).occupants[0].telephone == stored


@pytest.mark.parametrize("value", ["063998123", "6399812345", "0039981234", "+0639981234", "06-39-98-12-3a"])
def test_bad_telephone(value: str) -> None:
    body = example("commandement_de_payer")
    body["occupants"][0]["telephone"] = value
    assert pointers_of(body) == ["/occupants/0/telephone"]


@pytest.mark.parametrize(
    "value", ["camille", "camille@", "@example.org", "camille@example", "a b@example.org"]
)
def test_bad_email(value: str) -> None:
    body = example("commandement_de_payer")
    body["occupants"][0]["email"] = value
    assert pointers_of(body) == ["/occupants/0/email"]


# ------------------------------------------------------------------------------------------------
# Cross-field coherence: the pointer names the field
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("audience", ["2025-05-05", "2025-05-04", "2024-12-31"])
def test_hearing_on_or_before_the_assignation(audience: str) -> None:
    body = example("assignation")
    assert body["date_acte"] == "2025-05-05"
    body["date_audience"] = audience
    errors = errors_of(body)
    assert [e["pointer"] for e in errors] == ["/date_audience"]
    assert "2025-05-05" in errors[0]["detail"]


def test_hearing_the_day_after_is_accepted() -> None:
    body = example("assignation")
    body["date_audience"] = "2025-05-06"
    assert validate(body).date_audience == dt.date(2025, 5, 6)


def test_bailleur_social_in_the_private_parc() -> None:
    body = example("saisine_ccapex")
    assert body["bailleur"]["categorie"] == "bailleur_social"
    body["parc"] = "prive"
    errors = errors_of(body)
    assert [e["pointer"] for e in errors] == ["/parc"]
    assert "bailleur_social" in errors[0]["detail"]


def test_private_landlord_in_the_social_parc() -> None:
    body = example("commandement_de_payer")
    body["parc"] = "social"
    assert pointers_of(body) == ["/parc"]


def test_personne_morale_may_be_in_either_parc() -> None:
    for parc in ("social", "prive"):
        body = example("commandement_de_payer")
        body["bailleur"]["categorie"] = "personne_morale"
        body["parc"] = parc
        assert validate(body).parc == parc


def test_lease_signed_after_the_act() -> None:
    body = example("commandement_de_payer")
    body["bail"]["date_signature"] = "2025-03-11"
    assert pointers_of(body) == ["/bail/date_signature"]


def test_several_incoherences_are_all_reported() -> None:
    body = example("assignation")
    body["date_audience"] = "2025-01-01"
    body["parc"] = "social"
    body["logement"]["code_commune"] = "77284"
    assert pointers_of(body) == ["/logement/code_commune", "/parc", "/date_audience"]


def test_dsf_interview_with_no_show() -> None:
    body = example("diagnostic_social_financier")
    body["non_presentation"] = True
    assert pointers_of(body) == ["/date_entretien"]
    del body["date_entretien"]
    assert validate(body).non_presentation is True


def test_dsf_dates_in_order() -> None:
    body = example("diagnostic_social_financier")
    body["date_entretien"] = "2025-05-01"
    body["date_transmission"] = "2025-04-30"
    assert errors_of(body) == [
        {"pointer": "/date_entretien", "detail": "date_entretien cannot be before date_demande (2025-05-12)"},
        {
            "pointer": "/date_transmission",
            "detail": "date_transmission cannot be before date_demande (2025-05-12)",
        },
        {
            "pointer": "/date_transmission",
            "detail": "date_transmission cannot be before date_entretien (2025-05-01)",
        },
    ]


@pytest.mark.parametrize(("value", "ok"), [(36, True), (37, False), (0, False)])
def test_delais_de_paiement_up_to_three_years(value: int, ok: bool) -> None:
    body = example("decision_justice")
    body["delais_paiement_mois"] = value
    if ok:
        assert validate(body).delais_paiement_mois == value
    else:
        assert pointers_of(body) == ["/delais_paiement_mois"]


def test_delais_go_with_the_matching_outcome() -> None:
    body = example("decision_justice")
    body["delais_grace_mois"] = 6
    assert pointers_of(body) == ["/delais_grace_mois"]
    body["issue"] = "resiliation_expulsion"
    assert pointers_of(body) == ["/delais_paiement_mois", "/mensualite_cents"]


def test_cql_sent_to_the_prefet_before_it_was_served() -> None:
    body = example("commandement_quitter_lieux")
    body["date_transmission_prefet"] = "2025-10-01"
    assert pointers_of(body) == ["/date_transmission_prefet"]


def test_refused_cfp_cannot_be_executed() -> None:
    body = example("decision_cfp")
    body["decision"] = "refus"
    body["executee"] = True
    assert pointers_of(body) == ["/executee"]


def test_refused_fsl_has_no_amount() -> None:
    body = example("decision_fsl")
    body["decision"] = "refus"
    assert pointers_of(body) == ["/montant_accorde_cents"]


def test_paper_requisition_is_accepted_for_the_rules_engine() -> None:
    body = example("requisition_cfp")
    body["voie_electronique"] = False
    assert validate(body).voie_electronique is False


# ------------------------------------------------------------------------------------------------
# validation_errors itself
# ------------------------------------------------------------------------------------------------


def test_json_pointer_escaping() -> None:
    assert json_pointer(()) == ""
    assert json_pointer(("occupants", 0, "nom")) == "/occupants/0/nom"
    assert json_pointer(("a/b", "m~n", "")) == "/a~1b/m~0n/"


def test_direct_class_validation_keeps_the_field_path() -> None:
    body = example("commandement_de_payer")
    body["parc"] = "social"
    with pytest.raises(pydantic.ValidationError) as info:
        CommandementDePayer.model_validate_json(json.dumps(body), strict=True)
    assert validation_errors(info.value, CommandementDePayer) == [
        {"pointer": "/parc", "detail": "a sci_familiale landlord belongs to the parc prive, not social"}
    ]


def test_errors_are_listed_once_each_in_order() -> None:
    body = example("commandement_de_payer")
    body["dette"]["montant_cents"] = False
    body["bailleur"]["siren"] = "000000001"
    body["zzz"] = 1
    assert pointers_of(body) == ["/bailleur/siren", "/dette/montant_cents", "/zzz"]


# ------------------------------------------------------------------------------------------------
# Who files what
# ------------------------------------------------------------------------------------------------


def test_deposants_covers_every_partner_kind() -> None:
    assert sorted(DEPOSANTS) == sorted(PARTNER_KINDS)


def test_every_act_type_is_fileable_by_some_kind() -> None:
    fileable = set().union(*DEPOSANTS.values())
    assert fileable == set(ALL_TYPES)


def test_deposants_only_name_known_act_types() -> None:
    for kind, types in DEPOSANTS.items():
        assert types <= set(ALL_TYPES), kind


def test_organisme_payeur_never_files_litigation_or_the_apl_decision() -> None:
    caf = DEPOSANTS["organisme_payeur"]
    assert "assignation" not in caf
    assert "decision_apl" not in caf
    assert {"signalement_impaye", "plan_apurement"} <= caf


@pytest.mark.parametrize(
    ("kind", "type_"),
    [
        ("commissaire_justice", "commandement_de_payer"),
        ("commissaire_justice", "assignation"),
        ("commissaire_justice", "commandement_quitter_lieux"),
        ("commissaire_justice", "requisition_cfp"),
        ("bailleur_social", "saisine_ccapex"),
        ("bailleur_social", "protocole_cohesion_sociale"),
        ("ccapex", "decision_apl"),
        ("departement", "diagnostic_social_financier"),
        ("departement", "decision_fsl"),
        ("prefecture", "decision_cfp"),
        ("other", "surendettement"),
        ("other", "decision_dalo"),
    ],
)
def test_expected_filer(kind: str, type_: str) -> None:
    assert type_ in DEPOSANTS[kind]


@pytest.mark.parametrize(
    ("kind", "type_"),
    [
        ("bailleur_prive", "protocole_cohesion_sociale"),
        ("prefecture", "commandement_de_payer"),
        ("departement", "decision_cfp"),
        ("commissaire_justice", "decision_cfp"),
        ("commissaire_justice", "decision_apl"),
        ("ccapex", "assignation"),
    ],
)
def test_forbidden_filer(kind: str, type_: str) -> None:
    assert type_ not in DEPOSANTS[kind]


# ------------------------------------------------------------------------------------------------
# Documentation
# ------------------------------------------------------------------------------------------------


def test_docs_have_one_section_per_act_with_its_example() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "actes.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## `([a-z_]+)`$", docs, flags=re.MULTILINE)
    assert tuple(sections) == ALL_TYPES
    for type_ in ALL_TYPES:
        section = docs.split(f"## `{type_}`\n", 1)[1].split("\n## ", 1)[0]
        block = re.search(r"```json\n(.*?)\n```", section, flags=re.DOTALL)
        assert block is not None, type_
        assert json.loads(block.group(1)) == EXEMPLES[type_]
