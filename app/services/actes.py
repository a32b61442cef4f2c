"""Filing an act: authorise, attach to its dossier, evaluate the rules, store act + evaluation +
decisions + grants + events (+ idempotency record) in one transaction, and answer with the receipt.

The SQL lives in ``repositories/actes.py`` (locks, lookups, the one write statement), shared with
batches and re-evaluation. Each thing is stored once: the act's payload is the only copy of the
household's personal data; the receipt is not stored but rebuilt from the act, its evaluation and the
decisions it made (:func:`render_receipt`, for the first answer and every replay alike, so that a
replay is byte for byte the first answer); the Idempotency-Key record points at the act.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import asyncpg
from sqlalchemy import select

from app.core.db import driver_sql
from app.core.logging import request_id_var
from app.core.problems import ProblemException, forbidden, validation_problem
from app.core.scopes import ACTES_DEPOSER, depot_scope
from app.core.security import Principal
from app.models.dossier import Dossier
from app.repositories import actes as sql
from app.schemas.actes import POLITIQUES, ActeBase
from app.services.decisions import (
    ActInput,
    Changes,
    StoredActFacts,
    changes,
    decision_row,
    decision_view,
    evaluate_dossier,
    group,
)
from app.services.dossiers import bailleur_siren, household_keys, parc_of, stage_of
from app.services.evenements import NewEvent, event_rows
from app.services.visibility import (
    PORTEE_DOSSIER,
    Holder,
    Vue,
    act_event_recipients,
    acts_index,
    best_portee,
    depot_portee,
    dossier_filter,
    filing_grants,
    holders,
    is_allocataire,
    who_sees,
)


def canonical_json(payload: Mapping[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"))


def response_json(body: Mapping[str, Any]) -> bytes:
    """A response body as Prevex sends receipts: keys sorted (so that a body rebuilt from the database,
    whose JSON keeps no key order, is the same bytes), no spaces, UTF-8."""
    return json.dumps(
        body, ensure_ascii=False, allow_nan=False, sort_keys=True, separators=(",", ":")
    ).encode()


@dataclass(frozen=True)
class FilingResult:
    status: int
    body: bytes  # the receipt, as sent
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.body)
        return parsed


def authorise(principal: Principal, acte: ActeBase) -> None:
    """May this partner file this act? 403 names what is missing."""
    acte_type = str(getattr(acte, "type"))  # noqa: B009 (each subclass declares its own Literal)
    needed = depot_scope(acte_type)
    if ACTES_DEPOSER not in principal.scopes or needed not in principal.scopes:
        raise forbidden(
            f"A {principal.kind} partner may not file '{acte_type}' acts (scope {needed}).", scope=needed
        )
    if acte.territoire not in principal.territoires:
        raise forbidden(f"This partner does not act in territoire {acte.territoire}.")
    if acte.recu_le is not None:
        raise validation_problem(
            [
                {
                    "pointer": "/recu_le",
                    "detail": "set by the server on a real filing; only simulations may carry it",
                }
            ]
        )


# Receipts -----------------------------------------------------------------------------------------


def render_receipt(
    *,
    principal: Principal,
    portee: str,
    acte_id: str,
    dossier_id: str,
    recu_le: datetime,
    type_: str,
    reference: str,
    payload_json: str,
    decisions: Sequence[Mapping[str, Any]],
    actes: Mapping[str, tuple[str, str]],
    version: str,
) -> bytes:
    """The receipt of a filing as its filer sees it: the act as stored (``payload_json``: its canonical
    JSON, the one written to the database), the decisions the filing made (as
    :func:`services.decisions.decision_view` shows them, in the engine's order) that the filer may see,
    the rules' version; nothing that tells whether the household was already known (no
    ``nouveau_dossier``: docs/protection.md). ``actes``: the dossier's acts, id -> (type, partner id)."""
    shown = Vue(principal, portee).decisions(decisions, actes)
    rest = response_json(
        {
            "id": acte_id,
            "dossier_id": dossier_id,
            "recu_le": recu_le.isoformat(),
            "type": type_,
            "reference": reference,
            **group(shown),
            "version_regles": version,
        }
    )
    # Keys are sorted and ``acte`` comes first: the act's JSON, already made, goes in as it is.
    return b'{"acte":' + payload_json.encode() + b"," + rest[1:]


