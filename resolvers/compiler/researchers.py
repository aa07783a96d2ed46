"""Rules for a researcher's own fields, and the researchers of a topic or an institution."""

from __future__ import annotations

from graphql import GraphQLObjectType

from core.bounds import RECENT
from core.reads import KEPT_RESEARCHER_ORDERS
from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import (
    Compilation,
    Compiled,
    Derive,
    ParameterRef,
    Rule,
    Scope,
)
from resolvers.compiler.connections import Items, connection, page_size
from resolvers.compiler.cypher import Template
from resolvers.compiler.nodes import count_of, related_node
from resolvers.compiler.request import Arguments
from resolvers.compiler.work_lists import where_predicate

# Works, followers, citations and the h-index are kept on the node (resolvers/aggregates.py),
# where a range index orders every researcher by each.
RESEARCHER_ORDER = {
    "name": Template("{r}.name"),
    **{field: Template(f"{{r}}.{field}") for field in KEPT_RESEARCHER_ORDERS},
    "recentWorks": Template(
        "COUNT { ({r})-[:AUTHORED]->({w}:Work) WHERE {w}.year > date().year - {years} }"
    ),
}


def years_checked(arguments: Arguments) -> bool:
    """Refuses an orderBy whose years is out of bounds; a plan's fact, so read for every
    request of a document, with or without an orderBy."""
    order = arguments.get("orderBy")
    return order is None or RECENT.size(order) >= 0


def researchers_order(
    c: Compilation, selected: Selected, order: tuple[str, str], variable: str
) -> str:
    """An orderBy on researchers, ties by key."""
    direction = "DESC" if order[1] == "desc" else "ASC"
    field = order[0]
    # `years` is checked whatever the order: a value out of bounds is refused alike
    c.statement.fact(c.arguments(selected), "years", years_checked)
    if field == "recentWorks":
        years = c.parameter(selected, lambda arguments: RECENT.size(arguments["orderBy"]))
        value = c.bind(r=variable, years=years)(RESEARCHER_ORDER[field])
    else:
        value = c.bind(r=variable)(RESEARCHER_ORDER[field])
    return f"{value} {direction}, {variable}.key"


# A parent's researchers without orderBy: `{relevance}`, their works under it, first.
BY_RELEVANCE = Template("{relevance} DESC, {r}.key")
RELEVANCE = Template(", {relevance}")


