"""The work page in a real Chromium against the real API and Neo4j: the byline with its
affiliations, the abstract across the page, references and citing works paged to their
end, the links out, and "Cite" in BibTeX, RIS and CSL-JSON as a reference manager reads
them. Offline, as every browser test: see test_web.open_page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from playwright.sync_api import Locator, Page, expect

from core.global_ids import encode_id
from server.settings import Settings
from tests.browser import open_page
from tests.conftest import run_on_db
from tests.test_web import accessibility_violations, screenshot
from tests.webapp import Traffic, post_document

# The seed's journal article (DOI in Neural Networks) and its arXiv preprint sibling, the
# one seed work whose paper prints affiliations.
JOURNAL_ARTICLE = encode_id("Work", "arxiv:2005.04211")
HEAVY_TAILS = encode_id("Work", "arxiv:2204.12554")
DOI = "10.1016/j.neunet.2022.03.040"


def open_work(tab: Page, work_id: str) -> None:
    tab.goto(f"/w/{work_id}")
    expect(tab.get_by_role("heading", level=1)).to_be_visible()


def work_data(base: str, work_id: str) -> dict[str, Any]:
    """The work as the API answers the page's own document."""
    answer = post_document(base, "WorkPage", {"id": work_id})
    assert "errors" not in answer, answer
    work: dict[str, Any] = answer["data"]["work"]
    return work


def byline(work: dict[str, Any]) -> list[str]:
    return [author["name"] for author in sorted(work["authors"], key=lambda a: a["position"])]


def test_the_journal_article_shows_its_type_venue_and_links(
    page: tuple[Page, Traffic], web_base: str
) -> None:
    tab, traffic = page
    open_work(tab, JOURNAL_ARTICLE)
    work = work_data(web_base, JOURNAL_ARTICLE)
    assert (work["type"], work["venue"], work["arxivId"]) == (
        "ARTICLE",
        "Neural Networks",
        "2005.04211",
    )
    head = tab.locator("header.record-head")
    expect(head.get_by_text("article", exact=True)).to_be_visible()
    expect(head.get_by_text("Neural Networks", exact=True)).to_be_visible()
    expect(head.get_by_role("link", name=f"DOI {DOI}")).to_have_attribute(
        "href", f"https://doi.org/{DOI}"
    )
    expect(head.get_by_role("link", name="arXiv:2005.04211")).to_have_attribute(
        "href", "https://arxiv.org/abs/2005.04211"
    )
    expect(head.get_by_role("link", name="Free PDF on arXiv")).to_have_attribute(
        "href", "https://arxiv.org/pdf/2005.04211"
    )
    authors = tab.get_by_test_id("author")
    expect(authors).to_have_text(byline(work))
    for author in authors.all():
        expect(author.get_by_role("link")).to_have_attribute("href", re.compile(r"^/r/"))
    # the seed holds no references or citing works of it: one quiet line, no empty panel
    expect(
        tab.get_by_text("The graph holds no references of this work and no works citing it.")
    ).to_be_visible()
    expect(tab.get_by_role("heading", name=re.compile("^(References|Cited by)"))).to_have_count(0)
    expect(tab.get_by_role("heading", name="Institutions")).to_have_count(0)
    assert [body["operationName"] for body in traffic.graphql] == ["WorkPage"]


def test_authors_carry_the_affiliations_printed_on_the_paper(page: tuple[Page, Traffic]) -> None:
    tab, _ = page
    open_work(tab, HEAVY_TAILS)
    authors = tab.get_by_test_id("author")
    expect(authors).to_have_text(
        [
            "Sayar Karmakar — University of Florida",
            "Anirbit Mukherjee — University of Manchester",
        ]
    )
    florida = authors.first.get_by_role("link", name="University of Florida")
    expect(florida).to_have_attribute("href", re.compile(r"^/i/"))
    florida.click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("University of Florida")


def test_the_abstract_spans_the_content_width(page: tuple[Page, Traffic]) -> None:
    tab, _ = page
    open_work(tab, JOURNAL_ARTICLE)
    abstract = tab.get_by_test_id("abstract")
    expect(abstract).to_contain_text("we demonstrate provable guarantees")
    article = width(tab.locator("article.record"))
    authors = width(tab.get_by_role("region", name="Authors"))
    # as wide as the authors' card above it, and that card spans the record
    assert authors > 0.97 * article
    assert width(abstract) > 0.9 * authors
    screenshot(tab, "work")


def width(locator: Locator) -> float:
    found = locator.bounding_box()
    assert found is not None
    return found["width"]


