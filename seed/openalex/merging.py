"""OpenAlex's merged ids applied to the graph (seed/openalex/merges.py): the duplicate's
node joins the record it was merged into, and its id becomes an alias that answers it
(docs/identity.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from resolvers.aggregates import Moment, Touched
from resolvers.database import Database, Row, Transaction
from seed.identity import Mention, identify
from seed.openalex.merges import Merge
from seed.openalex.records import Entity

OPENALEX_WORK = re.compile(r"W\d+")
CHUNK = 500  # merges per transaction


async def apply_merges(
    db: Database, merges: Sequence[Merge], still_held: Callable[[], None]
) -> None:
    """`still_held` raises when the import lock was lost: checked before each chunk."""
    for start in range(0, len(merges), CHUNK):
        still_held()
        chunk = merges[start : start + CHUNK]

        async def work(tx: Transaction, chunk: Sequence[Merge] = chunk) -> None:
            await _apply(tx, chunk)

        await db.write_transaction(work)


async def _apply(tx: Transaction, merges: Sequence[Merge]) -> None:
    touched = Touched()
    authors = [merge for merge in merges if merge.entity is Entity.AUTHORS]
    if authors:
        identities = await identify(
            tx,
            [Mention(id) for merge in authors for id in (merge.id, merge.into)],
            [(merge.id, merge.into) for merge in authors],
            retiring={merge.id for merge in authors},
        )
        await identities.record_aliases(tx)
        await touched.read(
            tx, Moment.AFTER, researchers=[identities.key(merge.into) for merge in authors]
        )
    pending = [merge for merge in merges if merge.entity is Entity.WORKS]
    while pending:
        pending = await _merge_works(tx, pending, touched)
    await touched.keep(tx)


@dataclass
class _WorkChanges:
    """The statements' rows for merges that touch no node in common, run together."""

    joins: list[dict[str, str]] = field(default_factory=list)
    rekeys: list[dict[str, str | None]] = field(default_factory=list)
    aliases: list[dict[str, str]] = field(default_factory=list)
    resolved: list[dict[str, str]] = field(default_factory=list)

    async def run(self, tx: Transaction, touched: Touched) -> None:
        """`touched` reads the works before and after: a joined work's citations and
        institutions move. Both reads name the same keys, so a work counts in both or in the
        one where it exists."""
        works = [
            *(row[end] for row in self.joins for end in ("from", "into")),
            *(str(row[end]) for row in self.rekeys for end in ("node", "key")),
            *(row["node"] for row in self.resolved),
        ]
        await touched.read(tx, Moment.BEFORE, works=works)
        # joins first: a seed work's node takes its OpenAlex id once the duplicate is gone
        for name, rows in (
            ("identity/merge_work", self.joins),
            ("identity/rekey_work", self.rekeys),
            ("identity/alias_work", self.aliases),
            ("openalex/resolve_missing", self.resolved),
        ):
            if rows:
                await tx.run(name, {"rows": rows})
        await touched.read(tx, Moment.AFTER, works=works)


async def _merge_works(tx: Transaction, merges: list[Merge], kept: Touched) -> list[Merge]:
    """Applies, in one round of statements, each merge that shares no id or node with an
    earlier one of `merges`, and returns the others, in order, for the next round: a merge
    into a work that another merge moves must see where it went."""
    ids = list(dict.fromkeys(id for merge in merges for id in (merge.id, merge.into)))
    rows = (await tx.run("identity/work_holders", {"ids": ids})).rows
    held: dict[str, Row] = {row["id"]: row for row in rows}
    changes, later, touched = _WorkChanges(), [], set[str]()
    for merge in merges:
        nodes = {merge.id, merge.into} | {
            held[id]["key"] for id in (merge.id, merge.into) if id in held
        }
        if nodes & touched:
            later.append(merge)
        else:
            _plan_work_merge(merge, held.get(merge.id), held.get(merge.into), changes)
        touched |= nodes
    await changes.run(tx, kept)
    return later


def _plan_work_merge(merge: Merge, old: Row | None, new: Row | None, changes: _WorkChanges) -> None:
    if old is None:
        if new is None:
            return
        survivor = str(new["key"])
    elif new is None:
        # the duplicate's node becomes the record: OpenAlex's id as key, or beside a seed key
        seeded = not OPENALEX_WORK.fullmatch(old["key"])
        key, openalex_id = (old["key"], merge.into) if seeded else (merge.into, None)
        changes.rekeys.append({"node": old["key"], "key": key, "openalexId": openalex_id})
        survivor = key
    elif old["key"] == new["key"]:
        survivor = old["key"]
    elif not OPENALEX_WORK.fullmatch(old["key"]) and OPENALEX_WORK.fullmatch(new["key"]):
        # only the duplicate's node holds a seed work, whose key stands (docs/identity.md)
        changes.joins.append({"from": new["key"], "into": old["key"]})
        changes.rekeys.append({"node": old["key"], "key": old["key"], "openalexId": merge.into})
        survivor = old["key"]
    else:
        changes.joins.append({"from": old["key"], "into": new["key"]})
        survivor = new["key"]
    aliases = {merge.id} if old is None else {merge.id, old["key"]}
    changes.aliases.extend({"alias": alias, "key": survivor} for alias in aliases - {survivor})
    changes.resolved.extend({"key": id, "node": survivor} for id in (merge.id, merge.into))
