"""`where` trees as Cypher predicates: AND, OR and NOT of conditions on one variable.

`{}` and an empty AND match everything, an empty OR matches nothing, and NOT of
what matches everything matches nothing. A condition on a missing property is false,
so under NOT it is true. Values are parameters; only the tree's shape is text.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from core.errors import BadUserInput
from core.ids import decode_id

MAX_CONDITIONS = 64
Path = tuple[str | int, ...]
# Binds a value found at a path of the where tree; returns the `$parameter`.
Bind = Callable[[Path, Callable[[Any], Any]], str]


@dataclass(frozen=True)
class Condition:
    """One input field: its Cypher (with `{v}` for the variable, `{p}` for the value)."""

    template: str
    convert: Callable[[Any], Any] = lambda value: value


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


WORK_CONDITIONS = {
    "yearFrom": Condition("{v}.year >= {p}"),
    "yearTo": Condition("{v}.year <= {p}"),
    "type": Condition("{v}.type IN {p}", enum_values),
    "venue": Condition("{v}.venue = {p}"),
    "openAccess": Condition("{v}.openAccess = {p}"),
    "topic": Condition("EXISTS { ({v})-[:ABOUT]->(:Topic {key: {p}}) }", global_key("Topic")),
    "author": Condition(
        "EXISTS { ({v})<-[:AUTHORED]-(:Researcher {key: {p}}) }", global_key("Researcher")
    ),
    "institution": Condition(
        "EXISTS { ({v})-[:AFFILIATION]->(:Institution {key: {p}}) }",
        global_key("Institution"),
    ),
    "titleContains": Condition("toLower({v}.title) CONTAINS {p}", lowered),
}

RESEARCHER_CONDITIONS = {
    "nameContains": Condition("toLower({v}.name) CONTAINS {p}", lowered),
    "topic": Condition(
        "EXISTS { ({v})-[:AUTHORED]->(:Work)-[:ABOUT]->(:Topic {key: {p}}) }",
        global_key("Topic"),
    ),
    "institution": Condition(
        "(EXISTS { ({v})-[:AFFILIATED_WITH]->(:Institution {key: {p}}) }"
        " OR EXISTS { ({v})-[:AUTHORED]->(:Work)-[a:AFFILIATION]->(:Institution {key: {p}})"
        " WHERE a.researcher = {v}.key })",
        global_key("Institution"),
    ),
    "hasOrcid": Condition("({v}.orcid IS NOT NULL) = {p}"),
    "openToCollaborate": Condition("{v}.openToCollaborate = {p}"),
    "minWorks": Condition("COUNT { ({v})-[:AUTHORED]->() } >= {p}", not_negative("minWorks")),
}

# The anchors a list can start from instead of scanning every node of its kind.
ANCHORS = {"topic": "Topic", "author": "Researcher", "institution": "Institution"}


def shape_of(where: Any, conditions: dict[str, Condition]) -> Hashable:
    """What the text depends on: which fields are given, and the shape below them."""
    if where is None:
        return None
    given = tuple(name for name in conditions if where.get(name) is not None)
    return (
        given,
        None if where["AND"] is None else tuple(shape_of(w, conditions) for w in where["AND"]),
        None if where["OR"] is None else tuple(shape_of(w, conditions) for w in where["OR"]),
        shape_of(where["NOT"], conditions),
    )


def value_at(where: Any, path: Path) -> Any:
    for step in path:
        where = where[step]
    return where


class Predicate:
    def __init__(
        self,
        conditions: dict[str, Condition],
        variable: str,
        bind: Bind,
        parent: tuple[str, str] | None = None,
    ) -> None:
        """`parent`: (condition, variable) when every candidate hangs off that node, so the
        condition holds without a look at the graph when it names the parent."""
        self.conditions = conditions
        self.variable = variable
        self.bind = bind
        self.parent = parent
        self.count = 0

    def text(self, where: Any, path: Path = (), negated: bool = False) -> str:
        parts = []
        for name, condition in self.conditions.items():
            if where.get(name) is None:
                continue
            self.count += 1
            if self.count > MAX_CONDITIONS:
                raise BadUserInput(f"where is too complex: at most {MAX_CONDITIONS} conditions")
            parameter = self.bind((*path, name), condition.convert)
            atom = condition.template.replace("{v}", self.variable).replace("{p}", parameter)
            if self.parent is not None and self.parent[0] == name:
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


def anchor(where: Any) -> tuple[str, str] | None:
    """A node every match hangs off, given at the top of the tree: (field, label)."""
    if where is None:
        return None
    for name, label in ANCHORS.items():
        if where.get(name) is not None:
            return name, label
    return None
