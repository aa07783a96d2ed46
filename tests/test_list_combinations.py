"""Every list field with every argument, and their combinations, against the generated
graph on a real Neo4j (issue 21, "correct Cypher for every combination").

A valid query once answered INTERNAL_SERVER_ERROR because its Cypher declared a variable
twice; it took orderBy, where, totalCount and a nested list together. The documents here
come from tests/list_combinations.py, which walks the schema: every list field, below the
root, a lookup and a list, with each argument's values (pairwise), each combination of
inputs, counts and nested lists (exhaustively), and at random. Every document must answer
without a server error, with one statement per root field, items within the estimate, and
the lists tests/filters_model.py recomputes equal to its answer.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any

import pytest
from graphql import get_named_type
from hypothesis import HealthCheck, Phase, given, settings
from starlette.testclient import TestClient

from core.global_ids import decode_id, encode_id
from server.settings import Settings
from tests.conftest import gql, run_on_db, sign_up_moderator
from tests.default_schema import LIMITS, SCHEMA, SETTINGS, estimated_items
from tests.filters_model import Frequencies, Graph, busiest
from tests.generated_queries import answer_items
from tests.list_combinations import (
    CURSOR,
    MALFORMED_CURSOR,
    Call,
    Calls,
    Document,
    Pools,
    Target,
    corpus,
    features_of,
    given_facts,
    item_path,
    item_type,
    list_fields,
    nested_candidates,
    node_kinds,
    presence_features,
    random_documents,
    render,
    required_facts,
    targets,
)
from tests.profiled import profiled
from tests.test_citations import dump as citation_dump

RANDOM_DOCUMENTS = 25
# The answers of the default set whose reads are checked against their work, at least
# (299 at the time of writing: every answer that ran a statement)
WORK_CHECKED = 290
# Every document takes tens of minutes on a 2-core machine; by default a covering set runs
# (default_documents), and PEERGRAPH_ALL_COMBINATIONS=1 runs them all.
ALL_COMBINATIONS = os.environ.get("PEERGRAPH_ALL_COMBINATIONS") == "1"
# The lists tests/filters_model.py recomputes: (owner, field) -> the kind of their items.
MODELED = {
    ("Query", "works"): "Work",
    ("Work", "references"): "Work",
    ("Work", "citedBy"): "Work",
    ("Researcher", "works"): "Work",
    ("Topic", "works"): "Work",
    ("Institution", "works"): "Work",
    ("Query", "researchers"): "Researcher",
    ("Topic", "researchers"): "Researcher",
    ("Institution", "researchers"): "Researcher",
}
MODELED_YEARS = {"Query", "Researcher", "Topic", "Institution"}  # worksByYear
FOLLOW = "mutation ($id: ID!) { followResearcher(id: $id) { id } }"
CLAIM = "mutation ($id: ID!) { requestClaim(researcherId: $id) { id } }"
WORKS_CITING = """query ($after: String) { works(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { id references(first: 0) { totalCount } citedBy(first: 0) { totalCount } } } } }"""


# The values the documents draw from: the seeded graph's own


def fake_pools() -> Pools:
    """Values of the right kinds that name nothing: what the coverage needs."""
    kinds = node_kinds(SCHEMA)
    return Pools(
        ids={kind: [encode_id(kind, "a"), encode_id(kind, "b")] for kind in kinds},
        absent={kind: encode_id(kind, "absent") for kind in kinds},
        not_a_node=encode_id("User", "nobody"),
        words={"title": ["learning"], "name": ["an"], "venue": ["Nature"]},
        years=[2015],
    )


def works_most_cited(client: TestClient, bearer: str) -> list[str]:
    """Works that cite and are cited most, the first in the graph both ways: a list of
    either resumes from its cursor."""
    counts: Counter[str] = Counter()
    after = None
    while True:
        response = gql(client, WORKS_CITING, bearer=bearer, after=after)
        assert response.errors == [], response.errors
        page = response.data["works"]
        for edge in page["edges"]:
            node = edge["node"]
            both = node["references"]["totalCount"], node["citedBy"]["totalCount"]
            counts[node["id"]] = min(both) * 1000 + sum(both)
        if not page["pageInfo"]["hasNextPage"]:
            return busiest(counts, 3)
        after = page["pageInfo"]["endCursor"]


def graph_pools(model: Graph, works: list[str]) -> Pools:
    counted = Frequencies.of(model)
    hub = busiest(counted.authored, 1)[0]
    coauthors: Counter[str] = Counter(
        author for work in model.works_of[hub] for author in model.authors_of[work] if author != hub
    )
    on_topic = Counter(topic for topics in model.topics_of.values() for topic in topics)
    at_institution = Counter(
        institution
        for institutions in model.institutions_of.values()
        for institution in institutions
    )
    years = sorted({work["year"] for work in model.works.values() if work.get("year") is not None})
    return Pools(
        ids={
            "Researcher": [encode_id("Researcher", key) for key in [hub, *busiest(coauthors, 2)]],
            "Work": works,
            "Topic": [encode_id("Topic", key) for key in busiest(on_topic, 3)],
            "Institution": [encode_id("Institution", key) for key in busiest(at_institution, 3)],
        },
        absent={kind: encode_id(kind, "absent") for kind in node_kinds(SCHEMA)},
        not_a_node=encode_id("User", "nobody"),
        words={
            "title": busiest(counted.title_words, 3),
            "name": [part[:3].lower() for part in busiest(counted.name_parts, 3)],
            "venue": busiest(counted.venues, 2),
        },
        years=[years[len(years) // 2], years[len(years) // 4], years[-1]],
    )


@pytest.fixture(scope="module")
def client(generated_client: TestClient) -> TestClient:
    return generated_client


@pytest.fixture(scope="module")
def moderator(client: TestClient, generated: Settings) -> Iterator[str]:
    """A signed-in moderator who follows two researchers and asked to claim one: the
    viewer's lists and the claims queue have something in them. The generated graph has
    no accounts of its own: they all go when the module is done."""
    token = sign_up_moderator(client, generated, "combinations@example.org")
    yield token
    run_on_db(generated, "test/wipe_people")


@dataclass(frozen=True)
class CitingGraph(Graph):
    """tests/filters_model.py's graph, and a work's references and citing works as the
    works under it (tests/test_citations.py dumps them)."""

    cited: dict[str, list[str]] = field(default_factory=dict)
    citing: dict[str, list[str]] = field(default_factory=dict)

    def works_under(self, parent: tuple[str, str] | None) -> list[str]:
        if parent is not None and parent[0] == "Work.references":
            return sorted(self.cited.get(parent[1], []))
        if parent is not None and parent[0] == "Work.citedBy":
            return sorted(self.citing.get(parent[1], []))
        return super().works_under(parent)


@pytest.fixture(scope="module")
def model(generated: Settings) -> Graph:
    graph = Graph.from_dump(run_on_db(generated, "test/dump_graph")[0])
    citations = citation_dump(generated)
    kept = {name.name: getattr(graph, name.name) for name in fields(Graph)}
    return CitingGraph(**kept, cited=citations.cited, citing=citations.citing)


@pytest.fixture(scope="module")
def pools(client: TestClient, moderator: str, model: Graph, generated: Settings) -> Pools:
    found = graph_pools(model, works_most_cited(client, moderator))
    researchers = found.ids["Researcher"]
    for researcher in researchers[:2]:
        assert gql(client, FOLLOW, bearer=moderator, id=researcher).errors == []
    assert gql(client, CLAIM, bearer=moderator, id=researchers[-1]).errors == []
    # the follows are the model's too: lists ordered by FOLLOWERS read them
    followed = Graph.from_dump(run_on_db(generated, "test/dump_graph")[0]).followers
    model.followers.clear()
    model.followers.update(followed)
    return found


# Running a document, and what every answer must satisfy


@dataclass
class Tally:
    documents: Counter[str] = field(default_factory=Counter)
    answered: set[str] = field(default_factory=set)  # targets answered without an error
    compared: Counter[str] = field(default_factory=Counter)
    holding: set[str] = field(default_factory=set)  # lists that answered some item
    within: set[str] = field(default_factory=set)  # targets sent within the item limit
    facts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    profiled: int = 0  # answers whose statements ran under PROFILE


def resolved(variables: dict[str, Any], cursors: dict[str, str | None]) -> dict[str, Any]:
    """The variables with each CURSOR made the cursor its call answered (None at first)."""
    return {
        name: cursors.get(name.rpartition("_")[0]) if value is CURSOR else value
        for name, value in variables.items()
    }


@dataclass(frozen=True)
class Sender:
    """Where the documents go, and as whom."""

    client: TestClient
    bearer: str


def run(sender: Sender, model: Graph, document: Document, tally: Tally) -> None:
    text, variables = render(SCHEMA, document)
    tally.documents[document.corpus] += 1
    cursored = CURSOR in variables.values()
    refused = document.corpus == "refused"
    first = answer(sender, text, resolved(variables, {}), tally)
    check(model, document, first, resolved(variables, {}), {}, tally, refused and not cursored)
    if not cursored:
        return
    cursors, sizes = {}, {}
    for call, _, _, result in occurrences(document, first["data"]):
        resumed = CURSOR in call.arguments.values()
        if resumed and isinstance(result, dict) and call.alias not in cursors:
            container_list, _ = item_path(call.field)
            items = result.get(container_list) if container_list else result
            cursors[call.alias] = (result.get("pageInfo") or {}).get("endCursor")
            sizes[call.alias] = len(items or ())
    then = resolved(variables, cursors)
    second = answer(sender, text, then, tally)
    offsets = {alias: sizes[alias] for alias, cursor in cursors.items() if cursor is not None}
    check(model, document, second, then, offsets, tally, refused and bool(offsets))


def answer(sender: Sender, text: str, variables: dict[str, Any], tally: Tally) -> dict[str, Any]:
    """The answer, after checking that its statements read no more rows, as Neo4j's PROFILE
    counts them, than the request's declared work (core/work.py)."""
    with profiled(sender.client.app.state.db) as reads:  # type: ignore[attr-defined]
        response = sender.client.post(
            "/graphql",
            json={"query": text, "variables": variables},
            headers={"Authorization": f"Bearer {sender.bearer}"},
        )
    assert response.status_code < 500, (text, variables, response.text)
    body: dict[str, Any] = response.json()
    body["sent"] = (text, variables)
    if reads:
        work = body["extensions"]["cost"]["work"]
        read = sum(reads)
        assert read <= work, ("read more rows than its declared work", read, work, body["sent"])
        tally.profiled += 1
    return body


