"""How much work a field may ask of Neo4j: the rows it may read from the store, as nodes
found and relationships followed, for each object above it.

The item bound (core/bounds.py) says what a request returns; work says what it costs. An
ordered page of a topic's works returns 100 items and reads every work of the topic to
order them, so its work is the most works any topic has. Where the data alone leaves a
count open, the work reads the graph's statistics (the most works of any researcher, the
most authors of any work...), which the server reads from Neo4j at start and refreshes
(resolvers/graph_statistics.py); where the compiled Cypher caps a scan (a hub's most
recent works, the co-authors a recommendation visits), the work reads the same cap.

Work is an expression: `Most("researcher.works") + Limit("fanout_works") * Most(
"work.authors")` reads "the researcher's works, then the authors of at most
`fanout_works` of them". A field's whole work is its rows times the objects above it, and
a request's is the sum over its fields, aliases included (resolvers/cost.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from core.bounds import PAGE, Arguments, Bound
from core.global_ids import read_cursor
from core.request_limits import RequestLimits

# The statistics a work may read: the most of a pattern that any one node has
# (cypher/statistics/), and how many nodes of each kind the graph holds.
STATISTICS = (
    "researcher.works",
    # over all of one researcher's works: their authors, citing works and topics
    "researcher.authorships",
    "researcher.citedBy",
    "researcher.topics",
    "researcher.affiliations",
    "researcher.memberships",
    "researcher.studies",
    "work.authors",
    "work.topics",
    "work.affiliations",
    "work.references",
    "work.citedBy",
    "topic.works",
    "topic.authorships",
    "topic.subtopics",
    "topic.researchers",
    "institution.affiliations",
    "institution.authorships",
    "institution.members",
    "user.follows",
    "user.claims",
    "user.invitations",
    "researcher.invitations",
    "claims",
    "nodes.Work",
    "nodes.Researcher",
    "nodes.Topic",
    "nodes.Institution",
    "relationships.AUTHORED",
    "relationships.ABOUT",
    "relationships.AFFILIATION",
    "relationships.AFFILIATED_WITH",
    "relationships.MEMBER_OF",
    "relationships.STUDIES",
    # of every researcher ranked by a kept figure, most first: the most that share one value
    # among the first `ranked.depth`
    "ranked.depth",
    "ranked.citations",
    "ranked.hIndex",
    "ranked.worksCount",
    "ranked.followers",
)


@dataclass(frozen=True)
class GraphStatistics:
    """The graph's figures at one time; a figure not read yet counts as 0."""

    figures: Mapping[str, int]

    def most(self, name: str) -> int:
        # `Most` checks the name once, where a field declares it, not on every estimate
        return self.figures.get(name, 0)


NO_STATISTICS = GraphStatistics({})


class Work(Protocol):
    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        """At most how many rows the field reads for one object above it."""
        ...

    @property
    def reads_arguments(self) -> bool:
        """Whether the rows depend on the field's arguments."""
        ...


class Expression:
    """A work that adds and multiplies with others and with plain numbers."""

    @property
    def reads_arguments(self) -> bool:
        return False

    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        raise NotImplementedError

    def __add__(self, other: Expression | int) -> Expression:
        return Sum((self, _expression(other)))

    def __radd__(self, other: int) -> Expression:
        return Sum((_expression(other), self))

    def __mul__(self, other: Expression | int) -> Expression:
        return Product((self, _expression(other)))

    def __rmul__(self, other: int) -> Expression:
        return Product((_expression(other), self))


def _expression(value: Expression | int) -> Expression:
    return value if isinstance(value, Expression) else Rows(value)


@dataclass(frozen=True)
class Rows(Expression):
    """A fixed number of rows."""

    count: int

    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        return self.count


@dataclass(frozen=True)
class Most(Expression):
    """The most that any one node has of a pattern, or the nodes of a kind ("nodes.Work")."""

    statistic: str

    def __post_init__(self) -> None:
        if self.statistic not in STATISTICS:
            raise KeyError(f"no statistic {self.statistic!r}")

    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        return graph.most(self.statistic)