async def stored_receipt(conn: asyncpg.Connection, principal: Principal, acte_id: uuid.UUID) -> bytes:
    """The receipt of an act already filed, rebuilt from the database: the first answer, byte for byte
    (as long as the act and what the filer may see of its dossier are unchanged)."""
    row = await conn.fetchrow(sql.RECEIPT_SOURCE, acte_id, principal.partner_id)
    references = {str(a["id"]): str(a["reference"]) for a in row["actes"]}
    return render_receipt(
        principal=principal,
        portee=best_portee(row["portees"]) or PORTEE_DOSSIER,
        acte_id=str(row["id"]),
        dossier_id=str(row["dossier_id"]),
        recu_le=row["recu_le"],
        type_=row["type"],
        reference=row["reference"],
        payload_json=canonical_json(row["payload"]),
        decisions=[decision_view(d, references) for d in row["decisions"]],
        actes=acts_index(row["actes"]),
        version=row["version_regles"],
    )


# Filing -------------------------------------------------------------------------------------------


async def _find_dossier(
    conn: asyncpg.Connection,
    principal: Principal,
    payload: Mapping[str, Any],
    candidates: Sequence[Mapping[str, Any]],
) -> uuid.UUID | None:
    """An explicit ``dossier_id`` (checked against what the partner may read), else the household's most
    recently updated open dossier whose landlord does not contradict the act's; failing that, a closed one
    the act predates (out of order: dated on or before the expulsion or closure), never a new one."""
    explicit = payload.get("dossier_id")
    if explicit is not None:
        statement, args = driver_sql(
            select(Dossier.id, Dossier.territoire).where(
                Dossier.id == uuid.UUID(str(explicit)), dossier_filter(principal)
            )
        )
        row = await conn.fetchrow(statement, *args)
        if row is None:
            raise validation_problem(
                [{"pointer": "/dossier_id", "detail": "no such dossier among those this partner may read"}]
            )
        if row["territoire"] != payload["territoire"]:
            raise validation_problem(
                [{"pointer": "/territoire", "detail": f"the dossier is in territoire {row['territoire']}"}]
            )
        return uuid.UUID(str(row["id"]))
    siren = bailleur_siren(payload)
    for candidate in candidates:
        if siren is None or candidate["bailleur"] is None or candidate["bailleur"] == siren:
            return uuid.UUID(str(candidate["id"]))
    return None


@dataclass
class DossierState:
    """A known dossier as the filing reads it, once its lock is held."""

    acts: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    grants: list[dict[str, Any]] = field(default_factory=list)


async def dossier_state(conn: asyncpg.Connection, dossier_id: uuid.UUID) -> DossierState:
    """Take the dossier's lock, then read its acts, current decisions and grants (re-evaluation)."""
    await conn.execute(sql.lock_dossier(str(dossier_id)))
    return state_of(await conn.fetchrow(sql.STATE, dossier_id))


def state_of(row: Mapping[str, Any]) -> DossierState:
    """A :data:`repositories.actes.STATE` (or ``STATE_AND_SIDE``) row, as the engine reads it."""
    acts = [{**a, "recu_le": datetime.fromisoformat(a["recu_le"])} for a in row["acts"]]
    return DossierState(acts, list(row["decisions"]), list(row["grants"]))


