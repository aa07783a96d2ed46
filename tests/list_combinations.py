"""Every list field of the schema, every argument it takes and their combinations, as
documents for tests/test_list_combinations.py.

A list field is one whose answer holds items: a list of objects (`authors`, `search`), or
an object that holds such lists and takes its size from the field (a connection, a graph
slice, a path). Each is asked for where its owner is found: at the root, below a lookup
by id (one owner: its cursors page it) and below a list (many owners at once). The values
worth trying of each argument are read off the argument's type, and off its name only for
cursors and ids. They are combined three ways: pairwise over every argument and every part
of the answer (totalCount, pageInfo, a list nested in each item); exhaustively over which
input objects (where, orderBy), counts and nested lists are there at all, the values
turning over; and at random (hypothesis strategies). Two calls of a field share a
document under two aliases; each value past every bound is tried alone. Nothing here
names a field of the schema: a field or argument added later is generated without an
edit, and `required_facts`/`given_facts` say what the generated set must cover.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    get_named_type,
    get_nullable_type,
    is_abstract_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
)
from graphql.pyutils import Undefined
from hypothesis import strategies as st

from resolvers.compiler.declaration import declaration_of


class Marker:
    """A value that is not JSON: resolved when the document runs, or not written."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


OMITTED = Marker("<omitted>")  # the argument is not written: its default applies
CURSOR = Marker("<cursor>")  # the endCursor the same call answered on its first page
MALFORMED_CURSOR = "not-a-cursor"
INTS = (0, 1, 2, 100, 101, -1)  # empty, small, the largest page, past it, negative
REFUSED_INTS = (101, -1)  # past every Int argument's bound
MODEST_INT = 1  # within every bound an Int argument has: fit for a list under others
PATH_PAGE = 2  # the owners a list below a list hangs off
TOO_MANY = 65  # conditions: one more than a where tree may hold


# The schema's shape


def is_object_list(type_: Any) -> bool:
    nullable = get_nullable_type(type_)
    return is_list_type(nullable) and not is_leaf_type(get_named_type(nullable))


def is_node_type(type_: Any) -> bool:
    return isinstance(type_, GraphQLObjectType) and any(
        interface.name == "Node" for interface in type_.interfaces
    )


def node_kinds(schema: GraphQLSchema) -> list[str]:
    return sorted(name for name, type_ in schema.type_map.items() if is_node_type(type_))


def is_container(type_: GraphQLNamedType) -> bool:
    """An object that is not a node and holds a list sized by the field that returns it:
    a connection, a graph slice, a path."""
    return (
        isinstance(type_, GraphQLObjectType)
        and not is_node_type(type_)
        and any(is_object_list(f.type) and not f.args for f in type_.fields.values())
    )


def edge_node(type_: GraphQLNamedType) -> str | None:
    """For an edge-like element (a cursor or score beside one object): that object's field."""
    if not isinstance(type_, GraphQLObjectType) or is_node_type(type_):
        return None
    composite = [
        name for name, f in type_.fields.items() if not is_leaf_type(get_named_type(f.type))
    ]
    if len(composite) != 1 or is_object_list(type_.fields[composite[0]].type):
        return None
    return str(composite[0])


@dataclass(frozen=True)
class ListField:
    owner: str
    name: str
    definition: GraphQLField = field(compare=False, hash=False)

    @property
    def key(self) -> str:
        return f"{self.owner}.{self.name}"

    @property
    def named(self) -> GraphQLNamedType:
        return get_named_type(self.definition.type)

    @property
    def contains(self) -> bool:
        """Whether the field returns one container rather than a list."""
        return returns_container(self.definition)


def returns_container(definition: GraphQLField) -> bool:
    return not is_object_list(definition.type) and is_container(get_named_type(definition.type))


def is_list_field(definition: GraphQLField) -> bool:
    return is_object_list(definition.type) or is_container(get_named_type(definition.type))


def reachable_types(schema: GraphQLSchema) -> list[GraphQLObjectType]:
    """The object types a query can reach, in the order a walk from Query meets them."""
    assert schema.query_type is not None
    found: dict[str, GraphQLObjectType] = {}
    waiting: list[GraphQLNamedType] = [schema.query_type]
    while waiting:
        type_ = waiting.pop(0)
        if isinstance(type_, GraphQLInterfaceType | GraphQLUnionType):
            waiting += schema.get_possible_types(type_)
            continue
        if not isinstance(type_, GraphQLObjectType) or type_.name in found:
            continue
        found[type_.name] = type_
        waiting += [get_named_type(f.type) for f in type_.fields.values()]
    return list(found.values())


