"""Constraints and indexes, applied idempotently (every statement says IF NOT EXISTS)."""

from __future__ import annotations

from resolvers.database import Database
from resolvers.statements import statements_in


async def apply_migrations(db: Database) -> int:
    applied = 0
    for text in statements_in("migrations"):
        await db.write_text(text)
        applied += 1
    return applied
