"""Household matching keys: one dwelling and one person, however each partner writes them."""

from __future__ import annotations

import pytest

from app.services.dossiers import household_keys, normalise_adresse, normalise_nom


@pytest.mark.parametrize(
    "written",
    [
        "14 bis, Avenue Jean-Jaurès",
        "14BIS AV. JEAN JAURES",
        "14 b av jean-jaurès, bâtiment C, 3e étage",
        "  14 Bis   Avenue Jean Jaures  esc. 2 appt 41",
    ],
)
def test_one_street_address_however_written(written: str) -> None:
    assert normalise_adresse(written) == "14 bis avenue jean jaures"


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("5 rue de la Porte Jaune", "5 rue de la porte jaune"),
        ("7 place de l'Entrée", "7 place de l entree"),
        ("9 avenue de la Porte de Clichy, porte 3", "9 avenue de la porte de clichy"),
    ],
)
def test_a_street_named_like_a_complement_keeps_its_name(written: str, key: str) -> None:
    assert normalise_adresse(written) == key


def test_another_number_or_suffix_is_another_address() -> None:
    assert normalise_adresse("14 avenue Jean Jaurès") != normalise_adresse("14 bis avenue Jean Jaurès")
    assert normalise_adresse("14 ter avenue Jean Jaurès") != normalise_adresse("14 bis avenue Jean Jaurès")


@pytest.mark.parametrize("written", ["N'DIAYE", "Ndiaye", "n diaye", "N’Diayé", "N-DIAYE"])
def test_one_name_however_written(written: str) -> None:
    assert normalise_nom(written) == "ndiaye"


def _acte(adresse: str, nom: str, prenom: str) -> dict[str, object]:
    return {
        "territoire": "93",
        "logement": {"adresse": adresse, "code_postal": "93100"},
        "occupants": [{"nom": nom, "prenom": prenom}],
    }


def test_household_keys_match_across_spellings_and_not_across_households() -> None:
    cdp = household_keys(_acte("14 bis, Avenue Jean-Jaurès, bâtiment C", "N'DIAYE", "Aïssatou"))
    caf = household_keys(_acte("14B av jean jaures", "NDIAYE", "AISSATOU"))
    voisin = household_keys(_acte("14 bis, Avenue Jean-Jaurès, bâtiment A", "MARTIN", "Paul"))
    assert cdp == caf and len(cdp) == 1
    assert not set(voisin) & set(cdp)
    assert household_keys({"territoire": "93", "logement": {"adresse": "x", "code_postal": "93100"}}) == []


def test_typed_facts_of_a_stored_act_are_its_models() -> None:
    """The engine reads a stored act's facts from its JSON payload without validating it again: exactly
    what its model gives (dates as dates, UUIDs as UUIDs; a tuple as a list, which the engine reads
    alike), for every act type."""
    import json

    from app.schemas.actes import ACTE_ADAPTER, EXEMPLES
    from app.services.decisions import typed_facts

    def lists(value: object) -> object:
        if isinstance(value, dict):
            return {k: lists(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [lists(v) for v in value]
        return value

    for acte_type, example in EXEMPLES.items():
        model = ACTE_ADAPTER.validate_python(example, strict=False)
        payload = json.loads(json.dumps(model.model_dump(mode="json", exclude_none=True)))
        expected = model.model_dump(mode="python", exclude_none=True)
        expected.pop("recu_le", None)
        assert typed_facts(payload) == lists(expected), acte_type
