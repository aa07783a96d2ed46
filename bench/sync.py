"""A month's sync of a mirror, and the API beside it: works/s of `import openalex --sync`
over the sample's next month (revised, new and merged records), and the profile page's
latency while it runs against the same page on the quiet mirror.

Not a test. Writes `openalex-sample --works N --months 1` (unless --data names one),
starts a scratch managed Neo4j, syncs the first month (the mirror), starts `peergraph
serve`, measures the profile of one researcher for --seconds on the quiet mirror, then
again while the next month syncs, and prints both with the sync's rate.

The mirror of a million works takes most of an hour to sync through transactions;
`--store DIR` keeps its store there (Neo4j's data folder, copied while stopped, and its
password) and a later run with the same DIR and --data starts from it.

    .venv/bin/python bench/sync.py --works 1000000 [--data D] [--store DIR] [--seconds 30]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from ports import free_port

from core.global_ids import encode_id
from seed.openalex.sample import SNAPSHOT_DATE, write_sample
from server.neo4j_local import ManagedNeo4j
from server.settings import load_settings

NEXT_MONTH = "2025-02-01"
SUMMARY = re.compile(r"^read ([\d,]+) records from \d+ files in ([\d.]+)s")
WORKS_ROW = re.compile(r"^\s+works\s+([\d,]+)")
PROFILE = """query Profile($id: ID!) { researcher(id: $id) {
  name headline affiliation { name } openToCollaborate
  stats { works followers topics closeCollaborators }
  trust { score label verificationLevel claimed }
  works(first: 4) { edges { node { type year venue title authors { researcher { name } } } } }
} }"""


def month_view(data: Path, view: Path, date: str) -> None:
    """Links the files of `date`'s partitions and merged ids into `view`, a snapshot folder."""
    parts = [*data.glob(f"*/updated_date={date}/*"), *data.glob(f"merged_ids/*/{date}.csv.gz")]
    for part in parts:
        target = view / part.relative_to(data)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(part.resolve())


def copy_store(home: Path, to: Path) -> None:
    """A stopped managed Neo4j's data folder and password, from one home to another."""
    shutil.copytree(home / "data", to / "data", symlinks=True)
    shutil.copy2(home / "password", to / "password")


def sync(view: Path, env: dict[str, str]) -> tuple[int, float]:
    """(works read, seconds) of one `import openalex --sync`, end to end: the command's
    whole run, its merges and migrations included."""
    command = [sys.executable, "-m", "server.cli", "import", "openalex", "--sync", str(view)]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--errors", os.devnull], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    lines = done.stdout.splitlines()
    if done.returncode != 0:
        raise RuntimeError(f"the sync failed:\n{done.stdout}\n{done.stderr}")
    reading = next(float(m.group(2)) for line in lines if (m := SUMMARY.match(line)))
    works = next(int(m.group(1).replace(",", "")) for line in lines if (m := WORKS_ROW.match(line)))
    print(
        "\n".join(lines[-2:]), f"records read and written in {reading:.1f}s", sep="\n", flush=True
    )
    return works, seconds


def profile_latencies(
    port: int, id: str, until: threading.Event, seconds: float, rate: float
) -> list[float]:
    """One reader opening the profile page `rate` times a second (back to back when it
    cannot keep up), for `seconds` or until set."""
    body = json.dumps({"query": PROFILE, "variables": {"id": id}}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", body, {"Content-Type": "application/json"}
    )
    latencies = []
    stop = time.monotonic() + seconds
    next_start = time.monotonic()
    while next_start < stop and not until.is_set():
        time.sleep(max(0.0, next_start - time.monotonic()))
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.load(response)
        latencies.append(time.perf_counter() - started)
        assert not answer.get("errors"), answer
        next_start += 1 / rate
    return latencies


