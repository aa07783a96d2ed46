"""The researcher page in a real Chromium: publications on the first screen, paged to the
end, sorted and filtered; actions that fit who is looking, in words; and the owner's own
view, with their profile and invitations."""

from __future__ import annotations

import contextlib
import json
import re
import urllib.request
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from core.global_ids import encode_id
from server.settings import Settings
from tests.browser import open_page
from tests.conftest import GENERATED_HUB, promote
from tests.test_web import (
    PASSWORD,
    SEED_ID,
    accessibility_violations,
    open_seed_page,
    screenshot,
    sign_in,
    sign_up,
)
from tests.webapp import Traffic

browsing = contextlib.contextmanager(open_page)
HUB_ID = encode_id("Researcher", GENERATED_HUB)
HUB_WORKS = 150
INBOX_PAGE = 20  # invitations a page, as web/src/pages/researcher/Owner.tsx asks
# Codes and reasons the API puts in `extensions`: words are shown instead.
RAW_CODE = re.compile(r"\b(?:[A-Z]+_[A-Z_]+|UNAUTHENTICATED|FORBIDDEN|CONFLICT|SELF|TIMEOUT)\b")
OWNER = "anirbit@example.org"
MODERATOR = "moderator@example.org"


def api(base: str, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
    """An ad hoc request, as any API client sends one; its data, failing on any error."""
    headers = {"content-type": "application/json"}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        f"{base}/graphql",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers=headers,
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        answer: dict[str, Any] = json.load(response)
    assert "errors" not in answer, answer
    data: dict[str, Any] = answer["data"]
    return data


def account(base: str, email: str, name: str) -> str:
    api(
        base,
        "mutation ($e: String!, $p: String!, $n: String!) { register(email: $e, password: $p, name: $n) { id } }",
        e=email,
        p=PASSWORD,
        n=name,
    )
    login = api(
        base,
        "mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        e=email,
        p=PASSWORD,
    )
    token: str = login["login"]["token"]
    return token


def claimed_by_owner(base: str, settings: Settings) -> str:
    """The seed record, claimed by OWNER and approved by a moderator; the owner's token."""
    owner = account(base, OWNER, "Anirbit Mukherjee")
    moderator = account(base, MODERATOR, "Moderator")
    promote(settings, MODERATOR)
    moderator = api(
        base,
        "mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        e=MODERATOR,
        p=PASSWORD,
    )["login"]["token"]
    claim = api(
        base,
        "mutation ($id: ID!) { requestClaim(researcherId: $id) { id } }",
        owner,
        id=SEED_ID,
    )["requestClaim"]["id"]
    api(
        base,
        "mutation ($id: ID!) { reviewClaim(id: $id, decision: APPROVE) { status } }",
        moderator,
        id=claim,
    )
    return owner


def settled(page: Page) -> None:
    """The publications show the order and filters chosen: a new choice is a new list,
    read from its first page."""
    expect(page.get_by_test_id("work-shown")).not_to_have_text(re.compile("^Loading"))


def in_first_screen(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    return box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (390, 844)])
def test_the_first_screen_shows_the_name_the_metrics_and_the_first_publications(
    web_base: str, width: int, height: int
) -> None:
    with browsing(web_base) as (tab, _):
        tab.set_viewport_size({"width": width, "height": height})
        open_seed_page(tab)
        expect(tab.get_by_test_id("work").first).to_be_visible()
        for shown in ("h1", "[data-testid=stat-works]", "[data-testid=stat-citations]",
                      "[data-testid=stat-h-index]", "[data-testid=stat-i10-index]",
                      "[data-testid=work] .work-title"):  # fmt: skip
            assert in_first_screen(tab, shown), f"{shown} is below the first screen at {width}px"
        screenshot(tab, f"researcher-{width}")


def test_a_150_work_researcher_pages_to_all_of_them(generated_base: str) -> None:
    with browsing(generated_base) as (tab, traffic):
        tab.goto(f"/r/{HUB_ID}")
        works = tab.get_by_test_id("work")
        expect(works).to_have_count(20)
        expect(tab.get_by_test_id("stat-works").locator("dd")).to_have_text(str(HUB_WORKS))
        more = tab.get_by_role("button", name="Show more works")
        while more.count() > 0:
            shown = works.count()
            more.click()
            expect(works).not_to_have_count(shown)
        expect(tab.get_by_test_id("work-shown")).to_have_text(f"All {HUB_WORKS} works shown")
        hrefs = [link.get_attribute("href") for link in tab.locator(".work-title a").all()]
        assert len(hrefs) == HUB_WORKS == len(set(hrefs))
        years = [int(year) for year in tab.locator(".work-meta .year").all_text_contents()]
        assert years == sorted(years, reverse=True)
        names = [body["operationName"] for body in traffic.graphql]
        # one page request, then one request per further page of 50
        assert names == ["ResearcherPage"] + ["ResearcherWorks"] * 3


