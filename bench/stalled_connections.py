"""Stalled connections against a reader: 200 connections that trickle a request head or
stall halfway through a body must not slow a concurrent reader by more than 20 %.

Not a test. Against the seeded Neo4j the settings name (`peergraph neo4j start`,
`peergraph migrate`, `peergraph seed`):

    .venv/bin/python bench/stalled_connections.py [--rounds 40] [--block 20] [--stalled 200]

It starts `peergraph serve` and, in each round, times a block of profile-page requests
from one keep-alive reader alone, and one while a second process holds the stalled
connections open (alone first in even rounds, stalled first in odd ones). Half of them
trickle their head, a byte a second; half sent a whole head and a few bytes of a body
that promised more. One the server closes is opened again, so the number stalled holds.
It prints the reader's medians with and without the stalls and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

from ports import free_port
from run import Connection, encode_request, wait_ready
from serve_env import serve_env

from core.global_ids import encode_id

QUERY = Path(__file__).with_name("queries") / "profile.graphql"
TRICKLE_GAP = 1.0  # seconds between the bytes a stalled connection sends
TARGET_RATIO = 1.20
HEAD = b"POST /graphql HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
PARTIAL_BODY = HEAD + b'Content-Length: 1000\r\n\r\n{"query": "{ wor'


class Stalls:
    """`count` stalled connections, each reopened when the server closes it."""

    def __init__(self, port: int, count: int) -> None:
        self.port = port
        self.count = count
        self.closed_by_server = 0
        self._connected = 0
        self.all_connected = asyncio.Event()

    async def hold(self, until: asyncio.Event) -> None:
        tasks = [asyncio.create_task(self._stall(n % 2 == 0)) for n in range(self.count)]
        await until.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _stall(self, trickle_head: bool) -> None:
        first = True
        while True:
            _, writer = await asyncio.open_connection("127.0.0.1", self.port)
            if first:
                first = False
                self._connected += 1
                if self._connected == self.count:
                    self.all_connected.set()
            try:
                if trickle_head:
                    for byte in HEAD:
                        writer.write(bytes([byte]))
                        await writer.drain()
                        await asyncio.sleep(TRICKLE_GAP)
                else:
                    writer.write(PARTIAL_BODY)
                    await writer.drain()
                    while True:
                        writer.write(b" ")
                        await writer.drain()
                        await asyncio.sleep(TRICKLE_GAP)
            except (ConnectionError, OSError):
                self.closed_by_server += 1
            finally:
                writer.close()


async def stalling_client(port: int, count: int) -> None:
    """The stalling client, in a process of its own so that its work does not slow the
    reader's event loop. On `open` from stdin it opens the stalled connections and prints
    `ready`; on `close` it closes them and prints how many the server closed meanwhile."""
    commands = asyncio.StreamReader()
    loop = asyncio.get_running_loop()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(commands), sys.stdin)
    while (await commands.readline()).strip() == b"open":
        stalls = Stalls(port, count)
        stop = asyncio.Event()
        holding = asyncio.create_task(stalls.hold(stop))
        await stalls.all_connected.wait()
        print("ready", flush=True)
        await commands.readline()
        stop.set()
        await holding
        print(stalls.closed_by_server, flush=True)


class StallingClient:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.closed_by_server = 0

    @classmethod
    async def start(cls, port: int, count: int) -> StallingClient:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, __file__, "--client-of", str(port), "--stalled", str(count)),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        return cls(process)

    @contextlib.asynccontextmanager
    async def stalling(self) -> AsyncIterator[None]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(b"open\n")
        if await self.process.stdout.readline() != b"ready\n":
            raise SystemExit("the stalling client failed")
        try:
            yield
        finally:
            self.process.stdin.write(b"close\n")
            self.closed_by_server += int(await self.process.stdout.readline())

    async def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        await self.process.wait()


async def timed_block(reader: Connection, request: bytes, requests: int) -> list[float]:
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        status, _ = await reader.send(request)
        times.append(time.perf_counter() - started)
        if status != 200:
            raise SystemExit(f"the reader got HTTP {status}")
    return times


async def run(rounds: int, block: int, stalled: int) -> None:
    document = QUERY.read_text()
    request = encode_request(
        "POST",
        "/graphql",
        {"query": document, "variables": {"seed": encode_id("Researcher", "anirbit-mukherjee")}},
    )
    port = free_port()
    server = subprocess.Popen(  # noqa: ASYNC220 - once, before anything is timed
        [sys.executable, "-m", "server.cli", "serve"],
        env=serve_env(port),
    )
    alone: list[float] = []
    beside_stalls: list[float] = []
    try:
        await wait_ready(port)
        reader = await Connection.open(port)
        client = await StallingClient.start(port, stalled)
        await timed_block(reader, request, block)  # warm-up: plans compiled, pool filled
        for round_number in range(rounds):
            # Every other round stalls first, so a drift over the run (Neo4j's JIT
            # warming up, other load) favours neither side.
            if round_number % 2 == 0:
                alone += await timed_block(reader, request, block)
            async with client.stalling():
                beside_stalls += await timed_block(reader, request, block)
            if round_number % 2 == 1:
                alone += await timed_block(reader, request, block)
        await client.stop()
        reopened = client.closed_by_server
        reader.close()
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=30)
    ratio = statistics.median(beside_stalls) / statistics.median(alone)
    print(
        f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; rounds={rounds} block={block} stalled={stalled}"
    )
    print(
        f"profile page, one reader: p50 {statistics.median(alone) * 1000:.2f} ms alone, "
        f"{statistics.median(beside_stalls) * 1000:.2f} ms beside {stalled} stalled "
        f"connections: ratio {ratio:.3f} (target <= {TARGET_RATIO:.2f}); "
        f"stalled connections the server closed and the client reopened: {reopened}"
    )
    if ratio > TARGET_RATIO:
        raise SystemExit("the stalled connections slowed the reader by more than 20 %")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--block", type=int, default=20)
    parser.add_argument("--stalled", type=int, default=200)
    parser.add_argument("--client-of", type=int, metavar="PORT", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.client_of:
        asyncio.run(stalling_client(options.client_of, options.stalled))
    else:
        asyncio.run(run(options.rounds, options.block, options.stalled))