def decision_events(
    diff: Changes, index: Mapping[str, tuple[str, str]], dossier_holders: Sequence[Holder]
) -> list[NewEvent]:
    """One ``decision.emise`` per decision an evaluation made, for the holders that may see it: what the
    decision says, never the facts it read. ``index``: the dossier's acts, id -> (type, partner id)."""
    events = []
    for decision_id, decision, statut in diff.added:
        pour = who_sees(decision, dossier_holders, index)
        if not pour:
            continue
        # What the decision says, without the facts it read (the dossier and act ids are columns, given
        # back when the event is read).
        data = {
            "decision_id": str(decision_id),
            "acte_reference": decision.get("acte_reference"),
            "statut": statut,
            **{k: decision[k] for k in ("kind", "code", "regle", "source", "cle")},
            **{k: decision[k] for k in ("date", "destinataire", "precision") if decision.get(k) is not None},
        }
        events.append(NewEvent("decision.emise", data, pour, decision["acte"]))
    return events


def act_facts(acts: Sequence[Mapping[str, Any]]) -> list[StoredActFacts]:
    return [
        StoredActFacts(
            str(a["id"]), str(a["type"]), str(a["payload"]["date_acte"]), a["payload"], a.get("recu_le")
        )
        for a in acts
    ]


@dataclass(frozen=True)
class Prepared:
    """What a filing computes from the act alone, before it touches the database."""

    acte: ActeBase
    payload: dict[str, Any]
    payload_json: str  # stored as is: jsonb keeps no key order or spacing
    sha: str
    reference: str
    territoire: str
    keys: list[str]
    locks: list[int]  # the (partner, reference) and household-key locks, sorted

    def duplicates_args(self, principal: Principal, idempotency_key: str | None) -> tuple[Any, ...]:
        """The parameters of :data:`repositories.actes.DUPLICATES` for this act."""
        return (
            principal.partner_id,
            self.reference,
            idempotency_key or "",
            json.dumps(self.keys),
            self.territoire,
            self.acte.date_acte,
        )

    def locking_args(self, principal: Principal, idempotency_key: str | None) -> tuple[Any, ...]:
        """The parameters of :data:`repositories.actes.DUPLICATES_LOCKING` for this act."""
        return (*self.duplicates_args(principal, idempotency_key), bailleur_siren(self.payload))


def prepare(principal: Principal, acte: ActeBase) -> Prepared:
    authorise(principal, acte)
    payload: dict[str, Any] = acte.model_dump(mode="json", exclude_none=True)
    payload_json = canonical_json(payload)
    reference = str(payload["reference"])
    keys = household_keys(payload)
    pid = str(principal.partner_id)
    return Prepared(
        acte,
        payload,
        payload_json,
        hashlib.sha256(payload_json.encode()).hexdigest(),
        reference,
        str(payload["territoire"]),
        keys,
        sorted({sql.lock_id("ref", pid, reference), *(sql.lock_id("menage", k) for k in keys)}),
    )


@dataclass(frozen=True)
class Placed:
    """Where a new act goes: its dossier, and whether that dossier is new."""

    dossier_id: uuid.UUID
    new_dossier: bool
    territoriaux: Sequence[Mapping[str, Any]]


async def place(
    conn: asyncpg.Connection,
    principal: Principal,
    prep: Prepared,
    found: asyncpg.Record,
    idempotency_key: str | None,
) -> Placed | FilingResult:
    """What :data:`repositories.actes.DUPLICATES` (or ``DUPLICATES_LOCKING``) found means: a replay (the
    stored receipt), a refusal (raised), or the dossier the act goes to."""
    existing, idem, candidates, territoriaux = (
        found["existing"],
        found["idem"],
        found["candidates"],
        found["territoriaux"],
    )
    if idempotency_key is not None and idem is not None:
        if idem["sha"] != prep.sha:
            raise ProblemException(
                422,
                "cle-idempotence-reutilisee",
                "Idempotency-Key reused",
                "This Idempotency-Key was used with another payload.",
            )
        body = await stored_receipt(conn, principal, uuid.UUID(idem["acte_id"]))
        return FilingResult(int(idem["status"]), body, {"Idempotent-Replayed": "true"})
    if existing is not None:
        if existing["sha"] != prep.sha:
            raise ProblemException(
                409,
                "reference-deja-utilisee",
                "Reference already used",
                f"Reference '{prep.reference}' already names another act of this partner.",
                acte_id=str(existing["id"]),
            )
        body = await stored_receipt(conn, principal, uuid.UUID(existing["id"]))
        return FilingResult(200, body, {"Idempotent-Replayed": "true"})
    dossier_id = await _find_dossier(conn, principal, prep.payload, candidates)
    if dossier_id is None:
        return Placed(uuid.uuid4(), True, territoriaux)
    return Placed(dossier_id, False, territoriaux)