def codes(body: dict[str, Any]) -> list[str]:
    return [error.get("extensions", {}).get("code", "") for error in body.get("errors") or ()]


def check(
    model: Graph,
    document: Document,
    body: dict[str, Any],
    variables: dict[str, Any],
    offsets: dict[str, int],
    tally: Tally,
    refused: bool,
) -> None:
    """`refused`: a value past its bound was given, and must be refused."""
    found = codes(body)
    # a client's mistake is BAD_USER_INPUT; anything else here is the server's
    assert set(found) <= {"BAD_USER_INPUT"}, (body["sent"], body.get("errors"))
    if refused:
        assert found, ("a value past its bound was accepted", body["sent"])
    cost = body.get("extensions", {}).get("cost", {})
    if body.get("data") is not None and cost:
        assert answer_items(body["data"]) <= cost["estimatedItems"], body["sent"]
    label = f"{document.calls[0].field.key} ({document.way.label})"
    # the server's own estimate, the one it refuses by (tests/test_cost.py tests it)
    if document.corpus != "refused" and not (cost and cost["estimatedItems"] > cost["maxItems"]):
        tally.within.add(label)
    if found:
        return
    assert cost["statements"] == statements(document), ("one per root field", body["sent"])
    tally.answered.add(label)
    for call in document.all_calls():
        arguments = {
            name: variables[f"{call.alias}_{name}"]
            for name in call.arguments
            if variables[f"{call.alias}_{name}"] is not None
        }
        tally.facts[call.field.key] |= given_facts(call.field, arguments)
    for call, owner_type, owner, result in occurrences(document, body["data"]):
        arguments = {name: variables[f"{call.alias}_{name}"] for name in call.arguments}
        assert arguments.get("after") != MALFORMED_CURSOR, ("a malformed cursor", body["sent"])
        if result is not None:
            if any(items_of(call, result)):
                tally.holding.add(call.field.key)
            compare(model, call, owner_type, owner, result, arguments, offsets, tally)


