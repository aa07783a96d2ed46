"""What a statement the database refuses comes out as: a coded error, never a 500."""

from __future__ import annotations

import asyncio

import pytest

from core.errors import BadUserInput
from resolvers.database import TOO_MUCH_MEMORY
from server.connection import database_for
from server.settings import Settings


def test_a_statement_over_its_transaction_memory_is_the_clients_to_fix(
    seeded: Settings,
) -> None:
    if not seeded.managed:
        pytest.skip("the per-transaction cap is the managed server's")

    async def exhaust() -> None:
        async with database_for(seeded) as db:
            await db.read("test/exhaust_memory", {"count": 200_000_000})

    with pytest.raises(BadUserInput) as refused:
        asyncio.run(exhaust())
    assert refused.value.message == TOO_MUCH_MEMORY
    assert refused.value.extensions == {"code": "BAD_USER_INPUT"}
