"""`where` trees as Cypher predicates: AND, OR and NOT of conditions on one variable.

`{}` and an empty AND match everything, an empty OR matches nothing, and NOT of
what matches everything matches nothing. A condition on a missing property is false,
so under NOT it is true. Values are parameters; only the tree's shape is text.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import GraphQLInputObjectType, GraphQLInputType, get_named_type

from core.errors import BadUserInput
from core.global_ids import decode_id
from core.request_limits import RequestLimits
from core.work import Expression, GraphStatistics, Most, Rows
from resolvers.compiler.cypher import Binding, Template
from resolvers.compiler.declaration import declaration_of

MAX_CONDITIONS = 64
NO_ROWS = Rows(0)
Path = tuple[str | int, ...]
# Binds a value found at a path of the where tree; returns the `$parameter`.
Bind = Callable[[Path, Callable[[Any], Any]], str]


@dataclass(frozen=True)
class Criterion:
    """What one input field of a `where` means, declared on the field (schema/filters.py):
    its Cypher, with `{v}` for the variable and `{p}` for the value."""

    text: str
    convert: Callable[[Any], Any] = lambda value: value
    # the label of the node the value names, when every match hangs off that node
    names: str | None = None
    # the rows it reads for each candidate it tests (a look at a property reads none), and
    # for all the nodes of the kind together: the candidates of one list read no more
    work: Expression = NO_ROWS
    total: Expression = NO_ROWS
    # it reads only what a work's WorkTally bucket is made by, which every work there shares
    bucketed: bool = False
    template: Template = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "template", Template(self.text))


Criteria = Mapping[str, Criterion]  # by input field, in the input's order


def criteria_of(where: GraphQLInputType) -> Criteria:
    """The criteria a `where` input's fields declare."""
    input_type = get_named_type(where)
    assert isinstance(input_type, GraphQLInputObjectType)
    found = {}
    for name, input_field in input_type.fields.items():
        criterion = declaration_of(input_field).criterion
        if criterion is not None:
            found[name] = criterion
    return found


def global_key(kind: str) -> Callable[[Any], str]:
    return lambda value: decode_id(value, expected=kind)[1]


def lowered(value: Any) -> str:
    return str(value).lower()


def enum_values(values: Any) -> list[Any]:
    return [value.value for value in values]


def not_negative(name: str) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if value < 0:
            raise BadUserInput(f"{name} must not be negative, got {value}")
        return int(value)

    return convert


# Criteria on works (WorkWhere)
YEAR_FROM = Criterion("{v}.year >= {p}", bucketed=True)
YEAR_TO = Criterion("{v}.year <= {p}", bucketed=True)
WORK_TYPE = Criterion("{v}.type IN {p}", enum_values)
VENUE = Criterion("{v}.venue = {p}")
OPEN_ACCESS = Criterion("{v}.openAccess = {p}", bucketed=True)
# A test that follows relationships reads the candidate's relationships of that type, or
# the named node by its key and the one relationship between them: the larger is declared.
WORK_TOPIC = Criterion(
    "EXISTS { ({v})-[:ABOUT]->(:Topic {key: {p}}) }",
    global_key("Topic"),
    names="Topic",
    work=Most("work.topics") + 2,
    total=Most("relationships.ABOUT") + 2 * Most("nodes.Work"),
)
WORK_AUTHOR = Criterion(
    "EXISTS { ({v})<-[:AUTHORED]-(:Researcher {key: {p}}) }",
    global_key("Researcher"),
    names="Researcher",
    work=Most("work.authors") + 2,
    total=Most("relationships.AUTHORED") + 2 * Most("nodes.Work"),
)
WORK_INSTITUTION = Criterion(
    "EXISTS { ({v})-[:AFFILIATION]->(:Institution {key: {p}}) }",
    global_key("Institution"),
    names="Institution",
    work=Most("work.affiliations") + 2,
    total=Most("relationships.AFFILIATION") + 2 * Most("nodes.Work"),
)
TITLE_CONTAINS = Criterion("toLower({v}.title) CONTAINS {p}", lowered)

# Criteria on researchers (ResearcherWhere)
NAME_CONTAINS = Criterion("toLower({v}.name) CONTAINS {p}", lowered)
# One with a work about the topic (the kept STUDIES, docs/metrics.md).
RESEARCHER_TOPIC = Criterion(
    "EXISTS { ({v})-[:STUDIES]->(:Topic {key: {p}}) }",
    global_key("Topic"),
    names="Topic",
    work=Most("researcher.studies") + 2,
    total=Most("relationships.STUDIES") + 2 * Most("nodes.Researcher"),
)
# A member: affiliated on the profile or on a paper (the kept MEMBER_OF, docs/metrics.md).
RESEARCHER_INSTITUTION = Criterion(
    "EXISTS { ({v})-[:MEMBER_OF]->(:Institution {key: {p}}) }",
    global_key("Institution"),
    names="Institution",
    work=Most("researcher.memberships") + 2,
    total=Most("relationships.MEMBER_OF") + 2 * Most("nodes.Researcher"),
)
HAS_ORCID = Criterion("({v}.orcid IS NOT NULL) = {p}")
OPEN_TO_COLLABORATE = Criterion("{v}.openToCollaborate = {p}")
MIN_WORKS = Criterion("COUNT { ({v})-[:AUTHORED]->() } >= {p}", not_negative("minWorks"))