def statements(document: Document) -> int:
    """One per root field, but for a root field whose id names no node: no statement."""
    if document.way.steps:
        return 1
    return sum(1 for call in document.calls if names_nodes(call))


def names_nodes(call: Call) -> bool:
    kinds = set(node_kinds(SCHEMA))
    for name, value in call.arguments.items():
        if get_named_type(call.field.definition.args[name].type).name != "ID":
            continue
        given = value if isinstance(value, list) else [value]
        if not any(decode_id(id)[0] in kinds for id in given):
            return False
    return True


def occurrences(document: Document, data: Any) -> Iterator[tuple[Call, str, dict[str, Any], Any]]:
    """Each call where the answer holds it: (call, owner type, owner, its answer)."""
    if data is None:
        return
    owners: list[Any] = [data]
    for step in document.way.steps:
        for name in (step.name, *step.inner):
            owners = list(flattened(owner.get(name) for owner in owners))
    for owner in owners:
        for call in document.calls:
            yield from call_occurrences(call, document.way.owner, owner)


def flattened(values: Iterator[Any]) -> Iterator[Any]:
    for value in values:
        if isinstance(value, list):
            yield from (item for item in value if item is not None)
        elif value is not None:
            yield value


def items_of(call: Call, result: Any) -> list[Any]:
    container_list, _ = item_path(call.field)
    found = result.get(container_list) if container_list else result
    return list(found or ())


