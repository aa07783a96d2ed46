"""A small web/dist as `npm run build` lays it out, for the server's tests."""

from __future__ import annotations

import json
from pathlib import Path

from server.persisted import document_hash

INDEX = '<!doctype html><title>explorer</title><script src="/assets/index-3f2a9c1b.js"></script>'
PLAYGROUND = "<!doctype html><title>playground</title><div id=graphiql></div>"
ASSET = "assets/index-3f2a9c1b.js"
ASSET_TEXT = "console.log('explorer')"
ICON_TEXT = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'


def build_dist(directory: Path, documents: list[str]) -> Path:
    (directory / "assets").mkdir(parents=True)
    (directory / "index.html").write_text(INDEX)
    (directory / "playground.html").write_text(PLAYGROUND)
    (directory / ASSET).write_text(ASSET_TEXT)
    (directory / "favicon.svg").write_text(ICON_TEXT)
    manifest = {document_hash(text): text for text in documents}
    (directory / "persisted-documents.json").write_text(json.dumps(manifest))
    return directory
