"""Planning before the first request: every document the server knows in advance is
parsed, validated and compiled, and Neo4j plans each statement it compiles to, so the
first request of a page after a start waits for neither.

A plan's text depends on facts of the request (which kind of node an id names, whether a
viewer is signed in, which arguments are given), so each query is compiled for every
combination of sample values of its variables (each kind of node for an id; a variable
with a default is left to it, one that may be null is left out, then given) and for an
anonymous and a signed-in viewer. A combination no request could make (a work's id where
a researcher's is expected) is refused by the compiler and left out.

Neo4j keeps a plan for a statement's text and the types of its parameters, a string's
or a list's with the order of magnitude of its length (1, up to 10, up to 100…), and only
a statement that runs leaves one: `EXPLAIN` does not (bench/RESULTS.md, issue 21). So
each statement runs, once, with parameters of the types and lengths a request sends:
ids name real nodes (their keys are read first), and a sample viewer's key is as long as
a user's. Every compiled statement is a read.

The warm-up gives up at a time cap, or as soon as the database is not answering, and
never fails: what it did not plan is planned on its first request, as without it."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from time import perf_counter
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLType,
    OperationDefinitionNode,
    OperationType,
    parse,
    type_from_ast,
)

from core.errors import BadUserInput, DatabaseBusy, DatabaseUnavailable, QueryTimeout
from core.global_ids import encode_id
from resolvers.compiler.request import RequestArguments
from resolvers.compiler.roots import NODE_LABELS
from resolvers.database import Database
from resolvers.operations import Operation, RequestErrors, coerce_variables
from resolvers.pipeline import Pipeline

logger = logging.getLogger("peergraph")

# A signed-in viewer as long as a user's key (a uuid's hex); it names no user.
SAMPLE_VIEWER = "warm-up".ljust(32, "0")
VIEWERS = (None, SAMPLE_VIEWER)
# Keys of this many nodes of each kind are read for the sample ids.
SCANNED_KEYS = 1000
# For a kind with no node: an id as long as most keys, naming nothing.
NO_KEY = "warm-up-sample-key"
SCALAR_SAMPLES: dict[str, tuple[Any, ...]] = {
    "String": ("warm", "warm up with a longer text"),  # under 10 characters, and over
    "Int": (10,),
    "Float": (1.0,),
    "Boolean": (False,),
}
OMITTED = object()  # a variable the sample leaves out
# A query whose variables combine into more samples than this is compiled for its first
# ones only: a shape the warm-up missed is planned on its first request.
MAX_SAMPLES = 64
# Statements Neo4j plans at once: planning takes a core, and a small server has two.
CONCURRENT_PLANS = 2

Keys = dict[str, list[list[str]]]  # by kind of node: keys of each length's order, commonest first


@dataclass(frozen=True)
class Shape:
    """One statement a query compiles to, with parameters of the types its requests
    send."""

    text: str
    parameters: dict[str, Any] = field(compare=False)

    @property
    def key(self) -> tuple[str, Hashable]:
        """What Neo4j keeps a plan by: the text, and the parameters' types and sizes."""
        return self.text, type_signature(self.parameters)


@dataclass
class WarmUpReport:
    documents: int = 0
    compiled: int = 0  # plans the pipeline compiled
    shapes: int = 0  # distinct statements to plan
    planned: int = 0  # statements Neo4j planned
    seconds: float = 0.0
    stopped: str | None = None  # why the warm-up gave up before planning every statement

    def summary(self) -> str:
        done = (
            f"{self.documents} persisted documents, {self.compiled} plans compiled,"
            f" {self.planned} of {self.shapes} statements planned by Neo4j"
            f" in {self.seconds:.1f}s"
        )
        if self.stopped is None:
            return f"warm-up: {done}"
        return f"warm-up stopped ({self.stopped}): {done}; the rest plan on their first request"


