"""The synthetic graph: reproducible, consistent, heavy-tailed, and loaded exactly as reported."""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id
from core.identifiers import normalize_ror
from seed.bulk import GeneratedGraphExists, load_generated
from seed.generator import HUB_KEY, generate, hub_works
from seed.rows import Batch
from seed.synthetic_ids import orcid_check_digit
from seed.taxonomy import sizes
from seed.vocabulary import COUNTRIES
from server.connection import database_for
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings
from tests.conftest import (
    GENERATED_HUB,
    GENERATED_SEED,
    GENERATED_WORKS,
    GeneratedGraph,
    gql,
    kept_differences,
    run_on_db,
)

LEVELS = ("domain", "field", "subfield", "topic")


def flatten(batches: Iterable[Batch]) -> Batch:
    graph = Batch()
    for batch in batches:
        graph.topics += batch.topics
        graph.institutions += batch.institutions
        graph.researchers += batch.researchers
        graph.works += batch.works
        graph.citations += batch.citations
    return graph


@pytest.fixture(scope="module")
def graph() -> Batch:
    return flatten(generate(GENERATED_WORKS, GENERATED_SEED, 1000))


def works_per_researcher(graph: Batch) -> Counter[str]:
    return Counter(author for work in graph.works for author in work["authors"])


# The generator alone


def test_the_same_seed_gives_the_same_graph_whatever_the_batch_size(graph: Batch) -> None:
    assert flatten(generate(GENERATED_WORKS, GENERATED_SEED, 777)) == graph
    other = flatten(generate(GENERATED_WORKS, GENERATED_SEED + 1, 1000))
    assert other.works != graph.works


def test_each_batch_refers_only_to_keys_of_itself_or_earlier_batches() -> None:
    known: set[str] = set()
    for batch in generate(2000, 3, 300):
        assert 1 <= len(batch.works) <= 300
        known |= {row["key"] for row in batch.topics}
        known |= {row["key"] for row in batch.institutions}
        known |= {row["key"] for row in batch.researchers}
        known |= {row["key"] for row in batch.works}
        for topic in batch.topics:
            assert topic["parent"] is None or topic["parent"] in known
        for researcher in batch.researchers:
            assert researcher["institution"] is None or researcher["institution"] in known
        for work in batch.works:
            assert set(work["authors"]) | set(work["topics"]) <= known
            assert {key for pair in work["affiliations"] for key in pair} <= known
        for citation in batch.citations:
            assert citation["work"] in known and set(citation["cites"]) <= known


def test_keys_are_unique_and_never_clash_with_the_seed(graph: Batch) -> None:
    for prefix, keys in {
        "gen:t:": [row["key"] for row in graph.topics],
        "gen:i:": [row["key"] for row in graph.institutions],
        "gen:r:": [row["key"] for row in graph.researchers],
        "gen:w:": [row["key"] for row in graph.works],
    }.items():
        assert len(set(keys)) == len(keys)
        assert all(key.startswith(prefix) for key in keys)
    assert len(graph.works) == GENERATED_WORKS


def test_identifiers_are_well_formed_unique_and_as_common_as_asked(graph: Batch) -> None:
    dois = [work["doi"] for work in graph.works if work["doi"] is not None]
    assert len(set(dois)) == len(dois)
    assert all(re.fullmatch(r"10\.\d{4,5}/[a-z0-9.\-]+", doi) for doi in dois)
    assert 0.7 < len(dois) / len(graph.works) < 0.9
    arxiv = [work["arxivId"] for work in graph.works if work["arxivId"] is not None]
    assert len(set(arxiv)) == len(arxiv)
    assert all(re.fullmatch(r"\d{4}\.\d{5}", arxiv_id) for arxiv_id in arxiv)
    assert 0.1 < len(arxiv) / len(graph.works) < 0.3

    orcids = [r["orcid"] for r in graph.researchers if r["orcid"] is not None]
    assert len(set(orcids)) == len(orcids)
    assert 0.25 < len(orcids) / len(graph.researchers) < 0.35
    for orcid in orcids:
        assert re.fullmatch(r"0000-000[1-3]-\d{4}-\d{3}[\dX]", orcid)
        digits = orcid.replace("-", "")
        assert orcid_check_digit(digits[:15]) == digits[15]

    rors = [row["ror"] for row in graph.institutions]
    assert len(set(rors)) == len(rors)
    assert [normalize_ror(ror) for ror in rors] == rors
    assert all(row["country"] in COUNTRIES for row in graph.institutions)
    assert len(graph.institutions) >= 20


