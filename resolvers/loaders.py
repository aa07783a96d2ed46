"""Per-request DataLoaders: N parents cost one `UNWIND $keys` statement per level."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from resolvers.database import Row

RunStatement = Callable[[str, dict[str, Any]], Awaitable[list[Row]]]


class Loaders:
    """One loader per statement and argument set; rows are matched to keys by `key`."""

    def __init__(self, run: RunStatement) -> None:
        self._run = run
        self._loaders: dict[str, DataLoader[str, Row | None]] = {}

    def load(self, name: str, key: str, **parameters: Any) -> Awaitable[Row | None]:
        return self._loader(name, parameters).load(key)

    def _loader(self, name: str, parameters: dict[str, Any]) -> DataLoader[str, Row | None]:
        cache_key = json.dumps([name, parameters], sort_keys=True)
        loader = self._loaders.get(cache_key)
        if loader is None:
            loader = DataLoader(load_fn=self._batch(name, parameters))
            self._loaders[cache_key] = loader
        return loader

    def _batch(
        self, name: str, parameters: dict[str, Any]
    ) -> Callable[[Sequence[str]], Awaitable[list[Row | None]]]:
        async def load(keys: Sequence[str]) -> list[Row | None]:
            rows = await self._run(name, {"keys": list(keys), **parameters})
            by_key = {row["key"]: row for row in rows}
            return [by_key.get(key) for key in keys]

        return load
