"""`aggregate` on a list of works: the sum, average, least and greatest of numbers of its
candidates (the same `where`, every page), in one COLLECT beside the page; from the kept
buckets that hold them when the list has some and every number asked is kept there."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError

from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import Compilation
from resolvers.compiler.cypher import Template
from resolvers.compiler.groups import Buckets, Candidates
from resolvers.compiler.shape import Path, Shaper

# The number each field of WorkAggregate reads of a work; citations are kept on it.
WORK_NUMBERS = {"citedByCount": "citedByCount", "citations": "citations", "year": "year"}
# IntStats' fields, as the statement names them.
STATS = {"sum": "s", "average": "a", "min": "lo", "max": "hi"}
NO_ITEMS = {"s": 0, "a": None, "lo": None, "hi": None}
# Each number's stats from WorkTally buckets `{t}`: its sum, how many works have it, least
# and greatest.
BUCKETED = {
    "citedByCount": ("{t}.citedSum", "{t}.cited", "{t}.citedMin", "{t}.citedMax"),
    "year": (
        "{t}.year * {t}.works",
        "CASE WHEN {t}.year IS NULL THEN 0 ELSE {t}.works END",
        "{t}.year",
        "{t}.year",
    ),
}


def aggregate(c: Compilation, selected: Selected, candidates: Candidates) -> tuple[str, Shaper]:
    """The expression of one `aggregate` field and the shaper of its value."""
    aggregate_type, stats_type = c.object_type("WorkAggregate"), c.object_type("IntStats")
    numbers: dict[str, str] = {}  # property -> the statement's name for its stats
    plan: list[tuple[str, str | None, list[tuple[str, str | None]]]] = []
    for field in c.collector.fields(selected.selection_sets(), aggregate_type):
        if field.name not in WORK_NUMBERS:
            plan.append((field.key, None, []))
            continue
        number = WORK_NUMBERS[field.name]
        source = numbers.setdefault(number, f"x{len(numbers)}")
        stats = [
            (stat.key, STATS.get(stat.name))
            for stat in c.collector.fields(field.selection_sets(), stats_type)
        ]
        plan.append((field.key, source, stats))
    buckets = candidates.buckets
    if buckets is not None and set(numbers) <= set(BUCKETED):
        expression = _from_buckets(c, buckets, numbers)
    else:
        expression = _from_candidates(candidates, numbers)

    def shape(raw: Any, path: Path, errors: list[GraphQLError]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, source, stats in plan:
            if source is None:
                result[key] = "WorkAggregate"
                continue
            found = (raw or {}).get(source) or NO_ITEMS
            result[key] = {
                stat_key: "IntStats" if name is None else found[name] for stat_key, name in stats
            }
        return result

    return expression, shape


def _from_candidates(candidates: Candidates, numbers: dict[str, str]) -> str:
    variable = candidates.variable
    values = ", ".join(f"{variable}.{number} AS {name}" for number, name in numbers.items())
    summed = ", ".join(
        f"{name}: {{s: sum({name}), a: avg({name}), lo: min({name}), hi: max({name})}}"
        for name in numbers.values()
    )
    return (
        f"COLLECT {{ {candidates.head} WITH {variable}{candidates.carried} "
        f"WHERE {candidates.predicate} WITH {values or 'null AS x'} "
        f"RETURN {{{summed}}} AS value }}[0]"
    )


def _from_buckets(c: Compilation, buckets: Buckets, numbers: dict[str, str]) -> str:
    bind = c.bind(t=buckets.variable)
    columns, stats = [], []
    for number, name in numbers.items():
        total, present, least, greatest = (bind(Template(text)) for text in BUCKETED[number])
        columns.append(
            f"sum({total}) AS {name}s, sum({present}) AS {name}n, "
            f"min({least}) AS {name}lo, max({greatest}) AS {name}hi"
        )
        average = f"CASE {name}n WHEN 0 THEN null ELSE toFloat({name}s) / {name}n END"
        stats.append(f"{name}: {{s: {name}s, a: {average}, lo: {name}lo, hi: {name}hi}}")
    return (
        f"COLLECT {{ {buckets.head} WITH {', '.join(columns) or 'null AS x'} "
        f"RETURN {{{', '.join(stats)}}} AS value }}[0]"
    )
