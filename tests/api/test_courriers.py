"""The letters a dossier's decisions ask for: listed to whom sees the decision, rendered as a French PDF
from the Typst template (its text layer and, once rasterised, its OCR text name the household, the
letter's kind and the cited source), JSON otherwise, 406 for any other Accept; strangers get 404 and
every read is audited."""

from __future__ import annotations

import re
import unicodedata
import uuid
from typing import Any

import asyncpg
import httpx
import pypdfium2
import pytest
from fastapi import FastAPI

from tests.factories import PartnerCreds, acte, make_partner


def _plain(text: str) -> str:
    """Lower case, no accents, letters and digits only: OCR drops accents and mistakes some spacing."""
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in decomposed if not unicodedata.combining(c)).lower())


async def _cdp(client: httpx.AsyncClient, commissaire: PartnerCreds, **logement: str) -> str:
    tag = uuid.uuid4().hex[:6]
    body = acte("commandement_de_payer", date_acte="2025-03-10")
    body["territoire"] = logement.pop("territoire", "93")
    body["logement"] = {"adresse": f"{int(tag, 16) % 90 + 1} rue des Lilas", **logement}
    body["occupants"] = [{"nom": "MARCHAND", "prenom": "Camille"}]
    body["bailleur"] = {"categorie": "sci_familiale", "nom": "SCI Fictive"}
    body["dette"] = {"montant_cents": 300000, "mois_impayes_consecutifs": 3}
    filed = await client.post("/v1/actes", json=body, headers=commissaire.headers)
    assert filed.status_code == 201, filed.text
    return str(filed.json()["dossier_id"])


async def _audit(database_url: str, dossier_id: str) -> list[tuple[str, str]]:
    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch(
            "SELECT operation, resultat FROM audit_lectures WHERE dossier_id = $1 ORDER BY id",
            uuid.UUID(dossier_id),
        )
    finally:
        await conn.close()
    return [(r["operation"], r["resultat"]) for r in rows]


