"""Tokens: only ours, unexpired and HS256 pass; every mutation needs one and a refused
call changes nothing."""

from __future__ import annotations

import datetime
from typing import Any

import jwt
import pytest
from pydantic import ValidationError
from starlette.testclient import TestClient

from core.global_ids import encode_id
from core.tokens import ALGORITHM, ISSUER, credentials, issue_token
from server.settings import DEVELOPMENT_JWT_SECRET, Settings
from tests.conftest import SEED_RESEARCHER, fingerprint, gql, sign_up

RESEARCHER = encode_id("Researcher", SEED_RESEARCHER)
ANY_CLAIM = encode_id("Claim", "0" * 32)
ANY_INVITATION = encode_id("Invitation", "0" * 32)
ANY_USER = encode_id("User", "0" * 32)

# Every mutation but register and login, with arguments that would otherwise pass validation.
MUTATIONS = {
    "followResearcher": f'followResearcher(id: "{RESEARCHER}") {{ name }}',
    "unfollowResearcher": f'unfollowResearcher(id: "{RESEARCHER}") {{ name }}',
    "requestClaim": f'requestClaim(researcherId: "{RESEARCHER}") {{ id }}',
    "reviewClaim": f'reviewClaim(id: "{ANY_CLAIM}", decision: APPROVE) {{ id }}',
    "setClaimAllowance": f'setClaimAllowance(userId: "{ANY_USER}", allowance: 5) {{ id }}',
    "updateProfile": f'updateProfile(researcherId: "{RESEARCHER}", headline: "x") {{ id }}',
    "sendCollaborationInvitation": (
        f'sendCollaborationInvitation(toResearcherId: "{RESEARCHER}", message: "Hi") {{ id }}'
    ),
    "respondToInvitation": f'respondToInvitation(id: "{ANY_INVITATION}", answer: ACCEPT) {{ id }}',
}


def signed(
    claims: dict[str, Any], key: str = DEVELOPMENT_JWT_SECRET, algorithm: str = ALGORITHM
) -> str:
    return jwt.encode(claims, key, algorithm=algorithm)


def claims_for(user: str, expires_in: int = 600) -> dict[str, Any]:
    now = datetime.datetime.now(datetime.UTC)
    return {
        "sub": user,
        "iss": ISSUER,
        "iat": now,
        "exp": now + datetime.timedelta(seconds=expires_in),
    }


def bad_tokens(user: str) -> dict[str, str]:
    good = claims_for(user)
    header, payload, _ = signed(good).split(".")
    return {
        "forged": signed(good, key="another-secret-of-at-least-thirty-two-chars"),
        "expired": signed(claims_for(user, expires_in=-60)),
        "wrong algorithm": signed(good, algorithm="HS512"),
        "unsigned": signed(good, key="", algorithm="none"),
        "tampered": f"{header}.{payload[:-2]}xx.{signed(good).split('.')[2]}",
        "no issuer": signed({key: value for key, value in good.items() if key != "iss"}),
        "garbage": "not.a.token",
    }


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_every_mutation_needs_a_valid_token_and_changes_nothing_without_one(
    client: TestClient, people: Settings, name: str
) -> None:
    token = sign_up(client, "victim@example.org")
    user = credentials(people.token_signing(), f"Bearer {token}").user
    assert user is not None
    before = fingerprint(people)
    document = f"mutation {{ {MUTATIONS[name]} }}"
    anonymous = gql(client, document)
    assert anonymous.codes == ["UNAUTHENTICATED"]
    assert anonymous.statements == 0
    for kind, bad in bad_tokens(user).items():
        response = gql(client, document, bearer=bad)
        assert response.codes == ["UNAUTHENTICATED"], kind
        assert response.statements == 0, kind
    assert fingerprint(people) == before


def test_the_reasons_say_what_was_wrong(client: TestClient, people: Settings) -> None:
    token = sign_up(client, "reader@example.org")
    user = credentials(people.token_signing(), f"Bearer {token}").user
    assert user is not None
    tokens = bad_tokens(user)
    expired = gql(client, "{ viewer { name } }", bearer=tokens["expired"])
    assert expired.errors[0]["message"] == "the access token has expired; log in again"
    forged = gql(client, "{ viewer { name } }", bearer=tokens["forged"])
    assert forged.errors[0]["message"] == "the access token is invalid; log in again"
    basic = client.post(
        "/graphql", json={"query": "{ viewer { name } }"}, headers={"Authorization": "Basic eA=="}
    ).json()
    assert basic["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_token_lives_as_long_as_the_settings_say(people: Settings) -> None:
    token = issue_token(people.token_signing(), "someone")
    claims = jwt.decode(token.value, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == people.jwt_lifetime
    assert jwt.get_unverified_header(token.value)["alg"] == "HS256"
    assert credentials(people.token_signing(), f"Bearer {token.value}").user == "someone"
    shorter = people.model_copy(update={"jwt_lifetime": 1})
    assert (
        issue_token(shorter.token_signing(), "someone").expires_at - token.expires_at
    ).total_seconds() < 0


def test_a_token_signed_for_another_deployment_is_refused(people: Settings) -> None:
    production = Settings(
        _env_file=None,
        environment="production",
        jwt_secret="another-deployments-secret-of-40-chars",
    )
    token = issue_token(production.token_signing(), "someone")
    assert credentials(people.token_signing(), f"Bearer {token.value}").refused is not None
    assert credentials(production.token_signing(), f"Bearer {token.value}").user == "someone"


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        (DEVELOPMENT_JWT_SECRET, "the default secret is for development only"),
        ("too-short", "must be at least 32 characters outside development"),
    ],
)
def test_production_refuses_a_weak_or_default_secret(secret: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(_env_file=None, environment="production", jwt_secret=secret)
