"""What every resolver of one request shares."""

from __future__ import annotations

from typing import Any

from strawberry.types import Info as StrawberryInfo

from resolvers.database import Database, Row
from resolvers.loaders import Loaders
from server.settings import Settings


class Context:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.statements = 0
        self.loaders = Loaders(self.read)

    async def read(self, name: str, parameters: dict[str, Any]) -> list[Row]:
        self.statements += 1
        return await self.db.read(name, parameters)


Info = StrawberryInfo[Context, None]
