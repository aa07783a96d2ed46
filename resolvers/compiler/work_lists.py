"""Lists of works: those of a researcher, topic or institution, a work's citations, and
counts by year; each ordered and filtered by `where`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graphql import GraphQLObjectType

from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import (
    Compilation,
    Compiled,
    Rule,
    Scope,
)
from resolvers.compiler.connections import Items, connection
from resolvers.compiler.cypher import Template
from resolvers.compiler.groups import Buckets
from resolvers.compiler.shape import list_shape
from resolvers.compiler.where import (
    Criteria,
    Predicate,
    bucketed,
    criteria_of,
    shape_of,
    value_at,
)

# A work's citations as docs/metrics.md counts them are kept on it (resolvers/aggregates.py).
WORK_ORDER = {
    "year": Template("{w}.year"),
    "citedByCount": Template("{w}.citedByCount"),
    "title": Template("{w}.title"),
    "citations": Template("{w}.citations"),
    "references": Template("COUNT { ({w})-[:CITES]->() }"),
}

PROPERTY_ORDERS = ("year", "citedByCount", "title")  # may be null: nulls go last


def works_order(c: Compilation, selected: Selected, variable: str) -> str:
    field, direction = order_of(c, selected)
    value = c.bind(w=variable)(WORK_ORDER[field])
    ties = f"{variable}.publishedOn {direction}, " if field == "year" else ""
    nulls_last = f"{value} IS NULL, " if field in PROPERTY_ORDERS else ""
    return f"{nulls_last}{value} {direction}, {ties}{variable}.key"


def order_of(c: Compilation, selected: Selected) -> tuple[str, str]:
    """The field a list of works is ordered by, and "ASC" or "DESC"."""
    order = c.order(selected)
    if order is None:
        return "year", "DESC"
    return order[0], "DESC" if order[1] == "desc" else "ASC"


def where_criteria(selected: Selected) -> Criteria:
    """The criteria the field's `where` input declares."""
    assert selected.definition is not None
    return criteria_of(selected.definition.args["where"].type)


def where_predicate(
    c: Compilation,
    selected: Selected,
    variable: str,
    parent: tuple[str, str] | None = None,
    anchored: str | None = None,
) -> str:
    """`parent`: (label, variable) of the node the candidates hang off; `anchored`: the
    condition at the top of the tree they start from."""
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

    return Predicate(criteria, variable, bind, c.variable, parent, anchored).text(current)


def where_buckets(c: Compilation, selected: Selected, this: str) -> Buckets | None:
    """The WorkTally buckets of `this` holding exactly the works of the field's `where`, when
    the `where` reads only what buckets are made by."""
    criteria = where_criteria(selected)
    if not c.statement.fact(
        c.arguments(selected),
        "bucketed",
        lambda arguments: bucketed(arguments.get("where"), criteria),
    ):
        return None
    bucket = c.variable("t")
    predicate = where_predicate(c, selected, bucket)
    return Buckets(f"MATCH ({this})-[:TALLIES]->({bucket}) WHERE {predicate}", bucket)


def narrowed_by_year(
    c: Compilation, selected: Selected, head: Template, buckets: Buckets, names: Mapping[str, str]
) -> Callable[[str], str] | None:
    """A page in year order that wants only the first `need` works keeps only those of the
    years they fall in: the buckets count the works of each year, so the works of years past
    the one where the count reaches `need` are left out before they are made distinct and
    sorted. `head` matches the works as HAS_WORKS does, given `{cut}`, the count reached and
    the year it was reached in, `{need}`, and `{beyond}`, how a year compares with that one."""
    field, direction = order_of(c, selected)
    if field != "year":
        return None
    bucket = buckets.variable

    def narrowed(need: str) -> str:
        year, works, years, reached, pair, cut = (
            c.variable(name) for name in ("year", "works", "years", "reached", "pair", "cut")
        )
        counted = (
            f"COLLECT {{ {buckets.head} AND {bucket}.year IS NOT NULL "
            f"WITH {bucket}.year AS {year}, sum({bucket}.works) AS {works} "
            f"ORDER BY {year} {direction} WITH collect([{works}, {year}]) AS {years} "
            f"RETURN reduce({reached} = [0, null], {pair} IN {years} | "
            f"CASE WHEN {reached}[0] >= {need} THEN {reached} "
            f"ELSE [{reached}[0] + {pair}[0], {pair}[1]] END) }}[0]"
        )
        beyond = ">=" if direction == "DESC" else "<="
        matched = c.bind(**names, cut=cut, need=f"({need})", beyond=beyond)(head)
        return f"WITH {counted} AS {cut} {matched}"

    return narrowed


