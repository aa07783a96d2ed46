"""Issue 21, rows 2 and 3: distinct documents do not grow the server's memory without
bound, and checking new documents does not stall the requests of known ones."""

from __future__ import annotations

import asyncio
import gc
import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest
from graphql import FieldNode
from hypothesis import given
from hypothesis import strategies as st

from core.weighted_cache import WeightedCache
from resolvers.compiler.request import RequestArguments
from resolvers.documents import CACHED_TEXT
from resolvers.operations import NEW_DOCUMENTS_WAITING
from schema.schema import PeergraphSchema, build_schema
from tests.default_schema import LIMITS


def test_the_least_recently_used_entries_go_first_when_the_weight_is_over() -> None:
    cache: WeightedCache[str, int] = WeightedCache(10)
    cache.put("a", 1, 4)
    cache.put("b", 2, 4)
    assert cache.get("a") == 1  # now "b" is the least recently used
    cache.put("c", 3, 4)
    assert ("a" in cache, "b" in cache, "c" in cache) == (True, False, True)
    assert cache.weight == 8


def test_an_entry_heavier_than_the_whole_cache_is_not_kept() -> None:
    cache: WeightedCache[str, int] = WeightedCache(10)
    cache.put("small", 1, 3)
    cache.put("huge", 2, 11)
    assert cache.get("huge") is None
    assert cache.get("small") == 1


# (put or get, key, weight); a get ignores the weight
steps = st.lists(st.tuples(st.booleans(), st.integers(0, 7), st.integers(0, 12)), max_size=60)


@given(steps)
def test_the_cache_holds_what_a_list_in_order_of_use_would(
    operations: list[tuple[bool, int, int]],
) -> None:
    cache: WeightedCache[int, int] = WeightedCache(10)
    model: list[tuple[int, int]] = []  # (key, weight), least recently used first
    for put, key, weight in operations:
        found = [entry for entry in model if entry[0] == key]
        if put:
            cache.put(key, weight, weight)
            model = [entry for entry in model if entry[0] != key]
            if weight <= 10:
                model.append((key, weight))
            while sum(weight for _, weight in model) > 10:
                model.pop(0)
        else:
            assert cache.get(key) == (found[0][1] if found else None)
            if found:
                model.remove(found[0])
                model.append(found[0])
        assert {key for key, _ in model} == {key for key in range(8) if key in cache}
        assert cache.weight == sum(weight for _, weight in model) <= 10


@pytest.fixture(scope="module")
def schema() -> PeergraphSchema:
    # its own, not tests/default_schema.py's: these tests fill its caches and weigh them
    return build_schema(LIMITS, introspection=True)


def typenames(index: int, count: int) -> str:
    return f"query Q{index} {{" + " __typename" * count + "}"


def live_field_nodes() -> int:
    gc.collect()
    return sum(isinstance(kept, FieldNode) for kept in gc.get_objects())


def retained_after(schema: PeergraphSchema, documents: list[str]) -> int:
    """Field nodes still alive once every document went through the pipeline's caches:
    a document's memory is its syntax tree."""
    before = live_field_nodes()

    async def send_all() -> None:
        for text in documents:
            try:
                operation = await schema.pipeline.operations.find(text, None)
            except Exception:  # a refused document: its errors are what is cached
                continue
            request = RequestArguments(None, lambda: None)
            schema.plans.plan(text, operation.document, operation.definition, request)

    asyncio.run(send_all())
    return live_field_nodes() - before


def test_distinct_valid_documents_keep_a_bounded_memory(schema: PeergraphSchema) -> None:
    documents = [typenames(index, 300) for index in range(160)]
    # Each cache keeps CACHED_TEXT characters of text; the documents, operations and plans
    # caches are used in the same order, so together they hold the same documents.
    fit = CACHED_TEXT // len(documents[0])
    assert fit < len(documents) / 2
    assert retained_after(schema, documents) <= fit * 300


def test_refused_documents_are_kept_as_their_errors_not_their_syntax_trees(
    schema: PeergraphSchema,
) -> None:
    # each is refused as validation runs out of its budget for comparing fields
    documents = [typenames(index, 1600) for index in range(10)]
    assert retained_after(schema, documents) == 0


def test_a_refused_document_still_says_where_its_error_is(schema: PeergraphSchema) -> None:
    prepared = schema.pipeline.operations.documents.prepare("{ nope }")
    assert prepared.document is None
    (error,) = prepared.errors
    assert error.nodes is None
    assert error.formatted["locations"] == [{"line": 1, "column": 3}]
    assert error.extensions == {"code": "GRAPHQL_VALIDATION_FAILED"}


@dataclass(frozen=True)
class Answer:
    status: int
    retry_after: str | None
    body: dict[str, Any]


def post(port: int, document: str) -> Answer:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": document}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return Answer(response.status, None, json.load(response))
    except urllib.error.HTTPError as refused:
        return Answer(refused.code, refused.headers["Retry-After"], json.load(refused))


def test_a_flood_of_new_documents_is_turned_away_with_429_not_queued_forever(
    served: int,
) -> None:
    flood = [typenames(index, 1600) for index in range(NEW_DOCUMENTS_WAITING * 2)]
    with ThreadPoolExecutor(max_workers=len(flood)) as pool:
        answers = list(pool.map(lambda text: post(served, text), flood))
    assert sorted({answer.status for answer in answers}) == [200, 429]
    turned_away = [answer for answer in answers if answer.status == 429]
    assert {answer.retry_after for answer in turned_away} == {"1"}
    assert {answer.body["errors"][0]["extensions"]["code"] for answer in turned_away} == {
        "RATE_LIMITED"
    }
    checked = [answer for answer in answers if answer.status == 200]
    assert {answer.body["errors"][0]["message"] for answer in checked} == {"Validation aborted."}
    assert post(served, "{ __typename }").body["data"] == {"__typename": "Query"}


def test_a_known_document_is_answered_while_new_large_ones_are_being_checked(
    served: int,
) -> None:
    post(served, "{ __typename }")  # known from now on
    finished: list[str] = []

    def send(name: str, document: str) -> None:
        post(served, document)
        finished.append(name)

    with ThreadPoolExecutor(max_workers=5) as pool:
        # four documents that take a tenth of a second each to check, one at a time
        for index in range(4):
            pool.submit(send, f"new {index}", typenames(1000 + index, 1600))
        time.sleep(0.05)  # the new ones reach the server first
        pool.submit(send, "known", "{ __typename }")
    # checked on the event loop, the known one would wait for most of them
    assert finished.index("known") < 2, finished
