"""A whole snapshot as neo4j-admin CSV files: the graph the transactional import builds
in an empty database, from the same mapped records (seed/openalex/mapping.py).

The same rules decide, in memory instead of in Cypher:
- a record wins over every older record of its key; between two of the same date the
  one of the earlier file stays, as `openalexUpdated` keeps the one read first in the
  transactional path;
- a node's own record sets all its properties; a node only mentioned by other records
  (a placeholder) takes the values of the newest record that mentions it;
- a topic's own record decides its parent; a topic without one takes the parent its
  newest mention gives;
- a citation of a work that is not in the snapshot points at a MissingWork.

Each reading process writes the rows of the records it reads into a `Part` of its own
(seed/openalex/bulk_parts.py) and sends the writing process only their keys and versions,
and at its end its placeholders' newest mentions. The `SnapshotGraph`, in the writing
process, decides which part holds the newest version of each record; at the end every part
cuts the rows of the versions that lost and splits its citations (`settle`), and the
SnapshotGraph writes the placeholders and MissingWorks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from multiprocessing import get_context
from pathlib import Path

from resolvers.defaults import RESEARCHER_DEFAULTS
from seed.openalex.admin_csv import NodeFile, Nodes, RelationshipFile, Relationships, drop_rows
from seed.openalex.batches import Batch
from seed.openalex.mapping import Mapped, Row
from seed.openalex.records import Entity

WORKS = Nodes(
    "works",
    "Work",
    "Work",
    (
        ("type", "string"),
        ("title", "string"),
        ("abstract", "string"),
        ("year", "long"),
        ("publishedOn", "date"),
        ("venue", "string"),
        ("doi", "string"),
        ("arxivId", "string"),
        ("openAccess", "boolean"),
        ("citedByCount", "long"),
        ("unidentifiedAuthorPositions", "long[]"),
        ("unidentifiedAuthorNames", "string[]"),
        ("openalexUpdated", "localdatetime"),
    ),
)
RESEARCHERS = Nodes(
    "researchers",
    "Researcher",
    "Researcher",
    (
        ("name", "string"),
        ("orcid", "string"),
        ("alternativeNames", "string[]"),
        ("openalexUpdated", "localdatetime"),
        ("mentionedIn", "string"),
        ("openToCollaborate", "boolean"),
        ("verificationLevel", "string"),
    ),
    RESEARCHER_DEFAULTS,
)
INSTITUTIONS = Nodes(
    "institutions",
    "Institution",
    "Institution",
    (
        ("name", "string"),
        ("ror", "string"),
        ("country", "string"),
        ("type", "string"),
        ("openalexUpdated", "localdatetime"),
        ("mentionedIn", "string"),
    ),
)
TOPICS = Nodes(
    "topics",
    "Topic",
    "Topic",
    (
        ("name", "string"),
        ("description", "string"),
        ("level", "string"),
        ("openalexUpdated", "localdatetime"),
        ("mentionedIn", "string"),
    ),
)
MISSING_WORKS = Nodes("missing_works", "MissingWork", "MissingWork", ())

AUTHORED = Relationships("authored", "AUTHORED", "Researcher", "Work", (("position", "long"),))
AFFILIATION = Relationships(
    "affiliation",
    "AFFILIATION",
    "Work",
    "Institution",
    (("researcher", "string"), ("position", "long")),
)
ABOUT = Relationships("about", "ABOUT", "Work", "Topic", (("score", "double"),))
CITES = Relationships("cites", "CITES", "Work", "Work")
CITES_MISSING = Relationships("cites_missing", "CITES_MISSING", "Work", "MissingWork")
AFFILIATED_WITH = Relationships(
    "affiliated_with", "AFFILIATED_WITH", "Researcher", "Institution", (("since", "long"),)
)
SUBTOPIC_OF = Relationships("subtopic_of", "SUBTOPIC_OF", "Topic", "Topic")

# Which node file each placeholder statement's rows belong to.
PLACEHOLDER_NODES = {
    "openalex/researcher_placeholders": RESEARCHERS,
    "openalex/institution_placeholders": INSTITUTIONS,
    "openalex/topic_placeholders": TOPICS,
}
OWN_NODES = {
    Entity.WORKS: WORKS,
    Entity.AUTHORS: RESEARCHERS,
    Entity.INSTITUTIONS: INSTITUTIONS,
    Entity.TOPICS: TOPICS,
    Entity.SUBFIELDS: TOPICS,
    Entity.FIELDS: TOPICS,
    Entity.DOMAINS: TOPICS,
}
PART_NODES = (WORKS, RESEARCHERS, INSTITUTIONS, TOPICS)
PART_LINKS = (AUTHORED, AFFILIATION, ABOUT, AFFILIATED_WITH, SUBTOPIC_OF)
# Where a part holds a record's rows, per node file: each file and the column of its key.
RECORD_ROWS = {
    WORKS.name: ((WORKS.name, 0), (AUTHORED.name, 1), (AFFILIATION.name, 0), (ABOUT.name, 0)),
    RESEARCHERS.name: ((RESEARCHERS.name, 0), (AFFILIATED_WITH.name, 0)),
    INSTITUTIONS.name: ((INSTITUTIONS.name, 0),),
    TOPICS.name: ((TOPICS.name, 0), (SUBTOPIC_OF.name, 0)),
}
CITATIONS_PENDING = "citations.pending"  # citing and cited key, until the end tells them apart
SPLIT_CHUNK = 10_000

# A version's rank: its date, then its file's place in the import's order negated, so that
# of two versions of a date the one of the earlier file ranks higher.
Rank = tuple[datetime.datetime, int]


@dataclass
class Files:
    """What the import reads: node files first, then relationship files."""

    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)

    def __iadd__(self, other: Files) -> Files:
        self.nodes += other.nodes
        self.relationships += other.relationships
        return self


@dataclass
class PartBatch(Batch):
    """A batch as a reading process sends it on: its records are in the process's part;
    what travels is their keys and versions, and at the process's end, its mentions."""

    part: str = ""  # the folder of the part that holds these versions
    versions: dict[str, list[tuple[str, Rank]]] = field(default_factory=dict)  # per node file
    # per node file, the newest mention of each node the process read no record of
    mentions: dict[str, list[Row]] = field(default_factory=dict)


