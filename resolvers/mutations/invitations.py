"""Collaboration invitations: to a claimed record whose claimant is open to collaborate."""

from __future__ import annotations

import uuid

from core.decisions import InvitationAnswer
from core.errors import BadUserInput, Conflict, Forbidden, NotFound, RateLimited
from core.global_ids import decode_id
from resolvers.conditions import ACCOUNT_EXISTS, Condition, guarded_write
from resolvers.context import Context
from resolvers.mutations.text import required_text

MAX_MESSAGE = 2000


def send_conditions(per_day: int) -> tuple[Condition, ...]:
    return (
        ACCOUNT_EXISTS,
        Condition("found", NotFound, "no researcher has this id"),
        Condition(
            "claimed",
            Forbidden,
            "this record is not claimed yet: invitations reach only a claimed record's owner",
            "NOT_CLAIMED",
        ),
        Condition(
            "open",
            Forbidden,
            "this researcher is not open to collaboration",
            "NOT_OPEN_TO_COLLABORATE",
        ),
        Condition("notSelf", BadUserInput, "you cannot invite yourself", "SELF"),
        Condition(
            "noPending",
            Conflict,
            "you already have an unanswered invitation to this researcher",
            "ALREADY_INVITED",
        ),
        Condition(
            "withinLimit", RateLimited, f"at most {per_day} invitations a day; try again later"
        ),
    )


ANSWER_CONDITIONS = (
    ACCOUNT_EXISTS,
    Condition("found", NotFound, "no invitation has this id"),
    Condition("recipient", Forbidden, "only the claimant of the invited record may answer"),
    Condition("pending", Conflict, "this invitation has already been answered"),
)


async def send_invitation(context: Context, researcher_id: str, message: str) -> str:
    """The new invitation's key."""
    user = context.signed_in()
    _, researcher = decode_id(researcher_id, expected="Researcher")
    key = uuid.uuid4().hex
    per_day = context.limits.invitations_per_day
    parameters = {
        "user": user,
        "researcher": researcher,
        "key": key,
        "message": required_text(message, "message", MAX_MESSAGE, multiline=True),
        "perDay": per_day,
    }
    await guarded_write(context, "invitations/send", parameters, send_conditions(per_day))
    return key


async def respond_to_invitation(
    context: Context, invitation_id: str, answer: InvitationAnswer
) -> str:
    """The invitation's key."""
    user = context.signed_in()
    _, key = decode_id(invitation_id, expected="Invitation")
    parameters = {"user": user, "invitation": key, "status": answer.value}
    await guarded_write(context, "invitations/respond", parameters, ANSWER_CONDITIONS)
    return key