def test_publications_sort_by_citations_and_filter_by_year_and_co_author(
    generated_base: str,
) -> None:
    with browsing(generated_base) as (tab, _):
        tab.goto(f"/r/{HUB_ID}")
        works = tab.get_by_test_id("work")
        expect(works).to_have_count(20)
        tab.get_by_role("combobox", name="Sort", exact=True).select_option(label="Most cited")
        settled(tab)
        counts = [
            int(text.split()[0].replace(",", ""))
            for text in tab.locator("[data-testid=work] .cited").all_text_contents()
        ]
        assert counts == sorted(counts, reverse=True) and counts[0] > 0

        year = tab.get_by_role("combobox", name="Year", exact=True)
        option = year.locator("option").nth(1)  # the latest year with works
        label = option.text_content() or ""
        chosen, expected = re.fullmatch(r"(\d+) \((\d+)\)", label).groups()  # type: ignore[union-attr]
        year.select_option(chosen)
        settled(tab)
        expect(tab.get_by_test_id("work-shown")).to_have_text(
            re.compile(f"(All | of ){expected} works? shown")
        )
        shown_years = set(tab.locator("[data-testid=work] .year").all_text_contents())
        assert shown_years == {chosen}

        tab.get_by_role("button", name="Clear filters").click()
        settled(tab)
        coauthor = tab.get_by_role("combobox", name="Co-author", exact=True)
        first = coauthor.locator("option").nth(1)
        name, shared = re.fullmatch(r"(.+) \((\d+)\)", first.text_content() or "").groups()  # type: ignore[union-attr]
        coauthor.select_option(label=first.text_content() or "")
        settled(tab)
        expect(tab.get_by_test_id("work-shown")).to_have_text(
            re.compile(f"(All | of ){shared} works? shown")
        )
        for work in works.all():
            expect(work.locator(".byline")).to_contain_text(name)


def test_no_raw_error_code_is_shown_to_an_anonymous_visitor(page: tuple[Page, Traffic]) -> None:
    tab, _ = page
    open_seed_page(tab)
    expect(tab.get_by_test_id("work")).to_have_count(4)
    texts = {"researcher": tab.locator("body").inner_text()}
    for action in (
        tab.get_by_test_id("follow"),
        tab.get_by_role("button", name="Claim this record"),
    ):
        action.click()  # enabled: it leads to sign-in
        form = tab.locator("form.account-form")
        expect(form).to_be_visible()
        texts[f"after {action}"] = tab.locator("body").inner_text()
        tab.get_by_role("button", name="Sign in or sign up").first.click()
        expect(form).to_have_count(0)
    for path in ("/claims", "/nope", f"/r/{encode_id('Researcher', 'nobody')}", "/?q=anirb"):
        tab.goto(path)
        tab.wait_for_load_state("networkidle")
        expect(tab.locator("main")).not_to_have_text("")
        texts[path] = tab.locator("body").inner_text()
    found = {where: RAW_CODE.findall(text) for where, text in texts.items()}
    assert {where: codes for where, codes in found.items() if codes} == {}


def test_after_sign_in_the_page_offers_nothing_until_it_knows_the_account(
    people: Settings, web_base: str
) -> None:
    """The owner signs in on their own page: until the page is asked again for their
    account, no action is offered, and then they get their own view."""
    claimed_by_owner(web_base, people)
    with browsing(web_base) as (tab, _):
        held: list[Route] = []

        def hold_the_refresh(route: Route) -> None:
            body = json.loads(route.request.post_data or "{}")
            signed_in = "authorization" in route.request.headers
            if body.get("operationName") == "ResearcherPage" and signed_in:
                held.append(route)
            else:
                route.fallback()

        tab.route("**/graphql", hold_the_refresh)
        open_seed_page(tab)
        expect(tab.get_by_test_id("follow")).to_be_enabled()
        sign_in(tab, OWNER)
        tab.wait_for_function("document.querySelector('[data-testid=actions][aria-busy=true]')")
        assert len(held) == 1
        offered = tab.locator("[data-testid=actions] button")
        expect(offered.first).to_be_visible()
        for button in offered.all():
            expect(button).to_be_disabled()
        held[0].fallback()
        expect(tab.get_by_test_id("owner-actions")).to_be_visible()
        expect(tab.get_by_test_id("follow")).to_have_count(0)