def list_fields(schema: GraphQLSchema) -> list[ListField]:
    """Every list field of every type a query reaches; the lists a container holds are
    its own parts, asked for with it."""
    reachable = reachable_types(schema)
    containers = {
        get_named_type(definition.type).name
        for type_ in reachable
        for definition in type_.fields.values()
        if returns_container(definition)
    }
    return [
        ListField(type_.name, name, definition)
        for type_ in reachable
        if type_.name not in containers
        for name, definition in type_.fields.items()
        if is_list_field(definition)
    ]


def item_path(list_field: ListField) -> tuple[str | None, str | None]:
    """Where a call's items are in its answer: the container's list (None: the answer is
    the list) and the edge's object (None: the element is the item)."""
    named = list_field.named
    container_list = None
    element = named
    if list_field.contains:
        assert isinstance(named, GraphQLObjectType)
        container_list = next(name for name, f in named.fields.items() if is_object_list(f.type))
        element = get_named_type(named.fields[container_list].type)
    return container_list, edge_node(element)


def item_type(list_field: ListField) -> GraphQLNamedType:
    container_list, node = item_path(list_field)
    type_ = list_field.named
    if container_list is not None:
        assert isinstance(type_, GraphQLObjectType)
        type_ = get_named_type(type_.fields[container_list].type)
    if node is not None:
        assert isinstance(type_, GraphQLObjectType)
        type_ = get_named_type(type_.fields[node].type)
    return type_


def nested_candidates(list_field: ListField) -> list[ListField]:
    """The list fields of the call's items: what may be nested beneath it."""
    type_ = item_type(list_field)
    if not isinstance(type_, GraphQLObjectType):
        return []
    return [
        ListField(type_.name, name, definition)
        for name, definition in type_.fields.items()
        if is_list_field(definition)
    ]


def toggled_parts(list_field: ListField) -> list[str]:
    """The container's parts a document may leave out (totalCount, pageInfo...): those that
    are not its lists, nor facets that take arguments (groupBy, which
    tests/test_filters_model.py draws with every list)."""
    named = list_field.named
    if not list_field.contains:
        return []
    assert isinstance(named, GraphQLObjectType)
    return [
        name
        for name, f in named.fields.items()
        if not is_object_list(f.type) and not requires_arguments(f)
    ]


# Values


@dataclass(frozen=True)
class Pools:
    """Values from the graph the documents run on."""

    ids: Mapping[str, Sequence[str]]  # by node kind, the busiest first (at least two)
    absent: Mapping[str, str]  # by node kind: an id no node has
    not_a_node: str  # the id of something that is no node (a user)
    words: Mapping[str, Sequence[str]]  # what a text looks for, by what it names
    years: Sequence[int]

    def kind_named(self, name: str) -> str | None:
        kind = name[:1].upper() + name[1:]
        return kind if kind in self.ids else None

    def word(self, name: str, index: int = 0) -> str:
        found = next((words for key, words in self.words.items() if key in name.lower()), None)
        words = found or next(iter(self.words.values()))
        return words[index % len(words)]


@dataclass(frozen=True)
class Choice:
    value: Any  # JSON, OMITTED or CURSOR
    modest: bool = True  # within every bound: fit for a list nested under others
    refused: bool = False  # outside every bound: BAD_USER_INPUT wherever it is given


def has_default(argument: GraphQLArgument) -> bool:
    return argument.default_value is not Undefined


def argument_choices(name: str, argument: GraphQLArgument, pools: Pools) -> list[Choice]:
    """The values worth trying of one argument; OMITTED first where it may be left out."""
    required = is_non_null_type(argument.type) and not has_default(argument)
    found = [] if required else [Choice(OMITTED)]
    if not is_non_null_type(argument.type):
        found.append(Choice(None))
    found += value_choices(name, argument.type, pools)
    return found


def value_choices(name: str, type_: GraphQLInputType, pools: Pools) -> list[Choice]:
    nullable = get_nullable_type(type_)
    named = get_named_type(nullable)
    if isinstance(named, GraphQLEnumType):
        values = list(named.values)
        if is_list_type(nullable):
            return [Choice([]), *(Choice([value]) for value in values), Choice(values)]
        return [Choice(value) for value in values]
    if isinstance(named, GraphQLInputObjectType):
        if any(get_named_type(f.type) is named for f in named.fields.values()):
            return where_choices(named, pools)
        products = input_products(named, pools)
        past = [any(type(v) is int and v in REFUSED_INTS for v in p.values()) for p in products]
        return [
            Choice(value, modest=not refused, refused=refused)
            for value, refused in zip(products, past, strict=True)
        ]
    if named.name == "ID":
        ids = id_values(name, pools)
        if is_list_type(nullable):
            return [
                Choice([]),
                Choice(ids[:1]),
                Choice(ids, modest=False),
                Choice([pools.not_a_node]),
            ]
        fit = modest_ids(name, pools)
        return [Choice(value, modest=value in fit) for value in ids]
    if named.name == "Int":
        return [
            Choice(value, modest=value == MODEST_INT, refused=value in REFUSED_INTS)
            for value in INTS
        ]
    if named.name == "Boolean":
        return [Choice(True), Choice(False)]
    if named.name == "String":
        if name == "after":
            return [
                Choice(CURSOR, modest=False),
                Choice(MALFORMED_CURSOR, modest=False, refused=True),
            ]
        return [Choice(pools.word(name)), Choice("", modest=False, refused=True)]
    raise TypeError(f"no values for {name}: {named.name}")


