"""Prometheus metrics, served at /metrics: GraphQL requests by operation and outcome, their
latency and database time, errors by code, connections the server closed, and the Neo4j
driver's pool.

With several worker processes (PEERGRAPH_WORKERS), `serve` points PROMETHEUS_MULTIPROC_DIR
at a fresh folder before any worker starts: each worker writes its counters and histograms
there and a scrape, whichever worker answers it, sums them all. The pool gauges are read
live from the answering worker's driver only."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import Response

from resolvers.request_record import RequestRecord

if TYPE_CHECKING:
    from prometheus_client.metrics import Histogram as HistogramChild

    from resolvers.database import Database

# Operation names come from clients. The persisted documents' names (the web app's) are
# always labelled; of the others, each from a document that validated, a process labels
# the first this many and counts the rest under OTHER_OPERATIONS, so a client can neither
# grow the metrics without bound nor push the app's operations out of their labels.
OPERATIONS_KEPT = 100
OTHER_OPERATIONS = "other"
NO_OPERATION = "none"  # the request was refused before an operation was chosen
SERVER_FAULTS = frozenset({"INTERNAL_SERVER_ERROR", "DATABASE_UNAVAILABLE"})
# A _created series beside each counter and histogram only doubles what Prometheus stores.
disable_created_metrics()  # type: ignore[no-untyped-call]
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

# Its _count is the number of requests: one observation a request, where a counter beside
# it would cost as much again on every request.
REQUEST_SECONDS = Histogram(
    "peergraph_request_duration_seconds",
    "GraphQL requests by operation and outcome (ok; error: the client's; failed: ours), "
    "and the time from each one's arrival to its response",
    ["operation", "outcome"],
    buckets=LATENCY_BUCKETS,
)
DATABASE_SECONDS = Histogram(
    "peergraph_request_database_seconds",
    "Time a GraphQL request's statements spent in Neo4j, summed over its statements",
    ["operation"],
    buckets=LATENCY_BUCKETS,
)
ERRORS = Counter("peergraph_graphql_errors", "GraphQL errors by extensions.code", ["code"])
CONNECTIONS_CLOSED = Counter(
    "peergraph_connections_closed",
    "Connections the server closed on a client: head_timeout, body_timeout, head_too_large",
    ["reason"],
)


def outcome(status: int, error_codes: list[str]) -> str:
    if status >= 500 or any(code in SERVER_FAULTS for code in error_codes):
        return "failed"
    if status >= 400 or error_codes:
        return "error"
    return "ok"


class RequestMetrics:
    """Counts finished GraphQL requests; the labelled children are looked up once each."""

    def __init__(self, known_operations: Callable[[], Collection[str]]) -> None:
        self.known_operations = known_operations
        self._operations: set[str] = set()
        self._requests: dict[tuple[str, str], HistogramChild] = {}
        self._database: dict[str, HistogramChild] = {}

    def observe(self, record: RequestRecord, status: int, seconds: float) -> None:
        operation = self._operation_label(record.operation)
        result = outcome(status, record.error_codes)
        requests = self._requests.get((operation, result))
        if requests is None:
            requests = self._requests[operation, result] = REQUEST_SECONDS.labels(operation, result)
        requests.observe(seconds)
        if record.statements:
            database = self._database.get(operation)
            if database is None:
                database = self._database[operation] = DATABASE_SECONDS.labels(operation)
            database.observe(record.database_seconds)
        for code in record.error_codes:
            ERRORS.labels(code).inc()

    def _operation_label(self, operation: str | None) -> str:
        if operation is None:
            return NO_OPERATION
        if operation in self._operations or operation in self.known_operations():
            return operation
        if len(self._operations) < OPERATIONS_KEPT:
            self._operations.add(operation)
            return operation
        return OTHER_OPERATIONS


class DriverPool(Collector):
    """The driver's connection pool at scrape time. The driver exposes no public figures,
    so this reads its pool's connection lists; an unknown driver shape reports nothing."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[Metric]:
        pool = getattr(self.db.driver, "_pool", None)
        connections = getattr(pool, "connections", None)
        if not isinstance(connections, dict):
            return
        in_use = idle = 0
        for address_connections in list(connections.values()):
            for connection in list(address_connections):
                if getattr(connection, "in_use", False):
                    in_use += 1
                else:
                    idle += 1
        gauge = GaugeMetricFamily(
            "peergraph_neo4j_pool_connections",
            "Open Bolt connections of this process's driver, in use or idle",
            labels=["state"],
        )
        gauge.add_metric(["in_use"], in_use)
        gauge.add_metric(["idle"], idle)
        yield gauge
        size = getattr(getattr(pool, "pool_config", None), "max_connection_pool_size", None)
        if isinstance(size, int):
            yield GaugeMetricFamily(
                "peergraph_neo4j_pool_max_connections",
                "The most connections this process's driver opens per server",
                value=size,
            )


async def metrics_endpoint(request: Request) -> Response:
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        shared = generate_latest(registry)
    else:
        shared = generate_latest(REGISTRY)
    pool = CollectorRegistry()
    pool.register(DriverPool(request.app.state.db))
    return Response(shared + generate_latest(pool), media_type=CONTENT_TYPE_LATEST)
