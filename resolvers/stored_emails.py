"""Emails stored before they were folded (NFKC and case folding, core/text.py) are folded
in place, so that every spelling of an address reaches the account it made."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from core.text import fold
from resolvers.database import Database

logger = logging.getLogger("peergraph.migrations")


@dataclass(frozen=True)
class FoldedEmails:
    folded: int
    # Keys of accounts whose folded email another account holds: one mailbox, two accounts,
    # made before folding. Which one the person keeps is an operator's call.
    clashing: tuple[str, ...]


async def fold_stored_emails(db: Database) -> FoldedEmails:
    """Idempotent: an email already folded is not written again. Emails were trimmed and
    lower-cased before, so only addresses beyond ASCII letters can change."""
    folded, clashing = 0, []
    for row in await db.read("accounts/stored_emails"):
        stored = row["email"]
        if fold(stored) == stored:
            continue
        parameters = {"key": row["key"], "stored": stored, "folded": fold(stored)}
        for result in await db.write("accounts/fold_email", parameters):
            if result["taken"]:
                clashing.append(row["key"])
            else:
                folded += 1
    if clashing:
        logger.warning(
            "%d accounts keep an unfolded email: another account holds its folded form (%s)",
            len(clashing),
            ", ".join(clashing),
        )
    return FoldedEmails(folded, tuple(clashing))
