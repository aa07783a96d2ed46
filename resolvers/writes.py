"""Writes that check their conditions and change the graph in one statement.

Each statement returns one row: a boolean column per condition, and writes nothing
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
class Rule:
    holds: str
    error: type[PeergraphError]
    message: str
    reason: str | None = None


ACCOUNT_EXISTS = Rule("signedIn", Unauthenticated, "the account behind this token no longer exists")
MODERATORS_ONLY = Rule("moderator", Forbidden, "only moderators may do this")


def enforce(row: Row, rules: Sequence[Rule]) -> Row:
    """Checked in order: list the rules most basic first (signed in, then found, then allowed)."""
    for rule in rules:
        if not row[rule.holds]:
            raise rule.error(rule.message, rule.reason)
    return row


async def guarded_write(
    context: Context, name: str, parameters: dict[str, Any], rules: Sequence[Rule]
) -> Row:
    return enforce((await context.write(name, parameters))[0], rules)
