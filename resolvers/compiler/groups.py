"""`groupBy` on a list: its candidates (the same `where`, every page) counted by the value of
one field, in one COLLECT beside the page. A candidate with several values counts once in
the group of each; one without any, in the group whose key is null."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from graphql import GraphQLError, GraphQLObjectType

from core.bounds import GROUPS
from core.global_ids import encode_id
from core.work_type import WorkType
from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import Compilation
from resolvers.compiler.cypher import Template
from resolvers.compiler.shape import FieldShape, Path, Shaper, list_shape, object_shape


@dataclass(frozen=True)
class Grouping:
    """How an item (`{v}`) falls into groups: `values` is its one value or, with `many`, the
    list of its values; `kind` the label of nodes that are values (their key becomes a global
    id, their name the display name); `key` and `display` turn another stored value into
    the group's key and keyDisplayName. `whole`, when every node of the list's label is a
    candidate, binds each group `{g}` with its count `{n}` from the groups' degrees instead
    of reading every candidate; `bucketed`, when the candidates' buckets are kept, names the
    value among a bucket's properties, so that the buckets are counted instead."""

    values: Template
    many: bool = False
    kind: str | None = None
    key: Callable[[Any], str] = str
    display: Callable[[Any], str] = str
    whole: Template | None = None
    # the property of a WorkTally bucket (and of its works) that is the value, when one is
    bucketed: str | None = None


def _related(pattern: str, label: str) -> Template:
    return Template(f"COLLECT {{ MATCH ({{v}}){pattern}({{g}}:{label}) RETURN DISTINCT {{g}} }}")


def _ancestors_at(level: str) -> Template:
    """The topics of `level` at or above a work's topics."""
    return _related("-[:ABOUT]->(:Topic)-[:SUBTOPIC_OF*0..3]->", f"Topic {{level: '{level}'}}")


TYPE_NAMES = {member.value: member.name for member in WorkType}

WORK_GROUPINGS: Mapping[str, Grouping] = {
    "year": Grouping(Template("{v}.year"), bucketed="year"),
    "type": Grouping(
        Template("{v}.type"), key=lambda value: TYPE_NAMES.get(value, str(value)).upper()
    ),
    "venue": Grouping(Template("{v}.venue")),
    "openAccess": Grouping(
        Template("{v}.openAccess"),
        key=lambda value: "true" if value else "false",
        display=lambda value: "open access" if value else "closed access",
        bucketed="openAccess",
    ),
    # one ABOUT per work and topic: the writers merge them; `topical` is kept on each work
    "topic": Grouping(
        _related("-[:ABOUT]->", "Topic"),
        True,
        "Topic",
        whole=Template(
            "CALL () { MATCH ({g}:Topic) WITH {g}, COUNT { ({g})<-[:ABOUT]-() } AS {n} "
            "WHERE {n} > 0 RETURN {g}, {n} "
            "UNION ALL MATCH ({v}:Work) WHERE {v}.topical = false "
            "WITH count(*) AS {n} WHERE {n} > 0 RETURN null AS {g}, {n} }"
        ),
    ),
    "subfield": Grouping(_ancestors_at("subfield"), True, "Topic"),
    "field": Grouping(_ancestors_at("field"), True, "Topic"),
    "domain": Grouping(_ancestors_at("domain"), True, "Topic"),
    "institution": Grouping(_related("-[:AFFILIATION]->", "Institution"), True, "Institution"),
    "country": Grouping(
        Template(
            "COLLECT { MATCH ({v})-[:AFFILIATION]->({i}:Institution) "
            "WHERE {i}.country IS NOT NULL RETURN DISTINCT {i}.country }"
        ),
        True,
    ),
    "author": Grouping(_related("<-[:AUTHORED]-", "Researcher"), True, "Researcher"),
}

# A researcher's groups: the institutions of their current profile affiliations, and the
# topics of their works.
RESEARCHER_GROUPINGS: Mapping[str, Grouping] = {
    "institution": Grouping(
        Template(
            "COLLECT { MATCH ({v})-[{a}:AFFILIATED_WITH]->({g}:Institution) "
            "WHERE {a}.until IS NULL RETURN DISTINCT {g} }"
        ),
        True,
        "Institution",
    ),
    "country": Grouping(
        Template(
            "COLLECT { MATCH ({v})-[{a}:AFFILIATED_WITH]->({i}:Institution) "
            "WHERE {a}.until IS NULL AND {i}.country IS NOT NULL RETURN DISTINCT {i}.country }"
        ),
        True,
    ),
    "topic": Grouping(_related("-[:AUTHORED]->(:Work)-[:ABOUT]->", "Topic"), True, "Topic"),
}

# ORDER BY for each GroupOrder value: `{n}` the count, `{s}` the key's sort columns.
ORDERS = {
    "countDesc": "{n} DESC, {g} IS NULL, {s}",
    "countAsc": "{n}, {g} IS NULL, {s}",
    "keyAsc": "{g} IS NULL, {s}",
    "keyDesc": "{g} IS NULL, {s_desc}",
}


@dataclass(frozen=True)
class Buckets:
    """The kept WorkTally buckets that hold exactly a list's candidates (docs/metrics.md):
    `head` binds each as `variable`. Counts, sums and extremes of the list read them instead
    of the candidates."""

    head: str
    variable: str


class Candidates(Protocol):
    """A list's candidates: `head` binds each as `variable` (and `carried` columns),
    `predicate` keeps those of its `where`; `every`: the head matches every node of the kind;
    `buckets`: the kept buckets holding exactly them, if any."""

    @property
    def head(self) -> str: ...
    @property
    def variable(self) -> str: ...
    @property
    def carried(self) -> str: ...
    @property
    def predicate(self) -> str: ...
    @property
    def every(self) -> bool: ...
    @property
    def buckets(self) -> Buckets | None: ...


