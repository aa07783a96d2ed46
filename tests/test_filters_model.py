"""Generated list queries, paged, against a model of the same graph.

Random where trees (every filter field, AND/OR/NOT, nested, empty ones too), orders
and page sizes, on root lists and on lists under a parent, over the generated graph;
every page read, totalCount and worksByYear is compared with tests/filters_model.py,
which recomputes them in Python from a raw dump of the graph.

A page size is raised so that a list ends within MAX_PAGES pages, up to a hundred items
a page: a longer list (the root's works unfiltered, 30 pages) is read for its first
MAX_PAGES pages, which hold its cursors' hand-overs; its end is like the end of the
shorter lists. PEERGRAPH_ALL_PAGES=1 reads every list to its end.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from core.global_ids import decode_id, encode_id
from seed.loader import read_seed
from server.settings import Settings
from tests.conftest import GraphQLResponse, gql, run_on_db
from tests.filters_model import (
    ENTITY_GROUPS,
    MAX_CONDITIONS,
    Frequencies,
    Graph,
    Row,
    Where,
    busiest,
    conditions,
    cypher_sorted,
)

GENERATED_LISTS = 360  # list queries per run
MAX_PAGES = 3  # pages read of a list (a page size is raised so most lists end within them)
ALL_PAGES = os.environ.get("PEERGRAPH_ALL_PAGES") == "1"
WORK_TYPES = ("ARTICLE", "PREPRINT", "BOOK_CHAPTER", "DATASET", "REVIEW")

PAGE = "totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }"
WORK_ARGUMENTS = "$where: WorkWhere, $orderBy: WorkOrder, $first: Int, $after: String"
RESEARCHER_ARGUMENTS = (
    "$where: ResearcherWhere, $orderBy: ResearcherOrder, $first: Int, $after: String"
)
LIST_ARGUMENTS = "where: $where, orderBy: $orderBy, first: $first, after: $after"
GROUP_ARGUMENTS = ", $groupField: {of}GroupField!, $groupFirst: Int!, $groupOrder: GroupOrder!"
GROUP_BY = (
    "groupBy(field: $groupField, first: $groupFirst, orderBy: $groupOrder) "
    "{ groupsCount groups { key keyDisplayName count } }"
)
STATS = "{ sum average min max }"
AGGREGATE = f"aggregate {{ citedByCount {STATS} citations {STATS} year {STATS} }}"
WORK_GROUP_FIELDS = (
    "YEAR",
    "TYPE",
    "TOPIC",
    "SUBFIELD",
    "FIELD",
    "DOMAIN",
    "INSTITUTION",
    "COUNTRY",
    "VENUE",
    "OPEN_ACCESS",
    "AUTHOR",
)
GROUP_FIELDS = {"Work": WORK_GROUP_FIELDS, "Researcher": ("INSTITUTION", "COUNTRY", "TOPIC")}
GROUP_ORDERS = ("COUNT_DESC", "COUNT_ASC", "KEY_ASC", "KEY_DESC")


@dataclass(frozen=True)
class ListKind:
    """A list field, where it hangs (None: the root) and the document that pages it."""

    parent: str | None
    field: str
    of: str  # "Work" or "Researcher"

    def document(self) -> str:
        """With a groupBy beside the list, and an aggregate and worksByYear beside a list
        of works."""
        arguments = WORK_ARGUMENTS if self.of == "Work" else RESEARCHER_ARGUMENTS
        arguments += GROUP_ARGUMENTS.format(of=self.of)
        page = f" {GROUP_BY}"
        by_year = ""
        if self.of == "Work":
            page += f" {AGGREGATE}"
            by_year = " worksByYear(where: $where) { year works }"
        if self.parent is None:
            return (
                f"query ({arguments}) {{ list: {self.field}({LIST_ARGUMENTS}) "
                f"{{ {PAGE}{page} }}{by_year} }}"
            )
        return (
            f"query ($parent: ID!, {arguments}) {{ parent: {self.parent.lower()}(id: $parent) "
            f"{{ list: {self.field}({LIST_ARGUMENTS}) {{ {PAGE}{page} }}{by_year} }} }}"
        )


LISTS = (
    ListKind(None, "works", "Work"),
    ListKind(None, "researchers", "Researcher"),
    ListKind("Researcher", "works", "Work"),
    ListKind("Topic", "works", "Work"),
    ListKind("Institution", "works", "Work"),
    ListKind("Topic", "researchers", "Researcher"),
    ListKind("Institution", "researchers", "Researcher"),
)


@pytest.fixture(scope="module")
def graph(generated: Settings) -> Graph:
    return Graph.from_dump(run_on_db(generated, "test/dump_graph")[0])


def global_ids(kind: str, keys: list[str]) -> list[str]:
    return [encode_id(kind, key) for key in keys]


@dataclass(frozen=True)
class Values:
    """What the strategies draw from: the graph's own ids, venues and words."""

    researchers: list[str]
    busy_researchers: list[str]
    topics: list[str]
    institutions: list[str]
    venues: list[str]
    title_words: list[str]
    name_parts: list[str]

    @classmethod
    def of(cls, graph: Graph) -> Values:
        counted = Frequencies.of(graph)
        return cls(
            researchers=global_ids("Researcher", sorted(graph.researchers)),
            busy_researchers=global_ids("Researcher", busiest(counted.authored, 40)),
            topics=global_ids("Topic", graph.topics),
            institutions=global_ids("Institution", graph.institutions),
            venues=busiest(counted.venues, 30),
            title_words=busiest(counted.title_words, 60),
            name_parts=busiest(counted.name_parts, 60),
        )


