"""The operation a request runs: found once per document text and operation name, then
looked up. A document seen before is neither parsed nor validated again.

A new document is parsed and validated on a worker thread, one at a time: validating a
large one takes a tenth of a second of CPU, which on the event loop would stall every
other request, known documents included."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread
from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    get_variable_values,
)
from graphql.execution import VariableValues

from core.errors import BadUserInput, RateLimited
from core.request_limits import RequestLimits
from core.weighted_cache import WeightedCache
from resolvers.compiler.readback import MutationDocument
from resolvers.cost import CostEstimate
from resolvers.documents import CACHED_TEXT, Documents

# New documents waiting for their turn to be checked, beyond which more are refused
# rather than queued: a client flooding distinct documents must not hold the memory and
# the turns of everyone's first request.
NEW_DOCUMENTS_WAITING = 32


class RequestErrors(Exception):
    """The document, the operation or the variables are wrong: nothing ran."""

    def __init__(self, errors: list[GraphQLError]) -> None:
        super().__init__(errors[0].message)
        self.errors = errors


@dataclass(frozen=True)
class Operation:
    text: str
    document: DocumentNode
    definition: OperationDefinitionNode
    estimate: CostEstimate  # walked once; each request applies its variables
    mutation: MutationDocument | None  # what graphql-core runs; None for a query


class Operations:
    def __init__(self, schema: GraphQLSchema, documents: Documents, limits: RequestLimits) -> None:
        self.schema = schema
        self.documents = documents
        self.limits = limits
        self._found: WeightedCache[tuple[str, str | None], Operation] = WeightedCache(CACHED_TEXT)
        self._checking = anyio.CapacityLimiter(1)

    async def find(self, text: str, name: str | None) -> Operation:
        found = self._found.get((text, name))
        if found is None:
            if self._checking.statistics().tasks_waiting >= NEW_DOCUMENTS_WAITING:
                raise RequestErrors([too_many_new_documents()])
            found = await anyio.to_thread.run_sync(
                self._operation, text, name, limiter=self._checking
            )
            self._found.put((text, name), found, len(text))
        return found

    def _operation(self, text: str, name: str | None) -> Operation:
        prepared = self.documents.prepare(text)
        if prepared.errors:
            raise RequestErrors(list(prepared.errors))
        assert prepared.document is not None
        definition = select_operation(prepared.document, name)
        estimate = CostEstimate(self.schema, prepared.document, definition, self.limits)
        mutation = None
        if definition.operation is not OperationType.QUERY:
            mutation = MutationDocument.of(self.schema, prepared.document, definition)
        return Operation(text, prepared.document, definition, estimate, mutation)


def too_many_new_documents() -> RateLimited:
    return RateLimited(
        f"more than {NEW_DOCUMENTS_WAITING} new documents are waiting to be checked;"
        " send this one again in a moment, or one the server has seen before"
    )


def select_operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode:
    operations = [
        definition
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    ]
    if name is None:
        if len(operations) == 1:
            return operations[0]
        raise RequestErrors(
            [
                BadUserInput(
                    f"the document holds {len(operations)} operations; name the one to run"
                    " in `operationName`"
                )
            ]
        )
    for operation in operations:
        if operation.name is not None and operation.name.value == name:
            return operation
    raise RequestErrors([BadUserInput(f"the document has no operation named {name!r}")])


def coerce_variables(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    raw: dict[str, Any],
    *,
    hide_suggestions: bool = False,
) -> VariableValues:
    coerced = get_variable_values(
        schema, operation.variable_definitions or (), raw, hide_suggestions=hide_suggestions
    )
    if isinstance(coerced, list):
        raise variable_errors(coerced)
    return coerced


def variable_errors(errors: list[GraphQLError]) -> RequestErrors:
    return RequestErrors([BadUserInput("; ".join(error.message for error in errors))])