def group_by(
    c: Compilation, selected: Selected, candidates: Candidates, groupings: Mapping[str, Grouping]
) -> tuple[str, Shaper]:
    """The expression of one `groupBy` field and the shaper of its value."""

    def read(arguments: Mapping[str, Any]) -> tuple[str, str]:
        return arguments["field"].value, arguments["orderBy"].value

    field, order = c.statement.fact(c.arguments(selected), "groupBy", read)
    grouping = groupings[field]
    first = c.parameter(selected, lambda arguments: GROUPS.size(arguments))
    values = c.bind(v=candidates.variable)(grouping.values)
    group, count, all_groups, row = (c.variable(name) for name in ("g", "n", "all", "r"))
    if grouping.many:
        found = c.variable("vs")
        spread = (
            f"WITH {values} AS {found} "
            f"UNWIND CASE size({found}) WHEN 0 THEN [null] ELSE {found} END AS {group} "
        )
    else:
        spread = f"WITH {values} AS {group} "
    if grouping.kind is None:
        sort, sort_desc, key, display = group, f"{group} DESC", group, "null"
    else:
        sort = f"{group}.name, {group}.key"
        sort_desc = f"{group}.name DESC, {group}.key DESC"
        key, display = f"{group}.key", f"{group}.name"
    ordering = Template(ORDERS[order]).fill(n=count, g=group, s=sort, s_desc=sort_desc)
    item, shape = _groups(c, selected, grouping, group, count, key, display)
    buckets = candidates.buckets
    if grouping.whole is not None and candidates.every and candidates.predicate == "true":
        counted = c.bind(g=group, n=count, v=candidates.variable)(grouping.whole)
    elif grouping.bucketed is not None and buckets is not None:
        counted = (
            f"{buckets.head} WITH {buckets.variable}.{grouping.bucketed} AS {group}, "
            f"sum({buckets.variable}.works) AS {count}"
        )
    else:
        counted = (
            f"{candidates.head} WITH {candidates.variable}{candidates.carried} "
            f"WHERE {candidates.predicate} {spread}"
            f"WITH {group}, count(*) AS {count}"
        )
    expression = (
        f"COLLECT {{ {counted} "
        f"WITH collect({{g: {group}, n: {count}}}) AS {all_groups} "
        f"RETURN {{count: size({all_groups}), groups: COLLECT {{ UNWIND {all_groups} AS {row} "
        f"WITH {row}.g AS {group}, {row}.n AS {count} ORDER BY {ordering} LIMIT {first} "
        f"RETURN {item} }}}} AS value }}[0]"
    )
    return expression, shape


def _groups(
    c: Compilation,
    selected: Selected,
    grouping: Grouping,
    group: str,
    count: str,
    key: str,
    display: str,
) -> tuple[str, Shaper]:
    """The map each group is returned as, and the shaper of the `Groups` object."""
    groups_type = c.object_type("Groups")
    group_type = c.object_type("Group")
    entries = [f"k: {key}", f"d: {display}", f"c: {count}"]
    plan: list[tuple[str, str, Shaper | None]] = []
    for field in c.collector.fields(selected.selection_sets(), groups_type):
        if field.name != "groups":
            plan.append((field.key, field.name, None))
            continue
        fields: list[FieldShape] = []
        for group_field in c.collector.fields(field.selection_sets(), group_type):
            fields.append(
                _group_field(c, grouping, group, group_field, group_type, entries, len(plan))
            )
        plan.append((field.key, "groups", list_shape(object_shape(tuple(fields)), "Group", True)))
    item = "{" + ", ".join(entries) + "}"

    def shape(raw: Any, path: Path, errors: list[GraphQLError]) -> dict[str, Any]:
        found = raw or {"count": 0, "groups": []}  # no candidates: no row to collect
        result: dict[str, Any] = {}
        for key_, name, groups_shape in plan:
            if groups_shape is not None:
                result[key_] = groups_shape(found["groups"], (path, key_), errors)
            elif name == "groupsCount":
                result[key_] = found["count"]
            else:
                result[key_] = "Groups"
        return result

    return item, shape


def _group_field(
    c: Compilation,
    grouping: Grouping,
    group: str,
    selected: Selected,
    group_type: GraphQLObjectType,
    entries: list[str],
    groups_index: int,
) -> FieldShape:
    """One selected field of `Group`: read from the group's map, whose `entries` gain the
    projection of a selected `node`."""
    owner = f"Group.{selected.name}"
    if selected.name == "key":
        kind = grouping.kind
        key = grouping.key if kind is None else lambda stored: encode_id(kind, stored)
        return FieldShape(selected.key, "k", owner, False, _raw(key))
    if selected.name == "keyDisplayName":
        if grouping.kind is not None:
            return FieldShape(selected.key, "d", owner, False)
        return FieldShape(selected.key, "k", owner, False, _raw(grouping.display))
    if selected.name == "count":
        return FieldShape(selected.key, "c", owner, True)
    if selected.name == "node":
        if grouping.kind is None:
            return FieldShape(selected.key, "", owner, False, constant=None)
        kind = grouping.kind
        text, shape = c.project({"this": group}, c.object_type(kind), selected.selection_sets())
        source = f"n{groups_index}_{len(entries)}"
        entries.append(f"{source}: CASE WHEN {group} IS NULL THEN null ELSE {text} END")
        return FieldShape(selected.key, source, owner, False, shape)
    return FieldShape(selected.key, "", owner, False, constant=group_type.name)


def _raw(convert: Callable[[Any], str]) -> Shaper:
    return lambda value, path, errors: convert(value)
