"""The explorer in Chromium, against its targets (issue 13).

Not a test. Starts a scratch managed Neo4j, loads the seed and a generated graph, builds
web/ if needed, serves the API and web/dist, and measures with Playwright:

    .venv/bin/python bench/web.py [--works 3000] [--rounds 5]

or on a graph loaded beforehand, in the managed Neo4j home it was loaded into; the seed
is added to it. The million-work graph loads in about 4 minutes with
`bench/admin_import.py --works 1000000 --keep` (9 through `peergraph generate`):

    .venv/bin/python bench/web.py --neo4j-home /tmp/peergraph-admin-import-…/neo4j

- first paint with data: navigation start to the seed researcher's stats on screen
  (target 1 s);
- the slice of the busiest node (the most research relationships, of any kind) at 50
  nodes of each kind per hop (~300 nodes): choosing the size to every node drawn
  (target 1 s);
- expanding a node: the click to its neighbours drawn (target 300 ms);
- expanding the hub itself, the node with the most neighbours, and its "more" page;
- staying responsive on that slice: a wheel zoom to the next frame drawn;
- the researcher page's JavaScript, gzip-compressed (target 400 kB).

Each figure is the median of --rounds runs after one warm-up, which lets Neo4j plan each
statement once: a statement's first plan costs seconds and happens once per server.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ is not installed

from playwright.sync_api import Browser, Page, sync_playwright

from core.global_ids import encode_id
from seed.bulk import load_generated
from server.connection import database_for
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings
from tests.conftest import SEED_RESEARCHER, managed_settings, seed_database
from tests.webapp import DIST, build_web, launch, serve

CANVAS = "[data-testid=graph-canvas]"
# The graph is laid out and drawn after the page's first paint; this marks it drawn.
DRAWN = "[data-testid=graph-canvas][data-layout=done]"
T = TypeVar("T")
PAGE_SIZE = 12  # neighbours per click, as web/src/graph/GraphView.tsx asks
# Every main-thread task over 50 ms, from the page's first script on.
WATCH_LONG_TASKS = """
window.longTasks = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });
"""


def load(settings: Settings, works: int) -> None:
    seed_database(settings)

    async def generated() -> None:
        async with database_for(settings) as db:
            await load_generated(db, works, 7)

    asyncio.run(generated())


PAGE_PREFIX = {"Researcher": "r", "Work": "w", "Topic": "t", "Institution": "i"}


def busiest_node(settings: Settings) -> tuple[str, int]:
    """The page of the node with the most research relationships, and how many it has."""

    async def read() -> dict[str, Any]:
        async with database_for(settings) as db:
            return (await db.read("bench/busiest_node"))[0]

    found = asyncio.run(read())
    page = f"/{PAGE_PREFIX[found['kind']]}/{encode_id(found['kind'], found['key'])}"
    return page, int(found["degree"])


def first_paint(page: Page, url: str) -> float:
    """Milliseconds from navigation start to the stats on screen."""
    page.goto(url, wait_until="commit")
    found = page.wait_for_function(
        "() => document.querySelector('[data-testid=stat-works] dd') && performance.now()",
        polling="raf",
        timeout=60_000,
    )
    return float(found.json_value())


def elapsed_when(page: Page, condition: str, frames: int = 1) -> float:
    """Milliseconds from window.benchStart to `condition` (a JavaScript expression) holding,
    and `frames` more frames drawn."""
    took = page.wait_for_function(
        f"""() => ({condition}) && new Promise(done => {{
          const frame = left => requestAnimationFrame(
            () => left > 1 ? frame(left - 1) : done(performance.now() - window.benchStart));
          frame({frames});
        }})""",
        polling="raf",
        timeout=60_000,
    )
    return float(took.json_value())


def nodes_drawn(page: Page) -> int:
    return int(page.eval_on_selector(CANVAS, "element => element.cy.nodes().length"))


def big_slice(page: Page, url: str) -> tuple[float, int]:
    """Milliseconds from choosing 50 per kind to the slice drawn, every node at its final
    position (the layout is done before Cytoscape draws), and its node count."""
    page.goto(url)
    page.wait_for_selector(DRAWN)
    before = nodes_drawn(page)
    page.eval_on_selector(CANVAS, "() => { window.benchStart = performance.now(); }")
    page.get_by_label("Per kind and hop").select_option("50")
    took = elapsed_when(
        page,
        f"document.querySelector('{CANVAS}').cy?.nodes().length > {before}"
        f" && document.querySelector('{CANVAS}').dataset.layout === 'done'"
        f" && document.querySelector('{CANVAS}').dataset.busy === 'false'",
        frames=2,
    )
    return took, nodes_drawn(page)


def expansion(page: Page, url: str) -> float:
    """On the hub's biggest slice: the click on the hop-2 node with the most relationships
    not drawn yet to its neighbours drawn."""
    big_slice(page, url)
    target = page.eval_on_selector(
        CANVAS,
        """element => element.cy.nodes('[hop = 2]')
             .max(node => node.data('weight') - node.degree()).ele.id()""",
    )
    before = nodes_drawn(page)
    click_node(page, f'[id = "{target}"]')
    return elapsed_when(page, f"document.querySelector('{CANVAS}').cy.nodes().length > {before}")


def start_clock(page: Page) -> None:
    """Starts window.benchStart once the page is idle: a user's click comes after the
    graph has settled, not in the frames while Cytoscape is still caching what it drew."""
    page.evaluate(
        """() => new Promise(done => requestIdleCallback(() => {
             window.benchStart = performance.now(); done();
           }, {timeout: 2000}))"""
    )


def click_node(page: Page, which: str) -> None:
    """Clicks the node `which` (a Cytoscape selector) where it is drawn; the clock
    (window.benchStart) starts at the click."""
    canvas = page.locator(CANVAS)
    canvas.scroll_into_view_if_needed()
    x, y = page.eval_on_selector(
        CANVAS,
        f"element => {{ const p = element.cy.nodes('{which}')[0].renderedPosition(); "
        "return [p.x, p.y]; }",
    )
    box = canvas.bounding_box()
    assert box is not None
    start_clock(page)
    page.mouse.click(box["x"] + x, box["y"] + y)


def loaded(page: Page, shown: int) -> float:
    """Milliseconds from window.benchStart to `shown` neighbours loaded and drawn."""
    return elapsed_when(
        page,
        "(document.querySelector('[data-testid=expansion]')?.textContent ?? '')"
        f".startsWith('{shown} of')"
        f" && document.querySelector('{CANVAS}').dataset.busy === 'false'",
    )


def hub_expansion(page: Page, url: str) -> tuple[float, float, str]:
    """On the hub's biggest slice: the click on the hub to its first page of neighbours,
    "More neighbours" to the second, and what the panel then says."""
    big_slice(page, url)
    click_node(page, "[hop = 0]")
    first = loaded(page, PAGE_SIZE)
    more_button = page.get_by_role("button", name="More neighbours")
    more_button.scroll_into_view_if_needed()
    box = more_button.bounding_box()
    assert box is not None
    start_clock(page)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    more = loaded(page, 2 * PAGE_SIZE)
    return first, more, page.get_by_test_id("expansion").inner_text()


def zoom_frame(page: Page, url: str) -> float:
    """On the hub's biggest slice: a wheel zoom to the next frame drawn at the new zoom."""
    big_slice(page, url)
    canvas = page.locator(CANVAS)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # Cytoscape ignores the wheel for 250 ms after the page scrolls, as it just did.
    page.wait_for_timeout(400)
    zoom = page.eval_on_selector(
        CANVAS, "element => { window.benchStart = performance.now(); return element.cy.zoom(); }"
    )
    page.mouse.wheel(0, -400)
    return elapsed_when(page, f"document.querySelector('{CANVAS}').cy.zoom() !== {zoom}")


