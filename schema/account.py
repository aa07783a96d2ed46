"""Accounts: register with an email and a password, log in for a short-lived token."""

from __future__ import annotations

import datetime

import strawberry

from resolvers.compiler.readback import written
from resolvers.context import Info
from resolvers.mutations import account
from schema.viewer import Viewer


@strawberry.type(description="Send `token` as `Authorization: Bearer <token>` until it expires.")
class AccessToken:
    token: str = strawberry.field(description="A signed JWT.")
    expires_at: datetime.datetime = strawberry.field(
        description="When the token stops being accepted; log in again after it."
    )
    user: strawberry.Private[str]

    @strawberry.field(description="The signed-in user the token is for.")
    def viewer(self) -> Viewer:
        return written(Viewer, self.user)


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Create an account; the email must not have one yet.")
    async def register(self, info: Info, email: str, password: str, name: str) -> Viewer:
        return written(Viewer, await account.register(info.context, email, password, name))

    @strawberry.mutation(
        description="Exchange an email and password for an access token (rate limited per email)."
    )
    async def login(self, info: Info, email: str, password: str) -> AccessToken:
        signed_in = await account.login(info.context, email, password)
        token = signed_in.token
        return AccessToken(token=token.value, expires_at=token.expires_at, user=signed_in.user)
