"""Following researchers: idempotent, one edge per user and researcher."""

from __future__ import annotations

from core.errors import NotFound
from core.global_ids import decode_id
from resolvers.conditions import ACCOUNT_EXISTS, Condition, guarded_write
from resolvers.context import Context

CONDITIONS = (ACCOUNT_EXISTS, Condition("found", NotFound, "no researcher has this id"))


async def follow(context: Context, researcher_id: str) -> str:
    """The researcher's key; following again changes nothing."""
    return await _change(context, "follows/follow", researcher_id)


async def unfollow(context: Context, researcher_id: str) -> str:
    """The researcher's key; unfollowing again changes nothing."""
    return await _change(context, "follows/unfollow", researcher_id)


async def _change(context: Context, statement: str, researcher_id: str) -> str:
    user = context.signed_in()
    _, key = decode_id(researcher_id, expected="Researcher")
    await guarded_write(context, statement, {"user": user, "researcher": key}, CONDITIONS)
    return key
