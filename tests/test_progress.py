"""The progress bar's rate once a load ends: the mean its summary prints, not zero."""

from __future__ import annotations

from server.progress import RateColumn, works_progress


def test_a_finished_bar_shows_the_mean_rate() -> None:
    progress = works_progress()
    task_id = progress.add_task("works", total=80)
    progress.update(task_id, completed=80)
    progress.stop_task(task_id)  # its elapsed time stands still from here
    (task,) = progress.tasks
    assert task.finished and task.elapsed
    shown = RateColumn().render(task).plain
    assert shown == f"{80 / task.elapsed:,.0f} works/s"
    assert shown != "0 works/s"
