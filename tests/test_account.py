"""Accounts: register, log in, viewer; emails and hashes never reach anyone else."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from starlette.testclient import TestClient

from core.global_ids import encode_id
from server.settings import Settings
from tests.conftest import (
    LOGIN,
    PASSWORD,
    REGISTER,
    fingerprint,
    gql,
    log_in,
    run_on_db,
    sign_up,
)

VIEWER = "{ viewer { id name email role claimAllowance createdAt } }"


def test_register_then_log_in_and_see_yourself(client: TestClient, people: Settings) -> None:
    registered = gql(client, REGISTER, email="  Ada@Example.ORG ", password=PASSWORD, name="Ada")
    assert registered.errors == []
    assert registered.data["register"]["email"] == "ada@example.org"
    token = log_in(client, "ADA@example.org")
    viewer = gql(client, VIEWER, bearer=token).data["viewer"]
    assert viewer["id"] == registered.data["register"]["id"]
    assert (viewer["name"], viewer["email"], viewer["role"]) == ("Ada", "ada@example.org", "USER")
    assert viewer["claimAllowance"] == 1


def test_viewer_is_null_without_a_token(client: TestClient) -> None:
    response = gql(client, VIEWER)
    assert response.errors == [] and response.data == {"viewer": None}
    assert response.statements == 0


def test_the_token_expires_when_the_settings_say(client: TestClient, people: Settings) -> None:
    sign_up(client, "grace@example.org")
    response = gql(client, LOGIN, email="grace@example.org", password=PASSWORD)
    expires = response.data["login"]["expiresAt"]
    assert expires.endswith("+00:00")
    assert people.jwt_lifetime == 900


def test_passwords_are_stored_as_argon2id_hashes(client: TestClient, people: Settings) -> None:
    sign_up(client, "hash@example.org")
    stored = run_on_db(people, "test/password_hash", {"email": "hash@example.org"})[0]["hash"]
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_an_email_has_one_account_in_any_spelling(client: TestClient, people: Settings) -> None:
    sign_up(client, "once@example.org")
    before = fingerprint(people)
    again = gql(client, REGISTER, email="ONCE@example.org ", password=PASSWORD, name="Twice")
    assert again.codes == ["CONFLICT"]
    assert fingerprint(people) == before


def test_racing_sign_ups_with_one_email_make_one_account(
    client: TestClient, people: Settings
) -> None:
    def register(n: int) -> list[str]:
        name = f"Racer {n}"
        return gql(client, REGISTER, email="race@example.org", password=PASSWORD, name=name).codes

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(register, range(10)))
    assert sorted(outcomes) == [[]] + [["CONFLICT"]] * 9


def test_bad_registrations_are_refused_and_change_nothing(
    client: TestClient, people: Settings
) -> None:
    before = fingerprint(people)
    cases = [
        ("not-an-email", PASSWORD, "Name", "not an email address"),
        ("a@b", PASSWORD, "Name", "not an email address"),
        ("short@example.org", "eleven char", "Name", "12 to 1024 characters"),
        ("blank@example.org", PASSWORD, "   ", "name must not be blank"),
        ("long@example.org", PASSWORD, "x" * 101, "at most 100 characters"),
    ]
    for email, password, name, message in cases:
        response = gql(client, REGISTER, email=email, password=password, name=name)
        assert response.codes == ["BAD_USER_INPUT"], email
        assert message in response.errors[0]["message"]
    assert fingerprint(people) == before


def test_a_wrong_password_and_an_unknown_email_look_alike(
    client: TestClient, people: Settings
) -> None:
    sign_up(client, "known@example.org")
    wrong = gql(client, LOGIN, email="known@example.org", password="not the password")
    unknown = gql(client, LOGIN, email="nobody@example.org", password=PASSWORD)
    malformed = gql(client, LOGIN, email="nobody", password=PASSWORD)
    assert wrong.codes == unknown.codes == malformed.codes == ["UNAUTHENTICATED"]
    assert wrong.errors[0]["message"] == unknown.errors[0]["message"] == "wrong email or password"


def test_login_attempts_are_limited_per_email(client: TestClient, people: Settings) -> None:
    sign_up(client, "target@example.org")
    sign_up(client, "bystander@example.org")
    for _ in range(people.login_attempts):
        wrong = gql(client, LOGIN, email="target@example.org", password="guess guess guess")
        assert wrong.codes == ["UNAUTHENTICATED"]
    # Once the window's attempts are used up, even the right password is refused.
    refused = gql(client, LOGIN, email="Target@example.org", password=PASSWORD)
    assert refused.codes == ["RATE_LIMITED"]
    assert "try again in" in refused.errors[0]["message"]
    assert log_in(client, "bystander@example.org")


def test_racing_login_attempts_all_count(client: TestClient, people: Settings) -> None:
    sign_up(client, "raced@example.org")

    def attempt(_: int) -> list[str]:
        return gql(client, LOGIN, email="raced@example.org", password="guess guess guess").codes

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(attempt, range(20)))
    # sign_up's own login reset the counter; each racer counts exactly once.
    assert outcomes.count(["UNAUTHENTICATED"]) == people.login_attempts
    assert outcomes.count(["RATE_LIMITED"]) == 20 - people.login_attempts


def test_a_successful_login_resets_the_count(client: TestClient, people: Settings) -> None:
    sign_up(client, "forgetful@example.org")
    for _ in range(3):
        for _ in range(people.login_attempts - 1):
            gql(client, LOGIN, email="forgetful@example.org", password="guess guess guess")
        assert log_in(client, "forgetful@example.org")


def test_users_are_not_nodes_and_show_only_a_name(client: TestClient, people: Settings) -> None:
    sign_up(client, "private@example.org", name="Private Person")
    user_id = gql(client, VIEWER, bearer=log_in(client, "private@example.org")).data["viewer"]["id"]
    response = gql(
        client, "query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }", id=user_id
    )
    assert response.data == {"node": None, "nodes": [None]}
    fields = gql(client, '{ __type(name: "User") { fields { name } } }').data["__type"]["fields"]
    assert {field["name"] for field in fields} == {"id", "name"}
    asking = gql(client, "query ($id: ID!) { node(id: $id) { ... on User { email } } }", id=user_id)
    assert asking.data is None and asking.errors


def test_a_token_outliving_its_account_is_refused(client: TestClient, people: Settings) -> None:
    token = sign_up(client, "gone@example.org")
    run_on_db(people, "test/wipe_people")
    response = gql(client, VIEWER, bearer=token)
    assert response.codes == ["UNAUTHENTICATED"]
    follow = gql(
        client,
        "mutation ($id: ID!) { followResearcher(id: $id) { name } }",
        bearer=token,
        id=encode_id("Researcher", "anirbit-mukherjee"),
    )
    assert follow.codes == ["UNAUTHENTICATED"]