async def test_a_cdp_letter_is_listed_rendered_and_read_back_from_its_image(
    app: FastAPI, client: httpx.AsyncClient, database_url: str
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex")
    commissaire = await make_partner(app, client)
    dossier_id = await _cdp(client, commissaire, code_postal="93100", code_commune="93048")

    listed = await client.get(f"/v1/dossiers/{dossier_id}/courriers", headers=ccapex.headers)
    assert listed.status_code == 200, listed.text
    (letter,) = listed.json()["items"]
    assert (letter["code"], letter["precision"]) == ("courrier_prevention", "parc_prive")
    assert letter["regle"] == "93-COURRIER-PRIVE-CDP"
    assert letter["source"].startswith("seeds/004_df506cacdd7ea785.txt:L3925")
    assert letter["destinataire"] == "menage"
    assert letter["faits"]["occupants.nom"] == "Camille MARCHAND"
    assert letter["faits"]["dette.montant_cents"] == 300000
    assert letter["donnees_manquantes"] == []

    as_json = await client.get(f"/v1/courriers/{letter['id']}", headers=ccapex.headers)
    assert as_json.status_code == 200 and as_json.headers["content-type"] == "application/json"
    rendu = as_json.json()["rendu"]
    assert rendu["adresse_destinataire"][0] == "Camille MARCHAND"
    assert "Dette de loyer déclarée : 3\u202f000,00 €" in rendu["rappel"]

    rendered = await client.get(
        f"/v1/courriers/{letter['id']}", headers={**ccapex.headers, "Accept": "application/pdf"}
    )
    assert rendered.status_code == 200, rendered.text
    assert rendered.headers["content-type"] == "application/pdf"
    assert rendered.content.startswith(b"%PDF")
    page = pypdfium2.PdfDocument(rendered.content)[0]

    # The text layer: the household, the letter's kind, the rule and its source, in French.
    layer = page.get_textpage().get_text_range()
    assert "Camille MARCHAND" in layer
    assert "Courrier de prévention au stade du commandement de payer (parc privé)" in layer
    assert "93-COURRIER-PRIVE-CDP" in layer
    assert "seeds/004_df506cacdd7ea785.txt" in layer
    assert "Madame, Monsieur," in layer

    # The image: what a reader of the printed page sees.
    from rapidocr_onnxruntime import RapidOCR

    found, _ = RapidOCR()(page.render(scale=2.5).to_pil())
    seen = _plain(" ".join(line[1] for line in found or []))
    assert _plain("Camille MARCHAND") in seen
    assert _plain("Courrier de prévention au stade du commandement de payer") in seen
    assert _plain("93-COURRIER-PRIVE-CDP") in seen
    assert _plain("004_df506cacdd7ea785") in seen

    refused = await client.get(
        f"/v1/courriers/{letter['id']}", headers={**ccapex.headers, "Accept": "text/html"}
    )
    assert refused.status_code == 406
    assert refused.headers["content-type"] == "application/problem+json"

    # Strangers: another territory's CCAPEX sees neither the list nor the letter (404, audited).
    paris = await make_partner(app, client, kind="ccapex", territoires=("75",))
    assert (
        await client.get(f"/v1/dossiers/{dossier_id}/courriers", headers=paris.headers)
    ).status_code == 404
    assert (await client.get(f"/v1/courriers/{letter['id']}", headers=paris.headers)).status_code == 404
    assert (await client.get(f"/v1/courriers/{uuid.uuid4()}", headers=ccapex.headers)).status_code == 404
    trail = await _audit(database_url, dossier_id)
    assert ("lecture_courriers", "lu") in trail
    assert ("lecture_courrier", "lu") in trail
    assert ("lecture_courriers", "refuse") in trail
    assert ("lecture_courrier", "refuse") in trail


@pytest.mark.parametrize(
    ("commune", "postal", "proposed"),
    [
        ("77284", "77100", "ccapex_nord"),  # Meaux
        ("77468", "77200", "ccapex_nord"),  # Torcy
        ("77288", "77000", "ccapex_sud"),  # Melun
        ("77186", "77300", "ccapex_sud"),  # Fontainebleau
        ("77379", "77160", None),  # Provins: the charter names no formation
    ],
)
async def test_seine_et_marne_proposes_the_northern_or_southern_ccapex_and_its_letter(
    app: FastAPI, client: httpx.AsyncClient, commune: str, postal: str, proposed: str | None
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex", territoires=("77",))
    commissaire = await make_partner(app, client, territoires=("77",))
    dossier_id = await _cdp(client, commissaire, territoire="77", code_postal=postal, code_commune=commune)

    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = await client.get(
            "/v1/ccapex/a-traiter",
            params={"territoire": "77", "limit": 200, **({"cursor": cursor} if cursor else {})},
            headers=ccapex.headers,
        )
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        if (cursor := page.json()["next_cursor"]) is None:
            break
    item = next(i for i in items if i["dossier_id"] == dossier_id)
    # The routing is a proposal, never a motif of the list nor a grant.
    assert {m["code"] for m in item["motifs"]} & {"ccapex_nord", "ccapex_sud"} == set()
    proposals = {p["code"]: p for p in item["propositions"]}
    assert set(proposals) & {"ccapex_nord", "ccapex_sud"} == ({proposed} if proposed else set())
    if proposed:
        assert (
            proposals[proposed]["regle"]
            == {"ccapex_nord": "77-CCAPEX-NORD", "ccapex_sud": "77-CCAPEX-SUD"}[proposed]
        )
        assert "seeds/002_93761ec2a302805a.txt:L152" in proposals[proposed]["source"]
        assert str(ccapex.partner_id) in proposals[proposed]["partenaires"]

    dossier = (await client.get(f"/v1/dossiers/{dossier_id}", headers=ccapex.headers)).json()
    assert {p["code"] for p in dossier["attributions_proposees"]} == ({proposed} if proposed else set())

    (letter,) = (await client.get(f"/v1/dossiers/{dossier_id}/courriers", headers=ccapex.headers)).json()[
        "items"
    ]
    assert (letter["precision"], letter["regle"]) == ("orientation_adil_mds_ccas", "77-COURRIER-CDP")