@dataclass(frozen=True)
class Filing:
    """A filing ready to be written: its statements' parameters and the receipt to answer with."""

    result: FilingResult
    status_updates: list[tuple[object, str, object, str]]
    # :data:`repositories.actes.FILING`'s parameters up to the audit row's (client id, request id: the
    # caller's, added by it)
    args: list[Any]


def compose(
    principal: Principal,
    prep: Prepared,
    placed: Placed,
    state: DossierState,
    lien: Mapping[str, Any],
    now: datetime,
) -> Filing:
    """The engine's evaluation of the dossier with the new act, and everything the filing writes: pure
    (no database), the same for single filings and batches."""
    payload, acte, pid = prep.payload, prep.acte, str(principal.partner_id)
    dossier_id, new_dossier = placed.dossier_id, placed.new_dossier
    held = [str(g["portee"]) for g in state.grants if str(g["partner_id"]) == pid]
    portee = depot_portee(
        principal,
        new_dossier=new_dossier,
        held=held,
        dossier_bailleur=lien["bailleur"],
        filer_siren=lien["siren"],
        etude_nommee=lien["etude_nommee"],
        act_bailleur=bailleur_siren(payload),
    )

    acte_id = uuid.uuid4()
    acte_key = str(acte_id)
    inputs = [ActInput(str(a["id"]), a["payload"], a["recu_le"]) for a in state.acts]
    inputs.append(ActInput(acte_key, payload, now, facts=acte.model_dump(mode="python", exclude_none=True)))
    version, decisions = evaluate_dossier(prep.territoire, inputs)
    acts = [
        *state.acts,
        {"id": acte_key, "type": payload["type"], "partner_id": pid, "payload": payload, "recu_le": now},
    ]
    references = {str(a["id"]): str(a["payload"]["reference"]) for a in acts}
    diff = changes(state.decisions, decisions, references, act_facts(acts))
    index = acts_index(acts)

    territorial = {str(t["partner_id"]): str(t["kind"]) for t in placed.territoriaux}
    grants = filing_grants(
        principal, acte_id, new_dossier=new_dossier, territorial_partners=territorial, portee=portee
    )
    dossier_holders = holders(
        [
            *state.grants,
            *({**g.row(), "kind": territorial.get(g.partner_id, principal.kind)} for g in grants),
        ],
        allocataire=is_allocataire((a["payload"] for a in acts), decisions),
    )
    everyone = act_event_recipients(dossier_holders, pid)
    # The dossier is new to the filer when the filing is its first there: a party that joined by household
    # match gets the same ``dossier.cree`` as if it had opened it (no oracle in the feed either).
    created = everyone if new_dossier else ([pid] if not held else [])
    # Events carry the dossier and the act as columns; their data only what the type adds.
    events = [
        *([NewEvent("dossier.cree", {"type": payload["type"]}, created, acte_id)] if created else []),
        NewEvent("acte.depose", {"type": payload["type"], "partner_kind": principal.kind}, everyone, acte_id),
        *(
            [NewEvent("dossier.clos", {"type": payload["type"]}, everyone, acte_id)]
            if POLITIQUES[payload["type"]].clot
            else []
        ),
        *decision_events(diff, index, dossier_holders),
    ]
    mine = next(h.portee for h in dossier_holders if h.partner_id == pid)
    receipt = render_receipt(
        principal=principal,
        portee=mine,
        acte_id=acte_key,
        dossier_id=str(dossier_id),
        recu_le=now,
        type_=str(payload["type"]),
        reference=prep.reference,
        payload_json=prep.payload_json,
        decisions=[d for _, d, _ in diff.added],
        actes=index,
        version=version,
    )
    args = [
        dossier_id,
        prep.territoire,
        parc_of(payload),
        stage_of([str(a["type"]) for a in acts]),
        bailleur_siren(payload),
        now,
        prep.keys,
        acte_id,
        principal.partner_id,
        principal.kind,
        payload["type"],
        prep.reference,
        acte.date_acte,
        prep.payload_json,
        prep.sha,
        new_dossier,
        uuid.uuid4(),
        version,
        [i for i, _, _ in diff.added],
        diff.satisfied,
        diff.replaced,
        json.dumps(diff.rows(), separators=(",", ":")),
        json.dumps([g.row() for g in grants], separators=(",", ":")),
        event_rows(events),
    ]
    return Filing(
        FilingResult(201, receipt, {"Location": f"/v1/actes/{acte_id}"}),
        # Status changes of stored decisions first (a key made again needs its old row replaced first).
        sql.status_changes(diff.replaced, diff.satisfied_stored, now),
        args,
    )