def call_occurrences(
    call: Call, owner_type: str, owner: dict[str, Any]
) -> Iterator[tuple[Call, str, dict[str, Any], Any]]:
    result = owner.get(call.alias)
    yield call, owner_type, owner, result
    if call.nested is None or result is None:
        return
    container_list, node = item_path(call.field)
    elements = result.get(container_list) if container_list else result
    for element in elements or ():
        item = element.get(node) if node else element
        if item is not None:
            yield from call_occurrences(call.nested, item_type(call.field).name, item)


def compare(
    model: Graph,
    call: Call,
    owner_type: str,
    owner: dict[str, Any],
    result: Any,
    arguments: dict[str, Any],
    offsets: dict[str, int],
    tally: Tally,
) -> None:
    """A list the model recomputes, against the answer: the page, its size and what is
    past it."""
    years = call.field.name == "worksByYear" and owner_type in MODELED_YEARS
    kind = MODELED.get((owner_type, call.field.name))
    if not years and kind is None:
        return
    parent = None if owner_type == "Query" else (owner_type, decode_id(owner["id"])[1])
    if owner_type == "Work" and parent is not None:
        parent = (call.field.key, parent[1])  # CitingGraph's works under a work
    where, order = arguments.get("where"), arguments.get("orderBy")
    context = (call.field.key, parent, arguments)
    if years:
        assert result == model.works_by_year(parent, where), context
        tally.compared[call.field.key] += 1
        return
    if kind == "Work":
        expected = [encode_id("Work", key) for key in model.works_list(parent, where, order)]
    else:
        expected = [
            encode_id("Researcher", key) for key in model.researchers_list(parent, where, order)
        ]
    first = arguments.get("first")
    size = SETTINGS.default_page_size if first is None else first
    offset = offsets.get(call.alias, 0) if arguments.get("after") is not None else 0
    page = [edge["node"]["id"] for edge in result["edges"]]
    assert page == expected[offset : offset + size], context
    if "totalCount" in result:
        assert result["totalCount"] == len(expected), context
    if "pageInfo" in result:
        assert result["pageInfo"]["hasNextPage"] is (offset + size < len(expected)), context
    tally.compared[call.field.key] += 1


def default_documents(documents: list[Document]) -> list[Document]:
    """What runs without PEERGRAPH_ALL_COMBINATIONS: every refusal; every presence
    document where the owner is one (or where no way has one owner), and below a list
    where one has, those that hold every two features together, each on and off
    (presence_pairs); of the pairwise documents, the lightest that give each field every
    argument, value and input field (lightest_pairwise)."""
    one_owner = {document.calls[0].field.key for document in documents if not document.way.listed}
    chosen = {
        index
        for index, document in enumerate(documents)
        if document.corpus == "refused"
        or (
            document.corpus == "presence"
            and not (document.way.listed and document.calls[0].field.key in one_owner)
        )
    }
    chosen |= lightest_pairwise(documents)
    chosen |= presence_pairs(documents, one_owner)
    return [documents[index] for index in sorted(chosen)]


