"""The work a request may ask of Neo4j (core/work.py): declared per field, read from the
graph's statistics, summed over the request with its aliases, and refused above
PEERGRAPH_MAX_WORK before anything runs. That the declared work is never below what Neo4j
reads is checked on generated queries (tests/test_generated_queries.py)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from core.global_ids import encode_id, list_identity, offset_cursor
from core.reads import WORK_GROUPS
from core.work import (
    BUSIEST_SUMS,
    STATISTICS,
    GraphStatistics,
    Most,
    RootList,
    candidates_of,
    every_candidate,
    statistics_of,
)
from resolvers.compiler.where import WORK_AUTHOR, WORK_TOPIC, YEAR_FROM, Criteria, where_rows
from seed.generator import HUB_KEY
from server.app import create_app
from server.settings import Settings
from tests.conftest import gql, run_on_db
from tests.profiled import profiled
from tests.web_documents import web_documents

LIMITS = Settings(_env_file=None).request_limits()
GRAPH = GraphStatistics(
    {
        "researcher.works": 7,
        "work.topics": 3,
        "work.authors": 5,
        "relationships.ABOUT": 11,
        "relationships.AUTHORED": 13,
        "nodes.Work": 17,
    }
)


def test_expressions_read_the_statistics_and_the_arguments() -> None:
    works = Most("researcher.works")

    assert (works * (Most("work.topics") + 1) + 2).rows({}, LIMITS, GRAPH) == 7 * 4 + 2
    assert every_candidate(works).rows({}, LIMITS, GRAPH) == 16
    with pytest.raises(KeyError):
        Most("researcher.wrks")


def test_a_root_list_reads_a_page_in_key_order_unless_filtered_or_ordered() -> None:
    root = RootList(Most("nodes.Work"), {"author": Most("researcher.works")})
    graph = GraphStatistics({"nodes.Work": 1000, "researcher.works": 7})

    assert root.rows({"first": 10}, LIMITS, graph) == 11
    assert root.rows({"first": 10, "where": {}}, LIMITS, graph) == 11
    assert root.rows({"where": {"yearFrom": 2020}}, LIMITS, graph) == 2 * 1000 + 2
    assert root.rows({"orderBy": {"field": "year"}}, LIMITS, graph) == 2 * 1000 + 2
    assert root.rows({"where": {"author": "R"}}, LIMITS, graph) == 2 * 7 + 2


def test_a_root_list_ranked_by_an_index_reads_its_page_and_the_ties_of_its_last_row() -> None:
    root = RootList(Most("nodes.Researcher"), {}, {}, {"citations": "ranked.citations"})
    graph = GraphStatistics(
        {"nodes.Researcher": 10**6, "ranked.depth": 10_000, "ranked.citations": 40}
    )
    most = {"field": "citations", "direction": "desc"}
    deep = offset_cursor(20_000, list_identity("Query", "researchers", ("citations", "desc")))

    assert root.rows({"first": 5, "orderBy": most}, LIMITS, graph) == 2 * 6 + 40 + 1
    least = {"field": "citations", "direction": "asc"}
    assert root.rows({"first": 5, "orderBy": least}, LIMITS, graph) == 2 * 6 + 1
    # past the depth the statistics know ties for, it counts as ordering every researcher
    assert root.rows({"first": 5, "orderBy": most, "after": deep}, LIMITS, graph) == 2 * 10**6 + 2
    # a `where` reads every candidate it leaves, in any order
    where = {"first": 5, "orderBy": most, "where": {"hasOrcid": True}}
    assert root.rows(where, LIMITS, graph) == 2 * 10**6 + 2


def test_a_facet_reads_its_lists_candidates_again_with_their_values() -> None:
    root = RootList(Most("nodes.Work"), {"author": Most("researcher.works")})
    under_a_researcher = every_candidate(Most("researcher.works"))
    topics = {"field": "topic"}

    # without where or orderBy the page is read in key order; a facet still reads every work
    assert candidates_of(root, {"first": 10}, LIMITS, GRAPH) == 17
    assert candidates_of(root, {"where": {"author": "R"}}, LIMITS, GRAPH) == 7
    assert candidates_of(under_a_researcher, {}, LIMITS, GRAPH) == 7
    assert WORK_GROUPS.rows(17, topics, LIMITS, GRAPH) == 17 * (1 + 3) + 1
    assert WORK_GROUPS.rows(7, {"field": "year"}, LIMITS, GRAPH) == 7 + 1


def test_a_facet_is_counted_in_the_requests_work(generated_client: TestClient) -> None:
    document = "{ works(first: 1) { %s } }"
    plain = gql(generated_client, document % "totalCount")
    faceted = gql(generated_client, document % "groupBy(field: TOPIC) { groupsCount }")
    statistics = generated_client.app.state.statistics.current  # type: ignore[attr-defined]
    works, topics = statistics.most("nodes.Work"), statistics.most("work.topics")

    assert plain.errors == faceted.errors == []
    extra = faceted.body["extensions"]["cost"]["work"] - plain.body["extensions"]["cost"]["work"]
    assert extra == works * (1 + topics) + 1


CRITERIA: Criteria = {"yearFrom": YEAR_FROM, "topic": WORK_TOPIC, "author": WORK_AUTHOR}
# the rows each criterion reads for a candidate, and for every work, under GRAPH
READS = {"yearFrom": 0, "topic": 3 + 2, "author": 5 + 2}
TOTALS = {"yearFrom": 0, "topic": 11 + 2 * 17, "author": 13 + 2 * 17}


def where_trees() -> st.SearchStrategy[dict[str, Any]]:
    leaf: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
        {name: st.none() | st.just("x") for name in CRITERIA},
        optional={"AND": st.none(), "OR": st.none(), "NOT": st.none()},
    )
    return st.recursive(
        leaf,
        lambda children: st.fixed_dictionaries(
            {name: st.none() | st.just("x") for name in CRITERIA},
            optional={
                "AND": st.none() | st.lists(children, max_size=3),
                "OR": st.none() | st.lists(children, max_size=3),
                "NOT": st.none() | children,
            },
        ),
        max_leaves=8,
    )


def conditions(tree: dict[str, Any]) -> list[str]:
    """Every condition the tree names, at any depth: an OR may test all of them."""
    found = [name for name in CRITERIA if tree.get(name) is not None]
    for key in ("AND", "OR"):
        for child in tree.get(key) or ():
            found += conditions(child)
    if tree.get("NOT") is not None:
        found += conditions(tree["NOT"])
    return found


@given(where_trees())
def test_a_where_reads_each_of_its_conditions_for_every_candidate(
    tree: dict[str, Any],
) -> None:
    named = conditions(tree)
    expected = sum(READS[name] for name in named), sum(TOTALS[name] for name in named)
    assert where_rows(tree, CRITERIA, LIMITS, GRAPH) == expected


def test_the_statistics_are_the_graphs(generated: Settings, generated_client: TestClient) -> None:
    statistics = generated_client.app.state.statistics.current  # type: ignore[attr-defined]
    most_works = run_on_db(generated, "test/most_works_of_a_researcher")[0]["works"]
    most_authors = run_on_db(generated, "test/most_authors_of_a_work")[0]["authors"]

    assert statistics.most("researcher.works") == most_works
    assert statistics.most("work.authors") == most_authors
    assert statistics.most("nodes.Work") == run_on_db(generated, "test/works")[0]["works"]
    # summed for the most prolific researchers, and bounded for the others
    walked = run_on_db(generated, "test/most_over_a_researchers_works")[0]
    for figure in ("authorships", "citedBy", "topics"):
        assert walked[figure] <= statistics.most(f"researcher.{figure}") <= 2 * walked[figure]


BUSY = """query ($id: ID!) { %s }"""
HEAVY = (
    "r{n}: researcher(id: $id) {{ recommendedCollaborators(first: 100) {{ researcher {{ name }} }}"
    " collaborators(first: 100, worksPerCollaborator: 20) {{ researcher {{ name }} }} }}"
)


def heavy(aliases: int) -> str:
    return BUSY % " ".join(HEAVY.format(n=n) for n in range(aliases))


def test_work_grows_with_the_aliases_and_the_graph(
    generated_client: TestClient, client: TestClient
) -> None:
    hub = encode_id("Researcher", HUB_KEY)
    one, four = (gql(generated_client, heavy(n), id=hub) for n in (1, 4))
    seed = gql(client, heavy(1), id=hub)

    assert one.errors == four.errors == []
    work = one.body["extensions"]["cost"]["work"]
    assert four.body["extensions"]["cost"]["work"] == 4 * work
    # the seed graph's researchers have fewer works and co-authors than the generated hub
    assert seed.body["extensions"]["cost"]["work"] < work


def test_a_request_over_the_work_limit_is_refused_before_any_statement(
    generated: Settings, generated_client: TestClient
) -> None:
    hub = encode_id("Researcher", HUB_KEY)
    work = gql(generated_client, heavy(1), id=hub).body["extensions"]["cost"]["work"]
    limited = generated.model_copy(update={"max_work": 2 * work})
    with TestClient(create_app(limited)) as client:
        refused = gql(client, heavy(3), id=hub)
        allowed = gql(client, heavy(2), id=hub)

    assert refused.codes == ["BAD_USER_INPUT"]
    assert f"more than the limit of {2 * work:,}" in refused.errors[0]["message"]
    assert refused.data is None
    assert refused.statements == 0
    assert refused.body["extensions"]["cost"]["work"] == 3 * work
    assert refused.body["extensions"]["cost"]["maxWork"] == 2 * work
    assert allowed.errors == []
    assert allowed.statements == 2  # one a root field


# A reader browsing at a human pace: the pages a minute one address may open at the default
# budget, were each the costliest of its kind.
PAGES_PER_WINDOW = 30


def web_pages(busiest: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
    """The web app's queries as its pages send them, each for the busiest node it takes."""
    researcher, work = busiest["Researcher"], busiest["Work"]
    groups = [busiest["Topic"], busiest["Institution"]]
    kinds = ["RESEARCHER", "WORK", "TOPIC", "INSTITUTION"]
    by_citations = {"field": "CITED_BY_COUNT", "direction": "DESC"}
    return [
        ("Home", {}),
        ("Search", {"query": "learning"}),
        ("ResearcherPage", {"id": researcher}),
        ("ResearcherWorks", {"id": researcher, "first": 50, "orderBy": by_citations}),
        ("WorkPage", {"id": work}),
        ("WorkCitation", {"id": work, "format": "BIBTEX"}),
        ("TopicPage", {"id": groups[0]}),
        ("InstitutionPage", {"id": groups[1]}),
        *[("GroupWorks", {"id": group, "orderBy": by_citations}) for group in groups],
        *[("GroupResearchers", {"id": group}) for group in groups],
        *[("GraphSlice", {"center": node, "limitPerKind": 50}) for node in busiest.values()],
        *[("Neighbors", {"id": node, "kinds": kinds, "first": 12}) for node in busiest.values()],
    ]


