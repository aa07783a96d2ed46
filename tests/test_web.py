"""The explorer in a real Chromium against the real API and Neo4j: what a user sees on the
search, researcher, graph and playground pages, and what their actions do. Every request
to another origin is refused and fails the test, so the app is shown to work offline."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from core.global_ids import encode_id
from server.settings import Settings
from tests.browser import open_page, warmed_up
from tests.conftest import GENERATED_HUB, SEED_RESEARCHER
from tests.webapp import (
    DIST,
    WEB,
    Traffic,
    build_web,
    persisted_documents,
    sha256,
)

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
FACTS = json.loads(
    (Path(__file__).resolve().parent / "fixtures" / "reference" / "seed-facts.json").read_text()
)
SEED_ID = encode_id("Researcher", SEED_RESEARCHER)
PAPAMARKOU = "Theodore Papamarkou"
PASSWORD = "correct horse battery staple"


def screenshot(page: Page, name: str, selector: str | None = None) -> None:
    """The page (or one part of it) in tests/artifacts; in docs/screenshots too, for
    docs/explorer.md, when PEERGRAPH_UPDATE_SCREENSHOTS is set."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = page if selector is None else page.locator(selector)
    target.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    if os.environ.get("PEERGRAPH_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(ARTIFACTS / f"{name}.png", SCREENSHOTS / f"{name}.png")


def drawn(page: Page) -> None:
    """Waits for the graph to be laid out and drawn: it is, after the page's first paint."""
    expect(page.locator("[data-testid=graph-canvas]")).to_have_attribute("data-layout", "done")


def graph_state(page: Page) -> dict[str, Any]:
    """What the graph has drawn, read from the Cytoscape instance behind the canvas."""
    drawn(page)
    state: dict[str, Any] = page.eval_on_selector(
        "[data-testid=graph-canvas]",
        """element => {
          const cy = element.cy;
          return {
            nodes: cy.nodes().map(n => ({id: n.id(), kind: n.data('kind'), label: n.data('label'),
              hop: n.data('hop'), visible: n.visible(), path: n.hasClass('path'), position: n.position()})),
            edges: cy.edges().map(e => ({id: e.id(), source: e.source().id(), target: e.target().id(),
              sourceVisible: e.source().visible(), targetVisible: e.target().visible(),
              visible: e.visible(), path: e.hasClass('path')})),
          };
        }""",
    )
    return state


def node_point(page: Page, node_id: str) -> tuple[float, float]:
    """Where on the page the node is drawn, with the canvas scrolled into view. Cytoscape
    caches where its canvas sits and forgets it on the scroll event, which the browser
    fires before the next frame: a pointer sent sooner lands where the canvas was."""
    drawn(page)
    canvas = page.locator("[data-testid=graph-canvas]")
    canvas.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    box = canvas.bounding_box()
    assert box is not None
    x, y = page.eval_on_selector(
        "[data-testid=graph-canvas]",
        "(element, id) => { const p = element.cy.getElementById(id).renderedPosition(); return [p.x, p.y]; }",
        node_id,
    )
    return box["x"] + x, box["y"] + y


def click_node(page: Page, node_id: str) -> None:
    """A real mouse click where the node is drawn."""
    page.mouse.click(*node_point(page, node_id))


AXE = WEB / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA: names on every control and link, text contrast of 4.5:1, landmarks,
# headings in order, nothing focusable hidden, keyboard-reachable scrolling regions.
AXE_RUN = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
  });
  return result.violations.map(violation => ({
    rule: violation.id,
    help: violation.help,
    where: violation.nodes.slice(0, 3).map(node => node.target.join(' ')),
  }));
}"""


def accessibility_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's findings on the page as it is now (evaluated in the page: no request
    leaves, and the page's Content-Security-Policy, which refuses inline scripts, allows
    what the test itself runs)."""
    page.evaluate(AXE.read_text())
    violations: list[dict[str, Any]] = page.evaluate(AXE_RUN)
    return violations


def open_seed_page(page: Page) -> None:
    page.goto(f"/r/{SEED_ID}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anirbit Mukherjee")


def sign_up(page: Page, email: str, name: str = "A Reader") -> None:
    page.get_by_role("button", name="Sign in or sign up").first.click()
    form = page.locator("form.account-form")
    form.get_by_role("button", name="Sign up").click()
    form.get_by_label("Name").fill(name)
    form.get_by_label("Email").fill(email)
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Create account").click()
    expect(page.get_by_text(f"Signed in as {name}")).to_be_visible()


