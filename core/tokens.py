"""Access tokens (HS256 JWTs): issued at login, read from each request's Authorization
header; the only code that sees either."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import jwt

ALGORITHM = "HS256"
ISSUER = "peergraph"
TIME_CLAIMS = ("exp", "nbf", "iat")


@dataclass(frozen=True)
class TokenSigning:
    """The key tokens are signed and checked with, and how long a token lives."""

    secret: str = field(repr=False)
    lifetime_seconds: int


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


def issue_token(signing: TokenSigning, user: str) -> Token:
    now = datetime.datetime.now(datetime.UTC)
    expires = now + datetime.timedelta(seconds=signing.lifetime_seconds)
    claims = {"sub": user, "iss": ISSUER, "iat": now, "exp": expires}
    value = jwt.encode(claims, signing.secret, algorithm=ALGORITHM)
    return Token(value, expires.replace(microsecond=0))


def credentials(signing: TokenSigning, authorization: str | None) -> Credentials:
    """Reads an `Authorization: Bearer <token>` header; only HS256 with our secret passes."""
    if authorization is None:
        return ANONYMOUS
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return Credentials(refused="the Authorization header must be 'Bearer <token>'")
    try:
        claims = jwt.decode(
            token.strip(),
            signing.secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["sub", "iss", "iat", "exp"]},
        )
    except jwt.ExpiredSignatureError:
        return Credentials(refused="the access token has expired; log in again")
    except jwt.InvalidTokenError:
        return Credentials(refused="the access token is invalid; log in again")
    if not all(is_json_number(claims[name]) for name in TIME_CLAIMS if name in claims):
        return Credentials(refused="the access token is invalid; log in again")
    return Credentials(user=str(claims["sub"]))


def is_json_number(value: object) -> bool:
    """RFC 7519's NumericDate is a JSON number. PyJWT reads `exp` and `nbf` with int(),
    which takes "9999999999" and true as well."""
    return isinstance(value, int | float) and not isinstance(value, bool)
