"""First requests after a start: the web app's researcher and work pages the first time
after Neo4j and the API start, against their warm time, with and without the warm-up.

Not a test. Against the managed Neo4j of the settings, in a home of its own (the bench
stops and starts it), with the web app's persisted documents built (`make web`):

    PEERGRAPH_NEO4J_HOME=/tmp/plan-neo4j PEERGRAPH_NEO4J_BOLT_PORT=7720 \\
        .venv/bin/python bench/first_requests.py [--rounds 3] [--warm 10] [--seed]

`--seed` first migrates and seeds an empty database. Each round, for each mode (the
warm-up off, then on), stops and starts Neo4j (an empty plan cache and a cold JVM),
starts the API, waits until /readyz answers 200, then sends ResearcherPage and WorkPage
by their persisted ids, each once (which goes first alternates by round), then `--warm`
more times each. The warm time is the median of those.

`--plans` times how long Neo4j takes to plan a shape it has not seen, on a warm database:
every statement the persisted queries compile to (for the warm-up's samples), run under a
comment that makes its text new, with the query options of OPTIONS in turn: the median,
p95 and worst time to Neo4j's first record (planning, and execution, a few ms warm).

`--breakdown` splits one fresh start's first requests instead, in this process: parse and
validate, compile, then each page's statement over the driver, twice (Neo4j's own
`result_available_after`, the time to its first record, beside the time seen here).
Then, on the warm JVM, which earlier statement leaves a plan the page's request finds:
EXPLAIN, a run for another node, a run for an anonymous viewer.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any

from ports import free_port
from run import Connection, wait_ready

from core.global_ids import encode_id
from resolvers.compiler.request import RequestArguments
from resolvers.database import Database
from resolvers.migrations import apply_migrations
from resolvers.operations import coerce_variables
from resolvers.warm_up import WarmUpReport, compiled_shapes, sample_keys
from schema.schema import build_schema
from seed.loader import load_seed
from server.connection import database_for
from server.neo4j_local import ManagedNeo4j
from server.persisted import document_hash, read_manifest
from server.settings import Settings, load_settings

PAGES = ("ResearcherPage", "WorkPage")
# The seed's researcher with the most works, and its work with the most citations.
PAGE_KEYS = """
MATCH (r:Researcher) WITH r ORDER BY COUNT { (r)-[:AUTHORED]->() } DESC, r.key LIMIT 1
MATCH (w:Work) WITH r, w ORDER BY COUNT { (w)<-[:CITES]-() } DESC, w.key LIMIT 1
RETURN r.key AS researcher, w.key AS work"""


def page_documents(settings: Settings) -> dict[str, str]:
    path = settings.documents_manifest_path
    if not path.exists():
        raise SystemExit(f"{path} not found: `make web` builds the persisted documents")
    found = {}
    for text in read_manifest(path).values():
        for page in PAGES:
            if f"query {page}(" in text:
                found[page] = text
    return found


async def page_variables(settings: Settings) -> dict[str, dict[str, str]]:
    async with database_for(settings) as db:
        keys = (await db.query(PAGE_KEYS, {}))[0]
    return {
        "ResearcherPage": {"id": encode_id("Researcher", keys["researcher"])},
        "WorkPage": {"id": encode_id("Work", keys["work"])},
    }


def restart_neo4j(settings: Settings) -> float:
    server = ManagedNeo4j(settings)
    server.stop()
    started = time.perf_counter()
    server.start()
    return time.perf_counter() - started


async def timed(connection: Connection, payload: dict[str, Any]) -> float:
    """The request's time; an answer with errors (a first request that waited past the
    query timeout for its plan) is reported and counted at its time."""
    started = time.perf_counter()
    status, body = await connection.request("POST", "/graphql", payload)
    elapsed = time.perf_counter() - started
    if status != 200 or body.get("errors"):
        codes = [error.get("extensions", {}).get("code") for error in body.get("errors", [])]
        print(f"  HTTP {status} after {elapsed:.2f}s: {codes}", flush=True)
    return elapsed


async def one_start(
    settings: Settings,
    payloads: dict[str, dict[str, Any]],
    warm_up_seconds: float,
    order: tuple[str, ...],
    warm: int,
) -> dict[str, Any]:
    neo4j_seconds = restart_neo4j(settings)
    port = free_port()
    started = time.perf_counter()
    api = subprocess.Popen(  # noqa: ASYNC220 - nothing else runs meanwhile
        [sys.executable, __file__, "serve", str(port), str(warm_up_seconds)],
        env={**os.environ, "PEERGRAPH_ACCESS_LOG": "false"},
    )
    try:
        await wait_ready(port, api, poll=0.02)
        ready = time.perf_counter() - started
        connection = await Connection.open(port)
        first = {page: await timed(connection, payloads[page]) for page in order}
        warm_times = {
            page: [await timed(connection, payloads[page]) for _ in range(warm)] for page in order
        }
        connection.close()
    finally:
        api.terminate()
        api.wait()
    return {
        "neo4j_start": neo4j_seconds,
        "ready": ready,
        "first": first,
        "warm": {page: statistics.median(times) for page, times in warm_times.items()},
    }


async def bench(rounds: int, warm: int) -> None:
    settings = load_settings()
    documents = page_documents(settings)
    variables = await page_variables(settings)
    payloads = {
        page: {
            "documentId": f"sha256:{document_hash(documents[page])}",
            "variables": variables[page],
        }
        for page in PAGES
    }
    print(f"pages: {json.dumps(variables)}")
    print("mode     round first-page     ready   first R / warm R   first W / warm W")
    results: dict[str, list[dict[str, Any]]] = {"off": [], "on": []}
    for round_ in range(rounds):
        order = PAGES if round_ % 2 == 0 else PAGES[::-1]
        for mode, seconds in (("off", 0.0), ("on", load_settings().warm_up_seconds)):
            found = await one_start(settings, payloads, seconds, order, warm)
            results[mode].append(found)
            first, warm_ = found["first"], found["warm"]
            print(
                f"{mode:8} {round_ + 1:5} {order[0]:14} {found['ready']:6.2f}s"
                f"  {first['ResearcherPage']:6.3f} / {warm_['ResearcherPage']:.3f}s"
                f"   {first['WorkPage']:6.3f} / {warm_['WorkPage']:.3f}s",
                flush=True,
            )
    print("\nmedians over the rounds (seconds)")
    for mode, found in results.items():
        line = [f"warm-up {mode}: ready {median(found, 'ready'):.2f}"]
        for page in PAGES:
            first = statistics.median(one["first"][page] for one in found)
            warm_ = statistics.median(one["warm"][page] for one in found)
            line.append(f"{page} first {first:.3f} warm {warm_:.3f} (+{first - warm_:.3f})")
        print("; ".join(line))


# Query options that might make planning cheaper (Neo4j 5.26 Community).
OPTIONS = (
    "",
    "CYPHER runtime=interpreted",
    "CYPHER inferSchemaParts=off",
    "CYPHER connectComponentsPlanner=greedy",
    "CYPHER expressionEngine=interpreted",
)


async def plans(repeats: int) -> None:
    """Planning a new shape on a warm database: each statement's text made new by a
    comment, so that Neo4j plans it again."""
    settings = load_settings()
    schema = build_schema(settings.request_limits(), introspection=False)
    documents = list(read_manifest(settings.documents_manifest_path).values())
    async with database_for(settings) as db:
        keys = await sample_keys(db)
        shapes = await compiled_shapes(schema.pipeline, documents, keys, WarmUpReport())
        print(f"{len(shapes)} statements from {len(documents)} persisted documents")
        for shape in shapes:  # the JVM warm: every statement planned once already
            await run_statement(db, shape.text, shape.parameters)
        run, fresh = time.time_ns(), itertools.count()  # texts no earlier run has planned
        for option in OPTIONS:
            times = []
            for _ in range(repeats):
                for shape in shapes:
                    text = f"{option} {shape.text}\n// new text {run}-{next(fresh)}"
                    available = (await run_statement(db, text, shape.parameters))[1]
                    times.append(available / 1000)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * len(times)))]
            print(
                f"{option or 'default':40} median {statistics.median(times):.3f}s"
                f"  p95 {p95:.3f}s  worst {times[-1]:.3f}s  ({len(times)} plans)",
                flush=True,
            )


def median(found: list[dict[str, Any]], key: str) -> float:
    return statistics.median(one[key] for one in found)


async def breakdown() -> None:
    """Where the first request's time goes, on a fresh start; then, on the warm JVM, which
    earlier statement leaves Neo4j a plan that the page's own request finds."""
    settings = load_settings()
    documents = page_documents(settings)
    variables = await page_variables(settings)
    print(f"Neo4j restarted in {restart_neo4j(settings):.1f}s")
    started = time.perf_counter()
    schema = build_schema(settings.request_limits(), introspection=False)
    print(f"schema built in {time.perf_counter() - started:.3f}s")
    pipeline = schema.pipeline
    statements = {}
    async with database_for(settings) as db:
        started = time.perf_counter()
        await db.ping()
        print(f"first ping (connection) {time.perf_counter() - started:.3f}s")
        for page in PAGES:
            text = documents[page]
            started = time.perf_counter()
            operation = await pipeline.operations.find(text, page)
            found = time.perf_counter() - started
            started = time.perf_counter()
            statement, parameters = page_statement(pipeline, operation, variables[page], None)
            compiled = time.perf_counter() - started
            statements[page] = operation
            print(
                f"{page}: parse+validate {found:.3f}s, compile {compiled:.3f}s,"
                f" statement {len(statement):,} characters"
            )
            for label in ("run 1", "run 2"):
                seen, available = await run_statement(db, statement, parameters)
                print(f"  {label}: {seen:.3f}s here, Neo4j's first record after {available}ms")
        fresh = itertools.count()
        print("on the warm JVM, each pair on a text of its own (a comment makes it new):")
        for page in PAGES:
            operation = statements[page]
            real = page_statement(pipeline, operation, variables[page], None)
            sample = page_statement(pipeline, operation, {"id": encode_id(page[:-4], "x")}, None)
            signed_in = page_statement(pipeline, operation, variables[page], "someone")
            for label, before, prefix in (
                ("EXPLAIN, then the request", real, "EXPLAIN "),
                ("a run for a key that is not there, then the request", sample, ""),
                ("an anonymous run, then a signed-in request", real, ""),
            ):
                after = signed_in if "signed-in" in label else real
                comment = f"\n// text {next(fresh)}"
                first = await run_statement(db, prefix + before[0] + comment, before[1])
                second = await run_statement(db, after[0] + comment, after[1])
                print(f"  {page}, {label}: {first[1]}ms, then {second[1]}ms (Neo4j's first record)")