def cpu_seconds(pid: int) -> float:
    """User and system CPU a live process has spent (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def busy_cpu_seconds() -> float:
    """CPU the whole machine has spent working, for anyone (Linux /proc): on a quiet
    machine, what the processes measured spent."""
    user, nice, system, _idle, _iowait, irq, softirq = map(
        int, Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]
    )
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def wait_ready(port: int, seconds: float = 120.0) -> None:
    stop = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5):
                return
        except OSError:
            if time.monotonic() > stop:
                raise
            time.sleep(0.5)


def p99(latencies: list[float]) -> float:
    return statistics.quantiles(latencies, n=100)[98]


def summary(latencies: list[float]) -> str:
    p50 = statistics.median(latencies)
    return f"{len(latencies)} requests, p50 {p50 * 1e3:.1f} ms, p99 {p99(latencies) * 1e3:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--data", type=Path, help="a sample written with --months 1")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=10.0, help="profile views a second")
    parser.add_argument("--researcher", default="A5", help="whose profile is measured")
    parser.add_argument("--store", type=Path, help="the synced mirror's store, kept or reused")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="peergraph-sync-bench-") as scratch:
        data = options.data
        if data is None:
            data = Path(scratch) / "sample"
            write_sample(options.works, 1, data, months=1)
            data = data / "data"
        settings = load_settings().model_copy(
            update={
                "neo4j_home": Path(scratch) / "neo4j",
                "neo4j_bolt_port": free_port(),
                "neo4j_uri": None,
            }
        )
        server = ManagedNeo4j(settings)
        view = Path(scratch) / "view"
        month_view(data, view, SNAPSHOT_DATE.isoformat())
        kept = options.store is not None and options.store.exists()
        if kept:
            print(f"the mirror: the store kept in {options.store}", flush=True)
            copy_store(options.store, server.data_dir.parent)
        server.start()
        env = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_PASSWORD": server.password()}
        api = None
        try:
            if not kept:
                print("the mirror:", flush=True)
                sync(view, env)
            if options.store is not None and not kept:
                server.stop()
                copy_store(server.data_dir.parent, options.store)
                server.start()
            port = free_port()
            api_env = {**env, "PEERGRAPH_PORT": str(port), "PEERGRAPH_ACCESS_LOG": "false"}
            api = subprocess.Popen([sys.executable, "-m", "server.cli", "serve"], env=api_env)
            wait_ready(port)
            id = encode_id("Researcher", options.researcher)
            never = threading.Event()
            profile_latencies(port, id, never, 5.0, options.rate)  # plans made, pages cached
            quiet = profile_latencies(port, id, never, options.seconds, options.rate)
            month_view(data, view, NEXT_MONTH)
            done = threading.Event()
            during: list[float] = []

            def measure() -> None:
                during.extend(profile_latencies(port, id, done, 24 * 3600.0, options.rate))

            client = threading.Thread(target=measure)
            client.start()
            print("the next month:", flush=True)
            neo4j_pid = server.pid()
            assert neo4j_pid is not None
            neo4j_before, busy_before = cpu_seconds(neo4j_pid), busy_cpu_seconds()
            api_before, own_before = cpu_seconds(api.pid), cpu_seconds(os.getpid())
            works, seconds = sync(view, env)
            neo4j_cpu = cpu_seconds(neo4j_pid) - neo4j_before
            api_cpu = cpu_seconds(api.pid) - api_before
            # the sync command and its readers: what the machine spent beside the others
            sync_cpu = (busy_cpu_seconds() - busy_before) - neo4j_cpu - api_cpu
            sync_cpu -= cpu_seconds(os.getpid()) - own_before
            done.set()
            client.join()
            per_work = (neo4j_cpu + sync_cpu) / works
            cores = os.cpu_count() or 1
            print(
                f"sync: {works:,} works in {seconds:.1f}s = {works / seconds:,.0f} works/s; "
                f"load average {os.getloadavg()[0]:.1f}\n"
                f"CPU: Neo4j {neo4j_cpu:.1f}s, the sync command {sync_cpu:.1f}s, the API"
                f" {api_cpu:.1f}s; {per_work * 1e6:,.0f} us of Neo4j and sync CPU per work, at"
                f" most {cores} cores / that = {cores / per_work:,.0f}"
                " works/s on this machine\n"
                f"profile quiet:  {summary(quiet)}\nprofile during: {summary(during)}\n"
                f"p99 during / quiet: {p99(during) / p99(quiet):.2f}",
                flush=True,
            )
        finally:
            if api is not None:
                api.terminate()
                api.wait()
            server.stop()


if __name__ == "__main__":
    main()
