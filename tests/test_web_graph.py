"""The research graph in a real Chromium, on the seed and on the generated graph: labels
that never hide one another, more of them as the user zooms in, a card that tells a node
in full, focus on a node's neighbourhood, and exports of what is drawn. Label overlap is
measured from the label boxes Cytoscape itself computes for what it renders."""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from core.global_ids import encode_id
from server.connection import database_for
from server.settings import Settings
from tests.browser import open_page
from tests.test_web import (
    click_node,
    drawn,
    graph_state,
    node_point,
    open_seed_page,
    screenshot,
)

CANVAS = "[data-testid=graph-canvas]"
# The box of every label drawn, in screen pixels: the nodes shown whose label Cytoscape
# renders (a label that gave way has an empty one).
LABEL_BOXES = """element => element.cy.nodes()
  .filter(node => node.visible() && node.style('label') !== '')
  .map(node => {
    const box = node.renderedBoundingBox({includeNodes: false, includeEdges: false,
      includeLabels: true, includeMainLabels: true, includeOverlays: false, includeUnderlays: false});
    return {id: node.id(), label: node.data('label'), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2};
  })"""
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def busiest_node_page(settings: Settings) -> str:
    """The page of the node with the most research relationships (as bench/web.py picks
    it): at 50 of each kind per hop, its slice is the largest the API sends, ~300 nodes."""

    async def read() -> dict[str, Any]:
        async with database_for(settings) as db:
            return (await db.read("bench/busiest_node"))[0]

    found = asyncio.run(read())
    prefix = {"Researcher": "r", "Work": "w", "Topic": "t", "Institution": "i"}[found["kind"]]
    return f"/{prefix}/{encode_id(found['kind'], found['key'])}"


@pytest.fixture(scope="module")
def hub(generated: Settings, generated_base: str) -> tuple[str, str]:
    """The app on the generated graph, and the busiest node's page."""
    return generated_base, busiest_node_page(generated)


@pytest.fixture
def page(web_base: str) -> Iterator[Page]:
    """A tab on the seed (this module's tests need no record of the traffic)."""
    for tab, _ in open_page(web_base):
        yield tab


def label_boxes(page: Page) -> list[dict[str, Any]]:
    boxes: list[dict[str, Any]] = page.eval_on_selector(CANVAS, LABEL_BOXES)
    return boxes


def overlapping_pairs(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [
        (a["label"], b["label"])
        for a, b in itertools.combinations(boxes, 2)
        if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]
    ]


def settled(page: Page) -> None:
    """Waits for the graph to be drawn and idle, its labels placed for the viewport at
    rest, and two frames drawn."""
    drawn(page)
    expect(page.locator(CANVAS)).to_have_attribute("data-busy", "false")
    expect(page.locator(CANVAS)).to_have_attribute("data-labels", "placed")
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def zoom_in(page: Page, factor: float) -> None:
    page.eval_on_selector(
        CANVAS,
        """(element, factor) => {
          const cy = element.cy;
          cy.zoom({level: cy.zoom() * factor,
                   renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}});
        }""",
        factor,
    )
    settled(page)


def open_hub_slice(page: Page, url: str) -> None:
    """The busiest node's slice at 50 nodes of each kind per hop."""
    page.goto(url)
    expect(page.locator(CANVAS)).to_have_attribute("data-nodes", re.compile(r"^\d+$"))
    page.get_by_label("Per kind and hop").select_option("50")
    expect(page.locator(CANVAS)).to_have_attribute("data-nodes", re.compile(r"^[2-9]\d\d$"))
    settled(page)


def test_no_two_labels_overlap_on_the_seed_graph(page: Page) -> None:
    tab = page
    open_seed_page(tab)
    settled(tab)
    boxes = label_boxes(tab)
    state = graph_state(tab)
    assert overlapping_pairs(boxes) == []
    center = next(node for node in state["nodes"] if node["label"] == "Anirbit Mukherjee")
    assert center["id"] in {box["id"] for box in boxes}
    assert len(boxes) >= min(10, len(state["nodes"]))
    heights = [box["y2"] - box["y1"] for box in boxes]
    assert min(heights) >= 12  # one line of 13 px text, not the 9 px of the rings
    tab.locator(CANVAS).scroll_into_view_if_needed()
    screenshot(tab, "graph-seed-labels", "section.graph")