# The generated graph's most cited work has pages of citing works; its longest reference
# list fits one page (the generator cites few works per work), which shows without "more".
@pytest.mark.parametrize(
    ("statement", "field", "section", "more", "least"),
    [
        ("test/most_cited_work", "citedBy", "citing-works", "Show more citing works", 21),
        ("test/most_referencing_work", "references", "references", "Show more references", 2),
    ],
)
def test_references_and_citing_works_page_to_the_end(
    generated: Settings,
    generated_base: str,
    statement: str,
    field: str,
    section: str,
    more: str,
    least: int,
) -> None:
    [most] = run_on_db(generated, statement)
    assert most["works"] >= least
    work_id = encode_id("Work", most["key"])
    # The page's documents through the API first: Neo4j plans a statement this size in
    # seconds the first time on a busy machine, and the test is about what the page shows.
    first = work_data(generated_base, work_id)[field]
    assert first["totalCount"] == most["works"]
    document = "WorkCitedBy" if field == "citedBy" else "WorkReferences"
    after = {"id": work_id, "after": first["pageInfo"]["endCursor"]}
    assert "errors" not in post_document(generated_base, document, after)
    for tab, traffic in open_page(generated_base):
        open_work(tab, work_id)
        listed = tab.get_by_test_id(section)
        expect(listed.get_by_role("heading", level=2)).to_contain_text(
            f"({most['works']} in the graph)"
        )
        expect(listed.get_by_test_id("work")).to_have_count(min(20, most["works"]))
        button = listed.get_by_role("button", name=more)
        pages = 1
        while button.count() > 0:
            shown = listed.get_by_test_id("work").count()
            button.click()
            expect(listed.get_by_test_id("work")).to_have_count(min(shown + 20, most["works"]))
            pages += 1
        if pages > 1:
            expect(listed.get_by_role("status")).to_have_text(re.compile(f"^All {most['works']} "))
        titles = listed.get_by_test_id("work").get_by_role("heading").all_text_contents()
        links = listed.get_by_test_id("work").get_by_role("heading").get_by_role("link")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert len(set(hrefs)) == most["works"] == len(titles)
        assert pages == -(-most["works"] // 20)
        names = [body["operationName"] for body in traffic.graphql]
        assert names[0] == "WorkPage" and len(names) == pages


def open_cite(tab: Page) -> Locator:
    tab.get_by_role("button", name="Cite").click()
    dialog = tab.get_by_role("dialog", name="Cite this work")
    expect(dialog).to_be_visible()
    return dialog


def citation_text(dialog: Locator, label: str) -> str:
    dialog.get_by_role("button", name=label, exact=True).click()
    text = dialog.get_by_role("textbox", name=f"Citation in {label}")
    expect(text).to_have_value(re.compile(r"\S"))
    return text.input_value()


def test_cite_offers_bibtex_that_a_parser_reads_back_as_the_work(
    page: tuple[Page, Traffic], web_base: str
) -> None:
    tab, traffic = page
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_work(tab, JOURNAL_ARTICLE)
    work = work_data(web_base, JOURNAL_ARTICLE)
    dialog = open_cite(tab)
    shown = citation_text(dialog, "BibTeX")
    with tab.expect_download() as download:
        dialog.get_by_role("link", name="Download .bib").click()
    assert download.value.suggested_filename == "karmakar2022.bib"
    downloaded = Path(download.value.path()).read_text(encoding="utf-8")
    assert downloaded == shown
    dialog.get_by_role("button", name="Copy").click()
    expect(dialog.get_by_role("status")).to_have_text("BibTeX copied to the clipboard.")
    assert tab.evaluate("navigator.clipboard.readText()") == shown

    library = parse_string(
        downloaded,
        append_middleware=[
            middlewares.LatexDecodingMiddleware(),
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
        ],
    )
    assert library.failed_blocks == []
    [entry] = library.entries
    fields = {field.key: field.value for field in entry.fields}
    assert entry.entry_type == "article"
    assert fields["title"].strip("{}") == work["title"]
    assert (fields["doi"], int(fields["year"])) == (work["doi"], work["year"])
    assert fields["journal"] == work["venue"]
    names = [" ".join([*author.first, *author.last]) for author in fields["author"]]
    assert names == byline(work)
    assert [body["operationName"] for body in traffic.graphql] == ["WorkPage", "WorkCitation"]


def test_cite_offers_ris_and_csl_json_of_the_same_work(
    page: tuple[Page, Traffic], web_base: str
) -> None:
    tab, _ = page
    open_work(tab, JOURNAL_ARTICLE)
    work = work_data(web_base, JOURNAL_ARTICLE)
    dialog = open_cite(tab)

    ris = citation_text(dialog, "RIS")
    records = [line for line in ris.splitlines() if line]
    tags: dict[str, list[str]] = {}
    for line in records:
        found = re.fullmatch(r"([A-Z][A-Z0-9])  - ?(.*)", line)
        assert found is not None, line
        tags.setdefault(found.group(1), []).append(found.group(2))
    assert (records[0], records[-1]) == ("TY  - JOUR", "ER  -")
    assert (tags["TI"], tags["DO"], tags["PY"]) == (
        [work["title"]],
        [work["doi"]],
        [str(work["year"])],
    )
    assert tags["AU"] == byline(work)
    expect(dialog.get_by_role("link", name="Download .ris")).to_be_visible()

    [item] = json.loads(citation_text(dialog, "CSL-JSON"))
    assert (item["type"], item["title"], item["DOI"]) == (
        "article-journal",
        work["title"],
        work["doi"],
    )
    assert item["container-title"] == work["venue"]
    assert [f"{a['given']} {a['family']}" for a in item["author"]] == byline(work)
    expect(dialog.get_by_role("link", name="Download .json")).to_be_visible()

    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()


def test_the_work_page_and_its_cite_dialog_pass_the_accessibility_checks(
    page: tuple[Page, Traffic],
) -> None:
    tab, _ = page
    open_work(tab, HEAVY_TAILS)
    expect(tab.get_by_test_id("graph-canvas")).to_have_attribute("data-busy", "false")
    found = {"work": accessibility_violations(tab)}
    dialog = open_cite(tab)
    expect(dialog.get_by_role("textbox")).to_have_value(re.compile(r"\S"))
    found["cite"] = accessibility_violations(tab)
    screenshot(tab, "work-cite")
    assert {name: v for name, v in found.items() if v} == {}