async def file_acte(
    conn: asyncpg.Connection,
    principal: Principal,
    acte: ActeBase,
    *,
    idempotency_key: str | None = None,
    now: datetime | None = None,
) -> FilingResult:
    """One filing. Batches file through the same stages (:func:`prepare`, :func:`place`,
    :func:`compose`), set-based (``services.lots``)."""
    prep = prepare(principal, acte)
    pid = str(principal.partner_id)
    idem_lock = sql.lock_id("idem", pid, idempotency_key or "")
    shared = sql.territory_lock(prep.territoire)
    if conn.is_in_transaction():  # a batch item filed alone (services.lots), in its own transaction
        idem_free = (await conn.fetchrow(sql.LOCKS, idem_lock, prep.locks, shared))["idem_free"]
    else:  # ``transaction(deferred_begin=True)``: BEGIN and the locks in one round trip
        idem_free = (await conn.execute(sql.begin_and_lock(idem_lock, prep.locks, shared))).endswith(" 1")
    if idempotency_key is not None and not idem_free:
        raise ProblemException(
            409,
            "requete-en-cours",
            "Request in flight",
            "A request with this Idempotency-Key is still being processed; retry later.",
            headers={"Retry-After": "1"},
        )
    # An act naming its dossier takes that dossier's lock alone, after the lookups; otherwise the lookups
    # lock the dossier the act goes to when the household is known (``verrous``).
    explicit = prep.payload.get("dossier_id") is not None
    if explicit:
        found = await conn.fetchrow(sql.DUPLICATES, *prep.duplicates_args(principal, idempotency_key))
    else:
        found = await conn.fetchrow(sql.DUPLICATES_LOCKING, *prep.locking_args(principal, idempotency_key))
    placed = await place(conn, principal, prep, found, idempotency_key)
    if isinstance(placed, FilingResult):
        return placed
    if not placed.new_dossier and (
        explicit or sql.dossier_lock(str(placed.dossier_id)) not in found["verrous"]
    ):
        await conn.execute(sql.lock_dossier(str(placed.dossier_id)))
    # Both paths do the same round trips (a new dossier's empty state and lease side are read too): how
    # long a filing takes must not tell whether the household was known (docs/protection.md).
    row = await conn.fetchrow(sql.STATE_AND_SIDE, placed.dossier_id, principal.partner_id)
    filing = compose(principal, prep, placed, state_of(row), row, now or datetime.now(UTC))
    if filing.status_updates:
        await conn.executemany(sql.SET_STATUT, filing.status_updates)
    audit = (principal.client_id or None, request_id_var.get(), principal.user_id)
    if idempotency_key is not None:
        await conn.execute(sql.FILING_IDEM, *filing.args, *audit, idempotency_key)
    else:
        await conn.execute(sql.FILING, *filing.args, *audit)
    return filing.result


__all__ = [
    "DossierState",
    "Filing",
    "FilingResult",
    "Placed",
    "Prepared",
    "compose",
    "decision_row",
    "file_acte",
    "place",
    "prepare",
    "render_receipt",
    "state_of",
    "stored_receipt",
]
