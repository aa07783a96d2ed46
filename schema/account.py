"""Accounts: register with an email and a password, log in for a short-lived token."""

from __future__ import annotations

import datetime
import uuid

import strawberry

from core.errors import BadUserInput, Conflict, RateLimited, Unauthenticated
from core.identifiers import normalize_email
from core.passwords import hash_password, verify_password
from core.tokens import issue_token
from resolvers.compiler.readback import written
from resolvers.context import Info
from schema.inputs import text
from schema.viewer import Viewer

MIN_PASSWORD, MAX_PASSWORD = 12, 1024
MAX_NAME = 100
WRONG_CREDENTIALS = "wrong email or password"


@strawberry.type(description="Send `token` as `Authorization: Bearer <token>` until it expires.")
class AccessToken:
    token: str
    expires_at: datetime.datetime
    user: strawberry.Private[str]

    @strawberry.field
    def viewer(self) -> Viewer:
        return written(Viewer, self.user)


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise BadUserInput(
            f"the password must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long,"
            f" got {len(password)}"
        )
    return password


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Create an account; the email must not have one yet.")
    async def register(self, info: Info, email: str, password: str, name: str) -> Viewer:
        parameters = {
            "key": uuid.uuid4().hex,
            "email": normalize_email(email),
            "name": text(name, "name", MAX_NAME),
            "passwordHash": await hash_password(info.context.passwords, check_password(password)),
        }
        row = (await info.context.write("accounts/register", parameters))[0]
        if not row["created"]:
            raise Conflict("an account with this email already exists")
        return written(Viewer, parameters["key"])

    @strawberry.mutation(
        description="Exchange an email and password for an access token (rate limited per email)."
    )
    async def login(self, info: Info, email: str, password: str) -> AccessToken:
        limits = info.context.limits
        try:
            address = normalize_email(email)
        except BadUserInput:
            raise Unauthenticated(WRONG_CREDENTIALS) from None
        parameters = {
            "email": address,
            "limit": limits.login_attempts,
            "window": limits.login_window,
        }
        row = (await info.context.write("accounts/login_attempt", parameters))[0]
        if not row["allowed"]:
            raise RateLimited(
                f"too many login attempts for this email; try again in {row['retryAfter']} s"
            )
        if not await verify_password(info.context.passwords, row["passwordHash"], password):
            raise Unauthenticated(WRONG_CREDENTIALS)
        await info.context.write("accounts/login_succeeded", {"email": address})
        token = issue_token(info.context.tokens, row["user"])
        return AccessToken(token=token.value, expires_at=token.expires_at, user=row["user"])
