"""Rules for what the graph explorer draws: a node's slice of the graph, and its
neighbours page by page."""

from __future__ import annotations

from graphql import GraphQLObjectType

from core.bounds import DEPTH, LIMIT_PER_KIND
from core.global_ids import NEIGHBORS, after_offset, decode_id
from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import Compilation, Compiled, ParameterRef, Scope
from resolvers.compiler.connections import page_size
from resolvers.derived import graph


def graph_slice(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    limits = c.limits
    depth = c.parameter(selected, DEPTH.size)
    limit = c.parameter(selected, LIMIT_PER_KIND.size)
    expression = c.value(
        "graph_slice",
        scope,
        depth=ParameterRef(depth),
        limit=ParameterRef(limit),
        scan=limits.fanout_center,
        scanPerNeighbor=limits.fanout_per_neighbor,
    )
    return c.derived(graph.slice_fields, selected, expression)


def neighbors(c: Compilation, scope: Scope, selected: Selected) -> Compiled:
    kinds = c.parameter(
        selected,
        lambda arguments: (
            [kind.value for kind in arguments["kinds"]]
            if arguments.get("kinds") is not None
            else ["Researcher", "Work", "Topic", "Institution"]
        ),
    )
    offset = c.parameter(
        selected,
        lambda arguments: after_offset(
            arguments.get("after"), NEIGHBORS, decode_id(arguments["id"])[1]
        ),
    )
    expression = c.value(
        "neighbors",
        scope,
        kinds=ParameterRef(kinds),
        offset=ParameterRef(offset),
        limit=ParameterRef(page_size(c, selected)),
        scan=c.limits.fanout_center,
    )
    return c.derived(graph.neighborhood_fields, selected, expression)