def researchers_under(
    template: Template,
    kept_total: Template | None = None,
    ranking: Template = BY_RELEVANCE,
    ranked: Template = RELEVANCE,
) -> Rule:
    """Without orderBy, the researchers with most works under the parent come first, as
    `ranking` orders the `ranked` columns `template` binds beside each; `kept_total` counts
    them all, where the graph keeps that count."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        researcher = c.variable("r")
        bind = c.bind(this=scope["this"], r=researcher)
        order = c.order(selected)
        sort = bind(ranking) if order is None else researchers_order(c, selected, order, researcher)
        items = Items(
            head=bind(template),
            variable=researcher,
            order=sort,
            predicate=where_predicate(c, selected, researcher),
            carried=bind(ranked),
            kept_total=None if kept_total is None else c.bind(this=scope["this"])(kept_total),
        )
        return connection(c, scope, selected, items, type_.name)

    return rule


# Its researchers, kept (resolvers/aggregates.py) with their works about it, most first
# from the index on the kept (topic, works), as an institution's members are below: a page
# reads its own researchers, not every authorship of the topic's works.
topic_researchers = researchers_under(
    Template(
        "MATCH ({x}:Researcher)-[{s}:STUDIES]->() "
        "USING INDEX {s}:STUDIES(topic, works) "
        "WHERE {s}.topic = {this}.key AND {s}.works >= 0 "
        "WITH {x} AS {r}, {s}.topic AS {at}, {s}.works AS {relevance}"
    ),
    Template("COUNT { ({this})<-[:STUDIES]-() }"),
    Template("{at} DESC, {relevance} DESC, {r}.key"),
    Template(", {at}, {relevance}"),
)
# Its members, kept (resolvers/aggregates.py) with their works there: a profile affiliation
# makes a member with no works there. The index on the kept (institution, works) gives them
# most works first, so a page reads its members alone, not all of the institution's; ordered
# by both, as the index is, so that the planner keeps the index's order.
institution_researchers = researchers_under(
    Template(
        "MATCH ({x}:Researcher)-[{m}:MEMBER_OF]->() "
        "USING INDEX {m}:MEMBER_OF(institution, works) "
        "WHERE {m}.institution = {this}.key AND {m}.works >= 0 "
        "WITH {x} AS {r}, {m}.institution AS {at}, {m}.works AS {relevance}"
    ),
    Template("COUNT { ({this})<-[:MEMBER_OF]-() }"),
    Template("{at} DESC, {relevance} DESC, {r}.key"),
    Template(", {at}, {relevance}"),
)
affiliation = related_node(
    Template("MATCH ({this})-[{a}:AFFILIATED_WITH]->({n}:Institution) WHERE {a}.until IS NULL"),
    Template("{a}.since DESC, {n}.key"),
)
works_count = count_of(Template("({this})-[:AUTHORED]->()"))
topics_count = count_of(
    Template("MATCH ({this})-[:AUTHORED]->(:Work)-[:ABOUT]->({t}:Topic) RETURN DISTINCT {t}")
)


def stats(c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType) -> Compiled:
    text, shape = c.nested(selected, scope, "ResearcherStats")
    return Compiled(text, shape)


def kept_figure(name: str) -> Rule:
    """A figure kept on the node (resolvers/aggregates.py)."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        return Compiled(f"{scope['this']}.{name}")

    return rule


citations = kept_figure("citations")
# a follow by the record's own claimant is not a follower (researcher_standing agrees)
followers_count = kept_figure("followers")
h_index = kept_figure("hIndex")
i10_index = kept_figure("i10Index")


def two_year_mean_citedness(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    return Compiled(c.value("researcher_recent_citedness", scope))


def counts_by_year(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    return c.rows("researcher_counts_by_year", scope, ("year", "works", "citations"), selected)


def derived(derive: Derive) -> Rule:
    """A value `derive` computes in Python from the researcher's standing."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        standing = c.value("researcher_standing", scope)
        return c.derived(derive, selected, standing, shared="!standing")

    return rule


def topics_of_researcher(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    columns = ("topic", "works", "share")
    return c.rows(
        "researcher_topics", scope, columns, selected, limit=ParameterRef(page_size(c, selected))
    )


def viewer_follows(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    viewer = c.statement.viewer()
    return Compiled(f"EXISTS {{ (:User {{key: {viewer}}})-[:FOLLOWS]->({scope['this']}) }}")


def viewer_is_claimant(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    viewer = c.statement.viewer()
    claimed = "[:CLAIMED {status: 'APPROVED'}]"
    return Compiled(f"EXISTS {{ (:User {{key: {viewer}}})-{claimed}->({scope['this']}) }}")


# A merged person keeps the seed's key, and OpenAlex's ids as aliases (docs/identity.md).
OPENALEX_ID = Template(
    "CASE WHEN {r}.key =~ 'A[0-9]+' THEN {r}.key"
    " ELSE reduce(oldest = null, key IN [({a}:Alias)-[:ALIAS_OF]->({r})"
    " WHERE {a}.key =~ 'A[0-9]+' AND NOT coalesce({a}.retired, false) | {a}.key]"
    " | CASE WHEN oldest IS NULL OR size(key) < size(oldest)"
    " OR (size(key) = size(oldest) AND key < oldest) THEN key ELSE oldest END) END"
)


def openalex_id(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    return Compiled(c.bind(r=scope["this"])(OPENALEX_ID))
