"""Builds the Strawberry schema with its limits and error policy."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import strawberry
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError, GraphQLSchema, get_operation_ast
from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from core.errors import BadUserInput, PeergraphError
from core.request_limits import RequestLimits
from resolvers.compiler.execute import run_query
from resolvers.compiler.plans import Plans
from resolvers.compiler.readback import ReadBacks, read_back_execution
from resolvers.compiler.roots import compile_rules
from resolvers.context import Context
from resolvers.derived.graph import neighborhood_fields, slice_fields
from resolvers.derived.researcher import (
    claim_status_name,
    recommendation_reasons,
    trust_fields,
    verification_level_name,
)
from resolvers.request_record import current_request_id, record_error, record_execution
from schema.account import AccountMutation
from schema.claims import ClaimMutation, ClaimQuery
from schema.cost import estimate_items
from schema.documents import Documents, PreparedDocuments
from schema.explore import ExploreQuery
from schema.follow import FollowMutation
from schema.invitations import InvitationMutation
from schema.profile import ProfileMutation
from schema.query import Query
from schema.search import SearchQuery
from schema.viewer import ViewerQuery

logger = logging.getLogger("peergraph.errors")
MASKED = "Unexpected error."

# Each feature module contributes its own root fields; they merge into one Query and
# one Mutation.
ROOT_TYPES: tuple[type, ...] = (
    Query,
    ExploreQuery,
    SearchQuery,
    ViewerQuery,
    ClaimQuery,
)
MUTATION_TYPES: tuple[type, ...] = (
    AccountMutation,
    FollowMutation,
    ClaimMutation,
    ProfileMutation,
    InvitationMutation,
)


def is_unexpected(error: GraphQLError) -> bool:
    """Errors raised by our code on purpose, and GraphQL's own about a document or its
    variables, carry a code and reach the client as they are. Anything else is ours to
    fix: an exception, or GraphQL's complaint about a value we returned (a null in a
    non-null field) on either request path."""
    original = error.original_error
    if original is not None and not isinstance(original, GraphQLError):
        return True
    return "code" not in (error.extensions or {})


def masked(error: GraphQLError) -> GraphQLError:
    """What the client sees of an unexpected error: its place, a code, and the request id
    that finds its traceback in the logs."""
    extensions: dict[str, Any] = {"code": PeergraphError.code}
    request_id = current_request_id()
    if request_id is not None:
        extensions["requestId"] = request_id
    return GraphQLError(MASKED, nodes=error.nodes, path=error.path, extensions=extensions)


class MaskUnexpected(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=is_unexpected, error_message=MASKED)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        return masked(error)


def too_many_items(items: int, limit: int) -> BadUserInput:
    return BadUserInput(
        f"this request could return up to {items:,} items, more than the limit of {limit:,};"
        " ask for smaller pages (first) or fewer nested lists"
    )


def item_cost(items: int, limits: RequestLimits) -> dict[str, int]:
    """What `extensions.cost` says of the item limit, on answers and refusals alike."""
    return {"estimatedItems": items, "maxItems": limits.max_items}


class RequestCost(SchemaExtension):
    """Refuses requests that could return too many items before any statement runs, and
    reports what a request cost so clients can see it."""

    def __init__(self, *, schema: GraphQLSchema, limits: RequestLimits) -> None:
        self.schema = schema
        self.limits = limits
        self.items = 0

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None:
            self.items = estimate_items(
                self.schema,
                context.graphql_document,
                context.operation_name,
                context.variables or {},
                self.limits,
            )
        if self.items > self.limits.max_items:
            context.result = GraphQLExecutionResult(
                data=None, errors=[too_many_items(self.items, self.limits.max_items)]
            )
        yield

    def get_results(self) -> dict[str, Any]:
        execution = self.execution_context
        context = execution.context
        counted = isinstance(context, Context)
        statements = context.statements if counted else 0
        document = execution.graphql_document
        operation = None
        if document is not None:
            operation = get_operation_ast(document, execution.operation_name)
        record_execution(
            operation, statements, self.items, context.database_seconds if counted else 0.0
        )
        return {
            "cost": {
                "statements": statements,
                "roundTrips": context.round_trips if counted else 0,
                **item_cost(self.items, self.limits),
            }
        }


class CompiledQueries(SchemaExtension):
    """Runs a query as one compiled statement per root field; mutations go on to
    graphql-core's executor."""

    def __init__(self, *, plans: Plans) -> None:
        self.plans = plans

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if context.result is None and document is not None and context.query is not None:
            request_context = context.context
            operation = get_operation_ast(document, context.operation_name)
            if operation is not None and isinstance(request_context, Context):
                context.result = await run_query(
                    self.plans,
                    context.query,
                    document,
                    operation,
                    context.variables or {},
                    request_context,
                )
        yield


DERIVED: dict[str, Callable[[Any], Any]] = {
    "GraphSlice": slice_fields,
    "Neighborhood": neighborhood_fields,
    "RecommendedCollaborator.reasons": recommendation_reasons,
    "Researcher.trust": trust_fields,
    "Researcher.verificationLevel": verification_level_name,
    "Researcher.claimStatus": claim_status_name,
}


class PeergraphSchema(strawberry.Schema):
    plans: Plans  # the compiled plans of the queries it has seen
    documents: Documents  # the documents it has parsed and validated

    @property
    def graphql_schema(self) -> GraphQLSchema:
        """graphql-core's schema, which Strawberry keeps in a private attribute: read here
        and nowhere else."""
        return self._schema

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            unexpected = is_unexpected(error)
            record_error(error, unexpected)
            if unexpected:
                request_id = current_request_id()
                logger.error(
                    "unexpected error (request %s) at %s: %s",
                    request_id,
                    error.path,
                    error.message,
                    exc_info=error.original_error,
                    extra={"request_id": request_id},
                )
            elif isinstance(error.original_error, PeergraphError):
                logger.info("%s: %s", error.original_error.code, error.message)


def build_schema(limits: RequestLimits, *, introspection: bool) -> PeergraphSchema:
    plans = Plans(compile_rules(DERIVED), limits)
    read_backs = ReadBacks(plans)
    schema = PeergraphSchema(
        query=merge_types("Query", ROOT_TYPES),
        mutation=merge_types("Mutation", MUTATION_TYPES),
        execution_context_class=read_back_execution(read_backs),
        extensions=[
            lambda: PreparedDocuments(documents=schema.documents),
            MaskUnexpected,
            lambda: RequestCost(schema=schema.graphql_schema, limits=limits),
            lambda: CompiledQueries(plans=plans),
        ],
    )
    schema.plans = plans
    schema.documents = Documents(
        schema.graphql_schema,
        max_tokens=limits.max_tokens,
        max_depth=limits.max_depth,
        max_aliases=limits.max_aliases,
        introspection=introspection,
    )
    plans.schema = schema.graphql_schema
    return schema
