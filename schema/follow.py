"""Following researchers: idempotent, one edge per user and researcher."""

from __future__ import annotations

import strawberry

from resolvers.compiler.readback import written
from resolvers.context import Info
from resolvers.mutations import follows
from schema.researcher import Researcher


@strawberry.type
class FollowMutation:
    @strawberry.mutation(description="Follow a researcher; following again changes nothing.")
    async def follow_researcher(self, info: Info, id: strawberry.ID) -> Researcher:
        return written(Researcher, await follows.follow(info.context, id))

    @strawberry.mutation(description="Stop following; unfollowing again changes nothing.")
    async def unfollow_researcher(self, info: Info, id: strawberry.ID) -> Researcher:
        return written(Researcher, await follows.unfollow(info.context, id))
