"""Rules any node type uses, and the fields of works, topics and institutions."""

from __future__ import annotations

from graphql import GraphQLObjectType

from core.citations import CitationFormat, CitedWork, cite
from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import (
    Compilation,
    Compiled,
    ParameterRef,
    Rule,
    Scope,
    global_id,
)
from resolvers.compiler.connections import page_size
from resolvers.compiler.cypher import Template
from resolvers.compiler.shape import list_shape


def node_id(c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType) -> Compiled:
    return Compiled(f"{scope['this']}.key", global_id(type_.name))


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


parent_topic = related_node(
    Template("MATCH ({this})-[:SUBTOPIC_OF]->({n}:Topic)"), Template("{n}.key")
)


def count_of(pattern: Template) -> Rule:
    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        return Compiled(f"COUNT {{ {c.bind(this=scope['this'])(pattern)} }}")

    return rule


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


def work_counts_by_year(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    return c.rows("work_counts_by_year", scope, ("year", "citations"), selected)


def work_citation(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    """The work in the asked format, written in Python from the fragment's record."""
    chosen = CitationFormat(
        c.statement.fact(
            c.arguments(selected), "format", lambda arguments: arguments["format"].value
        )
    )
    return c.derived(
        lambda record: cite(CitedWork.of_row(record), chosen),
        selected,
        c.value("work_citation", scope),
    )
