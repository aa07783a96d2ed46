"""Following researchers: idempotent, exact under concurrency, batched when read."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from starlette.testclient import TestClient

from core.global_ids import encode_id
from server.settings import Settings
from tests.conftest import SEED_RESEARCHER, fingerprint, gql, sign_up

RESEARCHER = encode_id("Researcher", SEED_RESEARCHER)
FOLLOW = "mutation ($id: ID!) { followResearcher(id: $id) { stats { followers } viewerFollows } }"
UNFOLLOW = (
    "mutation ($id: ID!) { unfollowResearcher(id: $id) { stats { followers } viewerFollows } }"
)
FOLLOWERS = "query ($id: ID!) { researcher(id: $id) { stats { followers } viewerFollows } }"
FOLLOWING = "{ viewer { following { totalCount edges { node { name } } } } }"


def followers(client: TestClient) -> int:
    return int(gql(client, FOLLOWERS, id=RESEARCHER).data["researcher"]["stats"]["followers"])


def test_following_twice_is_one_follow(client: TestClient, people: Settings) -> None:
    token = sign_up(client, "fan@example.org")
    first = gql(client, FOLLOW, bearer=token, id=RESEARCHER)
    again = gql(client, FOLLOW, bearer=token, id=RESEARCHER)
    assert first.errors == again.errors == []
    expected = {"stats": {"followers": 1}, "viewerFollows": True}
    assert first.data["followResearcher"] == again.data["followResearcher"] == expected
    following = gql(client, FOLLOWING, bearer=token).data["viewer"]["following"]
    assert following == {"totalCount": 1, "edges": [{"node": {"name": "Anirbit Mukherjee"}}]}
    assert gql(client, FOLLOWERS, id=RESEARCHER).data["researcher"]["viewerFollows"] is False


def test_unfollowing_twice_never_goes_negative(client: TestClient, people: Settings) -> None:
    token = sign_up(client, "fickle@example.org")
    gql(client, FOLLOW, bearer=token, id=RESEARCHER)
    first = gql(client, UNFOLLOW, bearer=token, id=RESEARCHER)
    again = gql(client, UNFOLLOW, bearer=token, id=RESEARCHER)
    expected = {"stats": {"followers": 0}, "viewerFollows": False}
    assert first.data["unfollowResearcher"] == again.data["unfollowResearcher"] == expected
    assert gql(client, FOLLOWING, bearer=token).data["viewer"]["following"]["totalCount"] == 0


def test_following_is_newest_first_and_paged(client: TestClient, people: Settings) -> None:
    token = sign_up(client, "reader@example.org")
    keys = ["sayar-karmakar", "mingfei-sun", SEED_RESEARCHER]
    for key in keys:
        gql(client, FOLLOW, bearer=token, id=encode_id("Researcher", key))
    page = gql(
        client,
        "{ viewer { following(first: 2) { edges { node { name } } pageInfo { hasNextPage } } } }",
        bearer=token,
    ).data["viewer"]["following"]
    assert [edge["node"]["name"] for edge in page["edges"]] == ["Anirbit Mukherjee", "Mingfei Sun"]
    assert page["pageInfo"]["hasNextPage"] is True


def test_unknown_and_wrong_ids_are_refused_and_change_nothing(
    client: TestClient, people: Settings
) -> None:
    token = sign_up(client, "lost@example.org")
    before = fingerprint(people)
    unknown = gql(client, FOLLOW, bearer=token, id=encode_id("Researcher", "nobody"))
    assert unknown.codes == ["NOT_FOUND"]
    a_work = gql(client, FOLLOW, bearer=token, id=encode_id("Work", "arxiv:2204.12554"))
    assert a_work.codes == ["BAD_USER_INPUT"]
    assert gql(client, UNFOLLOW, bearer=token, id="%%%").codes == ["BAD_USER_INPUT"]
    assert fingerprint(people) == before


def test_fifty_users_following_at_once_make_fifty_followers(
    client: TestClient, people: Settings
) -> None:
    tokens = [sign_up(client, f"crowd{n}@example.org") for n in range(50)]

    def follow(token: str) -> list[str]:
        return gql(client, FOLLOW, bearer=token, id=RESEARCHER).codes

    with ThreadPoolExecutor(max_workers=50) as pool:
        assert list(pool.map(follow, tokens)) == [[]] * 50
    assert followers(client) == 50


def test_one_user_following_twenty_times_at_once_makes_one_edge(
    client: TestClient, people: Settings
) -> None:
    token = sign_up(client, "eager@example.org")
    before = fingerprint(people)

    def follow(_: int) -> list[str]:
        return gql(client, FOLLOW, bearer=token, id=RESEARCHER).codes

    with ThreadPoolExecutor(max_workers=20) as pool:
        assert list(pool.map(follow, range(20))) == [[]] * 20
    assert followers(client) == 1
    assert fingerprint(people)["relationships"] == before["relationships"] + 1


def test_viewer_follows_on_a_page_costs_one_statement(client: TestClient, people: Settings) -> None:
    token = sign_up(client, "counted@example.org")
    gql(client, FOLLOW, bearer=token, id=RESEARCHER)
    query = "query ($first: Int!) { researchers(first: $first) { edges { node { key: id viewerFollows } } } }"
    for first in (1, 7):
        response = gql(client, query, bearer=token, first=first)
        assert response.errors == []
        assert response.statements == 1  # the page holds every viewerFollows
    flags = {
        edge["node"]["key"]: edge["node"]["viewerFollows"]
        for edge in response.data["researchers"]["edges"]
    }
    assert flags.pop(RESEARCHER) is True
    assert not any(flags.values())
    anonymous = gql(client, query, first=7)
    assert anonymous.statements == 1


def test_follows_do_not_weigh_in_the_explorer(client: TestClient, people: Settings) -> None:
    slice_and_neighbors = """
      query ($id: ID!) {
        graph(center: $id, depth: 1) { nodes { id weight } }
        neighbors(id: $id) { nodes { id weight } }
      }
    """
    before = gql(client, slice_and_neighbors, id=RESEARCHER).data
    gql(client, FOLLOW, bearer=sign_up(client, "quiet@example.org"), id=RESEARCHER)

    after = gql(client, slice_and_neighbors, id=RESEARCHER).data

    assert followers(client) == 1
    assert after == before