def page_statement(
    pipeline: Any, operation: Any, variables: dict[str, Any], viewer: str | None
) -> tuple[str, dict[str, Any]]:
    """The page's one statement and its parameters, for these variables and viewer."""
    coerced = coerce_variables(pipeline.schema, operation.definition, variables)
    request = RequestArguments(coerced, lambda: viewer)
    plan = pipeline.plans.plan(operation.text, operation.document, operation.definition, request)
    step = plan.steps[0]
    return step.statement.text, request.parameters(step.parameters)


async def run_statement(db: Database, text: str, parameters: dict[str, Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    async with db.driver.session(database=db.database) as session:
        result = await session.run(text, parameters)
        _ = [record async for record in result]
        summary = await result.consume()
    return time.perf_counter() - started, summary.result_available_after


async def seed() -> None:
    settings = load_settings()
    ManagedNeo4j(settings).start()
    async with database_for(settings) as db:
        await apply_migrations(db)
        await load_seed(db)


def serve(port: int, warm_up_seconds: float) -> None:
    """The API as `peergraph serve` runs it, with the warm-up's time cap given."""
    import uvicorn

    from server.app import create_app
    from server.cli import quiet_driver
    from server.logs import logging_config
    from server.protocol import server_options

    settings = load_settings().model_copy(update={"warm_up_seconds": warm_up_seconds})
    quiet_driver()
    app = create_app(settings)
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        log_config=logging_config(settings),
        **server_options(settings),
    )


def main() -> None:
    if sys.argv[1:2] == ["serve"]:
        serve(int(sys.argv[2]), float(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warm", type=int, default=10)
    parser.add_argument("--seed", action="store_true")
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument("--plans", type=int, metavar="REPEATS", default=0)
    arguments = parser.parse_args()
    if arguments.seed:
        asyncio.run(seed())
    if arguments.breakdown:
        asyncio.run(breakdown())
    elif arguments.plans:
        asyncio.run(plans(arguments.plans))
    else:
        asyncio.run(bench(arguments.rounds, arguments.warm))


if __name__ == "__main__":
    main()