def longest_task(page: Page) -> float:
    """The longest main-thread task the page has run, in milliseconds."""
    return float(page.evaluate("() => Math.max(0, ...window.longTasks)"))


def page_javascript(page: Page, url: str) -> tuple[int, int]:
    """The researcher page's scripts: bytes as built, and gzip-compressed."""
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto(url)
    page.wait_for_selector(DRAWN)
    files = [DIST / url.split("/", 3)[3] for url in scripts if url.endswith(".js")]
    raw = sum(len(file.read_bytes()) for file in files)
    packed = sum(len(gzip.compress(file.read_bytes(), 9)) for file in files)
    return raw, packed


def median(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):.0f} ms (min {min(values):.0f}, max {max(values):.0f})"
    )


def main(works: int, rounds: int, neo4j_home: Path | None) -> None:
    build_web()
    with tempfile.TemporaryDirectory() as scratch:
        # a cold million-work graph takes longer than the default 10 s to search whole
        home = neo4j_home or Path(scratch)
        settings = managed_settings(home).model_copy(update={"query_timeout": 60.0})
        server = ManagedNeo4j(settings)
        server.start()
        try:
            if neo4j_home is None:
                load(settings, works)
            else:
                seed_database(settings)
            hub, degree = busiest_node(settings)
            print(f"the busiest node, {hub}, has {degree:,} research relationships")
            with serve(settings) as base:
                measure(base, base + hub, rounds)
        finally:
            server.stop()