def field_strategies(values: Values, of: str) -> dict[str, st.SearchStrategy[Any]]:
    topic = st.sampled_from(values.topics)
    institution = st.sampled_from(values.institutions)
    if of == "Work":
        researcher = st.sampled_from(values.busy_researchers) | st.sampled_from(values.researchers)
        return {
            "yearFrom": st.integers(1988, 2027),
            "yearTo": st.integers(1988, 2027),
            "type": st.lists(st.sampled_from(WORK_TYPES), max_size=3, unique=True),
            "venue": st.sampled_from([*values.venues, "No Such Venue"]),
            "openAccess": st.booleans(),
            "topic": topic,
            "author": researcher,
            "institution": institution,
            "titleContains": st.sampled_from(["", *values.title_words]) | st.text(max_size=3),
        }
    return {
        "nameContains": st.sampled_from(["", *values.name_parts])
        | st.sampled_from(values.name_parts).map(lambda part: part[1:4].upper()),
        "topic": topic,
        "institution": institution,
        "hasOrcid": st.booleans(),
        "openToCollaborate": st.booleans(),
        "minWorks": st.integers(-1, 12),
    }


@st.composite
def where_trees(draw: st.DrawFn, fields: dict[str, st.SearchStrategy[Any]], depth: int) -> Where:
    names = draw(st.lists(st.sampled_from(sorted(fields)), max_size=2, unique=True))
    tree: Where = {name: draw(fields[name]) for name in names}
    if depth > 0:
        for operator in draw(st.lists(st.sampled_from(("AND", "OR", "NOT")), max_size=2)):
            if operator == "NOT":
                tree["NOT"] = draw(where_trees(fields, depth - 1))
            else:
                tree[operator] = draw(st.lists(where_trees(fields, depth - 1), max_size=2))
    return tree


ORDER_FIELDS = {
    "Work": ("YEAR", "CITED_BY_COUNT", "TITLE", "CITATIONS", "REFERENCES"),
    "Researcher": ("NAME", "WORKS_COUNT", "CITATIONS", "H_INDEX", "FOLLOWERS", "RECENT_WORKS"),
}


def orders(of: str) -> st.SearchStrategy[Row | None]:
    optional: dict[str, st.SearchStrategy[Any]] = {"direction": st.sampled_from(("ASC", "DESC"))}
    if of == "Researcher":
        optional["years"] = st.integers(1, 12)
    return st.none() | st.fixed_dictionaries(
        {"field": st.sampled_from(ORDER_FIELDS[of])}, optional=optional
    )


def parent_keys(values: Values, kind: str) -> st.SearchStrategy[str]:
    if kind == "Researcher":
        return st.sampled_from(values.busy_researchers) | st.sampled_from(values.researchers)
    return st.sampled_from(values.topics if kind == "Topic" else values.institutions)


def expected_list(
    graph: Graph, kind: ListKind, parent: str | None, where: Where | None, order: Row | None
) -> list[str]:
    at = None if parent is None or kind.parent is None else (kind.parent, decode(parent))
    if kind.of == "Work":
        return global_ids("Work", graph.works_list(at, where, order))
    return global_ids("Researcher", graph.researchers_list(at, where, order))