def shape_of(where: Any, criteria: Criteria) -> Hashable:
    """What the text depends on: which fields are given, and the shape below them."""
    if where is None:
        return None
    given = tuple(name for name in criteria if where.get(name) is not None)
    return (
        given,
        None if where["AND"] is None else tuple(shape_of(w, criteria) for w in where["AND"]),
        None if where["OR"] is None else tuple(shape_of(w, criteria) for w in where["OR"]),
        shape_of(where["NOT"], criteria),
    )


def bucketed(where: Any, criteria: Criteria) -> bool:
    """Whether every condition of the tree reads only what a WorkTally bucket is made by."""
    if where is None:
        return True
    given = (criterion for name, criterion in criteria.items() if where.get(name) is not None)
    children = [*(where.get("AND") or ()), *(where.get("OR") or ()), where.get("NOT")]
    return all(criterion.bucketed for criterion in given) and all(
        bucketed(child, criteria) for child in children
    )


def where_rows(
    where: Any,
    criteria: Criteria,
    limits: RequestLimits,
    graph: GraphStatistics,
    anchored: str | None = None,
) -> tuple[int, int]:
    """The rows a `where` tree reads for each candidate it tests, and for all the nodes of
    the kind together: every condition in it counts, since an OR may test all of its
    alternatives, but the `anchored` one at its top, which the candidates start from."""
    if where is None:
        return 0, 0
    given = [
        criterion
        for name, criterion in criteria.items()
        if where.get(name) is not None and name != anchored
    ]
    each = sum(criterion.work.rows({}, limits, graph) for criterion in given)
    total = sum(criterion.total.rows({}, limits, graph) for criterion in given)
    children = [*(where.get("AND") or ()), *(where.get("OR") or ())]
    if where.get("NOT") is not None:
        children.append(where["NOT"])
    for child in children:
        child_each, child_total = where_rows(child, criteria, limits, graph)
        each += child_each
        total += child_total
    return each, total


def value_at(where: Any, path: Path) -> Any:
    for step in path:
        where = where[step]
    return where


class Predicate:
    def __init__(
        self,
        criteria: Criteria,
        variable: str,
        bind: Bind,
        fresh: Callable[[str], str],
        parent: tuple[str, str] | None = None,
        anchored: str | None = None,
    ) -> None:
        """`parent`: (label, variable) when every candidate hangs off that node, so a
        condition naming a node of that label holds without a look at the graph when it
        names the parent. `anchored`: the condition at the top of the tree the candidates
        start from, which every one of them meets."""
        self.criteria = criteria
        self.variable = variable
        self.bind = bind
        self.fresh = fresh
        self.parent = parent
        self.anchored = anchored
        self.count = 0

    def text(self, where: Any, path: Path = (), negated: bool = False) -> str:
        parts = []
        for name, criterion in self.criteria.items():
            if where.get(name) is None or (not path and name == self.anchored):
                continue
            self.count += 1
            if self.count > MAX_CONDITIONS:
                raise BadUserInput(f"where is too complex: at most {MAX_CONDITIONS} conditions")
            parameter = self.bind((*path, name), criterion.convert)
            atom = Binding(self.fresh, v=self.variable, p=parameter)(criterion.template)
            if self.parent is not None and self.parent[0] == criterion.names:
                atom = f"({self.parent[1]}.key = {parameter} OR {atom})"
            # under NOT, a condition on a missing property must read false, not null
            parts.append(f"coalesce({atom}, false)" if negated else atom)
        for index, child in enumerate(where["AND"] or ()):
            parts.append(self.text(child, (*path, "AND", index), negated))
        if where["OR"] is not None:
            alternatives = [
                self.text(child, (*path, "OR", index), negated)
                for index, child in enumerate(where["OR"])
            ]
            parts.append("(" + " OR ".join(alternatives) + ")" if alternatives else "false")
        if where["NOT"] is not None:
            parts.append(f"NOT ({self.text(where['NOT'], (*path, 'NOT'), True)})")
        if not parts:
            return "true"
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def anchor(where: Any, criteria: Criteria) -> tuple[str, str] | None:
    """A node every match hangs off, given at the top of the tree: (field, label)."""
    if where is None:
        return None
    for name, criterion in criteria.items():
        if criterion.names is not None and where.get(name) is not None:
            return name, criterion.names
    return None
