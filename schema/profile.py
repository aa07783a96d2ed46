"""A claimant's own edits to the record they claimed."""

from __future__ import annotations

import strawberry

from core.errors import BadUserInput, Forbidden, NotFound
from core.ids import decode_id
from resolvers.compiler.readback import written
from resolvers.context import Info
from resolvers.writes import ACCOUNT_EXISTS, Rule, guarded_write
from schema.inputs import optional_text
from schema.researcher import Researcher

MAX_HEADLINE = 280
RULES = (
    ACCOUNT_EXISTS,
    Rule("found", NotFound, "no researcher has this id"),
    Rule("claimant", Forbidden, "only the person who claimed this record may edit it"),
)


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
        user = info.context.signed_in()
        _, researcher = decode_id(researcher_id, expected="Researcher")
        change_headline = headline is not strawberry.UNSET
        if not change_headline and open_to_collaborate is None:
            raise BadUserInput("give a headline, openToCollaborate or both")
        parameters = {
            "user": user,
            "researcher": researcher,
            "changeHeadline": change_headline,
            "headline": optional_text(headline, "headline", MAX_HEADLINE)
            if change_headline
            else None,
            "openToCollaborate": open_to_collaborate,
        }
        await guarded_write(info.context, "claims/update_profile", parameters, RULES)
        return written(Researcher, researcher)
