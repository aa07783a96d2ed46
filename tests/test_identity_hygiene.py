"""Identity hygiene (issue 21, rows 7 to 10): no schema suggestions with introspection off,
one account per mailbox whatever its spelling, no control, bidi or invisible characters in
names, and no trust from following one's own record."""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from core.errors import BadUserInput
from core.global_ids import encode_id
from core.identifiers import normalize_email
from core.text import fold, hidden_character, is_blank, unsafe_character
from resolvers.stored_emails import FoldedEmails, fold_stored_emails
from server.app import create_app
from server.connection import database_for
from server.settings import Settings
from tests.conftest import (
    PASSWORD,
    REGISTER,
    SEED_RESEARCHER,
    GraphQLResponse,
    fingerprint,
    gql,
    log_in,
    run_on_db,
    sign_up,
    sign_up_moderator,
)

RESEARCHER = encode_id("Researcher", SEED_RESEARCHER)
VIEWER = "{ viewer { id email } }"
REQUEST = """
mutation ($id: ID!, $evidence: ClaimEvidenceInput) {
  requestClaim(researcherId: $id, evidence: $evidence) { id }
}"""
REVIEW = """
mutation ($id: ID!, $decision: ClaimDecision!, $reason: String) {
  reviewClaim(id: $id, decision: $decision, reason: $reason) { status }
}"""
UPDATE = """
mutation ($id: ID!, $headline: String, $open: Boolean) {
  updateProfile(researcherId: $id, headline: $headline, openToCollaborate: $open) { headline }
}"""
SEND = """
mutation ($to: ID!, $message: String!) {
  sendCollaborationInvitation(toResearcherId: $to, message: $message) { id }
}"""
FOLLOW = "mutation ($id: ID!) { followResearcher(id: $id) { id } }"
UNFOLLOW = "mutation ($id: ID!) { unfollowResearcher(id: $id) { id } }"
TRUST = """
query ($id: ID!) {
  researcher(id: $id) { trust { score components { name points reason } } }
}"""

# Characters a value may not hide: NUL, ESC, DEL, a C1 control, the zero-width space, the
# right-to-left override, the byte order mark.
HIDDEN = ["\u0000", "\u001b", "\u007f", "\u0085", "\u200b", "\u202e", "\ufeff"]


def register(client: TestClient, email: str, name: str = "A Person") -> Any:
    return gql(client, REGISTER, email=email, password=PASSWORD, name=name)


# Row 7: with introspection off, validation and variable errors name what failed and
# suggest nothing. Each case: the document, its variables, the message expected without
# suggestions.
UNKNOWN_NAMES: dict[str, tuple[str, dict[str, Any], str]] = {
    "field": (
        "{ researche { id } }",
        {},
        "Cannot query field 'researche' on type 'Query'.",
    ),
    "argument": (
        "{ researchers(frist: 1) { totalCount } }",
        {},
        "Unknown argument 'frist' on field 'Query.researchers'.",
    ),
    "enum value": (
        '{ search(query: "x", kinds: [RESEARCHR]) { score } }',
        {},
        "Value 'RESEARCHR' does not exist in 'SearchKind' enum.",
    ),
    "type": (
        'query ($kinds: [SearchKnd!]!) { search(query: "x", kinds: $kinds) { score } }',
        {"kinds": ["WORK"]},
        "Unknown type 'SearchKnd'.",
    ),
    "input field": (
        "{ researchers(where: {hasOrcd: true}) { totalCount } }",
        {},
        "Expected value of type 'ResearcherWhere' not to include unknown field 'hasOrcd'",
    ),
    "mutation": (
        'mutation { folowResearcher(id: "x") { id } }',
        {},
        "Cannot query field 'folowResearcher' on type 'Mutation'.",
    ),
    "enum value of a query variable": (
        'query ($kinds: [SearchKind!]!) { search(query: "x", kinds: $kinds) { score } }',
        {"kinds": ["RESEARCHR"]},
        "Value 'RESEARCHR' does not exist in 'SearchKind' enum.",
    ),
    "enum value of a mutation variable": (
        'mutation ($d: ClaimDecision!) { reviewClaim(id: "x", decision: $d) { status } }',
        {"d": "APROVE"},
        "Value 'APROVE' does not exist in 'ClaimDecision' enum.",
    ),
}


@pytest.fixture(scope="module")
def production_client(seeded: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.model_copy(update={"introspection": False}))) as client:
        yield client


