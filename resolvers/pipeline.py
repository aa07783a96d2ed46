"""The one path of every GraphQL request, known or new, query or mutation: find the
operation (a document seen before is not parsed or validated again), coerce its
variables once, size it (items and work, resolvers/cost.py), run it, and answer with its
errors masked and its cost.

A query runs as compiled statements, one per root field. A mutation runs on graphql-core's
executor, and what it wrote is read back through the compiler (compiler/readback.py)."""

from __future__ import annotations

from typing import Any

from graphql import ExecutionResult, GraphQLSchema, OperationType
from graphql.execution import VariableValues

from core.errors import BadUserInput
from core.request_limits import RequestLimits
from resolvers.compiler.execute import run_request
from resolvers.compiler.plans import Plans
from resolvers.compiler.readback import MutationRun, ReadBacks
from resolvers.compiler.request import RequestArguments
from resolvers.context import Context
from resolvers.cost import Cost
from resolvers.documents import Documents
from resolvers.graph_statistics import Statistics
from resolvers.masking import shown
from resolvers.operations import Operation, Operations, coerce_variables, variable_errors
from resolvers.request_record import record_execution


class NotAllowed(Exception):
    """An operation of a kind the request may not run (a mutation over GET)."""

    def __init__(self, kind: OperationType) -> None:
        super().__init__(f"a {kind.value} is not allowed here")
        self.kind = kind


class Pipeline:
    def __init__(
        self, schema: GraphQLSchema, plans: Plans, documents: Documents, limits: RequestLimits
    ) -> None:
        self.schema = schema
        self.plans = plans
        self.limits = limits
        self.operations = Operations(schema, documents, limits)
        self.hide_suggestions = documents.hide_suggestions
        self.read_backs = ReadBacks(plans)
        self.statistics = Statistics()

    async def run(
        self,
        text: str,
        name: str | None,
        variables: dict[str, Any],
        context: Context,
        *,
        mutations: bool = True,
    ) -> dict[str, Any]:
        """The response body; RequestErrors when nothing could run."""
        operation = await self.operations.find(text, name)
        mutation = None
        if operation.mutation is None:
            coerced = coerce_variables(
                self.schema,
                operation.definition,
                variables,
                hide_suggestions=self.hide_suggestions,
            )
        elif not mutations:
            raise NotAllowed(operation.definition.operation)
        else:
            # graphql-core's executor coerces a mutation's variables, once
            mutation = MutationRun(
                self.read_backs,
                operation.mutation,
                self.schema,
                variables,
                context,
                hide_suggestions=self.hide_suggestions,
            )
            found = mutation.variables
            if isinstance(found, list):
                raise variable_errors(found)
            coerced = found
        estimate = operation.estimate.cost(coerced, self.statistics.current)
        if estimate.items > self.limits.max_items:
            refusal = too_many_items(estimate.items, self.limits.max_items)
            result = ExecutionResult(None, [refusal])
        elif estimate.work > self.limits.max_work:
            result = ExecutionResult(None, [too_much_work(estimate.work, self.limits.max_work)])
        else:
            context.charge(work_units(estimate))
            context.weigh(estimate.work)
            if mutation is not None:
                result = await mutation.result()
            else:
                result = await self.query(operation, coerced, context)
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            body["errors"] = shown(result.errors)
        record_execution(
            operation.definition, context.statements, estimate.items, context.database_seconds
        )
        body["extensions"] = {"cost": cost(context, estimate, self.limits)}
        return body

    async def query(
        self, operation: Operation, variables: VariableValues, context: Context
    ) -> ExecutionResult:
        request = RequestArguments(variables, lambda: context.viewer)
        return await run_request(
            self.plans, operation.text, operation.document, operation.definition, request, context
        )


def work_units(estimate: Cost) -> int:
    """What a request spends of its client's fair share: one for the request, and one for
    each row it may read."""
    return 1 + estimate.work


def too_many_items(items: int, limit: int) -> BadUserInput:
    return BadUserInput(
        f"this request could return up to {items:,} items, more than the limit of {limit:,};"
        " ask for smaller pages (first) or fewer nested lists"
    )


def too_much_work(work: int, limit: int) -> BadUserInput:
    return BadUserInput(
        f"this request could read up to {work:,} rows of the graph, more than the limit of "
        f"{limit:,}; ask for fewer aliases or nested lists, or narrow the lists that read "
        "the most (extensions.cost.work)"
    )


def cost(context: Context, estimate: Cost, limits: RequestLimits) -> dict[str, int]:
    """`extensions.cost`: what the request cost, and its items and work against their
    limits, on answers and refusals alike."""
    return {
        "statements": context.statements,
        "roundTrips": context.round_trips,
        "estimatedItems": estimate.items,
        "maxItems": limits.max_items,
        "work": estimate.work,
        "maxWork": limits.max_work,
    }
