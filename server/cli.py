"""The `peergraph` command: runs peergraph's GraphQL API over a Neo4j research graph, and
manages that graph (a local Neo4j, its schema, the seed, imports and checks).

The whole set-up on a fresh machine is `make run` (this command's neo4j start, migrate, seed
and serve); `peergraph COMMAND --help` says more of each."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from core.errors import DatabaseUnavailable, QueryTimeout
from server.connection import Neo4jNotConfigured, connection_for, database_for
from server.diagnosis import explain
from server.neo4j_local import ManagedNeo4j, Neo4jLocalError
from server.settings import Settings, describe_error, load_settings

if TYPE_CHECKING:
    from starlette.applications import Starlette

GC_YOUNG_THRESHOLD = 10_000
SWITCH_INTERVAL = 0.001  # seconds a thread holds the interpreter lock before it must offer it
VERIFY_SHOWN = 50  # differences printed; the count says how many there are in all
MAX_PORT = 65535


class CommandFailed(RuntimeError):
    """The command could not do what was asked; the message says why."""


def neo4j_install(settings: Settings) -> None:
    started = time.monotonic()
    if ManagedNeo4j(settings).install():
        print(f"fetched Neo4j {settings.neo4j_version} in {time.monotonic() - started:.1f}s")
    else:
        print(f"Neo4j {settings.neo4j_version} is already installed")


def neo4j_start(settings: Settings) -> None:
    managed = _managed_only(settings)
    started = time.monotonic()
    if managed.start():
        print(f"started Neo4j at {managed.uri} in {time.monotonic() - started:.1f}s")
    else:
        print(f"Neo4j is already running at {managed.uri}")


def neo4j_stop(settings: Settings) -> None:
    managed = _managed_only(settings)
    print("stopped Neo4j" if managed.stop() else "Neo4j was not running")


def neo4j_status(settings: Settings) -> None:
    status = _managed_only(settings).status()
    state = f"running (pid {status.pid})" if status.running else "stopped"
    print(f"state:   {state}")
    print(f"uri:     {status.uri}")
    print(f"version: {status.version or settings.neo4j_version + ' (configured)'}")
    print(f"data:    {status.data_dir}")


def migrate(settings: Settings) -> None:
    from resolvers.migrations import apply_migrations

    async def run() -> int:
        async with database_for(settings) as db:
            return await apply_migrations(db)

    print(f"applied {asyncio.run(run())} schema statements (constraints and indexes)")


def seed(settings: Settings) -> None:
    from seed.loader import load_seed

    async def run() -> None:
        async with database_for(settings) as db:
            await load_seed(db)

    asyncio.run(run())
    print("seed data loaded")


def verify_aggregates(settings: Settings) -> None:
    from resolvers.aggregates import verify

    async def run() -> list[dict[str, Any]]:
        async with database_for(settings) as db:
            return await verify(db)

    differences = asyncio.run(run())
    for difference in differences[:VERIFY_SHOWN]:
        print(
            f"{difference['key']}: {difference['aggregate']} kept {difference['kept']!r}, "
            f"counted {difference['counted']!r}"
        )
    if differences:
        raise CommandFailed(f"{len(differences):,} kept aggregates differ from the graph")
    print("every kept aggregate agrees with the graph")


def users_promote(settings: Settings, email: str) -> None:
    from core.errors import BadUserInput
    from core.identifiers import normalize_email

    try:
        address = normalize_email(email)
    except BadUserInput as error:
        raise CommandFailed(error.message) from None

    async def run() -> bool:
        async with database_for(settings) as db:
            return bool(await db.write("accounts/promote", {"email": address}))

    if not asyncio.run(run()):
        raise CommandFailed(f"no account has the email {address}")
    print(f"{address} is now a moderator")


def generate(settings: Settings, works: int, seed: int, batch_size: int) -> None:
    from seed.bulk import GeneratedGraphExists, LoadReport, load_generated
    from server.progress import works_progress

    bar = works_progress()
    task = bar.add_task("generating", total=works)

    def advance(done: int) -> None:
        bar.start()  # on the first written batch, so a refusal prints no empty bar
        bar.update(task, completed=done)

    async def run() -> LoadReport:
        async with database_for(settings) as db:
            try:
                return await load_generated(db, works, seed, batch_size, advance)
            finally:
                if bar.live.is_started:
                    bar.stop()

    try:
        report = asyncio.run(run())
    except GeneratedGraphExists as error:
        sys.exit(f"peergraph: {error}")
    print(
        f"wrote {report.nodes:,} nodes and {report.relationships:,} relationships "
        f"({report.works:,} works, {report.authorships:,} authorships) "
        f"in {report.seconds:.1f}s: {report.works_per_second:,.0f} works/s"
    )


def import_openalex(
    settings: Settings,
    paths: list[Path],
    strict: bool,
    errors: Path,
    batch_size: int,
    bulk: bool,
    sync: bool,
) -> None:
    from server.import_commands import run_bulk_import, run_import, run_sync

    if sync and (bulk or len(paths) != 1):
        raise CommandFailed("--sync takes one snapshot folder (holding data/ or its entities)")
    if sync:
        run_sync(settings, paths[0], strict, errors, batch_size)
    elif bulk:
        run_bulk_import(settings, paths, strict, errors, batch_size)
    else:
        run_import(settings, paths, strict, errors, batch_size)


def import_openalex_sample(
    settings: Settings, works: int, seed: int, out: Path, months: int
) -> None:
    from server.import_commands import run_sample

    run_sample(works, seed, out, months)


def schema(settings: Settings) -> None:
    """The schema the server serves with these settings, as SDL."""
    from schema.schema import build_schema

    print(build_schema(settings.request_limits(), introspection=True).as_str())


def serve(settings: Settings, host: str | None, port: int | None) -> None:
    if host is not None or port is not None:
        # each worker builds its app from the environment: the options go there too
        os.environ.update(
            {
                name: str(value)
                for name, value in (("PEERGRAPH_HOST", host), ("PEERGRAPH_PORT", port))
                if value is not None
            }
        )
        settings = load_settings()
    connection_for(settings)  # refused here in one line, not in each worker's start-up
    with metrics_shared_by_workers(settings.workers):
        import uvicorn

        from server.logs import logging_config
        from server.protocol import server_options

        # An import string, so that each of several workers imports and builds its own app;
        # with one worker, uvicorn calls the factory in this process.
        uvicorn.run(
            "server.cli:server_app",
            factory=True,
            workers=settings.workers,
            host=settings.host,
            port=settings.port,
            log_config=logging_config(settings),
            **server_options(settings),
        )


@contextlib.contextmanager
def metrics_shared_by_workers(workers: int) -> Iterator[None]:
    """Several workers write their metrics to one fresh folder, read by whichever answers
    /metrics (server/metrics.py). Set before prometheus_client is first imported, which
    reads it once; a PROMETHEUS_MULTIPROC_DIR given by the operator is theirs to clear."""
    if workers == 1 or "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="peergraph-metrics-") as folder:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
        try:
            yield
        finally:
            del os.environ["PROMETHEUS_MULTIPROC_DIR"]


def server_app() -> Starlette:
    """The app of one server process, called by uvicorn once in each before it serves:
    the settings again from the environment `serve` already validated, then the process's
    garbage collection tuned over what start-up built."""
    from server.app import create_app

    quiet_driver()
    app = create_app(load_settings())
    tune_garbage_collection()
    share_the_interpreter()
    return app


def quiet_driver() -> None:
    """The driver logs each retry and each failed routing, in several lines apiece, then
    raises: peergraph's own line names the cause (server/diagnosis.py)."""
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)


