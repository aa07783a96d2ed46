"""The built web app (web/dist) under a real uvicorn, and a Chromium that can reach
nothing but that server: what test_web.py and bench/web.py drive."""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Playwright, Request, Route
from starlette.types import ASGIApp

from server.app import create_app
from server.settings import Settings
from tests.conftest import uvicorn_in_thread

WEB = Path(__file__).resolve().parent.parent / "web"
DIST = WEB / "dist"
# What the build reads: a change to any of them makes web/dist stale.
SOURCES = ["src", "build", "index.html", "playground.html", "package.json", "package-lock.json",
           "vite.config.ts", "tsconfig.json"]  # fmt: skip


def newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = WEB / name
        files = path.rglob("*") if path.is_dir() else [path]
        newest = max([newest, *(item.stat().st_mtime for item in files if item.is_file())])
    return newest


def build_web() -> Path:
    """web/dist, built first when it is missing or older than its sources."""
    built = DIST / "index.html"
    if built.exists() and built.stat().st_mtime >= newest_source():
        return DIST
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is needed to build web/ (apt-get install nodejs npm)")
    installed = WEB / "node_modules" / ".package-lock.json"
    lock = WEB / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=WEB, check=True)
    subprocess.run([npm, "run", "build"], cwd=WEB, check=True)
    return DIST


def persisted_documents() -> dict[str, str]:
    documents: dict[str, str] = json.loads((DIST / "persisted-documents.json").read_text())
    return documents


def web_app(settings: Settings) -> ASGIApp:
    """The API, serving the app's build at / as `peergraph serve` does."""
    return create_app(settings.model_copy(update={"web_dist": build_web()}))


@contextlib.contextmanager
def serve(settings: Settings) -> Iterator[str]:
    """The API and the app under uvicorn in a thread; the base URL."""
    with uvicorn_in_thread(web_app(settings)) as port:
        yield f"http://127.0.0.1:{port}"


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise RuntimeError("Chromium is needed for the browser tests (apt-get install chromium)")
    return path


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])


@dataclass
class Traffic:
    """What the page asked for: requests to any other origin are refused and kept, so a
    test can fail on them (the app works offline), and every GraphQL body is kept."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    graphql: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    # Whether every GraphQL body must be one of the app's persisted documents.
    app_only: bool = True

    def route(self, route: Route, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob"):
            route.continue_()
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign.append(request.url)
            route.abort("blockedbyclient")
            return
        self.paths.append(parts.path)
        if parts.path == "/graphql" and request.method == "POST":
            self.graphql.append(json.loads(request.post_data or "{}"))
        route.continue_()


def post_document(base: str, operation: str, variables: dict[str, Any]) -> dict[str, Any]:
    """Sends a persisted document as the app does."""
    documents = persisted_documents()
    digest, text = next(
        (digest, text) for digest, text in documents.items() if f" {operation}(" in text
    )
    body = {
        "query": text,
        "operationName": operation,
        "variables": variables,
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}},
    }
    request = urllib.request.Request(
        f"{base}/graphql",
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        answer: dict[str, Any] = json.load(response)
    return answer


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
