"""Accounts: register with an email and a password, log in for a short-lived token."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from core.errors import BadUserInput, Conflict, RateLimited, Unauthenticated
from core.identifiers import normalize_email
from core.passwords import hash_password, verify_password
from core.tokens import Token, issue_token
from resolvers.context import Context
from resolvers.mutations.text import required_text

MIN_PASSWORD, MAX_PASSWORD = 12, 1024
MAX_NAME = 100
WRONG_CREDENTIALS = "wrong email or password"


@dataclass(frozen=True)
class SignedIn:
    token: Token
    user: str


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise BadUserInput(
            f"the password must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long,"
            f" got {len(password)}"
        )
    return password


async def register(context: Context, email: str, password: str, name: str) -> str:
    """The new user's key; the email must not have an account yet."""
    parameters = {
        "key": uuid.uuid4().hex,
        "email": normalize_email(email),
        "name": required_text(name, "name", MAX_NAME),
        "passwordHash": await hash_password(context.passwords, check_password(password)),
    }
    row = (await context.write("accounts/register", parameters))[0]
    if not row["created"]:
        raise Conflict("an account with this email already exists")
    return parameters["key"]


async def login(context: Context, email: str, password: str) -> SignedIn:
    limits = context.limits
    try:
        address = normalize_email(email)
    except BadUserInput:
        raise Unauthenticated(WRONG_CREDENTIALS) from None
    parameters = {
        "email": address,
        "limit": limits.login_attempts,
        "window": limits.login_window,
    }
    row = (await context.write("accounts/login_attempt", parameters))[0]
    if not row["allowed"]:
        raise RateLimited(
            f"too many login attempts for this email; try again in {row['retryAfter']} s"
        )
    if not await verify_password(context.passwords, row["passwordHash"], password):
        raise Unauthenticated(WRONG_CREDENTIALS)
    await context.write("accounts/login_succeeded", {"email": address})
    return SignedIn(issue_token(context.tokens, row["user"]), row["user"])
