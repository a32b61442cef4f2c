"""The ``prevex`` command line."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import get_settings
from app.core.db import Database, resolve_database_url

T = TypeVar("T")

cli = typer.Typer(
    help="Prevex: interoperability API for rental-eviction prevention.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True)
partners_cli = typer.Typer(help="Partners and their credentials.", no_args_is_help=True)
openapi_cli = typer.Typer(help="The published contract.", no_args_is_help=True)
keys_cli = typer.Typer(help="Token signing keys.", no_args_is_help=True)
actes_cli = typer.Typer(help="Procedure acts.", no_args_is_help=True)
regles_cli = typer.Typer(help="Rule sets (law and charters as data).", no_args_is_help=True)
menages_cli = typer.Typer(help="Households: the keys that find their dossier.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")
cli.add_typer(partners_cli, name="partners")
cli.add_typer(openapi_cli, name="openapi")
cli.add_typer(keys_cli, name="keys")
cli.add_typer(actes_cli, name="actes")
cli.add_typer(regles_cli, name="regles")
cli.add_typer(menages_cli, name="menages")
statistiques_cli = typer.Typer(help="The indicators' aggregates.", no_args_is_help=True)
cli.add_typer(statistiques_cli, name="statistiques")
audit_cli = typer.Typer(help="The audit of dossier accesses (a hash chain).", no_args_is_help=True)
cli.add_typer(audit_cli, name="audit")
dossiers_cli = typer.Typer(help="Dossiers: retention.", no_args_is_help=True)
cli.add_typer(dossiers_cli, name="dossiers")
users_cli = typer.Typer(help="The console's people: users of a partner.", no_args_is_help=True)
cli.add_typer(users_cli, name="users")

out = Console()
err = Console(stderr=True)


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def _database_url() -> str:
    """The configured server, or the embedded one, started and migrated on demand (it is ours)."""
    settings = get_settings()
    url = resolve_database_url(settings)
    if settings.database_url is None:
        from app.core.migrations import upgrade

        upgrade(url)
    return url


def _household_keys_ready(url: str) -> None:
    """What a server's first start does, for every command that writes household keys without one: on a
    database with no key yet, record the secret's fingerprint (so that a server started later is ready);
    refuse (exit 1) when the stored keys are another secret's, as the server refuses filings."""
    from app.services.menages import STALE_KEYS_DETAIL, check_keys

    async def run() -> bool:
        database = Database(url, pool_size=1, max_overflow=0)
        try:
            return await check_keys(database)
        finally:
            await database.dispose()

    if not asyncio.run(run()):
        raise _fail(STALE_KEYS_DETAIL)


