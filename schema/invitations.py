"""Collaboration invitations: to a claimed record whose claimant is open to collaborate."""

from __future__ import annotations

import datetime
import uuid
from enum import Enum

import strawberry

from core.errors import BadUserInput, Conflict, Forbidden, NotFound, RateLimited
from core.ids import decode_id
from resolvers.compiler.readback import written
from resolvers.context import Info
from resolvers.writes import ACCOUNT_EXISTS, Rule, guarded_write
from schema.inputs import text
from schema.researcher import Researcher
from schema.user import User

MAX_MESSAGE = 2000


@strawberry.enum
class InvitationStatus(Enum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"


@strawberry.enum
class InvitationAnswer(Enum):
    ACCEPT = "ACCEPTED"
    DECLINE = "DECLINED"


@strawberry.type(description="An invitation to collaborate; seen by its sender and the claimant.")
class Invitation:
    id: strawberry.ID
    message: str
    status: InvitationStatus
    sender: User = strawberry.field(name="from")
    to: Researcher
    created_at: datetime.datetime
    responded_at: datetime.datetime | None


def send_rules(per_day: int) -> tuple[Rule, ...]:
    return (
        ACCOUNT_EXISTS,
        Rule("found", NotFound, "no researcher has this id"),
        Rule(
            "claimed",
            Forbidden,
            "this record is not claimed yet: invitations reach only a claimed record's owner",
            "NOT_CLAIMED",
        ),
        Rule(
            "open",
            Forbidden,
            "this researcher is not open to collaboration",
            "NOT_OPEN_TO_COLLABORATE",
        ),
        Rule("notSelf", BadUserInput, "you cannot invite yourself", "SELF"),
        Rule(
            "noPending",
            Conflict,
            "you already have an unanswered invitation to this researcher",
            "ALREADY_INVITED",
        ),
        Rule("withinLimit", RateLimited, f"at most {per_day} invitations a day; try again later"),
    )


ANSWER_RULES = (
    ACCOUNT_EXISTS,
    Rule("found", NotFound, "no invitation has this id"),
    Rule("recipient", Forbidden, "only the claimant of the invited record may answer"),
    Rule("pending", Conflict, "this invitation has already been answered"),
)


@strawberry.type
class InvitationMutation:
    @strawberry.mutation(
        description="Invite a researcher who claimed their record and is open to collaborate."
    )
    async def send_collaboration_invitation(
        self, info: Info, to_researcher_id: strawberry.ID, message: str
    ) -> Invitation:
        user = info.context.signed_in()
        _, researcher = decode_id(to_researcher_id, expected="Researcher")
        key = uuid.uuid4().hex
        per_day = info.context.limits.invitations_per_day
        parameters = {
            "user": user,
            "researcher": researcher,
            "key": key,
            "message": text(message, "message", MAX_MESSAGE),
            "perDay": per_day,
        }
        await guarded_write(info.context, "invitations/send", parameters, send_rules(per_day))
        return written(Invitation, key)

    @strawberry.mutation(description="The invited claimant only: accept or decline.")
    async def respond_to_invitation(
        self, info: Info, id: strawberry.ID, answer: InvitationAnswer
    ) -> Invitation:
        user = info.context.signed_in()
        _, key = decode_id(id, expected="Invitation")
        parameters = {"user": user, "invitation": key, "status": answer.value}
        await guarded_write(info.context, "invitations/respond", parameters, ANSWER_RULES)
        return written(Invitation, key)