def test_search_shows_results_as_you_type_and_the_keyboard_opens_one(
    page: tuple[Page, Traffic],
) -> None:
    tab, _ = page
    tab.goto("/")
    box = tab.get_by_role("combobox")
    expect(box).to_be_focused()
    box.press_sequentially("anirb")
    option = tab.get_by_role("option").filter(has_text="Anirbit Mukherjee")
    expect(option).to_be_visible()
    screenshot(tab, "search")
    while tab.get_by_role("option", selected=True).text_content() != option.text_content():
        box.press("ArrowDown")
    box.press("Enter")
    expect(tab).to_have_url(re.compile(f"/r/{SEED_ID}$"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Anirbit Mukherjee")


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("10.1016/j.neunet.2022.03.040", "Provable Training of a ReLU Gate"),
        ("arXiv:2204.12554", "An Empirical Study of the Occurrence of Heavy-Tails"),
    ],
)
def test_an_identifier_finds_its_record_first(
    page: tuple[Page, Traffic], identifier: str, expected: str
) -> None:
    tab, _ = page
    tab.goto("/")
    tab.get_by_role("combobox").fill(identifier)
    first = tab.get_by_role("option").first
    expect(first).to_contain_text(expected)
    expect(first).to_contain_text("match")


def test_the_seed_researcher_page_shows_the_reference_values_in_one_request(
    page: tuple[Page, Traffic],
) -> None:
    tab, traffic = page
    open_seed_page(tab)
    shown = FACTS["page_shows"]
    expect(tab.get_by_test_id("stat-works").locator("dd")).to_have_text("4")
    expect(tab.get_by_test_id("stat-followers").locator("dd")).to_have_text("0")
    expect(tab.get_by_role("heading", name="Topics (5)")).to_be_visible()
    expect(tab.get_by_test_id("trust")).to_have_text(
        f"Trust {shown['trust_score']} · {shown['trust_label']}"
    )
    expect(tab.get_by_text("Affiliation not imported")).to_be_visible()
    expect(tab.get_by_text("Open to collaborate", exact=True)).to_be_visible()
    expect(tab.get_by_text(f"Anirbit Mukherjee {shown['headline']}.")).to_be_visible()

    tab.get_by_test_id("trust").click()  # the badge opens how the score adds up
    expect(tab.get_by_test_id("level")).to_contain_text(
        f"Verification {shown['verification_level']} · "
    )
    expect(tab.get_by_test_id("claim-status")).to_have_text(shown["claim_status"])
    expect(tab.locator("table.components tbody tr").first).to_be_visible()

    works = tab.get_by_test_id("work")
    expect(works).to_have_count(4)
    for fact in FACTS["works"]:
        work = works.filter(has=tab.get_by_role("heading", name=fact["title"]))
        expect(work.locator(".byline li")).to_have_text(fact["authors"])
        for author in work.locator(".byline li a").all():
            assert re.fullmatch(r"/r/[\w-]+", author.get_attribute("href") or "")
        arxiv = work.get_by_role("link", name=f"arXiv:{fact['arxiv_id']}")
        expect(arxiv).to_have_attribute("href", f"https://arxiv.org/abs/{fact['arxiv_id']}")
        if "doi" in fact:
            doi = work.get_by_role("link", name=f"DOI {fact['doi']}")
            expect(doi).to_have_attribute("href", f"https://doi.org/{fact['doi']}")
        expect(work.get_by_role("link", name=fact["title"])).to_have_attribute(
            "href", re.compile(r"^/w/")
        )
    screenshot(tab, "researcher", None)
    tab.screenshot(path=str(ARTIFACTS / "researcher-full.png"), full_page=True)
    assert [body["operationName"] for body in traffic.graphql] == ["ResearcherPage"]


