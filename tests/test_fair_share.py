"""Issue 21: a fair share per client. Each address, and each account, spends a budget of
work units per window; a request that would overdraw it gets 429 with Retry-After and
runs nothing, and every answer says where the client stands in RateLimit fields."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import jwt
from starlette.testclient import TestClient

from core.fair_share import MAX_CLIENTS, Client, FairShare, SharePolicy
from server.app import create_app
from server.settings import Settings
from tests.conftest import sign_up

ANONYMOUS = Client(None, "192.0.2.1")


class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_charge_that_would_overdraw_the_budget_is_refused_and_spends_nothing() -> None:
    share = FairShare(SharePolicy(window=60, anonymous=100, signed_in=1000), Clock(1030.0))
    assert share.charge(ANONYMOUS, 70).remaining == 30
    refused = share.charge(ANONYMOUS, 40)
    assert (refused.granted, refused.remaining, refused.reset) == (False, 30, 50)
    assert share.charge(ANONYMOUS, 30).remaining == 0


def test_the_budget_comes_back_when_the_window_turns() -> None:
    clock = Clock(1030.0)
    share = FairShare(SharePolicy(window=60, anonymous=100, signed_in=1000), clock)
    share.charge(ANONYMOUS, 100)
    assert not share.charge(ANONYMOUS, 1).granted
    clock.now = 1080.0  # the window [1020, 1080) has ended
    allowance = share.charge(ANONYMOUS, 1)
    assert (allowance.granted, allowance.remaining, allowance.reset) == (True, 99, 60)


def test_each_address_and_account_has_its_own_budget_and_an_operator_may_set_one() -> None:
    policy = SharePolicy(window=60, anonymous=10, signed_in=100, accounts={"analyst": 5000})
    share = FairShare(policy, Clock())
    share.charge(ANONYMOUS, 10)
    assert share.charge(Client(None, "192.0.2.2"), 10).granted
    # signed in from the address that spent its share: the account's own budget
    assert share.charge(Client("someone", "192.0.2.1"), 100).remaining == 0
    assert share.charge(Client("analyst", "192.0.2.1"), 4000).remaining == 1000


def test_the_clients_counted_in_a_window_are_bounded() -> None:
    share = FairShare(SharePolicy(window=60, anonymous=10, signed_in=100), Clock())
    for number in range(MAX_CLIENTS + 10):
        share.charge(Client(None, f"address-{number}"), 1)
    assert share.charge(Client(None, "address-0"), 9).remaining == 0
    # one past the bound is not tracked, so it is never refused for what it spent
    assert share.charge(Client(None, f"address-{MAX_CLIENTS + 5}"), 10).granted


# 20 researchers: a page read in key order (21 rows) and its 20 items with the one read
# ahead, so 42 rows of work, and 43 work units with the request itself
TWENTY_UNITS = 43
TWENTY = "{ researchers(first: 20) { edges { node { id } } } }"


@contextmanager
def shares(settings: Settings, **budgets: int) -> Iterator[TestClient]:
    """The API with these budgets, per hour, for a client of its own."""
    budgeted = settings.model_copy(update={"rate_window": 3600, **budgets})
    with TestClient(create_app(budgeted), client=("192.0.2.10", 50000)) as client:
        yield client


def test_every_answer_says_what_is_left_of_the_share(seeded: Settings) -> None:
    with shares(seeded, rate_budget_anonymous=50) as client:
        response = client.post("/graphql", json={"query": TWENTY})
    assert response.status_code == 200
    assert response.headers["ratelimit-policy"] == '"work";q=50;w=3600'
    remaining, reset = fields(response.headers["ratelimit"])
    assert response.json()["extensions"]["cost"]["work"] == TWENTY_UNITS - 1
    assert remaining == 50 - TWENTY_UNITS
    assert 0 < reset <= 3600


def test_a_request_over_what_is_left_gets_429_with_retry_after_and_runs_nothing(
    seeded: Settings,
) -> None:
    with shares(seeded, rate_budget_anonymous=100) as client:
        answers = [client.post("/graphql", json={"query": TWENTY}) for _ in range(3)]
        # a smaller request still fits in what is left
        small = client.post("/graphql", json={"query": "{ __typename }"})
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    refused = answers[2]
    assert refused.json() == {
        "errors": [
            {
                "message": refused.json()["errors"][0]["message"],
                "extensions": {"code": "RATE_LIMITED"},
            }
        ]
    }
    assert "14 of this client's 100" in refused.json()["errors"][0]["message"]
    assert int(refused.headers["retry-after"]) == fields(refused.headers["ratelimit"])[1]
    assert small.status_code == 200
    assert fields(small.headers["ratelimit"])[0] == 13


def test_a_signed_in_client_spends_its_accounts_share_not_its_addresses(
    seeded: Settings, people: Settings
) -> None:
    with shares(seeded, rate_budget_anonymous=60, rate_budget_signed_in=100) as client:
        token = sign_up(client, "share@example.org")
        signed = {"Authorization": f"Bearer {token}"}
        assert client.post("/graphql", json={"query": TWENTY}).status_code == 200
        assert client.post("/graphql", json={"query": TWENTY}).status_code == 429
        answers = [
            client.post("/graphql", json={"query": TWENTY}, headers=signed) for _ in range(3)
        ]
        assert [answer.status_code for answer in answers] == [200, 200, 429]
        assert answers[0].headers["ratelimit-policy"] == '"work";q=100;w=3600'


def test_an_operator_sets_an_accounts_budget(seeded: Settings, people: Settings) -> None:
    with TestClient(create_app(seeded)) as client:
        token = sign_up(client, "analyst@example.org")
    account = jwt.decode(token, options={"verify_signature": False})["sub"]
    settings = seeded.model_copy(update={"rate_budgets": {account: 10}})
    with TestClient(create_app(settings)) as client:
        response = client.post(
            "/graphql", json={"query": TWENTY}, headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code == 429
    assert "more than the 10 a client may spend" in response.json()["errors"][0]["message"]


def fields(ratelimit: str) -> tuple[int, int]:
    """`r` and `t` of a RateLimit field."""
    parameters = dict(part.split("=") for part in ratelimit.split(";")[1:])
    return int(parameters["r"]), int(parameters["t"])