def works_under(
    heads: Mapping[str, Template],
    kept_totals: Mapping[str, Template] | None = None,
    tallied: Mapping[str, Template] | None = None,
) -> Rule:
    """Works hanging off a parent: `heads[parent type]` matches them as `{w}` from `{this}`;
    `kept_totals[parent type]` counts them all, where that is kept on `{this}`; parents of
    the `tallied` types keep WorkTally buckets of their works, which `tallied[parent type]`
    narrows by year (`narrowed_by_year`)."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        work = c.variable("w")
        names = {"this": scope["this"], "w": work}
        buckets = narrowed = None
        if tallied and type_.name in tallied:
            buckets = where_buckets(c, selected, scope["this"])
            if buckets is not None:
                narrowed = narrowed_by_year(c, selected, tallied[type_.name], buckets, names)
        items = Items(
            head=c.bind(**names)(heads[type_.name]),
            variable=work,
            order=works_order(c, selected, work),
            predicate=where_predicate(c, selected, work, (type_.name, scope["this"])),
            kept_total=(
                c.bind(this=scope["this"])(kept_totals[type_.name])
                if kept_totals and type_.name in kept_totals
                else None
            ),
            buckets=buckets,
            narrowed=narrowed,
        )
        return connection(c, scope, selected, items, type_.name)

    return rule


def works_by_year_under(heads: Mapping[str, Template], tallied: tuple[str, ...] = ()) -> Rule:
    """Counts by year of the works `heads` match, from their WorkTally buckets under parents
    of the `tallied` types when the `where` allows."""

    def rule(
        c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
    ) -> Compiled:
        work, year, count = c.variable("w"), c.variable("year"), c.variable("works")
        buckets = where_buckets(c, selected, scope["this"]) if type_.name in tallied else None
        if buckets is None:
            predicate = where_predicate(c, selected, work)
            head = c.bind(this=scope["this"], w=work)(heads[type_.name])
            counted = (
                f"{head} WITH {work} WHERE {predicate} AND {work}.year IS NOT NULL "
                f"WITH {work}.year AS {year}, count({work}) AS {count}"
            )
        else:
            bucket = buckets.variable
            counted = (
                f"{buckets.head} AND {bucket}.year IS NOT NULL "
                f"WITH {bucket}.year AS {year}, sum({bucket}.works) AS {count}"
            )
        text, shape = c.project(
            {"year": year, "works": count},
            c.object_type("YearCount"),
            selected.selection_sets(),
        )
        expression = (
            f"COLLECT {{ {counted} "
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
# The parents that keep WorkTally buckets of their works, and their works in the years from
# `{cut}[1]` on (`narrowed_by_year`), unless the count `{cut}[0]` fell short of `{need}`.
TALLIED = {
    "Topic": Template(
        "MATCH ({this})<-[:ABOUT]-({w}:Work) WHERE {cut}[0] < {need} OR {w}.year {beyond} {cut}[1]"
    ),
    "Institution": Template(
        "MATCH ({this})<-[:AFFILIATION]-({x}:Work) "
        "WHERE {cut}[0] < {need} OR {x}.year {beyond} {cut}[1] WITH DISTINCT {x} AS {w}"
    ),
}
works = works_under(HAS_WORKS, {"Institution": Template("{this}.worksCount")}, TALLIED)
works_by_year = works_by_year_under(HAS_WORKS, tuple(TALLIED))
all_works_by_year = works_by_year_under({"Query": Template("MATCH ({w}:Work)")})
# One CITES per citing and cited work: the importer and the generator keep them unique.
references = works_under({"Work": Template("MATCH ({this})-[:CITES]->({w}:Work)")})
cited_by = works_under({"Work": Template("MATCH ({this})<-[:CITES]-({w}:Work)")})
