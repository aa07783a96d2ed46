"""Rules for the signed-in user's own lists, claims and invitations."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLObjectType

from core.errors import Unauthenticated
from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import (
    Compilation,
    Compiled,
    NoStatement,
    Pin,
    RootStatement,
    Rule,
    Scope,
    global_id,
    leaf_shape,
)
from resolvers.compiler.connections import Items, connection, page_size
from resolvers.compiler.cypher import Template
from resolvers.compiler.request import VIEWER
from resolvers.compiler.shape import Path, list_shape
from resolvers.conditions import ACCOUNT_EXISTS, MODERATORS_ONLY, enforce


def account_gone(parameters: dict[str, Any]) -> None:
    raise Unauthenticated(ACCOUNT_EXISTS.message)


def viewer(c: Compilation, selected: Selected) -> RootStatement:
    if not c.statement.signed_in():
        raise NoStatement
    user = c.variable("u")
    c.pins[user] = Pin(VIEWER, lambda values: values["viewer"])
    text, shape = c.project({"this": user}, c.object_type("Viewer"), selected.selection_sets())
    return RootStatement(
        f"MATCH ({user}:User {{key: {c.statement.viewer()}}}) WITH {user}, {text} AS data "
        "RETURN data",
        shape,
        absent=account_gone,
    )


def claims_queue(c: Compilation, selected: Selected) -> RootStatement:
    """Moderators only: claims with a status, oldest first."""
    moderator = c.statement.viewer(required=True)
    status = c.parameter(
        selected,
        lambda arguments: None if arguments["status"] is None else arguments["status"].value,
    )
    user, claim, researcher, claimant = (c.variable(name) for name in ("m", "c", "r", "u"))
    text, item_shape = c.project(
        {"this": claim, "researcher": researcher, "claimant": claimant},
        c.object_type("Claim"),
        selected.selection_sets(),
    )
    items = list_shape(item_shape, "Claim", True)

    def shape(raw: Any, path: Path, errors: Any) -> Any:
        enforce(raw, (ACCOUNT_EXISTS, MODERATORS_ONLY))
        return items(raw["items"], path, errors)

    return RootStatement(
        f"OPTIONAL MATCH ({user}:User {{key: {moderator}}}) "
        f"WITH {user}, {{signedIn: {user} IS NOT NULL, "
        f"moderator: coalesce({user}.role = 'moderator', false), "
        f"items: CASE WHEN {user}.role = 'moderator' THEN COLLECT {{ "
        f"MATCH ({claimant}:User)-[{claim}:CLAIMED]->({researcher}:Researcher) "
        f"WHERE {status} IS NULL OR {claim}.status = {status} "
        f"WITH {claimant}, {claim}, {researcher} ORDER BY {claim}.at, {claim}.key "
        f"LIMIT {page_size(c, selected)} "
        f"WITH {claimant}, {claim}, {researcher}, {text} AS item RETURN item }} ELSE [] END}} "
        "AS data RETURN data",
        shape,
    )


FOLLOWED = Template(
    "MATCH ({this})-[{f}:FOLLOWS]->({x}:Researcher) WITH {x} AS {r}, {f}.at AS {at}"
)


def following(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    researcher, at = c.variable("r"), c.variable("at")
    items = Items(
        head=c.bind(this=scope["this"], r=researcher, at=at)(FOLLOWED),
        variable=researcher,
        order=f"{at} DESC, {researcher}.key",
        carried=f", {at}",
    )
    return connection(c, scope, selected, items, type_.name)


def viewer_claims(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    claim, researcher = c.variable("c"), c.variable("r")
    text, shape = c.project(
        {"this": claim, "researcher": researcher, "claimant": scope["this"]},
        c.object_type("Claim"),
        selected.selection_sets(),
    )
    return Compiled(
        f"COLLECT {{ MATCH ({scope['this']})-[{claim}:CLAIMED]->({researcher}:Researcher) "
        f"WITH {claim}, {researcher} ORDER BY {claim}.at DESC, {claim}.key "
        f"LIMIT {page_size(c, selected)} "
        f"WITH {claim}, {researcher}, {text} AS item RETURN item }}",
        list_shape(shape, "Claim", True),
    )


def invitations(match: Template) -> Rule:
    """Invitations `match` finds from the user `{me}` as `{i}`, with the researcher `{to}`
    and the sender `{sender}`: newest first."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        invitation, to, sender = c.variable("i"), c.variable("to"), c.variable("from")
        status = c.parameter(
            selected,
            lambda arguments: None if arguments["status"] is None else arguments["status"].value,
        )
        items = Items(
            head=c.bind(me=scope["this"], i=invitation, to=to, sender=sender)(match),
            variable=invitation,
            order=f"{invitation}.createdAt DESC, {invitation}.key",
            predicate=f"({status} IS NULL OR {invitation}.status = {status})",
            carried=f", {to}, {sender}",
            columns=(("to", to), ("from", sender)),
        )
        return connection(c, scope, selected, items, type_.name)

    return rule


received_invitations = invitations(
    Template(
        "MATCH ({me})-[:CLAIMED {status: 'APPROVED'}]->({r}:Researcher)<-[:TO]-"
        "({x}:Invitation)<-[:SENT]-({s}:User) WITH {x} AS {i}, {r} AS {to}, {s} AS {sender}"
    )
)
sent_invitations = invitations(
    Template(
        "MATCH ({me})-[:SENT]->({x}:Invitation)-[:TO]->({r}:Researcher) "
        "WITH {x} AS {i}, {r} AS {to}, {me} AS {sender}"
    )
)


def evidence(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    text, shape = c.nested(selected, scope, "ClaimEvidence")
    return Compiled(text, shape)


def institutional_email(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    """Only the claimant sees the address given; moderators see its domain."""
    return Compiled(
        f"CASE WHEN {scope['claimant']}.key = {c.statement.viewer()} "
        f"THEN {scope['this']}.institutionalEmail END"
    )


def moment(property_: str) -> Rule:
    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        assert selected.definition is not None
        return Compiled(f"{scope['this']}.{property_}", leaf_shape(selected.definition.type))

    return rule


requested_at = moment("at")


def user_id(c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType) -> Compiled:
    return Compiled(f"{scope['this']}.key", global_id("User"))