def id_values(name: str, pools: Pools) -> list[str]:
    """Ids of the kind the name says, or of every kind, then ones that name nothing."""
    kind = pools.kind_named(name)
    kinds = [kind] if kind is not None else sorted(pools.ids)
    if kind is None and "Researcher" in pools.ids:
        # a second researcher: an argument that pairs two (from, to) may name both
        return [
            *(pools.ids[k][0] for k in kinds),
            pools.ids["Researcher"][1],
            pools.absent["Researcher"],
            pools.not_a_node,
        ]
    return [*(pools.ids[k][0] for k in kinds), pools.absent[kinds[0]]]


def modest_ids(name: str, pools: Pools) -> set[str]:
    """Ids any such argument takes: of the kind its name says, else a researcher's (not
    the busiest, which a document may already name) or one that names nothing."""
    kind = pools.kind_named(name)
    if kind is not None:
        return {*pools.ids[kind], pools.absent[kind]}
    if "Researcher" in pools.ids:
        return {pools.ids["Researcher"][1], pools.absent["Researcher"]}
    return set()


def input_products(named: GraphQLInputObjectType, pools: Pools) -> list[dict[str, Any]]:
    """An input of plain fields (an order): each value of each field once, the default
    (left out) too; which pairs meet is the random documents' part. A value past its bound
    has an input of its own, the other fields at their first value, so that it takes no
    other value's turn."""
    per_field = []
    past: list[tuple[str, Any]] = []
    for name, input_field in named.fields.items():
        choices = value_choices(name, input_field.type, pools)
        values: list[Any] = [c.value for c in choices if not c.refused]
        past += [(name, c.value) for c in choices if c.refused]
        if not is_non_null_type(input_field.type) or input_field.default_value is not Undefined:
            values = [*values, OMITTED]
        per_field.append([(name, value) for value in values])
    longest = max((len(values) for values in per_field), default=0)
    products = [
        {
            name: value
            for name, value in (values[row % len(values)] for values in per_field)
            if value is not OMITTED
        }
        for row in range(longest)
    ]
    first = {values[0][0]: values[0][1] for values in per_field if values[0][1] is not OMITTED}
    return products + [{**first, name: value} for name, value in past]


def leaf_value(name: str, type_: GraphQLInputType, pools: Pools, index: int = 0) -> Any:
    """One value of a condition, `index` turning over the values worth trying."""
    nullable = get_nullable_type(type_)
    named = get_named_type(nullable)
    if isinstance(named, GraphQLEnumType):
        values = list(named.values)
        if is_list_type(nullable):
            # all of them the first time, so that every value is in some tree
            return values if index == 0 else values[index % len(values) :][:2]
        return values[index % len(values)]
    if named.name == "ID":
        kind = pools.kind_named(name) or "Researcher"
        return pools.ids[kind][index % len(pools.ids[kind])]
    if named.name == "Int":
        if "year" in name.lower():
            return pools.years[index % len(pools.years)]
        return (MODEST_INT, 0, 5)[index % 3]
    if named.name == "Boolean":
        return index % 2 == 0
    if named.name == "String":
        return pools.word(name, index)
    raise TypeError(f"no value for the condition {name}: {named.name}")


def where_parts(named: GraphQLInputObjectType) -> tuple[list[str], list[str], list[str]]:
    """A where input's conditions, its list combinators (AND, OR) and its single ones (NOT)."""
    conditions, lists, singles = [], [], []
    for name, input_field in named.fields.items():
        if get_named_type(input_field.type) is not named:
            conditions.append(name)
        elif is_list_type(get_nullable_type(input_field.type)):
            lists.append(name)
        else:
            singles.append(name)
    return conditions, lists, singles


