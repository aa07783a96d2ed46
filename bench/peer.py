"""peergraph's API side by side with Neo4j's GraphQL library (@neo4j/graphql 7.6) on one graph.

Not a test. It needs Node 20+ and wrk (installed with apt-get when missing and run as root):

    .venv/bin/python bench/peer.py [--works 200000] [--seconds 5] [--blocks 3]
        [--concurrency 1 8] [--only 1_profile ...] [--list-forms] [--api-ref REV ...]
        [--first-time]

It runs its own managed Neo4j (PEERGRAPH_NEO4J_HOME=/tmp/peer-neo4j, Bolt port 7710, 3g
heap and page cache unless those variables say otherwise), migrates, seeds and generates
`--works` works with `--seed` into it unless that graph is already there, starts
`peergraph serve` and the peer (`node bench/peer/server.mjs`, npm packages from
bench/peer/package-lock.json), checks that both answer each query of bench/peer/queries/
the same, and then loads both with the same wrk settings in alternating blocks.

Both sides meet the same Neo4j, configured (when the run starts it) for one transaction at a
time, so that one statement may hold half of the transaction memory: the peer's statements
are not held to our turns, and its biggest topic's needs more than 477 MiB. Our API takes as
many turns as the most clients the run sends (`--concurrency`), so its turns never queue a
client that the peer would serve at once.

With `--first-time`, on a Neo4j started afresh (`peergraph neo4j stop` first), each query
is sent once to each side, the first time Neo4j meets its statements, then five more
times: what a new query shape costs each API before its plan is cached. No load follows.

With two or more `--api-ref`s (a commit before a change and one after), our API is served
from each, and every side takes its turn in the same run: each ratio to the peer is then
measured over the same minutes of the machine.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver, GraphDatabase
from ports import free_port
from serve_env import ended, serve_env

from core.global_ids import decode_id, encode_id
from resolvers.statements import statement
from server.connection import connection_for
from server.neo4j_local import ManagedNeo4j
from server.settings import load_settings

REPO = Path(__file__).resolve().parent.parent
PEER = REPO / "bench" / "peer"
QUERIES = PEER / "queries"
PEERGRAPH = Path(sys.executable).with_name("peergraph")
NEO4J_DEFAULTS = {
    "PEERGRAPH_NEO4J_HOME": "/tmp/peer-neo4j",
    "PEERGRAPH_NEO4J_BOLT_PORT": "7710",
    "PEERGRAPH_NEO4J_HEAP": "3g",
    "PEERGRAPH_NEO4J_PAGECACHE": "3g",
}
RESERVED_BOLT_PORTS = {"7687", "7700"}  # the development and the million-work benchmark servers
SEED_RESEARCHER = "anirbit-mukherjee"
SEARCH_TEXT = "neural network training"
TITLE_WORD = "robust"
NODES = 50
WARM_UP_SECONDS = 2
MAX_WARM_UP_SECONDS = 32
REQUESTS_PER_CONNECTION = 8
FIRST_TIME_WARM = 5  # requests after the first, whose median is a query's warm time
OURS, PEER_SIDE = "ours", "peer"

Json = Any


# The queries: our document and the peer's, the variables both take (ours as global ids
# where the peer takes keys), and one normal form for each side's answer.


@dataclass(frozen=True)
class Picks:
    researcher: str
    hub: str
    topic: str
    doi: str
    researchers: list[str]


@dataclass(frozen=True)
class Query:
    name: str
    label: str
    variables: Callable[[Picks], dict[str, Any]]
    ours: Callable[[Json], Json]
    peer: Callable[[Json], Json]
    ids: dict[str, str] = field(default_factory=dict)  # variable -> kind of its global ids

    @property
    def ours_document(self) -> str:
        return (QUERIES / "ours" / f"{self.name.split('.')[0]}.graphql").read_text()

    @property
    def peer_document(self) -> str:
        return (QUERIES / "peer" / f"{self.name}.graphql").read_text()

    def payloads(self, picks: Picks) -> dict[str, dict[str, Any]]:
        peer = self.variables(picks)
        ours = {name: self._global(name, value) for name, value in peer.items()}
        return {
            OURS: {"query": self.ours_document, "variables": ours},
            PEER_SIDE: {"query": self.peer_document, "variables": peer},
        }

    def _global(self, name: str, value: Any) -> Any:
        kind = self.ids.get(name)
        if kind is None:
            return value
        if isinstance(value, list):
            return [encode_id(kind, key) for key in value]
        return encode_id(kind, value)


SCALARS = ("title", "year", "publishedOn", "venue", "doi", "citedByCount")


def edge_nodes(connection: Json) -> list[Json]:
    return [edge["node"] for edge in connection["edges"]]


def only(items: list[Json]) -> Json:
    """The peer answers a lookup by key with a list: exactly one item is the same answer."""
    return items[0] if len(items) == 1 else {"peer answered": len(items)}


def ours_work(node: Json) -> Json:
    work = {name: node[name] for name in SCALARS if name in node}
    if "authors" in node:
        work["authors"] = [author["researcher"]["name"] for author in node["authors"]]
    if "topics" in node:
        work["topics"] = [about["topic"]["name"] for about in node["topics"]]
    return work


def peer_work(node: Json) -> Json:
    work = {name: node[name] for name in SCALARS if name in node}
    if "authorsConnection" in node:
        work["authors"] = [author["name"] for author in edge_nodes(node["authorsConnection"])]
    if "topicsConnection" in node:
        work["topics"] = [topic["name"] for topic in edge_nodes(node["topicsConnection"])]
    return work


def ours_works(parent: Json) -> Json:
    listing = {
        "name": parent.get("name"),
        "works": list(map(ours_work, edge_nodes(parent["works"]))),
    }
    if "totalCount" in parent["works"]:
        listing["count"] = parent["works"]["totalCount"]
    return listing


def peer_works(parent: Json) -> Json:
    connection = parent.get("worksConnection", {})
    nodes = parent["works"] if "works" in parent else edge_nodes(connection)
    listing = {"name": parent.get("name"), "works": list(map(peer_work, nodes))}
    if "totalCount" in connection:
        listing["count"] = connection["totalCount"]
    return listing


def ranking(hits: list[tuple[float, str]]) -> Json:
    """Scores in order, and the titles of each run of equal scores as a set: the two order
    ties differently. The last run may be cut by the limit, so only its size counts."""
    runs: dict[float, list[str]] = {}
    for score, title in hits:
        runs.setdefault(round(score, 5), []).append(title)
    scores = list(runs)
    return [
        [score, sorted(runs[score]) if score != scores[-1] else len(runs[score])]
        for score in scores
    ]


def ours_search(data: Json) -> Json:
    return ranking([(hit["score"], hit["node"]["title"]) for hit in data["search"]])


def peer_search(data: Json) -> Json:
    return ranking(
        [(edge["score"], edge["node"]["title"]) for edge in data["worksByText"]["edges"]]
    )


def ours_nodes(data: Json) -> Json:
    found = [node for node in data["nodes"] if node is not None]
    return sorted([decode_id(n["id"])[1], n["name"], n["orcid"]] for n in found)


def peer_nodes(data: Json) -> Json:
    return sorted([r["key"], r["name"], r["orcid"]] for r in data["researchers"])


def listing_queries() -> list[Query]:
    return [
        Query(
            "1_profile",
            "1. profile: works count + 4 newest works, authors, topics",
            lambda p: {"researcher": p.researcher},
            lambda d: ours_works(d["researcher"]),
            lambda d: peer_works(only(d["researchers"])),
            {"researcher": "Researcher"},
        ),
        Query(
            "2_topic_works",
            "2. biggest topic: 100 newest works, authors, topics",
            lambda p: {"topic": p.topic},
            lambda d: ours_works(d["topic"]),
            lambda d: peer_works(only(d["topics"])),
            {"topic": "Topic"},
        ),
        Query(
            "3_hub_works",
            "3. hub: 50 newest works with authors",
            lambda p: {"hub": p.hub},
            lambda d: ours_works(d["researcher"]),
            lambda d: peer_works(only(d["researchers"])),
            {"hub": "Researcher"},
        ),
    ]


def ours_counts(data: Json) -> Json:
    return {
        "topic recent": data["topic"]["recent"]["totalCount"],
        "topic open": data["topic"]["open"]["totalCount"],
        "hub recent": data["researcher"]["recent"]["totalCount"],
    }


def peer_counts(data: Json) -> Json:
    topic, hub = only(data["topics"]), only(data["researchers"])

    def count(connection: Json) -> int:
        return int(connection["aggregate"]["count"]["nodes"])

    return {
        "topic recent": count(topic["recent"]),
        "topic open": count(topic["open"]),
        "hub recent": count(hub["recent"]),
    }


def ours_sums(data: Json) -> Json:
    def figures(aggregate: Json) -> Json:
        cited = aggregate["citedByCount"]
        return {
            "citedByCount": [cited["sum"], round(cited["average"], 6), cited["min"], cited["max"]],
            "year": [aggregate["year"]["min"], aggregate["year"]["max"]],
        }

    recent = data["topic"]["recent"]
    return {
        "topic recent": recent["totalCount"],
        "topic recent figures": figures(recent["aggregate"]),
        "hub figures": figures(data["researcher"]["works"]["aggregate"]),
    }


def peer_sums(data: Json) -> Json:
    topic, hub = only(data["topics"]), only(data["researchers"])

    def figures(aggregate: Json) -> Json:
        cited = aggregate["node"]["citedByCount"]
        return {
            "citedByCount": [
                float(cited["sum"]),
                round(cited["average"], 6),
                cited["min"],
                cited["max"],
            ],
            "year": [aggregate["node"]["year"]["min"], aggregate["node"]["year"]["max"]],
        }

    recent = topic["recent"]["aggregate"]
    return {
        "topic recent": int(recent["count"]["nodes"]),
        "topic recent figures": figures(recent),
        "hub figures": figures(hub["worksConnection"]["aggregate"]),
    }


def other_queries() -> list[Query]:
    return [
        Query(
            "4_analyst",
            f"4. analyst, topic's works: (topic, year >= 2018) OR title has {TITLE_WORD!r}",
            lambda p: {"topic": p.topic, "word": TITLE_WORD},
            lambda d: ours_works(d["topic"]),
            lambda d: peer_works(only(d["topics"])),
            {"topic": "Topic"},
        ),
        Query(
            "5_work_by_doi",
            "5. work by DOI, with authors",
            lambda p: {"doi": p.doi},
            lambda d: [] if d["work"] is None else [ours_work(d["work"])],
            lambda d: [peer_work(work) for work in d["works"]],
        ),
        Query(
            "6_search",
            f"6. full-text search {SEARCH_TEXT!r}, works, first 10",
            lambda p: {"text": SEARCH_TEXT},
            ours_search,
            peer_search,
        ),
        Query(
            "7_nodes",
            f"7. {NODES} researchers by id",
            lambda p: {"researchers": p.researchers},
            ours_nodes,
            peer_nodes,
            {"researchers": "Researcher"},
        ),
        Query(
            "8_stats_trust",
            "8. profile: stats + trust",
            lambda p: {"researcher": p.researcher},
            lambda d: d["researcher"],
            lambda d: only(d["researchers"]),
            {"researcher": "Researcher"},
        ),
        Query(
            "9_counts",
            "9. aggregates: the biggest topic's works since 2018 and open, the hub's since 2020",
            lambda p: {"topic": p.topic, "hub": p.hub},
            ours_counts,
            peer_counts,
            {"topic": "Topic", "hub": "Researcher"},
        ),
        Query(
            "10_sums",
            "10. aggregates: sum, average, least and greatest citedByCount and years of the"
            " biggest topic's works since 2018 and of the hub's works",
            lambda p: {"topic": p.topic, "hub": p.hub},
            ours_sums,
            peer_sums,
            {"topic": "Topic", "hub": "Researcher"},
        ),
    ]


def list_form(query: Query) -> Query:
    """The same answer through the peer's nested lists instead of its connections."""
    return Query(
        f"{query.name}.lists",
        f"{query.label} (peer: nested lists)",
        query.variables,
        query.ours,
        query.peer,
        query.ids,
    )


