"""Following researchers: idempotent, one edge per user and researcher."""

from __future__ import annotations

from core.errors import BadUserInput, NotFound
from core.global_ids import decode_id
from resolvers.conditions import ACCOUNT_EXISTS, Condition, guarded_write
from resolvers.context import Context

FOUND = Condition("found", NotFound, "no researcher has this id")
NOT_SELF = Condition("notSelf", BadUserInput, "you cannot follow the record you claimed", "SELF")


async def follow(context: Context, researcher_id: str) -> str:
    """The researcher's key; following again changes nothing."""
    return await _change(
        context, "follows/follow", researcher_id, (ACCOUNT_EXISTS, FOUND, NOT_SELF)
    )


async def unfollow(context: Context, researcher_id: str) -> str:
    """The researcher's key; unfollowing again changes nothing. A claimant may unfollow their
    own record: a follow made before the claim was approved can go."""
    return await _change(context, "follows/unfollow", researcher_id, (ACCOUNT_EXISTS, FOUND))


async def _change(
    context: Context, statement: str, researcher_id: str, conditions: tuple[Condition, ...]
) -> str:
    user = context.signed_in()
    _, key = decode_id(researcher_id, expected="Researcher")
    await guarded_write(context, statement, {"user": user, "researcher": key}, conditions)
    return key
