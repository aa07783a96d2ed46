"""Rules for the profile's collaboration panels: collaborators, recommendations and the
shortest co-authorship path to another researcher."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLObjectType

from core.bounds import HOPS, WORKS_PER_COLLABORATOR
from core.collaboration import recommendation_parameters, strength_parameters
from core.errors import BadUserInput
from core.global_ids import decode_id
from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import Compilation, Compiled, Derive, ParameterRef, Rule, Scope
from resolvers.compiler.connections import page_size
from resolvers.compiler.shape import Path, list_shape


def close_collaborators(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    return Compiled(c.value("close_collaborators", scope, **strength_parameters(c.limits)))


def collaborators(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    per_collaborator = c.parameter(selected, WORKS_PER_COLLABORATOR.size)
    return c.rows(
        "collaborators",
        scope,
        ("researcher", "sharedWorks", "strength", "firstYear", "lastYear", "close", "works"),
        selected,
        limit=ParameterRef(page_size(c, selected)),
        worksPerCollaborator=ParameterRef(per_collaborator),
        **strength_parameters(c.limits),
    )


def recommended_collaborators(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    return c.rows(
        "recommended_collaborators",
        scope,
        ("researcher", "score", "sharedCoauthors", "sharedTopics", "reasons"),
        selected,
        limit=ParameterRef(page_size(c, selected)),
        **recommendation_parameters(c.limits),
    )


def derived_column(name: str, derive: Derive) -> Rule:
    """A column of the row whose value `derive` turns into the field's in Python."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        return c.derived(derive, selected, scope[name])

    return rule


SAME = "!same"  # not a GraphQL name: no alias can collide with it


def path_from(c: Compilation, source: str, selected: Selected, target: str) -> Compiled:
    """The shortest co-authorship chain from the node `source` to the key `target`."""
    hops = c.parameter(selected, HOPS.size)
    end, chain, path = c.variable("b"), c.variable("chain"), c.variable("p")
    text, shape = c.nested(selected, {"chain": chain}, "CollaborationPath")
    expression = (
        f"COLLECT {{ MATCH ({end}:Researcher {{key: {target}}}) WHERE {end} <> {source} "
        f"MATCH {path} = shortestPath(({source})-[:AUTHORED*..12]-({end})) "
        f"WITH {path} WHERE length({path}) <= 2 * {hops} WITH nodes({path}) AS {chain} "
        f"WITH {chain}, {text} AS item RETURN item }}[0]"
    )
    return Compiled(expression, shape)


def collaboration_path(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    target = c.parameter(selected, lambda arguments: decode_id(arguments["to"], "Researcher")[1])
    found = path_from(c, scope["this"], selected, target)
    assert found.shape is not None
    path_shape = found.shape

    def shape(raw: Any, path: Path, errors: Any) -> Any:
        if SAME in raw:
            raise BadUserInput("from and to are the same researcher")
        return path_shape(raw, path, errors)

    return Compiled(
        f"CASE WHEN {scope['this']}.key = {target} THEN {{`{SAME}`: true}} "
        f"ELSE {found.expression} END",
        shape,
    )


def path_length(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    return Compiled(f"size({scope['chain']}) / 2")


def path_hops(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    index, source, work, target = (c.variable(name) for name in ("i", "s", "w", "t"))
    text, shape = c.nested(
        selected, {"source": source, "work": work, "target": target}, "CollaborationHop"
    )
    chain = scope["chain"]
    return Compiled(
        f"COLLECT {{ UNWIND range(0, size({chain}) - 3, 2) AS {index} "
        f"WITH {chain}[{index}] AS {source}, {chain}[{index} + 1] AS {work}, "
        f"{chain}[{index} + 2] AS {target} "
        f"WITH {source}, {work}, {target}, {text} AS item RETURN item }}",
        list_shape(shape, "CollaborationHop", True),
    )