@dataclass(frozen=True)
class Limit(Expression):
    """A scan cap of the request limits, which the compiled Cypher applies
    (`fanout_works`, `fanout_center`, `fanout_per_neighbor`)."""

    name: str

    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        return int(getattr(limits, self.name))


@dataclass(frozen=True)
class ItemsOf(Expression):
    """As many rows as a list bound allows items, for the field's arguments."""

    bound: Bound

    @property
    def reads_arguments(self) -> bool:
        return True

    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        return self.bound.items(arguments, limits)


@dataclass(frozen=True)
class Combined(Expression):
    parts: tuple[Expression, ...]

    @property
    def reads_arguments(self) -> bool:
        return any(part.reads_arguments for part in self.parts)


class Sum(Combined):
    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        return sum(part.rows(arguments, limits, graph) for part in self.parts)


class Product(Combined):
    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        result = 1
        for part in self.parts:
            result *= part.rows(arguments, limits, graph)
        return result


class Least(Combined):
    """The smallest of several bounds of the same rows: a scan capped by a limit, say,
    that also reads no more than some figure of the graph."""

    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        return min(part.rows(arguments, limits, graph) for part in self.parts)


@dataclass(frozen=True)
class ByParent:
    """A field of an interface whose work depends on the type of the object it is on."""

    works: Mapping[str, Work]

    def of(self, parent: str) -> Work:
        return self.works[parent]


@dataclass(frozen=True)
class EveryCandidate(Expression):
    """A list ordered or filtered over all its candidates: its page and its totalCount may
    each read every one."""

    candidates_read: Expression
    # what an `orderBy` field reads for each candidate, beyond its properties and degrees
    orders: Mapping[str, OrderReads] = field(default_factory=dict)

    @property
    def reads_arguments(self) -> bool:
        return self.candidates_read.reads_arguments or bool(self.orders)

    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        candidates = self.candidates_read.rows(arguments, limits, graph)
        return 2 * candidates + ordering(self.orders, candidates, arguments, limits, graph) + 2

    def candidates(
        self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics
    ) -> int:
        return self.candidates_read.rows(arguments, limits, graph)


def every_candidate(
    candidates: Expression, orders: Mapping[str, OrderReads] | None = None
) -> EveryCandidate:
    return EveryCandidate(candidates, orders or {})


def enum_value(chosen: Any) -> str:
    """An enum argument's value, as the schema's Python enum or as its plain value."""
    return str(getattr(chosen, "value", chosen))


@dataclass(frozen=True)
class OrderReads:
    """What ordering a list by an aggregate reads: `each` for one candidate, and, the
    candidates being distinct nodes, at most `every` for all of them together (a
    researcher's works, for every researcher, are every authorship)."""

    each: Expression
    every: Expression | None = None


def ordering(
    orders: Mapping[str, OrderReads],
    candidates: int,
    arguments: Arguments,
    limits: RequestLimits,
    graph: GraphStatistics,
) -> int:
    """What the list's `orderBy` reads for all its candidates."""
    order = arguments.get("orderBy")
    if order is None:
        return 0
    reads = orders.get(enum_value(order["field"]))
    if reads is None:
        return 0
    found = candidates * reads.each.rows(arguments, limits, graph)
    return found if reads.every is None else min(found, reads.every.rows(arguments, limits, graph))


@dataclass(frozen=True)
class PerCandidate:
    """A facet of the list above it (`groupBy`, `aggregate`): one more pass over the list's
    candidates, reading, for each, the rows that `per_candidate` says, or with a mapping,
    `per_candidate[arguments[argument]]`."""

    per_candidate: Mapping[str, Expression] | Expression
    argument: str = "field"

    @property
    def reads_arguments(self) -> bool:
        return True

    def rows(
        self, candidates: int, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics
    ) -> int:
        each = (
            self.per_candidate
            if isinstance(self.per_candidate, Expression)
            else self.per_candidate[enum_value(arguments[self.argument])]
        )
        return candidates * (1 + each.rows(arguments, limits, graph)) + 1