def tune_garbage_collection() -> None:
    """What start-up built (modules, the schema) lives as long as the process: frozen, the
    collector stops walking it. A request allocates thousands of short-lived objects,
    freed by reference counting; collecting every 700 allocations cost the profile page
    about a millisecond of CPU a request."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def share_the_interpreter() -> None:
    """New documents are validated on a worker thread (resolvers/operations.py). While it
    computes, the event loop waits for the interpreter lock up to the switch interval each
    time it wakes; a millisecond rather than five keeps known requests quick beside a
    flood of new documents."""
    sys.setswitchinterval(SWITCH_INTERVAL)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return number


def _port(value: str) -> int:
    number = _positive(value)
    if number > MAX_PORT:
        raise argparse.ArgumentTypeError(f"{value} is not a port (1 to {MAX_PORT})")
    return number


def _managed_only(settings: Settings) -> ManagedNeo4j:
    if not settings.managed:
        raise Neo4jNotConfigured(
            f"NEO4J_URI is set ({settings.neo4j_uri}): that server is not managed by peergraph"
        )
    return ManagedNeo4j(settings)


# Each takes the settings and its sub-command's options as keyword arguments.
COMMANDS: dict[str, Callable[..., None]] = {
    "neo4j install": neo4j_install,
    "neo4j start": neo4j_start,
    "neo4j stop": neo4j_stop,
    "neo4j status": neo4j_status,
    "migrate": migrate,
    "seed": seed,
    "users promote": users_promote,
    "verify aggregates": verify_aggregates,
    "generate": generate,
    "import openalex": import_openalex,
    "import openalex-sample": import_openalex_sample,
    "schema": schema,
    "serve": serve,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peergraph", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"peergraph {version('peergraph')}")
    commands = parser.add_subparsers(dest="command", required=True)
    neo4j = commands.add_parser("neo4j", help="the managed local Neo4j server")
    neo4j.add_argument(
        "action",
        choices=["install", "start", "stop", "status"],
        help="install: fetch the runtime from Maven Central; start, stop: the server "
        "(start installs first); status: whether it runs, where, and its version",
    )
    commands.add_parser("migrate", help="apply constraints and indexes (idempotent)")
    commands.add_parser("seed", help="load the seed dataset (idempotent)")
    users = commands.add_parser("users", help="manage accounts")
    users.add_argument("action", choices=["promote"], help="promote: make a user a moderator")
    users.add_argument("email", help="the account's email address")
    verifier = commands.add_parser("verify", help="check what is kept against the graph")
    verifier.add_argument(
        "action",
        choices=["aggregates"],
        help="aggregates: count the kept aggregates again from the relationships and list "
        "any that differ (exits 1 if one does)",
    )
    generator = commands.add_parser(
        "generate", help="generate a synthetic graph into a database without one"
    )
    generator.add_argument("--works", type=_positive, required=True, help="number of works")
    generator.add_argument("--seed", type=int, required=True, help="same seed, same graph")
    generator.add_argument(
        "--batch-size", type=_positive, default=5000, help="works per transaction (5000)"
    )
    _add_import(commands.add_parser("import", help="import scholarly data"))
    commands.add_parser("schema", help="print the GraphQL schema these settings serve, as SDL")
    server = commands.add_parser("serve", help="serve the GraphQL API and the web app")
    server.add_argument("--host", help="the address to listen on (PEERGRAPH_HOST, or 127.0.0.1)")
    server.add_argument(
        "--port", type=_port, help="the port to listen on (PEERGRAPH_PORT, or 8000)"
    )
    return parser


def _add_import(parser: argparse.ArgumentParser) -> None:
    sources = parser.add_subparsers(dest="action", required=True)
    openalex = sources.add_parser(
        "openalex", help="OpenAlex snapshot files or folders, plain or gzip (idempotent)"
    )
    openalex.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="a snapshot's data folder, entity folders or files, in any order",
    )
    openalex.add_argument("--strict", action="store_true", help="stop at the first bad line")
    openalex.add_argument(
        "--errors",
        type=Path,
        default=Path("openalex-errors.jsonl"),
        help="the error report, one JSON line per refused line (openalex-errors.jsonl)",
    )
    openalex.add_argument(
        "--batch-size", type=_positive, default=2000, help="records per transaction (2000)"
    )
    openalex.add_argument(
        "--bulk",
        action="store_true",
        help="first load into the managed Neo4j's empty database through neo4j-admin's "
        "offline importer: stops the server for the import",
    )
    openalex.add_argument(
        "--sync",
        action="store_true",
        help="keep a mirror current: apply the updated_date= partitions and merged_ids/ "
        "files newer than the graph's last sync (one PATH, the snapshot folder)",
    )
    sample = sources.add_parser(
        "openalex-sample", help="write the synthetic graph as an OpenAlex snapshot"
    )
    sample.add_argument("--works", type=_positive, required=True, help="number of works")
    sample.add_argument("--seed", type=int, default=1, help="same seed, same sample (1)")
    sample.add_argument("--out", type=Path, required=True, help="folder to write data/ into")
    sample.add_argument(
        "--months",
        type=int,
        default=0,
        help="later months to write after the snapshot, with changed, new and merged records, "
        "for --sync (0)",
    )


def main(argv: Sequence[str] | None = None) -> None:
    options = vars(build_parser().parse_args(argv))
    command = options.pop("command")
    name = f"{command} {options.pop('action')}" if "action" in options else command
    quiet_driver()
    try:
        settings = load_settings()
    except ValidationError as error:
        sys.exit(f"peergraph: {describe_error(error)}")
    try:
        COMMANDS[name](settings, **options)
    except (Neo4jLocalError, Neo4jNotConfigured, CommandFailed) as error:
        sys.exit(f"peergraph: {error}")
    except (DatabaseUnavailable, QueryTimeout) as error:
        sys.exit(f"peergraph: {asyncio.run(explain(error, connection_for(settings)))}")


if __name__ == "__main__":
    main()
