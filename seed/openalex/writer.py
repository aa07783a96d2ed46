"""One batch, one transaction: placeholders of what the records mention, the records' nodes
by MERGE on their key with the links their rows carry, then links that need those nodes.

A record is applied only when it is newer than the version stored on its node
(`openalexUpdated`); an applied record that replaces an older one first loses the links
the older one made, so links are never duplicated and a re-run changes nothing. Versions
are read by a statement of their own, so no write statement reads what it writes: such a
statement gets an Eager plan, which holds every row of the batch before writing any.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from resolvers.aggregates import Moment, Touched
from resolvers.database import Created, Database, Transaction
from resolvers.defaults import NODE_DEFAULTS
from seed.identity import Identities, Mention, bylines, identify, same_authors
from seed.openalex.batches import Batch
from seed.openalex.mapping import RESEARCHERS, Mapped, Row
from seed.openalex.records import Entity
from seed.openalex.report import Tally


@dataclass(frozen=True)
class Plan:
    versions: str  # the stored version of each key, and whether a MissingWork waits for it
    unlink: str | None  # drop what the replaced versions linked
    before: tuple[str, ...]  # placeholders of what the nodes link to, in order
    nodes: str  # MERGE the applied records' nodes, set their properties, link their rows
    resolve: str | None  # turn citations waiting for these keys into CITES
    after: tuple[str, ...]  # links that need the batch's nodes


TOPIC_PLAN = Plan(
    "openalex/topic_versions",
    None,
    ("openalex/topic_placeholders",),
    "openalex/topics",
    None,
    ("openalex/topic_parent", "openalex/topic_hierarchy_placeholders"),
)
PLANS = {
    Entity.WORKS: Plan(
        "openalex/work_versions",
        "openalex/work_unlink",
        (
            "openalex/topic_placeholders",
            "openalex/topic_hierarchy_placeholders",
            "openalex/institution_placeholders",
            "openalex/researcher_placeholders",
        ),
        "openalex/works",
        "openalex/resolve_missing",
        ("openalex/cites",),
    ),
    Entity.AUTHORS: Plan(
        "openalex/researcher_versions",
        "openalex/researcher_unlink",
        ("openalex/institution_placeholders",),
        "openalex/authors",
        None,
        ("openalex/affiliated_with",),
    ),
    Entity.INSTITUTIONS: Plan(
        "openalex/institution_versions", None, (), "openalex/institutions", None, ()
    ),
    Entity.TOPICS: TOPIC_PLAN,
    Entity.SUBFIELDS: TOPIC_PLAN,
    Entity.FIELDS: TOPIC_PLAN,
    Entity.DOMAINS: TOPIC_PLAN,
}


@dataclass(frozen=True)
class Outcome:
    tally: Tally  # created, updated, skipped
    written: Created


async def write_batch(db: Database, batch: Batch) -> Outcome:
    plan = PLANS[batch.entity]
    keys = list(batch.records)

    async def work(tx: Transaction) -> Outcome:
        researchers = Identities()
        if batch.entity is Entity.AUTHORS:
            researchers = await identify(tx, _author_mentions(batch.records.values()))
        identities = [
            {
                "key": key,
                "node": researchers.key(key),
                "doi": record.properties.get("doi"),
                "arxivId": record.properties.get("arxivId"),
            }
            for key, record in batch.records.items()
        ]
        versions = (await tx.run(plan.versions, {"rows": identities})).rows
        stored = {row["key"]: row["version"].to_native() for row in versions if row["version"]}
        retired = {row["key"] for row in versions if row.get("retired")}
        works = _adoptions(versions, retired) if batch.entity is Entity.WORKS else {}
        cited = [{"key": row["key"], "node": row["node"]} for row in versions if row["cited"]]
        applied = [
            record
            for record in batch.records.values()
            if record.key not in retired
            and (record.key not in stored or stored[record.key] < record.updated)
        ]
        if batch.entity is Entity.WORKS:
            researchers = await _work_researchers(tx, applied, stored, works)
        nodes = {**works, **researchers.keys}
        # an adopted seed work, like an older version, first loses what it linked
        replaced = [
            nodes.get(record.key, record.key)
            for record in applied
            if record.key in stored or record.key in works
        ]
        touching = _touching(batch.entity, applied, works, researchers)
        touched = Touched()
        await touched.read(tx, Moment.BEFORE, **touching)
        written = Created()
        if plan.unlink is not None and replaced:
            written += (await tx.run(plan.unlink, {"keys": replaced})).created
        links = batch.rows({record.key for record in applied}) if applied else {}

        async def run_links(names: tuple[str, ...]) -> Created:
            done = Created()
            for name in names:
                if links.get(name):
                    rows = links[name]
                    if name == RESEARCHERS:
                        rows = [{**row, "key": researchers.key(row["key"])} for row in rows]
                    rows = [_at_nodes(row, works, researchers) for row in rows]
                    done += (await tx.run(name, {"rows": rows, "defaults": NODE_DEFAULTS})).created
            return done

        written += await run_links(plan.before)
        if applied:
            rows = [_node_row(record, works, researchers) for record in applied]
            written += (await tx.run(plan.nodes, {"rows": rows, "defaults": NODE_DEFAULTS})).created
        if plan.resolve is not None and cited:
            written += (await tx.run(plan.resolve, {"rows": cited})).created
        written += await run_links(plan.after)
        await researchers.record_aliases(tx)
        await touched.read(tx, Moment.AFTER, **touching)
        await touched.keep(tx)
        tally = Tally(
            created=len(applied) - len(replaced),
            updated=len(replaced),
            skipped=len(keys) - len(applied),
        )
        return Outcome(tally, written)

    return await db.write_transaction(work)


def _touching(
    entity: Entity, applied: list[Mapped], works: dict[str, str], researchers: Identities
) -> dict[str, list[str]]:
    """The nodes of the applied records, by the keys of the nodes that hold them."""
    if entity is Entity.WORKS:
        return {"works": [works.get(record.key, record.key) for record in applied]}
    if entity is Entity.AUTHORS:
        return {"researchers": [researchers.key(record.key) for record in applied]}
    if entity is Entity.INSTITUTIONS:
        return {"institutions": [record.key for record in applied]}
    return {}


def _author_mentions(records: Iterable[Mapped]) -> list[Mention]:
    return [Mention(record.key, record.properties.get("orcid")) for record in records]


async def _work_researchers(
    tx: Transaction, applied: list[Mapped], stored: Collection[str], works: dict[str, str]
) -> Identities:
    """The authors of these works, each at the node that holds them: a work already in the
    graph (an older version, or a seed work it joins) shows who its authors are."""
    held = {
        record.key: works.get(record.key, record.key)
        for record in applied
        if record.key in stored or record.key in works
    }
    known = await bylines(tx, held.values())
    same = [
        pair
        for record in applied
        if record.key in held
        for pair in same_authors(known.get(held[record.key], []), record.byline())
    ]
    mentions = [
        Mention(row["key"], row["orcid"])
        for record in applied
        for row in record.related.get(RESEARCHERS, [])
    ]
    return await identify(tx, mentions, same)


def _adoptions(versions: list[Row], retired: set[str]) -> dict[str, str]:
    """OpenAlex key -> the key of the node holding it, where that is another node: a seed
    work with the same DOI or arXiv id (works only). Two records claiming one seed work
    in a batch: the lowest key takes it, the other stays a node of its own."""
    nodes: dict[str, str] = {}
    for row in sorted(versions, key=lambda row: row["key"]):
        if row["key"] in retired:
            continue
        if row["node"] != row["key"] and row["node"] not in nodes.values():
            nodes[row["key"]] = row["node"]
    return nodes


def _at_nodes(row: Row, works: dict[str, str], researchers: Identities) -> Row:
    """A row of a record's links, pointed at the nodes that hold the works and researchers
    it names."""
    moved = dict(row)
    if "work" in row and row["work"] in works:
        moved["work"] = works[row["work"]]
    if row.get("researcher") is not None:
        moved["researcher"] = researchers.key(row["researcher"])
    return moved


def _node_row(record: Mapped, works: dict[str, str], researchers: Identities) -> Row:
    if record.key in works:
        row = record.node_at(works[record.key])
    else:
        row = record.node_at(None)
        row["key"] = researchers.key(record.key)
    for name in ("authored", "affiliations"):
        if name in row:
            row[name] = [_at_nodes(link, works, researchers) for link in row[name]]
    return row