@pytest.mark.parametrize("case", UNKNOWN_NAMES)
def test_no_suggestions_when_introspection_is_off(
    client: TestClient, production_client: TestClient, case: str
) -> None:
    document, variables, message = UNKNOWN_NAMES[case]
    development = gql(client, document, **variables)
    assert "Did you mean" in development.errors[0]["message"]

    production = gql(production_client, document, **variables)
    assert production.codes in (["GRAPHQL_VALIDATION_FAILED"], ["BAD_USER_INPUT"])
    assert all("Did you mean" not in error["message"] for error in production.errors)
    assert message in production.errors[0]["message"]


# Row 8: one mailbox, one account.
SPELLINGS = {
    "precomposed and decomposed accent": ("ren\u00e9@example.org", "rene\u0301@example.org"),
    "fullwidth local part": ("ada@example.org", "\uff41\uff44\uff41@example.org"),
    "fullwidth domain": ("ada@example.org", "ada@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.org"),
    "ligature": ("fiona@example.org", "\ufb01ona@example.org"),
    "case": ("stra\u00dfe@example.org", "STRASSE@EXAMPLE.ORG"),
}


@pytest.mark.parametrize("case", SPELLINGS)
def test_spellings_of_one_address_are_one_account(
    client: TestClient, people: Settings, case: str
) -> None:
    plain, variant = SPELLINGS[case]
    token = sign_up(client, plain)
    viewer = gql(client, VIEWER, bearer=token).data["viewer"]
    assert viewer["email"] == fold(plain)

    before = fingerprint(people)
    second = register(client, variant)
    assert second.codes == ["CONFLICT"]
    assert second.errors[0]["message"] == "an account with this email already exists"
    assert fingerprint(people) == before

    by_variant = gql(client, VIEWER, bearer=log_in(client, variant)).data["viewer"]
    assert by_variant == viewer


