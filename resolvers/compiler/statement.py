"""One root field's Cypher statement as it is assembled: fresh names and parameters."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from resolvers.compiler.request import (
    VIEWER,
    Arguments,
    ArgumentSource,
    Fact,
    Parameter,
    RequestArguments,
)


class Statement:
    def __init__(self, request: RequestArguments, facts: list[Fact]) -> None:
        self.request = request
        self.facts = facts
        self.parameters: list[Parameter] = []
        self._names = 0

    def variable(self, prefix: str) -> str:
        self._names += 1
        return f"{prefix}{self._names}"

    def parameter(self, source: ArgumentSource | None, value: Callable[[Arguments], Any]) -> str:
        """A `$name` whose value each request computes from its own arguments."""
        name = f"p{len(self.parameters)}"
        self.parameters.append(Parameter(name, source, value))
        return f"${name}"

    def viewer(self) -> str:
        """The signed-in user's key, or null."""
        name = f"p{len(self.parameters)}"
        self.parameters.append(Parameter(name, VIEWER, lambda _: None))
        return f"${name}"

    def constant(self, value: Any) -> str:
        return self.parameter(None, lambda _: value)

    def fact(
        self, source: ArgumentSource, label: str, read: Callable[[Arguments], Hashable]
    ) -> Any:
        """What this request's arguments say, built into the plan's text."""
        self.facts.append(Fact(source, label, read))
        return read(self.request.of_source(source))
