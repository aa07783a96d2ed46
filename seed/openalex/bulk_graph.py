"""A whole snapshot as neo4j-admin CSV files: the graph the transactional import builds
in an empty database, from the same mapped records (seed/openalex/mapping.py).

The same rules decide, in memory instead of in Cypher:
- a record wins over every older record of its key; between two of the same date the
  one read first stays, as `openalexUpdated` keeps it in the transactional path;
- a node's own record sets all its properties; a node only mentioned by other records
  (a placeholder) takes the values of the newest record that mentions it;
- a topic's own record decides its parent; a topic without one takes the parent its
  newest mention gives;
- a citation of a work that is not in the snapshot points at a MissingWork.

Works are written as they come, since they are most of the data; when a newer version
of a written work comes later, the written rows are cut out at the end. Everything
else waits in memory for the end.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from resolvers.defaults import RESEARCHER_DEFAULTS
from seed.openalex.admin_csv import NodeFile, Nodes, RelationshipFile, Relationships, drop
from seed.openalex.mapping import Mapped, Row, mention_stamp
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
    Entity.AUTHORS: RESEARCHERS,
    Entity.INSTITUTIONS: INSTITUTIONS,
    Entity.TOPICS: TOPICS,
    Entity.SUBFIELDS: TOPICS,
    Entity.FIELDS: TOPICS,
    Entity.DOMAINS: TOPICS,
}
# The work a row of each work link file belongs to: its column.
WORK_COLUMN = {AUTHORED.name: 1, AFFILIATION.name: 0, ABOUT.name: 0}
CITATIONS_PENDING = "citations.pending"
SPLIT_CHUNK = 10_000


@dataclass
class Files:
    """What the import reads: node files first, then relationship files."""

    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)


@dataclass
class WrittenWork:
    updated: datetime.datetime
    rows: tuple[int, int]  # its row's byte range in the works file


class SnapshotGraph:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.works = NodeFile(WORKS, folder)
        self.work_links = {
            table.name: RelationshipFile(table, folder) for table in (AUTHORED, AFFILIATION, ABOUT)
        }
        self._citations_file = (folder / CITATIONS_PENDING).open("w", encoding="utf-8", newline="")
        self.citations = csv.writer(self._citations_file)
        self.written: dict[str, WrittenWork] = {}
        self.newer: dict[str, Mapped] = {}  # works newer than the version already written
        self.own: dict[str, dict[str, Mapped]] = {nodes.name: {} for nodes in OWN_NODES.values()}
        # a placeholder's values from its newest mention, stamped as the Cypher path does
        self.mentioned: dict[str, dict[str, Row]] = {
            nodes.name: {} for nodes in PLACEHOLDER_NODES.values()
        }

    def add(self, entity: Entity, record: Mapped) -> None:
        if entity is Entity.WORKS:
            self._add_work(record)
        else:
            held = self.own[OWN_NODES[entity].name]
            kept = held.get(record.key)
            if kept is None or kept.updated < record.updated:
                held[record.key] = record
        self._add_mentions(record)

    def _add_work(self, work: Mapped) -> None:
        written = self.written.get(work.key)
        if written is None:
            self.written[work.key] = WrittenWork(work.updated, self._write_work(work))
            return
        newer = self.newer.get(work.key)
        if (written if newer is None else newer).updated < work.updated:
            self.newer[work.key] = work

    def _write_work(self, work: Mapped) -> tuple[int, int]:
        key = work.key
        rows = self.works.write(key, {**work.properties, "openalexUpdated": work.updated})
        nested = work.nested
        self.work_links[AUTHORED.name].write(
            (row["researcher"], key, row["position"]) for row in nested.get("authored", ())
        )
        self.work_links[AFFILIATION.name].write(
            (key, row["institution"], row.get("researcher"), row.get("position"))
            for row in nested.get("affiliations", ())
        )
        self.work_links[ABOUT.name].write(
            (key, row["topic"], row["score"]) for row in nested.get("about", ())
        )
        self.citations.writerows(
            (row["work"], row["cited"]) for row in work.related.get("openalex/cites", ())
        )
        return rows

    def _add_mentions(self, record: Mapped) -> None:
        stamp = mention_stamp(record)
        for statement, nodes in PLACEHOLDER_NODES.items():
            mentioned = self.mentioned[nodes.name]
            for row in record.related.get(statement, ()):
                held = mentioned.get(row["key"])
                if held is None or held["mentionedIn"] < stamp:
                    mentioned[row["key"]] = {**row, "mentionedIn": stamp}

    def finish(self) -> Files:
        """Writes what waited for the end; the files to import, in order."""
        self._replace_older_works()
        self.works.close()
        for links in self.work_links.values():
            links.close()
        self._citations_file.close()
        files = Files([self.works.path], [links.path for links in self.work_links.values()])
        for nodes in (RESEARCHERS, INSTITUTIONS, TOPICS):
            files.nodes.append(self._write_nodes(nodes))
        files.relationships.append(self._write_affiliations())
        files.relationships.append(self._write_parents())
        missing, cites, cites_missing = self._write_citations()
        files.nodes.append(missing)
        files.relationships += [cites, cites_missing]
        return files

    def _replace_older_works(self) -> None:
        if not self.newer:
            return
        for links in self.work_links.values():
            links.close()
            _drop_rows(links.path, WORK_COLUMN[links.relationships.name], set(self.newer))
        self._citations_file.close()
        _drop_rows(self.folder / CITATIONS_PENDING, 0, set(self.newer), header=False)
        self.works.close()
        drop(self.works.path, (self.written[key].rows for key in self.newer))
        self.works.reopen()
        for links in self.work_links.values():
            links.reopen()
        self._citations_file = (self.folder / CITATIONS_PENDING).open(
            "a", encoding="utf-8", newline=""
        )
        self.citations = csv.writer(self._citations_file)
        for work in self.newer.values():
            self._write_work(work)

    def _write_nodes(self, nodes: Nodes) -> Path:
        file = NodeFile(nodes, self.folder)
        own = self.own[nodes.name]
        for key, record in own.items():
            file.write(key, {**record.properties, "openalexUpdated": record.updated})
        for key, mention in self.mentioned[nodes.name].items():
            if key not in own:
                file.write(key, mention)
        file.close()
        return file.path

    def _write_affiliations(self) -> Path:
        file = RelationshipFile(AFFILIATED_WITH, self.folder)
        for record in self.own[RESEARCHERS.name].values():
            file.write(
                (row["researcher"], row["institution"], row["since"])
                for row in record.related.get("openalex/affiliated_with", ())
            )
        file.close()
        return file.path

    def _write_parents(self) -> Path:
        """A topic's own record decides its parent; a placeholder takes the one its
        newest mention gives."""
        own = self.own[TOPICS.name]
        parents = [
            (row["key"], row["parent"])
            for record in own.values()
            for row in record.related.get("openalex/topic_parent", ())
            if row["parent"] is not None
        ]
        parents += [
            (key, mention["parent"])
            for key, mention in self.mentioned[TOPICS.name].items()
            if key not in own and mention["parent"] is not None
        ]
        file = RelationshipFile(SUBTOPIC_OF, self.folder)
        file.write(parents)
        file.close()
        return file.path

    def _write_citations(self) -> tuple[Path, Path, Path]:
        """Splits the citations read into those of works in the snapshot and those of
        MissingWorks, which only the end can tell apart."""
        missing: set[str] = set()
        found: list[tuple[str, str]] = []
        lost: list[tuple[str, str]] = []
        cites = RelationshipFile(CITES, self.folder)
        cites_missing = RelationshipFile(CITES_MISSING, self.folder)
        with (self.folder / CITATIONS_PENDING).open(encoding="utf-8", newline="") as pending:
            for citing, cited in csv.reader(pending):
                if cited in self.written:
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
        (self.folder / CITATIONS_PENDING).unlink()
        cites.close()
        cites_missing.close()
        missing_works = NodeFile(MISSING_WORKS, self.folder)
        for key in sorted(missing):
            missing_works.write(key, {})
        missing_works.close()
        return missing_works.path, cites.path, cites_missing.path


def _drop_rows(path: Path, column: int, keys: set[str], header: bool = True) -> None:
    kept = path.with_suffix(".kept")
    with (
        path.open(encoding="utf-8", newline="") as source,
        kept.open("w", encoding="utf-8", newline="") as target,
    ):
        rows: Iterator[list[str]] = csv.reader(source)
        out = csv.writer(target)
        if header:
            out.writerow(next(rows))
        out.writerows(row for row in rows if row[column] not in keys)
    kept.replace(path)
