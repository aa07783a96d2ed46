"""The claim workflow, walked with the seed researcher: request, review, levels, trust."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id
from server.settings import Settings
from tests.conftest import (
    SEED_RESEARCHER,
    fingerprint,
    gql,
    run_on_db,
    seed_database,
    sign_up,
    sign_up_moderator,
)

RESEARCHER = encode_id("Researcher", SEED_RESEARCHER)
SNAPSHOT = """
query ($id: ID!) {
  researcher(id: $id) {
    headline openToCollaborate verificationLevel claimStatus stats { followers }
    trust { score band label verificationLevel claimed components { name points reason } }
  }
}"""
REQUEST = """
mutation ($id: ID!, $evidence: ClaimEvidenceInput) {
  requestClaim(researcherId: $id, evidence: $evidence) {
    id status claimant { name } researcher { name }
    evidence { orcid institutionalEmail note orcidMatches emailMatches }
  }
}"""
REVIEW = """
mutation ($id: ID!, $decision: ClaimDecision!, $reason: String) {
  reviewClaim(id: $id, decision: $decision, reason: $reason) { id status reason reviewedAt }
}"""
UPDATE = """
mutation ($id: ID!, $headline: String, $open: Boolean) {
  updateProfile(researcherId: $id, headline: $headline, openToCollaborate: $open) {
    headline openToCollaborate
  }
}"""
FOLLOW = "mutation ($id: ID!) { followResearcher(id: $id) { id } }"


def snapshot(client: TestClient, id: str = RESEARCHER) -> dict[str, Any]:
    response = gql(client, SNAPSHOT, id=id)
    assert response.errors == []
    return dict(response.data["researcher"])


def score(client: TestClient, id: str = RESEARCHER) -> tuple[int, str, str, bool]:
    trust = snapshot(client, id)["trust"]
    return trust["score"], trust["label"], trust["verificationLevel"], trust["claimed"]


def request(
    client: TestClient, token: str, evidence: dict[str, str] | None = None, id: str = RESEARCHER
) -> Any:
    return gql(client, REQUEST, bearer=token, id=id, evidence=evidence)


def claim_id(client: TestClient, token: str, evidence: dict[str, str] | None = None) -> str:
    response = request(client, token, evidence)
    assert response.errors == [], response.errors
    return str(response.data["requestClaim"]["id"])


@pytest.fixture
def moderator(client: TestClient, people: Settings) -> str:
    return sign_up_moderator(client, people, "mod@example.org")


def test_the_seed_record_walks_from_l1_to_l2(
    client: TestClient, people: Settings, moderator: str
) -> None:
    assert score(client) == (17, "Unverified", "L1", False)
    assert snapshot(client)["claimStatus"] == "UNCLAIMED"

    anirbit = sign_up(client, "anirbit@example.org", name="Anirbit Mukherjee")
    pending = request(client, anirbit, {"note": "This is my author record."})
    assert pending.errors == []
    claim = pending.data["requestClaim"]
    assert (claim["status"], claim["claimant"]["name"]) == ("PENDING", "Anirbit Mukherjee")
    assert score(client) == (17, "Unverified", "L1", False)
    assert snapshot(client)["claimStatus"] == "PENDING"

    approved = gql(client, REVIEW, bearer=moderator, id=claim["id"], decision="APPROVE")
    assert approved.errors == []
    assert approved.data["reviewClaim"]["status"] == "APPROVED"
    # L2: 25 + 12 for four works, nothing for ORCID, affiliation or followers.
    assert score(client) == (37, "Emerging", "L2", True)
    after = snapshot(client)
    assert (after["claimStatus"], after["verificationLevel"]) == ("CLAIMED", "L2")
    verification = after["trust"]["components"][0]
    assert verification == {
        "name": "verification",
        "points": 25,
        "reason": "L2: claimed by a signed-in user",
    }

    for n in range(3):
        gql(client, FOLLOW, bearer=sign_up(client, f"follower{n}@example.org"), id=RESEARCHER)
    assert score(client) == (43, "Emerging", "L2", True)
    followers = next(c for c in snapshot(client)["trust"]["components"] if c["name"] == "followers")
    assert followers == {"name": "followers", "points": 6, "reason": "3 followers, 2 points each"}

    mine = gql(client, "{ viewer { claims { status researcher { name } } } }", bearer=anirbit)
    assert mine.data["viewer"]["claims"] == [
        {"status": "APPROVED", "researcher": {"name": "Anirbit Mukherjee"}}
    ]


def test_an_institutional_email_of_a_paper_affiliation_makes_l3(
    client: TestClient, people: Settings, moderator: str
) -> None:
    anirbit = sign_up(client, "anirbit@example.org")
    evidence = {"institutionalEmail": "Anirbit.Mukherjee@CS.Manchester.ac.uk"}
    pending = request(client, anirbit, evidence).data["requestClaim"]
    assert pending["evidence"]["institutionalEmail"] == "anirbit.mukherjee@cs.manchester.ac.uk"
    assert (pending["evidence"]["emailMatches"], pending["evidence"]["orcidMatches"]) == (
        True,
        False,
    )
    assert score(client) == (17, "Unverified", "L1", False)
    # The moderator decides on the domain; the address itself stays the claimant's.
    queue = gql(
        client,
        "{ claims { evidence { institutionalEmail emailDomain emailMatches } } }",
        bearer=moderator,
    )
    assert queue.data["claims"] == [
        {
            "evidence": {
                "institutionalEmail": None,
                "emailDomain": "cs.manchester.ac.uk",
                "emailMatches": True,
            }
        }
    ]
    gql(client, REVIEW, bearer=moderator, id=pending["id"], decision="APPROVE")
    # L3: 40 + 12 for four works.
    assert score(client) == (52, "Established", "L3", True)
    reason = snapshot(client)["trust"]["components"][0]["reason"]
    assert reason == "L3: claimed with verified evidence (institutional email matches the record)"


@pytest.fixture
def theodore_with_orcid(people: Settings) -> Iterator[str]:
    """The seed keeps an ORCID iD another source gave a record, so the test takes it back."""
    key = "theodore-papamarkou"
    run_on_db(people, "test/set_orcid", {"key": key, "orcid": "0000-0002-1825-0097"})
    yield key
    run_on_db(people, "test/set_orcid", {"key": key, "orcid": None})


def test_a_matching_orcid_makes_l3(
    client: TestClient, theodore_with_orcid: str, moderator: str
) -> None:
    key = theodore_with_orcid
    theodore = sign_up(client, "theodore@example.org")
    id = encode_id("Researcher", key)
    evidence = {"orcid": "https://orcid.org/0000-0002-1825-0097"}
    pending = request(client, theodore, evidence, id=id).data["requestClaim"]
    assert pending["evidence"]["orcidMatches"] is True
    assert score(client, id) == (18, "Unverified", "L1", False)  # 5 + 10 ORCID + 3 for one work
    gql(client, REVIEW, bearer=moderator, id=pending["id"], decision="APPROVE")
    assert score(client, id) == (53, "Established", "L3", True)


@pytest.mark.parametrize(
    "evidence",
    [
        {"institutionalEmail": "anirbit@gmail.com"},
        {"institutionalEmail": "anirbit@ufl.edu"},  # an institution, but not this record's
        {"institutionalEmail": "anirbit@notmanchester.ac.uk"},
        {"orcid": "0000-0002-1825-0097"},  # the record has no ORCID iD to match
    ],
)
def test_evidence_that_does_not_match_stays_l2(
    client: TestClient, people: Settings, moderator: str, evidence: dict[str, str]
) -> None:
    id = claim_id(client, sign_up(client, "claimant@example.org"), evidence)
    gql(client, REVIEW, bearer=moderator, id=id, decision="APPROVE")
    assert score(client) == (37, "Emerging", "L2", True)


def test_one_open_claim_per_record(client: TestClient, people: Settings, moderator: str) -> None:
    claim_id(client, sign_up(client, "first@example.org"))
    second = sign_up(client, "second@example.org")
    before = fingerprint(people)
    refused = request(client, second)
    assert refused.codes == ["CONFLICT"]
    assert refused.errors[0]["extensions"]["reason"] == "CLAIM_PENDING"
    assert fingerprint(people) == before


def test_racing_claims_on_one_record_leave_one_open(client: TestClient, people: Settings) -> None:
    tokens = [sign_up(client, f"racer{n}@example.org") for n in range(10)]
    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(lambda token: request(client, token).codes, tokens))
    assert sorted(outcomes) == [[]] + [["CONFLICT"]] * 9
    assert snapshot(client)["claimStatus"] == "PENDING"


def test_a_claimed_record_cannot_be_claimed_again(
    client: TestClient, people: Settings, moderator: str
) -> None:
    id = claim_id(client, sign_up(client, "owner@example.org"))
    gql(client, REVIEW, bearer=moderator, id=id, decision="APPROVE")
    again = request(client, sign_up(client, "impostor@example.org"))
    assert again.codes == ["CONFLICT"]
    assert again.errors[0]["extensions"]["reason"] == "ALREADY_CLAIMED"


def test_a_user_claims_one_record_unless_a_moderator_allows_more(
    client: TestClient, people: Settings, moderator: str
) -> None:
    token = sign_up(client, "greedy@example.org")
    claim_id(client, token)
    other = encode_id("Researcher", "sayar-karmakar")
    before = fingerprint(people)
    refused = request(client, token, id=other)
    assert refused.codes == ["FORBIDDEN"]
    assert refused.errors[0]["extensions"]["reason"] == "CLAIM_LIMIT"

    user_id = gql(client, "{ viewer { id } }", bearer=token).data["viewer"]["id"]
    allow = (
        "mutation ($id: ID!, $n: Int!) { setClaimAllowance(userId: $id, allowance: $n) { name } }"
    )
    assert gql(client, allow, bearer=token, id=user_id, n=2).codes == ["FORBIDDEN"]
    unknown = encode_id("User", "nobody")
    assert gql(client, allow, bearer=moderator, id=unknown, n=2).codes == ["NOT_FOUND"]
    assert fingerprint(people) == before
    assert gql(client, allow, bearer=moderator, id=user_id, n=2).errors == []
    assert request(client, token, id=other).errors == []


def test_a_rejection_needs_a_reason_and_frees_the_record(
    client: TestClient, people: Settings, moderator: str
) -> None:
    token = sign_up(client, "hopeful@example.org")
    id = claim_id(client, token)
    without = gql(client, REVIEW, bearer=moderator, id=id, decision="REJECT")
    assert without.codes == ["BAD_USER_INPUT"]
    rejected = gql(
        client, REVIEW, bearer=moderator, id=id, decision="REJECT", reason="No evidence given."
    )
    assert rejected.data["reviewClaim"]["status"] == "REJECTED"
    assert rejected.data["reviewClaim"]["reason"] == "No evidence given."
    assert score(client) == (17, "Unverified", "L1", False)
    assert snapshot(client)["claimStatus"] == "UNCLAIMED"
    assert request(client, token, {"note": "Now with a note."}).errors == []


def test_reviews_are_for_moderators_once_and_not_of_their_own_claims(
    client: TestClient, people: Settings, moderator: str
) -> None:
    id = claim_id(client, sign_up(client, "someone@example.org"))
    nosy = sign_up(client, "nosy@example.org")
    before = fingerprint(people)
    not_a_moderator = gql(client, REVIEW, bearer=nosy, id=id, decision="APPROVE")
    assert not_a_moderator.codes == ["FORBIDDEN"]
    unknown = gql(
        client, REVIEW, bearer=moderator, id=encode_id("Claim", "nope"), decision="APPROVE"
    )
    assert unknown.codes == ["NOT_FOUND"]
    assert fingerprint(people) == before
    assert gql(client, REVIEW, bearer=moderator, id=id, decision="APPROVE").errors == []
    before = fingerprint(people)
    twice = gql(client, REVIEW, bearer=moderator, id=id, decision="REJECT", reason="Changed mind")
    assert twice.codes == ["CONFLICT"]
    assert fingerprint(people) == before

    other = encode_id("Researcher", "sayar-karmakar")
    own_claim = request(client, moderator, id=other).data["requestClaim"]["id"]
    assert gql(client, REVIEW, bearer=moderator, id=own_claim, decision="APPROVE").codes == [
        "FORBIDDEN"
    ]


def test_the_queue_is_for_moderators(client: TestClient, people: Settings, moderator: str) -> None:
    token = sign_up(client, "queued@example.org")
    claim_id(client, token, {"note": "please"})
    queue = "{ claims { status evidence { note } claimant { name } researcher { name } } }"
    assert gql(client, queue, bearer=token).codes == ["FORBIDDEN"]
    assert gql(client, queue).codes == ["UNAUTHENTICATED"]
    seen = gql(client, queue, bearer=moderator)
    assert seen.errors == []
    assert "queued@example.org" not in str(seen.body) and "$argon2" not in str(seen.body)
    assert seen.data["claims"] == [
        {
            "status": "PENDING",
            "evidence": {"note": "please"},
            "claimant": {"name": "A Person"},
            "researcher": {"name": "Anirbit Mukherjee"},
        }
    ]


def test_only_the_claimant_edits_the_profile(
    client: TestClient, people: Settings, moderator: str
) -> None:
    owner = sign_up(client, "owner@example.org")
    id = claim_id(client, owner)
    stranger = sign_up(client, "stranger@example.org")
    before = fingerprint(people)
    # A pending claim does not make one the claimant yet.
    assert gql(client, UPDATE, bearer=owner, id=RESEARCHER, headline="Mine").codes == ["FORBIDDEN"]
    assert fingerprint(people) == before
    gql(client, REVIEW, bearer=moderator, id=id, decision="APPROVE")

    before = fingerprint(people)
    assert gql(client, UPDATE, bearer=stranger, id=RESEARCHER, headline="Hijacked").codes == [
        "FORBIDDEN"
    ]
    assert gql(client, UPDATE, bearer=moderator, id=RESEARCHER, open=False).codes == ["FORBIDDEN"]
    unknown = gql(client, UPDATE, bearer=owner, id=encode_id("Researcher", "nobody"), open=False)
    assert unknown.codes == ["NOT_FOUND"]
    assert gql(client, UPDATE, bearer=owner, id=RESEARCHER).codes == ["BAD_USER_INPUT"]
    assert fingerprint(people) == before

    edited = gql(client, UPDATE, bearer=owner, id=RESEARCHER, headline=" Learning theory ")
    assert edited.data["updateProfile"] == {
        "headline": "Learning theory",
        "openToCollaborate": True,
    }
    closed = gql(client, UPDATE, bearer=owner, id=RESEARCHER, open=False)
    assert closed.data["updateProfile"] == {
        "headline": "Learning theory",
        "openToCollaborate": False,
    }
    cleared = gql(client, UPDATE, bearer=owner, id=RESEARCHER, headline="")
    assert cleared.data["updateProfile"]["headline"] is None


def test_the_page_knows_its_claimant_only_once_the_claim_is_approved(
    client: TestClient, people: Settings, moderator: str
) -> None:
    owner = sign_up(client, "owner@example.org")
    stranger = sign_up(client, "stranger@example.org")
    query = "query ($id: ID!) { researcher(id: $id) { viewerIsClaimant openalexId } }"

    def owns(bearer: str | None) -> bool:
        answer = gql(client, query, bearer=bearer, id=RESEARCHER)
        assert answer.data["researcher"]["openalexId"] is None  # the seed alone
        return bool(answer.data["researcher"]["viewerIsClaimant"])

    id = claim_id(client, owner)
    assert (owns(owner), owns(stranger), owns(None)) == (False, False, False)
    gql(client, REVIEW, bearer=moderator, id=id, decision="APPROVE")
    assert (owns(owner), owns(stranger), owns(None), owns(moderator)) == (True, False, False, False)

    # Re-importing the seed does not undo the claimant's edits.
    gql(client, UPDATE, bearer=owner, id=RESEARCHER, headline="Kept")
    seed_database(people)
    assert snapshot(client)["headline"] == "Kept"
