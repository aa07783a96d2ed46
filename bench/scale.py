"""The scale curve (issue 24): how the load, the store, Neo4j's memory and every query's
latency grow with the graph.

Not a test. For each size, the generated graph (`generate(N, seed)`) is loaded into a
scratch managed Neo4j as bench/admin_import.py loads it (or a home kept from an earlier
run is reused, migrated to this tree), and measured:

- the load's time, step by step, the census, and the store on disk (the database's
  folder and its transaction logs, as du counts them);
- for each kind of node, a node of the median degree and the busiest one (research
  relationships: cypher/bench/degrees_of_each_kind.cypher, first_at_degrees.cypher);
- after a fresh start of Neo4j and of `peergraph serve` with the warm-up off, the first
  request of every query, then --rounds more of each, warm p50 and p99 (nearest rank):
  each query of bench/queries/ and each page query of the web app, at the median and
  the busiest node of each kind it is asked about (QUERIES); refusals and timeouts are
  counted as answers, with their codes;
- the page cache's hit ratio under those queries: Neo4j 5 Community has no global
  counters (no org.neo4j JMX beans, no metrics), so after the warm rounds each query's
  statements (recorded in this process, as bench/run.py records them) run once more in a
  transaction of their own, and SHOW TRANSACTIONS gives its pageHits and pageFaults;
- the heap (JMX: used, and each G1 pool's peak), Neo4j's and the API's resident memory
  and its peak;
- unless --no-warm-up-check, one more fresh start with the warm-up on (planning the web
  app's documents, as a build's manifest lists them, for up to --warm-up-seconds): the
  first requests again. The API's log says how much of them the warm-up planned.

    .venv/bin/python bench/scale.py --works 100000 300000 1000000 3000000 [--rounds 20] \\
        [--reuse-home 1000000=/tmp/peergraph-admin-import-…] [--keep] [--heap 4g] \\
        [--pagecache 12g] [--out bench/scale]

The page cache is, unless given, the store's database folder plus a fifth and 256 MB
(during the load, an estimate from the works). Writes <out>/results.json (sizes merge
with those of earlier runs), <out>/latency.png (warm p50 against works, log-log, a panel
a query: busiest node solid, median dashed) and <out>/first.png (the first request after
a start), and prints Markdown tables for bench/RESULTS.md; --report-only draws and prints
them again from the JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import math
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ is not installed

from admin_import import build, index_and_count, scratch_settings
from ports import free_port
from run import Connection, RecordingContext, encode_request, wait_ready
from scale_report import read_results, report, write_results
from serve_env import UNBOUNDED, serving

from core.global_ids import encode_id
from resolvers.database import Database
from resolvers.statements import statement
from schema.schema import build_schema
from server.connection import database_for
from server.neo4j_local import ManagedNeo4j
from server.persisted import document_hash
from server.settings import Settings, load_settings
from tests.web_documents import web_documents

ROOT = Path(__file__).resolve().parent.parent
BENCH_QUERIES = Path(__file__).with_name("queries")
KINDS = ("Researcher", "Work", "Topic", "Institution")
NODES = ("busiest", "median")
SEARCH_TEXT = "neural network training"
# Measured at 10,000 works: the database folder's bytes a work, and what the load needs
# on disk beside it at its peak (the CSV files, the transaction logs, the importer's own).
STORE_BYTES_PER_WORK = 2_300
DISK_BYTES_PER_WORK = 6_000
PAGE_CACHE_MARGIN = 256 * 2**20
# A request that has not answered by then is counted as no answer: the API's own query
# timeout is far shorter, so the API is stuck.
ANSWER_WAIT_SECONDS = 600.0

Variables = Callable[[str | None], dict[str, Any]]


def about(name: str, **more: Any) -> Variables:
    """The variables of a query asked about one node: its id as `name`, and `more`."""
    return lambda node_id: {name: node_id, **more}


def fixed(**variables: Any) -> Variables:
    return lambda _: variables


# Every query measured: bench/<stem> for bench/queries/<stem>.graphql, else a web app page
# query by its operation name. The kinds of node each is asked about (none: measured once),
# and its variables for a node.
QUERIES: dict[str, tuple[tuple[str, ...], Variables]] = {
    "bench/analyst": (("Topic",), about("topic")),
    "bench/hub_collaborators": (("Researcher",), about("hub")),
    "bench/hub_graph_slice": (KINDS, about("hub")),
    "bench/profile": (("Researcher",), about("seed")),
    "bench/search": ((), fixed()),
    "ResearcherPage": (("Researcher",), about("id")),
    "WorkPage": (("Work",), about("id")),
    "TopicPage": (("Topic",), about("id")),
    "InstitutionPage": (("Institution",), about("id")),
    "Home": ((), fixed()),
    "Search": ((), fixed(query=SEARCH_TEXT)),
    "GraphSlice": (KINDS, about("center", limitPerKind=50)),
    "Neighbors": (KINDS, about("id")),
}


@dataclass(frozen=True)
class Options:
    rounds: int
    seed: int
    heap: str
    pagecache: str | None  # None: from the store's size
    query_timeout: float | None  # None: the API's default
    keep: bool
    reuse: dict[int, Path]
    scratch: Path
    out: Path
    warm_up_check: bool
    warm_up_seconds: float  # the warm-up's time cap in the check
    commit: str  # read once at the start: the tree may change while the run goes on


@dataclass(frozen=True)
class Series:
    """One query asked about one node (or about none), measured at every size."""

    query: str
    kind: str | None
    node: str | None
    key: str | None = None
    degree: int | None = None

    def payload(self, document: str) -> dict[str, Any]:
        node_id = None if self.key is None or self.kind is None else encode_id(self.kind, self.key)
        return {"query": document, "variables": QUERIES[self.query][1](node_id)}


@dataclass(frozen=True)
class Answer:
    seconds: float
    errors: list[str]  # the error codes of the answer, or why there was none


# What is measured


def documents() -> dict[str, str]:
    """The text of every query of QUERIES, which must name every bench query."""
    bench = {f"bench/{path.stem}": path.read_text() for path in BENCH_QUERIES.glob("*.graphql")}
    unnamed = sorted(set(bench) - set(QUERIES))
    if unnamed:
        raise SystemExit(f"bench/scale.py QUERIES does not say what to ask {unnamed} about")
    pages = web_documents()
    return {name: bench[name] if name in bench else pages[name] for name in QUERIES}


def series_of(nodes: dict[str, dict[str, dict[str, Any]]]) -> list[Series]:
    """Every query at each picked node of its kinds, the busiest first: a query's first
    request after a start is at its worst node."""
    found = []
    for query, (kinds, _) in QUERIES.items():
        if not kinds:
            found.append(Series(query, None, None))
            continue
        for node in NODES:
            for kind in kinds:
                if kind in nodes:
                    picked = nodes[kind][node]
                    found.append(Series(query, kind, node, picked["key"], picked["degree"]))
    return found


def median_degree(histogram: list[list[int]]) -> int:
    """The lower median of the degrees in [degree, nodes] pairs, sorted by degree."""
    middle = (sum(nodes for _, nodes in histogram) - 1) // 2
    seen = 0
    for degree, nodes in histogram:
        seen += nodes
        if seen > middle:
            return degree
    raise ValueError("an empty histogram")


async def picked_nodes(db: Database) -> dict[str, dict[str, dict[str, Any]]]:
    """For each kind: its median node and its busiest, with their degrees."""
    histograms = {
        row["kind"]: row["histogram"] for row in await db.read("bench/degrees_of_each_kind")
    }
    degrees = {
        kind: {"busiest": histogram[-1][0], "median": median_degree(histogram)}
        for kind, histogram in histograms.items()
    }
    rows = await db.read(
        "bench/first_at_degrees", {"degrees": {k: list(d.values()) for k, d in degrees.items()}}
    )
    keys = {(row["kind"], row["degree"]): row["key"] for row in rows}
    return {
        kind: {node: {"key": keys[kind, degree], "degree": degree} for node, degree in of.items()}
        for kind, of in degrees.items()
    }


# Loading


def load(settings: Settings, works: int, seed: int, scratch: Path) -> dict[str, Any]:
    """A new home for the generated graph, left running."""
    folder = scratch / "csv"
    folder.mkdir()
    try:
        timings, census = build(settings, works, seed, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # gigabytes at millions of works
    return {"steps": timings, "seconds": sum(timings.values()), "census": census}


def reuse(settings: Settings) -> dict[str, Any]:
    """A kept home, started and migrated to this tree, left running: its load's time is
    the earlier run's."""
    neo4j = ManagedNeo4j(settings)
    if neo4j.pid() is not None:
        raise SystemExit(f"the Neo4j of {settings.neo4j_home} is running: stop it first")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    neo4j.start()
    timings["start Neo4j"] = time.perf_counter() - started
    census = asyncio.run(index_and_count(settings, timings))
    return {"steps": timings, "seconds": None, "census": census, "reused": str(settings.neo4j_home)}


