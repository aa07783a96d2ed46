"""Rules for the fields of researchers, works, topics and institutions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graphql import GraphQLObjectType

from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import (
    Compilation,
    Compiled,
    Derive,
    ParameterRef,
    Rule,
    Scope,
    global_id,
)
from resolvers.compiler.connections import Items, connection, page_size
from resolvers.compiler.cypher import Template
from resolvers.compiler.shape import list_shape
from resolvers.compiler.where import Criteria, Predicate, criteria_of, shape_of, value_at


def node_id(c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType) -> Compiled:
    return Compiled(f"{scope['this']}.key", global_id(type_.name))


# Works

WORK_ORDER = {"year": "year", "citedByCount": "citedByCount", "title": "title"}


def works_order(c: Compilation, selected: Selected, variable: str) -> str:
    order = c.order(selected)
    field = "year" if order is None else WORK_ORDER[order[0]]
    direction = "DESC" if order is None or order[1] == "desc" else "ASC"
    ties = f"{variable}.publishedOn {direction}, " if field == "year" else ""
    return f"{variable}.{field} IS NULL, {variable}.{field} {direction}, {ties}{variable}.key"


def where_criteria(selected: Selected) -> Criteria:
    """The criteria the field's `where` input declares."""
    assert selected.definition is not None
    return criteria_of(selected.definition.args["where"].type)


def where_predicate(
    c: Compilation, selected: Selected, variable: str, parent: tuple[str, str] | None = None
) -> str:
    """`parent`: (label, variable) of the node the candidates hang off."""
    criteria = where_criteria(selected)
    where = c.statement.fact(
        c.arguments(selected),
        "where",
        lambda arguments: shape_of(arguments.get("where"), criteria),
    )
    if where is None:
        return "true"
    current = c.statement.request.of_source(c.arguments(selected))["where"]

    def bind(path: tuple[str | int, ...], convert: Callable[[Any], Any]) -> str:
        return c.parameter(selected, lambda arguments: convert(value_at(arguments["where"], path)))

    return Predicate(criteria, variable, bind, c.variable, parent).text(current)


def works_under(heads: Mapping[str, Template]) -> Rule:
    """Works hanging off a parent: `heads[parent type]` matches them as `{w}` from `{this}`."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        work = c.variable("w")
        items = Items(
            head=c.bind(this=scope["this"], w=work)(heads[type_.name]),
            variable=work,
            order=works_order(c, selected, work),
            predicate=where_predicate(c, selected, work, (type_.name, scope["this"])),
        )
        return connection(c, scope, selected, items, type_.name)

    return rule


def works_by_year_under(heads: Mapping[str, Template]) -> Rule:
    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        work, year, count = c.variable("w"), c.variable("year"), c.variable("works")
        predicate = where_predicate(c, selected, work)
        text, shape = c.project(
            {"year": year, "works": count},
            c.object_type("YearCount"),
            selected.selection_sets(),
        )
        head = c.bind(this=scope["this"], w=work)(heads[type_.name])
        expression = (
            f"COLLECT {{ {head} WITH {work} "
            f"WHERE {predicate} AND {work}.year IS NOT NULL "
            f"WITH {work}.year AS {year}, count({work}) AS {count} "
            f"ORDER BY {year} DESC LIMIT {c.cap(selected)} "
            f"WITH {year}, {count} ORDER BY {year} "
            f"WITH {year}, {count}, {text} AS item RETURN item }}"
        )
        return Compiled(expression, list_shape(shape, "YearCount", True))

    return rule


# How the works of a researcher, topic or institution (`HasWorks`) hang off it.
HAS_WORKS = {
    "Researcher": Template("MATCH ({this})-[:AUTHORED]->({w}:Work)"),
    "Topic": Template("MATCH ({this})<-[:ABOUT]-({w}:Work)"),
    "Institution": Template("MATCH ({this})<-[:AFFILIATION]-({x}:Work) WITH DISTINCT {x} AS {w}"),
}
works = works_under(HAS_WORKS)
works_by_year = works_by_year_under(HAS_WORKS)
all_works_by_year = works_by_year_under({"Query": Template("MATCH ({w}:Work)")})
# One CITES per citing and cited work: the importer and the generator keep them unique.
references = works_under({"Work": Template("MATCH ({this})-[:CITES]->({w}:Work)")})
cited_by = works_under({"Work": Template("MATCH ({this})<-[:CITES]-({w}:Work)")})


# Researchers under a parent

RESEARCHER_ORDER = {
    "name": Template("{r}.name"),
    "worksCount": Template("COUNT { ({r})-[:AUTHORED]->() }"),
}


def researchers_order(c: Compilation, order: tuple[str, str], variable: str) -> str:
    """An orderBy on researchers, ties by key."""
    direction = "DESC" if order[1] == "desc" else "ASC"
    value = c.bind(r=variable)(RESEARCHER_ORDER[order[0]])
    return f"{value} {direction}, {variable}.key"


def researchers_under(template: Template) -> Rule:
    """Without orderBy, the researchers with most works under the parent come first."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        researcher = c.variable("r")
        relevance = c.variable("relevance")
        order = c.order(selected)
        if order is None:
            sort = f"{relevance} DESC, {researcher}.key"
        else:
            sort = researchers_order(c, order, researcher)
        items = Items(
            head=c.bind(this=scope["this"], r=researcher, relevance=relevance)(template),
            variable=researcher,
            order=sort,
            predicate=where_predicate(c, selected, researcher),
            carried=f", {relevance}",
        )
        return connection(c, scope, selected, items, type_.name)

    return rule


