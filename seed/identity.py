"""One node per researcher, whatever wrote them and in whatever order (docs/identity.md).

A write path says which ids it is about to write (an OpenAlex author id, a seed key, with
the ORCID it knows) and which ids its bylines show to be one person. Every id, and every
node already holding one of them, falls into a class of one person; each class ends as one
node, keyed by the class's id of highest precedence, holding the other ids as aliases. The
path then writes its rows to the keys `Identities.key` gives.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from resolvers.database import Row, Transaction
from seed.names import Entry, match_bylines

OPENALEX_AUTHOR = re.compile(r"A\d+")
log = logging.getLogger("peergraph.identity")


def precedence(key: str, retired: Collection[str] = ()) -> tuple[int, int, str]:
    """The order in which a person's ids become the key of their node: a seed's or the
    generator's key first (the one users and the README know), then the oldest OpenAlex id
    that OpenAlex has not merged into another."""
    if key in retired:
        return (2, 0, key)
    if OPENALEX_AUTHOR.fullmatch(key):
        return (1, int(key[1:]), key)
    return (0, 0, key)


@dataclass(frozen=True)
class Mention:
    id: str
    orcid: str | None = None


class Classes:
    """Union-find over ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, item: str) -> None:
        self.parent.setdefault(item, item)

    def find(self, item: str) -> str:
        self.add(item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, one: str, other: str) -> None:
        self.parent[self.find(one)] = self.find(other)

    def groups(self) -> list[set[str]]:
        grouped: dict[str, set[str]] = {}
        for item in self.parent:
            grouped.setdefault(self.find(item), set()).add(item)
        return list(grouped.values())


@dataclass
class Identities:
    """Where each id of a write lives, and the aliases to record once the nodes exist."""

    keys: dict[str, str] = field(default_factory=dict)
    aliases: list[Row] = field(default_factory=list)
    conflicts: list[list[str]] = field(default_factory=list)

    def key(self, id: str) -> str:
        return self.keys.get(id, id)

    async def record_aliases(self, tx: Transaction) -> None:
        """After the write's own statements: an alias names a node that exists."""
        if self.aliases:
            await tx.run("identity/alias_researcher", {"rows": self.aliases})
        if self.conflicts:
            await tx.run(
                "identity/conflicts", {"rows": [{"keys": keys} for keys in self.conflicts]}
            )


async def bylines(tx: Transaction, works: Iterable[str]) -> dict[str, list[Entry]]:
    """The stored authors of each of these works that exists."""
    keys = sorted(set(works))
    if not keys:
        return {}
    found = (await tx.run("identity/work_bylines", {"keys": keys})).rows
    return {
        row["key"]: [
            Entry(author["position"], author["key"], author["name"] or "")
            for author in row["byline"]
        ]
        for row in found
    }


def same_authors(stored: list[Entry], incoming: list[Entry]) -> list[tuple[str, str]]:
    """Pairs of ids that two bylines of one work show to be one person."""
    return list(match_bylines(stored, incoming).items())


async def identify(
    tx: Transaction,
    mentions: Iterable[Mention],
    same: Iterable[tuple[str, str]] = (),
    retiring: Collection[str] = (),
) -> Identities:
    """Unite what is known of these ids (docs/identity.md): merge and rekey the nodes that
    hold one person, and say where each id lives now. `retiring`: ids OpenAlex merged into
    another, which never key a node again."""
    given = {mention.id: mention for mention in mentions}
    classes = Classes()
    for id in given:
        classes.add(id)
    for one, other in same:
        classes.join(one, other)
    rows = [
        {"id": id, "orcid": None if id not in given else given[id].orcid} for id in classes.parent
    ]
    held = (await tx.run("identity/researcher_holders", {"rows": rows})).rows if rows else []
    claimants: dict[str, set[str]] = {}
    direct: dict[str, str] = {}  # id -> the node that holds it now
    retired = set(retiring) | {row["id"] for row in held if row["retired"]}

    def order(key: str) -> tuple[int, int, str]:
        return precedence(key, retired)

    for row in held:
        for holder in row["holders"]:
            classes.join(row["id"], holder["key"])
            claimants[holder["key"]] = set(holder["claimants"])
        if row["holders"]:
            direct[row["id"]] = min((holder["key"] for holder in row["holders"]), key=order)
    identities = Identities()
    rekeys: list[Row] = []
    merges: list[Row] = []
    for group in classes.groups():
        nodes = sorted((key for key in group if key in claimants), key=order)
        accounts = {account for key in nodes for account in claimants[key]}
        if len(accounts) > 1:
            # Two records claimed by different people stay apart, for a moderator to see.
            identities.conflicts.append(nodes)
            log.warning("not merging researchers claimed by different accounts: %s", nodes)
            identities.keys |= {id: direct[id] for id in group if id in direct}
            continue
        survivor = min(group, key=order)
        if nodes and survivor not in nodes:
            rekeys.append({"from": nodes[0], "to": survivor})
            nodes = [survivor, *nodes[1:]]
        merges.extend({"from": key, "into": survivor} for key in nodes if key != survivor)
        for id in group:
            identities.keys[id] = survivor
            if id != survivor:
                identities.aliases.append({"alias": id, "key": survivor, "retired": id in retired})
    if rekeys:
        await tx.run("identity/rekey_researcher", {"rows": rekeys})
    if merges:
        await tx.run("identity/merge_researcher", {"rows": merges})
    return identities