@pytest.mark.parametrize("hidden", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_emails_with_hidden_characters_are_refused(
    client: TestClient, people: Settings, hidden: str
) -> None:
    before = fingerprint(people)
    response = register(client, f"eve{hidden}@example.org")
    assert response.codes == ["BAD_USER_INPUT"]
    assert f"U+{ord(hidden):04X}" in response.errors[0]["message"]
    assert fingerprint(people) == before


def test_an_institutional_email_with_a_hidden_character_is_refused(
    client: TestClient, people: Settings
) -> None:
    token = sign_up(client, "claimant@example.org")
    before = fingerprint(people)
    evidence = {"institutionalEmail": "anirbit\u202egro.elpmaxe@manchester.ac.uk"}
    response = gql(client, REQUEST, bearer=token, id=RESEARCHER, evidence=evidence)
    assert response.codes == ["BAD_USER_INPUT"]
    assert fingerprint(people) == before


# Row 9: names that pose as something else.
BAD_NAMES = {
    "NUL": "Eve\u0000Admin",
    "escape sequence": "Eve\u001b[31mAdmin\u001b[0m",
    "line break": "Eve\nModerator: approved",
    "DEL": "Eve\u007f",
    "line separator": "Eve\u2028Moderator",
    "right-to-left override": "Eve\u202enimdA",
    "left-to-right embedding": "\u202aEve",
    "first strong isolate": "\u2068Eve\u2069",
    "zero-width space only": "\u200b",
    "Hangul filler only": "\u3164",
    "invisible and spaces only": " \u200b\u3164\u2060 ",
    "byte order marks only": "\ufeff\ufeff",
}


@pytest.mark.parametrize("case", BAD_NAMES)
def test_signup_names_with_control_bidi_or_invisible_characters_are_refused(
    client: TestClient, people: Settings, case: str
) -> None:
    before = fingerprint(people)
    response = register(client, "eve@example.org", name=BAD_NAMES[case])
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["message"].startswith("name must not ")
    assert fingerprint(people) == before


def test_names_in_any_script_and_emoji_sequences_pass(client: TestClient, people: Settings) -> None:
    # U+200D joins the emoji; U+200C is part of Persian spelling. Neither is refused.
    for n, name in enumerate(
        [
            "Zo\u00eb Ng\u1ecdc",
            "\U0001f469\u200d\U0001f52c Ada",
            "\u0645\u06cc\u200c\u0631\u0648\u06cc",
        ]
    ):
        token = sign_up(client, f"person{n}@example.org", name=name)
        assert gql(client, "{ viewer { name } }", bearer=token).data["viewer"]["name"] == name


@pytest.fixture
def claimant(client: TestClient, people: Settings) -> str:
    """The token of the user whose claim on the seed record a moderator approved."""
    moderator = sign_up_moderator(client, people, "mod@example.org")
    token = sign_up(client, "anirbit@example.org", name="Anirbit Mukherjee")
    claim = gql(client, REQUEST, bearer=token, id=RESEARCHER).data["requestClaim"]["id"]
    assert gql(client, REVIEW, bearer=moderator, id=claim, decision="APPROVE").errors == []
    return token


def test_every_text_a_user_writes_refuses_control_and_bidi_characters(
    client: TestClient, people: Settings, claimant: str
) -> None:
    sender = sign_up(client, "sender@example.org")
    other = sign_up(client, "other@example.org")
    writes: dict[str, Callable[[str], GraphQLResponse]] = {
        "headline": lambda text: gql(client, UPDATE, bearer=claimant, id=RESEARCHER, headline=text),
        "message": lambda text: gql(client, SEND, bearer=sender, to=RESEARCHER, message=text),
        "note": lambda text: gql(
            client,
            REQUEST,
            bearer=other,
            id=encode_id("Researcher", "sayar-karmakar"),
            evidence={"note": text},
        ),
    }
    before = fingerprint(people)
    for argument, write in writes.items():
        for text in ["ok\u0000", "ok\u001b[2J", "\u202eok", "\u2066ok", "o\u0085k"]:
            response = write(text)
            assert response.codes == ["BAD_USER_INPUT"], (argument, text)
            assert response.errors[0]["message"].startswith(f"{argument} must not contain")
        assert write("\u200b\u3164").codes == ["BAD_USER_INPUT"], argument
    headline_break = gql(client, UPDATE, bearer=claimant, id=RESEARCHER, headline="a\nb")
    assert headline_break.codes == ["BAD_USER_INPUT"]
    assert fingerprint(people) == before

    # Notes and messages are prose: line breaks and tabs pass.
    sent = gql(client, SEND, bearer=sender, to=RESEARCHER, message="Hello,\n\tlet us talk.")
    assert sent.errors == []


def test_a_rejection_reason_refuses_control_characters(
    client: TestClient, people: Settings
) -> None:
    moderator = sign_up_moderator(client, people, "mod@example.org")
    token = sign_up(client, "hopeful@example.org")
    claim = gql(client, REQUEST, bearer=token, id=RESEARCHER).data["requestClaim"]["id"]
    before = fingerprint(people)
    refused = gql(
        client, REVIEW, bearer=moderator, id=claim, decision="REJECT", reason="no\u001b[2J"
    )
    assert refused.codes == ["BAD_USER_INPUT"]
    assert fingerprint(people) == before


# Row 10: one's own record.
def followers_component(client: TestClient) -> dict[str, Any]:
    trust = gql(client, TRUST, id=RESEARCHER).data["researcher"]["trust"]
    return next(c for c in trust["components"] if c["name"] == "followers")


def trust_score(client: TestClient) -> int:
    return int(gql(client, TRUST, id=RESEARCHER).data["researcher"]["trust"]["score"])


def test_following_ones_own_record_is_refused_with_self(
    client: TestClient, people: Settings, claimant: str
) -> None:
    score = trust_score(client)
    before = fingerprint(people)
    response = gql(client, FOLLOW, bearer=claimant, id=RESEARCHER)
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["extensions"]["reason"] == "SELF"
    assert response.errors[0]["message"] == "you cannot follow the record you claimed"
    assert fingerprint(people) == before
    assert trust_score(client) == score

    # Anyone else's follow still counts.
    reader = sign_up(client, "reader@example.org")
    assert gql(client, FOLLOW, bearer=reader, id=RESEARCHER).errors == []
    assert trust_score(client) == score + 2
    # The claimant may follow others.
    other = encode_id("Researcher", "sayar-karmakar")
    assert gql(client, FOLLOW, bearer=claimant, id=other).errors == []


def test_a_follow_from_before_the_approval_never_counts(
    client: TestClient, people: Settings
) -> None:
    moderator = sign_up_moderator(client, people, "mod@example.org")
    token = sign_up(client, "anirbit@example.org", name="Anirbit Mukherjee")
    # Following the record one has not claimed (yet) is allowed, and counts, as it did
    # before follows/follow refused a claimant: the graph may hold such follows.
    assert gql(client, FOLLOW, bearer=token, id=RESEARCHER).errors == []
    claim = gql(client, REQUEST, bearer=token, id=RESEARCHER).data["requestClaim"]["id"]
    assert trust_score(client) == 19
    assert gql(client, REVIEW, bearer=moderator, id=claim, decision="APPROVE").errors == []

    # L2: 25 + 12 for four works; the claimant's own follow gives nothing.
    assert trust_score(client) == 37
    assert followers_component(client) == {
        "name": "followers",
        "points": 0,
        "reason": "0 followers, 2 points each",
    }
    # and the profile's follower count agrees with the trust score's
    stats = gql(
        client, "query ($id: ID!) { researcher(id: $id) { stats { followers } } }", id=RESEARCHER
    )
    assert stats.data["researcher"]["stats"] == {"followers": 0}
    # The claimant can still take the old follow back.
    assert gql(client, UNFOLLOW, bearer=token, id=RESEARCHER).errors == []
    assert trust_score(client) == 37


# Pure properties of the folding and the character checks.
@given(st.text(max_size=30))
def test_folding_is_idempotent_and_blind_to_composition(value: str) -> None:
    folded = fold(value)
    assert fold(folded) == folded
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        assert fold(unicodedata.normalize(form, value)) == folded


def fullwidth(character: str) -> str:
    """ "a" (U+0061) becomes FULLWIDTH LATIN SMALL LETTER A (U+FF41), "@" U+FF20, and so on."""
    return chr(ord(character) + 0xFEE0)


@given(st.data())
def test_fullwidth_and_case_variants_of_an_address_are_one_email(data: st.DataObject) -> None:
    local = data.draw(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=30)
    )
    plain = f"{local}@example.org"
    spellings: list[Callable[[str], str]] = [str.upper, fullwidth, str]
    spelled = st.sampled_from(spellings)
    variant = "".join(data.draw(spelled)(character) for character in plain)
    assert normalize_email(variant) == normalize_email(plain) == plain


