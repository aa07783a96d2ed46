"""Builds the Strawberry schema and the request pipeline over it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLSchema
from strawberry.tools import merge_types

from core.request_limits import RequestLimits
from resolvers.compiler.plans import Plans
from resolvers.compiler.roots import compile_rules
from resolvers.derived.graph import neighborhood_fields, slice_fields
from resolvers.derived.researcher import (
    claim_status_name,
    recommendation_reasons,
    trust_fields,
    verification_level_name,
)
from resolvers.documents import Documents
from resolvers.pipeline import Pipeline
from schema.account import AccountMutation
from schema.claims import ClaimMutation, ClaimQuery
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


DERIVED: dict[str, Callable[[Any], Any]] = {
    "GraphSlice": slice_fields,
    "Neighborhood": neighborhood_fields,
    "RecommendedCollaborator.reasons": recommendation_reasons,
    "Researcher.trust": trust_fields,
    "Researcher.verificationLevel": verification_level_name,
    "Researcher.claimStatus": claim_status_name,
}


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


def build_schema(limits: RequestLimits, *, introspection: bool) -> PeergraphSchema:
    plans = Plans(compile_rules(DERIVED), limits)
    schema = PeergraphSchema(
        query=merge_types("Query", ROOT_TYPES),
        mutation=merge_types("Mutation", MUTATION_TYPES),
    )
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
