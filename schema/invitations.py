"""Collaboration invitations: to a claimed record whose claimant is open to collaborate."""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry

from core import decisions
from resolvers.compiler import nodes
from resolvers.compiler.readback import written
from resolvers.context import Info
from resolvers.mutations import invitations
from schema.compiled import compiled_field
from schema.researcher import Researcher
from schema.user import User


@strawberry.enum(
    description="Where an invitation stands: PENDING until the invited claimant accepts or"
    " declines it."
)
class InvitationStatus(Enum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"


# The same class as core's: Strawberry marks it as a GraphQL enum in place.
InvitationAnswer = decisions.InvitationAnswer
strawberry.enum(InvitationAnswer, description="The invited claimant's answer to an invitation.")


@strawberry.type(description="An invitation to collaborate; seen by its sender and the claimant.")
class Invitation:
    id: strawberry.ID = compiled_field(
        nodes.node_id,
        description="A global id; not a node of the research graph, so node(id) answers null.",
    )
    message: str = strawberry.field(description="The sender's message, 1 to 2000 characters.")
    status: InvitationStatus = strawberry.field(description="Where the invitation stands.")
    sender: User = strawberry.field(name="from", description="The user who sent it.")
    to: Researcher = strawberry.field(description="The claimed record it was sent to.")
    created_at: datetime.datetime = strawberry.field(description="When it was sent.")
    responded_at: datetime.datetime | None = strawberry.field(
        description="When the claimant answered; null while it is pending."
    )


@strawberry.type
class InvitationMutation:
    @strawberry.mutation(
        description="Invite a researcher who claimed their record and is open to collaborate."
    )
    async def send_collaboration_invitation(
        self, info: Info, to_researcher_id: strawberry.ID, message: str
    ) -> Invitation:
        key = await invitations.send_invitation(info.context, to_researcher_id, message)
        return written(Invitation, key)

    @strawberry.mutation(description="The invited claimant only: accept or decline.")
    async def respond_to_invitation(
        self, info: Info, id: strawberry.ID, answer: InvitationAnswer
    ) -> Invitation:
        key = await invitations.respond_to_invitation(info.context, id, answer)
        return written(Invitation, key)
