"""Issue 22's analyst shapes, timed through the whole app: the busiest institution's page,
groupBy over every work and under the busiest researcher, and researchers of a topic sorted
by citations.

Not a test. Against the database of the settings (a generated graph, loaded and migrated),
from the project's root:

    PEERGRAPH_NEO4J_HOME=/tmp/peer-neo4j PEERGRAPH_NEO4J_BOLT_PORT=7710 PYTHONPATH=. \\
        .venv/bin/python bench/aggregates.py [--warm 3] [--runs 9]

Each shape runs `--warm` times untimed (planning, caches), then `--runs` times; the table
gives the median and the slowest of those, wall time of the request in-process (the app's
ASGI interface, no HTTP server), with the statement count and the estimated work. The
client's fair share is lifted so that every shape runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from typing import Any

from starlette.testclient import TestClient

from core.global_ids import encode_id
from server.app import create_app
from server.connection import database_for
from server.settings import load_settings

INSTITUTION_PAGE = """query ($id: ID!) { institution(id: $id) { name
  researchers(first: 20) { totalCount edges { node { name } } }
  works(first: 20) { totalCount edges { node { title year } } } } }"""
TOPICS_OF_EVERY_WORK = """{ works(first: 0) {
  groupBy(field: TOPIC) { groupsCount groups { key keyDisplayName count } } } }"""
YEARS_OF_THE_HUB = """query ($id: ID!) { researcher(id: $id) { works(first: 0) {
  groupBy(field: YEAR, first: 200) { groups { key count } } } } }"""
CITED_RESEARCHERS = """query ($topic: ID!) {
  researchers(first: 20, where: {topic: $topic}, orderBy: {field: CITATIONS}) {
    totalCount edges { node { name stats { citations } } } } }"""


async def picks() -> dict[str, str]:
    async with database_for(load_settings()) as db:
        hub = (await db.read("bench/biggest_hub"))[0]
        topic = (await db.read("bench/biggest_topic"))[0]
        institution = (await db.read("bench/busiest_institutions", {"limit": 1}))[0]
    print(
        f"busiest researcher {hub['key']} ({hub['works']:,} works), biggest topic "
        f"{topic['key']} ({topic['works']:,} works), busiest institution {institution['key']} "
        f"({institution['researchers']:,} members)"
    )
    return {
        "hub": encode_id("Researcher", hub["key"]),
        "topic": encode_id("Topic", topic["key"]),
        "institution": encode_id("Institution", institution["key"]),
    }


def timed(client: TestClient, document: str, variables: dict[str, Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    response = client.post("/graphql", json={"query": document, "variables": variables})
    elapsed = time.perf_counter() - started
    body = response.json()
    if body.get("errors"):
        raise SystemExit(f"{document}\nanswered {body['errors']}")
    return elapsed, body.get("extensions", {}).get("cost", {})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--runs", type=int, default=9)
    arguments = parser.parse_args()
    os.environ["PEERGRAPH_RATE_BUDGET_ANONYMOUS"] = str(10**12)
    chosen = asyncio.run(picks())
    shapes = [
        ("busiest institution's page", INSTITUTION_PAGE, {"id": chosen["institution"]}),
        ("groupBy TOPIC over every work", TOPICS_OF_EVERY_WORK, {}),
        ("groupBy YEAR under the busiest researcher", YEARS_OF_THE_HUB, {"id": chosen["hub"]}),
        ("researchers of the biggest topic by citations", CITED_RESEARCHERS, chosen),
    ]
    print("| shape | median | slowest | statements | work |")
    print("|---|---|---|---|---|")
    with TestClient(create_app(load_settings())) as client:
        for label, document, variables in shapes:
            wanted = {name: value for name, value in variables.items() if f"${name}" in document}
            for _ in range(arguments.warm):
                timed(client, document, wanted)
            runs = [timed(client, document, wanted) for _ in range(arguments.runs)]
            times = [elapsed for elapsed, _ in runs]
            cost = runs[-1][1]
            print(
                f"| {label} | {statistics.median(times) * 1000:.0f} ms "
                f"| {max(times) * 1000:.0f} ms | {cost.get('statements')} "
                f"| {cost.get('work', 0):,} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
