"""Constraints and indexes, applied idempotently (every statement says IF NOT EXISTS), and
the defaults of nodes stored without them (resolvers/defaults.py)."""

from __future__ import annotations

from resolvers.database import Database
from resolvers.defaults import NODE_DEFAULTS
from resolvers.statements import statement_names


async def apply_migrations(db: Database) -> int:
    names = statement_names("migrations")
    for name in names:
        await db.write(name, {"defaults": NODE_DEFAULTS})
    return len(names)
