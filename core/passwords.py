"""Password hashing (argon2id): the only code that sees a password."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError


@dataclass(frozen=True)
class PasswordHashing:
    """argon2id's cost: how long, how much memory and how many lanes one hash takes."""

    time_cost: int
    memory_cost: int
    parallelism: int


@cache
def _hasher(hashing: PasswordHashing) -> PasswordHasher:
    return PasswordHasher(
        time_cost=hashing.time_cost,
        memory_cost=hashing.memory_cost,
        parallelism=hashing.parallelism,
        type=Type.ID,
    )


@cache
def _decoy_hash(ph: PasswordHasher) -> str:
    return ph.hash(secrets.token_urlsafe(16))


async def hash_password(hashing: PasswordHashing, password: str) -> str:
    # Hashing takes tens of milliseconds on purpose: keep it off the event loop.
    return await asyncio.to_thread(_hasher(hashing).hash, password)


async def verify_password(hashing: PasswordHashing, stored: str | None, password: str) -> bool:
    """Without an account, a decoy hash is checked so that the answer takes as long."""
    ph = _hasher(hashing)
    candidate = _decoy_hash(ph) if stored is None else stored

    def check() -> bool:
        try:
            return ph.verify(candidate, password)
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(check) and stored is not None
