"""One root field's Cypher statement as it is assembled: fresh names and parameters."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from core.errors import Unauthenticated
from resolvers.compiler.request import (
    VIEWER,
    Arguments,
    ArgumentSource,
    Fact,
    Parameter,
    RequestArguments,
)


def anyone(values: Arguments) -> str | None:
    return values["viewer"]  # type: ignore[no-any-return]


def signed_in(values: Arguments) -> str:
    if values["viewer"] is None:
        raise Unauthenticated("sign in first: send 'Authorization: Bearer <token>' from login")
    return str(values["viewer"])


class StatementBuilder:
    def __init__(self, request: RequestArguments, facts: list[Fact]) -> None:
        self.request = request
        self.facts = facts
        self.parameters: list[Parameter] = []
        self._names = 0

    def variable(self, prefix: str) -> str:
        """A name no other part of the statement has; no fragment declares `name_N`."""
        self._names += 1
        return f"{prefix}_{self._names}"

    def parameter(
        self,
        source: ArgumentSource | None,
        value: Callable[[Arguments], Any],
        parent: ArgumentSource | None = None,
    ) -> str:
        """A `$name` whose value each request computes from its own arguments (and those
        of `parent`, under request.PARENT)."""
        name = f"p{len(self.parameters)}"
        self.parameters.append(Parameter(name, source, value, parent))
        return f"${name}"

    def signed_in(self) -> bool:
        """Whether a user is signed in: the plan's text depends on it."""
        return bool(self.fact(VIEWER, "signed in", lambda values: values["viewer"] is not None))

    def viewer(self, required: bool = False) -> str:
        """The signed-in user's key, or null; `required`: refused when nobody signed in."""
        name = f"p{len(self.parameters)}"
        self.parameters.append(Parameter(name, VIEWER, signed_in if required else anyone))
        return f"${name}"

    def constant(self, value: Any) -> str:
        return self.parameter(None, lambda _: value)

    def fact(
        self, source: ArgumentSource, label: str, read: Callable[[Arguments], Hashable]
    ) -> Any:
        """What this request's arguments say, built into the plan's text."""
        self.facts.append(Fact(source, label, read))
        return read(self.request.of_source(source))