@dataclass(frozen=True)
class RootList(Expression):
    """A root list: without `where` and `orderBy`, a page read in key order (its
    totalCount from the counts store); otherwise every candidate, which are every node of
    the kind, or those hanging off the node the top of `where` names (by `anchors`)."""

    every: Expression
    anchors: Mapping[str, Expression]
    orders: Mapping[str, OrderReads] = field(default_factory=dict)
    # orderBy fields that, without a `where`, read the page from an index in their order
    # (resolvers/compiler/roots.py ranked_by_index), with the statistic of their ties
    ranked: Mapping[str, str] = field(default_factory=dict)

    @property
    def reads_arguments(self) -> bool:
        return True

    def rows(self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics) -> int:
        order = arguments.get("orderBy")
        if not arguments.get("where"):
            if order is None:
                return PAGE.items(arguments, limits) + 1
            ties = self.ranked.get(enum_value(order["field"]))
            if ties is not None:
                # the page's rows above 0 and at 0 from the index and, most first, the rest
                # of the last row's ties
                need = offset_of(arguments.get("after")) + PAGE.items(arguments, limits) + 1
                if enum_value(order["direction"]) == "asc":
                    return 2 * need + 1
                if need <= graph.most("ranked.depth"):
                    return 2 * need + graph.most(ties) + 1
        candidates = self.candidates(arguments, limits, graph)
        return 2 * candidates + ordering(self.orders, candidates, arguments, limits, graph) + 2

    def candidates(
        self, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics
    ) -> int:
        anchored = self.anchored(arguments.get("where"))
        anchor = self.every if anchored is None else self.anchors[anchored]
        return anchor.rows(arguments, limits, graph)

    def anchored(self, where: Any) -> str | None:
        """The condition the candidates start from, which every one of them meets: the
        first of `anchors` at the top of the tree (the compiler's order too)."""
        if not where:
            return None
        return next((name for name in self.anchors if where.get(name) is not None), None)


def offset_of(after: str | None) -> int:
    """Where an offset cursor resumes; 0 for none (a cursor of another list is refused
    where the list is compiled)."""
    if after is None:
        return 0
    cursor = read_cursor(after)
    return int(cursor.position) if cursor.mode == "o" else 0


def candidates_of(
    work: Work, arguments: Arguments, limits: RequestLimits, graph: GraphStatistics
) -> int | None:
    """How many candidates a list's work says it reads; None for a field that is no such
    list."""
    if isinstance(work, EveryCandidate | RootList):
        return work.candidates(arguments, limits, graph)
    return None


# Over one researcher's works, what the statistics sum for the most prolific researchers
# only (cypher/statistics/prolific_researchers.cypher), with the most of it that any one
# work has: anyone else is bounded by the works of the first researcher left out times that.
BUSIEST_SUMS = {
    "researcher.authorships": "work.authors",
    "researcher.citedBy": "work.citedBy",
    "researcher.topics": "work.topics",
}
# A researcher's kept citations count each work's citing works in the graph or more
# (docs/metrics.md): a tighter bound than the above where one work is cited thousands of
# times, as long as the graph keeps them.
KEPT_BOUNDS = {"researcher.citedBy": "researcher.keptCitations"}


def statistics_of(row: Mapping[str, Any]) -> GraphStatistics:
    """The figures of the rows of cypher/statistics/, merged into one, each a count."""
    figures = dict(row)
    left_out = int(figures.pop("researcher.worksLeftOut", 0) or 0)
    kept = {name: int(figures.pop(kept, 0) or 0) for name, kept in KEPT_BOUNDS.items()}
    for name, per_work in BUSIEST_SUMS.items():
        busiest = int(figures.pop(f"{name}.busiest", 0) or 0)
        others = left_out * int(figures.get(per_work) or 0)
        if kept.get(name):
            others = min(others, kept[name])
        figures[name] = max(busiest, others)
    missing = [name for name in STATISTICS if name not in figures]
    if missing:
        raise KeyError(f"the statistics rows lack {', '.join(missing)}")
    return GraphStatistics({name: int(figures[name] or 0) for name in STATISTICS})
