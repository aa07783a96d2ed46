"""A query document already compiled: straight from the request to its plan, without
Strawberry's per-request pipeline. The document was parsed, validated and checked
against the document limits when it was first seen; what depends on the request
(variables, the cost bound, the viewer) is checked again."""

from __future__ import annotations

from typing import Any

from graphql import DocumentNode, ExecutionResult, GraphQLError, GraphQLFormattedError

from core.request_limits import RequestLimits
from resolvers.compiler.execute import run_request
from resolvers.compiler.request import RequestArguments
from resolvers.context import Context
from resolvers.request_record import record_execution
from schema.cost import ItemEstimate
from schema.schema import PeergraphSchema, is_unexpected, item_cost, masked, too_many_items

ESTIMATES_KEPT = 1024


class KnownDocuments:
    def __init__(self, schema: PeergraphSchema, limits: RequestLimits) -> None:
        self.schema = schema
        self.limits = limits
        self._estimates: dict[tuple[str, str | None], ItemEstimate] = {}

    async def answer(
        self, text: str, name: str | None, variables: dict[str, Any], context: Context
    ) -> dict[str, Any] | None:
        """The response to a document compiled before; None for any other."""
        known = self.schema.plans.known(text, name)
        if known is None:
            return None
        document, operation = known
        plans = self.schema.plans
        items = 0
        executed: ExecutionResult | None
        try:
            request = RequestArguments.of(
                plans.schema, operation, variables, lambda: context.viewer
            )
        except GraphQLError as refused:
            executed = ExecutionResult(data=None, errors=[refused])
        else:
            items = self.estimate(text, name, document).coerced_items(request.variables)
            if items > self.limits.max_items:
                refusal = too_many_items(items, self.limits.max_items)
                executed = ExecutionResult(data=None, errors=[refusal])
            else:
                executed = await run_request(plans, text, document, operation, request, context)
                if executed is None:
                    return None
        result: dict[str, Any] = {"data": executed.data}
        if executed.errors:
            self.schema.process_errors(executed.errors)
            result["errors"] = [shown(error) for error in executed.errors]
        record_execution(operation, context.statements, items, context.database_seconds)
        result["extensions"] = {
            "cost": {
                "statements": context.statements,
                "roundTrips": context.round_trips,
                **item_cost(items, self.limits),
            }
        }
        return result

    def estimate(self, text: str, name: str | None, document: DocumentNode) -> ItemEstimate:
        estimate = self._estimates.get((text, name))
        if estimate is None:
            if len(self._estimates) >= ESTIMATES_KEPT:
                self._estimates.clear()
            estimate = ItemEstimate(self.schema.graphql_schema, document, name, self.limits)
            self._estimates[text, name] = estimate
        return estimate


def shown(error: GraphQLError) -> GraphQLFormattedError:
    return masked(error).formatted if is_unexpected(error) else error.formatted