def presence_pairs(documents: list[Document], one_owner: set[str]) -> set[int]:
    """Of the presence documents below a list, for a field some way gives one owner (where
    every combination runs, and below a list the statement is the same but for its first
    rows): the one with every feature at once, and greedily those that hold each two
    features in each of their four states."""
    candidates = []
    chosen = set()
    for index, document in enumerate(documents):
        if not (document.corpus == "presence" and document.way.listed):
            continue
        if document.calls[0].field.key not in one_owner:
            continue
        features = presence_features(document.calls[0].field)
        if any(features_of(call) == frozenset(features) for call in document.calls):
            chosen.add(index)
        label = f"{document.calls[0].field.key} ({document.way.label})"
        candidates.append(Candidate(index, feature_states(label, features, document), 1))
    return chosen | greedy_cover(
        candidates,
        covered=set().union(
            *(candidate.covers for candidate in candidates if candidate.index in chosen)
        ),
    )


def feature_states(label: str, features: list[str], document: Document) -> frozenset[Any]:
    """Each feature on or off, and each two together, in the document's calls."""
    states: set[Any] = set()
    for call in document.calls:
        present = features_of(call)
        on = {feature: feature in present for feature in features}
        states |= {(label, feature, on[feature]) for feature in features}
        states |= {
            (label, one, on[one], other, on[other])
            for one, other in itertools.combinations(features, 2)
        }
    return frozenset(states)


def lightest_pairwise(documents: list[Document]) -> set[int]:
    """Of the pairwise documents within the item limit, a few that between them give each
    field every argument, value and input field and reach it every way: taken greedily by
    what they add for what they may cost (their items, twice over for a document run again
    from its cursors), so that a value is tried in a light document rather than in the
    first that has it, beside a page of a hundred with a list nested in each item."""
    candidates = []
    for index, document in enumerate(documents):
        if document.corpus != "pairwise":
            continue
        items = document_items(document)
        if items > LIMITS.max_items:
            continue  # refused before it runs: the estimate's tests are tests/test_cost.py
        runs = 2 if any(CURSOR in call.arguments.values() for call in document.calls) else 1
        candidates.append(Candidate(index, covered_by(document), runs * (items + ONE_REQUEST)))
    return greedy_cover(candidates, covered=set())


def greedy_cover(candidates: list[Candidate], covered: set[Any]) -> set[int]:
    """The candidates that add most for their cost, one after another, until none adds."""
    chosen = set()
    covered = set(covered)
    while candidates:
        best = max(candidates, key=lambda candidate: candidate.worth(covered))
        if not best.covers - covered:
            break
        chosen.add(best.index)
        covered |= best.covers
        candidates = [candidate for candidate in candidates if candidate.covers - covered]
    return chosen


# What a document costs besides its items, in items: a request, a statement per root field
ONE_REQUEST = 20


@dataclass(frozen=True)
class Candidate:
    index: int
    covers: frozenset[Any]
    cost: int

    def worth(self, covered: set[Any]) -> float:
        return len(self.covers - covered) / self.cost


def covered_by(document: Document) -> frozenset[tuple[str, str]]:
    """The target the document reaches, and each argument, value and input field it gives
    (a cursor only where its first page will have items to resume after)."""
    found = {(document.calls[0].field.key, document.way.label)}
    for call in document.all_calls():
        given = {
            name: value
            for name, value in call.arguments.items()
            if value is not None and (value is not CURSOR or resumes(call))
        }
        found |= {(call.field.key, fact) for fact in given_facts(call.field, given)}
    return frozenset(found)


def resumes(call: Call) -> bool:
    """Whether the first page will hold items: not a page of none, no where to empty it."""
    return call.arguments.get("first") != 0 and not call.arguments.get("where")


def document_items(document: Document) -> int:
    text, variables = render(SCHEMA, document)
    return estimated_items(text, resolved(variables, {}))


# The tests


def differ(one: Call, other: Call) -> bool:
    return (one.arguments, one.parts, one.nested is None) != (
        other.arguments,
        other.parts,
        other.nested is None,
    )


