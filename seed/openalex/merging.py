"""OpenAlex's merged ids applied to the graph (seed/openalex/merges.py): the duplicate's
node joins the record it was merged into, and its id becomes an alias that answers it
(docs/identity.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

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
    authors = [merge for merge in merges if merge.entity is Entity.AUTHORS]
    if authors:
        identities = await identify(
            tx,
            [Mention(id) for merge in authors for id in (merge.id, merge.into)],
            [(merge.id, merge.into) for merge in authors],
            retiring={merge.id for merge in authors},
        )
        await identities.record_aliases(tx)
    for merge in merges:
        if merge.entity is Entity.WORKS:
            await _merge_work(tx, merge)


async def _merge_work(tx: Transaction, merge: Merge) -> None:
    rows = (await tx.run("identity/work_holders", {"ids": [merge.id, merge.into]})).rows
    held: dict[str, Row] = {row["id"]: row for row in rows}
    old, new = held.get(merge.id), held.get(merge.into)
    if old is None:
        survivor = None if new is None else new["key"]
    elif new is None:
        # the duplicate's node becomes the record: OpenAlex's id as key, or beside a seed key
        seeded = not OPENALEX_WORK.fullmatch(old["key"])
        key, openalex_id = (old["key"], merge.into) if seeded else (merge.into, None)
        await tx.run(
            "identity/rekey_work",
            {"rows": [{"node": old["key"], "key": key, "openalexId": openalex_id}]},
        )
        survivor = key
    elif old["key"] == new["key"]:
        survivor = old["key"]
    else:
        survivor = await _join(tx, old, new, merge.into)
    if survivor is None:
        return
    aliases = [merge.id] + (
        [] if old is None or old["key"] in (merge.id, survivor) else [old["key"]]
    )
    await tx.run(
        "identity/alias_work",
        {"rows": [{"alias": alias, "key": survivor} for alias in aliases if alias != survivor]},
    )
    await tx.run(
        "openalex/resolve_missing",
        {"rows": [{"key": id, "node": survivor} for id in (merge.id, merge.into)]},
    )


async def _join(tx: Transaction, old: Row, new: Row, into: str) -> str:
    """Two nodes of one work: the record merged into stays, unless only the duplicate's
    node holds a seed work, whose key stands (docs/identity.md)."""
    if not OPENALEX_WORK.fullmatch(old["key"]) and OPENALEX_WORK.fullmatch(new["key"]):
        await tx.run("identity/merge_work", {"rows": [{"from": new["key"], "into": old["key"]}]})
        await tx.run(
            "identity/rekey_work",
            {"rows": [{"node": old["key"], "key": old["key"], "openalexId": into}]},
        )
        return str(old["key"])
    await tx.run("identity/merge_work", {"rows": [{"from": old["key"], "into": new["key"]}]})
    return str(new["key"])