def where_choices(named: GraphQLInputObjectType, pools: Pools) -> list[Choice]:
    """Trees that between them hold every condition at the top, every combinator with
    conditions, empty and nested in the others, and one tree past the conditions' bound."""
    conditions, lists, singles = where_parts(named)
    turn = itertools.count()

    def leaf() -> dict[str, Any]:
        index = next(turn)
        name = conditions[index % len(conditions)]
        return {name: leaf_value(name, named.fields[name].type, pools, index // len(conditions))}

    trees: list[dict[str, Any]] = [{}]
    for start in range(0, len(conditions), 2):
        trees.append({**leaf(), **leaf()} if start + 1 < len(conditions) else leaf())
    for combinator in lists:
        trees.append({combinator: [leaf(), leaf()]})
    for combinator in singles:
        trees.append({combinator: leaf()})
    # empty combinators: an empty AND holds, an empty OR does not, NOT of {} does not
    empties: dict[str, Any] = {lists[0]: []} if lists else {}
    empties |= {combinator: [{}, {lists[0]: []} if lists else {}] for combinator in lists[1:]}
    empties |= {combinator: {} for combinator in singles}
    trees.append(empties)
    deep: dict[str, Any] = leaf()
    for combinator in [*lists, *singles]:
        wrapped: Any = [deep, leaf()] if combinator in lists else deep
        deep = {**leaf(), combinator: wrapped}
    trees.append(deep)
    found = [Choice(tree) for tree in trees]
    if lists:
        too_many = {lists[0]: [leaf() for _ in range(TOO_MANY)]}
        found.append(Choice(too_many, modest=False, refused=True))
    return found


# What the generated set must cover


def required_facts(list_field: ListField) -> set[str]:
    """Every argument of the field given, every enum value it can hold, every field of an
    input it takes (and of inputs within)."""
    found: set[str] = set()
    for name, argument in list_field.definition.args.items():
        found |= type_facts(argument.type, name)
    return found


def type_facts(type_: GraphQLInputType, prefix: str) -> set[str]:
    found = {prefix}
    named = get_named_type(type_)
    if isinstance(named, GraphQLEnumType):
        found |= {f"{prefix}={value}" for value in named.values}
    elif isinstance(named, GraphQLInputObjectType):
        for name, input_field in named.fields.items():
            if get_named_type(input_field.type) is named:
                found.add(f"{prefix}.{name}")
            else:
                found |= type_facts(input_field.type, f"{prefix}.{name}")
    return found


def given_facts(list_field: ListField, arguments: Mapping[str, Any]) -> set[str]:
    found: set[str] = set()
    for name, value in arguments.items():
        found |= value_facts(list_field.definition.args[name].type, value, name)
    return found


def value_facts(type_: GraphQLInputType, value: Any, prefix: str) -> set[str]:
    found = {prefix}
    named = get_named_type(type_)
    if value is None:
        return found
    if isinstance(named, GraphQLEnumType):
        found |= {f"{prefix}={item}" for item in (value if isinstance(value, list) else [value])}
    elif isinstance(named, GraphQLInputObjectType):
        for item in value if isinstance(value, list) else [value]:
            for name, inner in item.items():
                input_field = named.fields[name]
                if get_named_type(input_field.type) is named:
                    found.add(f"{prefix}.{name}")
                    for child in inner if isinstance(inner, list) else [inner]:
                        found |= value_facts(named, child, prefix)
                else:
                    found |= value_facts(input_field.type, inner, f"{prefix}.{name}")
    return found


# Combinations


def pairwise(dimensions: Sequence[int]) -> list[tuple[int, ...]]:
    """Rows of value indexes holding every pair of values of every two dimensions; each
    new row starts from a pair not yet held and takes, dimension by dimension, the value
    that holds most pairs still missing."""
    missing = {
        (i, a, j, b)
        for i, j in itertools.combinations(range(len(dimensions)), 2)
        for a in range(dimensions[i])
        for b in range(dimensions[j])
    }
    rows: list[tuple[int, ...]] = []
    if not missing:
        longest = max(dimensions, default=1)
        return [
            tuple(min(n, dimensions[d] - 1) for d in range(len(dimensions))) for n in range(longest)
        ]
    while missing:
        i, a, j, b = min(missing)
        row: dict[int, int] = {i: a, j: b}
        for dimension in range(len(dimensions)):
            if dimension not in row:
                row[dimension] = max(
                    range(dimensions[dimension]),
                    key=lambda value: pairs_held(row, dimension, value, missing),
                )
        done = tuple(row[d] for d in range(len(dimensions)))
        missing -= {
            (i, done[i], j, done[j]) for i, j in itertools.combinations(range(len(done)), 2)
        }
        rows.append(done)
    return rows


def pairs_held(
    row: Mapping[int, int], dimension: int, value: int, missing: set[tuple[int, int, int, int]]
) -> int:
    """How many missing pairs `value` in `dimension` would hold beside the row's values."""
    held = 0
    for other, chosen in row.items():
        pair = (
            (other, chosen, dimension, value)
            if other < dimension
            else (dimension, value, other, chosen)
        )
        held += pair in missing
    return held


@dataclass(frozen=True)
class Call:
    """One aliased selection of a list field."""

    field: ListField
    alias: str
    arguments: Mapping[str, Any]  # given ones only: JSON, or CURSOR
    parts: frozenset[str]  # the toggled parts selected
    nested: Call | None = None

    def calls(self) -> Iterator[Call]:
        yield self
        if self.nested is not None:
            yield from self.nested.calls()


@dataclass(frozen=True)
class Step:
    """One field on the way from the root to a list's owner, and for a container the
    fields down to its items (`edges`, `node`)."""

    name: str
    arguments: str
    has_id: bool
    inner: tuple[str, ...] = ()

    def around(self, text: str) -> str:
        inside = f"{'id ' if self.has_id else ''}{text}"
        for name in reversed(self.inner):
            inside = f"{name} {{ {inside} }}"
        return f"{self.name}{self.arguments} {{ {inside} }}"


@dataclass(frozen=True)
class Way:
    """How a document reaches the owner of its calls: `listed` when through a list, so
    that its calls hang off many owners."""

    owner: str
    steps: tuple[Step, ...]
    listed: bool

    @property
    def label(self) -> str:
        return "root" if not self.steps else ("listed" if self.listed else "pinned")


def path_arguments(definition: GraphQLField, pools: Pools) -> str | None:
    """Arguments for a field on the way to an owner: its node's id, the busiest
    researcher for an id of any kind (another one for a second), a small page. None: a
    required argument has no value here."""
    named = get_named_type(definition.type)
    given: dict[str, Any] = {}
    researchers = pools.ids.get("Researcher", ())
    for name, argument in definition.args.items():
        type_name = get_named_type(argument.type).name
        if name == "first":
            given[name] = PATH_PAGE
        elif type_name == "ID" and not is_list_type(get_nullable_type(argument.type)):
            if is_node_type(named) and named.name in pools.ids and name == "id":
                given[name] = pools.ids[named.name][0]
            elif researchers:
                given[name] = researchers[1] if name == "to" else researchers[0]
        elif type_name == "String" and is_non_null_type(argument.type):
            given[name] = pools.word(name)
        elif is_non_null_type(argument.type) and not has_default(argument):
            return None
    if not given:
        return ""
    return "(" + ", ".join(f"{name}: {json.dumps(value)}" for name, value in given.items()) + ")"


def ways(schema: GraphQLSchema, pools: Pools) -> dict[str, list[Way]]:
    """For each object type, the shortest way to it without a list and the shortest
    through one, by a walk from Query over fields whose arguments the pools can give."""
    assert schema.query_type is not None
    found: dict[tuple[str, bool], Way] = {("Query", False): Way("Query", (), False)}
    waiting = [found["Query", False]]
    while waiting:
        way = waiting.pop(0)
        type_ = schema.get_type(way.owner)
        assert isinstance(type_, GraphQLObjectType)
        for name, definition in type_.fields.items():
            named = get_named_type(definition.type)
            if not isinstance(named, GraphQLObjectType):
                continue  # a node of any kind: its id would have to say which
            arguments = path_arguments(definition, pools)
            if arguments is None:
                continue
            listed = way.listed or is_list_type(get_nullable_type(definition.type))
            inner: tuple[str, ...] = ()
            if returns_container(definition):
                # a connection is one step, to its items
                container_list, node = item_path(ListField(way.owner, name, definition))
                inner = tuple(part for part in (container_list, node) if part is not None)
                named = item_type(ListField(way.owner, name, definition))
                listed = True
                if not isinstance(named, GraphQLObjectType):
                    continue
            if (named.name, listed) in found:
                continue
            step = Step(name, arguments, "id" in named.fields, inner)
            found[named.name, listed] = Way(named.name, (*way.steps, step), listed)
            waiting.append(found[named.name, listed])
    by_owner: dict[str, list[Way]] = {}
    for (owner, _), way in found.items():
        by_owner.setdefault(owner, []).append(way)
    return by_owner


@dataclass(frozen=True)
class Document:
    way: Way
    calls: tuple[Call, ...]
    corpus: str  # "pairwise", "presence" or "random"

    def all_calls(self) -> Iterator[Call]:
        for call in self.calls:
            yield from call.calls()

    def root_fields(self) -> int:
        return len(self.calls) if not self.way.steps else 1


def render(schema: GraphQLSchema, document: Document) -> tuple[str, dict[str, Any]]:
    """The document's text and its variables (CURSOR left for the run to resolve)."""
    rendering = Rendering(schema)
    inner = " ".join(rendering.call(call) for call in document.calls)
    for step in reversed(document.way.steps):
        inner = step.around(inner)
    declared = rendering.declared
    head = f"query ({', '.join(declared)}) " if declared else ""
    return f"{head}{{ {inner} }}", rendering.variables


class Rendering:
    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema
        self.variables: dict[str, Any] = {}
        self.declared: list[str] = []

    def call(self, call: Call) -> str:
        written = []
        for name, value in call.arguments.items():
            variable = f"{call.alias}_{name}"
            self.declared.append(f"${variable}: {call.field.definition.args[name].type}")
            self.variables[variable] = value
            written.append(f"{name}: ${variable}")
        arguments = f"({', '.join(written)})" if written else ""
        return f"{call.alias}: {call.field.name}{arguments} {{ {self.body(call)} }}"

    def body(self, call: Call) -> str:
        named = call.field.named
        nested = "" if call.nested is None else " " + self.call(call.nested)
        if not call.field.contains:
            return self.element(named, nested)
        assert isinstance(named, GraphQLObjectType)
        # a call resumed from its own cursor reads that cursor: every part is selected
        selected = (
            call.parts if CURSOR not in call.arguments.values() else toggled_parts(call.field)
        )
        parts = []
        for name, definition in named.fields.items():
            inner = get_named_type(definition.type)
            if is_object_list(definition.type):
                parts.append(f"{name} {{ {self.element(inner, nested)} }}")
                nested = ""  # the items are the first list's
            elif name in selected:
                parts.append(name if is_leaf_type(inner) else f"{name} {{ {self.brief(inner)} }}")
        return " ".join(parts)

    def element(self, type_: GraphQLNamedType, nested: str) -> str:
        node = edge_node(type_)
        if node is None:
            return self.item(type_) + nested
        assert isinstance(type_, GraphQLObjectType)
        leaves = [name for name, f in type_.fields.items() if is_leaf_type(get_named_type(f.type))]
        inner = get_named_type(type_.fields[node].type)
        return " ".join([*leaves, f"{node} {{ {self.item(inner)}{nested} }}"])

    def item(self, type_: GraphQLNamedType, clashing: Collection[str] = ()) -> str:
        """An item's own values: its scalars, and the objects it holds, briefly (a node's
        stored values alone)."""
        if is_abstract_type(type_):
            assert isinstance(type_, GraphQLInterfaceType | GraphQLUnionType)
            possible_types = self.schema.get_possible_types(type_)
            types_of: dict[str, set[str]] = {}
            for possible in possible_types:
                for name, definition in possible.fields.items():
                    types_of.setdefault(name, set()).add(str(definition.type))
            # a field two types answer in different types (`type`) under each one's alias
            clashing = {name for name, types in types_of.items() if len(types) > 1}
            fragments = [
                f"... on {possible.name} {{ {self.item(possible, clashing)} }}"
                for possible in possible_types
            ]
            has_id = isinstance(type_, GraphQLInterfaceType) and "id" in type_.fields
            return " ".join(["__typename", *(["id"] if has_id else []), *fragments])
        assert isinstance(type_, GraphQLObjectType)
        parts = ["id"] if is_node_type(type_) else []
        for name, definition in type_.fields.items():
            inner = get_named_type(definition.type)
            if requires_arguments(definition) or is_list_field(definition):
                continue
            if is_node_type(type_) and (name == "id" or computed(definition)):
                continue
            written = f"{type_.name}_{name}: {name}" if name in clashing else name
            if is_leaf_type(inner):
                parts.append(written)
            elif not is_object_list(definition.type):
                parts.append(f"{written} {{ {self.brief(inner)} }}")
        return " ".join(parts) or "__typename"

    def brief(self, type_: GraphQLNamedType) -> str:
        """An object within an item: its id, or its scalars."""
        if isinstance(type_, GraphQLInterfaceType | GraphQLObjectType) and "id" in type_.fields:
            return "__typename id"
        if not isinstance(type_, GraphQLObjectType):
            return "__typename"
        leaves = [
            name
            for name, f in type_.fields.items()
            if is_leaf_type(get_named_type(f.type)) and not requires_arguments(f)
        ]
        return " ".join(leaves) or "__typename"


def computed(definition: GraphQLField) -> bool:
    """A field the compiler computes (a rule declared beside it) rather than a property it
    reads. A node's computed fields are left out of its items: a page of a hundred
    researchers, each with its trust and citations, takes seconds, and every field of
    every node is walked by tests/test_every_field.py."""
    return declaration_of(definition).rule is not None


def requires_arguments(definition: GraphQLField) -> bool:
    return any(
        is_non_null_type(argument.type) and not has_default(argument)
        for argument in definition.args.values()
    )


# The corpora


@dataclass(frozen=True)
class Target:
    """A list field where one way reaches its owner."""

    field: ListField
    way: Way

    @property
    def label(self) -> str:
        return f"{self.field.key} ({self.way.label})"


def targets(schema: GraphQLSchema, pools: Pools) -> list[Target]:
    found = ways(schema, pools)
    return [
        Target(list_field, way)
        for list_field in list_fields(schema)
        for way in found.get(list_field.owner, [])
    ]


class Calls:
    """Builds a target's calls: the argument choices, parts and nested lists it varies."""

    def __init__(self, schema: GraphQLSchema, pools: Pools) -> None:
        self.schema = schema
        self.pools = pools

    def choices(self, list_field: ListField) -> dict[str, list[Choice]]:
        return {
            name: argument_choices(name, argument, self.pools)
            for name, argument in list_field.definition.args.items()
        }

    def accepted(self, list_field: ListField) -> dict[str, list[Choice]]:
        return {
            name: [choice for choice in choices if not choice.refused]
            for name, choices in self.choices(list_field).items()
        }

    def modest(self, list_field: ListField, alias: str, turn: int) -> Call:
        """A call of values within every bound, turning over them with `turn`: a list
        nested under another, whose own pages and cursors are not the point."""
        arguments = {}
        for position, (name, choices) in enumerate(self.choices(list_field).items()):
            fit = [choice for choice in choices if choice.modest]
            value = fit[(turn + position) % len(fit)].value
            if value is not OMITTED:
                arguments[name] = value
        return Call(list_field, alias, arguments, frozenset(toggled_parts(list_field)))

    def pairwise(self, target: Target) -> list[Call]:
        list_field = target.field
        choices = self.accepted(list_field)
        parts = toggled_parts(list_field)
        nested: list[ListField | None] = [None, *nested_candidates(list_field)]
        sizes = [len(c) for c in choices.values()] + [2] * len(parts) + [len(nested)]
        calls = []
        for index, row in enumerate(pairwise(sizes)):
            alias = f"c{index % 2}"
            picked = dict(zip(choices, row, strict=False))
            arguments = {
                name: choices[name][value].value
                for name, value in picked.items()
                if choices[name][value].value is not OMITTED
            }
            toggles = row[len(choices) : len(choices) + len(parts)]
            chosen = nested[row[-1]]
            below = None if chosen is None else self.modest(chosen, f"{alias}n", index)
            selected = frozenset(part for part, on in zip(parts, toggles, strict=True) if on)
            calls.append(Call(list_field, alias, arguments, selected, below))
        return calls

    def presence(self, target: Target) -> list[Call]:
        """Every combination of which inputs (where, orderBy...), counts (leaf parts) and
        nested lists are there, their values turning over."""
        list_field = target.field
        choices = self.choices(list_field)
        features = presence_features(list_field)
        leaves = [feature.removeprefix(PART) for feature in features if feature.startswith(PART)]
        candidates = nested_candidates(list_field)
        calls = []
        turn = itertools.count()
        for index, present in enumerate(itertools.product((False, True), repeat=len(features))):
            on = {feature for feature, there in zip(features, present, strict=True) if there}
            alias = f"c{index % 2}"
            arguments = {}
            for position, (name, options) in enumerate(choices.items()):
                fit = [choice.value for choice in options if choice.modest]
                if ARGUMENT + name in on:
                    fit = [value for value in fit if value not in (OMITTED, None, {})]
                elif ARGUMENT + name in features:
                    continue
                else:
                    # small pages: what is combined here is the statement's shape
                    fit = [value for value in fit if value not in (OMITTED, None)] or fit
                # the arguments that are no feature take their modest values in turn
                value = fit[(index + position) % len(fit)]
                if value is not OMITTED:
                    arguments[name] = value
            parts = {part for part in leaves if PART + part in on}
            if index % 2:
                parts |= set(toggled_parts(list_field)) - set(leaves)
            below = None
            if NESTED in on:
                nested_turn = next(turn)
                below = self.modest(candidates[nested_turn % len(candidates)], f"{alias}n", index)
            calls.append(Call(list_field, alias, arguments, frozenset(parts), below))
        return calls

    def refusals(self, target: Target) -> list[Call]:
        """Each value past every bound, alone: the one argument given (and those
        required)."""
        calls = []
        for name, choices in self.choices(target.field).items():
            for choice in choices:
                if choice.refused or (choice.value is CURSOR and target.way.listed):
                    call = self.modest(target.field, "c0", 0)
                    arguments = {
                        key: value
                        for key, value in call.arguments.items()
                        if is_non_null_type(target.field.definition.args[key].type)
                    }
                    calls.append(replace(call, arguments={**arguments, name: choice.value}))
        return calls


ARGUMENT, PART, NESTED = "argument:", "part:", "nested"


def presence_features(list_field: ListField) -> list[str]:
    """What the presence documents combine: the input objects a field takes, its parts
    that are counts or flags, and whether a list is nested in its items."""
    inputs = [
        ARGUMENT + name
        for name, argument in list_field.definition.args.items()
        if isinstance(get_named_type(argument.type), GraphQLInputObjectType)
    ]
    named = list_field.named
    leaves = [
        PART + part
        for part in toggled_parts(list_field)
        if isinstance(named, GraphQLObjectType)
        and is_leaf_type(get_named_type(named.fields[part].type))
    ]
    nested = [NESTED] if nested_candidates(list_field) else []
    return [*inputs, *leaves, *nested]


def features_of(call: Call) -> frozenset[str]:
    """Which of its presence features a call has."""
    there = {ARGUMENT + name for name, value in call.arguments.items() if value is not None}
    there |= {PART + part for part in call.parts}
    if call.nested is not None:
        there.add(NESTED)
    return frozenset(there) & frozenset(presence_features(call.field))


def in_pairs(target: Target, calls: list[Call], corpus: str) -> list[Document]:
    """Two calls of the field per document, side by side under aliases c0 and c1."""
    return [
        Document(target.way, tuple(calls[start : start + 2]), corpus)
        for start in range(0, len(calls), 2)
    ]


def corpus(schema: GraphQLSchema, pools: Pools) -> list[Document]:
    """Every target's presence documents and refusals; pairwise documents where the
    owner is one, or below a list where no way has one owner (below a list, the statement
    is the same but for its first rows)."""
    calls = Calls(schema, pools)
    documents = []
    found = targets(schema, pools)
    one_owner = {target.field.key for target in found if not target.way.listed}
    for target in found:
        if not target.way.listed or target.field.key not in one_owner:
            documents += in_pairs(target, calls.pairwise(target), "pairwise")
        documents += in_pairs(target, calls.presence(target), "presence")
        documents += [Document(target.way, (call,), "refused") for call in calls.refusals(target)]
    return documents


# At random: what the enumerations leave out (pairs of an order's fields, deeper trees,
# three calls side by side)


def where_trees(
    named: GraphQLInputObjectType, pools: Pools, depth: int
) -> st.SearchStrategy[dict[str, Any]]:
    conditions, lists, singles = where_parts(named)

    @st.composite
    def tree(draw: st.DrawFn, depth: int) -> dict[str, Any]:
        names = draw(st.lists(st.sampled_from(conditions), max_size=2, unique=True))
        found: dict[str, Any] = {
            name: leaf_value(name, named.fields[name].type, pools, draw(st.integers(0, 5)))
            for name in names
        }
        if depth > 0 and (lists or singles):
            combinators = st.sampled_from([*lists, *singles])
            for combinator in draw(st.lists(combinators, max_size=2, unique=True)):
                if combinator in singles:
                    found[combinator] = draw(tree(depth - 1))
                else:
                    found[combinator] = draw(st.lists(tree(depth - 1), max_size=2))
        return found

    return tree(depth)


def argument_values(
    calls: Calls, target: Target, name: str, choices: list[Choice]
) -> st.SearchStrategy[Any]:
    accepted = [
        choice.value
        for choice in choices
        if not choice.refused and not (choice.value is CURSOR and target.way.listed)
    ]
    drawn: st.SearchStrategy[Any] = st.sampled_from(accepted)
    named = get_named_type(target.field.definition.args[name].type)
    if isinstance(named, GraphQLInputObjectType):
        if any(get_named_type(f.type) is named for f in named.fields.values()):
            drawn |= where_trees(named, calls.pools, 3)
        else:
            drawn |= st.fixed_dictionaries(
                {},
                optional={
                    field_name: st.sampled_from(
                        [c.value for c in value_choices(field_name, f.type, calls.pools)]
                    )
                    for field_name, f in named.fields.items()
                },
            ).filter(lambda value: all(required in value for required in required_fields(named)))
    return drawn


def required_fields(named: GraphQLInputObjectType) -> list[str]:
    return [
        name
        for name, input_field in named.fields.items()
        if is_non_null_type(input_field.type) and input_field.default_value is Undefined
    ]


def random_call(calls: Calls, target: Target, alias: str) -> st.SearchStrategy[Call]:
    @st.composite
    def call(draw: st.DrawFn) -> Call:
        arguments = {}
        for name, choices in calls.choices(target.field).items():
            value = draw(argument_values(calls, target, name, choices))
            if value is not OMITTED:
                arguments[name] = value
        parts = draw(st.sets(st.sampled_from(toggled_parts(target.field) or [""])))
        candidates = nested_candidates(target.field)
        chosen = draw(st.sampled_from([None, *candidates]))
        below = None
        if chosen is not None:
            below = calls.modest(chosen, f"{alias}n", draw(st.integers(0, 20)))
        return Call(target.field, alias, arguments, frozenset(parts) - {""}, below)

    return call()


def random_documents(calls: Calls, found: list[Target]) -> st.SearchStrategy[Document]:
    @st.composite
    def document(draw: st.DrawFn) -> Document:
        target = draw(st.sampled_from(found))
        count = draw(st.integers(1, 3))
        chosen = tuple(draw(random_call(calls, target, f"c{index}")) for index in range(count))
        return Document(target.way, chosen, "random")

    return document()