def decode(global_id: str) -> str:
    return decode_id(global_id)[1]


def refused(kind: ListKind, where: Where | None) -> bool:
    """What the documented limits refuse: too many conditions, a negative minWorks."""
    return conditions(where) > MAX_CONDITIONS or any(
        value < 0 for value in values_named(where, "minWorks")
    )


def values_named(where: Where | None, name: str) -> Iterator[Any]:
    if where is None:
        return
    for key, value in where.items():
        if value is None:
            continue
        if key == name:
            yield value
        elif key in ("AND", "OR"):
            for child in value:
                yield from values_named(child, name)
        elif key == "NOT":
            yield from values_named(value, name)


def page_through(
    client: TestClient,
    kind: ListKind,
    variables: dict[str, Any],
    expected: list[str],
    first: int,
) -> GraphQLResponse:
    """The list's pages (its first MAX_PAGES, or all with ALL_PAGES), each compared with
    its slice of the expected list; the first page's response.

    Every page is the one document, so that Neo4j plans its statement once (planning a new
    text is most of a request's time here); the facets beside the list (groupBy,
    aggregate, worksByYear) count the whole list, so every page answers the first's."""
    after: str | None = None
    offset = 0
    pages = 0
    document = kind.document()
    first_response: GraphQLResponse | None = None
    while True:
        response = gql(client, document, first=first, after=after, **variables)
        assert response.errors == [], response.errors
        first_response = first_response or response
        holder = response.data if kind.parent is None else response.data["parent"]
        connection = holder["list"]
        ids = [edge["node"]["id"] for edge in connection["edges"]]
        context = (variables, first, offset)
        assert ids == expected[offset : offset + first], context
        assert connection["totalCount"] == len(expected), context
        more = offset + first < len(expected)
        assert connection["pageInfo"]["hasNextPage"] is more, context
        assert facets(kind, response) == facets(kind, first_response), context
        pages += 1
        if not more or (pages == MAX_PAGES and not ALL_PAGES):
            return first_response
        offset += first
        after = connection["pageInfo"]["endCursor"]


def facets(kind: ListKind, response: GraphQLResponse) -> dict[str, Any]:
    """What a page answers about its whole list: the same on every page."""
    holder = response.data if kind.parent is None else response.data["parent"]
    found = {name: holder["list"].get(name) for name in ("groupBy", "aggregate")}
    return {**found, "worksByYear": holder.get("worksByYear")}


def page_size(drawn: int | None, total: int) -> int:
    least = math.ceil(total / MAX_PAGES)
    return min(100, max(20 if drawn is None else drawn, least, 1))