topic_researchers = researchers_under(
    Template(
        "MATCH ({this})<-[:ABOUT]-(:Work)<-[:AUTHORED]-({x}:Researcher) "
        "WITH {x} AS {r}, count(*) AS {relevance}"
    )
)
# A profile affiliation makes a member with no works there; only works count for the order.
institution_researchers = researchers_under(
    Template(
        "CALL ({this}) { "
        "MATCH ({this})<-[{a}:AFFILIATION]-({w}:Work)<-[:AUTHORED]-({x}:Researcher) "
        "WHERE {x}.key = {a}.researcher RETURN {x}, {w} "
        "UNION ALL MATCH ({this})<-[:AFFILIATED_WITH]-({x}:Researcher) "
        "RETURN {x}, null AS {w} } "
        "WITH {x} AS {r}, count(DISTINCT {w}) AS {relevance}"
    )
)


# Single related nodes and computed values


def related_node(pattern: Template, order: Template) -> Rule:
    """At most one node along `pattern` from `{this}` to `{n}`, first in `order`."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        node = c.variable("n")
        compiled = c.node(node, selected)
        bind = c.bind(this=scope["this"], n=node)
        return Compiled(
            f"COLLECT {{ {bind(pattern)} WITH {node} ORDER BY {bind(order)} LIMIT 1 "
            f"WITH {node}, {compiled.expression} AS item RETURN item }}[0]",
            compiled.shape,
        )

    return rule


affiliation = related_node(
    Template("MATCH ({this})-[{a}:AFFILIATED_WITH]->({n}:Institution) WHERE {a}.until IS NULL"),
    Template("{a}.since DESC, {n}.key"),
)
parent_topic = related_node(
    Template("MATCH ({this})-[:SUBTOPIC_OF]->({n}:Topic)"), Template("{n}.key")
)


def count_of(pattern: Template) -> Rule:
    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        return Compiled(f"COUNT {{ {c.bind(this=scope['this'])(pattern)} }}")

    return rule


works_count = count_of(Template("({this})-[:AUTHORED]->()"))
followers_count = count_of(Template("({this})<-[:FOLLOWS]-(:User)"))
topics_count = count_of(
    Template("MATCH ({this})-[:AUTHORED]->(:Work)-[:ABOUT]->({t}:Topic) RETURN DISTINCT {t}")
)


def stats(c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType) -> Compiled:
    text, shape = c.nested(selected, scope, "ResearcherStats")
    return Compiled(text, shape)


def citation_figure(name: str) -> Rule:
    """`citations` or `hIndex`: one fragment computes both, once per researcher."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        return Compiled(
            c.value("researcher_citations", scope),
            lambda figures, path, errors: figures[name],
            shared="!citations",
        )

    return rule


