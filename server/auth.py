"""Passwords (argon2id) and access tokens (HS256 JWTs): the only code that sees either."""

from __future__ import annotations

import asyncio
import datetime
import secrets
from dataclasses import dataclass
from functools import cache

import jwt
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from server.settings import Settings

ALGORITHM = "HS256"
ISSUER = "peergraph"


@dataclass(frozen=True)
class Token:
    value: str
    expires_at: datetime.datetime


@dataclass(frozen=True)
class Credentials:
    """Who sent a request: a verified user key, nobody, or why the token was refused."""

    user: str | None = None
    refused: str | None = None


ANONYMOUS = Credentials()


@cache
def _hasher(time_cost: int, memory_cost: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism, type=Type.ID
    )


def hasher(settings: Settings) -> PasswordHasher:
    return _hasher(
        settings.argon2_time_cost, settings.argon2_memory_cost, settings.argon2_parallelism
    )


@cache
def _decoy_hash(ph: PasswordHasher) -> str:
    return ph.hash(secrets.token_urlsafe(16))


async def hash_password(settings: Settings, password: str) -> str:
    # Hashing takes tens of milliseconds on purpose: keep it off the event loop.
    return await asyncio.to_thread(hasher(settings).hash, password)


async def verify_password(settings: Settings, stored: str | None, password: str) -> bool:
    """Without an account, a decoy hash is checked so that the answer takes as long."""
    ph = hasher(settings)
    candidate = _decoy_hash(ph) if stored is None else stored

    def check() -> bool:
        try:
            return ph.verify(candidate, password)
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(check) and stored is not None


def issue_token(settings: Settings, user: str) -> Token:
    now = datetime.datetime.now(datetime.UTC)
    expires = now + datetime.timedelta(seconds=settings.jwt_lifetime)
    claims = {"sub": user, "iss": ISSUER, "iat": now, "exp": expires}
    value = jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm=ALGORITHM)
    return Token(value, expires.replace(microsecond=0))


def credentials(settings: Settings, authorization: str | None) -> Credentials:
    """Reads an `Authorization: Bearer <token>` header; only HS256 with our secret passes."""
    if authorization is None:
        return ANONYMOUS
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return Credentials(refused="the Authorization header must be 'Bearer <token>'")
    try:
        claims = jwt.decode(
            token.strip(),
            settings.jwt_secret.get_secret_value(),
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["sub", "iss", "iat", "exp"]},
        )
    except jwt.ExpiredSignatureError:
        return Credentials(refused="the access token has expired; log in again")
    except jwt.InvalidTokenError:
        return Credentials(refused="the access token is invalid; log in again")
    return Credentials(user=str(claims["sub"]))
