"""Analyst filters and orderings: GraphQL inputs compiled to parameters.

A `where` tree (fields, AND, OR, NOT) becomes a disjunction of conjunctions of
atoms, `[[{field, value, negate}, ...], ...]`, that one fixed Cypher predicate
evaluates: no Cypher is ever built from user input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol, TypeVar

import strawberry

from schema.errors import BadInput
from schema.ids import decode_id
from schema.work_type import WorkType

MAX_CLAUSES = 32
MAX_ATOMS = 32

Atom = dict[str, Any]
Clauses = list[list[Atom]]


@strawberry.enum
class Direction(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.enum
class WorkOrderField(Enum):
    YEAR = "year"
    CITED_BY_COUNT = "citedByCount"
    TITLE = "title"


@strawberry.enum
class ResearcherOrderField(Enum):
    NAME = "name"
    WORKS_COUNT = "worksCount"


@strawberry.input
class WorkOrder:
    field: WorkOrderField
    direction: Direction = Direction.DESC


@strawberry.input
class ResearcherOrder:
    field: ResearcherOrderField
    direction: Direction = Direction.DESC


@strawberry.input(description="Conditions on works; fields of one input all hold (AND).")
class WorkWhere:
    year_from: int | None = None
    year_to: int | None = None
    type: list[WorkType] | None = None
    venue: str | None = None
    open_access: bool | None = None
    topic: strawberry.ID | None = None
    author: strawberry.ID | None = None
    institution: strawberry.ID | None = None
    title_contains: str | None = None
    AND: list[WorkWhere] | None = None
    OR: list[WorkWhere] | None = None
    NOT: WorkWhere | None = None


@strawberry.input(description="Conditions on researchers; fields of one input all hold (AND).")
class ResearcherWhere:
    name_contains: str | None = None
    topic: strawberry.ID | None = None
    institution: strawberry.ID | None = None
    has_orcid: bool | None = None
    open_to_collaborate: bool | None = None
    min_works: int | None = None
    AND: list[ResearcherWhere] | None = None
    OR: list[ResearcherWhere] | None = None
    NOT: ResearcherWhere | None = None


class Where(Protocol):
    AND: Any
    OR: Any
    NOT: Any


W = TypeVar("W", bound=Where)


def _work_atoms(where: WorkWhere) -> list[Atom]:
    values: dict[str, Any] = {
        "yearFrom": where.year_from,
        "yearTo": where.year_to,
        "types": None if where.type is None else [t.value for t in where.type],
        "venue": where.venue,
        "openAccess": where.open_access,
        "topic": _key(where.topic, "Topic"),
        "author": _key(where.author, "Researcher"),
        "institution": _key(where.institution, "Institution"),
        "titleContains": None if where.title_contains is None else where.title_contains.lower(),
    }
    return _atoms(values)


def _researcher_atoms(where: ResearcherWhere) -> list[Atom]:
    if where.min_works is not None and where.min_works < 0:
        raise BadInput(f"minWorks must not be negative, got {where.min_works}")
    values: dict[str, Any] = {
        "nameContains": None if where.name_contains is None else where.name_contains.lower(),
        "topic": _key(where.topic, "Topic"),
        "institution": _key(where.institution, "Institution"),
        "hasOrcid": where.has_orcid,
        "openToCollaborate": where.open_to_collaborate,
        "minWorks": where.min_works,
    }
    return _atoms(values)


def _atoms(values: dict[str, Any]) -> list[Atom]:
    return [
        {"field": field, "value": value, "negate": False}
        for field, value in values.items()
        if value is not None
    ]


def _key(value: strawberry.ID | None, kind: str) -> str | None:
    return None if value is None else decode_id(value, expected=kind)[1]


def _dnf(where: W, atoms_of: Callable[[W], list[Atom]], negate: bool) -> Clauses:
    """Disjunctive normal form of one input, negated when under an odd number of NOTs."""
    parts: list[Clauses] = [[[atom]] for atom in atoms_of(where)]
    parts += [_dnf(child, atoms_of, False) for child in where.AND or []]
    if where.OR is not None:
        parts.append([clause for child in where.OR for clause in _dnf(child, atoms_of, False)])
    if where.NOT is not None:
        parts.append(_dnf(where.NOT, atoms_of, True))
    clauses = _conjunction(parts)
    return _negation(clauses) if negate else clauses


def _conjunction(parts: list[Clauses]) -> Clauses:
    clauses: Clauses = [[]]
    for part in parts:
        clauses = _simplify([left + right for left in clauses for right in part])
        _check_size(clauses)
    return clauses


def _simplify(clauses: Clauses) -> Clauses:
    """Drop repeated atoms, and alternatives that another, weaker one already covers."""
    unique = [[a for n, a in enumerate(clause) if a not in clause[:n]] for clause in clauses]
    kept: Clauses = []
    for n, clause in enumerate(unique):
        covered = any(
            all(atom in clause for atom in other) and (len(other) < len(clause) or m < n)
            for m, other in enumerate(unique)
            if m != n
        )
        if not covered:
            kept.append(clause)
    return kept


def _negation(clauses: Clauses) -> Clauses:
    # NOT (c1 OR c2 ...) = (NOT c1) AND (NOT c2) ..., and NOT (a AND b) = (NOT a) OR (NOT b)
    return _conjunction(
        [[[{**atom, "negate": not atom["negate"]}] for atom in clause] for clause in clauses]
    )


def _check_size(clauses: Clauses) -> None:
    if len(clauses) > MAX_CLAUSES or any(len(clause) > MAX_ATOMS for clause in clauses):
        raise BadInput(
            f"where is too complex: at most {MAX_CLAUSES} alternatives of {MAX_ATOMS} conditions"
        )


def work_clauses(where: WorkWhere | None) -> Clauses:
    return [] if where is None else _dnf(where, _work_atoms, False)


def researcher_clauses(where: ResearcherWhere | None) -> Clauses:
    return [] if where is None else _dnf(where, _researcher_atoms, False)


@dataclass(frozen=True)
class Anchor:
    """A parent every match must hang off, so the statement starts there, not from a scan."""

    kind: str | None
    key: str


ANCHOR_FIELDS = {"topic": "Topic", "author": "Researcher", "institution": "Institution"}


def anchor_of(clauses: Clauses) -> Anchor:
    if not clauses:
        return Anchor(None, "")
    for atom in clauses[0]:
        kind = ANCHOR_FIELDS.get(atom["field"])
        if kind is None or atom["negate"]:
            continue
        if all(any(a == atom for a in clause) for clause in clauses[1:]):
            return Anchor(kind, atom["value"])
    return Anchor(None, "")