citations = citation_figure("citations")
h_index = citation_figure("hIndex")


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


# Works' own lists


def authors(c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType) -> Compiled:
    """Researchers by AUTHORED, and the byline entries a source does not identify, which the
    work holds as parallel lists; `entry` is {position, name, researcher} for both (one list
    of the two, which plans and runs cheaper than a UNION subquery)."""
    researcher, entry = c.variable("r"), c.variable("a")
    authored, index = c.variable("a"), c.variable("i")
    work = scope["this"]
    limit = page_size(c, selected)
    text, shape = c.nested(
        selected, {"this": entry, "researcher": researcher, "work": work}, "Authorship"
    )
    positions, names = f"{work}.unidentifiedAuthorPositions", f"{work}.unidentifiedAuthorNames"
    identified = (
        f"[({researcher}:Researcher)-[{authored}:AUTHORED]->({work}) | "
        f"{{position: {authored}.position, name: {researcher}.name, researcher: {researcher}}}]"
    )
    unidentified = (
        f"[{index} IN range(0, size(coalesce({positions}, [])) - 1) | "
        f"{{position: {positions}[{index}], name: {names}[{index}], researcher: null}}]"
    )
    expression = (
        f"COLLECT {{ UNWIND {identified} + {unidentified} AS {entry} "
        f"WITH {entry}.researcher AS {researcher}, {entry} ORDER BY {entry}.position LIMIT {limit} "
        f"WITH {researcher}, {entry}, {text} AS item RETURN item }}"
    )
    return Compiled(expression, list_shape(shape, "Authorship", True))


def authorship_researcher(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    return c.node(scope["researcher"], selected)


def node_list(pattern: Template, order: Template, item: str) -> Rule:
    """The nodes along `pattern` from the scope's variables to `{n}`, up to the field's
    cap."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        node = c.variable("n")
        compiled = c.node(node, selected)
        bind = c.bind(**scope, n=node)
        expression = (
            f"COLLECT {{ {bind(pattern)} WITH DISTINCT {node} ORDER BY {bind(order)} "
            f"LIMIT {c.cap(selected)} "
            f"WITH {node}, {compiled.expression} AS item RETURN item }}"
        )
        return Compiled(expression, list_shape(compiled.shape, item, True))

    return rule


work_institutions = node_list(
    Template("MATCH ({this})-[:AFFILIATION]->({n}:Institution)"),
    Template("{n}.name, {n}.key"),
    "Institution",
)
authorship_institutions = node_list(
    Template(
        "MATCH ({work})-[{via}:AFFILIATION]->({n}:Institution) "
        "WHERE CASE WHEN {researcher} IS NULL THEN {via}.position = {this}.position "
        "ELSE {via}.researcher = {researcher}.key END"
    ),
    Template("{n}.name"),
    "Institution",
)


def work_topics(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    topic, about = c.variable("t"), c.variable("about")
    text, shape = c.nested(selected, {"topic": topic, "score": f"{about}.score"}, "WorkTopic")
    expression = (
        f"COLLECT {{ MATCH ({scope['this']})-[{about}:ABOUT]->({topic}:Topic) "
        f"WITH {topic}, {about} ORDER BY {about}.score DESC, {topic}.key "
        f"LIMIT {c.cap(selected)} "
        f"WITH {topic}, {about}, {text} AS item RETURN item }}"
    )
    return Compiled(expression, list_shape(shape, "WorkTopic", True))


def domains(c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType) -> Compiled:
    return Compiled(f"coalesce({scope['this']}.domains, [])")


def top_topics(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    limit = page_size(c, selected)
    return c.rows(
        "institution_top_topics",
        scope,
        ("topic", "works", "researchers", "share"),
        selected,
        limit=ParameterRef(limit),
    )