def test_the_orcid_check_digit_follows_iso_7064() -> None:
    # ORCID's documented examples, one of them ending in X
    assert orcid_check_digit("000000021825009") == "7"
    assert orcid_check_digit("000000021694233") == "X"


def test_researchers_have_the_asked_profile_mix(graph: Batch) -> None:
    researchers = graph.researchers
    affiliated = [r for r in researchers if r["institution"] is not None]
    assert 0.5 < len(affiliated) / len(researchers) < 0.7
    assert all(r["since"] is not None and 1980 <= r["since"] <= 2026 for r in affiliated)
    assert 0.2 < sum(r["openToCollaborate"] for r in researchers) / len(researchers) < 0.3
    assert {r["verificationLevel"] for r in researchers} == {"L1"}
    headlines = [r["headline"] for r in researchers if r["headline"] is not None]
    assert headlines and all(len(headline) < 120 for headline in headlines)
    assert len({r["name"] for r in researchers}) > 0.8 * len(researchers)


def test_every_work_has_a_byline_without_repeats(graph: Batch) -> None:
    for work in graph.works:
        assert len(work["authors"]) >= 1
        assert len(set(work["authors"])) == len(work["authors"])


def test_topics_form_an_openalex_like_hierarchy_and_works_are_about_leaves(graph: Batch) -> None:
    by_key = {topic["key"]: topic for topic in graph.topics}
    levels = Counter(topic["level"] for topic in graph.topics)
    assert levels["domain"] == 4 and levels["topic"] >= 50
    for topic in graph.topics:
        parent = topic["parent"]
        if topic["level"] == "domain":
            assert parent is None
        else:
            assert parent is not None
            assert LEVELS.index(by_key[parent]["level"]) == LEVELS.index(topic["level"]) - 1
        assert topic["description"]
    assert len({topic["name"] for topic in graph.topics}) == len(graph.topics)
    for work in graph.works:
        assert 1 <= len(work["topics"]) <= 3 and len(set(work["topics"])) == len(work["topics"])
        assert all(by_key[key]["level"] == "topic" for key in work["topics"])
        assert all(0 < score <= 1 for score in work["scores"])


def test_researchers_have_a_topical_profile(graph: Batch) -> None:
    subfield = {t["key"]: t["parent"] for t in graph.topics if t["level"] == "topic"}
    subfields: dict[str, Counter[str | None]] = {}
    for work in graph.works:
        for author in work["authors"]:
            subfields.setdefault(author, Counter())[subfield[work["topics"][0]]] += 1
    prolific = [counts for counts in subfields.values() if counts.total() >= 20]
    assert prolific
    assert all(counts.most_common(1)[0][1] / counts.total() > 0.5 for counts in prolific)


def test_paper_level_affiliations_name_the_works_own_authors(graph: Batch) -> None:
    profile = {r["key"]: r["institution"] for r in graph.researchers}
    authorships = sum(len(work["authors"]) for work in graph.works)
    pairs = [(pair, work) for work in graph.works for pair in work["affiliations"]]
    assert 0.45 < len(pairs) / authorships < 0.55
    assert all(researcher in work["authors"] for (researcher, _), work in pairs)
    with_profile = [pair for pair, _ in pairs if profile[pair[0]] is not None]
    usual = sum(profile[researcher] == institution for researcher, institution in with_profile)
    assert usual / len(with_profile) > 0.8


def test_the_hub_is_by_far_the_most_productive_researcher(graph: Batch) -> None:
    counts = works_per_researcher(graph)
    (first, hub_count), (_, runner_up) = counts.most_common(2)
    assert first == HUB_KEY == GENERATED_HUB
    assert hub_count == hub_works(GENERATED_WORKS) >= 150
    assert runner_up < hub_count
    assert hub_count >= 50 * statistics.median(counts.values())


