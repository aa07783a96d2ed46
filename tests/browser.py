"""The browser tests' shared parts, a pytest plugin (tests/conftest.py names it): the app
over the seed and over the generated graph, served once per session, and a Chromium per
test that fails on any request leaving the app's origin."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from core.global_ids import encode_id
from server.settings import Settings
from tests.conftest import GENERATED_HUB, SEED_RESEARCHER
from tests.webapp import Traffic, build_web, launch, persisted_documents, post_document, serve

expect.set_options(timeout=20_000)  # a first query on a busy two-core CI machine


@contextlib.contextmanager
def warmed_up(settings: Settings, researcher: str) -> Iterator[str]:
    """The app over these settings, the researcher page's statement already planned: Neo4j
    plans a statement that size in a few seconds the first time, which on a busy machine
    can pass the API's 10 s limit; the tests are about what the page shows."""
    build_web()
    with serve(settings.model_copy(update={"query_timeout": 60.0})) as base:
        answer = post_document(base, "ResearcherPage", {"id": encode_id("Researcher", researcher)})
        assert "errors" not in answer, answer
        yield base


@pytest.fixture(scope="session")
def web_base(seeded: Settings) -> Iterator[str]:
    with warmed_up(seeded, SEED_RESEARCHER) as base:
        yield base


@pytest.fixture(scope="session")
def generated_base(generated: Settings) -> Iterator[str]:
    with warmed_up(generated, GENERATED_HUB) as base:
        yield base


def open_page(base: str) -> Iterator[tuple[Page, Traffic]]:
    """A browser per test: Playwright's sync API holds an event loop while it runs, and the
    database fixtures (`people`, the generated graph) need none running when they set up or
    clean up, so a test names them before `page`."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
        traffic = Traffic(base)
        context.route("**/*", traffic.route)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # Chromium reports each thing the Content-Security-Policy blocked on the console.
        blocked: list[str] = []
        page.on(
            "console",
            lambda message: (
                blocked.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        policies: list[str | None] = []
        page.on(
            "response",
            lambda response: (
                policies.append(response.headers.get("content-security-policy"))
                if response.request.resource_type == "document"
                else None
            ),
        )
        yield page, traffic
        browser.close()
    assert traffic.foreign == [], f"the page reached outside its origin: {traffic.foreign}"
    assert errors == [], errors
    assert blocked == [], f"the Content-Security-Policy blocked: {blocked}"
    assert all(policy and "frame-ancestors 'none'" in policy for policy in policies), policies
    documents = persisted_documents()
    for body in traffic.graphql if traffic.app_only else []:
        digest = body["extensions"]["persistedQuery"]["sha256Hash"]
        assert documents.get(digest) == body["query"], f"not a persisted document: {body}"


@pytest.fixture
def page(web_base: str) -> Iterator[tuple[Page, Traffic]]:
    yield from open_page(web_base)
