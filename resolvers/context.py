"""What every resolver of one request shares."""

from __future__ import annotations

from collections.abc import Callable
from time import perf_counter
from typing import Any

from strawberry.types import Info as StrawberryInfo

from core.errors import Unauthenticated
from core.passwords import PasswordHashing
from core.request_limits import RequestLimits
from core.tokens import ANONYMOUS, Credentials, TokenSigning
from resolvers.database import Database, Row, RunStatement


class Context:
    def __init__(
        self,
        db: Database,
        limits: RequestLimits,
        credentials: Credentials = ANONYMOUS,
        *,
        passwords: PasswordHashing,
        tokens: TokenSigning,
        charge: Callable[[int], None] = lambda units: None,
    ) -> None:
        """`charge` spends a request's work units from its client's share before it runs,
        and raises to refuse it (server/graphql_http.py)."""
        self.db = db
        self.charge = charge
        self.limits = limits
        self.credentials = credentials
        self.passwords = passwords
        self.tokens = tokens
        self.statements = 0
        # Statements issued before any earlier one returned travel together: a request's
        # latency is about its round trips, not its statements.
        self.round_trips = 0
        # Summed over statements, so concurrent ones count each their own wait.
        self.database_seconds = 0.0
        self._answered = True

    def weigh(self, work: int) -> None:
        """A request whose work is above the light limit takes the heavy turns at Neo4j."""
        self.db.weigh(work > self.limits.light_work)

    async def write(self, name: str, parameters: dict[str, Any]) -> list[Row]:
        return await self._counted(self.db.write, name, parameters)

    async def query(self, text: str, parameters: dict[str, Any]) -> list[Row]:
        """A compiled statement, by its text."""
        return await self._counted(self.db.query, text, parameters)

    def issuing(self, name: str, parameters: dict[str, Any]) -> None:
        """Counts a statement about to run and the round trip it joins."""
        self.statements += 1
        if self._answered:
            self.round_trips += 1
            self._answered = False

    async def _counted(self, run: RunStatement, name: str, parameters: dict[str, Any]) -> list[Row]:
        self.issuing(name, parameters)
        started = perf_counter()
        try:
            return await run(name, parameters)
        finally:
            self._answered = True
            self.database_seconds += perf_counter() - started

    @property
    def viewer(self) -> str | None:
        """The signed-in user's key, None without a token; a refused token is an error."""
        if self.credentials.refused is not None:
            raise Unauthenticated(self.credentials.refused)
        return self.credentials.user

    def signed_in(self) -> str:
        user = self.viewer
        if user is None:
            raise Unauthenticated("sign in first: send 'Authorization: Bearer <token>' from login")
        return user


Info = StrawberryInfo[Context, None]