def generated(examples: int) -> settings:
    """Hypothesis settings of the model tests: the same examples on every run."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def test_generated_lists_agree_with_the_model(generated_client: TestClient, graph: Graph) -> None:
    values = Values.of(graph)
    strategies = {of: field_strategies(values, of) for of in ("Work", "Researcher")}
    ran: Counter[str] = Counter()

    @generated(GENERATED_LISTS)
    @given(st.data())
    def check(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(LISTS), label="list")
        where = data.draw(st.none() | where_trees(strategies[kind.of], 3), label="where")
        order = data.draw(orders(kind.of), label="orderBy")
        parent = None if kind.parent is None else data.draw(parent_keys(values, kind.parent))
        variables: dict[str, Any] = {"where": where, "orderBy": order}
        if parent is not None:
            variables["parent"] = parent
        variables["groupField"] = data.draw(st.sampled_from(GROUP_FIELDS[kind.of]))
        variables["groupFirst"] = data.draw(st.integers(0, 200))
        variables["groupOrder"] = data.draw(st.sampled_from(GROUP_ORDERS))
        drawn = data.draw(st.none() | st.integers(1, 100), label="first")
        if refused(kind, where):
            response = gql(generated_client, kind.document(), first=drawn, **variables)
            assert response.codes == ["BAD_USER_INPUT"], (variables, response.errors)
            ran["refused"] += 1
            return
        expected = expected_list(graph, kind, parent, where, order)
        first = page_size(drawn, len(expected))
        response = page_through(generated_client, kind, variables, expected, first)
        ran["lists"] += 1
        holder = response.data if kind.parent is None else response.data["parent"]
        if kind.of == "Work":
            at = None if parent is None or kind.parent is None else (kind.parent, decode(parent))
            assert holder["worksByYear"] == graph.works_by_year(at, where), variables
            ran["worksByYear"] += 1
            works = [decode(item) for item in expected]
            numbers: dict[str, list[int | None]] = {
                "citedByCount": [graph.works[work].get("citedByCount") for work in works],
                "citations": [graph.citations(work) for work in works],
                "year": [graph.works[work].get("year") for work in works],
            }
            assert_aggregate(holder["list"]["aggregate"], numbers, variables)
            ran["aggregate"] += 1
        field, order = variables["groupField"], variables["groupOrder"]
        groups = graph.groups([decode(item) for item in expected], kind.of, field, order)
        expected_groups = [
            {"count": count, **group_key(graph, field, value)} for value, count in groups
        ]
        assert holder["list"]["groupBy"] == {
            "groupsCount": len(groups),
            "groups": expected_groups[: variables["groupFirst"]],
        }, variables
        ran["groupBy"] += 1

    check()
    assert ran["lists"] >= 330, ran
    assert ran["groupBy"] >= 330, ran
    assert ran["aggregate"] >= 150, ran


# What a topic's or institution's kept WorkTally buckets answer (docs/metrics.md): a `where`
# on these fields alone, and the counts, figures and groups below.
BUCKETED_LISTS = 120
BUCKETED_DOCUMENT = """
query ($parent: ID!, $where: WorkWhere, $groupField: WorkGroupField!, $groupOrder: GroupOrder!) {
  parent: %s(id: $parent) { list: works(first: 0, where: $where) {
    totalCount
    groupBy(field: $groupField, first: 200, orderBy: $groupOrder) {
      groupsCount groups { key keyDisplayName count }
    }
    aggregate { citedByCount { sum average min max } year { sum average min max } }
  }
  worksByYear(where: $where) { year works } }
}"""


def test_lists_counted_from_their_buckets_agree_with_the_model(
    generated_client: TestClient, graph: Graph
) -> None:
    values = Values.of(graph)
    years = sorted({work["year"] for work in graph.works.values() if work.get("year")})
    year = st.sampled_from([years[0] - 1, *years, years[-1] + 1])
    fields = {"yearFrom": year, "yearTo": year, "openAccess": st.booleans()}
    ran: Counter[str] = Counter()

    @generated(BUCKETED_LISTS)
    @given(st.data())
    def check(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(("Topic", "Institution")), label="parent kind")
        parent = data.draw(parent_keys(values, kind), label="parent")
        where = data.draw(st.none() | where_trees(fields, 2), label="where")
        field = data.draw(st.sampled_from(("YEAR", "OPEN_ACCESS")), label="groupField")
        order = data.draw(st.sampled_from(GROUP_ORDERS), label="groupOrder")
        variables: dict[str, Any] = {
            "parent": parent,
            "where": where,
            "groupField": field,
            "groupOrder": order,
        }
        response = gql(generated_client, BUCKETED_DOCUMENT % kind.lower(), **variables)
        if conditions(where) > MAX_CONDITIONS:
            assert response.codes == ["BAD_USER_INPUT"], (variables, response.errors)
            return
        assert response.errors == [], response.errors
        found = response.data["parent"]["list"]
        at = (kind, decode(parent))
        works = graph.works_list(at, where, None)
        assert response.data["parent"]["worksByYear"] == graph.works_by_year(at, where)
        assert found["totalCount"] == len(works), variables
        numbers: dict[str, list[int | None]] = {
            "citedByCount": [graph.works[work].get("citedByCount") for work in works],
            "year": [graph.works[work].get("year") for work in works],
        }
        assert_aggregate(found["aggregate"], numbers, variables)
        groups = graph.groups(works, "Work", field, order)
        assert found["groupBy"] == {
            "groupsCount": len(groups),
            "groups": [
                {"count": count, **group_key(graph, field, value)} for value, count in groups
            ],
        }, variables
        ran["lists"] += 1
        ran["empty"] += not works

    check()
    assert ran["lists"] >= BUCKETED_LISTS - 5, ran
    assert 0 < ran["empty"] < ran["lists"] / 2, ran


def assert_aggregate(
    found: dict[str, Any], numbers: dict[str, list[int | None]], variables: Any
) -> None:
    """`aggregate` against the numbers of the listed works, items without one left out."""
    for name, values in numbers.items():
        present = [value for value in values if value is not None]
        stats = found[name]
        assert stats["sum"] == sum(present), (name, variables)
        assert stats["min"] == min(present, default=None), (name, variables)
        assert stats["max"] == max(present, default=None), (name, variables)
        if present:
            assert math.isclose(stats["average"], sum(present) / len(present)), (name, variables)
        else:
            assert stats["average"] is None, (name, variables)


def group_key(graph: Graph, field: str, value: Any) -> dict[str, str | None]:
    """The key and keyDisplayName the API documents for a group's value."""
    if value is None:
        return {"key": None, "keyDisplayName": None}
    if field in ENTITY_GROUPS:
        rows = {"Institution": graph.institution_rows, "Researcher": graph.researchers}.get(
            ENTITY_GROUPS[field], graph.topic_rows
        )
        return {
            "key": encode_id(ENTITY_GROUPS[field], value),
            "keyDisplayName": rows[value]["name"],
        }
    if field == "TYPE":
        return {"key": value.upper().replace("-", "_"), "keyDisplayName": value}
    if field == "OPEN_ACCESS":
        shown = "open access" if value else "closed access"
        return {"key": "true" if value else "false", "keyDisplayName": shown}
    return {"key": str(value), "keyDisplayName": str(value)}


