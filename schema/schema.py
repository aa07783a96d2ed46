"""Builds the Strawberry schema and the request pipeline over it."""

from __future__ import annotations

import strawberry
from graphql import GraphQLSchema
from strawberry.tools import merge_types

from core.request_limits import RequestLimits
from resolvers.compiler.plans import Plans
from resolvers.documents import CACHED_TEXT, Documents
from resolvers.pipeline import Pipeline
from schema.account import AccountMutation
from schema.claims import ClaimMutation, ClaimQuery
from schema.compiled import declare_fields
from schema.explore import ExploreQuery
from schema.follow import FollowMutation
from schema.invitations import InvitationMutation
from schema.profile import ProfileMutation
from schema.query import Query
from schema.search import SearchQuery
from schema.viewer import ViewerQuery

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


class PeergraphSchema(strawberry.Schema):
    """Strawberry's schema, for its types and resolvers; every request runs through
    `pipeline`, never through Strawberry's own execution."""

    plans: Plans  # the compiled plans of the queries it has seen
    pipeline: Pipeline

    @property
    def graphql_schema(self) -> GraphQLSchema:
        """graphql-core's schema, which Strawberry keeps in a private attribute: read here
        and nowhere else."""
        return self._schema


def root_type(name: str, types: tuple[type, ...], description: str) -> type:
    """The types merged into one named `name`, described: `merge_types` gives the type it
    makes no description, so the root type is a subclass of it that has one."""
    return strawberry.type(type(name, (merge_types(name, types),), {}), description=description)


def build_schema(limits: RequestLimits, *, introspection: bool) -> PeergraphSchema:
    plans = Plans(limits, CACHED_TEXT)
    schema = PeergraphSchema(
        query=root_type(
            "Query",
            ROOT_TYPES,
            "Reads: lookups and lists of the research graph, search, the explorer, the"
            " signed-in user and the moderators' queue of claims.",
        ),
        mutation=root_type(
            "Mutation",
            MUTATION_TYPES,
            "Writes: registering and logging in, following researchers, claims and their"
            " review, profile edits and collaboration invitations.",
        ),
    )
    declare_fields(schema, schema.graphql_schema)
    plans.schema = schema.graphql_schema
    documents = Documents(
        schema.graphql_schema,
        max_tokens=limits.max_tokens,
        max_depth=limits.max_depth,
        max_aliases=limits.max_aliases,
        introspection=introspection,
    )
    schema.plans = plans
    schema.pipeline = Pipeline(schema.graphql_schema, plans, documents, limits)
    return schema
