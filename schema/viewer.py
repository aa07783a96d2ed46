"""The signed-in user and what is theirs: follows, claims, invitations."""

from __future__ import annotations

import datetime

import strawberry

from core import reads
from core.bounds import PAGE
from resolvers.compiler import people
from schema.claims import Claim
from schema.compiled import compiled, compiled_field, root_field
from schema.invitations import Invitation, InvitationStatus
from schema.pagination import Connection
from schema.researcher import ResearcherConnection
from schema.user import Role


@strawberry.type(description="The signed-in user: the only place an account's email appears.")
class Viewer:
    id: strawberry.ID = compiled_field(
        people.user_id, description="The same id as the User others see."
    )
    name: str = strawberry.field(description="The name the user registered with.")
    email: str = strawberry.field(
        description="The account's email as stored: trimmed, NFKC-normalised and case-folded."
    )
    role: Role = strawberry.field(description="What the account may do.")
    claim_allowance: int = strawberry.field(
        description="How many records the user may claim: 1 unless a moderator allows more."
    )
    created_at: datetime.datetime = strawberry.field(description="When the account was registered.")

    @compiled_field(
        people.following,
        work=reads.FOLLOWING,
        description="Researchers the user follows, most recently followed first.",
    )
    def following(self, first: int | None = None, after: str | None = None) -> ResearcherConnection:
        compiled()

    @compiled_field(
        people.viewer_claims,
        items=PAGE,
        work=reads.OWN_CLAIMS,
        description="The user's claims, newest first.",
    )
    def claims(self, first: int | None = None) -> list[Claim]:
        compiled()

    @compiled_field(
        people.received_invitations,
        work=reads.RECEIVED_INVITATIONS,
        description="Invitations to the records the user claimed, newest first.",
    )
    def invitations(
        self,
        status: InvitationStatus | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Invitation]:
        compiled()

    @compiled_field(
        people.sent_invitations,
        work=reads.SENT_INVITATIONS,
        description="Invitations the user sent, newest first, with their status.",
    )
    def sent_invitations(
        self,
        status: InvitationStatus | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Invitation]:
        compiled()


@strawberry.type
class ViewerQuery:
    @root_field(
        people.viewer,
        work=reads.LOOKUP,
        description="The signed-in user; null without an Authorization header.",
    )
    def viewer(self) -> Viewer | None:
        compiled()