INSTITUTION_RESEARCHERS = """{ institutions(first: 100) { edges { node { id
  researchers(first: 100) { edges { node { id } } } } } } }"""


def test_institution_researchers_rank_by_works_there_not_profiles(
    generated_client: TestClient, graph: Graph
) -> None:
    response = gql(generated_client, INSTITUTION_RESEARCHERS)
    assert response.errors == []
    edges = response.data["institutions"]["edges"]
    assert len(edges) == min(100, len(graph.institutions))
    profile_as_a_work_differs = 0
    for edge in edges:
        institution = ("Institution", decode(edge["node"]["id"]))
        got = [item["node"]["id"] for item in edge["node"]["researchers"]["edges"]]
        expected = global_ids("Researcher", graph.researchers_list(institution, None, None))
        assert got == expected[:100], institution
        members = graph.researchers_under(institution)
        miscounted = sorted(
            members,
            key=lambda key: (-members[key] - (institution[1] in graph.profiles[key]), key),
        )
        profile_as_a_work_differs += global_ids("Researcher", miscounted)[:100] != got
    # the graph has institutions where counting a profile affiliation would reorder
    assert profile_as_a_work_differs > 0


def first_ids(
    client: TestClient, document: str, path: tuple[str, ...], **variables: Any
) -> list[str]:
    response = gql(client, document, **variables)
    assert response.errors == [], response.errors
    found = response.data
    for step in path:
        found = found[step]
    return [edge["node"]["id"] for edge in found["edges"]]


ROOT_RESEARCHERS = """query ($where: ResearcherWhere) {
  researchers(where: $where, first: 100) { edges { node { id } } } }"""
ROOT_WORKS = (
    """query ($where: WorkWhere) { works(where: $where, first: 100) { edges { node { id } } } }"""
)
TOPIC_RESEARCHERS = """query ($topic: ID!, $where: ResearcherWhere) { topic(id: $topic) {
  researchers(where: $where, first: 100) { edges { node { id } } } } }"""
TOPIC_WORKS = """query ($topic: ID!, $where: WorkWhere) { topic(id: $topic) {
  works(where: $where, first: 100) { edges { node { id } } } } }"""


