"""A claimant's own edits to the record they claimed."""

from __future__ import annotations

import strawberry

from resolvers.compiler.readback import written
from resolvers.context import Info
from resolvers.mutations import profile
from schema.researcher import Researcher


@strawberry.type
class ProfileMutation:
    @strawberry.mutation(
        description="The claimant only: change the headline (blank clears it) or openness."
    )
    async def update_profile(
        self,
        info: Info,
        researcher_id: strawberry.ID,
        headline: str | None = strawberry.UNSET,
        open_to_collaborate: bool | None = None,
    ) -> Researcher:
        key = await profile.update_profile(
            info.context, researcher_id, headline, open_to_collaborate
        )
        return written(Researcher, key)