def test_every_page_fits_the_default_budget_and_reads_no_more_than_it_declares(
    generated: Settings, generated_client: TestClient
) -> None:
    defaults = Settings(_env_file=None)
    busiest = {
        row["kind"]: encode_id(row["kind"], row["key"])
        for row in run_on_db(generated, "test/busiest_of_each_kind")
    }
    documents = web_documents()
    db = generated_client.app.state.db  # type: ignore[attr-defined]
    for name, variables in web_pages(busiest):
        with profiled(db) as reads:
            answer = gql(generated_client, documents[name], **variables)
        work = answer.body["extensions"]["cost"]["work"]

        assert answer.errors == [], name
        assert sum(reads) <= work, name
        assert work * PAGES_PER_WINDOW <= defaults.rate_budget_anonymous, (name, work)


def test_a_sum_over_a_researchers_works_is_bounded_for_those_not_summed() -> None:
    read = {name: 0 for name in STATISTICS if name not in BUSIEST_SUMS}
    read |= {"work.authors": 40, "work.citedBy": 7, "work.topics": 3}
    summed = {f"{name}.busiest": 500 for name in BUSIEST_SUMS}

    few_works_left_out = statistics_of({**read, **summed, "researcher.worksLeftOut": 10})
    many_works_left_out = statistics_of({**read, **summed, "researcher.worksLeftOut": 100})

    # 10 works of 40 authors each: fewer than the 500 summed for the most prolific
    assert few_works_left_out.most("researcher.authorships") == 500
    # 100 works: as many as 4,000, 700 and 300 over someone's works, none summed
    assert many_works_left_out.most("researcher.authorships") == 4000
    assert many_works_left_out.most("researcher.citedBy") == 700
    assert many_works_left_out.most("researcher.topics") == 500
    # where the graph keeps citations, the most kept bounds those not summed
    kept = statistics_of(
        {**read, **summed, "researcher.worksLeftOut": 100, "researcher.keptCitations": 600}
    )
    assert kept.most("researcher.citedBy") == 600
