"""How long each wait on the database may take, and how many statements one process runs
on it at once: a frozen value the server makes from its settings, so that nothing below
the server reads the settings."""

from __future__ import annotations

from dataclasses import dataclass

# A write transaction (an import batch, the seed) may run this many query timeouts; the
# managed server's db.transaction.timeout says the same.
QUERIES_PER_WRITE_TRANSACTION = 6
# A server that does not take a connection within this long is not starting to.
MAX_CONNECT_SECONDS = 5.0
# Statements and transactions one process runs at once, unless the settings say otherwise:
# as many as the managed Neo4j's default 512m heap gives room for (server/neo4j_local.py).
DEFAULT_CONCURRENCY = 2


@dataclass(frozen=True)
class TransactionTimeouts:
    # What all the statements of one request may take together, each read statement, and
    # the wait for a pooled connection.
    query: float
    # How long past a statement's own timeout to wait for the server to report it: a server
    # that has not answered by then is not answering (frozen, cut off). The managed server
    # checks its transactions' timeouts every 100 ms.
    answer_grace: float = 0.75
    # /readyz answers within two seconds, whatever state the server is in.
    ping: float = 1.0
    # Statements and transactions the process runs at once; the others wait for a turn,
    # within their own deadline.
    concurrency: int = DEFAULT_CONCURRENCY

    @property
    def write_transaction(self) -> float:
        return self.query * QUERIES_PER_WRITE_TRANSACTION

    @property
    def connect(self) -> float:
        return min(MAX_CONNECT_SECONDS, self.query)