def test_the_generated_set_covers_every_list_argument_and_combination() -> None:
    """Without a database: every list field is a target, below every way to its owner;
    every argument, enum value and input field of each is given; each combination of
    inputs, counts and nested lists is there; each nested list is nested; two calls of
    each field stand side by side, asking for different things."""
    pools = fake_pools()
    documents = corpus(SCHEMA, pools)
    found = targets(SCHEMA, pools)
    assert {target.field.key for target in found} == {f.key for f in list_fields(SCHEMA)}
    facts: dict[str, set[str]] = defaultdict(set)
    combinations: dict[str, set[frozenset[str]]] = defaultdict(set)
    nested: dict[str, set[str]] = defaultdict(set)
    side_by_side: set[str] = set()
    for document in documents:
        label = f"{document.calls[0].field.key} ({document.way.label})"
        if len(document.calls) == 2 and differ(*document.calls):
            side_by_side.add(label)
        for call in document.calls:
            if document.corpus == "presence":
                combinations[label].add(features_of(call))
            if call.nested is not None:
                nested[call.field.key].add(call.nested.field.name)
        for call in document.all_calls():
            facts[call.field.key] |= given_facts(call.field, call.arguments)
    for target in found:
        label = f"{target.field.key} ({target.way.label})"
        assert required_facts(target.field) <= facts[target.field.key], label
        features = presence_features(target.field)
        assert len(combinations[label]) == 2 ** len(features), (label, features)
        candidates = {candidate.name for candidate in nested_candidates(target.field)}
        assert candidates <= nested[target.field.key], label
        if target.field.definition.args:
            assert label in side_by_side, label


def test_every_combination_answers(
    client: TestClient, moderator: str, model: Graph, pools: Pools
) -> None:
    """By default a covering set (default_documents): every value past a bound; every
    combination of inputs, counts and nested lists where the owner is one, and below a
    list every two of them in each state; a tenth of the pairwise documents, the lightest
    that still give every argument, value and input field. PEERGRAPH_ALL_COMBINATIONS=1
    runs every document: every pair of values, every combination below a list."""
    tally = Tally()
    documents = corpus(SCHEMA, pools)
    if not ALL_COMBINATIONS:
        documents = default_documents(documents)
    sender = Sender(client, moderator)
    for document in documents:
        run(sender, model, document, tally)

    # every answer that ran a statement read within its declared work
    assert tally.profiled >= WORK_CHECKED, tally.profiled
    # every field answered where each way reaches it (but where every document of it asks
    # for more items than a request may), and every argument, enum value and input field
    # was in a document that answered, not only in one refused
    unanswered = tally.within - tally.answered
    assert not unanswered, unanswered
    for list_field in list_fields(SCHEMA):
        missing = required_facts(list_field) - tally.facts[list_field.key]
        if list_field.key not in tally.holding:
            missing -= {"after"}  # a list that never held an item has no cursor to resume
        assert not missing, (list_field.key, missing)
    assert set(tally.compared) == {
        *(f"{owner}.{name}" for owner, name in MODELED),
        *(f"{owner}.worksByYear" for owner in MODELED_YEARS),
    }, tally.compared


def test_random_combinations_answer_and_agree_with_the_model(
    client: TestClient, moderator: str, model: Graph, pools: Pools
) -> None:
    tally = Tally()
    sender = Sender(client, moderator)
    found: list[Target] = targets(SCHEMA, pools)

    @settings(
        max_examples=RANDOM_DOCUMENTS,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],  # shrinking would run statements for minutes
        suppress_health_check=list(HealthCheck),
    )
    @given(random_documents(Calls(SCHEMA, pools), found))
    def check_one(document: Document) -> None:
        run(sender, model, document, tally)

    check_one()
    assert sum(tally.compared.values()) > 0, tally
    assert tally.profiled > 0, tally


ISSUE_QUERY = """{ researchers(first: 1, orderBy: {field: WORKS_COUNT}, where: {minWorks: 0}) {
  totalCount edges { node { topics { share } } } } }"""


def test_the_issue_query_answers_with_one_statement(client: TestClient) -> None:
    """The query issue 21 reported: orderBy, where, totalCount and a nested list together
    declared `rows` twice."""
    response = gql(client, ISSUE_QUERY)

    assert response.errors == []
    assert response.statements == 1
    assert len(response.data["researchers"]["edges"]) == 1