def test_default_order_is_the_lists_whatever_the_trees_shape(
    generated_client: TestClient, graph: Graph
) -> None:
    """Equivalent filters (a dead OR branch, an empty AND, none at all) list in one order:
    root lists by key, a topic's researchers by works on it, its works newest first."""
    topic = encode_id(
        "Topic", max(graph.topics, key=lambda key: len(graph.researchers_under(("Topic", key))))
    )
    researcher_trees: list[Where | None] = [
        None,
        {},
        {"AND": []},
        {"topic": topic},
        {"topic": topic, "OR": [{"topic": topic}, {"OR": []}]},
        {"OR": [{"topic": topic}, {"NOT": {}}], "AND": [{}]},
    ]
    work_trees: list[Where | None] = [None, {}, {"AND": [], "OR": [{}, {"OR": []}]}]
    client = generated_client
    for kind, document, path, trees, of in (
        ("root", ROOT_RESEARCHERS, ("researchers",), researcher_trees[:3], "Researcher"),
        ("root", ROOT_RESEARCHERS, ("researchers",), researcher_trees[3:], "Researcher"),
        ("root", ROOT_WORKS, ("works",), work_trees, "Work"),
        ("topic", TOPIC_RESEARCHERS, ("topic", "researchers"), researcher_trees, "Researcher"),
        ("topic", TOPIC_WORKS, ("topic", "works"), work_trees, "Work"),
    ):
        parent = None if kind == "root" else ("Topic", decode(topic))
        answers = [first_ids(client, document, path, topic=topic, where=tree) for tree in trees]
        model_tree = trees[-1]
        if of == "Work":
            expected = global_ids("Work", graph.works_list(parent, model_tree, None))
        else:
            expected = global_ids("Researcher", graph.researchers_list(parent, model_tree, None))
        assert all(answer == expected[:100] for answer in answers), (kind, document)


def test_a_facet_outside_its_bound_is_refused(generated_client: TestClient) -> None:
    for first in (-1, 201):
        response = gql(
            generated_client,
            "query ($n: Int!) { works { groupBy(field: YEAR, first: $n) { groupsCount } } }",
            n=first,
        )
        assert response.codes == ["BAD_USER_INPUT"], response.errors
        assert "first must be between 0 and 200" in response.errors[0]["message"]


ORDERED = """query ($order: %sOrder) {
  list: %s(first: 100, orderBy: $order) { totalCount edges { node { id } } } }"""


def test_topics_and_institutions_order_by_their_counts(
    generated_client: TestClient, graph: Graph
) -> None:
    topic_works = Counter(topic for topics in graph.topics_of.values() for topic in topics)
    institution_works = Counter(
        institution
        for institutions in graph.institutions_of.values()
        for institution in institutions
    )
    figures: dict[tuple[str, str], Any] = {
        ("Topic", "NAME"): lambda key: graph.topic_rows[key]["name"],
        ("Topic", "WORKS_COUNT"): lambda key: topic_works[key],
        ("Institution", "NAME"): lambda key: graph.institution_rows[key]["name"],
        ("Institution", "WORKS_COUNT"): lambda key: institution_works[key],
        ("Institution", "RESEARCHERS_COUNT"): lambda key: len(
            graph.researchers_under(("Institution", key))
        ),
    }
    for (kind, field), figure in figures.items():
        keys = graph.topics if kind == "Topic" else graph.institutions
        for direction in ("ASC", "DESC"):
            ordered = cypher_sorted(
                list(keys), [(figure, direction == "DESC"), (lambda key: key, False)]
            )
            document = ORDERED % (kind, f"{kind.lower()}s")
            response = gql(
                generated_client, document, order={"field": field, "direction": direction}
            )
            assert response.errors == [], response.errors
            found = response.data["list"]
            assert found["totalCount"] == len(keys)
            ids = [edge["node"]["id"] for edge in found["edges"]]
            assert ids == global_ids(kind, ordered[:100]), (kind, field, direction)
        # the order is not the key order on this graph
        assert sorted(keys, key=figure) != sorted(keys), (kind, field)


EVERY_WORK_BY_TOPIC = """{ works(first: 0) { totalCount
  groupBy(field: TOPIC, first: 200) { groupsCount groups { key count } } } }"""


def test_every_works_topics_count_the_works_without_one_last(
    client: TestClient, bare_work: str
) -> None:
    """Over every work, the groups come from the topics' degrees and the works kept as
    having no topic (docs/metrics.md), not from a look at each work."""
    data = read_seed()
    counts = Counter(assignment.topic for work in data.works for assignment in work.topics)
    response = gql(client, EVERY_WORK_BY_TOPIC)
    assert response.errors == []
    found = response.data["works"]
    assert found["totalCount"] == len(data.works) + 1
    assert found["groupBy"]["groupsCount"] == len(counts) + 1
    groups = [(group["key"], group["count"]) for group in found["groupBy"]["groups"]]
    assert groups[-1] == (None, 1)  # the bare work; among the smallest, the null key last
    assert sorted(groups[:-1]) == sorted(
        (encode_id("Topic", topic), count) for topic, count in counts.items()
    )
    assert [count for _, count in groups] == sorted((count for _, count in groups), reverse=True)