@given(st.text(max_size=20), st.sampled_from(HIDDEN), st.text(max_size=20))
def test_a_hidden_character_anywhere_is_found(before: str, hidden: str, after: str) -> None:
    value = f"a{before}{hidden}{after}b"
    assert hidden_character(value) is not None
    with pytest.raises(BadUserInput):
        normalize_email(f"{value}@example.org")


def test_what_counts_as_unsafe_and_blank() -> None:
    assert unsafe_character("Eve\nAdmin") == "\n"
    assert unsafe_character("Eve\nAdmin", multiline=True) is None
    assert unsafe_character("Eve\u001bAdmin", multiline=True) == "\u001b"
    assert unsafe_character("\u2067Eve", multiline=True) == "\u2067"
    assert unsafe_character("Zo\u00eb \U0001f469\u200d\U0001f52c") is None
    assert is_blank("\u3164 \u200b\ufeff\u00ad")
    assert not is_blank("\u3164a")


# Row 8's migration: emails stored before folding.
UNFOLDED = {
    "decomposed": "rene\u0301@example.org",
    "fullwidth": "\uff42\uff4f\uff42@example.org",
    "plain": "ada@example.org",
    "clash": "\uff41\uff44\uff41@example.org",
}


def test_stored_emails_are_folded_once_and_clashes_left_alone(
    client: TestClient, people: Settings
) -> None:
    accounts = [{"key": key, "email": email} for key, email in UNFOLDED.items()]
    run_on_db(people, "test/unfolded_accounts", {"accounts": accounts})

    async def fold_twice() -> tuple[FoldedEmails, FoldedEmails]:
        async with database_for(people) as db:
            return await fold_stored_emails(db), await fold_stored_emails(db)

    first, again = asyncio.run(fold_twice())
    assert first == FoldedEmails(folded=2, clashing=("clash",))
    assert again == FoldedEmails(folded=0, clashing=("clash",))
    stored = {row["key"]: row["email"] for row in run_on_db(people, "accounts/stored_emails")}
    assert stored == {
        "decomposed": "ren\u00e9@example.org",
        "fullwidth": "bob@example.org",
        "plain": "ada@example.org",
        "clash": "\uff41\uff44\uff41@example.org",
    }
    # Each spelling now reaches the account it made.
    assert register(client, "REN\u00c9@example.org").codes == ["CONFLICT"]
    assert register(client, "Bob@Example.org").codes == ["CONFLICT"]