def test_a_300_node_slice_shows_many_labels_and_zooming_in_shows_more(
    hub: tuple[str, str],
) -> None:
    base, page = hub
    for tab, _ in open_page(base):
        open_hub_slice(tab, page)
        nodes = int(tab.locator(CANVAS).get_attribute("data-nodes") or 0)
        assert nodes >= 250
        boxes = label_boxes(tab)
        pairs = len(boxes) * (len(boxes) - 1) // 2
        # a slice this size leaves room for about 20 labels at the zoom that fits it all;
        # hiding labels is not the way to avoid overlaps
        assert len(boxes) >= 15
        assert len(overlapping_pairs(boxes)) <= 0.05 * pairs
        tab.locator(CANVAS).scroll_into_view_if_needed()
        screenshot(tab, "graph-hub-labels", "section.graph")

        before = {box["id"] for box in boxes}
        zoom_in(tab, 2.5)
        closer = label_boxes(tab)
        assert {box["id"] for box in closer} - before, "no label appeared on zooming in"
        pairs = len(closer) * (len(closer) - 1) // 2
        assert len(overlapping_pairs(closer)) <= 0.05 * pairs


def same_kind_share(nodes: list[dict[str, Any]], nearest: int = 5) -> tuple[float, float]:
    """How many of each node's `nearest` nodes are of its kind, on average, and how many
    would be if the kinds were dealt out at random (the sum of each kind's squared share)."""
    same = 0.0
    for node in nodes:
        x, y = node["position"]["x"], node["position"]["y"]
        others = sorted(
            (math.hypot(other["position"]["x"] - x, other["position"]["y"] - y), other["kind"])
            for other in nodes
            if other is not node
        )
        same += sum(kind == node["kind"] for _, kind in others[:nearest]) / nearest
    kinds = Counter(node["kind"] for node in nodes)
    chance = sum((count / len(nodes)) ** 2 for count in kinds.values())
    return same / len(nodes), chance


def test_a_300_node_slice_keeps_the_centres_neighbours_together_by_kind(
    hub: tuple[str, str],
) -> None:
    base, page = hub
    for tab, _ in open_page(base):
        open_hub_slice(tab, page)
        neighbours = [node for node in graph_state(tab)["nodes"] if node["hop"] == 1]
        share, chance = same_kind_share(neighbours)
        # 0.97 against a chance of 0.50 here; fCoSE's spectral draft of the whole slice,
        # the layout before, scored 0.51: one disc, every kind mixed
        assert share >= chance + 0.25, (share, chance)


def hover_node(tab: Page, node_id: str, card: Locator) -> None:
    """Moves the pointer onto a node until its card shows: on a busy machine the page can
    miss a pointer move."""
    for _ in range(10):
        x, y = node_point(tab, node_id)
        tab.mouse.move(0, 0)
        tab.mouse.move(x, y)
        try:
            card.wait_for(state="visible", timeout=1000)
            return
        except PlaywrightTimeoutError:
            continue
    raise AssertionError(f"no card for {node_id} after ten hovers")


def test_the_card_tells_a_node_in_full_on_hover_and_on_keyboard_focus(
    page: Page,
) -> None:
    tab = page
    open_seed_page(tab)
    settled(tab)
    state = graph_state(tab)
    work = max(
        (node for node in state["nodes"] if node["kind"] == "WORK"),
        key=lambda node: len(node["label"]),
    )
    card = tab.get_by_test_id("graph-card")
    hover_node(tab, work["id"], card)
    expect(card).to_contain_text(work["label"])
    expect(card).to_contain_text("Work")
    expect(card).to_contain_text(re.compile(r"\d+ relationships? in the graph"))
    expect(card.get_by_role("link", name="Open work page")).to_have_attribute(
        "href", f"/w/{work['id']}"
    )

    tab.mouse.move(0, 0)
    expect(card).to_have_count(0)
    tab.locator("details.node-list summary").click()
    tab.locator(".node-list").get_by_role("button", name="Anirbit Mukherjee").focus()
    expect(card).to_contain_text("The centre of this graph")
    expect(card.get_by_role("link", name="Open researcher page")).to_be_visible()


