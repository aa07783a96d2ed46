"""What a statement the database refuses comes out as: a coded error, never a 500."""

from __future__ import annotations

import asyncio

import pytest

from core.errors import DatabaseUnavailable
from resolvers.database import OUT_OF_MEMORY
from server.connection import database_for
from server.settings import Settings


def test_a_statement_out_of_transaction_memory_is_database_unavailable(
    seeded: Settings,
) -> None:
    async def exhaust() -> None:
        async with database_for(seeded) as db:
            await db.read("test/exhaust_memory", {"count": 200_000_000})

    with pytest.raises(DatabaseUnavailable) as refused:
        asyncio.run(exhaust())
    assert refused.value.message == OUT_OF_MEMORY
    assert refused.value.extensions == {"code": "DATABASE_UNAVAILABLE"}
