"""How the managed Neo4j's transaction memory is shared between the turns the API takes at
once (resolvers/database.py) and one command beside them, and how many turns a heap has
room for."""

from __future__ import annotations

from dataclasses import dataclass

# Of the heap, what all transactions together may hold: Neo4j's own default share, leaving
# the rest to Neo4j itself (its caches, query plans, the collector's headroom).
TRANSACTIONS_SHARE_OF_HEAP = 0.7
# The least one transaction may be given. The project's own writes need 100 MiB (3000
# generated works in one transaction); a list paged by offset needs more the deeper its page:
# an institution's researchers filtered and paged by 100 needed over 179 MiB by the fifth.
MIN_TRANSACTION_MIB = 350
# Turns a process takes when the settings do not say: as many as the managed heap has room
# for, at most this many; for a Neo4j of one's own, whose heap the API cannot see, this many.
MAX_TURNS = 16
EXTERNAL_TURNS = 8


class TransactionMemoryTooSmall(ValueError):
    """The heap cannot give every turn the memory one transaction needs."""


def heap_mib(heap: str) -> int:
    """`heap` as PEERGRAPH_NEO4J_HEAP writes it: "512m", "3g"."""
    return int(heap[:-1]) * (1024 if heap.endswith("g") else 1)


def most_turns(heap: str, workers: int) -> int:
    """The turns each of `workers` processes may take so that every transaction, and one
    command's beside them, gets at least MIN_TRANSACTION_MIB."""
    transactions = int(heap_mib(heap) * TRANSACTIONS_SHARE_OF_HEAP) // MIN_TRANSACTION_MIB
    return max(1, min(MAX_TURNS, (transactions - 1) // workers))


@dataclass(frozen=True)
class TransactionMemory:
    """The managed server's caps on transaction memory, in MiB."""

    per_transaction: int  # db.memory.transaction.max
    total: int  # dbms.memory.transaction.total.max


def transaction_memory(heap: str, transactions: int) -> TransactionMemory:
    """Caps under which `transactions` at once, and one more (a command such as an import
    beside the API), can each use all of its own: a request that needs more fails alone,
    and no request can take the memory of the others. `heap` is as PEERGRAPH_NEO4J_HEAP
    writes it: "512m", "3g"."""
    total = int(heap_mib(heap) * TRANSACTIONS_SHARE_OF_HEAP)
    per_transaction = total // (transactions + 1)
    if per_transaction < MIN_TRANSACTION_MIB:
        raise TransactionMemoryTooSmall(
            f"PEERGRAPH_NEO4J_HEAP={heap} gives each of the {transactions + 1} transactions "
            "that may run at once (PEERGRAPH_WORKERS x PEERGRAPH_DB_CONCURRENCY, and one for "
            f"a command beside them) {per_transaction} MiB, less than the {MIN_TRANSACTION_MIB} "
            "MiB one needs: raise PEERGRAPH_NEO4J_HEAP or lower PEERGRAPH_DB_CONCURRENCY"
        )
    return TransactionMemory(per_transaction, total)