def test_focusing_on_a_node_fades_the_rest_and_brings_its_neighbours_into_view(
    page: Page,
) -> None:
    tab = page
    open_seed_page(tab)
    settled(tab)
    state = graph_state(tab)
    topic = next(node for node in state["nodes"] if node["kind"] == "TOPIC")
    click_node(tab, topic["id"])
    expect(tab.get_by_test_id("expansion")).to_contain_text("neighbours loaded")
    tab.get_by_role("button", name="Zoom to its neighbours").click()
    settled(tab)
    view: dict[str, Any] = tab.eval_on_selector(
        CANVAS,
        """(element, id) => {
          const cy = element.cy;
          const kept = cy.getElementById(id).closedNeighborhood();
          const inside = node => { const p = node.renderedPosition();
            return p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height(); };
          return {
            keptFaded: kept.filter(e => e.hasClass('faded')).length,
            keptOutside: kept.nodes().filter(n => !inside(n)).length,
            kept: kept.nodes().length,
            othersFaded: cy.elements().difference(kept).filter(e => e.hasClass('faded')).length,
            others: cy.elements().difference(kept).length,
          };
        }""",
        topic["id"],
    )
    assert view["kept"] > 1
    assert view["keptFaded"] == 0 and view["keptOutside"] == 0
    assert view["others"] > 0 and view["othersFaded"] == view["others"]
    tab.get_by_role("button", name="Show the whole graph").click()
    # The fade changes in the task after the next frame is painted.
    tab.wait_for_function(
        f"() => document.querySelector('{CANVAS}').cy.elements('.faded').length === 0"
    )


def download(page: Page, name: str) -> tuple[str, bytes]:
    with page.expect_download() as started:
        page.get_by_role("group", name="Export the graph as drawn").get_by_role(
            "button", name=name
        ).click()
    saved = started.value
    path = saved.path()
    return saved.suggested_filename, Path(path).read_bytes()


def test_the_exports_hold_every_visible_node_and_edge(page: Page) -> None:
    tab = page
    open_seed_page(tab)
    settled(tab)
    tab.get_by_role("group", name="Kinds shown").get_by_label(re.compile("^Institutions")).uncheck()
    state = graph_state(tab)
    nodes = {node["id"] for node in state["nodes"] if node["visible"]}
    edges = {(e["id"], e["source"], e["target"]) for e in state["edges"] if e["visible"]}
    assert len(nodes) < len(state["nodes"]), "a kind is hidden, so the export holds less"

    name, body = download(tab, "JSON")
    assert name.endswith(".json")
    exported = json.loads(body)
    assert {node["id"] for node in exported["nodes"]} == nodes
    assert {(e["id"], e["source"], e["target"]) for e in exported["edges"]} == edges
    assert all(node["kind"] != "INSTITUTION" for node in exported["nodes"])

    name, body = download(tab, "GraphML")
    assert name.endswith(".graphml")
    graph = ElementTree.fromstring(body).find(f"{GRAPHML}graph")
    assert graph is not None
    assert {node.get("id") for node in graph.iter(f"{GRAPHML}node")} == nodes
    assert {
        (edge.get("id"), edge.get("source"), edge.get("target"))
        for edge in graph.iter(f"{GRAPHML}edge")
    } == edges
    labels = {data.text for data in graph.iter(f"{GRAPHML}data") if data.get("key") == "n_label"}
    assert "Anirbit Mukherjee" in labels

    name, body = download(tab, "PNG")
    assert name.endswith(".png") and body.startswith(b"\x89PNG\r\n\x1a\n") and len(body) > 1000

    name, body = download(tab, "SVG")
    assert name.endswith(".svg")
    svg = ElementTree.fromstring(body)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    shapes = [
        element
        for tag in ("circle", "rect", "polygon")
        for element in svg.iter(f"{{http://www.w3.org/2000/svg}}{tag}")
    ]
    assert len(shapes) == len(nodes) + 1  # one per node, and the white background
    assert len(list(svg.iter("{http://www.w3.org/2000/svg}line"))) == len(edges)