async def warm_up(
    pipeline: Pipeline,
    db: Database,
    documents: Iterable[str],
    seconds: float,
    concurrency: int = CONCURRENT_PLANS,
) -> WarmUpReport:
    """Compiles every query of `documents` and has Neo4j plan its statements, within
    `seconds`. Logs what it did; never raises for the database's sake."""
    report = WarmUpReport()
    started = perf_counter()
    # A statement stopped while Neo4j plans it leaves no plan, and on a busy server one
    # plan can take longer than a request may: each may take the whole time.
    patient = Database(db.driver, db.database, replace(db.timeouts, query=seconds))
    try:
        async with asyncio.timeout(seconds):
            keys = await sample_keys(patient)
            shapes = await compiled_shapes(pipeline, documents, keys, report)
            report.shapes = len(shapes)
            await plan_all(patient, shapes, report, concurrency)
    except TimeoutError:
        report.stopped = f"past its {seconds:g}s"
    except (DatabaseBusy, DatabaseUnavailable, QueryTimeout) as error:
        report.stopped = error.message
    report.seconds = perf_counter() - started
    logger.log(logging.INFO if report.stopped is None else logging.WARNING, report.summary())
    return report


async def sample_keys(db: Database) -> Keys:
    """A key or two of each order of magnitude of length, for each kind of node."""
    found: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in await db.read("warm_up/sample_keys", {"scan": SCANNED_KEYS}):
        found[row["label"]][size_bucket(len(row["key"]))].append(row["key"])
    return {
        label: [keys[:2] for keys in sorted(by_size.values(), key=len, reverse=True)]
        for label, by_size in found.items()
    }


def size_bucket(length: int) -> int:
    """Neo4j's: the length itself up to 1, then the next power of ten."""
    return length if length <= 1 else 10 ** len(str(length - 1))


async def compiled_shapes(
    pipeline: Pipeline, documents: Iterable[str], keys: Keys, report: WarmUpReport
) -> list[Shape]:
    """The distinct statements the documents compile to, every document's first before
    any document's second, and the longest of each round first (the longer the text, the
    longer Neo4j plans it): a time cap leaves out the rarer and the quicker shapes."""
    compiled_before = pipeline.plans.compiled
    by_document = []
    for text in documents:
        report.documents += 1
        by_document.append(await document_shapes(pipeline, text, keys))
    report.compiled = pipeline.plans.compiled - compiled_before
    seen: set[tuple[str, Hashable]] = set()
    shapes = []
    for shape in round_robin(by_document):
        if shape.key not in seen:
            seen.add(shape.key)
            shapes.append(shape)
    return shapes


async def document_shapes(pipeline: Pipeline, text: str, keys: Keys) -> list[Shape]:
    """The statements of every query in the document, found as a request finds them."""
    shapes: list[Shape] = []
    try:
        for name in operation_names(text):
            operation = await pipeline.operations.find(text, name)
            if operation.definition.operation is OperationType.QUERY:
                shapes.extend(operation_shapes(pipeline, operation, keys))
            # a mutation's read-back is compiled from what it wrote, when it writes
    except (GraphQLError, RequestErrors) as refused:
        # its requests are refused with the same errors, as they would be without a warm-up
        logger.warning("warm-up: a persisted document is refused: %s", refused)
    except Exception:
        logger.exception("warm-up: a persisted document did not compile")
    return shapes


def operation_names(text: str) -> list[str | None]:
    """The names a request may give each operation of the document: its own (the web app
    sends it), and none at all for a document's only operation."""
    definitions = [
        definition
        for definition in parse(text).definitions
        if isinstance(definition, OperationDefinitionNode)
    ]
    names: list[str | None] = [
        definition.name.value for definition in definitions if definition.name is not None
    ]
    return [*names, None] if len(definitions) == 1 else names


def operation_shapes(pipeline: Pipeline, operation: Operation, keys: Keys) -> Iterator[Shape]:
    definition = operation.definition
    found = samples(pipeline.schema, definition, keys)
    for variables, viewer in itertools.islice(found, MAX_SAMPLES):
        try:
            coerced = coerce_variables(
                pipeline.schema, definition, variables, hide_suggestions=pipeline.hide_suggestions
            )
            request = RequestArguments(coerced, constant(viewer))
            plan = pipeline.plans.plan(operation.text, operation.document, definition, request)
            assert plan is not None, "a query always has a plan"
            for step in plan.steps:
                if step.statement is not None and step.statement.text is not None:
                    yield Shape(step.statement.text, request.parameters(step.parameters))
        except (GraphQLError, RequestErrors):
            continue  # a combination no request could make


