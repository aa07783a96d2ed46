"""The guards of `serve` over a real socket: a client that trickles its request head, sends
a huge one, or stalls halfway through its body is cut off, and a prompt one is served."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from server.app import create_app
from server.protocol import server_options
from server.settings import Settings
from tests.conftest import uvicorn_in_thread

# Short, so the tests are quick; the gaps the client leaves are several times shorter.
TIMEOUT = 1.0
TRICKLE_GAP = 0.1
READ_LIMIT = 30.0  # seconds a test waits for an answer before it fails


@pytest.fixture(scope="module")
def guarded(seeded: Settings) -> Iterator[tuple[int, Settings]]:
    settings = seeded.model_copy(update={"header_timeout": TIMEOUT, "body_timeout": TIMEOUT})
    with uvicorn_in_thread(create_app(settings), **server_options(settings)) as port:
        yield port, settings


def answer_of(connection: socket.socket) -> bytes:
    """All the server sends until it closes the connection."""
    connection.settimeout(READ_LIMIT)
    received = b""
    try:
        while chunk := connection.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    return received


def test_a_prompt_request_is_served_and_the_connection_kept(
    guarded: tuple[int, Settings],
) -> None:
    port, _ = guarded
    body = b'{"query": "{ works { totalCount } }"}'
    request = (
        b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
    )
    with socket.create_connection(("127.0.0.1", port), timeout=READ_LIMIT) as connection:
        for _ in range(2):
            connection.sendall(request)
            response = connection.recv(65536)
            assert response.startswith(b"HTTP/1.1 200 "), response[:200]
            assert b'"totalCount"' in response


def test_a_trickled_head_is_cut_off(guarded: tuple[int, Settings]) -> None:
    port, _ = guarded
    head = b"GET /healthz HTTP/1.1\r\nHost: test\r\nX-Padding: " + b"x" * 200 + b"\r\n\r\n"
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=READ_LIMIT) as connection:
        connection.settimeout(TRICKLE_GAP)
        answer = b""
        while sent < len(head) and not answer:
            try:
                connection.sendall(head[sent : sent + 1])
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += 1
            try:
                answer = connection.recv(65536) or b"closed"
            except TimeoutError:
                continue
    assert answer.startswith((b"HTTP/1.1 408 ", b"closed")), answer[:200]
    assert sent < len(head)


def test_a_silent_connection_is_closed(guarded: tuple[int, Settings]) -> None:
    port, _ = guarded
    with socket.create_connection(("127.0.0.1", port), timeout=READ_LIMIT) as connection:
        answer = answer_of(connection)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b'"code": "TIMEOUT"' in answer
    assert b"\r\nx-request-id: " in answer


def test_a_huge_head_is_refused(guarded: tuple[int, Settings]) -> None:
    port, _ = guarded
    head = b"GET /healthz HTTP/1.1\r\nHost: test\r\nX-Padding: " + b"x" * 1_000_000 + b"\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=READ_LIMIT) as connection:
        sent = 0
        try:
            while sent < len(head):
                sent += connection.send(head[sent : sent + 65536])
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = answer_of(connection)
    # The refusal, or a reset that overtook it while the client was still sending.
    assert answer == b"" or answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    if answer:
        assert b'"code": "BAD_USER_INPUT"' in answer


def test_a_stalled_body_is_cut_off(guarded: tuple[int, Settings]) -> None:
    port, _ = guarded
    with socket.create_connection(("127.0.0.1", port), timeout=READ_LIMIT) as connection:
        connection.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"query": "{ wor'
        )
        answer = answer_of(connection)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b'"code": "TIMEOUT"' in answer


def test_a_stalled_chunked_body_is_cut_off(guarded: tuple[int, Settings]) -> None:
    port, _ = guarded
    with socket.create_connection(("127.0.0.1", port), timeout=READ_LIMIT) as connection:
        connection.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b'Transfer-Encoding: chunked\r\n\r\n5\r\n{"que\r\n'
        )
        answer = answer_of(connection)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
