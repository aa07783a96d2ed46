"""Statements that check their conditions: a write changes the graph in the same statement.

Each statement returns one row: a boolean column per condition, and a write writes nothing
unless every condition holds. The first condition that failed becomes the error, so
a refused call leaves the graph exactly as it was."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.errors import Forbidden, PeergraphError, Unauthenticated
from resolvers.context import Context
from resolvers.database import Row


@dataclass(frozen=True)
class Condition:
    holds: str  # the statement's boolean column
    error: type[PeergraphError]
    message: str
    reason: str | None = None


ACCOUNT_EXISTS = Condition(
    "signedIn", Unauthenticated, "the account behind this token no longer exists"
)
MODERATORS_ONLY = Condition("moderator", Forbidden, "only moderators may do this")


def enforce(row: Row, conditions: Sequence[Condition]) -> Row:
    """Checked in order: list the conditions most basic first (signed in, then found, then
    allowed)."""
    for condition in conditions:
        if not row[condition.holds]:
            raise condition.error(condition.message, condition.reason)
    return row


async def guarded_write(
    context: Context, name: str, parameters: dict[str, Any], conditions: Sequence[Condition]
) -> Row:
    return enforce((await context.write(name, parameters))[0], conditions)
