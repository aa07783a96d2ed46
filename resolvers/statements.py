"""Cypher statements live in cypher/*.cypher, one per file, loaded by name.

A line `// include <name>` stands for the text of cypher/<name>.cypher: a piece two
fragments share is written once (cypher/fragments/parts/).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
INCLUDE = re.compile(r"^[ \t]*// include (\S+)[ \t]*$", re.MULTILINE)


@cache
def statement(name: str) -> str:
    path = CYPHER_DIR / f"{name}.cypher"
    text = path.read_text(encoding="utf-8").strip()
    return INCLUDE.sub(lambda included: statement(included.group(1)), text)


def statement_names(folder: str) -> list[str]:
    """The statements of a sub-folder, in file-name order (migrations run in that order)."""
    return [f"{folder}/{path.stem}" for path in sorted((CYPHER_DIR / folder).glob("*.cypher"))]
