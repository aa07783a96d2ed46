"""How long Neo4j takes to plan a statement shape it has not seen, on a warm database, for
the shapes of the generated-query test (tests/test_generated_queries.py's strategy, drawn
from the live schema) rather than the web app's own documents.

Not a test. Against the database of the settings (a graph already loaded and migrated),
from the project's root (the strategy lives in tests/):

    PEERGRAPH_NEO4J_HOME=/tmp/peer-neo4j PEERGRAPH_NEO4J_BOLT_PORT=7710 PYTHONPATH=. \\
        .venv/bin/python bench/new_shapes.py [--documents 1500] [--warm-up 3] [--seeds 4 5 6]

Each generated document is compiled as the API compiles it, after the API's sizing (a
document over the item or work limit is refused before anything plans), and each of its
statements runs twice under a comment that makes its text new: the first run is Neo4j's
planning and execution, the second, its plan cached, execution alone. A shape's planning
time is the difference of Neo4j's times to first record (`result_available_after`).
Documents the API refuses (past a bound, a lookup without its key) plan nothing and are
counted apart, with why. `--warm-up` runs a seed first, uncounted, so that the JVM's
planner is warm (its code compiled) when the counted seeds run.

The comment makes the text new, not the shape: Neo4j also caches plans by the parsed
statement, so a seed that a server has planned once costs it only parsing afterwards.
Start Neo4j afresh before each run (`peergraph neo4j stop`, then `start`).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from first_requests import run_statement
from graphql import GraphQLError, print_ast
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from neo4j.exceptions import Neo4jError

from core.errors import PeergraphError
from core.global_ids import encode_id
from resolvers.compiler.request import RequestArguments
from resolvers.database import Database
from resolvers.operations import RequestErrors, coerce_variables
from resolvers.pipeline import Pipeline
from resolvers.warm_up import sample_keys
from schema.schema import build_schema
from server.connection import database_for
from server.settings import load_settings
from tests.generated_queries import Request, generated


def drawn(pipeline: Pipeline, ids: list[str], count: int, seed: int) -> list[Request]:
    """`count` generated requests, the same ones for the same seed."""
    found: list[Request] = []

    @hypothesis_seed(seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(generated(pipeline.schema, ids))
    def collect(request: Request) -> None:
        found.append(request)

    collect()
    return found


async def statements(
    pipeline: Pipeline, request: Request, refusals: Counter[str]
) -> list[tuple[str, dict[str, Any]]] | None:
    """The statements the API would run for the request; None, and why counted in
    `refusals`, when it refuses it."""
    text = print_ast(request.document)
    try:
        operation = await pipeline.operations.find(text, None)
        coerced = coerce_variables(pipeline.schema, operation.definition, request.variables)
        estimate = operation.estimate.cost(coerced, pipeline.statistics.current)
        if estimate.items > pipeline.limits.max_items or estimate.work > pipeline.limits.max_work:
            refusals["over the item or work limit"] += 1
            return None
        arguments = RequestArguments(coerced, lambda: None)
        plan = pipeline.plans.plan(text, operation.document, operation.definition, arguments)
        if plan is None:
            return None
        return [
            (step.statement.text, arguments.parameters(step.parameters))
            for step in plan.steps
            if step.statement is not None and step.statement.text is not None
        ]
    except (RequestErrors, PeergraphError, GraphQLError) as error:
        refusals[type(error).__name__ + ": " + str(error)[:90]] += 1
        return None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Timings:
    first_runs: list[float] = field(default_factory=list)
    planning: list[float] = field(default_factory=list)
    refusals: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)  # by Neo4j's code

    def add(self, other: Timings) -> None:
        self.first_runs += other.first_runs
        self.planning += other.planning
        self.refusals += other.refusals
        self.failures += other.failures

    def report(self, label: str) -> None:
        print(
            f"{label}: {len(self.planning)} statements planned, "
            f"{sum(self.refusals.values())} documents refused, "
            f"{sum(self.failures.values())} statements failed {dict(self.failures)}"
        )
        for name, values in (("first run", self.first_runs), ("planning", self.planning)):
            print(
                f"  {name:10} median {statistics.median(values):.3f}s"
                f"  p95 {percentile(values, 0.95):.3f}s  worst {max(values):.3f}s",
                flush=True,
            )


async def timed_seed(
    db: Database, pipeline: Pipeline, ids: list[str], count: int, seed: int
) -> Timings:
    found = Timings()
    run = time.time_ns()  # texts no earlier run has planned
    for index, request in enumerate(drawn(pipeline, ids, count, seed)):
        compiled = await statements(pipeline, request, found.refusals)
        for number, (text, parameters) in enumerate(compiled or ()):
            fresh = f"{text}\n// new shape {run}-{index}-{number}"
            try:
                first = (await run_statement(db, fresh, parameters))[1] / 1000
                again = (await run_statement(db, fresh, parameters))[1] / 1000
            except Neo4jError as error:
                found.failures[str(error.code)] += 1
                continue
            found.first_runs.append(first)
            found.planning.append(max(0.0, first - again))
    return found


async def bench(count: int, warm_up: int | None, seeds: list[int]) -> None:
    loaded = load_settings()
    pipeline = build_schema(loaded.request_limits(), introspection=False).pipeline
    async with database_for(loaded) as db:
        await pipeline.statistics.read(db)
        keys = await sample_keys(db)
        ids = [
            encode_id(kind, key) for kind, sizes in keys.items() for size in sizes for key in size
        ]
        print(f"{count} generated documents a seed, ids of {len(ids)} nodes")
        if warm_up is not None:
            (await timed_seed(db, pipeline, ids, count, warm_up)).report(f"warm-up seed {warm_up}")
        pooled = Timings()
        for seed in seeds:
            found = await timed_seed(db, pipeline, ids, count, seed)
            found.report(f"seed {seed}")
            pooled.add(found)
    for why, times in pooled.refusals.most_common(6):
        print(f"  refused {times}: {why}")
    pooled.report(f"seeds {seeds} pooled")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1500, help="documents a seed")
    parser.add_argument("--warm-up", type=int, metavar="SEED", help="a seed run first, not counted")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    arguments = parser.parse_args()
    asyncio.run(bench(arguments.documents, arguments.warm_up, arguments.seeds))


if __name__ == "__main__":
    main()
