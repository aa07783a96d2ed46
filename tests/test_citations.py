"""Citation lists (Work.references, Work.citedBy) and researchers' citation figures on the
generated graph, against a model computed in Python from a raw dump of the same graph."""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.testclient import TestClient

from core.global_ids import decode_id, encode_id
from server.settings import Settings
from tests.conftest import gql, run_on_db

Work = dict[str, Any]


@dataclass(frozen=True)
class Graph:
    works: dict[str, Work]
    cites: list[tuple[str, str]]
    authored: dict[str, set[str]]  # researcher key -> work keys
    others: dict[str, int]  # a work's research relationships other than CITES
    cited: dict[str, list[str]]  # citing work -> cited works
    citing: dict[str, list[str]]  # cited work -> citing works

    def references(self, key: str) -> list[str]:
        return self.cited.get(key, [])

    def cited_by(self, key: str) -> list[str]:
        return self.citing.get(key, [])


@pytest.fixture(scope="module")
def graph(generated: Settings) -> Graph:
    return dump(generated)


def dump(settings: Settings) -> Graph:
    (facts,) = run_on_db(settings, "test/citation_facts")
    authored: dict[str, set[str]] = defaultdict(set)
    for researcher, work in facts["authored"]:
        authored[researcher].add(work)
    cited: dict[str, list[str]] = defaultdict(list)
    citing: dict[str, list[str]] = defaultdict(list)
    for source, target in facts["cites"]:
        cited[source].append(target)
        citing[target].append(source)
    return Graph(
        works={work["key"]: work for work in facts["works"]},
        cites=[(source, target) for source, target in facts["cites"]],
        authored=dict(authored),
        others={row["key"]: row["others"] for row in facts["degrees"]},
        cited=dict(cited),
        citing=dict(citing),
    )


def test_the_generated_graph_has_citations_and_one_edge_per_pair(graph: Graph) -> None:
    assert len(graph.cites) > 1000
    assert len(set(graph.cites)) == len(graph.cites)


# The model: citations per work, h-index by its definition, lists in Cypher's order


def citations_of(graph: Graph, key: str) -> int:
    return max(graph.works[key]["citedByCount"] or 0, len(graph.cited_by(key)))


def h_index(citations: list[int]) -> int:
    """The largest h with at least h works cited at least h times each."""
    return max(h for h in range(len(citations) + 1) if sum(n >= h for n in citations) >= h)


def in_cypher_order(works: list[Work], field: str, descending: bool) -> list[Work]:
    """`ORDER BY w.field IS NULL, w.field DIR, [w.publishedOn DIR,] w.key`: Cypher puts
    nulls last ascending and first descending, where no IS NULL comes before them."""

    def by(items: list[Work], name: str, nulls_last: bool) -> list[Work]:
        present = sorted(
            (w for w in items if w[name] is not None), key=lambda w: w[name], reverse=descending
        )
        missing = [w for w in items if w[name] is None]
        return present + missing if nulls_last else missing + present

    ordered = sorted(works, key=lambda w: w["key"])
    if field == "year":
        ordered = by(ordered, "publishedOn", nulls_last=not descending)
    return by(ordered, field, nulls_last=True)


Where = dict[str, Any]


def matches(work: Work, where: Where) -> bool:
    checks: dict[str, Callable[[Any], bool]] = {
        "yearFrom": lambda v: work["year"] is not None and work["year"] >= v,
        "yearTo": lambda v: work["year"] is not None and work["year"] <= v,
        "openAccess": lambda v: work["openAccess"] == v,
        "type": lambda v: work["type"] in [t.lower().replace("_", "-") for t in v],
        "titleContains": lambda v: v.lower() in work["title"].lower(),
        "OR": lambda v: any(matches(work, branch) for branch in v),
    }
    return all(checks[name](value) for name, value in where.items())


ORDER_FIELDS = {"YEAR": "year", "CITED_BY_COUNT": "citedByCount", "TITLE": "title"}


def expected(
    graph: Graph, keys: list[str], where: Where | None, order: dict[str, str] | None
) -> list[str]:
    works = [graph.works[key] for key in keys if where is None or matches(graph.works[key], where)]
    field = "year" if order is None else ORDER_FIELDS[order["field"]]
    descending = order is None or order.get("direction", "DESC") == "DESC"
    return [work["key"] for work in in_cypher_order(works, field, descending)]


# Paging through the API

PAGE = """query ($id: ID!, $first: Int, $after: String, $where: WorkWhere, $order: WorkOrder) {
  work(id: $id) {
    LIST(first: $first, after: $after, where: $where, orderBy: $order) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
    }
  }
}"""