@contextlib.contextmanager
def open_page(browser: Browser) -> Iterator[Page]:
    """A page of its own, closed after: a page left open keeps its graph drawing and slows
    the next measurement."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_LONG_TASKS)
    try:
        yield context.new_page()
    finally:
        context.close()


def runs(browser: Browser, measurement: Callable[[Page, str], T], url: str, rounds: int) -> list[T]:
    """One warm-up, then `rounds` measurements, each in a fresh page."""
    results = []
    for _ in range(rounds + 1):
        with open_page(browser) as page:
            results.append(measurement(page, url))
    return results[1:]


def slice_drawn(page: Page, url: str) -> tuple[float, int, str, float]:
    """big_slice, with the kinds drawn and the longest main-thread task meanwhile."""
    took, nodes = big_slice(page, url)
    kinds = page.eval_on_selector(
        CANVAS,
        """element => Object.entries(element.cy.nodes().reduce((tally, node) => {
             tally[node.data('kind')] = (tally[node.data('kind')] ?? 0) + 1; return tally;
           }, {})).map(([kind, count]) => `${count} ${kind.toLowerCase()}`).join(', ')""",
    )
    return took, nodes, kinds, longest_task(page)


def measure(base: str, hub: str, rounds: int) -> None:
    seed = f"{base}/r/{encode_id('Researcher', SEED_RESEARCHER)}"
    with sync_playwright() as playwright:
        browser = launch(playwright)
        paints = runs(browser, first_paint, seed, rounds)
        print(f"seed researcher page, first paint with data: {median(paints)}; target 1000 ms")
        slices = runs(browser, slice_drawn, hub, rounds)
        print(
            f"hub slice of {slices[0][1]} nodes ({slices[0][2]}) drawn: "
            f"{median([s[0] for s in slices])}; longest main-thread task "
            f"{max(s[3] for s in slices):.0f} ms; target 1000 ms"
        )
        zooms = runs(browser, zoom_frame, hub, rounds)
        print(f"wheel zoom on that slice to the next frame: {median(zooms)}")
        hubs = runs(browser, hub_expansion, hub, rounds)
        print(
            f"expanding the hub on that slice: {median([h[0] for h in hubs])}; "
            f"its next page: {median([h[1] for h in hubs])}; panel: {hubs[0][2]!r}"
        )
        expansions = runs(browser, expansion, hub, rounds)
        print(f"expanding a node of that slice: {median(expansions)}; target 300 ms")
        with open_page(browser) as page:
            raw, packed = page_javascript(page, seed)
        print(
            f"researcher page JavaScript: {raw / 1000:.0f} kB, {packed / 1000:.0f} kB gzip; "
            "target 400 kB gzip"
        )
        browser.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--works", type=int, default=3000, help="works in the generated graph")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--neo4j-home",
        type=Path,
        help="a managed Neo4j home that already holds a generated graph; --works is ignored",
    )
    arguments = parser.parse_args()
    main(arguments.works, arguments.rounds, arguments.neo4j_home)
