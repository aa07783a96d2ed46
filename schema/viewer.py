"""The signed-in user and what is theirs: follows, claims, invitations."""

from __future__ import annotations

import datetime
from typing import Self

import strawberry

from resolvers.context import Info
from resolvers.graph import Row, lookup
from schema.claims import Claim, viewer_claims
from schema.errors import Unauthenticated
from schema.ids import encode_id
from schema.invitations import Invitation, InvitationStatus, invitations
from schema.pagination import Connection, nested_connection
from schema.researcher import Researcher
from schema.user import Role


@strawberry.type(description="The signed-in user: the only place an account's email appears.")
class Viewer:
    key: strawberry.Private[str]
    name: str
    email: str
    role: Role
    claim_allowance: int = strawberry.field(
        description="How many records the user may claim: 1 unless a moderator allows more."
    )
    created_at: datetime.datetime

    @strawberry.field(description="The same id as the User others see.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id("User", self.key))

    @classmethod
    def from_record(cls, record: Row) -> Self:
        return cls(
            key=record["key"],
            name=record["name"],
            email=record["email"],
            role=Role(record["role"]),
            claim_allowance=record["claimAllowance"],
            created_at=record["createdAt"].to_native(),
        )

    @strawberry.field(description="Researchers the user follows, most recently followed first.")
    async def following(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Researcher]:
        return await nested_connection(
            info, "follows/following", self.key, first, after, Researcher.from_record
        )

    @strawberry.field(description="The user's claims, newest first.")
    async def claims(self, info: Info, first: int | None = None) -> list[Claim]:
        return await viewer_claims(info, self.key, first)

    @strawberry.field(description="Invitations to the records the user claimed, newest first.")
    async def invitations(
        self,
        info: Info,
        status: InvitationStatus | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Invitation]:
        return await invitations(info, "invitations/received", self.key, status, first, after)

    @strawberry.field(description="Invitations the user sent, newest first, with their status.")
    async def sent_invitations(
        self,
        info: Info,
        status: InvitationStatus | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Invitation]:
        return await invitations(info, "invitations/sent", self.key, status, first, after)


async def load_viewer(info: Info, user: str) -> Viewer:
    record = await lookup(info.context, "accounts/viewer", user)
    if record is None:
        raise Unauthenticated("the account behind this token no longer exists")
    return Viewer.from_record(record)


@strawberry.type
class ViewerQuery:
    @strawberry.field(description="The signed-in user; null without an Authorization header.")
    async def viewer(self, info: Info) -> Viewer | None:
        user = info.context.viewer
        return None if user is None else await load_viewer(info, user)