def chosen_queries(only_names: list[str], list_forms: bool) -> list[Query]:
    queries = listing_queries() + other_queries()
    if list_forms or any(name.endswith(".lists") for name in only_names):
        queries += [list_form(query) for query in listing_queries()]
    known = {query.name for query in queries}
    unknown = [name for name in only_names if name not in known]
    if unknown:
        raise SystemExit(f"unknown queries {unknown}; choose from {sorted(known)}")
    return [query for query in queries if not only_names or query.name in only_names]


# Set-up: tools, packages, the graph.


def bench_environment() -> None:
    if os.environ.get("NEO4J_URI"):
        raise SystemExit("unset NEO4J_URI: the benchmark runs its own managed Neo4j")
    for name, value in NEO4J_DEFAULTS.items():
        os.environ.setdefault(name, value)
    if os.environ["PEERGRAPH_NEO4J_BOLT_PORT"] in RESERVED_BOLT_PORTS:
        raise SystemExit(f"Bolt port {os.environ['PEERGRAPH_NEO4J_BOLT_PORT']} is not for this")


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found is not None:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise SystemExit("wrk is missing: install it (Debian: apt-get install wrk) and run again")
    install = ["apt-get", "install", "-y", "-q", "wrk"]
    if subprocess.run(install, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], check=True)  # an empty package list
        subprocess.run(install, check=True)
    installed = shutil.which("wrk")
    if installed is None:
        raise SystemExit("apt-get installed wrk, but it is not on PATH")
    return installed


