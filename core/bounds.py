"""How many items a list field returns for each object above it. Each list field declares
its bound where the field is declared (schema/compiled.py): the cost limit
(resolvers/cost.py) multiplies these bounds down a request, and the compiler
(resolvers/compiler/) enforces the same ones in the Cypher it writes, so an estimate is
never below what a request returns.

An item is an object that is an element of a list in the answer: an edge of a
connection, an author of a work, a node of a graph slice, a type of `__schema`. Lists of
scalars (`domains`, `reasons`) are not items, and neither are single objects, whose number
the depth and alias limits bound.

A bound reads the arguments of its own field, or those of the field above for the lists
of an object that field returns (the `edges` of a connection are as many as the
connection's `first`; the `nodes` of a graph slice follow its `depth` and `limitPerKind`).
`items` is what the estimate counts: the arguments as the request gives them, within the
bound's maximum. `size` is what the compiler puts in its statement: it refuses a value
outside the bound with BAD_USER_INPUT, the same rule seen from the other side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
)

from core.collaboration import MAX_HOPS
from core.errors import BadUserInput
from core.request_limits import RequestLimits

Arguments = Mapping[str, Any]

# Caps on lists the data alone would leave open, each a LIMIT in the compiled Cypher.
TOPICS_PER_WORK = 10  # OpenAlex assigns at most 3; the seed and generator fewer than 10
INSTITUTIONS_PER_WORK = 100  # the first 100 by name, as `authors` pages at most 100
INSTITUTIONS_PER_AUTHORSHIP = 10  # affiliations printed for one author on one paper
YEARS_PER_LIST = 200  # worksByYear: the 200 most recent years that have works
RECENT_YEARS = 10  # countsByYear: the current year and the nine before it, as OpenAlex's
TRUST_COMPONENTS = 5  # the components core/trust.py scores
SLICE_KINDS = 4  # researchers, works, topics, institutions: a slice keeps `limitPerKind` of each
SLICE_DEPTHS = (1, 2)
MAX_LIMIT_PER_KIND = 50  # a graph slice's `limitPerKind`


class Bound(Protocol):
    def items(self, arguments: Arguments, limits: RequestLimits) -> int:
        """At most how many items the list holds, for these arguments."""
        ...


def _within(argument: str, value: int, maximum: int) -> int:
    if not 0 <= value <= maximum:
        raise BadUserInput(f"{argument} must be between 0 and {maximum}, got {value}")
    return value


@dataclass(frozen=True)
class Page:
    """`first`: the default page when absent, at most the largest page."""

    argument: str = "first"

    def size(self, arguments: Arguments, limits: RequestLimits) -> int:
        value = arguments.get(self.argument)
        given = limits.default_page_size if value is None else value
        return _within(self.argument, given, limits.max_page_size)

    def items(self, arguments: Arguments, limits: RequestLimits) -> int:
        value = arguments.get(self.argument)
        given = limits.default_page_size if value is None else value
        return max(0, min(given, limits.max_page_size))


@dataclass(frozen=True)
class Sized:
    """An Int argument with its default in the schema, at most `maximum`."""

    argument: str
    minimum: int
    maximum: int

    def size(self, arguments: Arguments, limits: RequestLimits | None = None) -> int:
        value = arguments[self.argument]
        if not self.minimum <= value <= self.maximum:
            raise BadUserInput(
                f"{self.argument} must be between {self.minimum} and {self.maximum}, got {value}"
            )
        return int(value)

    def items(self, arguments: Arguments, limits: RequestLimits) -> int:
        value = arguments.get(self.argument)
        return max(0, min(value, self.maximum)) if isinstance(value, int) else self.maximum


@dataclass(frozen=True)
class LengthOf:
    """As many as a list argument has values, at most the largest page."""

    argument: str

    def size(self, arguments: Arguments, limits: RequestLimits) -> int:
        given = len(arguments[self.argument])
        if given > limits.max_page_size:
            raise BadUserInput(f"at most {limits.max_page_size} {self.argument} at once")
        return given

    def items(self, arguments: Arguments, limits: RequestLimits) -> int:
        return min(len(arguments.get(self.argument) or ()), limits.max_page_size)


@dataclass(frozen=True)
class Capped:
    """A fixed cap, whatever the arguments."""

    cap: int

    def items(self, arguments: Arguments, limits: RequestLimits) -> int:
        return self.cap


WORKS_PER_COLLABORATOR = Sized("worksPerCollaborator", 0, 20)
HOPS = Sized("maxHops", 1, MAX_HOPS)
DEPTH = Sized("depth", min(SLICE_DEPTHS), max(SLICE_DEPTHS))
LIMIT_PER_KIND = Sized("limitPerKind", 1, MAX_LIMIT_PER_KIND)
PAGE = Page()
RECENT = Sized("years", 0, 100)  # orderBy RECENT_WORKS: the works of the last `years` years
GROUPS = Sized("first", 0, 200)  # a facet's groups (groupBy), 20 unless asked
IDS = LengthOf("ids")


@dataclass(frozen=True)
class SliceNodes:
    """The center, then up to `limitPerKind` of each kind on each hop."""

    def items(self, arguments: Arguments, limits: RequestLimits) -> int:
        depth = DEPTH.items(arguments, limits)
        return 1 + SLICE_KINDS * depth * LIMIT_PER_KIND.items(arguments, limits)


@dataclass(frozen=True)
class SliceEdges:
    """The relationships scanned: `fanoutCenter` around the center, and on hop 2 up to
    `fanoutPerNeighbor` around each node of hop 1."""

    def items(self, arguments: Arguments, limits: RequestLimits) -> int:
        hop_one = SLICE_KINDS * LIMIT_PER_KIND.items(arguments, limits)
        second = DEPTH.items(arguments, limits) >= 2
        return limits.fanout_center + (hop_one * limits.fanout_per_neighbor if second else 0)


@dataclass(frozen=True)
class NeighborNodes:
    """The center, then one page."""

    def items(self, arguments: Arguments, limits: RequestLimits) -> int:
        return 1 + PAGE.items(arguments, limits)


@dataclass(frozen=True)
class FanoutCenter:
    """The relationships scanned around the center."""

    def items(self, arguments: Arguments, limits: RequestLimits) -> int:
        return limits.fanout_center


@dataclass(frozen=True)
class ItemBound:
    """A list field's bound, whether it reads the arguments of the field above (the
    field that returned the list's object) rather than its own, and how many items past
    the bound the statement reads (a page reads one more, to know whether another follows;
    what lies below that item is read too, and counts as work, not as items)."""

    bound: Bound
    of_parent: bool = False
    read_ahead: int = 0


def introspection_bounds(schema: GraphQLSchema) -> dict[str, ItemBound]:
    """The lists of `__schema` and `__type`, bounded by the largest of each in this
    schema: introspection is counted like any other list."""
    types = list(schema.type_map.values())
    objects = [t for t in types if isinstance(t, GraphQLObjectType | GraphQLInterfaceType)]
    inputs = [t for t in types if isinstance(t, GraphQLInputObjectType)]
    enums = [t for t in types if isinstance(t, GraphQLEnumType)]
    field_arguments = [len(f.args) for t in objects for f in t.fields.values()]
    directive_arguments = [len(d.args) for d in schema.directives]
    largest = {
        "__Schema.types": len(types),
        "__Schema.directives": len(schema.directives),
        "__Type.fields": max(len(t.fields) for t in objects),
        "__Type.interfaces": max(len(t.interfaces) for t in objects),
        "__Type.possibleTypes": max(
            len(schema.get_possible_types(t))
            for t in types
            if isinstance(t, GraphQLInterfaceType | GraphQLUnionType)
        ),
        "__Type.enumValues": max(len(t.values) for t in enums),
        "__Type.inputFields": max((len(t.fields) for t in inputs), default=0),
        "__Field.args": max(field_arguments, default=0),
        "__Directive.args": max(directive_arguments, default=0),
    }
    return {name: ItemBound(Capped(count)) for name, count in largest.items()}