def test_every_page_passes_the_accessibility_checks(page: tuple[Page, Traffic]) -> None:
    """Search, researcher (score components and node list open), work, topic and
    institution pages, and the claims queue: axe-core finds nothing at WCAG 2.1 AA."""
    tab, _ = page
    tab.goto("/?q=anirb")
    expect(tab.get_by_role("option").first).to_be_visible()
    found = {"search": accessibility_violations(tab)}
    open_seed_page(tab)
    tab.get_by_test_id("trust").click()
    tab.locator("details.node-list summary").click()
    expect(tab.get_by_test_id("graph-canvas")).to_have_attribute("data-busy", "false")
    found["researcher"] = accessibility_violations(tab)
    links = {
        kind: tab.locator(f"main a[href^='/{prefix}/']").first.get_attribute("href")
        for kind, prefix in [("work", "w"), ("topic", "t"), ("institution", "i")]
    }
    for kind, href in links.items():
        assert href is not None, f"no {kind} link on the researcher page"
        tab.goto(href)
        expect(tab.get_by_role("heading", level=1)).to_be_visible()
        expect(tab.get_by_test_id("graph-canvas")).to_have_attribute("data-busy", "false")
        found[kind] = accessibility_violations(tab)
    tab.goto("/claims")
    expect(tab.get_by_role("heading", level=1)).to_be_visible()
    found["claims"] = accessibility_violations(tab)
    assert {name: v for name, v in found.items() if v} == {}


def test_the_researcher_page_carries_less_than_400_kb_of_gzipped_javascript(
    page: tuple[Page, Traffic],
) -> None:
    tab, traffic = page
    open_seed_page(tab)
    scripts = [DIST / path.lstrip("/") for path in traffic.paths if path.endswith(".js")]
    assert scripts
    assert not any("GraphiQL" in script.name for script in scripts)
    assert sum(len(gzip.compress(script.read_bytes(), 9)) for script in scripts) < 400_000


