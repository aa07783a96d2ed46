"""The topic, institution and home pages in a real Chromium against the real API and Neo4j:
charts whose labels never collide, shares in one order, lists read to their end, and a
home page that says what the graph holds."""

from __future__ import annotations

import contextlib
import json
import re
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from server.settings import Settings
from tests.browser import open_page
from tests.conftest import run_on_db
from tests.test_web import accessibility_violations, screenshot
from tests.webapp import Traffic, post_document


def group_pages_warmed_up(base: str) -> str:
    """The session's app with the group pages' statements planned too: the first plan of a
    statement that size takes seconds on a busy machine, and the tests are about what the
    pages show."""
    for operation, kind in [("InstitutionPage", "institutions"), ("TopicPage", "topics")]:
        answer = post_document(base, operation, {"id": groups(base, kind)[0]["id"]})
        assert "errors" not in answer, answer
    return base


@pytest.fixture(scope="module")
def seed_site(web_base: str) -> str:
    return group_pages_warmed_up(web_base)


@pytest.fixture(scope="module")
def generated_site(generated_base: str) -> str:
    return group_pages_warmed_up(generated_base)


def ask(base: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """The API's answer to a query of the test's own, as any client sends it."""
    request = urllib.request.Request(
        f"{base}/graphql",
        data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        answer: dict[str, Any] = json.load(response)
    assert "errors" not in answer, answer
    data: dict[str, Any] = answer["data"]
    return data


GROUPS = """{
  institutions(first: 100, orderBy: {field: WORKS_COUNT}) {
    edges { node { id name researchers { totalCount } works { totalCount } } } }
  topics(first: 100, orderBy: {field: WORKS_COUNT}) {
    edges { node { id name researchers { totalCount } works { totalCount } } } }
}"""


def groups(base: str, kind: str) -> list[dict[str, Any]]:
    """The graph's institutions or topics, the most works first."""
    return [edge["node"] for edge in ask(base, GROUPS)[kind]["edges"]]


def smallest_above(candidates: list[dict[str, Any]], count: str, pages: int) -> dict[str, Any]:
    """The group whose list of `count` fills more than `pages` pages of 20, but the fewest."""
    larger = [group for group in candidates if group[count]["totalCount"] > 20 * pages]
    return min(larger, key=lambda group: group[count]["totalCount"])


@contextlib.contextmanager
def browsing(base: str, width: int = 1280) -> Iterator[tuple[Page, Traffic]]:
    with contextlib.contextmanager(open_page)(base) as (tab, traffic):
        tab.set_viewport_size({"width": width, "height": 900})
        yield tab, traffic


def open_group(tab: Page, path: str) -> None:
    tab.goto(path)
    expect(tab.get_by_role("heading", level=1)).to_be_visible()
    expect(tab.get_by_test_id("years").locator(".year-label").first).to_be_visible()


def overlapping_labels(chart: Locator) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The chart's visible year and count labels with their rendered boxes, and every pair
    of them whose boxes overlap."""
    labels: list[dict[str, Any]] = chart.locator(".year-label, .year-count").evaluate_all(
        """elements => elements.filter(e => e.textContent.trim() !== '').map(e => {
             const box = e.getBoundingClientRect();
             return {kind: e.className, text: e.textContent, x: box.x, y: box.y, width: box.width,
                     height: box.height, size: parseFloat(getComputedStyle(e).fontSize)};
           })"""
    )
    pairs = [
        (a["text"], b["text"])
        for index, a in enumerate(labels)
        for b in labels[index + 1 :]
        if a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    ]
    return labels, pairs


def check_year_chart(tab: Page, years: list[dict[str, int]]) -> None:
    chart = tab.get_by_test_id("years")
    labels, overlaps = overlapping_labels(chart)
    assert overlaps == []
    assert all(label["size"] >= 11 for label in labels), labels
    shown_years = [int(label["text"]) for label in labels if label["kind"] == "year-label"]
    assert shown_years and set(shown_years) <= {entry["year"] for entry in range_of(years)}
    plot = chart.get_by_role("group", name=re.compile("arrow keys"))
    plot.focus()
    plot.press("End")
    last = years[-1]
    expect(chart.get_by_test_id("year-readout")).to_have_text(
        f"{last['year']}: {last['works']} work{'' if last['works'] == 1 else 's'}"
    )
    plot.press("Home")
    first = years[0]
    expect(chart.get_by_test_id("year-readout")).to_have_text(
        f"{first['year']}: {first['works']} work{'' if first['works'] == 1 else 's'}"
    )


def range_of(years: list[dict[str, int]]) -> list[dict[str, int]]:
    """Every year from the first to the last, the empty ones with 0 works."""
    counts = {entry["year"]: entry["works"] for entry in years}
    span = range(years[0]["year"], years[-1]["year"] + 1)
    return [{"year": year, "works": counts.get(year, 0)} for year in span]


WORKS_BY_YEAR = (
    "query($id: ID!) { node(id: $id) { ... on HasWorks { worksByYear { year works } } } }"
)


@pytest.mark.parametrize("width", [1400, 390])
def test_no_two_year_chart_labels_overlap_on_the_busiest_groups(
    generated_site: str, width: int
) -> None:
    busiest = [groups(generated_site, "institutions")[0], groups(generated_site, "topics")[0]]
    with browsing(generated_site, width) as (tab, _):
        for group, prefix in zip(busiest, ["i", "t"], strict=True):
            years = ask(generated_site, WORKS_BY_YEAR, {"id": group["id"]})["node"]["worksByYear"]
            assert len(range_of(years)) > 30
            open_group(tab, f"/{prefix}/{group['id']}")
            check_year_chart(tab, years)
            screenshot(tab, f"years-{prefix}-{width}", "[data-testid=years]")


def test_no_two_year_chart_labels_overlap_on_the_seed(seed_site: str) -> None:
    found = groups(seed_site, "institutions")[:1] + groups(seed_site, "topics")[:1]
    with browsing(seed_site) as (tab, _):
        for group, prefix in zip(found, ["i", "t"], strict=True):
            years = ask(seed_site, WORKS_BY_YEAR, {"id": group["id"]})["node"]["worksByYear"]
            open_group(tab, f"/{prefix}/{group['id']}")
            check_year_chart(tab, years)
            counts = tab.get_by_test_id("years").locator(".year-count")
            expect(counts).to_have_text([str(entry["works"]) for entry in years])


TOP_TOPICS = """query($id: ID!) { institution(id: $id) {
  topTopics(first: 20) { share topic { name } } } }"""


def test_topic_shares_are_listed_largest_first_with_their_bars_on_one_line(
    generated_site: str,
) -> None:
    place = groups(generated_site, "institutions")[0]
    topics = ask(generated_site, TOP_TOPICS, {"id": place["id"]})["institution"]["topTopics"]
    expected = sorted(topics, key=lambda t: (-t["share"], t["topic"]["name"]))[:8]
    with browsing(generated_site) as (tab, _):
        open_group(tab, f"/i/{place['id']}")
        card = tab.get_by_test_id("topics-title")
        expect(card.locator(".bar-label")).to_have_text([t["topic"]["name"] for t in expected])
        shares = [
            int(text.split("%")[0]) for text in card.locator(".bar-value").all_text_contents()
        ]
        assert shares == sorted(shares, reverse=True)
        assert len(bar_starts(card)) == 1, bar_starts(card)
        screenshot(tab, "group-topics", "[data-testid=topics-title]")


def bar_starts(card: Locator) -> set[float]:
    """Where each bar of the chart starts, in rendered pixels."""
    starts: list[float] = card.locator(".bar-track").evaluate_all(
        "tracks => tracks.map(t => Math.round(t.getBoundingClientRect().x * 10) / 10)"
    )
    assert starts
    return set(starts)


def read_to_the_end(tab: Page, noun: str) -> None:
    more = tab.get_by_role("button", name=f"Show more {noun}s")
    while more.count() > 0:
        shown = tab.get_by_test_id(f"{noun}-shown").text_content()
        more.click()
        expect(tab.get_by_test_id(f"{noun}-shown")).not_to_have_text(shown or "")


def test_a_group_s_researchers_page_to_all_of_them(generated_site: str) -> None:
    place = smallest_above(groups(generated_site, "institutions"), "researchers", 2)
    total = place["researchers"]["totalCount"]
    with browsing(generated_site) as (tab, _):
        open_group(tab, f"/i/{place['id']}")
        expect(tab.get_by_role("heading", name=f"Researchers ({total})")).to_be_visible()
        expect(tab.get_by_test_id("researcher")).to_have_count(20)
        read_to_the_end(tab, "researcher")
        expect(tab.get_by_test_id("researcher-shown")).to_have_text(
            f"All {total} researchers shown"
        )
        ids = tab.get_by_test_id("researcher").evaluate_all("items => items.map(i => i.dataset.id)")
        assert len(ids) == len(set(ids)) == total


def test_a_group_s_works_page_to_the_end_most_cited_first(generated_site: str) -> None:
    topic = smallest_above(groups(generated_site, "topics"), "works", 2)
    total = topic["works"]["totalCount"]
    with browsing(generated_site) as (tab, traffic):
        open_group(tab, f"/t/{topic['id']}")
        tab.get_by_role("button", name="Most cited").click()
        expect(tab.get_by_role("button", name="Most cited")).to_have_attribute(
            "aria-pressed", "true"
        )
        expect(tab.get_by_test_id("work-shown")).to_have_text(f"20 of {total} works shown")
        read_to_the_end(tab, "work")
        expect(tab.get_by_test_id("work-shown")).to_have_text(f"All {total} works shown")
        works = tab.get_by_test_id("work")
        links = works.locator(".work-title a").evaluate_all("links => links.map(a => a.pathname)")
        assert len(links) == len(set(links)) == total
        cited = [
            int(match.group(1).replace(",", ""))
            for text in works.locator(".work-meta").all_text_contents()
            if (match := re.search(r"([\d,]+) citations?", text))
        ]
        assert len(cited) == total
        assert cited == sorted(cited, reverse=True)
        assert traffic.graphql[-1]["operationName"] == "GroupWorks"


def test_home_shows_what_the_graph_holds_and_an_example_search_finds_results(
    seeded: Settings, seed_site: str
) -> None:
    [counts] = run_on_db(seeded, "test/counts_by_label")
    [most] = run_on_db(seeded, "test/most_works_of_a_researcher")
    with browsing(seed_site) as (tab, _):
        tab.goto("/")
        for name in ("researchers", "works", "topics", "institutions"):
            expect(tab.get_by_test_id(f"count-{name}")).to_have_text(f"{name}{counts[name]:,}")
        published = tab.get_by_test_id("published-title").locator("li")
        expect(published.first).to_contain_text(f"{most['works']} works")
        screenshot(tab, "home")
        examples = tab.get_by_role("region", name="Try a search").get_by_role("button")
        expect(examples.first).to_be_visible()
        example = examples.first.text_content() or ""
        examples.first.click()
        expect(tab.get_by_role("combobox")).to_have_value(example)
        expect(tab.get_by_role("option").filter(has_text=example).first).to_be_visible()
        expect(tab.get_by_role("status").first).to_have_text(re.compile(r"^[1-9]\d* results?$"))


def test_home_and_group_pages_pass_the_accessibility_checks(
    seed_site: str, generated_site: str
) -> None:
    found: dict[str, Any] = {}
    with browsing(seed_site) as (tab, _):
        tab.goto("/")
        expect(tab.get_by_test_id("count-works")).to_be_visible()
        found["home"] = accessibility_violations(tab)
    place = smallest_above(groups(generated_site, "institutions"), "researchers", 1)
    topic = groups(generated_site, "topics")[0]
    with browsing(generated_site, 390) as (tab, _):
        for name, path in [("institution", f"/i/{place['id']}"), ("topic", f"/t/{topic['id']}")]:
            open_group(tab, path)
            expect(tab.get_by_test_id("graph-canvas")).to_have_attribute("data-busy", "false")
            tab.get_by_text("Every year as a table").click()
            tab.get_by_role("button", name="Show more researchers").click()
            expect(tab.get_by_test_id("researcher-shown")).not_to_have_text(re.compile(r"^20 of"))
            tab.get_by_role("group", name=re.compile("arrow keys")).press("End")
            found[name] = accessibility_violations(tab)
    assert {name: v for name, v in found.items() if v} == {}
