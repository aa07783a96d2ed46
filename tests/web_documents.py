"""The web app's GraphQL documents (web/src/graphql), read as its build lays them out: each
with the fragments it imports."""

from __future__ import annotations

import re
from pathlib import Path

WEB_DOCUMENTS = Path(__file__).resolve().parent.parent / "web" / "src" / "graphql"
IMPORT = re.compile(r'^#\s*import\s+"([^"]+)"\s*$', re.MULTILINE)
OPERATION = re.compile(r"^\s*(?:query|mutation)\s+(\w+)", re.MULTILINE)


def document_text(path: Path, seen: set[Path]) -> list[str]:
    """A web app document with the fragments it imports, as its build lays it out."""
    if path in seen:
        return []
    seen.add(path)
    source = path.read_text()
    imported = [
        text
        for found in IMPORT.finditer(source)
        for text in document_text((path.parent / found[1]).resolve(), seen)
    ]
    return [IMPORT.sub("", source).strip(), *imported]


def web_documents() -> dict[str, str]:
    """The web app's documents by operation name."""
    documents = {}
    for path in sorted(WEB_DOCUMENTS.glob("*.graphql")):
        text = "\n\n".join(document_text(path, set())) + "\n"
        name = OPERATION.search(text)
        assert name is not None, path
        documents[name[1]] = text
    return documents
