"""A terminal progress bar that shows a load's rate in works per second."""

from __future__ import annotations

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    def __init__(self, unit: str = "works", counted: str | None = None) -> None:
        """`counted`: a task field to divide by the elapsed time, when the bar's own
        progress is counted in something else (bytes)."""
        super().__init__()
        self.unit = unit
        self.counted = counted

    def render(self, task: Task) -> Text:
        if self.counted is None and task.finished:
            # rich's recent speed is gone once the task ends: the mean, as the summary says
            speed = task.completed / task.elapsed if task.elapsed else 0
        elif self.counted is None:
            speed = task.speed or 0
        else:
            speed = task.fields.get(self.counted, 0) / task.elapsed if task.elapsed else 0
        return Text(f"{speed:,.0f} {self.unit}/s")


def works_progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )


def import_progress() -> Progress:
    """Progress over the input's bytes, with the records read and their mean rate."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[records]:,} records"),
        RateColumn("entities", counted="records"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
