"""A small Cypher builder: clauses and expressions are `Template` values whose holes the
builder fills.

A hole, `{name}`, is either given (the variable of the object a rule projects, a
parameter) or local to the part being built: the statement names every local afresh, so
two parts of one statement never declare the same variable, however they nest. Cypher's
own braces (map literals `{key: $p}`, subqueries `COUNT { … }`) are never holes: a hole
holds a bare lower-case name."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

HOLE = re.compile(r"\{([a-z][a-z_]*)\}")


@dataclass(frozen=True)
class Template:
    text: str
    # in order of first appearance, so that a statement's names are the same every time
    holes: tuple[str, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "holes", tuple(dict.fromkeys(HOLE.findall(self.text))))

    def fill(self, **given: str) -> str:
        """The text with every hole given: a template without locals."""
        return HOLE.sub(lambda found: given[found.group(1)], self.text)


class Binding:
    """The names of one part of a statement: those given, and a fresh one for each local
    the first time a template of the part uses it, shared by the part's templates."""

    def __init__(self, fresh: Callable[[str], str], **given: str) -> None:
        self.fresh = fresh
        self.names = dict(given)

    def __call__(self, template: Template) -> str:
        for hole in template.holes:
            if hole not in self.names:
                self.names[hole] = self.fresh(hole)
        return HOLE.sub(lambda found: self.names[found.group(1)], template.text)
