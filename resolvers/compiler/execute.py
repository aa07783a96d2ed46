"""Running a plan: every root field's statement at once, each record shaped into `data`."""

from __future__ import annotations

import asyncio
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    execute_sync,
    located_error,
)

from resolvers.compiler.plans import Plan, Plans, Step
from resolvers.compiler.request import RequestArguments
from resolvers.compiler.shape import Bubble, null_error
from resolvers.context import Context
from resolvers.database import Row, RunStatement


async def run_request(
    plans: Plans,
    text: str,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    request: RequestArguments,
    context: Context,
) -> ExecutionResult:
    """A query operation's result through its plan."""
    try:
        plan = plans.plan(text, document, operation, request)
    except GraphQLError as error:
        return ExecutionResult(data=None, errors=[error])
    assert plan is not None, "a query always has a plan"
    return await execute(plan, request, context.query, plans.schema)


async def execute(
    plan: Plan, request: RequestArguments, query: RunStatement, schema: GraphQLSchema
) -> ExecutionResult:
    try:
        parameters = [request.parameters(step.parameters) for step in plan.steps]
    except GraphQLError as error:
        return ExecutionResult(data=None, errors=[error])
    runs = [
        settled(step, values, query) for step, values in zip(plan.steps, parameters, strict=True)
    ]
    # One root field, the usual case, needs no task of its own.
    answers = [await runs[0]] if len(runs) == 1 else await asyncio.gather(*runs)
    data: dict[str, Any] | None = {}
    errors: list[GraphQLError] = []
    for step, values, answer in zip(plan.steps, parameters, answers, strict=True):
        value = None
        if step.introspection is not None:
            introspected = execute_sync(
                schema,
                step.introspection,
                variable_values=request.variables.coerced if request.variables else None,
            )
            errors.extend(introspected.errors or ())
            value = (introspected.data or {}).get(step.key)
        elif isinstance(answer, Exception):
            errors.append(located_error(answer, [step.node], [step.key]))
        else:
            try:
                value = shape(step, values, answer, errors)
            except Bubble:
                value = None
            except GraphQLError as refused:
                errors.append(located_error(refused, [step.node], [step.key]))
        if value is None and step.non_null:
            if not isinstance(answer, Exception) and not errors:
                errors.append(null_error(f"Query.{step.key}", (None, step.key)))
            data = None
        if data is not None:
            data[step.key] = value
    return ExecutionResult(data=data, errors=errors or None)


async def settled(
    step: Step, parameters: dict[str, Any], query: RunStatement
) -> list[Row] | Exception | None:
    """The step's rows, or the error that stopped it: one failing root field leaves the
    others their answers."""
    try:
        return await run(step, parameters, query)
    except Exception as error:
        return error


async def run(step: Step, parameters: dict[str, Any], query: RunStatement) -> list[Row] | None:
    if step.statement is None:
        return None
    if step.statement.text is None:
        return []
    return await query(step.statement.text, parameters)


def shape(
    step: Step, parameters: dict[str, Any], rows: list[Row] | None, errors: list[GraphQLError]
) -> Any:
    if step.typename is not None:
        return step.typename
    statement = step.statement
    if statement is None or rows is None:
        return None
    path = (None, step.key)
    if statement.positions is None:
        if rows:
            data = rows[0]["data"]
            return None if data is None else statement.shape(data, path, errors)
        if statement.absent is not None:
            statement.absent(parameters)
        return None
    items: list[Any] = [None] * len(parameters[statement.positions])
    for found in rows[0]["data"] if rows else ():
        try:
            items[found["i"]] = statement.shape(found["data"], (path, found["i"]), errors)
        except Bubble:
            items[found["i"]] = None
    return items
