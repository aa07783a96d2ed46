"""Loading the seed twice changes nothing: no duplicate node, edge or property change."""

from __future__ import annotations

import asyncio

from seed.loader import load_seed, read_seed
from server.connection import database_for
from server.settings import Settings
from tests.conftest import run_on_db


def test_loading_the_seed_again_changes_nothing(seeded: Settings) -> None:
    before = run_on_db(seeded, "test/graph_fingerprint")[0]

    async def reload() -> None:
        async with database_for(seeded) as db:
            await load_seed(db)
            await load_seed(db)

    asyncio.run(reload())
    after = run_on_db(seeded, "test/graph_fingerprint")[0]
    assert after == before
    data = read_seed()
    authorships = sum(len(work.authors) for work in data.works)
    assignments = sum(len(work.topics) for work in data.works)
    hierarchy = sum(topic.parent is not None for topic in data.topics)
    affiliations = sum(len(a.institutions) for work in data.works for a in work.authors)
    memberships = {
        (a.researcher, institution)
        for work in data.works
        for a in work.authors
        for institution in a.institutions
    }
    studies = {
        (a.researcher, assignment.topic)
        for work in data.works
        for a in work.authors
        for assignment in work.topics
    }
    marker = 1  # that every node's aggregates are kept (resolvers/aggregates.py)
    # a WorkTally per topic or institution, year and open access of its works
    buckets = {
        (owner, work.year, work.openAccess)
        for work in data.works
        for owner in {assignment.topic for assignment in work.topics}
        | {institution for a in work.authors for institution in a.institutions}
    }
    assert before["nodes"] == len(data.researchers) + len(data.works) + len(data.topics) + len(
        data.institutions
    ) + marker + len(buckets)
    assert before["relationships"] == (
        authorships
        + assignments
        + hierarchy
        + affiliations
        + len(memberships)
        + len(studies)
        + len(buckets)
    )


def test_seed_has_no_profile_level_affiliation_and_five_work_topics() -> None:
    data = read_seed()
    assert len({a.topic for work in data.works for a in work.topics}) == 5
    assert len(data.works) == 4