def ensure_node_modules() -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise SystemExit("Node.js 20+ with npm is needed for the peer server")
    major = int(command_output(["node", "--version"]).lstrip("v").split(".")[0])
    if major < 20:
        raise SystemExit(f"Node.js 20+ is needed for the peer server, found {major}")
    if not (PEER / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEER, check=True)


def peergraph(*arguments: str, **env: str) -> None:
    subprocess.run([str(PEERGRAPH), *arguments], cwd=REPO, env={**os.environ, **env}, check=True)


@contextmanager
def neo4j_driver() -> Iterator[Driver]:
    connection = connection_for(load_settings())
    with GraphDatabase.driver(connection.uri, auth=(connection.user, connection.password)) as d:
        yield d


def read(driver: Driver, cypher: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher, parameters, database_="neo4j")
    return [record.data() for record in records]


def peer_statement(name: str) -> str:
    return (PEER / "cypher" / f"{name}.cypher").read_text()


def prepare_graph(works: int, seed: int) -> None:
    """Start, migrate and seed the managed server; generate the graph once: the generator
    refuses a database that already holds one."""
    peergraph("neo4j", "start", PEERGRAPH_DB_CONCURRENCY="1")
    peergraph("migrate")
    peergraph("seed")
    with neo4j_driver() as driver:
        present = read(driver, peer_statement("generated_works"))[0]["works"]
    if present == 0:
        peergraph("generate", "--works", str(works), "--seed", str(seed))
    elif present != works:
        raise SystemExit(
            f"{os.environ['PEERGRAPH_NEO4J_HOME']} already holds a generated graph of "
            f"{present:,} works: run with --works {present}, or another PEERGRAPH_NEO4J_HOME"
        )
    with neo4j_driver() as driver:
        read(driver, statement("admin/await_indexes"), seconds=600)


