"""Mutated requests never get a 5xx: whatever a client sends to /graphql, the answer is
JSON and every error in it has an `extensions.code`. Derandomized, so a run is the same
run every time."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote_from_bytes

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from core.global_ids import encode_id

FUZZ = settings(
    derandomize=True,
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
RESEARCHER = encode_id("Researcher", "anirbit-mukherjee")
PAGED = (
    "query ($first: Int, $id: ID!) { researcher(id: $id) { works(first: $first) { totalCount } } }"
)
CONTENT_TYPES = [
    "application/json",
    "APPLICATION/JSON; charset=UTF-8",
    "application/jsonx",
    "application/json; charset=latin-1",
    "application/graphql",
    "text/plain",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
    "",
    ";;;",
    "application/json; charset",
]
ACCEPTS = [
    None,
    "application/graphql-response+json",
    "application/json",
    "*/*",
    "text/html",
    "application/graphql-response+json;q=abc",
    "application/json;q=2, */*;q=-1",
    ",,,",
]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
# Pieces of GraphQL, queries only: a random document never writes.
TOKENS = [
    "{", "}", "(", ")", "[", "]", "...", "!", ":", "=", "$v", "$first", "@skip(if: true)",
    "@include(if: $v)", "query", "query Q($v: Boolean!, $first: Int)", "fragment F on Work",
    "fragment R on Researcher", "...F", "...R", "...Nope", "on Work", "works", "researchers",
    "researcher", "edges", "node", "title", "name", "authors", "first:", "after:", "1", "101",
    "-1", '"x"', f'"{RESEARCHER}"', "id:", "totalCount", "__typename", "__schema", "types",
    "a:", "b:", "#", '"""', "\\u0000", "\ud800", "null", "99999999999999999999",
]  # fmt: skip
documents = st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join)


def assert_coded(response: Any) -> None:
    assert response.status_code < 500, response.text[:500]
    body = response.json()
    assert isinstance(body, dict)
    if response.status_code >= 400:
        assert body.get("errors"), body
    for error in body.get("errors") or ():
        assert error["extensions"]["code"], error


def post_raw(client: TestClient, body: bytes, content_type: str | None = "application/json",
             accept: str | None = None) -> Any:  # fmt: skip
    headers = {}
    if content_type is not None:
        headers["content-type"] = content_type
    if accept is not None:
        headers["accept"] = accept
    return client.post("/graphql", content=body, headers=headers)


@FUZZ
@given(body=st.binary(max_size=200))
def test_random_bytes(client: TestClient, body: bytes) -> None:
    assert_coded(post_raw(client, body))


@FUZZ
@given(
    body=st.one_of(
        json_values,
        st.fixed_dictionaries(
            {},
            optional={
                "query": json_values | documents,
                "variables": json_values,
                "operationName": json_values,
                "extensions": json_values,
            },
        ),
    ),
    accept=st.sampled_from(ACCEPTS),
)
def test_json_of_wrong_shapes(client: TestClient, body: Any, accept: str | None) -> None:
    assert_coded(post_raw(client, json.dumps(body).encode(), accept=accept))


@FUZZ
@given(document=documents, accept=st.sampled_from(ACCEPTS), method=st.sampled_from(["GET", "POST"]))
def test_mangled_documents(
    client: TestClient, document: str, accept: str | None, method: str
) -> None:
    headers = {} if accept is None else {"accept": accept}
    variables = {"v": True, "first": 1}
    if method == "GET":
        # surrogatepass: a lone surrogate arrives percent-encoded, as a client could send it
        query = quote_from_bytes(document.encode("utf-8", "surrogatepass"))
        encoded = f"query={query}&variables={quote_from_bytes(json.dumps(variables).encode())}"
        response = client.get(f"/graphql?{encoded}", headers=headers)
    else:
        content = json.dumps({"query": document, "variables": variables}).encode()
        response = post_raw(client, content, accept=accept)
    if accept == "text/html" and response.headers["content-type"].startswith("text/html"):
        return
    assert_coded(response)