class Part:
    """The CSV files of the records one reading process wrote: their own nodes and links."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        self.folder = folder
        self.nodes = {nodes.name: NodeFile(nodes, folder) for nodes in PART_NODES}
        self.links = {links.name: RelationshipFile(links, folder) for links in PART_LINKS}
        self._citations = (folder / CITATIONS_PENDING).open("w", encoding="utf-8", newline="")

    def write(self, entity: Entity, record: Mapped) -> None:
        self.nodes[OWN_NODES[entity].name].write(
            record.key, {**record.properties, "openalexUpdated": record.updated}
        )
        if entity is Entity.WORKS:
            self._write_work_links(record)
        elif entity is Entity.AUTHORS:
            self.links[AFFILIATED_WITH.name].write(
                (row["researcher"], row["institution"], row["since"])
                for row in record.related.get("openalex/affiliated_with", ())
            )
        elif OWN_NODES[entity] is TOPICS:
            self.links[SUBTOPIC_OF.name].write(
                (row["key"], row["parent"])
                for row in record.related.get("openalex/topic_parent", ())
                if row["parent"] is not None
            )

    def _write_work_links(self, work: Mapped) -> None:
        key = work.key
        nested = work.nested
        self.links[AUTHORED.name].write(
            (row["researcher"], key, row["position"]) for row in nested.get("authored", ())
        )
        self.links[AFFILIATION.name].write(
            (key, row["institution"], row.get("researcher"), row.get("position"))
            for row in nested.get("affiliations", ())
        )
        self.links[ABOUT.name].write(
            (key, row["topic"], row["score"]) for row in nested.get("about", ())
        )
        self._citations.writelines(
            f"{row['work']},{row['cited']}\n" for row in work.related.get("openalex/cites", ())
        )

    def close(self) -> None:
        for nodes in self.nodes.values():
            nodes.close()
        for links in self.links.values():
            links.close()
        self._citations.close()


@dataclass
class Settled:
    files: Files
    missing: set[str]  # keys cited by the part's works that no work of the snapshot has


def settle(folder: Path, lost: dict[str, set[str]], works: frozenset[str]) -> Settled:
    """A closed part made ready for the import: the rows of the records that lost to a
    newer version elsewhere cut out, and its citations split into those of works in the
    snapshot (`works`) and those of MissingWorks."""
    for nodes, keys in lost.items():
        for name, column in RECORD_ROWS[nodes]:
            drop_rows(folder / f"{name}.csv", column, keys)
    cites, cites_missing, missing = _split_citations(folder, works, lost.get(WORKS.name, set()))
    files = Files(
        [folder / f"{nodes.name}.csv" for nodes in PART_NODES],
        [*(folder / f"{links.name}.csv" for links in PART_LINKS), cites, cites_missing],
    )
    return Settled(files, missing)


def _split_citations(
    folder: Path, works: frozenset[str], replaced: set[str]
) -> tuple[Path, Path, set[str]]:
    """Which citations point at a MissingWork only the end can tell."""
    missing: set[str] = set()
    found: list[tuple[str, str]] = []
    lost: list[tuple[str, str]] = []
    cites = RelationshipFile(CITES, folder)
    cites_missing = RelationshipFile(CITES_MISSING, folder)
    with (folder / CITATIONS_PENDING).open(encoding="utf-8") as pending:
        for line in pending:
            citing, cited = line.rstrip("\n").split(",")
            if citing in replaced:
                continue
            if cited in works:
                found.append((citing, cited))
            else:
                missing.add(cited)
                lost.append((citing, cited))
            if len(found) + len(lost) >= SPLIT_CHUNK:
                cites.write(found)
                cites_missing.write(lost)
                found.clear()
                lost.clear()
    cites.write(found)
    cites_missing.write(lost)
    cites.close()
    cites_missing.close()
    (folder / CITATIONS_PENDING).unlink()
    return cites.path, cites_missing.path, missing


class SnapshotGraph:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # per node file, the rank of each record's newest version and the part holding it
        self.newest: dict[str, dict[str, tuple[Rank, str]]] = {
            nodes.name: {} for nodes in PART_NODES
        }
        # per part, the keys of the records whose rows it holds for a version that lost
        self.lost: dict[str, dict[str, set[str]]] = {}
        # a placeholder's values from its newest mention, stamped as the Cypher path does
        self.mentioned: dict[str, dict[str, Row]] = {
            nodes.name: {} for nodes in PLACEHOLDER_NODES.values()
        }

    def add(self, batch: PartBatch) -> None:
        if batch.versions:
            self._add_versions(batch.part, batch.versions)
        for nodes, rows in batch.mentions.items():
            mentioned = self.mentioned[nodes]
            for row in rows:
                held = mentioned.get(row["key"])
                if held is None or held["mentionedIn"] < row["mentionedIn"]:
                    mentioned[row["key"]] = row

    def _add_versions(self, part: str, versions: dict[str, list[tuple[str, Rank]]]) -> None:
        lost = self.lost.setdefault(part, {})
        for nodes, ranks in versions.items():
            newest = self.newest[nodes]
            for key, rank in ranks:
                held = newest.get(key)
                if held is None:
                    newest[key] = (rank, part)
                elif held[0] < rank:
                    self.lost[held[1]].setdefault(nodes, set()).add(key)
                    newest[key] = (rank, part)
                else:
                    lost.setdefault(nodes, set()).add(key)

    def finish(self, processes: int) -> Files:
        """Settles the parts in `processes` processes and writes what waited for the end;
        the files to import, in order."""
        files = Files()
        missing: set[str] = set()
        parts = [self.folder / part for part in self.lost]
        context = get_context("forkserver")
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            works = frozenset(self.newest[WORKS.name])
            for settled in pool.map(settle, parts, self.lost.values(), repeat(works)):
                files += settled.files
                missing |= settled.missing
        for nodes in (RESEARCHERS, INSTITUTIONS, TOPICS):
            files.nodes.append(self._write_placeholders(nodes))
        files.relationships.append(self._write_placeholder_parents())
        files.nodes.append(self._write_missing_works(missing))
        return files

    def _placeholders(self, nodes: Nodes) -> Iterable[tuple[str, Row]]:
        """The mentioned nodes of this file that have no record of their own."""
        own = self.newest[nodes.name]
        return ((key, row) for key, row in self.mentioned[nodes.name].items() if key not in own)

    def _write_placeholders(self, nodes: Nodes) -> Path:
        file = NodeFile(nodes, self.folder)
        for key, mention in self._placeholders(nodes):
            file.write(key, mention)
        file.close()
        return file.path

    def _write_placeholder_parents(self) -> Path:
        """A topic without a record of its own takes the parent its newest mention gives."""
        file = RelationshipFile(SUBTOPIC_OF, self.folder)
        file.write(
            (key, mention["parent"])
            for key, mention in self._placeholders(TOPICS)
            if mention["parent"] is not None
        )
        file.close()
        return file.path

    def _write_missing_works(self, missing: set[str]) -> Path:
        file = NodeFile(MISSING_WORKS, self.folder)
        for key in sorted(missing):
            file.write(key, {})
        file.close()
        return file.path