def transaction_caps() -> str:
    """The caps in force, which are those of whichever run started the server."""
    with neo4j_driver() as driver:
        rows = read(
            driver,
            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN *",
            names=["db.memory.transaction.max", "dbms.memory.transaction.total.max"],
        )
    return ", ".join(f"{row['name']}={row['value']}" for row in rows)


def pick(researcher: str) -> tuple[Picks, str]:
    """What the queries ask about, and a line describing the graph."""
    with neo4j_driver() as driver:
        hub = read(driver, statement("bench/biggest_hub"))[0]
        topic = read(driver, statement("bench/biggest_topic"))[0]
        size = read(driver, statement("bench/graph_size"))[0]
        doi = read(driver, peer_statement("first_doi"))[0]["doi"]
        keys = [row["key"] for row in read(driver, peer_statement("researcher_keys"), limit=NODES)]
    described = (
        f"profiles of {researcher}; {size['works']:,} works, {size['researchers']:,} researchers, "
        f"{size['authorships']:,} authorships; hub {hub['key']} ({hub['works']:,} works), "
        f"topic {topic['key']} ({topic['works']:,} works), DOI {doi}"
    )
    return Picks(researcher, hub["key"], topic["key"], doi, keys), described


# The two servers.


@dataclass(frozen=True)
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/graphql"