def _in_transaction(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run ``work`` in one transaction on the configured (or embedded) database."""
    url = _database_url()

    async def run() -> T:
        database = Database(url, pool_size=1, max_overflow=0)
        try:
            async with database.sessionmaker() as session, session.begin():
                return await work(session)
        finally:
            await database.dispose()

    return asyncio.run(run())


# serve --------------------------------------------------------------------------------------------


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    migrate: Annotated[bool, typer.Option(help="Apply pending migrations first")] = True,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="API processes (uvicorn workers; each has its own connection pool). More than 1 needs "
            "PREVEX_DATABASE_URL: the embedded database is watched by a single process",
        ),
    ] = 1,
) -> None:
    """Serve the API. Without PREVEX_DATABASE_URL, starts an embedded PostgreSQL in PREVEX_DATA_DIR."""
    import uvicorn

    from app.core.migrations import upgrade
    from app.main import create_app

    settings = get_settings()
    if workers > 1:
        if settings.database_url is None:
            raise _fail("--workers above 1 needs PREVEX_DATABASE_URL (a PostgreSQL server of your own)", 2)
        if migrate:
            upgrade(resolve_database_url(settings))
        err.print(f"database: PREVEX_DATABASE_URL, {workers} workers", highlight=False)
        uvicorn.run(
            "app.main:served_app",
            factory=True,
            workers=workers,
            # A worker still importing the app on a loaded machine answers the supervisor's ping late:
            # at uvicorn's default (5 s) it was killed and started again, forever.
            timeout_worker_healthcheck=60,
            host=host,
            port=port,
            log_config=None,
            proxy_headers=False,
            server_header=False,
        )
        return
    url = _database_url()
    where = "PREVEX_DATABASE_URL" if settings.database_url else f"embedded PostgreSQL in {settings.data_dir}"
    err.print(f"database: {where}", highlight=False)
    if migrate:
        upgrade(url)
    from app.core.embedded import release_embedded

    release = release_embedded if settings.database_url is None else None
    uvicorn.run(
        create_app(settings, database_url=url, on_shutdown=release),
        host=host,
        port=port,
        log_config=None,
        proxy_headers=False,
        server_header=False,
    )


# worker -------------------------------------------------------------------------------------------


@cli.command()
def worker(
    concurrency: Annotated[
        int | None, typer.Option(help="Jobs run at once (default PREVEX_WORKER_CONCURRENCY)", min=1, max=64)
    ] = None,
) -> None:
    """Run background jobs: webhook deliveries, the deadline watch, housekeeping. Several may run at once,
    on one machine or several. Without PREVEX_DATABASE_URL, uses the embedded PostgreSQL of `serve`."""
    from app.jobs.worker import main as run_worker

    settings = get_settings()
    url = _database_url()
    where = "PREVEX_DATABASE_URL" if settings.database_url else f"embedded PostgreSQL in {settings.data_dir}"
    err.print(f"worker on {where}", highlight=False)
    try:
        run_worker(settings, url, concurrency or settings.worker_concurrency)
    finally:
        if settings.database_url is None:
            from app.core.embedded import release_embedded

            release_embedded()


# db -----------------------------------------------------------------------------------------------


@db_cli.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision")] = "head") -> None:
    """Apply migrations up to REVISION (default: head)."""
    from app.core.migrations import upgrade

    upgrade(_database_url(), revision)
    out.print(f"database at {revision}")


# partners -----------------------------------------------------------------------------------------


@partners_cli.command("create")
def partners_create(
    kind: Annotated[str, typer.Option(help="Partner kind, e.g. commissaire_justice")],
    name: Annotated[str, typer.Option(help="Organisation name")],
    siret: Annotated[str, typer.Option(help="SIRET (14 digits)")],
    territory: Annotated[list[str], typer.Option(help="Département code; repeat for several")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Create a partner and print its client id and one-time secret."""
    from app.services.partners import PartnerInputError, create_partner

    async def work(session: AsyncSession) -> dict[str, Any]:
        issued = await create_partner(session, kind=kind, nom=name, siret=siret, territoires=territory)
        return {
            "partner_id": str(issued.partner.id),
            "kind": issued.partner.kind,
            "name": issued.partner.nom,
            "territories": issued.partner.territoires,
            "client_id": issued.client_id,
            "client_secret": issued.client_secret,
        }

    try:
        created = _in_transaction(work)
    except PartnerInputError as exc:
        raise _fail(str(exc), 2) from exc
    if as_json:
        print(json.dumps(created))
        return
    out.print(f"partner  {created['partner_id']} ({created['kind']}, {', '.join(created['territories'])})")
    out.print(f"client_id      {created['client_id']}")
    out.print(f"client_secret  {created['client_secret']}")
    err.print("The secret is shown once: store it now. Prevex keeps only its hash.")


@users_cli.command("create")
def users_create(
    partner: Annotated[str, typer.Option(help="The partner's id (prevex partners list)")],
    email: Annotated[str, typer.Option(help="The person's email (their sign-in, also matched by OIDC)")],
    role: Annotated[str, typer.Option(help="secretariat, membre or lecture")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Create a console user; print their one-time initial password and TOTP enrolment URI."""
    from app.services.utilisateurs import UserInputError, create_user

    async def work(session: AsyncSession) -> dict[str, Any]:
        created = await create_user(session, partner=partner, email=email, role=role)
        return {
            "user_id": str(created.user.id),
            "partner_id": str(created.partner.id),
            "email": created.user.email,
            "role": created.user.role,
            "password": created.password,
            "totp_uri": created.totp_uri,
        }

    try:
        created = _in_transaction(work)
    except UserInputError as exc:
        raise _fail(str(exc), 2) from exc
    _print_user_secrets(created, as_json)


def _print_user_secrets(created: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(created))
        return
    out.print(f"user      {created['user_id']} ({created['role']})", highlight=False)
    out.print(f"password  {created['password']}", highlight=False)
    out.print(f"totp      {created['totp_uri']}", highlight=False)
    err.print(
        "The password and the TOTP URI are shown once: give them to the person (the URI as a QR code, "
        "for their authenticator app). Prevex keeps only the password's argon2id hash."
    )


@users_cli.command("reset")
def users_reset(
    email: Annotated[str, typer.Argument(help="The user's email")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """A new one-time password and TOTP secret for a user who lost theirs (their sessions end; a disabled
    user is active again)."""
    from app.services.utilisateurs import reset_user

    async def work(session: AsyncSession) -> dict[str, Any] | None:
        done = await reset_user(session, email)
        if done is None:
            return None
        return {
            "user_id": str(done.user.id),
            "partner_id": str(done.partner.id),
            "email": done.user.email,
            "role": done.user.role,
            "password": done.password,
            "totp_uri": done.totp_uri,
        }

    created = _in_transaction(work)
    if created is None:
        raise _fail("no such user", 2)
    _print_user_secrets(created, as_json)


@users_cli.command("disable")
def users_disable(email: Annotated[str, typer.Argument(help="The user's email")]) -> None:
    """Deactivate a console user: their sessions end now, and they can no longer sign in (locally or by OIDC)."""
    from app.services.utilisateurs import disable_user

    async def work(session: AsyncSession) -> bool:
        return await disable_user(session, email)

    if not _in_transaction(work):
        raise _fail("no such user", 2)
    out.print("user disabled; their sessions are ended")


@partners_cli.command("list")
def partners_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False) -> None:
    """List partners with their active client ids."""
    from app.services.partners import list_partners

    async def work(session: AsyncSession) -> list[dict[str, Any]]:
        return [
            {
                "partner_id": str(p.id),
                "kind": p.kind,
                "name": p.nom,
                "siret": p.siret,
                "territories": p.territoires,
                "status": p.statut,
                "client_ids": ids,
            }
            for p, ids in await list_partners(session)
        ]

    rows = _in_transaction(work)
    if as_json:
        print(json.dumps(rows))
        return
    table = Table("partner_id", "kind", "name", "territories", "status", "client_ids")
    for r in rows:
        table.add_row(  # Text: a name is shown as is, never read as rich markup
            *(
                Text(v)
                for v in (
                    r["partner_id"],
                    r["kind"],
                    r["name"],
                    ",".join(r["territories"]),
                    r["status"],
                    "\n".join(r["client_ids"]),
                )
            )
        )
    if Measurement.get(out, out.options.update_width(10_000), table).maximum <= out.width:
        out.print(table)
        return
    # Too narrow for the table: one block per partner, so identifiers are never cut.
    for r in rows:
        out.print(
            f"partner_id   {r['partner_id']}\nkind         {r['kind']}\nname         {r['name']}\n"
            f"territories  {','.join(r['territories'])}\nstatus       {r['status']}\n"
            f"client_ids   {' '.join(r['client_ids'])}\n",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )


@partners_cli.command("revoke")
def partners_revoke(ident: Annotated[str, typer.Argument(help="Partner id or client id")]) -> None:
    """Revoke a partner: its credentials stop working and its tokens are refused within seconds."""
    from app.services.partners import find_partner, revoke_partner

    async def work(session: AsyncSession) -> str | None:
        partner = await find_partner(session, ident)
        if partner is None:
            return None
        await revoke_partner(session, partner)
        return str(partner.id)

    revoked = _in_transaction(work)
    if revoked is None:
        raise _fail(f"no partner {ident!r}")
    out.print(f"partner {revoked} revoked")


@partners_cli.command("rotate-secret")
def partners_rotate_secret(
    ident: Annotated[str, typer.Argument(help="Partner id or client id")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Replace a partner's credentials: the old client id stops working, a new one is printed once."""
    from app.services.partners import PartnerInputError, find_partner, rotate_secret

    async def work(session: AsyncSession) -> tuple[str, str] | None:
        partner = await find_partner(session, ident)
        return None if partner is None else await rotate_secret(session, partner)

    try:
        issued = _in_transaction(work)
    except PartnerInputError as exc:
        raise _fail(str(exc), 2) from exc
    if issued is None:
        raise _fail(f"no partner {ident!r}")
    if as_json:
        print(json.dumps({"client_id": issued[0], "client_secret": issued[1]}))
        return
    out.print(f"client_id      {issued[0]}")
    out.print(f"client_secret  {issued[1]}")


# keys ---------------------------------------------------------------------------------------------


@keys_cli.command("rotate")
def keys_rotate() -> None:
    """Sign with a new key from now on; older keys stay published until their tokens have expired."""
    from app.core.security import rotate_signing_key

    grace = timedelta(seconds=get_settings().token_ttl_seconds * 2)

    async def work(session: AsyncSession) -> str:
        return (await rotate_signing_key(session, grace)).kid

    out.print(f"new signing key {_in_transaction(work)} (running servers pick it up within a minute)")


@keys_cli.command("rechiffrer")
def keys_rechiffrer() -> None:
    """Encrypt every stored secret (token signing keys, webhook secrets) again with the first key of
    PREVEX_ENCRYPTION_KEYS: after putting a new key first, run this, then drop the old key."""
    from sqlalchemy import select

    from app.core.crypto import reencrypt
    from app.core.security import encrypt_signing_keys
    from app.models.abonnement import Abonnement

    async def work(session: AsyncSession) -> tuple[int, int]:
        keys = await encrypt_signing_keys(session, rotate=True)
        secrets = 0
        for row in (await session.scalars(select(Abonnement).with_for_update())).all():
            row.secret = reencrypt(row.secret)
            if row.secret_precedent is not None:
                row.secret_precedent = reencrypt(row.secret_precedent)
            secrets += 1
        await session.flush()
        return keys, secrets

    keys, secrets = _in_transaction(work)
    out.print(f"{keys} signing key(s) and {secrets} webhook secret(s) encrypted with the first key")


# actes --------------------------------------------------------------------------------------------


@actes_cli.command("import")
def actes_import(
    file: Annotated[
        Path,
        typer.Argument(
            help="NDJSON (one act per line) or CSV (dotted column names)",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    partner: Annotated[str, typer.Option(help="Filing partner: its id or client id")],
    rejects: Annotated[
        Path | None, typer.Option(help="Write the rejected items (NDJSON) to this file")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Acts per batch")] = 1000,
) -> None:
    """File every act of FILE for PARTNER, through the batch path, with a progress bar."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from app.core.scopes import scopes_for_kind
    from app.core.security import Principal
    from app.services.imports import count_items, read_items
    from app.services.lots import statut, stream_lot
    from app.services.partners import find_partner

    url = _database_url()
    _household_keys_ready(url)
    total = count_items(file)

    async def run() -> tuple[int, int, int]:
        database = Database(url, pool_size=1, max_overflow=0)
        accepted = replayed = rejected = 0
        try:
            async with database.sessionmaker() as session:
                found = await find_partner(session, partner)
            if found is None or found.statut != "actif":
                raise _fail(f"no active partner {partner!r}")
            principal = Principal(
                found.id, found.kind, tuple(found.territoires), scopes_for_kind(found.kind), "cli-import"
            )
            sink = rejects.open("w", encoding="utf-8") if rejects else None
            columns = (
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
            )
            with Progress(*columns, console=err) as progress:
                task = progress.add_task("filing", total=total)
                batch: list[bytes] = []
                offset = 0

                async def flush() -> None:
                    nonlocal accepted, replayed, rejected, offset
                    async for done in stream_lot(database, principal, list(batch)):
                        for raw in done:
                            status = statut(raw)  # a receipt is not parsed, only counted
                            if status in (200, 201):
                                accepted += status == 201
                                replayed += status == 200
                                continue
                            rejected += 1
                            if sink is not None:
                                item = json.loads(raw)
                                sink.write(
                                    json.dumps(
                                        {"ligne": offset + item["index"] + 1, "probleme": item["probleme"]},
                                        ensure_ascii=False,
                                    )
                                    + "\n"
                                )
                    progress.advance(task, len(batch))
                    offset += len(batch)
                    batch.clear()

                for raw in read_items(file):
                    batch.append(raw)
                    if len(batch) >= batch_size:
                        await flush()
                if batch:
                    await flush()
            if sink is not None:
                sink.close()
        finally:
            await database.dispose()
        return accepted, replayed, rejected

    accepted, replayed, rejected = asyncio.run(run())
    out.print(
        f"{accepted} filed, {replayed} already filed, {rejected} rejected"
        + (f" (see {rejects})" if rejects and rejected else "")
    )
    if rejected:
        raise typer.Exit(1)


# demo ---------------------------------------------------------------------------------------------

_demo_progress: Any = None  # in a demo worker process: the queue told how many acts each batch held


def _demo_worker_init(progress: Any) -> None:
    """A demo worker: Ctrl-C reaches the whole process group, but only the parent decides (it stops the
    workers itself, with SIGTERM, which ends them at once: a batch cut short is rolled back)."""
    import signal

    global _demo_progress
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _demo_progress = progress


class _DemoStopped(Exception):
    """SIGTERM or Ctrl-C reached ``prevex demo``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _demo_shard(
    url: str,
    principals: dict[str, tuple[str, str, tuple[str, ...]]],
    acts: list[tuple[str, bytes]],
    batch_size: int,
) -> tuple[int, int, int, list[str]]:
    """File one shard of the demo's acts (whole households, in filing order) through the batch intake, in a
    process of its own; the progress queue is told how many acts each batch held."""
    import uuid

    from app.core.scopes import scopes_for_kind
    from app.core.security import Principal
    from app.services.lots import file_lot

    who = {
        role: Principal(uuid.UUID(pid), kind, territoires, scopes_for_kind(kind), "cli-demo")
        for role, (pid, kind, territoires) in principals.items()
    }

    async def run() -> tuple[int, int, int, list[str]]:
        database = Database(url, pool_size=1, max_overflow=0)
        filed = replayed = rejected = 0
        problems: list[str] = []
        try:
            start = 0
            while start < len(acts):
                role = acts[start][0]
                end = start
                while end < len(acts) and end - start < batch_size and acts[end][0] == role:
                    end += 1
                result = await file_lot(database, who[role], [body for _, body in acts[start:end]])
                for item in result["resultats"]:
                    if item["statut"] == 201:
                        filed += 1
                    elif item["statut"] == 200:
                        replayed += 1
                    else:
                        rejected += 1
                        if len(problems) < 3:
                            problems.append(json.dumps(item["probleme"], ensure_ascii=False))
                if _demo_progress is not None:
                    _demo_progress.put(end - start)
                start = end
        finally:
            await database.dispose()
        return filed, replayed, rejected, problems

    return asyncio.run(run())


@cli.command()
def demo(
    territoire: Annotated[
        list[str] | None, typer.Option(help="Département to fill (repeat); default 75, 77 and 93")
    ] = None,
    echelle: Annotated[
        float, typer.Option(min=0.0001, max=1.0, help="Scale every count (tests); 1 is the full table")
    ] = 1.0,
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Acts per batch")] = 500,
    paralleles: Annotated[
        int, typer.Option(min=1, max=16, help="Processes filing at once, each its own households")
    ] = 1,
) -> None:
    """Fill the database with synthetic dossiers (Faker fr_FR), filed through the batch intake: 75 gives
    the Paris 2019-2024 table of seed 001 exactly. Idempotent: a second run files nothing new, and one
    stopped (SIGTERM, Ctrl-C: its worker processes are stopped with it, exit code 143 or 130) finishes
    the job when run again."""
    import multiprocessing
    import queue
    import signal
    import uuid

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from app.core import clock
    from app.services.demo import TERRITOIRES_DEMO, demo_acts, partners_for, remplir_ccapex, shard_of
    from app.services.partners import ensure_partner
    from app.services.statistiques import reconstruire

    territoires = territoire or list(TERRITOIRES_DEMO)
    url = _database_url()
    _household_keys_ready(url)

    def stop(signum: int, _frame: object) -> None:
        raise _DemoStopped(signum)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}

    async def partners(code: str) -> tuple[dict[str, tuple[str, str, tuple[str, ...]]], dict[str, str]]:
        database = Database(url, pool_size=1, max_overflow=0)
        try:
            principals: dict[str, tuple[str, str, tuple[str, ...]]] = {}
            sirets: dict[str, str] = {}
            for wanted in partners_for(code):
                async with database.sessionmaker() as session, session.begin():
                    found = await ensure_partner(
                        session, kind=wanted.kind, nom=wanted.nom, siret=wanted.siret, territoires=[code]
                    )
                principals[wanted.role] = (str(found.id), found.kind, (code,))
                sirets[wanted.role] = wanted.siret
            return principals, sirets
        finally:
            await database.dispose()

    ccapex_ids: dict[str, str] = {}

    async def rebuild() -> None:
        """The CCAPEX's work on the saisines filed (placed by the project's clock), then the aggregates."""
        database = Database(url, pool_size=1, max_overflow=0)
        try:
            async with database.sessionmaker() as session, session.begin():
                for code, ccapex_id in ccapex_ids.items():
                    examined = await remplir_ccapex(session, code, uuid.UUID(ccapex_id), clock.today())
                    out.print(f"{code}: {examined} dossiers examined in CCAPEX sessions (demo)")
                await reconstruire(session, territoires)
        finally:
            await database.dispose()

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    failed = False
    context = multiprocessing.get_context("spawn")
    told = context.Queue()
    pool = context.Pool(paralleles, initializer=_demo_worker_init, initargs=(told,))
    try:
        with Progress(*columns, console=err) as progress:
            for code in territoires:
                principals, sirets = asyncio.run(partners(code))
                ccapex_ids[code] = principals["ccapex"][0]
                acts = demo_acts(code, sirets, echelle)
                shards: list[list[tuple[str, bytes]]] = [[] for _ in range(paralleles)]
                for a in acts:
                    shards[shard_of(a, paralleles)].append((a.role, json.dumps(a.body).encode()))
                task = progress.add_task(f"demo {code}", total=len(acts))
                pending = [
                    pool.apply_async(_demo_shard, (url, principals, shard, batch_size))
                    for shard in shards
                    if shard
                ]
                while not all(p.ready() for p in pending):
                    try:
                        progress.advance(task, told.get(timeout=0.5))
                    except queue.Empty:
                        pass
                while not told.empty():
                    progress.advance(task, told.get())
                results = [p.get() for p in pending]
                filed = sum(r[0] for r in results)
                replayed = sum(r[1] for r in results)
                rejected = sum(r[2] for r in results)
                for problem in [p for r in results for p in r[3]][:3]:
                    err.print(problem, markup=False, highlight=False)
                out.print(f"{code}: {filed} filed, {replayed} already filed, {rejected} rejected")
                failed = failed or rejected > 0
            asyncio.run(rebuild())
        pool.close()
    except _DemoStopped as stopped:
        # The workers end now (SIGTERM): a batch cut short is one transaction, rolled back; what was
        # committed stays, and a rerun replays it (200) and files the rest.
        pool.terminate()
        pool.join()
        name = signal.Signals(stopped.signum).name
        err.print(
            f"[red]stopped ({name}):[/red] nothing is half-written; run `prevex demo` again to finish",
            highlight=False,
        )
        raise typer.Exit(128 + stopped.signum) from None
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        pool.terminate()
        pool.join()
        told.close()
        told.join_thread()
    if failed:
        raise typer.Exit(1)


@statistiques_cli.command("reconstruire")
def statistiques_reconstruire(
    territoire: Annotated[
        list[str] | None, typer.Option(help="Département to rebuild (repeat); default every one with acts")
    ] = None,
) -> None:
    """Rebuild the indicators' aggregates from the acts, in one transaction (readers see the old ones
    until it commits)."""
    import time

    from app.services.statistiques import reconstruire

    async def work(session: AsyncSession) -> dict[str, int]:
        return await reconstruire(session, territoire)

    start = time.perf_counter()
    lus = _in_transaction(work)
    for code, n in sorted(lus.items()):
        out.print(f"{code}: {n} acts read")
    out.print(f"rebuilt in {time.perf_counter() - start:.1f} s")


# regles -------------------------------------------------------------------------------------------


@regles_cli.command("verifier")
def regles_verifier(
    files: Annotated[list[Path] | None, typer.Argument(help="Rule files (default: the shipped ones)")] = None,
) -> None:
    """Validate rule files against their schema; name the file, rule and field of every error."""
    from app.rules.schema import DEFAULT_ROOT
    from app.rules.verification import verify

    paths = files or sorted(DEFAULT_ROOT.rglob("*.yaml"))
    problems = verify(paths)
    for problem in problems:
        err.print(problem, highlight=False, markup=False, soft_wrap=True)  # one line per problem
    if problems:
        raise typer.Exit(1)
    out.print(f"{len(paths)} rule file(s) valid")


@regles_cli.command("reevaluer")
def regles_reevaluer(
    territoire: Annotated[str | None, typer.Option(help="Only this territory's dossiers")] = None,
) -> None:
    """Re-run the rules on stored dossiers; where decisions changed, write a new evaluation beside the
    old ones (never over them)."""
    from rich.progress import Progress

    from app.services.reevaluation import dossier_ids, reevaluate

    url = _database_url()

    async def run() -> tuple[int, int]:
        database = Database(url, pool_size=1, max_overflow=0)
        changed = 0
        try:
            async with database.sessionmaker() as session:
                ids = await dossier_ids(session, territoire)
            with Progress(console=err) as progress:
                task = progress.add_task("re-evaluating", total=len(ids))
                for dossier_id in ids:  # one transaction (and one dossier lock) per dossier
                    async with database.transaction() as conn:
                        changed += await reevaluate(conn, dossier_id)
                    progress.advance(task)
        finally:
            await database.dispose()
        return len(ids), changed

    total, changed = asyncio.run(run())
    out.print(f"{total} dossier(s) re-evaluated, {changed} with new decisions")


@regles_cli.command("impact")
def regles_impact(
    file: Annotated[Path, typer.Argument(help="The draft rule file (YAML)", exists=True, dir_okay=False)],
    territoire: Annotated[
        str | None, typer.Option(help="The territory whose dossiers to try it on (default: the draft's)")
    ] = None,
    remplace: Annotated[
        list[str] | None,
        typer.Option(help="A file the draft replaces, as `prevex regles` names it (93/charte.yaml); repeat"),
    ] = None,
    exemples: Annotated[int, typer.Option(min=0, max=1000, help="Examples per kind of change")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON of POST /v1/regles/impact")] = False,
) -> None:
    """What a draft rule file would change on the stored dossiers of a territory: the decisions that
    would appear, disappear or change date, with counts, examples and the dossiers that change. Nothing
    is stored (a read-only transaction)."""
    import yaml

    from app.rules.rulebook import BrouillonInvalide, with_draft
    from app.services.impact import impact

    texte = file.read_text(encoding="utf-8")
    if territoire is None:
        try:
            declared = yaml.safe_load(texte)
        except yaml.YAMLError:
            declared = None
        found = declared.get("territoire") if isinstance(declared, dict) else None
        if not isinstance(found, str) or found == "national":
            raise _fail("give --territoire: the draft names no territory of its own")
        territoire = found
    try:
        brouillon = with_draft(texte, territoire, remplace=remplace)
    except BrouillonInvalide as exc:
        for message in exc.messages:
            err.print(
                message.replace("brouillon", str(file), 1), highlight=False, markup=False, soft_wrap=True
            )
        raise typer.Exit(1) from None
    where = territoire

    async def work(session: AsyncSession) -> dict[str, Any]:
        return await impact(session, where, brouillon, exemples=exemples)

    result = _in_transaction(work)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    _print_impact(result)


_CHANGES = (
    ("apparaissent", "appear"),
    ("disparaissent", "disappear"),
    ("changent_de_date", "change date"),
    ("modifiees", "change otherwise"),
)


def _print_impact(result: dict[str, Any]) -> None:
    replaced = ", ".join(result["remplace"]) or "nothing (added beside)"
    out.print(f"draft {result['fichier']} in place of {replaced}", highlight=False, soft_wrap=True)
    out.print(
        f"rules in force {result['version_regles']} -> draft {result['version_brouillon']}",
        highlight=False,
        soft_wrap=True,
    )
    out.print(
        f"{result['dossiers_examines']} dossier(s) of {result['territoire']} examined, "
        f"{result['dossiers_changes']} would change: "
        + ", ".join(f"{result[key]['nombre']} decision(s) {label}" for key, label in _CHANGES),
        highlight=False,
        soft_wrap=True,
    )
    if result["par_code"]:
        table = Table("code", *(label for _, label in _CHANGES))
        for code, counts in result["par_code"].items():
            table.add_row(code, *(str(counts[key]) for key, _ in _CHANGES))
        out.print(table)
    if result["dossiers"]:
        out.print("dossiers that change (+ appear, - disappear, ~ change date, * change otherwise):")
        for row in result["dossiers"]:
            counts = " ".join(
                f"{sign}{row[key]}" for sign, (key, _) in zip("+-~*", _CHANGES, strict=True) if row[key]
            )
            out.print(f"  {row['dossier_id']}  {counts}", highlight=False, soft_wrap=True)
        if result["dossiers_tronques"]:
            out.print(f"(first {len(result['dossiers'])} of {result['dossiers_changes']} listed)")
    for key, label in _CHANGES:
        examples = result[key]["exemples"]
        if not examples:
            continue
        out.print(f"examples: decisions that {label}")
        for e in examples:
            day = e.get("date") or ""
            if key == "changent_de_date":
                day = f"{e.get('date_avant') or ''} -> {day}"
            line = f"  dossier {e['dossier_id']} act {e['acte_id']} {e['code']} ({e['regle']}) {day}"
            out.print(line.rstrip(), highlight=False, soft_wrap=True)


# menages ------------------------------------------------------------------------------------------


@menages_cli.command("recalculer-cles")
def menages_recalculer_cles(
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Dossiers per transaction")] = 500,
) -> None:
    """Make every dossier's household keys again with the current PREVEX_HOUSEHOLD_KEY_SECRET (after a
    change of secret, or on a database whose keys predate HMAC keys). Safe while `prevex serve` runs;
    servers accept filings again within seconds of the end."""
    from rich.progress import Progress

    from app.services.menages import rekey

    url = _database_url()

    async def run() -> tuple[int, int]:
        database = Database(url, pool_size=1, max_overflow=0)
        try:
            async with database.sessionmaker() as session:
                total = int(await session.scalar(text("SELECT count(*) FROM dossiers")) or 0)
            with Progress(console=err) as progress:
                task = progress.add_task("re-keying households", total=total)
                return await rekey(database, batch=batch_size, progress=lambda n: progress.advance(task, n))
        finally:
            await database.dispose()

    dossiers, keys = asyncio.run(run())
    out.print(f"{dossiers} dossier(s) re-keyed, {keys} household key(s)")


# dossiers -----------------------------------------------------------------------------------------


@dossiers_cli.command("anonymiser")
def dossiers_anonymiser(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List what would be anonymised (ids and counts), change nothing")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Anonymise now the dossiers closed for PREVEX_ANONYMISATION_DELAI_JOURS (what the worker's daily
    job does; "today" is PREVEX_TODAY when set). With --dry-run, list them: dossier id, territory,
    closing date, number of acts; never any personal data."""
    from app.core import clock
    from app.services import retention

    url = _database_url()
    delai = get_settings().anonymisation_delai_jours

    async def run() -> tuple[list[retention.Due], int]:
        database = Database(url, pool_size=1, max_overflow=0)
        try:
            async with database.transaction() as conn:
                todo = await retention.due(conn, clock.today(), delai)
            if dry_run:
                return todo, 0
            done = await retention.run(database, delai)
            return [d for d in todo if d.dossier_id in set(done.dossiers)], done.actes
        finally:
            await database.dispose()

    listed, actes = asyncio.run(run())
    rows = [
        {
            "dossier_id": str(d.dossier_id),
            "territoire": d.territoire,
            "clos_le": d.clos_le.isoformat(),
            "actes": d.actes,
        }
        for d in listed
    ]
    if as_json:
        out.print_json(json.dumps({"dry_run": dry_run, "dossiers": rows, "actes_reecrits": actes}))
        return
    for row in rows:
        out.print(
            f"{row['dossier_id']}  {row['territoire']}  clos le {row['clos_le']}  {row['actes']} acte(s)"
        )
    verb = "would be anonymised" if dry_run else "anonymised"
    out.print(f"{len(rows)} dossier(s) {verb} (closed for {delai} days or more)")


# audit --------------------------------------------------------------------------------------------


@audit_cli.command("verifier")
def audit_verifier() -> None:
    """Seal the audit rows whose order is final, then check the whole chain in commit order. Exits 1
    naming the first row that does not hold (altered, removed or reordered)."""
    from app.services.audit import seal, verify

    url = _database_url()

    async def run() -> tuple[int, object]:
        database = Database(url, pool_size=1, max_overflow=0)
        try:
            async with database.transaction() as conn:
                sealed = await seal(conn)
            async with database.transaction() as conn:
                return sealed, await verify(conn)
        finally:
            await database.dispose()

    sealed, result = asyncio.run(run())
    from app.services.audit import Verification

    assert isinstance(result, Verification)
    if not result.ok:
        raise _fail(f"audit chain broken at row {result.broken_row}: {result.reason}")
    out.print(f"audit chain intact: {result.rows} row(s) checked ({sealed} newly sealed)")


# openapi ------------------------------------------------------------------------------------------


def openapi_document() -> str:
    from app.main import create_app

    return json.dumps(create_app().openapi(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


@openapi_cli.command("export")
def openapi_export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write ('-' for stdout)")] = Path(
        "openapi/openapi.json"
    ),
) -> None:
    """Write the OpenAPI document of the app (the checked-in contract)."""
    document = openapi_document()
    if str(output) == "-":
        sys.stdout.write(document)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(document, encoding="utf-8")
    out.print(f"wrote {output}")


CLIENT_DIR = Path("clients/python")
CLIENT_KEEP = ("examples",)  # hand-written, beside the generated code


def _generate_client(into: Path) -> Path:
    """Run openapi-python-client on the checked-in contract; the generated project's folder."""
    import shutil
    import subprocess

    generator = shutil.which("openapi-python-client")
    if generator is None:
        raise _fail("openapi-python-client is not installed (a dev dependency: `./run uv sync`)")
    target = into / "python"
    done = subprocess.run(  # noqa: S603 (our own generator, our own arguments)
        [
            generator,
            "generate",
            "--path",
            "openapi/openapi.json",
            "--config",
            "clients/openapi-python-client.yaml",
            "--meta",
            "uv",
            "--output-path",
            str(target),
            "--overwrite",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        err.print(done.stdout[-3000:] + done.stderr[-3000:], highlight=False, markup=False)
        raise _fail("openapi-python-client failed")
    return target


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and p.relative_to(root).parts[0] not in CLIENT_KEEP
        and not {"__pycache__", ".ruff_cache"} & set(p.parts)
    }


@openapi_cli.command("client")
def openapi_client(
    check: Annotated[bool, typer.Option("--check", help="Only say whether clients/python is stale")] = False,
) -> None:
    """Generate the typed Python client (clients/python) from openapi/openapi.json with
    openapi-python-client; --check fails when the checked-in client differs (CI)."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="prevex-client-") as tmp:
        generated = _generate_client(Path(tmp))
        fresh, current = _files(generated), _files(CLIENT_DIR) if CLIENT_DIR.exists() else {}
        if check:
            stale = sorted(k for k in fresh.keys() | current.keys() if fresh.get(k) != current.get(k))
            if stale:
                err.print("clients/python is stale: run `./run prevex openapi client`", highlight=False)
                for name in stale[:20]:
                    err.print(f"  {name}", highlight=False, markup=False)
                raise typer.Exit(1)
            out.print("clients/python matches openapi/openapi.json")
            return
        for name in current.keys() - fresh.keys():
            (CLIENT_DIR / name).unlink()
        for name, content in fresh.items():
            path = CLIENT_DIR / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if current.get(name) != content:
                path.write_bytes(content)
        for folder in sorted(CLIENT_DIR.rglob("*"), reverse=True):
            kept = folder.relative_to(CLIENT_DIR).parts[0] in CLIENT_KEEP
            if folder.is_dir() and not kept and not any(folder.iterdir()):
                shutil.rmtree(folder)
    out.print(f"wrote {CLIENT_DIR} ({len(fresh)} files)")


def main() -> None:
    from pydantic import ValidationError
    from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

    from app.core.config import configuration_errors

    try:
        cli()
    except ValidationError as exc:
        if exc.title != "Settings":
            raise
        for line in configuration_errors(exc):  # one line each, no traceback: the operator's fix is there
            err.print(Text.assemble(("error:", "red"), f" invalid configuration: {line}"), soft_wrap=True)
        raise SystemExit(2) from None
    except (OperationalError, OSError) as exc:
        err.print(
            f"[red]error:[/red] the database is unreachable ({type(exc).__name__}); "
            "check PREVEX_DATABASE_URL",
            highlight=False,
        )
        raise SystemExit(3) from None
    except ProgrammingError as exc:
        if "UndefinedTable" in str(exc.orig.__class__) or "does not exist" in str(exc):
            err.print("[red]error:[/red] the database schema is missing or old: run `prevex db upgrade`")
            raise SystemExit(3) from None
        raise
    except DBAPIError:
        raise


if __name__ == "__main__":
    main()
