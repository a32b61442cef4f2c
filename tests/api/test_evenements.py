"""The pull feed: each partner reads what concerns it, as it may see it, in commit order, replayable
from a cursor; an expired cursor is 410."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from app.core.kinds import PARTNER_KINDS
from app.models.decision import Decision
from app.schemas.evenements import TYPES
from app.services.evenements import purge
from tests.exchange import settled
from tests.factories import PartnerCreds, acte, household, make_partner

# Who files what in the dossier of the visibility test: every party kind files something (parties see
# only the dossiers they filed in), and the acts span every reader family (the DSF is the social
# secret, the APL decision and the surendettement are sensitive).
_FILINGS = (
    ("commissaire_justice", "commandement_de_payer"),
    ("bailleur_social", "signalement_impaye"),
    ("bailleur_prive", "plan_apurement"),
    ("departement", "diagnostic_social_financier"),
    ("commissaire_justice", "assignation"),
    ("other", "surendettement"),
    ("ccapex", "decision_apl"),
)


_PARTIES = ("commissaire_justice", "bailleur_social", "bailleur_prive", "other")


async def feed(
    client: httpx.AsyncClient, who: PartnerCreds, **params: Any
) -> tuple[list[dict[str, Any]], str]:
    """Every item of the partner's feed, page by page (small pages: the cursor is exercised), once every
    event committed so far is readable."""
    await settled(client._transport.app.state.database)  # type: ignore[attr-defined]
    items: list[dict[str, Any]] = []
    cursor = params.pop("apres", None)
    while True:
        query = {"limit": 3, **params, **({"apres": cursor} if cursor else {})}
        response = await client.get("/v1/evenements", params=query, headers=who.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        if not page["items"]:
            assert page["next_cursor"] == cursor or cursor is None
            return items, page["next_cursor"]
        cursor = page["next_cursor"]


def _without_visible_content(item: dict[str, Any]) -> str:
    """The item as JSON, less the content of an act the partner may read (where personal data may be)."""
    data = dict(item["data"])
    if isinstance(data.get("acte"), dict) and data["acte"].get("contenu_visible"):
        data["acte"] = {k: v for k, v in data["acte"].items() if k != "acte"}
    return json.dumps({**item, "data": data}, ensure_ascii=False)


async def test_a_feed_shows_only_what_each_partner_kind_may_see(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """One partner of every kind in the dossier's territory, a foreign one of every kind in another
    territory, and a same-territory stranger of every party kind: each feed holds only events about
    dossiers the partner may read, each act as `GET /v1/dossiers/{id}` shows it to that partner, only
    the decisions that read shows, and nothing personal outside the content the partner may read."""
    inside = {kind: await make_partner(app, client, kind=kind) for kind in PARTNER_KINDS}
    foreign = [await make_partner(app, client, kind=kind, territoires=("75",)) for kind in PARTNER_KINDS]
    strangers = [
        await make_partner(app, client, kind=kind)
        for kind in ("commissaire_justice", "bailleur_social", "bailleur_prive", "other")
    ]
    tag = uuid.uuid4().hex[:10]
    menage = household(tag)
    dossier_id = None
    filed_ids: list[str] = []
    for kind, acte_type in _FILINGS:
        body = acte(acte_type, menage)
        filed = await client.post("/v1/actes", json=body, headers=inside[kind].headers)
        assert filed.status_code == 201, (acte_type, filed.text)
        dossier_id = dossier_id or filed.json()["dossier_id"]
        assert filed.json()["dossier_id"] == dossier_id, acte_type
        filed_ids.append(filed.json()["id"])

    async with app.state.database.sessionmaker() as session:
        replaced = {
            str(i)
            for i in (
                await session.scalars(
                    select(Decision.id).where(
                        Decision.dossier_id == uuid.UUID(str(dossier_id)), Decision.statut == "remplacee"
                    )
                )
            ).all()
        }
    for kind, who in inside.items():
        if kind == "dpo":  # holds no grant: reads the audit, no dossier and no event about one
            assert not [i for i in (await feed(client, who))[0] if i["dossier_id"] == dossier_id]
            continue
        items, _ = await feed(client, who)
        mine = [i for i in items if i["dossier_id"] == dossier_id]
        assert mine, kind
        read = await client.get(f"/v1/dossiers/{dossier_id}", headers=who.headers)
        assert read.status_code == 200, kind
        dossier = read.json()
        acts = {a["id"]: a for a in dossier["actes"]}
        shown_decisions = {
            d["cle"] for group in ("echeances", "orientations", "alertes") for d in dossier[group]
        }
        deposes = [i for i in mine if i["type"] == "acte.depose"]
        # Every act since the partner holds a grant (territorial bodies: from the start; a party: from
        # its own first act), once each.
        if kind in _PARTIES and kind != _FILINGS[0][0]:
            # A party that joined by household match: its own acts only, in the feed and the dossier
            # alike (docs/protection.md).
            own = [filed_ids[n] for n, (k, _) in enumerate(_FILINGS) if k == kind]
            assert [i["data"]["acte_id"] for i in deposes] == own, kind
            assert set(own) == set(acts), kind
        else:
            since = next((n for n, (k, _) in enumerate(_FILINGS) if k == kind), 0) if kind in _PARTIES else 0
            if kind == "organisme_payeur":  # from the first act that makes the household its allocataire
                since = next(n for n, (_, t) in enumerate(_FILINGS) if "numero_allocataire" in acte(t))
            assert [i["data"]["acte_id"] for i in deposes] == filed_ids[since:], kind
            assert set(filed_ids) == set(acts)
        for item in items:
            assert item["type"] in TYPES
            assert set(item) == {"id", "type", "timestamp", "dossier_id", "data"}
            if item["dossier_id"] != dossier_id:  # another test's dossier: readable all the same
                other = await client.get(f"/v1/dossiers/{item['dossier_id']}", headers=who.headers)
                assert other.status_code == 200, (kind, item["type"])
                continue
            documented = set(TYPES[item["type"]].data.model_fields)
            assert set(item["data"]) <= documented, (kind, item["type"], set(item["data"]) - documented)
            if item["type"] == "acte.depose":
                assert item["data"]["acte"] == acts[item["data"]["acte_id"]], (kind, item["data"]["type"])
            if item["type"] == "decision.emise":  # one it sees now, or one a later act replaced
                assert item["data"]["cle"] in shown_decisions or item["data"]["decision_id"] in replaced, (
                    kind,
                    item["data"]["code"],
                )
            assert tag.upper() not in _without_visible_content(item), (kind, item["type"])
        by_type = {i["data"]["type"]: i["data"]["acte"] for i in deposes}
        if "diagnostic_social_financier" in by_type:  # the DSF's content: the social examiners only
            dsf = by_type["diagnostic_social_financier"]
            assert dsf["contenu_visible"] is (kind in ("ccapex", "departement", "commission_locale")), kind
            assert ("acte" in dsf) is dsf["contenu_visible"], kind
    caf = {
        i["data"]["type"]: i["data"]["acte"]
        for i in (await feed(client, inside["organisme_payeur"]))[0]
        if i["type"] == "acte.depose" and i["dossier_id"] == dossier_id
    }
    assert caf["signalement_impaye"]["contenu_visible"] is True  # the CAF pulls the unpaid-rent signal
    assert caf["signalement_impaye"]["acte"]["numero_allocataire"] == "1234567"

    for who in [*foreign, *strangers]:
        items, _ = await feed(client, who)
        assert [i for i in items if i["dossier_id"] == dossier_id] == [], who.kind
        assert tag.upper() not in json.dumps(items), who.kind


async def test_the_feed_is_in_commit_order_and_replays_from_a_cursor(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    first = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
    )
    items, cursor = await feed(client, commissaire)
    assert [i["type"] for i in items[:2]] == ["dossier.cree", "acte.depose"]
    assert all(i["dossier_id"] == first.json()["dossier_id"] for i in items)
    # Nothing new: the same cursor, no item.
    again = (await client.get("/v1/evenements", params={"apres": cursor}, headers=commissaire.headers)).json()
    assert again == {"items": [], "next_cursor": cursor}
    second = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
    )
    newer, _ = await feed(client, commissaire, apres=cursor)
    assert newer and all(i["dossier_id"] == second.json()["dossier_id"] for i in newer)
    assert {i["id"] for i in newer}.isdisjoint({i["id"] for i in items})
    # A replay from the start gives the same events in the same order.
    replayed, _ = await feed(client, commissaire)
    assert [i["id"] for i in replayed] == [i["id"] for i in items + newer]
    # types=: only those.
    only, _ = await feed(client, commissaire, types="acte.depose,dossier.cree")
    assert [i["id"] for i in only] == [
        i["id"] for i in replayed if i["type"] in ("acte.depose", "dossier.cree")
    ]


async def test_bad_parameters_are_422_and_the_scope_is_required(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    who = await make_partner(app, client)
    bad_cursor = await client.get("/v1/evenements", params={"apres": "nope!"}, headers=who.headers)
    assert bad_cursor.status_code == 422 and bad_cursor.json()["errors"][0]["parameter"] == "query:apres"
    bad_type = await client.get("/v1/evenements", params={"types": "acte.inconnu"}, headers=who.headers)
    assert bad_type.status_code == 422 and "acte.inconnu" in bad_type.json()["errors"][0]["detail"]
    token = await client.post(
        "/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": who.client_id,
            "client_secret": who.client_secret,
            "scope": "dossiers:lire",
        },
    )
    narrow = {"Authorization": f"Bearer {token.json()['access_token']}"}
    assert (await client.get("/v1/evenements", headers=narrow)).status_code == 403


async def test_a_cursor_older_than_the_retention_is_410(fresh_app: FastAPI) -> None:
    """Events past ``PREVEX_EVENT_RETENTION_DAYS`` are purged, as a prefix of the log; a cursor that may
    have missed some is 410, a reader starting over is served from the oldest event kept. (A database of
    its own: the purge deletes every old event of the log.)"""
    transport = httpx.ASGITransport(app=fresh_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://prevex.test") as client:
        who = await make_partner(fresh_app, client)
        for _ in range(2):
            await client.post(
                "/v1/actes", json=acte("commandement_de_payer", household()), headers=who.headers
            )
        items, _ = await feed(client, who)
        first_page = (await client.get("/v1/evenements", params={"limit": 2}, headers=who.headers)).json()
        last = datetime.fromisoformat(items[-1]["timestamp"])  # the second filing's time
        async with fresh_app.state.database.transaction() as conn:  # the first filing's events: 400 days old
            await conn.execute(
                "UPDATE evenements SET created_at = created_at - interval '400 days' WHERE created_at < $1",
                last,
            )
            deleted = await purge(conn, datetime.now(UTC) - timedelta(days=30))
        kept = [i for i in items if datetime.fromisoformat(i["timestamp"]) >= last]
        assert deleted == len(items) - len(kept) > 0
        gone = await client.get(
            "/v1/evenements", params={"apres": first_page["next_cursor"]}, headers=who.headers
        )
        assert gone.status_code == 410, gone.text
        assert gone.headers["content-type"] == "application/problem+json"
        assert gone.json()["type"] == "urn:prevex:probleme:curseur-expire"
        restart, cursor = await feed(client, who)
        assert [i["id"] for i in restart] == [i["id"] for i in kept]
        assert (
            await client.get("/v1/evenements", params={"apres": cursor}, headers=who.headers)
        ).status_code == 200
