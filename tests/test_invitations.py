"""Collaboration invitations: only to a claimed, open record; answered by its claimant."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id
from server.app import create_app
from server.settings import Settings
from tests.conftest import SEED_RESEARCHER, fingerprint, gql, sign_up, sign_up_moderator

RESEARCHER = encode_id("Researcher", SEED_RESEARCHER)
SEND = """
mutation ($to: ID!, $message: String!) {
  sendCollaborationInvitation(toResearcherId: $to, message: $message) {
    id status message from { name } to { name }
  }
}"""
ANSWER = """
mutation ($id: ID!, $answer: InvitationAnswer!) {
  respondToInvitation(id: $id, answer: $answer) { status respondedAt }
}"""
RECEIVED = """{ viewer { invitations { totalCount edges { node {
  message status from { id name } to { name } } } } } }"""
SENT = "{ viewer { sentInvitations { edges { node { status to { name } } } } } }"
CLAIM = "mutation ($id: ID!) { requestClaim(researcherId: $id) { id } }"
APPROVE = "mutation ($id: ID!) { reviewClaim(id: $id, decision: APPROVE) { status } }"
CLOSE = "mutation ($id: ID!) { updateProfile(researcherId: $id, openToCollaborate: false) { id } }"


def claim(client: TestClient, settings: Settings, key: str = SEED_RESEARCHER) -> str:
    """The token of a new user whose claim on the record a moderator approved."""
    owner = sign_up(client, f"owner-{key}@example.org", name="Record Owner")
    claim = gql(client, CLAIM, bearer=owner, id=encode_id("Researcher", key))
    moderator = sign_up_moderator(client, settings, f"mod-{key}@example.org")
    approved = gql(client, APPROVE, bearer=moderator, id=claim.data["requestClaim"]["id"])
    assert approved.errors == [], approved.errors
    return owner


@pytest.fixture
def owner(client: TestClient, people: Settings) -> str:
    return claim(client, people)


@pytest.fixture
def sender(client: TestClient, people: Settings) -> str:
    return sign_up(client, "sender@example.org", name="Keen Sender")


def send(client: TestClient, token: str, message: str = "Shall we work on LoRA?") -> str:
    response = gql(client, SEND, bearer=token, to=RESEARCHER, message=message)
    assert response.errors == [], response.errors
    return str(response.data["sendCollaborationInvitation"]["id"])


def test_an_unclaimed_record_cannot_be_invited(
    client: TestClient, people: Settings, sender: str
) -> None:
    before = fingerprint(people)
    response = gql(client, SEND, bearer=sender, to=RESEARCHER, message="Hello")
    assert response.codes == ["FORBIDDEN"]
    assert response.errors[0]["extensions"]["reason"] == "NOT_CLAIMED"
    assert "not claimed" in response.errors[0]["message"]
    assert fingerprint(people) == before


def test_a_record_closed_to_collaboration_cannot_be_invited(
    client: TestClient, people: Settings, owner: str, sender: str
) -> None:
    gql(client, CLOSE, bearer=owner, id=RESEARCHER)
    before = fingerprint(people)
    response = gql(client, SEND, bearer=sender, to=RESEARCHER, message="Hello")
    assert response.codes == ["FORBIDDEN"]
    assert response.errors[0]["extensions"]["reason"] == "NOT_OPEN_TO_COLLABORATE"
    assert fingerprint(people) == before


@pytest.mark.parametrize(
    ("to", "message", "code"),
    [
        (encode_id("Researcher", "nobody"), "Hello", "NOT_FOUND"),
        (RESEARCHER, "   ", "BAD_USER_INPUT"),
        (RESEARCHER, "x" * 2001, "BAD_USER_INPUT"),
        (encode_id("Topic", "topic:lora"), "Hello", "BAD_USER_INPUT"),
    ],
)
def test_bad_invitations_are_refused_and_change_nothing(
    client: TestClient, people: Settings, owner: str, sender: str, to: str, message: str, code: str
) -> None:
    before = fingerprint(people)
    assert gql(client, SEND, bearer=sender, to=to, message=message).codes == [code]
    assert fingerprint(people) == before


def test_the_claimant_cannot_invite_themself(
    client: TestClient, people: Settings, owner: str
) -> None:
    before = fingerprint(people)
    response = gql(client, SEND, bearer=owner, to=RESEARCHER, message="Hello me")
    assert response.codes == ["BAD_USER_INPUT"]
    assert fingerprint(people) == before


def test_the_claimant_sees_and_answers_and_the_sender_sees_the_answer(
    client: TestClient, people: Settings, owner: str, sender: str
) -> None:
    id = send(client, sender)
    response = gql(client, RECEIVED, bearer=owner)
    assert "sender@example.org" not in str(response.body)  # a name, never an email
    received = response.data["viewer"]["invitations"]
    assert received["totalCount"] == 1
    node = received["edges"][0]["node"]
    assert (node["message"], node["status"]) == ("Shall we work on LoRA?", "PENDING")
    assert (node["from"]["name"], node["to"]["name"]) == ("Keen Sender", "Anirbit Mukherjee")
    assert gql(client, RECEIVED, bearer=sender).data["viewer"]["invitations"]["totalCount"] == 0

    accepted = gql(client, ANSWER, bearer=owner, id=id, answer="ACCEPT")
    assert accepted.data["respondToInvitation"]["status"] == "ACCEPTED"
    assert accepted.data["respondToInvitation"]["respondedAt"] is not None
    sent = gql(client, SENT, bearer=sender).data["viewer"]["sentInvitations"]["edges"]
    assert sent == [{"node": {"status": "ACCEPTED", "to": {"name": "Anirbit Mukherjee"}}}]
    again = gql(client, ANSWER, bearer=owner, id=id, answer="DECLINE")
    assert again.codes == ["CONFLICT"]


def test_only_the_claimant_answers(
    client: TestClient, people: Settings, owner: str, sender: str
) -> None:
    id = send(client, sender)
    stranger = sign_up(client, "stranger@example.org")
    before = fingerprint(people)
    assert gql(client, ANSWER, bearer=sender, id=id, answer="ACCEPT").codes == ["FORBIDDEN"]
    assert gql(client, ANSWER, bearer=stranger, id=id, answer="DECLINE").codes == ["FORBIDDEN"]
    unknown = encode_id("Invitation", "nope")
    assert gql(client, ANSWER, bearer=owner, id=unknown, answer="ACCEPT").codes == ["NOT_FOUND"]
    assert fingerprint(people) == before
    assert gql(client, RECEIVED, bearer=stranger).data["viewer"]["invitations"]["totalCount"] == 0


def test_one_unanswered_invitation_per_sender_and_record(
    client: TestClient, people: Settings, owner: str, sender: str
) -> None:
    id = send(client, sender)
    duplicate = gql(client, SEND, bearer=sender, to=RESEARCHER, message="Again?")
    assert duplicate.codes == ["CONFLICT"]
    gql(client, ANSWER, bearer=owner, id=id, answer="DECLINE")
    assert send(client, sender, "Perhaps later, then?")


@pytest.fixture
def strict_client(people: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(people.model_copy(update={"invitations_per_day": 3}))) as client:
        yield client


def test_invitations_are_limited_per_sender_per_day(
    strict_client: TestClient, people: Settings
) -> None:
    owner = claim(strict_client, people)
    sender = sign_up(strict_client, "prolific@example.org")
    for n in range(3):
        id = send(strict_client, sender, f"Invitation number {n}")
        gql(strict_client, ANSWER, bearer=owner, id=id, answer="DECLINE")
    before = fingerprint(people)
    refused = gql(strict_client, SEND, bearer=sender, to=RESEARCHER, message="One more")
    assert refused.codes == ["RATE_LIMITED"]
    assert "at most 3 invitations a day" in refused.errors[0]["message"]
    assert fingerprint(people) == before
    # The limit is the sender's, not the record's.
    assert send(strict_client, sign_up(strict_client, "fresh@example.org"))
