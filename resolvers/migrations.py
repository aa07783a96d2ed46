"""Constraints and indexes, applied idempotently (every statement says IF NOT EXISTS)."""

from __future__ import annotations

from resolvers.database import Database
from resolvers.statements import statement_names


async def apply_migrations(db: Database) -> int:
    names = statement_names("migrations")
    for name in names:
        await db.write(name)
    return len(names)