def post(url: str, payload: dict[str, Any]) -> Json:
    request = urllib.request.Request(
        url, json.dumps(payload).encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as error:
        return {"errors": [f"HTTP {error.code}: {error.read()[:500]!r}"]}


@contextmanager
def serving(
    name: str, command: list[str], env: dict[str, str], cwd: Path, port: int, logs: Path
) -> Iterator[Server]:
    log = logs / f"{name}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    server = Server(name, process, port, log)
    try:
        wait_ready(server)
        yield server
    finally:
        ended(process)


def wait_ready(server: Server) -> None:
    for _ in range(240):
        if server.process.poll() is not None:
            tail = server.log.read_text(errors="replace")[-3000:]
            raise SystemExit(f"the {server.name} server exited:\n{tail}")
        try:
            if post(server.url, {"query": "{ __typename }"}).get("data"):
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the {server.name} server did not answer on {server.url}")


def ours_command(port: int, tree: Path, turns: int) -> tuple[list[str], dict[str, str], Path]:
    env = serve_env(port, PEERGRAPH_GRAPHIQL="false", PEERGRAPH_DB_CONCURRENCY=str(turns))
    if tree == REPO:
        return [str(PEERGRAPH), "serve"], env, tree
    return [sys.executable, "-m", "server.cli", "serve"], env, tree  # the tree's modules first


def peer_command(port: int) -> tuple[list[str], dict[str, str], Path]:
    connection = connection_for(load_settings())
    env = {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "PEER_PORT": str(port),
        "NODE_ENV": "production",
    }
    return ["node", str(PEER / "server.mjs")], env, PEER


# CPU time from /proc: utime + stime of a process and its live descendants.

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return text[text.rindex(")") + 2 :].split()  # the name in parentheses may hold spaces


def cpu_seconds(root: int) -> float:
    """The root's own and reaped children's time, plus its live descendants' own time."""
    children: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = stat_fields(int(entry.name))
        if fields is None:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        ticks[pid] = int(fields[11]) + int(fields[12])
        if pid == root:
            ticks[pid] += int(fields[13]) + int(fields[14])
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += ticks.get(pid, 0)
        pending += children.get(pid, [])
    return total / CLOCK_TICKS


# Load: wrk blocks and what they add up to.


@dataclass
class Load:
    requests: int = 0
    seconds: float = 0.0
    failed: int = 0
    quantiles: list[tuple[int, float]] = field(default_factory=list)  # (µs, requests)
    server_cpu: float = 0.0
    neo4j_cpu: float = 0.0

    def add(self, result: dict[str, Any], server_cpu: float, neo4j_cpu: float) -> None:
        self.requests += result["requests"]
        self.seconds += result["duration_us"] / 1e6
        self.failed += result["failed"] + result["socket_errors"]
        values = result["quantiles_us"]
        self.quantiles += [(us, result["requests"] / len(values)) for us in values]
        self.server_cpu += server_cpu
        self.neo4j_cpu += neo4j_cpu

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        """Milliseconds under which `share` of the requests finished: each block's quantiles
        stand for an equal part of its requests (one block gives back wrk's own figure)."""
        wanted, seen = share * sum(weight for _, weight in self.quantiles), 0.0
        for us, weight in sorted(self.quantiles):
            seen += weight
            if seen >= wanted * (1 - 1e-9):
                return us / 1000
        return float("nan")

    def per_request_ms(self, seconds: float) -> float:
        return seconds * 1000 / self.requests if self.requests else float("nan")


@dataclass(frozen=True)
class Bench:
    wrk: str
    lua: Path
    seconds: int
    blocks: int
    neo4j_pid: int


def run_wrk(
    bench: Bench, server: Server, body: Path, concurrency: int, seconds: int
) -> dict[str, Any]:
    command = [
        bench.wrk, f"-t{min(concurrency, 2)}", f"-c{concurrency}", f"-d{seconds}s",
        "--timeout", "30s", "--latency", "-s", str(bench.lua), server.url, "--", str(body),
    ]  # fmt: skip
    output = command_output(command)
    line = next((line for line in output.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no result:\n{output}")
    return dict(json.loads(line.removeprefix("RESULT ")))


def warm_up(bench: Bench, server: Server, body: Path, concurrency: int) -> float:
    """The median latency once warm, in seconds; the warm-up lengthens until every
    connection has finished a request."""
    seconds = WARM_UP_SECONDS
    while True:
        result = run_wrk(bench, server, body, concurrency, seconds)
        if result["requests"] >= concurrency or seconds >= MAX_WARM_UP_SECONDS:
            quantiles = result["quantiles_us"]
            return quantiles[99] / 1e6 if quantiles else float(MAX_WARM_UP_SECONDS)
        seconds *= 2


def timed_block(
    bench: Bench, server: Server, body: Path, concurrency: int, seconds: int, load: Load
) -> None:
    server_before, neo4j_before = cpu_seconds(server.process.pid), cpu_seconds(bench.neo4j_pid)
    result = run_wrk(bench, server, body, concurrency, seconds)
    server_cpu = cpu_seconds(server.process.pid) - server_before
    load.add(result, server_cpu, cpu_seconds(bench.neo4j_pid) - neo4j_before)
    # wrk leaves up to `concurrency` requests running: let them finish outside any block
    time.sleep(min(10.0, 0.2 + 1.5 * load.percentile(0.99) / 1000))


def measure(
    bench: Bench, servers: dict[str, Server], bodies: dict[str, Path], concurrency: int
) -> tuple[dict[str, Load], int]:
    """Both sides warm up, then take turns: ours, peer | peer, ours | ours, peer ..., so that
    each meets the same minutes of a machine shared with other work. A block lasts long
    enough for each connection to finish several requests of the slower side: wrk drops
    those still running when it stops, which would understate a slow side."""
    slowest = max(warm_up(bench, servers[side], bodies[side], concurrency) for side in servers)
    seconds = max(bench.seconds, math.ceil(REQUESTS_PER_CONNECTION * slowest))
    loads = {side: Load() for side in servers}
    sides = list(servers)
    for block in range(bench.blocks):
        # each side goes first in turn: ours, peer | peer, ours | ... with one API
        turn = block % len(sides)
        for side in sides[turn:] + sides[:turn]:
            timed_block(bench, servers[side], bodies[side], concurrency, seconds, loads[side])
    return loads, seconds


# Answers: equal before anything is timed.


def check(
    query: Query, servers: dict[str, Server], payloads: dict[str, dict[str, Any]]
) -> str | None:
    """Our statement count when every API's answer agrees with the peer's; None (after
    saying why) when not."""
    answers = {side: post(servers[side].url, payloads[payload_of(side)]) for side in servers}
    for side, answer in answers.items():
        if answer.get("errors") or answer.get("data") is None:
            print(f"{query.name}: the {side} server answered with errors, not timed:")
            print(json.dumps(answer.get("errors"), indent=1)[:2000])
            return None
    peer = query.peer(answers[PEER_SIDE]["data"])
    ours_sides = [side for side in servers if side != PEER_SIDE]
    for side in ours_sides:
        ours = query.ours(answers[side]["data"])
        if ours != peer:
            print(f"{query.name}: the answers of {side} and the peer differ, not timed:")
            print(difference(ours, peer))
            return None
    cost = answers[ours_sides[0]].get("extensions", {}).get("cost", {})
    return str(cost.get("statements", "?"))


def payload_of(side: str) -> str:
    """Which payload a side sends: every one of our APIs takes ours."""
    return PEER_SIDE if side == PEER_SIDE else OURS


def difference(ours: Json, peer: Json, lines: int = 60) -> str:
    def dump(value: Json) -> list[str]:
        return json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False).splitlines()

    diff = difflib.unified_diff(dump(ours), dump(peer), "ours", "peer", lineterm="")
    return "\n".join(list(diff)[:lines])


# The report.


@dataclass(frozen=True)
class Row:
    query: Query
    concurrency: int
    seconds: int
    stretched: bool  # blocks longer than --seconds, for a slow query
    statements: str
    ours: Load
    peer: Load
    side: str  # which of our APIs, when the run serves more than one


def cell(load: Load) -> str:
    return f"{load.percentile(0.5):.1f} / {load.percentile(0.99):.1f} ms"


def failures(load: Load) -> str:
    return f" ({load.failed} failed)" if load.failed else ""


def table_line(row: Row) -> str:
    ours, peer = row.ours, row.peer
    label = row.query.label + (f" [{row.seconds} s blocks]" if row.stretched else "")
    label += "" if row.side == OURS else f" ({row.side})"
    ratio = ours.throughput / peer.throughput if peer.throughput else float("inf")
    return (
        f"| {label} | {ours.throughput:.1f}{failures(ours)} "
        f"| {peer.throughput:.1f}{failures(peer)} | {ratio:.2f}x | {cell(ours)} | {cell(peer)} "
        f"| {row.statements} / 1 | {ours.per_request_ms(ours.server_cpu):.2f} "
        f"| {peer.per_request_ms(peer.server_cpu):.2f} "
        f"| {ours.per_request_ms(ours.neo4j_cpu):.2f} / {peer.per_request_ms(peer.neo4j_cpu):.2f} |"
    )


def print_tables(rows: list[Row]) -> None:
    for concurrency in sorted({row.concurrency for row in rows}):
        print(f"\nConcurrency {concurrency}:\n")
        print(
            "| query | ours req/s | peer req/s | ours/peer | ours p50 / p99 | peer p50 / p99 "
            "| statements (ours / peer=1) | CPU ms/request API | CPU ms/request peer "
            "| Neo4j CPU ms/request (ours / peer) |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        for row in rows:
            if row.concurrency == concurrency:
                print(table_line(row))


def command_output(command: list[str]) -> str:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True).stdout


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def work_tree_commit() -> str:
    head = command_output(["git", "rev-parse", "--short", "HEAD"]).strip()
    dirty = command_output(["git", "status", "--porcelain", "--untracked-files=no"]).strip()
    return f"{head} (work tree, with uncommitted changes)" if dirty else head


@dataclass(frozen=True)
class ApiSource:
    side: str  # the name of its side in the run
    tree: Path
    commit: str


@contextmanager
def api_sources(refs: list[str]) -> Iterator[list[ApiSource]]:
    """Where our servers' code comes from, and which commit each is: the work tree, or each
    revision exported with `git archive` (for unfinished work in the tree, or to compare
    commits side by side)."""
    if not refs:
        yield [ApiSource(OURS, REPO, work_tree_commit())]
        return
    with ExitStack() as stack:
        sources = []
        for ref in refs:
            commit = command_output(["git", "rev-parse", "--short", f"{ref}^{{commit}}"]).strip()
            archive = subprocess.run(
                ["git", "archive", commit], cwd=REPO, capture_output=True, check=True
            )
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="peergraph-api-"))
            subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
            side = OURS if len(refs) == 1 else f"ours@{commit}"
            about = f"{commit} (the API served from `git archive {ref}`)"
            sources.append(ApiSource(side, Path(folder), about))
        if len({source.side for source in sources}) < len(sources):
            raise SystemExit("--api-ref names one commit twice")
        yield sources