def paged(
    client: TestClient,
    key: str,
    name: str,
    where: Where | None = None,
    order: dict[str, str] | None = None,
    first: int = 5,
) -> tuple[list[str], int]:
    """Every item of a work's list, page by page; and the totalCount each page gave."""
    found: list[str] = []
    totals: set[int] = set()
    after = None
    while True:
        response = gql(
            client,
            PAGE.replace("LIST", name),
            id=encode_id("Work", key),
            first=first,
            after=after,
            where=where,
            order=order,
        )
        assert response.errors == []
        assert response.statements == 1
        connection = response.data["work"][name]
        totals.add(connection["totalCount"])
        found += [decode_id(edge["node"]["id"])[1] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        assert len(connection["edges"]) == first
        after = connection["pageInfo"]["endCursor"]
    assert len(totals) == 1
    return found, totals.pop()


def sample(graph: Graph) -> list[str]:
    """The most cited and most citing works, one citing and cited by nothing, and others."""
    keys = sorted(graph.works)
    most_cited = sorted(keys, key=lambda key: -len(graph.cited_by(key)))[:2]
    most_citing = sorted(keys, key=lambda key: -len(graph.references(key)))[:2]
    alone = next(k for k in keys if not graph.cited_by(k) and not graph.references(k))
    return [*most_cited, *most_citing, alone, *random.Random(11).sample(keys, 6)]


LISTS = {"references": Graph.references, "citedBy": Graph.cited_by}
CASES: list[tuple[Where | None, dict[str, str] | None]] = [
    (None, None),
    (None, {"field": "CITED_BY_COUNT", "direction": "DESC"}),
    (None, {"field": "TITLE", "direction": "ASC"}),
    ({"yearFrom": 2005, "OR": [{"openAccess": True}, {"type": ["PREPRINT"]}]}, None),
    ({"titleContains": "learn"}, {"field": "YEAR", "direction": "ASC"}),
]


@pytest.mark.parametrize("name", list(LISTS))
@pytest.mark.parametrize(("where", "order"), CASES)
def test_lists_page_through_to_the_models_answer(
    generated_client: TestClient,
    graph: Graph,
    name: str,
    where: Where | None,
    order: dict[str, str] | None,
) -> None:
    for key in sample(graph):
        want = expected(graph, LISTS[name](graph, key), where, order)
        assert paged(generated_client, key, name, where, order) == (want, len(want)), key


def test_lists_nest_in_one_statement(generated_client: TestClient, graph: Graph) -> None:
    query = """{ works(first: 5, orderBy: {field: CITED_BY_COUNT}) { edges { node { id
      references(first: 3) { totalCount edges { node { id citedBy(first: 2) { totalCount } } } }
    } } } }"""
    response = gql(generated_client, query)
    assert response.errors == [] and response.statements == 1
    for edge in response.data["works"]["edges"]:
        key = decode_id(edge["node"]["id"])[1]
        references = edge["node"]["references"]
        want = expected(graph, graph.references(key), None, None)
        assert references["totalCount"] == len(want)
        got = [decode_id(e["node"]["id"])[1] for e in references["edges"]]
        assert got == want[:3]
        assert [e["node"]["citedBy"]["totalCount"] for e in references["edges"]] == [
            len(graph.cited_by(cited)) for cited in got
        ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ("first: 101", "first must be between 0 and 100"),
        ("first: -1", "first must be between 0 and 100"),
        ('after: "bm90IGEgY3Vyc29y"', "malformed cursor"),
        ('where: {author: "W1"}', "malformed id 'W1'"),
    ],
)
def test_bad_list_arguments_are_bad_input(
    generated_client: TestClient, arguments: str, message: str
) -> None:
    work = encode_id("Work", "gen:w:1")
    response = gql(
        generated_client, f'{{ work(id: "{work}") {{ citedBy({arguments}) {{ totalCount }} }} }}'
    )
    assert response.codes == ["BAD_USER_INPUT"]
    assert message in response.errors[0]["message"]
    assert response.statements == 0


# Researchers' figures

FIGURES = """query ($after: String) {
  researchers(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id stats {
      citations hIndex i10Index twoYearMeanCitedness countsByYear { year works citations }
    } } }
  }
}"""


