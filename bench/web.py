"""The explorer in Chromium, against its targets (issue 13).

Not a test. Starts a scratch managed Neo4j, loads the seed and a generated graph, builds
web/ if needed, serves the API and web/dist, and measures with Playwright:

    .venv/bin/python bench/web.py [--works 3000] [--rounds 5]

- first paint with data: navigation start to the seed researcher's stats on screen
  (target 1 s);
- the biggest hub's slice at 50 nodes of each kind per hop (~300 nodes): choosing the size
  to every node drawn (target 1 s);
- expanding a node: the click to its neighbours drawn (target 300 ms);
- the researcher page's JavaScript, gzip-compressed (target 400 kB).

Each figure is the median of --rounds runs after one warm-up, which lets Neo4j plan each
statement once: a statement's first plan costs seconds and happens once per server.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ is not installed

from playwright.sync_api import Page, sync_playwright

from resolvers.database import Database
from schema.ids import encode_id
from seed.bulk import load_generated
from seed.generator import HUB_KEY
from server.connection import connection_for
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings
from tests.conftest import SEED_RESEARCHER, managed_settings, seed_database
from tests.webapp import DIST, build_web, launch, serve

CANVAS = "[data-testid=graph-canvas]"


def load(settings: Settings, works: int) -> None:
    seed_database(settings)

    async def generated() -> None:
        async with Database.connect(connection_for(settings), settings.query_timeout) as db:
            await load_generated(db, works, 7)

    asyncio.run(generated())


def first_paint(page: Page, url: str) -> float:
    """Milliseconds from navigation start to the stats on screen."""
    page.goto(url, wait_until="commit")
    found = page.wait_for_function(
        "() => document.querySelector('[data-testid=stat-works] dd') && performance.now()",
        polling="raf",
        timeout=60_000,
    )
    return float(found.json_value())


def nodes_drawn(page: Page) -> int:
    return int(page.eval_on_selector(CANVAS, "element => element.cy.nodes().length"))


def big_slice(page: Page, url: str) -> tuple[float, int]:
    """Milliseconds from choosing 50 per kind to the slice drawn, and its node count."""
    page.goto(url)
    page.wait_for_selector(CANVAS)
    before = nodes_drawn(page)
    page.eval_on_selector(CANVAS, "() => { window.benchStart = performance.now(); }")
    page.get_by_label("Per kind and hop").select_option("50")
    took = page.wait_for_function(
        f"""() => {{
          const element = document.querySelector('{CANVAS}');
          return element.cy && element.cy.nodes().length > {before}
            && element.dataset.busy === 'false'
            && new Promise(done => requestAnimationFrame(() =>
                 requestAnimationFrame(() => done(performance.now() - window.benchStart))));
        }}""",
        polling="raf",
        timeout=60_000,
    )
    return float(took.json_value()), nodes_drawn(page)


def expansion(page: Page, url: str) -> float:
    """Milliseconds from clicking the strongest unexpanded hop-2 node to its neighbours drawn."""
    page.goto(url)
    canvas = page.locator(CANVAS)
    canvas.scroll_into_view_if_needed()
    target = page.eval_on_selector(
        CANVAS,
        """element => {
          const nodes = element.cy.nodes().filter(n => n.data('hop') === 2);
          const gap = n => n.data('weight') - n.degree();
          const best = nodes.max(gap).ele;
          const p = best.renderedPosition();
          return [p.x, p.y];
        }""",
    )
    box = canvas.bounding_box()
    assert box is not None
    before = nodes_drawn(page)
    page.eval_on_selector(CANVAS, "() => { window.benchStart = performance.now(); }")
    page.mouse.click(box["x"] + target[0], box["y"] + target[1])
    took = page.wait_for_function(
        f"""() => document.querySelector('{CANVAS}').cy.nodes().length > {before}
          && new Promise(done => requestAnimationFrame(
               () => done(performance.now() - window.benchStart)))""",
        polling="raf",
        timeout=60_000,
    )
    return float(took.json_value())


def page_javascript(page: Page, url: str) -> tuple[int, int]:
    """The researcher page's scripts: bytes as built, and gzip-compressed."""
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto(url)
    page.wait_for_selector("[data-testid=stat-works]")
    files = [DIST / url.split("/", 3)[3] for url in scripts if url.endswith(".js")]
    raw = sum(len(file.read_bytes()) for file in files)
    packed = sum(len(gzip.compress(file.read_bytes(), 9)) for file in files)
    return raw, packed


def median(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):.0f} ms (min {min(values):.0f}, max {max(values):.0f})"
    )


def main(works: int, rounds: int) -> None:
    build_web()
    with tempfile.TemporaryDirectory() as home:
        settings = managed_settings(Path(home))
        server = ManagedNeo4j(settings)
        server.start()
        try:
            load(settings, works)
            with serve(settings.model_copy(update={"query_timeout": 60.0})) as base:
                measure(base, rounds)
        finally:
            server.stop()


def measure(base: str, rounds: int) -> None:
    seed = f"{base}/r/{encode_id('Researcher', SEED_RESEARCHER)}"
    hub = f"{base}/r/{encode_id('Researcher', HUB_KEY)}"
    with sync_playwright() as playwright:
        browser = launch(playwright)

        def fresh() -> Page:
            return browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

        first_paint(fresh(), seed)
        paints = [first_paint(fresh(), seed) for _ in range(rounds)]
        print(f"seed researcher page, first paint with data: {median(paints)}; target 1000 ms")
        big_slice(fresh(), hub)
        slices = [big_slice(fresh(), hub) for _ in range(rounds)]
        print(
            f"hub slice of {slices[0][1]} nodes drawn: {median([s[0] for s in slices])}; "
            "target 1000 ms"
        )
        expansion(fresh(), hub)
        expansions = [expansion(fresh(), hub) for _ in range(rounds)]
        print(f"expanding a node of the hub's slice: {median(expansions)}; target 300 ms")
        raw, packed = page_javascript(fresh(), seed)
        print(
            f"researcher page JavaScript: {raw / 1000:.0f} kB, {packed / 1000:.0f} kB gzip; "
            "target 400 kB gzip"
        )
        browser.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--works", type=int, default=3000, help="works in the generated graph")
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    main(arguments.works, arguments.rounds)