def print_context(
    arguments: argparse.Namespace, graph: str, wrk: str, sources: list[ApiSource]
) -> None:
    neo4j = {name: os.environ[name] for name in NEO4J_DEFAULTS}
    wrk_version = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    print(f"graph: {graph}")
    print(f"dataset: peergraph generate --works {arguments.works} --seed {arguments.seed} + seed")
    for source in sources:
        print(f"commit: {source.commit}" + ("" if source.side == OURS else f" as {source.side}"))
    print(
        f"machine: {os.cpu_count()} cores ({cpu_model()}); Python {platform.python_version()}, "
        f"Node {command_output(['node', '--version']).strip()}, "
        f"{(wrk_version.stdout or wrk_version.stderr).splitlines()[0]}, "
        f"Neo4j {load_settings().neo4j_version}"
    )
    print(f"neo4j: {' '.join(f'{k}={v}' for k, v in neo4j.items())}; {transaction_caps()}")
    print(
        f"load: wrk -t min(c, 2) -c c, {arguments.blocks} blocks of {arguments.seconds} s per "
        f"side, alternating, after {WARM_UP_SECONDS} s of warm-up each"
    )
    print(f"command: {shlex.join(sys.orig_argv)}")


def run(arguments: argparse.Namespace) -> None:
    started = time.monotonic()
    queries = chosen_queries(arguments.only, arguments.list_forms)
    bench_environment()
    wrk = ensure_wrk()
    ensure_node_modules()
    prepare_graph(arguments.works, arguments.seed)
    picks, graph = pick(arguments.researcher)
    bench = Bench(wrk, PEER / "post.lua", arguments.seconds, arguments.blocks, neo4j_pid())
    with (
        tempfile.TemporaryDirectory(prefix="peer-bench-") as scratch,
        api_sources(arguments.api_ref or []) as sources,
        all_servers(sources, Path(scratch), max(arguments.concurrency)) as servers,
    ):
        if arguments.first_time:
            first_times(servers, queries, picks)
            return
        rows = [
            row
            for query in queries
            for row in measure_query(
                bench, servers, query, picks, arguments.concurrency, Path(scratch)
            )
        ]
    print()
    print_context(arguments, graph, wrk, sources)
    print_tables(rows)
    print(f"\n(the whole run took {(time.monotonic() - started) / 60:.1f} minutes)")