def test_the_graph_draws_every_kind_and_both_ends_of_every_edge(
    page: tuple[Page, Traffic],
) -> None:
    tab, _ = page
    open_seed_page(tab)
    state = graph_state(tab)
    assert {node["kind"] for node in state["nodes"]} == {
        "RESEARCHER",
        "WORK",
        "TOPIC",
        "INSTITUTION",
    }
    assert state["edges"]
    ids = {node["id"] for node in state["nodes"]}
    for edge in state["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
        assert edge["sourceVisible"] and edge["targetVisible"] and edge["visible"]
    legend = tab.get_by_role("group", name="Kinds shown")
    for kind in ("Researchers", "Works", "Topics", "Institutions"):
        expect(legend.get_by_label(re.compile(f"^{kind}"))).to_be_checked()
    tab.get_by_text(re.compile(r"^All \d+ nodes as a list$")).click()
    expect(tab.locator(".node-list li")).to_have_count(len(state["nodes"]))
    tab.locator("[data-testid=graph-canvas]").scroll_into_view_if_needed()
    screenshot(tab, "graph", "section.graph")

    legend.get_by_label(re.compile("^Topics")).uncheck()
    # the graph hides them after the next paint
    tab.wait_for_function(
        """() => document.querySelector('[data-testid=graph-canvas]').cy
          .nodes().filter(n => n.data('kind') === 'TOPIC' && n.visible()).length === 0"""
    )
    hidden = graph_state(tab)
    assert all(not node["visible"] for node in hidden["nodes"] if node["kind"] == "TOPIC")
    assert all(node["visible"] for node in hidden["nodes"] if node["kind"] != "TOPIC")


def test_clicking_a_node_expands_it_without_moving_what_was_drawn(
    page: tuple[Page, Traffic],
) -> None:
    tab, traffic = page
    open_seed_page(tab)
    before = graph_state(tab)
    degree = {node["id"]: 0 for node in before["nodes"]}
    for edge in before["edges"]:
        degree[edge["source"]] += 1
        degree[edge["target"]] += 1
    # the node with the most relationships not drawn yet: a topic many works are about
    weights = tab.eval_on_selector(
        "[data-testid=graph-canvas]",
        "element => Object.fromEntries(element.cy.nodes().map(n => [n.id(), n.data('weight')]))",
    )
    target = max(before["nodes"], key=lambda node: weights[node["id"]] - degree[node["id"]])
    click_node(tab, target["id"])
    expect(tab.get_by_test_id("expansion")).to_contain_text("neighbours loaded")
    after = graph_state(tab)
    assert len(after["nodes"]) > len(before["nodes"])
    assert traffic.graphql[-1]["operationName"] == "Neighbors"
    moved = {node["id"]: node["position"] for node in after["nodes"]}
    for node in before["nodes"]:
        assert moved[node["id"]] == node["position"], node["label"]
    ids = {node["id"] for node in after["nodes"]}
    assert all(edge["source"] in ids and edge["target"] in ids for edge in after["edges"])
    expect(tab.get_by_role("link", name=re.compile(r"^Open \w+ page$"))).to_be_visible()


def test_the_path_to_papamarkou_is_highlighted(page: tuple[Page, Traffic]) -> None:
    tab, _ = page
    open_seed_page(tab)
    picker = tab.get_by_role("combobox", name="Path to…")
    picker.press_sequentially("Papamar")
    tab.locator(".path-picker").get_by_role("option", name=PAPAMARKOU).click()
    path = tab.get_by_test_id("path")
    expect(path).to_contain_text("Anirbit Mukherjee wrote Depth-2 Neural Networks")
    expect(path).to_contain_text(PAPAMARKOU)
    state = graph_state(tab)
    highlighted = {node["label"] for node in state["nodes"] if node["path"]}
    assert highlighted == {
        "Anirbit Mukherjee",
        "Depth-2 Neural Networks Under a Data-Poisoning Attack",
        PAPAMARKOU,
    }
    assert sum(edge["path"] for edge in state["edges"]) == 2
    screenshot(tab, "graph-path", "section.graph")


def test_the_truncated_marker_shows_on_the_capped_hub(generated_base: str) -> None:
    for tab, _ in open_page(generated_base):
        tab.goto(f"/r/{encode_id('Researcher', GENERATED_HUB)}")
        expect(tab.get_by_test_id("truncated-marker")).to_be_visible()
        state = graph_state(tab)
        assert len(state["nodes"]) > 20
        tab.get_by_label("Per kind and hop").select_option("50")
        expect(tab.get_by_test_id("graph-canvas")).to_have_attribute(
            "data-nodes", re.compile(r"^[1-9]\d\d$")
        )
        expect(tab.get_by_test_id("truncated-marker")).to_be_visible()
        tab.locator("[data-testid=graph-canvas]").scroll_into_view_if_needed()
        screenshot(tab, "graph-hub", "section.graph")


def sign_in(page: Page, email: str) -> None:
    page.get_by_role("button", name="Sign in or sign up").first.click()
    form = page.locator("form.account-form")
    form.get_by_label("Email").fill(email)
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Sign in").last.click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_graphiql_opens_on_the_profile_query_and_runs_it(page: tuple[Page, Traffic]) -> None:
    tab, traffic = page
    traffic.app_only = False  # GraphiQL sends its own documents, as any client may
    tab.goto("/graphql")
    expect(tab.locator(".graphiql-query-editor")).to_contain_text("query Profile($id: ID!)")
    tab.get_by_role("button", name=re.compile("Execute query", re.I)).click()
    result = tab.locator(".result-window")
    # the first run of this document plans its statement: seconds on a busy machine
    expect(result).to_contain_text('"name": "Anirbit Mukherjee"', timeout=60_000)
    expect(result).to_contain_text('"score": 17')
    screenshot(tab, "playground")


def test_the_persisted_documents_are_their_own_hashes() -> None:
    build_web()
    documents = persisted_documents()
    assert documents
    assert all(sha256(text) == digest for digest, text in documents.items())
    names = {re.search(r"(?:query|mutation) (\w+)", text).group(1) for text in documents.values()}  # type: ignore[union-attr]
    assert {"ResearcherPage", "Search", "Neighbors", "CollaborationPath", "Follow"} <= names


def test_with_persisted_documents_only_the_app_works_and_an_ad_hoc_query_is_refused(
    seeded: Settings,
) -> None:
    strict = seeded.model_copy(update={"documents": "persisted-only"})
    with warmed_up(strict, SEED_RESEARCHER) as base:
        with contextlib.contextmanager(open_page)(base) as (tab, traffic):
            open_seed_page(tab)
            expect(tab.get_by_test_id("work")).to_have_count(4)
            assert [body["operationName"] for body in traffic.graphql] == ["ResearcherPage"]
        ad_hoc = urllib.request.Request(
            f"{base}/graphql",
            data=json.dumps({"query": "{ researchers { totalCount } }"}).encode(),
            headers={"content-type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(ad_hoc, timeout=30)
        assert refused.value.code == 400
        [error] = json.load(refused.value)["errors"]
        assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