def test_team_sizes_and_productivity_are_heavy_tailed(graph: Batch) -> None:
    teams = [len(work["authors"]) for work in graph.works]
    assert sum(size <= 6 for size in teams) / len(teams) > 0.85
    assert max(teams) >= 20
    productivity = sorted(works_per_researcher(graph).values())
    assert sum(count <= 3 for count in productivity) / len(productivity) > 0.6
    assert productivity[int(len(productivity) * 0.99)] >= 10 * statistics.median(productivity)


def test_works_come_in_publication_order_and_cite_only_earlier_works(graph: Batch) -> None:
    years = [work["year"] for work in graph.works]
    assert years == sorted(years) and years[0] == 1990 and years[-1] == 2026
    assert sum(year >= 2015 for year in years) > sum(year < 2015 for year in years)
    assert all(work["publishedOn"].year == work["year"] for work in graph.works)
    for citation in graph.citations:
        citing = int(citation["work"].removeprefix("gen:w:"))
        cited = [int(key.removeprefix("gen:w:")) for key in citation["cites"]]
        assert 1 <= len(cited) <= 8 and len(set(cited)) == len(cited)
        assert all(index < citing for index in cited)


def test_the_graph_scales_like_openalex() -> None:
    assert sizes(1_000_000) == (20, 100, 2000)
    assert sizes(GENERATED_WORKS)[2] == 50
    assert hub_works(1_000_000) == 10_000
    assert hub_works(50_000_000) == 10_000
    assert hub_works(100) == 100


def test_generate_refuses_nonsense_sizes() -> None:
    with pytest.raises(ValueError, match="positive"):
        next(generate(0, 1, 10))


# The generated graph in Neo4j


def test_the_load_report_matches_the_database(
    generated_graph: GeneratedGraph, graph: Batch
) -> None:
    census = run_on_db(generated_graph.settings, "generate/census")[0]
    relationships = dict(census["relationships"])
    # kept aggregates (resolvers/aggregates.py)
    assert relationships.pop("MEMBER_OF") == len(memberships(graph))
    assert relationships.pop("TALLIES") == len(tallies(graph))
    assert relationships.pop("STUDIES") == len(studies(graph))
    report = generated_graph.report
    assert report.works == GENERATED_WORKS
    assert report.nodes == census["nodes"]
    assert report.relationships == sum(relationships.values())
    assert report.authorships == relationships["AUTHORED"]
    assert census["nodes"] == (
        len(graph.topics) + len(graph.institutions) + len(graph.researchers) + len(graph.works)
    )
    assert relationships == {
        "SUBTOPIC_OF": sum(topic["parent"] is not None for topic in graph.topics),
        "AFFILIATED_WITH": sum(r["institution"] is not None for r in graph.researchers),
        "AUTHORED": sum(len(work["authors"]) for work in graph.works),
        "ABOUT": sum(len(work["topics"]) for work in graph.works),
        "AFFILIATION": sum(len(work["affiliations"]) for work in graph.works),
        "CITES": sum(len(citation["cites"]) for citation in graph.citations),
    }


def memberships(graph: Batch) -> dict[tuple[str, str], int]:
    """(researcher, institution) -> works naming the institution for the researcher; a
    profile affiliation alone makes a membership of no works."""
    works: dict[tuple[str, str], set[str]] = {
        (r["key"], r["institution"]): set() for r in graph.researchers if r["institution"]
    }
    for work in graph.works:
        for researcher, institution in work["affiliations"]:
            works.setdefault((researcher, institution), set()).add(work["key"])
    return {pair: len(named) for pair, named in works.items()}


def studies(graph: Batch) -> dict[tuple[str, str], int]:
    """(researcher, topic) -> the researcher's works about the topic."""
    works: dict[tuple[str, str], set[str]] = {}
    for work in graph.works:
        for researcher in work["authors"]:
            for topic in work["topics"]:
                works.setdefault((researcher, topic), set()).add(work["key"])
    return {pair: len(about) for pair, about in works.items()}


def tallies(graph: Batch) -> dict[tuple[str, int | None, bool | None], list[int | None]]:
    """(topic or institution, year, openAccess) -> the citedByCount of each of its works."""
    found: dict[tuple[str, int | None, bool | None], list[int | None]] = {}
    for work in graph.works:
        owners = set(work["topics"]) | {institution for _, institution in work["affiliations"]}
        for owner in owners:
            bucket = (owner, work["year"], work["openAccess"])
            found.setdefault(bucket, []).append(work["citedByCount"])
    return found


