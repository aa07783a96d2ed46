"""The most expensive shapes the limits allow, sent by several clients at once, beside one
light reader (issue 21, row 1).

Not a test. Against the Neo4j the settings name, on a generated graph:

    PEERGRAPH_NEO4J_HOME=/tmp/load-neo4j PEERGRAPH_NEO4J_BOLT_PORT=7730 \\
        .venv/bin/python bench/heavy_load.py [--works 5000] [--clients 8] [--seconds 60]

It migrates and generates `--works` works unless the graph holds works already, starts the
managed Neo4j and `peergraph serve`, and then:
1. times the light reader (one researcher's name by id) alone;
2. sends, from `--clients` clients for `--seconds`, the three kinds of heavy request in
   turn: ten aliases of the busiest researcher's recommended collaborators and
   collaborators (100 each, 20 works per collaborator), thirty aliases of a prefix search
   for 100 hits, and the pages of the three busiest institutions; the light reader reads
   beside them all along.
It prints the reader's p50, p99 and errors by code, quiet and loaded, and each heavy kind's
answers by outcome (answered, refused up front and the code, errors by code) with its
slowest answer, against the query timeout. The fair-share budgets are lifted
(bench/serve_env.py): this measures what the database's own guards hold when heavy clients
come from many addresses.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ports import free_port
from run import Connection, encode_request, wait_ready
from serve_env import serving

from core.global_ids import encode_id
from resolvers.database import Database
from server.connection import database_for
from server.settings import load_settings

WEB_DOCUMENTS = Path(__file__).parents[1] / "web" / "src" / "graphql"

READER = "query Reader($id: ID!) { researcher(id: $id) { name } }"


def collaborations(researcher: str) -> str:
    alias = (
        '{alias}: researcher(id: "{id}") {{ '
        "recommendedCollaborators(first: 100) {{ researcher {{ name }} score reasons }} "
        "collaborators(first: 100, worksPerCollaborator: 20) "
        "{{ researcher {{ name }} strength works {{ title year }} }} }}"
    )
    return "{ " + " ".join(alias.format(alias=f"a{n}", id=researcher) for n in range(10)) + " }"


def searches() -> str:
    letters = "abcdefghijklmnopqrstuvwxyz0123"
    return (
        "{ "
        + " ".join(
            f'q{n}: search(query: "{letter}*", first: 100) {{ score node {{ id }} }}'
            for n, letter in enumerate(letters)
        )
        + " }"
    )


def institution_page() -> str:
    """The web app's document, with the fragments it imports."""
    parts = ["InstitutionPage.graphql", "fragments/slice.graphql", "fragments/workItem.graphql"]
    return "\n".join((WEB_DOCUMENTS / part).read_text() for part in parts)


@dataclass
class Outcomes:
    answered: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    slowest: float = 0.0

    def add(self, seconds: float, body: dict[str, Any]) -> None:
        self.slowest = max(self.slowest, seconds)
        errors = body.get("errors") or []
        if not errors:
            self.answered += 1
        for error in errors:
            self.codes[(error.get("extensions") or {}).get("code", "?")] += 1

    def __str__(self) -> str:
        codes = ", ".join(f"{code} {count}" for code, count in self.codes.most_common()) or "none"
        return f"{self.answered} answered whole; errors: {codes}; slowest {self.slowest:.2f} s"


def percentile(latencies: list[float], fraction: float) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


async def read_lightly(
    port: int, researcher: str, until: asyncio.Event, outcomes: Outcomes
) -> list[float]:
    connection = await Connection.open(port)
    request = encode_request("POST", "/graphql", {"query": READER, "variables": {"id": researcher}})
    latencies: list[float] = []
    try:
        while not until.is_set():
            started = time.perf_counter()
            _, body = await connection.send(request)
            latencies.append(time.perf_counter() - started)
            outcomes.add(latencies[-1], json.loads(body))
            await asyncio.sleep(0.05)
    finally:
        connection.close()
    return latencies


Requests = list[tuple[str, bytes]]  # (kind, the encoded HTTP request)


async def send_heavy(
    port: int,
    requests: Requests,
    until: asyncio.Event,
    outcomes: dict[str, Outcomes],
) -> None:
    connection = await Connection.open(port)
    turn = 0
    try:
        while not until.is_set():
            kind, request = requests[turn % len(requests)]
            turn += 1
            started = time.perf_counter()
            status, body = await connection.send(request)
            seconds = time.perf_counter() - started
            if status >= 500 and not body.startswith(b"{"):
                outcomes[kind].codes[f"HTTP {status}"] += 1
                continue
            outcomes[kind].add(seconds, json.loads(body))
    finally:
        connection.close()