async def graph_facts(settings: Settings) -> dict[str, Any]:
    async with database_for(settings) as db:
        size = (await db.read("bench/graph_size"))[0]
        return {"graph": size, "nodes": await picked_nodes(db)}


def disk_usage(folder: Path) -> int:
    """Bytes allocated on disk under `folder`, as du counts them."""
    return sum(path.lstat().st_blocks * 512 for path in folder.rglob("*"))


def store_size(home: Path) -> dict[str, int]:
    database = disk_usage(home / "data" / "databases" / "neo4j")
    logs = disk_usage(home / "data" / "transactions" / "neo4j")
    return {"database_bytes": database, "transaction_log_bytes": logs}


def megabytes(size: int) -> str:
    return f"{math.ceil(size / 2**20)}m"


def page_cache_for(database_bytes: int) -> str:
    return megabytes(database_bytes * 6 // 5 + PAGE_CACHE_MARGIN)


def bytes_of(size: str) -> int:
    return int(size[:-1]) * (2**30 if size.endswith("g") else 2**20)


# Requests


class Client:
    """One keep-alive connection to the API, opened again when the API closed it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection: Connection | None = None

    async def answer(self, payload: dict[str, Any]) -> Answer:
        request = encode_request("POST", "/graphql", payload)
        if self.connection is None or self.connection.reader.at_eof():
            self.connection = await Connection.open(self.port)
        started = time.perf_counter()
        try:
            status, body = await asyncio.wait_for(
                self.connection.send(request), ANSWER_WAIT_SECONDS
            )
        except (TimeoutError, asyncio.IncompleteReadError, ConnectionError) as error:
            self.close()
            return Answer(time.perf_counter() - started, [f"no answer: {type(error).__name__}"])
        seconds = time.perf_counter() - started
        return Answer(seconds, error_codes(status, body))

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def error_codes(status: int, body: bytes) -> list[str]:
    """The code of each error in the answer (its message when it has none)."""
    try:
        errors = json.loads(body).get("errors") or []
    except (ValueError, AttributeError):
        errors = [{"message": body[:80].decode(errors="replace")}]
    codes = [
        str(error.get("extensions", {}).get("code") or error.get("message"))[:80]
        for error in errors
    ]
    return codes if status == 200 else [f"HTTP {status}", *codes]


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: with 20 values, p99 is the slowest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def warm_summary(answers: list[Answer]) -> dict[str, Any]:
    milliseconds = [answer.seconds * 1000 for answer in answers]
    errors: dict[str, int] = {}
    for answer in answers:
        for code in answer.errors:
            errors[code] = errors.get(code, 0) + 1
    return {
        "p50_ms": statistics.median(milliseconds),
        "p99_ms": percentile(milliseconds, 0.99),
        "max_ms": max(milliseconds),
        "errors": errors,
    }


# Neo4j's memory and the page cache


async def page_cache_use(
    db: Database, settings: Settings, schema: Any, document: str, payload: dict[str, Any]
) -> dict[str, Any]:
    """The page cache's hits and faults of the statements this query runs, once more."""
    recording = RecordingContext(db, settings)
    await schema.pipeline.run(document, None, payload["variables"], recording)
    tag = f"scale-{uuid.uuid4()}"
    async with db.driver.session(database=db.database) as session:
        transaction = await session.begin_transaction(metadata={"bench": tag})
        try:
            for wave in recording.waves:
                for text, parameters in wave:
                    await (await transaction.run(text, parameters)).consume()
            async with db.driver.session(database=db.database) as other:
                result = await other.run(statement("bench/transaction_pages"), tag=tag)
                found = await result.single(strict=True)
        finally:
            await transaction.rollback()
    return {"hits": found["pageHits"], "faults": found["pageFaults"]}


async def heap(db: Database) -> dict[str, Any]:
    async with db.driver.session(database=db.database) as session:
        row = await (await session.run(statement("bench/heap"))).single(strict=True)
    peaks = {peak["pool"]: peak["peak"] for peak in row["peaks"]}
    return {"used_bytes": row["used"], "max_bytes": row["max"], "pool_peak_bytes": peaks}


def process_memory(pid: int | None) -> dict[str, int]:
    """The resident memory of a process now and at its peak (VmRSS, VmHWM)."""
    if pid is None:
        return {}
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return {
        "rss_bytes": int(fields["VmRSS"].split()[0]) * 1024,
        "peak_rss_bytes": int(fields["VmHWM"].split()[0]) * 1024,
    }


def hit_ratio(hits: int, faults: int) -> float | None:
    return hits / (hits + faults) if hits + faults else None


# A fresh start, measured


def api_variables(settings: Settings, manifest: Path, warm_up_seconds: float) -> dict[str, str]:
    variables = {
        "PEERGRAPH_NEO4J_HOME": str(settings.neo4j_home),
        "PEERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port),
        "PEERGRAPH_NEO4J_HEAP": settings.neo4j_heap,
        "PEERGRAPH_NEO4J_PAGECACHE": settings.neo4j_pagecache,
        "PEERGRAPH_MAX_WORK": UNBOUNDED,
        "PEERGRAPH_QUERY_TIMEOUT": str(settings.query_timeout),
        "PEERGRAPH_DOCUMENTS_MANIFEST": str(manifest),
        "PEERGRAPH_GRAPHIQL": "false",
        "PEERGRAPH_WARM_UP_SECONDS": str(warm_up_seconds),
    }
    return variables


def write_manifest(folder: Path) -> Path:
    """The web app's documents as its build's manifest lists them: what the warm-up plans."""
    path = folder / "persisted-documents.json"
    texts = web_documents().values()
    path.write_text(json.dumps({document_hash(text): text for text in texts}))
    return path


def fresh_start(
    settings: Settings,
    series: list[Series],
    texts: dict[str, str],
    manifest: Path,
    *,
    warm_up_seconds: float,
    rounds: int,
) -> dict[str, Any]:
    """Neo4j and the API started afresh, the first request of each series, then (with
    rounds) the warm ones and the memory."""
    neo4j = ManagedNeo4j(settings)
    started = time.perf_counter()
    neo4j.start()
    neo4j_start = time.perf_counter() - started
    try:
        port = free_port()
        with serving(port, **api_variables(settings, manifest, warm_up_seconds)) as api:
            found = asyncio.run(measure_requests(settings, port, api, series, texts, rounds))
            found["api_memory"] = process_memory(api.pid)
        found["neo4j_memory"] = process_memory(neo4j.pid())
    finally:
        neo4j.stop()
    return {"warm_up_seconds": warm_up_seconds, "neo4j_start_seconds": neo4j_start, **found}


async def measure_requests(
    settings: Settings,
    port: int,
    api: subprocess.Popen[bytes],
    series: list[Series],
    texts: dict[str, str],
    rounds: int,
) -> dict[str, Any]:
    started = time.perf_counter()
    await wait_ready(port, api, poll=0.05)
    ready = time.perf_counter() - started
    client = Client(port)
    try:
        firsts = [await client.answer(one.payload(texts[one.query])) for one in series]
        rows = [first_row(one, first) for one, first in zip(series, firsts, strict=True)]
        measured: dict[str, Any] = {"api_ready_seconds": ready, "series": rows}
        if rounds:
            for one, row in zip(series, rows, strict=True):
                payload = one.payload(texts[one.query])
                row["warm"] = warm_summary([await client.answer(payload) for _ in range(rounds)])
            measured.update(await neo4j_memory(settings, series, rows, texts))
    finally:
        client.close()
    return measured


def first_row(one: Series, first: Answer) -> dict[str, Any]:
    return {
        "query": one.query,
        "kind": one.kind,
        "node": one.node,
        "key": one.key,
        "degree": one.degree,
        "first_ms": first.seconds * 1000,
        "first_errors": first.errors,
    }


async def neo4j_memory(
    settings: Settings, series: list[Series], rows: list[dict[str, Any]], texts: dict[str, str]
) -> dict[str, Any]:
    """The page cache's use by each series (into its row) and in all, and the heap."""
    schema = build_schema(settings.request_limits(), introspection=False)
    hits = faults = 0
    async with database_for(settings) as db:
        for one, row in zip(series, rows, strict=True):
            text = texts[one.query]
            try:
                use = await page_cache_use(db, settings, schema, text, one.payload(text))
            except Exception as error:  # reported beside the others, as an answer's error is
                row["page_cache"] = {"error": f"{type(error).__name__}: {error}"[:300]}
                continue
            row["page_cache"] = use
            hits, faults = hits + use["hits"], faults + use["faults"]
        return {
            "page_cache": {"hits": hits, "faults": faults, "hit_ratio": hit_ratio(hits, faults)},
            "heap": await heap(db),
        }


# One size


def measure_size(works: int, options: Options, texts: dict[str, str]) -> dict[str, Any]:
    started = time.perf_counter()
    record: dict[str, Any] = {
        "works": works,
        "started": now(),
        "command": shlex.join([sys.executable, *sys.argv]),
        "commit": options.commit,
        "machine": machine(),
        "options": {"rounds": options.rounds, "seed": options.seed, "heap": options.heap},
    }
    with ExitStack() as cleanup:
        kept = options.reuse.get(works)
        scratch = Path(tempfile.mkdtemp(prefix=f"peergraph-scale-{works}-", dir=options.scratch))
        cleanup.callback(forget, scratch, keep=options.keep and kept is None)
        home = kept or scratch / "neo4j"
        refuse_without_room(works, options, building=kept is None)
        estimate = page_cache_for(works * STORE_BYTES_PER_WORK)
        settings = scratch_settings(
            home,
            neo4j_heap=options.heap,
            neo4j_pagecache=options.pagecache or estimate,
            max_work=int(UNBOUNDED),
        )
        neo4j = ManagedNeo4j(settings)
        cleanup.callback(neo4j.stop)
        print(
            f"\n{works:,} works: {'reusing ' + str(home) if kept else 'loading into ' + str(home)}"
        )
        record["load"] = reuse(settings) if kept else load(settings, works, options.seed, scratch)
        record.update(asyncio.run(graph_facts(settings)))
        neo4j.stop()
        record["store"] = store_size(home)
        pagecache = options.pagecache or page_cache_for(record["store"]["database_bytes"])
        settings = settings.model_copy(
            update={
                "neo4j_pagecache": pagecache,
                "query_timeout": options.query_timeout or load_settings().query_timeout,
            }
        )
        record["neo4j"] = {"heap": options.heap, "pagecache": pagecache}
        print(f"store {record['store']}, page cache {pagecache}; the queries, warm-up off")
        series = series_of(record["nodes"])
        manifest = write_manifest(scratch)
        record["latency"] = fresh_start(
            settings, series, texts, manifest, warm_up_seconds=0, rounds=options.rounds
        )
        if options.warm_up_check:
            print("the first requests again, warm-up on")
            record["warm_up_on"] = fresh_start(
                settings, series, texts, manifest, warm_up_seconds=options.warm_up_seconds, rounds=0
            )
        if options.keep or kept:
            record["home"] = str(home)
    record["seconds"] = time.perf_counter() - started
    record["machine"]["load_average_after"] = os.getloadavg()
    return record


def refuse_without_room(works: int, options: Options, *, building: bool) -> None:
    """Stops a size before it fills the disk or the memory: what stopped the curve there."""
    free = shutil.disk_usage(options.scratch).free
    if building and free < works * DISK_BYTES_PER_WORK:
        raise RoomError(
            f"{free / 2**30:.0f} GiB free in {options.scratch}, about "
            f"{works * DISK_BYTES_PER_WORK / 2**30:.0f} GiB needed"
        )
    store = works * STORE_BYTES_PER_WORK
    memory = bytes_of(options.heap) + bytes_of(options.pagecache or page_cache_for(store))
    available = meminfo("MemAvailable")
    if memory > available:
        raise RoomError(
            f"Neo4j would take {memory / 2**30:.1f} GiB (heap and page cache), "
            f"{available / 2**30:.1f} GiB available"
        )


class RoomError(RuntimeError):
    """Not enough disk or memory on this machine for a size."""


def forget(scratch: Path, *, keep: bool) -> None:
    if keep:
        print(f"kept {scratch}")
    else:
        shutil.rmtree(scratch, ignore_errors=True)


# The record's context


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def commit() -> str:
    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD")
    return head + ("-dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def meminfo(field: str) -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        name, value = line.split(":", 1)
        if name == field:
            return int(value.split()[0]) * 1024
    raise KeyError(field)


def machine() -> dict[str, Any]:
    cpus = [
        line.split(":", 1)[1].strip()
        for line in Path("/proc/cpuinfo").read_text().splitlines()
        if line.startswith("model name")
    ]
    return {
        "host": platform.node(),
        "cores": os.cpu_count(),
        "cpu": cpus[0] if cpus else platform.processor(),
        "memory_bytes": meminfo("MemTotal"),
        "memory_available_bytes": meminfo("MemAvailable"),
        "system": platform.platform(),
        "python": platform.python_version(),
        "neo4j": load_settings().neo4j_version,
        "load_average_before": os.getloadavg(),
    }


# The command


def memory_size(value: str) -> str:
    if re.fullmatch(r"\d+[mg]", value) is None:
        raise argparse.ArgumentTypeError(f"{value!r}: a size as 512m or 4g")
    return value


def reused_homes(pairs: list[str]) -> dict[int, Path]:
    homes = {}
    for pair in pairs:
        size, _, path = pair.partition("=")
        home = Path(path).resolve()
        # a kept scratch folder holds the home in neo4j/
        homes[int(size)] = home / "neo4j" if (home / "neo4j" / "data").is_dir() else home
        if not (homes[int(size)] / "data").is_dir():
            raise SystemExit(f"{path} holds no managed Neo4j home (no data/ folder)")
    return homes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--works", type=int, nargs="+", default=[100_000, 300_000, 1_000_000, 3_000_000]
    )
    parser.add_argument("--rounds", type=int, default=20, help="warm requests of each series")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--heap", type=memory_size, default="4g", help="Neo4j's, as PEERGRAPH_NEO4J_HEAP"
    )
    parser.add_argument(
        "--pagecache", type=memory_size, help="Neo4j's; unset: from the store's size"
    )
    parser.add_argument("--query-timeout", type=float, help="the API's; unset: its default")
    parser.add_argument("--keep", action="store_true", help="keep each new home and say where")
    parser.add_argument(
        "--reuse-home",
        nargs="+",
        default=[],
        metavar="WORKS=PATH",
        help="a home kept earlier (or its admin_import scratch folder) for that size",
    )
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("scale"))
    parser.add_argument("--no-warm-up-check", dest="warm_up_check", action="store_false")
    parser.add_argument(
        "--warm-up-seconds",
        type=float,
        default=load_settings().warm_up_seconds,
        help="the warm-up's time cap in the check; unset: the API's default",
    )
    parser.add_argument(
        "--report-only", action="store_true", help="the tables and plots of <out>/results.json"
    )
    arguments = parser.parse_args()
    if arguments.report_only:
        report(read_results(arguments.out / "results.json"), arguments.out)
        return
    if "NEO4J_URI" in os.environ:
        raise SystemExit("unset NEO4J_URI: each size runs in a managed Neo4j of its own")
    options = Options(
        rounds=arguments.rounds,
        seed=arguments.seed,
        heap=arguments.heap,
        pagecache=arguments.pagecache,
        query_timeout=arguments.query_timeout,
        keep=arguments.keep,
        reuse=reused_homes(arguments.reuse_home),
        scratch=arguments.scratch,
        out=arguments.out,
        warm_up_check=arguments.warm_up_check,
        warm_up_seconds=arguments.warm_up_seconds,
        commit=commit(),
    )
    if arguments.rounds < 1:
        raise SystemExit("--rounds must be at least 1")
    if set(options.reuse) - set(arguments.works):
        raise SystemExit("--reuse-home names a size that --works does not")
    texts = documents()
    path = options.out / "results.json"
    for works in arguments.works:
        try:
            record = measure_size(works, options, texts)
        except Exception as error:  # the next size goes on; the JSON says what stopped this one
            if not isinstance(error, RoomError):
                traceback.print_exc()
            record = {"works": works, "stopped": f"{type(error).__name__}: {error}", "at": now()}
        results = read_results(path)
        if "stopped" in record and "latency" in results.get(str(works), {}):
            results[str(works)]["last_attempt"] = record  # an earlier run's figures stay
        else:
            results[str(works)] = record
        write_results(path, results)
    report(read_results(path), options.out)


if __name__ == "__main__":
    main()
