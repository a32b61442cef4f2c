"""The field matrix (docs/protection.md §2): complete, documented as coded, applied by one function."""

from __future__ import annotations

from pathlib import Path

from app.core.kinds import PARTNER_KINDS
from app.schemas.actes import EXEMPLES
from app.schemas.politiques import GROUPES
from app.services.visibility import ALL_GROUPS, MATRICE, SLOTS, masks_fields, visible_fields

DOC = Path(__file__).resolve().parents[2] / "docs" / "protection.md"


def test_the_matrix_decides_every_kind_and_every_group() -> None:
    assert set(MATRICE) == set(PARTNER_KINDS)
    assert set(GROUPES) | set(SLOTS) == set(ALL_GROUPS)
    assert "recommandations" in ALL_GROUPS  # the slot the CCAPEX's recommendations will fill
    for groups in MATRICE.values():
        assert groups <= set(ALL_GROUPS) and "enveloppe" in groups


def test_the_documented_matrix_is_the_coded_one() -> None:
    lines = [line for line in DOC.read_text().splitlines() if line.startswith("| ")]
    header = next(line for line in lines if line.startswith("| partner kind"))
    columns = [c.strip().strip("`") for c in header.strip("|").split("|")][1:]
    assert columns == list(ALL_GROUPS)
    rows = {}
    for line in lines:
        cells = [c.strip() for c in line.strip("|").split("|")]
        kind = cells[0].strip("`")
        if kind in PARTNER_KINDS:
            rows[kind] = {g for g, cell in zip(columns, cells[1:], strict=True) if cell == "x"}
    assert rows == {k: set(v) for k, v in MATRICE.items()}


def test_contacts_and_birth_dates_go_only_to_the_social_examiners() -> None:
    cdp = EXEMPLES["commandement_de_payer"]
    for kind in PARTNER_KINDS:
        shown = visible_fields(kind, "commandement_de_payer", cdp)
        occupants = shown.get("occupants", [])
        has_contact = any("telephone" in o or "email" in o for o in occupants)
        assert has_contact is (kind in ("ccapex", "departement", "commission_locale")), kind
        assert shown["type"] == "commandement_de_payer" and shown["reference"] == cdp["reference"]
    caf = visible_fields("organisme_payeur", "commandement_de_payer", cdp)
    assert caf["dette"] == cdp["dette"] and caf["occupants"] == [
        {"nom": "EXEMPLE", "prenom": "Camille", "date_naissance": "1985-04-12"}
    ]
    other = visible_fields("other", "commandement_de_payer", cdp)
    assert set(other) == {"type", "reference", "territoire", "date_acte"}
    assert masks_fields("other", "commandement_de_payer") and not masks_fields(
        "ccapex", "commandement_de_payer"
    )


def test_an_unknown_field_is_dropped() -> None:
    body = {**EXEMPLES["assignation"], "champ_inconnu": "secret"}
    assert "champ_inconnu" not in visible_fields("ccapex", "assignation", body)


def test_a_decisions_facts_go_through_the_same_matrix_as_the_acts() -> None:
    """A decision's facts read from a field group the partner's kind does not read are masked, as the
    same fields of the act are (issue 10, item 2); its own act's facts are always shown whole."""
    import uuid

    from app.core.security import Principal
    from app.services.visibility import Vue

    commissaire, caf = uuid.uuid4(), uuid.uuid4()
    actes = {"a1": ("commandement_de_payer", str(commissaire))}
    decision = {
        "acte": "a1",
        "kind": "echeance",
        "code": "x",
        "faits": {"dette.montant_cents": 282000, "occupants.telephone": "0639981234", "param.jours": 15},
        "actes_lies": {},
    }

    def seen_by(kind: str, partner: uuid.UUID) -> object:
        return Vue(Principal(partner, kind, ("93",), frozenset(), "c")).decision(decision, actes)

    by_caf = seen_by("organisme_payeur", caf)
    assert by_caf is not None and by_caf["faits"] == {"dette.montant_cents": 282000, "param.jours": 15}
    assert by_caf["faits_masques"] is True
    assert (
        visible_fields("organisme_payeur", "commandement_de_payer", {"occupants": [{"telephone": "1"}]}) == {}
    )
    assert seen_by("ccapex", uuid.uuid4()) == decision  # every group: as stored
    assert seen_by("commissaire_justice", commissaire) == decision  # its own act