def peergraph(*arguments: str) -> None:
    subprocess.run([sys.executable, "-m", "server.cli", *arguments], check=True)


async def works_present() -> int:
    async with database_for(load_settings()) as db:
        return int((await db.read("bench/graph_size"))[0]["works"])


def prepare(works: int) -> None:
    """Starts and migrates the managed Neo4j, and generates the graph unless it holds works."""
    peergraph("neo4j", "start")
    peergraph("migrate")
    if asyncio.run(works_present()) == 0:
        peergraph("generate", "--works", str(works), "--seed", "1")


async def picks(db: Database) -> tuple[str, list[str]]:
    hub = (await db.read("bench/biggest_hub"))[0]
    institutions = await db.read("bench/busiest_institutions", {"limit": 3})
    print(
        f"busiest researcher {hub['key']} ({hub['works']} works); institutions "
        + ", ".join(f"{row['key']} ({row['researchers']} researchers)" for row in institutions)
    )
    return encode_id("Researcher", hub["key"]), [
        encode_id("Institution", row["key"]) for row in institutions
    ]


def heavy_requests(researcher: str, institutions: list[str]) -> list[tuple[str, bytes]]:
    page = institution_page()
    return [
        (
            "collaborations",
            encode_request("POST", "/graphql", {"query": collaborations(researcher)}),
        ),
        ("search", encode_request("POST", "/graphql", {"query": searches()})),
        *(("institution pages", graphql(page, id=institution)) for institution in institutions),
    ]


def graphql(document: str, **variables: str) -> bytes:
    return encode_request("POST", "/graphql", {"query": document, "variables": variables})


async def reader_alone(port: int, researcher: str, seconds: float) -> tuple[list[float], Outcomes]:
    done = asyncio.Event()
    outcomes = Outcomes()
    reading = asyncio.create_task(read_lightly(port, researcher, done, outcomes))
    await asyncio.sleep(seconds)
    done.set()
    return await reading, outcomes


async def loaded(
    port: int, researcher: str, requests: Requests, clients: int, seconds: float
) -> tuple[list[float], Outcomes, dict[str, Outcomes]]:
    done = asyncio.Event()
    heavy = {kind: Outcomes() for kind, _ in requests}
    # each client starts at a different kind, so all kinds run at once
    senders = [
        asyncio.create_task(send_heavy(port, requests[n:] + requests[:n], done, heavy))
        for n in range(clients)
    ]
    outcomes = Outcomes()
    reading = asyncio.create_task(read_lightly(port, researcher, done, outcomes))
    await asyncio.sleep(seconds)
    done.set()
    latencies = await reading
    await asyncio.gather(*senders)
    return latencies, outcomes, heavy


def line(name: str, latencies: list[float], outcomes: Outcomes) -> str:
    return (
        f"{name}: {len(latencies)} reads, p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms; {outcomes}"
    )


async def run(clients: int, seconds: float) -> None:
    async with database_for(load_settings()) as db:
        await db.read("admin/await_indexes", {"seconds": 600})
        researcher, institutions = await picks(db)
    requests = heavy_requests(researcher, institutions)
    settings = load_settings()
    port = free_port()
    with serving(port) as server:
        await wait_ready(port, server)
        # every shape planned once, so the load measures running, not first planning
        await loaded(port, researcher, requests, 1, 1)
        quiet, quiet_outcomes = await reader_alone(port, researcher, 15)
        print(line("light reader alone", quiet, quiet_outcomes))
        latencies, outcomes, heavy = await loaded(port, researcher, requests, clients, seconds)
        print(line(f"light reader beside {clients} heavy clients", latencies, outcomes))
        ratio = percentile(latencies, 0.99) / percentile(quiet, 0.99)
        print(f"reader p99 loaded / quiet: {ratio:.1f}x")
        for kind, kind_outcomes in heavy.items():
            print(f"{kind}: {kind_outcomes} (query timeout {settings.query_timeout:g} s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--works", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    arguments = parser.parse_args()
    prepare(arguments.works)
    asyncio.run(run(arguments.clients, arguments.seconds))
