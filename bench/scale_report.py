"""The scale run's results (bench/scale.py): its JSON, the plots of latency against the
graph's size, and the tables for bench/RESULTS.md."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, NullLocator

REFERENCE_WORKS = 100_000  # growth is read against this size when the run has it
GROWTH_LIMIT = 1.5
# OpenAlex's size (docs/scaling.md): what the fitted curves are carried to
OPENALEX_WORKS = 250_000_000


def read_results(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.exists() else {}


def write_results(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    ordered = dict(sorted(results.items(), key=lambda item: int(item[0])))
    path.write_text(json.dumps(ordered, indent=2) + "\n")


def measured_sizes(results: dict[str, Any]) -> list[dict[str, Any]]:
    sizes = [record for record in results.values() if "latency" in record]
    return sorted(sizes, key=lambda record: record["works"])


def queries_of(sizes: list[dict[str, Any]]) -> list[str]:
    """The queries measured, in the order the run asked them."""
    series = (row["query"] for record in sizes for row in record["latency"]["series"])
    return list(dict.fromkeys(series))


SeriesKey = tuple[str, str | None, str | None]  # query, kind, node
Point = tuple[int, float, bool]  # works, the value, answered without errors
# The value plotted of a series' row, and whether its answers had errors.
Value = Callable[[dict[str, Any]], float | None]
Failed = Callable[[dict[str, Any]], bool]


def warm_p50(row: dict[str, Any]) -> float | None:
    p50 = row.get("warm", {}).get("p50_ms")
    return None if p50 is None else float(p50)


def warm_failed(row: dict[str, Any]) -> bool:
    return bool(row.get("warm", {}).get("errors"))


def first_ms(row: dict[str, Any]) -> float | None:
    return float(row["first_ms"])


def first_failed(row: dict[str, Any]) -> bool:
    return bool(row["first_errors"])


def curves(
    sizes: list[dict[str, Any]], value: Value, failed: Failed
) -> dict[SeriesKey, list[Point]]:
    found: dict[SeriesKey, list[Point]] = {}
    for record in sizes:
        for row in record["latency"]["series"]:
            measured = value(row)
            if measured is not None:
                key = (row["query"], row["kind"], row["node"])
                found.setdefault(key, []).append((record["works"], measured, not failed(row)))
    return found


PLAIN = FuncFormatter(lambda value, _: f"{value:g}")
# between the decades, 2 and 5 only: more crowd the axis
SPARSE = FuncFormatter(lambda value, _: f"{value:g}" if f"{value:e}"[0] in "25" else "")
KIND_COLOURS = {
    "Researcher": "tab:blue",
    "Work": "tab:orange",
    "Topic": "tab:green",
    "Institution": "tab:purple",
    None: "tab:gray",
}


def plot(sizes: list[dict[str, Any]], path: Path, title: str, value: Value, failed: Failed) -> None:
    """A panel a query, log-log: the busiest node solid, the median dashed, a kind a
    colour; a red cross where an answer had errors."""
    found = curves(sizes, value, failed)
    works = [record["works"] for record in sizes]
    queries = queries_of(sizes)
    columns = 4
    rows = math.ceil(len(queries) / columns)
    figure = Figure(figsize=(4.2 * columns, 3.2 * rows + 1), layout="constrained")
    panels = figure.subplots(rows, columns, squeeze=False).flatten()
    for axes, query in zip(panels, queries, strict=False):
        for (name, kind, node), points in found.items():
            if name == query:
                draw(axes, points, kind, node)
        axes.set_title(query, fontsize=10)
        label_axes(axes, works)
    for axes in panels[len(queries) :]:
        axes.set_visible(False)
    figure.legend(handles=legend_handles(), loc="outside lower center", ncols=8, fontsize=9)
    figure.suptitle(title)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)


def draw(axes: Axes, points: list[Point], kind: str | None, node: str | None) -> None:
    xs = [x for x, _, _ in points]
    ys = [y for _, y, _ in points]
    style = "--" if node == "median" else "-"
    axes.plot(xs, ys, style, marker="o", markersize=3, color=KIND_COLOURS[kind], linewidth=1.2)
    failed = [(x, y) for x, y, clean in points if not clean]
    if failed:
        axes.plot(*zip(*failed, strict=True), "x", color="red", markersize=8)


def label_axes(axes: Axes, works: list[int]) -> None:
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xticks(works, [short(size) for size in works], fontsize=8)
    axes.xaxis.set_minor_locator(NullLocator())
    axes.set_xlabel("works", fontsize=8)
    axes.set_ylabel("ms", fontsize=8)
    axes.tick_params(axis="y", which="both", labelsize=7)
    axes.yaxis.set_major_formatter(PLAIN)
    axes.yaxis.set_minor_formatter(SPARSE)
    low, high = axes.get_ylim()
    # at least a decade tall: on a narrow axis the noise of a flat curve looks like growth
    middle = math.sqrt(low * high)
    axes.set_ylim(min(low, middle / 3.2), max(high, middle * 3.2))
    axes.grid(True, which="both", alpha=0.3)


def legend_handles() -> list[Line2D]:
    kinds = [
        Line2D([], [], color=KIND_COLOURS[kind], label=kind or "no node") for kind in KIND_COLOURS
    ]
    styles = [
        Line2D([], [], color="black", linestyle="-", label="busiest node"),
        Line2D([], [], color="black", linestyle="--", label="median node"),
        Line2D([], [], color="red", marker="x", linestyle="", label="errors"),
    ]
    return kinds + styles


def short(works: int) -> str:
    for unit, suffix in ((1_000_000, "M"), (1_000, "k")):
        if works >= unit:
            return f"{works / unit:g}{suffix}"
    return str(works)


def mib(size: int | None) -> str:
    return "-" if size is None else f"{size / 2**20:,.0f} MiB"


def size_table(sizes: list[dict[str, Any]]) -> str:
    lines = [
        "| works | nodes | relationships | load | its steps (s) | store: database + tx logs "
        "| heap / page cache | page-cache hit ratio (hits, faults) | heap used, old-gen peak "
        "| Neo4j RSS peak | API RSS (peak) | Neo4j start, API ready: off / on | run |",
        "|" + "---|" * 13,
    ]
    for record in sizes:
        load, latency = record["load"], record["latency"]
        census = load["census"]
        relationships = sum(count for _, count in census["relationships"])
        steps = ", ".join(f"{step} {seconds:.0f}" for step, seconds in load["steps"].items())
        total = "reused" if load["seconds"] is None else f"{load['seconds']:.0f} s"
        store = record["store"]
        cache = latency.get("page_cache", {})
        ratio = cache.get("hit_ratio")
        heap_found = latency.get("heap", {})
        old_gen = heap_found.get("pool_peak_bytes", {}).get("G1 Old Gen")
        api, neo4j = latency.get("api_memory", {}), latency.get("neo4j_memory", {})
        on = record.get("warm_up_on", {}).get("api_ready_seconds")
        lines.append(
            f"| {record['works']:,} | {census['nodes']:,} | {relationships:,} | {total} | {steps} "
            f"| {mib(store['database_bytes'])} + {mib(store['transaction_log_bytes'])} "
            f"| {record['neo4j']['heap']} / {record['neo4j']['pagecache']} "
            f"| {'-' if ratio is None else f'{ratio:.2%}'} ({cache.get('hits', 0):,}, "
            f"{cache.get('faults', 0):,}) "
            f"| {mib(heap_found.get('used_bytes'))}, {mib(old_gen)} "
            f"| {mib(neo4j.get('peak_rss_bytes'))} "
            f"| {mib(api.get('rss_bytes'))} ({mib(api.get('peak_rss_bytes'))}) "
            f"| {latency['neo4j_start_seconds']:.0f} s, {latency['api_ready_seconds']:.1f} / "
            f"{'-' if on is None else f'{on:.1f}'} s | {record['seconds'] / 60:.0f} min |"
        )
    return "\n".join(lines)


def latency_table(sizes: list[dict[str, Any]]) -> str:
    """Warm p50 of each series at each size, and its growth from the reference size (100k,
    else the smallest) to the largest, flagged above GROWTH_LIMIT."""
    works = [record["works"] for record in sizes]
    base = REFERENCE_WORKS if REFERENCE_WORKS in works else works[0]
    largest = sizes[-1]
    rows = {(r["query"], r["kind"], r["node"]): r for r in largest["latency"]["series"]}
    warm = curves(sizes, warm_p50, warm_failed)
    lines = [
        "| query | node | degree at " + short(works[-1]) + " | "
        + " | ".join(f"p50 {short(size)}" for size in works)
        + f" | p99 {short(works[-1])} | first {short(works[-1])} "
        f"| growth {short(base)}→{short(works[-1])} |",
        "|" + "---|" * (6 + len(works)),
    ]  # fmt: skip
    for key, points in warm.items():
        query, kind, node = key
        at = {size: value for size, value, _ in points}
        row = rows.get(key, {})
        growth = at[works[-1]] / at[base] if base in at and works[-1] in at else None
        flag = " ⚠" if growth is not None and growth > GROWTH_LIMIT else ""
        errors = sorted({*row.get("first_errors", []), *row.get("warm", {}).get("errors", {})})
        lines.append(
            f"| {query} | {f'{node} {kind}' if kind else '-'} | {row.get('degree') or '-'} | "
            + " | ".join(f"{at[size]:.1f}" if size in at else "-" for size in works)
            + f" | {row.get('warm', {}).get('p99_ms', math.nan):.1f} "
            f"| {row.get('first_ms', math.nan):.0f}{' ' + ', '.join(errors) if errors else ''} "
            f"| {'-' if growth is None else f'{growth:.2f}x'}{flag} |"
        )
    return "\n".join(lines)


def warm_up_table(sizes: list[dict[str, Any]]) -> str:
    """The first request of each query after a start (its first series, its busiest
    node), with the warm-up off and on, at each size."""
    lines = [
        "| query | " + " | ".join(f"first {short(r['works'])}: off / on" for r in sizes) + " |",
        "|" + "---|" * (1 + len(sizes)),
    ]
    for query in queries_of(sizes):
        cells = []
        for record in sizes:
            off = first_of(record["latency"], query)
            on = first_of(record.get("warm_up_on"), query)
            cells.append(f"{off} / {on}")
        lines.append(f"| {query} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def first_of(start: dict[str, Any] | None, query: str) -> str:
    if start is None:
        return "-"
    row = next((row for row in start["series"] if row["query"] == query), None)
    if row is None:
        return "-"
    return f"{row['first_ms']:.0f}" + (
        " " + ",".join(row["first_errors"]) if row["first_errors"] else ""
    )


def power_fit(points: list[tuple[int, float]]) -> tuple[float, float] | None:
    """`value = scale * works ** exponent`, least squares on log-log axes: (scale,
    exponent); None for fewer than two sizes or a value that is not above 0."""
    if len(points) < 2 or any(value <= 0 for _, value in points):
        return None
    xs = [math.log(works) for works, _ in points]
    ys = [math.log(value) for _, value in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    exponent = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return math.exp(mean_y - exponent * mean_x), exponent


# Below this exponent a curve is flat within the noise of the runs: nothing grows faster
# than the data it reads, and a negative slope carried 250 times past the data would
# promise a faster answer from a larger graph.
FLAT_EXPONENT = 0.1
# A fit against degree needs degrees this far apart: the busiest work's grows little with
# the generated graph, and two close points give any slope.
MIN_DEGREE_SPREAD = 3


def carried(points: list[tuple[int, float]], works: int) -> str:
    """The fitted curve's value at `works`, with its exponent; a flat curve's is the most
    it was measured at."""
    fit = power_fit(points)
    if fit is None:
        return "- | -"
    scale, exponent = fit
    if exponent < FLAT_EXPONENT:
        return f"flat: {max(value for _, value in points):,.1f} | {exponent:.2f}"
    return f"{scale * works**exponent:,.0f} | {exponent:.2f}"


def extrapolation_table(sizes: list[dict[str, Any]], works: int = OPENALEX_WORKS) -> str:
    """The store, the load and each series' warm p50 fitted against works (a power law over
    every size measured) and carried to `works`: extrapolated, not measured."""
    lines = [
        f"| figure | at {short(sizes[-1]['works'])}, measured | at {short(works)}, fitted "
        "| exponent |",
        "|---|---|---|---|",
    ]
    store = [(r["works"], r["store"]["database_bytes"] / 2**30) for r in sizes]
    lines.append(
        f"| store, database folder (GiB) | {store[-1][1]:,.1f} | {carried(store, works)} |"
    )
    loads = [(r["works"], r["load"]["seconds"]) for r in sizes if r["load"]["seconds"]]
    if loads:
        lines.append(f"| bulk load (s) | {loads[-1][1]:,.0f} | {carried(loads, works)} |")
    for (query, kind, node), points in curves(sizes, warm_p50, warm_failed).items():
        measured = [(size, value) for size, value, _ in points]
        lines.append(
            f"| {query}, {f'{node} {kind}' if kind else '-'}: warm p50 (ms) "
            f"| {measured[-1][1]:,.1f} | {carried(measured, works)} |"
        )
    return "\n".join(lines)


def degree_table(sizes: list[dict[str, Any]], degrees: tuple[int, ...] = (10**5, 10**6)) -> str:
    """Each busiest node's warm p50 fitted against its own degree, not the graph's size: a
    hub grows with the generated graph, while a real graph's busiest nodes are what they
    are (docs/scaling.md), so a page's time at OpenAlex's size is read at the degrees of
    its busiest nodes."""
    lines = [
        "| query | node | degrees measured | p50 measured (ms) | "
        + " | ".join(f"at degree {degree:,}, fitted" for degree in degrees)
        + " | exponent |",
        "|" + "---|" * (5 + len(degrees)),
    ]
    series: dict[SeriesKey, list[tuple[int, float]]] = {}
    for record in sizes:
        for row in record["latency"]["series"]:
            p50 = warm_p50(row)
            if row["node"] == "busiest" and row.get("degree") and p50 is not None:
                key = (row["query"], row["kind"], row["node"])
                series.setdefault(key, []).append((row["degree"], p50))
    for (query, kind, _), points in series.items():
        fit = power_fit(points)
        spread = max(degree for degree, _ in points) / min(degree for degree, _ in points)
        if fit is None or spread < MIN_DEGREE_SPREAD:
            at, exponent_text = " | ".join("-" for _ in degrees), "-"
        else:
            scale, exponent = fit
            exponent_text = f"{exponent:.2f}"
            at = " | ".join(
                f"flat: {max(value for _, value in points):,.0f}"
                if exponent < FLAT_EXPONENT
                else f"{scale * degree**exponent:,.0f}"
                for degree in degrees
            )
        lines.append(
            f"| {query} | busiest {kind} | {', '.join(f'{d:,}' for d, _ in points)} "
            f"| {', '.join(f'{v:,.0f}' for _, v in points)} | {at} | {exponent_text} |"
        )
    return "\n".join(lines)


def report(results: dict[str, Any], out: Path) -> None:
    sizes = measured_sizes(results)
    if not sizes:
        return
    commits = sorted({record["commit"] for record in sizes})
    title = f"peergraph at {', '.join(commits)}: {{}} against works"
    plot(sizes, out / "latency.png", title.format("warm p50 (ms)"), warm_p50, warm_failed)
    first = title.format(
        "first request after a start, warm-up off, each query's busiest first (ms)"
    )
    plot(sizes, out / "first.png", first, first_ms, first_failed)
    print("\n" + size_table(sizes))
    print("\n" + latency_table(sizes))
    print("\n" + warm_up_table(sizes))
    print("\n" + extrapolation_table(sizes))
    print("\n" + degree_table(sizes))
    for record in results.values():
        stopped = record.get("stopped") or record.get("last_attempt", {}).get("stopped")
        if stopped:
            print(f"\n{record['works']:,} works stopped: {stopped}")
    print(f"\nwrote {out / 'results.json'}, {out / 'latency.png'}, {out / 'first.png'}")
