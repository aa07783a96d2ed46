"""Following researchers: idempotent, one edge per user and researcher."""

from __future__ import annotations

import strawberry

from core.errors import NotFound
from core.ids import decode_id
from resolvers.compiler.readback import written
from resolvers.context import Info
from resolvers.writes import ACCOUNT_EXISTS, Rule, guarded_write
from schema.researcher import Researcher

RULES = (ACCOUNT_EXISTS, Rule("found", NotFound, "no researcher has this id"))


async def change_follow(info: Info, statement: str, id: strawberry.ID) -> Researcher:
    user = info.context.signed_in()
    _, key = decode_id(id, expected="Researcher")
    await guarded_write(info.context, statement, {"user": user, "researcher": key}, RULES)
    return written(Researcher, key)


@strawberry.type
class FollowMutation:
    @strawberry.mutation(description="Follow a researcher; following again changes nothing.")
    async def follow_researcher(self, info: Info, id: strawberry.ID) -> Researcher:
        return await change_follow(info, "follows/follow", id)

    @strawberry.mutation(description="Stop following; unfollowing again changes nothing.")
    async def unfollow_researcher(self, info: Info, id: strawberry.ID) -> Researcher:
        return await change_follow(info, "follows/unfollow", id)
