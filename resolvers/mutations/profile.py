"""A claimant's own edits to the record they claimed."""

from __future__ import annotations

from strawberry.types.unset import UNSET, UnsetType

from core.errors import BadUserInput, Forbidden, NotFound
from core.global_ids import decode_id
from resolvers.conditions import ACCOUNT_EXISTS, Condition, guarded_write
from resolvers.context import Context
from resolvers.mutations.text import optional_text

MAX_HEADLINE = 280
CONDITIONS = (
    ACCOUNT_EXISTS,
    Condition("found", NotFound, "no researcher has this id"),
    Condition("claimant", Forbidden, "only the person who claimed this record may edit it"),
)


async def update_profile(
    context: Context,
    researcher_id: str,
    headline: str | UnsetType | None = UNSET,
    open_to_collaborate: bool | None = None,
) -> str:
    """The researcher's key. An unset headline stays as it is; a blank one clears it."""
    user = context.signed_in()
    _, researcher = decode_id(researcher_id, expected="Researcher")
    if isinstance(headline, UnsetType):
        if open_to_collaborate is None:
            raise BadUserInput("give a headline, openToCollaborate or both")
        change_headline, new_headline = False, None
    else:
        change_headline, new_headline = True, optional_text(headline, "headline", MAX_HEADLINE)
    parameters = {
        "user": user,
        "researcher": researcher,
        "changeHeadline": change_headline,
        "headline": new_headline,
        "openToCollaborate": open_to_collaborate,
    }
    await guarded_write(context, "claims/update_profile", parameters, CONDITIONS)
    return researcher