def test_the_kept_tallies_agree_with_a_model_of_the_generated_graph(
    generated: Settings, graph: Batch
) -> None:
    expected = tallies(graph)
    rows = run_on_db(generated, "test/kept_tallies")
    assert len(rows) == len(expected)
    for row in rows:
        values = expected[row["owner"], row["year"], row["openAccess"]]
        numbers = [value for value in values if value is not None]
        assert row["works"] == len(values)
        assert (row["cited"], row["citedSum"]) == (len(numbers), sum(numbers))
        least, greatest = min(numbers), max(numbers)  # every generated work has a count
        assert (row["citedMin"], row["citedMinHolders"]) == (least, numbers.count(least))
        assert (row["citedMax"], row["citedMaxHolders"]) == (greatest, numbers.count(greatest))


def test_the_kept_aggregates_agree_with_a_model_of_the_generated_graph(
    generated: Settings, graph: Batch
) -> None:
    held = Counter(cited for citation in graph.citations for cited in citation["cites"])
    cited = {w["key"]: max(w["citedByCount"] or 0, held[w["key"]]) for w in graph.works}
    by_researcher: dict[str, list[int]] = {r["key"]: [] for r in graph.researchers}
    for work in graph.works:
        for author in work["authors"]:
            by_researcher[author].append(cited[work["key"]])
    expected_memberships = memberships(graph)
    expected_studies = studies(graph)
    rows = run_on_db(generated, "test/kept_aggregates")
    assert len(rows) == len(by_researcher)
    for row in rows:
        counts = sorted(by_researcher[row["key"]], reverse=True)
        assert row["citations"] == sum(counts)
        assert row["hIndex"] == sum(count >= rank for rank, count in enumerate(counts, 1))
        assert row["i10Index"] == sum(count >= 10 for count in counts)
        for institution, works in row["memberships"]:
            assert expected_memberships.pop((row["key"], institution)) == works
        for topic, works in row["studies"]:
            assert expected_studies.pop((row["key"], topic)) == works
    assert expected_memberships == {}
    assert expected_studies == {}
    assert kept_differences(generated) == []


def test_bylines_in_the_database_are_contiguous_from_one(generated: Settings) -> None:
    assert run_on_db(generated, "generate/broken_bylines") == []


def test_the_hub_leads_the_database(generated: Settings) -> None:
    hub, runner_up = run_on_db(generated, "generate/most_productive", {"limit": 2})
    assert hub["key"] == GENERATED_HUB
    assert hub["works"] >= 150 > runner_up["works"]


def test_the_hub_is_served_by_the_api(generated_client: TestClient) -> None:
    response = gql(
        generated_client,
        "query ($id: ID!) { researcher(id: $id) { name stats { works } } }",
        id=encode_id("Researcher", GENERATED_HUB),
    )
    assert response.errors == []
    assert response.data["researcher"]["stats"]["works"] == hub_works(GENERATED_WORKS)


def test_loading_into_a_generated_database_is_refused_and_changes_nothing(
    generated: Settings,
) -> None:
    before = run_on_db(generated, "generate/census")

    async def load_again() -> None:
        async with database_for(generated) as db:
            await load_generated(db, 10, 1)

    with pytest.raises(GeneratedGraphExists):
        asyncio.run(load_again())
    assert run_on_db(generated, "generate/census") == before


def test_the_cli_refuses_a_database_with_a_generated_graph_in_one_line(
    generated: Settings,
) -> None:
    env = {
        **os.environ,
        "NEO4J_URI": ManagedNeo4j(generated).uri,
        "NEO4J_PASSWORD": ManagedNeo4j(generated).password(),
    }
    command = [sys.executable, "-m", "server.cli", "generate", "--works", "10", "--seed", "1"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "peergraph: the database already contains a generated graph (keys starting with "
        "'gen:'); load into a database without one"
    ]


def test_the_cli_refuses_a_non_positive_size() -> None:
    command = [sys.executable, "-m", "server.cli", "generate", "--works", "0", "--seed", "1"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "not a positive number" in result.stderr