def neo4j_pid() -> int:
    pid = ManagedNeo4j(load_settings()).pid()
    if pid is None:
        raise SystemExit("the managed Neo4j is not running")
    return pid


@contextmanager
def all_servers(sources: list[ApiSource], logs: Path, turns: int) -> Iterator[dict[str, Server]]:
    """Our API from each source, then the peer, by side."""
    with ExitStack() as stack:
        servers = {}
        for source in sources:
            port = free_port()
            command = ours_command(port, source.tree, turns)
            servers[source.side] = stack.enter_context(serving(source.side, *command, port, logs))
        port = free_port()
        servers[PEER_SIDE] = stack.enter_context(
            serving(PEER_SIDE, *peer_command(port), port, logs)
        )
        yield servers


def timed_post(url: str, payload: dict[str, Any]) -> float:
    started = time.perf_counter()
    answer = post(url, payload)
    elapsed = time.perf_counter() - started
    if answer.get("errors"):
        raise SystemExit(f"{url} answered {answer['errors']}")
    return elapsed


def first_times(servers: dict[str, Server], queries: list[Query], picks: Picks) -> None:
    """Each query's first request on each side, on a Neo4j that has not planned it since it
    started, against its median of FIRST_TIME_WARM requests after; the sides take turns
    going first."""
    print("| query | ours first / warm | peer first / warm | ours extra | peer extra |")
    print("|---|---|---|---|---|")
    sides = [OURS, PEER_SIDE]
    for turn, query in enumerate(queries):
        payloads = query.payloads(picks)
        found: dict[str, tuple[float, float]] = {}
        for side in sides[turn % 2 :] + sides[: turn % 2]:
            url, payload = servers[side].url, payloads[payload_of(side)]
            first = timed_post(url, payload)
            warm = statistics.median(timed_post(url, payload) for _ in range(FIRST_TIME_WARM))
            found[side] = (first, warm)
        ours, peer = found[OURS], found[PEER_SIDE]
        print(
            f"| {query.label} | {ours[0]:.3f} / {ours[1]:.3f} s | {peer[0]:.3f} / {peer[1]:.3f} s "
            f"| {ours[0] - ours[1]:.3f} s | {peer[0] - peer[1]:.3f} s |",
            flush=True,
        )