@FUZZ
@given(
    depth=st.integers(min_value=1, max_value=4000),
    opening=st.sampled_from(["[", '{"a":', "{ works ", "{ a: works {"]),
)
def test_deep_nesting(client: TestClient, depth: int, opening: str) -> None:
    closing = {"[": "]", '{"a":': "}", "{ works ": "}", "{ a: works {": "}}"}[opening]
    nested = opening * depth + "1" * opening.startswith(("[", '{"')) + closing * depth
    if opening.startswith(("[", '{"')):
        body = b'{"query": "{ __typename }", "variables": {"v": ' + nested.encode() + b"}}"
    else:
        body = json.dumps({"query": nested}).encode()
    assert_coded(post_raw(client, body))


@FUZZ
@given(
    digits=st.integers(min_value=1, max_value=6000),
    sign=st.sampled_from(["", "-"]),
    where=st.sampled_from(["first", "id", "extra", "float"]),
)
def test_huge_numbers(client: TestClient, digits: int, sign: str, where: str) -> None:
    number = sign + "9" * digits + (".5e400" if where == "float" else "")
    variables = {"first": "1", "id": json.dumps(RESEARCHER)}
    variables["first" if where == "float" else where] = number
    text = ", ".join(f'"{name}": {value}' for name, value in variables.items())
    body = json.dumps({"query": PAGED}).encode()[:-1] + b', "variables": {' + text.encode() + b"}}"
    for _ in range(2):  # the first answer compiles the document, the second reuses it
        assert_coded(post_raw(client, body))


@FUZZ
@given(
    escape=st.sampled_from(["\\ud800", "\\udfff", "\\ud800\\u0041", "\\u0000", "\\uZZZZ", "\\"]),
    where=st.sampled_from(["query", "variable", "operationName", "key"]),
)
def test_lone_surrogates_and_bad_escapes(client: TestClient, escape: str, where: str) -> None:
    query = PAGED.replace('"', '\\"')
    if where == "query":
        query = query.replace("totalCount", f"totalCount # {escape}")
    name = escape if where == "operationName" else ""
    key = escape if where == "key" else "first"
    value = f'"{escape}"' if where == "variable" else "1"
    body = (
        f'{{"query": "{query}", "operationName": "{name}" , "variables": '
        f'{{"id": "{RESEARCHER}", "{key}": {value}}}}}'
    )
    assert_coded(post_raw(client, body.encode()))


@FUZZ
@given(
    raw=st.binary(max_size=80),
    key=st.sampled_from(["query", "variables", "operationName", "extensions", "q"]),
)
def test_bad_query_strings(client: TestClient, raw: bytes, key: str) -> None:
    encoded = quote_from_bytes(raw, safe=b"=&[]{}")
    for query_string in (f"{key}={encoded}", f"query=%7B__typename%7D&{key}={encoded}", encoded):
        response = client.get(f"/graphql?{query_string}", headers={"accept": "application/json"})
        assert_coded(response)


@FUZZ
@given(
    content_type=st.sampled_from(CONTENT_TYPES)
    | st.text(st.characters(exclude_characters="\r\n\x00"), max_size=30),
    accept=st.sampled_from(ACCEPTS),
    method=st.sampled_from(["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]),
)
def test_wrong_content_types_and_methods(
    client: TestClient, content_type: str, accept: str | None, method: str
) -> None:
    headers = {b"content-type": content_type.encode("utf-8", "surrogatepass")}
    if accept is not None:
        headers[b"accept"] = accept.encode()
    content = b'{"query": "{ works(first: 1) { totalCount } }"}'
    response = client.request(method, "/graphql", content=content, headers=headers)
    if method == "HEAD":
        assert response.status_code < 500
        return
    assert_coded(response)