def constant(viewer: str | None) -> Callable[[], str | None]:
    return lambda: viewer


def samples(
    schema: GraphQLSchema, operation: OperationDefinitionNode, keys: Keys
) -> Iterator[tuple[dict[str, Any], str | None]]:
    """Variables of each combination of sample values, with each viewer: a variable with
    a default is left to it; one that may be null is left out, then given."""
    names: list[str] = []
    choices: list[tuple[Any, ...]] = []
    for index, definition in enumerate(operation.variable_definitions or ()):
        type_ = type_from_ast(schema, definition.type)
        if definition.default_value is not None:
            continue
        found = input_samples(type_, keys, index)
        if isinstance(type_, GraphQLNonNull):
            if not found:
                return  # a variable the warm-up cannot give: its first request compiles it
        else:
            found = (OMITTED, *found)
        names.append(definition.variable.name.value)
        choices.append(found)
    for values in itertools.product(*choices):
        variables = {
            name: value for name, value in zip(names, values, strict=True) if value is not OMITTED
        }
        for viewer in VIEWERS:
            yield variables, viewer


def input_samples(type_: GraphQLType | None, keys: Keys, index: int) -> tuple[Any, ...]:
    """Sample values of an input type; the `index`th variable's id names the `index`th
    node of a kind where there are several (a path's two ends are two researchers)."""
    if isinstance(type_, GraphQLNonNull):
        return input_samples(type_.of_type, keys, index)
    if isinstance(type_, GraphQLList):
        item = type_.of_type
        named = item.of_type if isinstance(item, GraphQLNonNull) else item
        if isinstance(named, GraphQLEnumType):
            return (list(named.values),)  # every value: as long a list as a client's
        return tuple([value] for value in input_samples(item, keys, index))
    if isinstance(type_, GraphQLEnumType):
        return tuple(type_.values)[:1]
    if isinstance(type_, GraphQLScalarType):
        if type_.name == "ID":
            return tuple(
                encode_id(kind, same_length[index % len(same_length)])
                for kind in NODE_LABELS
                for same_length in keys.get(kind, [[NO_KEY]])
            )
        return SCALAR_SAMPLES.get(type_.name, ())
    return ()  # an input object: only mutations take one


def round_robin(lists: list[list[Shape]]) -> Iterator[Shape]:
    for row in itertools.zip_longest(*lists):
        found = [shape for shape in row if shape is not None]
        yield from sorted(found, key=lambda shape: len(shape.text), reverse=True)


def type_signature(value: Any) -> Hashable:
    """A parameter's type as Neo4j keeps plans by it: a string's or list's with the order
    of magnitude of its length."""
    if isinstance(value, dict):
        return tuple(sorted((key, type_signature(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        items = sorted({repr(type_signature(item)) for item in value})
        return ("list", size_bucket(len(value)), *items)
    if isinstance(value, str):
        return ("str", size_bucket(len(value)))
    return type(value).__name__


async def plan_all(
    db: Database, shapes: list[Shape], report: WarmUpReport, concurrency: int
) -> None:
    """Runs each statement once, which leaves Neo4j its plan. A statement that fails is
    logged and the others go on; a database that does not answer stops the warm-up."""
    queue = iter(shapes)

    async def planner() -> None:
        for shape in queue:
            if report.stopped is not None:
                return
            try:
                await db.query(shape.text, shape.parameters)
            except (DatabaseBusy, DatabaseUnavailable, QueryTimeout) as error:
                report.stopped = error.message
                return
            except BadUserInput as refused:
                # over its memory share for a sample node: Neo4j planned it before it
                # refused to run it, and keeps the plan
                logger.warning("warm-up: a statement was planned, then refused: %s", refused)
            except Exception:
                logger.exception("warm-up: a statement failed")
                continue
            report.planned += 1

    await asyncio.gather(*(planner() for _ in range(concurrency)))