def measure_query(
    bench: Bench,
    servers: dict[str, Server],
    query: Query,
    picks: Picks,
    concurrencies: list[int],
    scratch: Path,
) -> list[Row]:
    payloads = query.payloads(picks)
    statements = check(query, servers, payloads)
    if statements is None:
        return []
    bodies = {}
    for side, payload in payloads.items():
        bodies[side] = scratch / f"{query.name}.{side}.json"
        bodies[side].write_text(json.dumps(payload))
    bodies |= {side: bodies[payload_of(side)] for side in servers}
    rows = []
    for concurrency in concurrencies:
        loads, seconds = measure(bench, servers, bodies, concurrency)
        stretched = seconds > bench.seconds
        for side in servers:
            if side == PEER_SIDE:
                continue
            row = Row(
                query,
                concurrency,
                seconds,
                stretched,
                statements,
                loads[side],
                loads[PEER_SIDE],
                side,
            )
            print(table_line(row), f"(c={concurrency})", flush=True)
            rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--works", type=int, default=200_000, help="generated works (200000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (1)")
    parser.add_argument("--seconds", type=int, default=5, help="length of one wrk block (5)")
    parser.add_argument("--blocks", type=int, default=3, help="blocks per side (3)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8], metavar="C")
    parser.add_argument("--researcher", default=SEED_RESEARCHER, help="key for the profiles")
    parser.add_argument(
        "--only", nargs="+", default=[], metavar="QUERY", help="names from bench/peer/queries/"
    )
    parser.add_argument(
        "--first-time",
        action="store_true",
        help="time each query's first request on each side (start Neo4j afresh), not the load",
    )
    parser.add_argument(
        "--api-ref",
        nargs="+",
        metavar="REV",
        help="serve our API from this git revision (git archive) instead of the work tree; "
        "two or more: each, side by side in one run",
    )
    parser.add_argument(
        "--list-forms",
        action="store_true",
        help="also time queries 1-3 through the peer's nested lists instead of its connections",
    )
    run(parser.parse_args())


if __name__ == "__main__":
    main()
