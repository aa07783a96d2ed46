"""Cypher statements live in cypher/*.cypher, one per file, loaded by name."""

from __future__ import annotations

from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"


@cache
def statement(name: str) -> str:
    path = CYPHER_DIR / f"{name}.cypher"
    return path.read_text(encoding="utf-8").strip()


def statement_names(folder: str) -> list[str]:
    """The statements of a sub-folder, in file-name order (migrations run in that order)."""
    return [f"{folder}/{path.stem}" for path in sorted((CYPHER_DIR / folder).glob("*.cypher"))]