def test_every_researchers_figures_are_the_models(
    generated_client: TestClient, graph: Graph
) -> None:
    found: dict[str, dict[str, Any]] = {}
    after = None
    while True:
        response = gql(generated_client, FIGURES, after=after)
        assert response.errors == [] and response.statements == 1
        page = response.data["researchers"]
        for edge in page["edges"]:
            found[decode_id(edge["node"]["id"])[1]] = edge["node"]["stats"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    now = datetime.datetime.now(datetime.UTC).year
    want = {researcher: figures(graph, researcher, now) for researcher in found}
    assert found == want
    # the figures are not trivial on this graph
    assert max(stats["hIndex"] for stats in want.values()) >= 5
    assert max(stats["i10Index"] for stats in want.values()) >= 2
    assert sum(stats["twoYearMeanCitedness"] > 0 for stats in want.values()) >= 10
    assert sum(len(stats["countsByYear"]) >= 3 for stats in want.values()) >= 10


def figures(graph: Graph, researcher: str, now: int) -> dict[str, Any]:
    """A researcher's figures as docs/metrics.md defines them."""
    works = graph.authored.get(researcher, set())
    counts = [citations_of(graph, work) for work in works]
    recent = [
        citations_of(graph, work)
        for work in works
        if graph.works[work]["year"] in (now - 2, now - 1)
    ]
    by_year = []
    for year in range(now - 9, now + 1):
        published = sum(graph.works[work]["year"] == year for work in works)
        cited = sum(
            graph.works[citing]["year"] == year for work in works for citing in graph.cited_by(work)
        )
        if published or cited:
            by_year.append({"year": year, "works": published, "citations": cited})
    return {
        "citations": sum(counts),
        "hIndex": h_index(counts),
        "i10Index": sum(count >= 10 for count in counts),
        "twoYearMeanCitedness": sum(recent) / len(recent) if recent else 0.0,
        "countsByYear": by_year,
    }


WORK_YEARS = """query ($ids: [ID!]!) { nodes(ids: $ids) { id
  ... on Work { countsByYear { year citations } } } }"""


def test_works_citations_by_year_are_the_models(generated_client: TestClient, graph: Graph) -> None:
    now = datetime.datetime.now(datetime.UTC).year
    most_cited = sorted(graph.works, key=lambda key: (-len(graph.cited_by(key)), key))[:100]
    response = gql(generated_client, WORK_YEARS, ids=[encode_id("Work", key) for key in most_cited])
    assert response.errors == []
    for node in response.data["nodes"]:
        years = Counter(
            graph.works[citing]["year"] for citing in graph.cited_by(decode_id(node["id"])[1])
        )
        expected = [
            {"year": year, "citations": years[year]}
            for year in range(now - 9, now + 1)
            if years[year]
        ]
        assert node["countsByYear"] == expected, node["id"]
    assert sum(len(node["countsByYear"]) > 1 for node in response.data["nodes"]) >= 10


def test_citations_of_a_work_take_the_larger_count(graph: Graph) -> None:
    """Both rules matter on this graph: some works have fewer citing works in the graph
    than their citedByCount, and some more."""
    counted = {key: work["citedByCount"] or 0 for key, work in graph.works.items()}
    held = {key: len(graph.cited_by(key)) for key in graph.works}
    assert any(counted[key] > held[key] for key in graph.works)
    assert any(counted[key] < held[key] for key in graph.works)


@pytest.mark.parametrize(
    ("citations", "h"),
    [
        ([], 0),
        ([0, 0], 0),
        ([1], 1),
        ([10], 1),
        ([3, 3, 3], 3),
        ([5, 4, 3, 2, 1], 3),
        ([9, 1, 1], 1),
    ],
)
def test_h_index_follows_its_definition(citations: list[int], h: int) -> None:
    assert h_index(citations) == h


# The explorer counts citations in its weights


def test_slices_count_citations_in_weights(generated_client: TestClient, graph: Graph) -> None:
    center = max(graph.works, key=lambda key: len(graph.cited_by(key)) + len(graph.references(key)))
    query = """query ($id: ID!) { graph(center: $id, depth: 1, limitPerKind: 50) {
      nodes { id kind weight hop } edges { source target kind } } }"""
    response = gql(generated_client, query, id=encode_id("Work", center))
    assert response.errors == []
    slice_ = response.data["graph"]
    cites = {
        (decode_id(e["source"])[1], decode_id(e["target"])[1])
        for e in slice_["edges"]
        if e["kind"] == "CITES"
    }
    assert cites and cites <= set(graph.cites)
    assert all(center in pair for pair in cites)
    for node in slice_["nodes"]:
        if node["kind"] != "WORK":
            continue
        key = decode_id(node["id"])[1]
        degree = len(graph.references(key)) + len(graph.cited_by(key))
        assert node["weight"] == graph.others[key] + degree, key
