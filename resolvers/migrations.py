"""Constraints and indexes, applied idempotently (every statement says IF NOT EXISTS), the
defaults of nodes stored without them (resolvers/defaults.py), emails stored before
they were folded (resolvers/stored_emails.py), and the aggregates of a graph stored before
they were kept (resolvers/aggregates.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from neo4j.exceptions import ClientError

from resolvers.aggregates import keep_unless_kept
from resolvers.database import Database
from resolvers.defaults import NODE_DEFAULTS
from resolvers.statements import statement_names
from resolvers.stored_emails import fold_stored_emails

# What IF NOT EXISTS answers when another process (a second worker, an import) created the
# same index or constraint between its check and its write.
CREATED_BESIDE = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"


async def apply_migrations(db: Database, order: Callable[[str], Any] | None = None) -> int:
    """In file-name order, or in `order` of their names."""
    names = statement_names("migrations")
    if order is not None:
        names.sort(key=order)
    for name in names:
        try:
            await db.write(name, {"defaults": NODE_DEFAULTS})
        except ClientError as error:
            if error.code != CREATED_BESIDE:
                raise
    await fold_stored_emails(db)
    await keep_unless_kept(db)
    return len(names)