def test_the_owner_edits_the_profile_and_answers_an_invitation(
    people: Settings, web_base: str
) -> None:
    claimed_by_owner(web_base, people)
    colleague = account(web_base, "colleague@example.org", "A Colleague")
    for number in range(INBOX_PAGE):  # with the colleague's, one more than a page
        api(
            web_base,
            'mutation ($to: ID!) { sendCollaborationInvitation(toResearcherId: $to, message: "Hi") { id } }',
            account(web_base, f"reader{number}@example.org", f"Reader {number}"),
            to=SEED_ID,
        )
    with browsing(web_base) as (tab, _):
        open_seed_page(tab)
        # a visitor of a claimed record may invite it
        sign_in(tab, "colleague@example.org")
        tab.get_by_role("button", name="Invite to collaborate").click()
        tab.get_by_label("Message to Anirbit Mukherjee").fill("Shall we write about heavy tails?")
        tab.get_by_test_id("invite").click()
        expect(tab.get_by_test_id("invite-result")).to_contain_text("Invitation sent")
        tab.get_by_role("button", name="Sign out").click()

        sign_in(tab, OWNER)
        owner = tab.get_by_test_id("owner-actions")
        expect(owner).to_contain_text("Your profile")
        # nothing the API refuses its claimant: no follow, claim or invitation of oneself
        for refused in ("Follow", "Claim this record", "Invite to collaborate"):
            expect(tab.get_by_role("button", name=re.compile(f"^{refused}"))).to_have_count(0)
        expect(tab.get_by_test_id("claim-status")).to_have_text("Claimed profile")

        tab.get_by_role("button", name="Edit profile").click()
        form = tab.get_by_role("form", name="Edit profile")
        form.get_by_label("Headline").fill("Learning theory of neural networks")
        form.get_by_role("button", name="Save").click()
        expect(tab.locator(".headline")).to_have_text("Learning theory of neural networks.")
        expect(form).to_have_count(0)

        inbox = tab.get_by_test_id("inbox")
        expect(inbox.get_by_role("button", name=f"Received ({INBOX_PAGE + 1})")).to_be_visible()
        expect(inbox.get_by_test_id("invitation")).to_have_count(INBOX_PAGE)
        inbox.get_by_role("button", name="Show 1 more invitation").click()
        expect(inbox.get_by_test_id("invitation")).to_have_count(INBOX_PAGE + 1)
        invitation = inbox.get_by_test_id("invitation").filter(has_text="From A Colleague")
        expect(invitation).to_contain_text("Shall we write about heavy tails?")
        screenshot(tab, "researcher-owner")
        assert accessibility_violations(tab) == []
        invitation.get_by_role("button", name="Accept").click()
        expect(invitation).to_contain_text("Accepted")
        tab.reload()
        expect(tab.locator(".headline")).to_have_text("Learning theory of neural networks.")
        colleagues = tab.get_by_test_id("invitation").filter(has_text="From A Colleague")
        expect(colleagues).to_contain_text("Accepted")
    sent = api(
        web_base,
        "{ viewer { sentInvitations { edges { node { status } } } } }",
        colleague,
    )
    assert sent["viewer"]["sentInvitations"]["edges"] == [{"node": {"status": "ACCEPTED"}}]


def test_a_visitor_follows_and_claims_after_signing_up(
    people: Settings, page: tuple[Page, Traffic]
) -> None:
    tab, _ = page
    open_seed_page(tab)
    follow = tab.get_by_test_id("follow")
    expect(follow).to_be_enabled()
    expect(tab.get_by_role("button", name="Invite to collaborate")).to_have_count(0)
    sign_up(tab, "reader@example.org")
    follow.click()
    expect(tab.get_by_test_id("follow-count")).to_have_text("1")
    expect(follow).to_have_text(re.compile("^Following"))
    expect(tab.get_by_test_id("stat-followers").locator("dd")).to_have_text("1")
    tab.reload()
    expect(tab.get_by_test_id("follow-count")).to_have_text("1")
    follow.click()
    expect(tab.get_by_test_id("follow-count")).to_have_text("0")

    tab.get_by_role("button", name="Claim this record").click()
    tab.get_by_label("Institutional email").fill("anirbit.mukherjee@manchester.ac.uk")
    tab.get_by_label("Note for the moderator").fill("My arXiv author page.")
    tab.get_by_role("button", name="Send claim").click()
    expect(tab.get_by_test_id("claim-result")).to_contain_text("Claim sent")
    tab.reload()
    expect(tab.get_by_test_id("claim-note")).to_have_text("A claim on this record is under review.")
    tab.get_by_test_id("trust").click()
    expect(tab.get_by_test_id("claim-status")).to_have_text("Claim under review")
    assert "token" not in tab.url and "eyJ" not in tab.url
