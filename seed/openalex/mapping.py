"""OpenAlex records -> the rows cypher/openalex/*.cypher writes.

A record maps to its own node's properties and to the rows of the statements that link
it. Nodes a record only mentions (a work's authors, institutions and topics, a topic's
parents) become placeholders holding what the record knows (their name), filled in when
their own record comes. A work's position list is its authorships in list order.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from core.identifiers import recognise
from core.work_type import WorkType
from seed.names import Entry
from seed.openalex import records
from seed.openalex.records import Entity

Row = dict[str, Any]

# Records without any date sort before every dated one.
UNDATED = datetime.datetime(1, 1, 1)
WORK_TYPES = frozenset(kind.value for kind in WorkType)
ARXIV_DOI = "10.48550/arxiv."
ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/([^?#]+?)(?:\.pdf)?$")
HIERARCHY = ("topic", "subfield", "field", "domain")
LEVELS = {
    Entity.TOPICS: "topic",
    Entity.SUBFIELDS: "subfield",
    Entity.FIELDS: "field",
    Entity.DOMAINS: "domain",
}

# The statements whose rows stand for nodes a record only mentions: merged once per batch,
# from the newest record that mentions them (see gather).
PLACEHOLDERS = frozenset(
    {
        "openalex/topic_placeholders",
        "openalex/institution_placeholders",
        "openalex/researcher_placeholders",
    }
)
TOPIC_PLACEHOLDERS = "openalex/topic_placeholders"
RESEARCHERS = "openalex/researcher_placeholders"
TOPIC_HIERARCHY = "openalex/topic_hierarchy_placeholders"


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Identified = TypeVar("Identified", bound=HasId)


@dataclass(frozen=True)
class Mapped:
    """One record's node, the links its node row carries (`nested`, written by the node's
    own statement), and, per statement name, the rows of the statements that run apart."""

    key: str
    updated: datetime.datetime
    properties: Row
    related: dict[str, list[Row]] = field(default_factory=dict)
    nested: dict[str, list[Row]] = field(default_factory=dict)

    def add(self, statement: str, row: Row) -> None:
        self.rows(statement).append(row)

    def rows(self, statement: str) -> list[Row]:
        """The list to append this record's rows of `statement` to."""
        return self.related.setdefault(statement, [])

    def node_at(self, node: str | None) -> Row:
        """The row that MERGEs this record's node and sets its properties; `node` is the key
        of another node that holds this record (a seed work with its DOI or arXiv id)."""
        own = {"updated": self.updated, **self.properties, **self.nested}
        if node is None:
            return {"key": self.key, **own}
        return {"key": node, "openalexId": self.key, **own}

    def byline(self) -> list[Entry]:
        """A work's authors that have an OpenAlex id, with the names it shows."""
        names = {row["key"]: row["name"] for row in self.related.get(RESEARCHERS, [])}
        return [
            Entry(row["position"], row["researcher"], names[row["researcher"]])
            for row in self.nested.get("authored", [])
        ]


def version(updated: datetime.datetime | None, folder: datetime.date | None) -> datetime.datetime:
    """The later of the record's own updated_date and its snapshot folder's date (UTC)."""
    dates = [UNDATED]
    if updated is not None:
        if updated.tzinfo is not None:
            updated = updated.astimezone(datetime.UTC).replace(tzinfo=None)
        dates.append(updated)
    if folder is not None:
        dates.append(datetime.datetime.combine(folder, datetime.time()))
    return max(dates)


def rebuild_abstract(index: dict[str, list[int]] | None) -> str | None:
    """OpenAlex ships abstracts as {word: [positions]}; gaps in the positions are skipped."""
    if not index:
        return None
    words = {position: word for word, positions in index.items() for position in positions}
    return " ".join(words[position] for position in sorted(words)) or None


def byline(
    authorships: Sequence[records.Authorship],
) -> list[tuple[int, str, records.Authorship]]:
    """1-based positions in list order (OpenAlex's author_position only says first/middle/last);
    an author listed twice keeps their first place. An author without an id keeps a place;
    an entry without any name has nothing to show and takes none."""
    seen: set[str] = set()
    kept: list[tuple[str, records.Authorship]] = []
    for authorship in authorships:
        key, name = authorship.author.id, authorship.name
        if name is None or key in seen:
            continue
        if key is not None:
            seen.add(key)
        kept.append((name, authorship))
    return [(position, name, entry) for position, (name, entry) in enumerate(kept, start=1)]


def arxiv_id(work: records.Work) -> str | None:
    candidates = []
    if work.ids is not None and work.ids.arxiv is not None:
        candidates.append(work.ids.arxiv)
    if work.doi is not None and work.doi.startswith(ARXIV_DOI):
        candidates.append(work.doi.removeprefix(ARXIV_DOI))
    locations = [work.primary_location, *work.locations]
    for location in locations:
        if location is not None and location.landing_page_url is not None:
            found = ARXIV_URL.search(location.landing_page_url)
            if found:
                candidates.append(found.group(1))
    for candidate in candidates:
        arxiv = recognise(candidate).arxiv_id
        if arxiv is not None:
            return arxiv
    return None


def work_type(value: str | None) -> str:
    """OpenAlex's types the API knows are kept; paratext, erratum, grant... become other."""
    return value if value in WORK_TYPES else "other"


def map_work(work: records.Work, folder: datetime.date | None) -> Mapped:
    source = None if work.primary_location is None else work.primary_location.source
    mapped = Mapped(
        work.id,
        version(work.updated_date, folder),
        {
            "type": work_type(work.type),
            # the API's title is never null; OpenAlex has a few untitled works
            "title": work.title or work.display_name or "",
            "abstract": rebuild_abstract(work.abstract_inverted_index),
            "year": work.publication_year,
            "publishedOn": work.publication_date,
            "venue": None if source is None else source.display_name,
            "doi": work.doi,
            "arxivId": arxiv_id(work),
            "openAccess": None if work.open_access is None else work.open_access.is_oa,
            "citedByCount": work.cited_by_count,
        },
    )
    key = work.id
    # The work's statement links its authors, affiliations and topics itself: one seek of
    # the work for all of them, where a statement per kind seeks it once per link.
    researchers = mapped.rows(RESEARCHERS)
    authored = mapped.nested.setdefault("authored", [])
    affiliations = mapped.nested.setdefault("affiliations", [])
    about = mapped.nested.setdefault("about", [])
    unidentified: dict[int, str] = {}
    for position, name, authorship in byline(work.authorships):
        author = authorship.author
        if author.id is None:
            unidentified[position] = name
            link: Row = {"position": position}
        else:
            researchers.append({"key": author.id, "name": name, "orcid": author.orcid})
            authored.append({"researcher": author.id, "position": position})
            link = {"researcher": author.id}
        for institution in _unique(authorship.institutions):
            _add_institution(mapped, institution)
            affiliations.append({**link, "institution": institution.id})
    # Without an OpenAlex id there is no Researcher to link: the byline entry stays on the
    # work, its paper-level affiliations carry its position instead of a researcher key.
    mapped.properties["unidentifiedAuthorPositions"] = list(unidentified) or None
    mapped.properties["unidentifiedAuthorNames"] = list(unidentified.values()) or None
    for topic in _unique(work.topics):
        _add_topics(
            mapped,
            [_topic_node(topic.id, topic.display_name, "topic"), *_ancestors(topic, "topic")],
        )
        about.append({"topic": topic.id, "score": topic.score})
    mapped.related["openalex/cites"] = [
        {"work": key, "cited": cited} for cited in dict.fromkeys(work.referenced_works)
    ]
    return mapped


def map_author(author: records.Author, folder: datetime.date | None) -> Mapped:
    mapped = Mapped(
        author.id,
        version(author.updated_date, folder),
        {
            "name": author.display_name,
            "orcid": author.orcid,
            # none is no property: an empty list is one thing neo4j-admin cannot write
            "alternativeNames": [
                name for name in author.display_name_alternatives if name != author.display_name
            ]
            or None,
        },
    )
    current = author.last_known_institutions
    if current is None:
        current = [] if author.last_known_institution is None else [author.last_known_institution]
    first_year: dict[str, int] = {}
    for affiliation in author.affiliations:
        if affiliation.years:
            key = affiliation.institution.id
            first_year[key] = min(first_year.get(key, 9999), *affiliation.years)
    for institution in _unique(current):
        _add_institution(mapped, institution)
        mapped.add(
            "openalex/affiliated_with",
            {
                "researcher": author.id,
                "institution": institution.id,
                "since": first_year.get(institution.id),
            },
        )
    return mapped


def map_institution(institution: records.Institution, folder: datetime.date | None) -> Mapped:
    return Mapped(
        institution.id, version(institution.updated_date, folder), _institution(institution)
    )


def map_topic(topic: records.TopicRecord, level: str, folder: datetime.date | None) -> Mapped:
    mapped = Mapped(
        topic.id,
        version(topic.updated_date, folder),
        {"name": topic.display_name, "description": topic.description, "level": level},
    )
    ancestors = _ancestors(topic, level)
    parent = ancestors[0]["key"] if ancestors else None
    mapped.add("openalex/topic_parent", {"key": topic.id, "parent": parent})
    _add_topics(mapped, ancestors)
    return mapped


def map_record(entity: Entity, record: records.Versioned, folder: datetime.date | None) -> Mapped:
    if isinstance(record, records.Work):
        return map_work(record, folder)
    if isinstance(record, records.Author):
        return map_author(record, folder)
    if isinstance(record, records.Institution):
        return map_institution(record, folder)
    if isinstance(record, records.TopicRecord):
        return map_topic(record, LEVELS[entity], folder)
    raise TypeError(f"no mapping for {type(record).__name__}")


def gather(mapped: Iterable[Mapped]) -> dict[str, list[Row]]:
    """The rows of each statement for these records. A placeholder comes once per key, from
    the newest record that mentions it, stamped `mentionedIn` (that record's version, then
    key, so that ties break the same way in any order): the statements keep a placeholder's
    values only from a mention newer than the one they hold."""
    rows: dict[str, list[Row]] = {}
    placeholders: dict[str, dict[str, Row]] = {}
    for record in mapped:
        mention = mention_stamp(record)
        for name, related in record.related.items():
            if name in PLACEHOLDERS:
                by_key = placeholders.setdefault(name, {})
                for row in related:
                    held = by_key.get(row["key"])
                    if held is None or held["mentionedIn"] < mention:
                        by_key[row["key"]] = {**row, "mentionedIn": mention}
            else:
                rows.setdefault(name, []).extend(related)
    for name, by_key in placeholders.items():
        rows[name] = list(by_key.values())
    if TOPIC_PLACEHOLDERS in rows:
        rows[TOPIC_HIERARCHY] = [row for row in rows[TOPIC_PLACEHOLDERS] if row["parent"]]
    return rows


def mention_stamp(record: Mapped) -> str:
    """What a placeholder keeps as `mentionedIn`: the mentioning record's version, then its
    key; a later stamp sorts after an earlier one as a string."""
    return f"{record.updated.isoformat(timespec='microseconds')}|{record.key}"


def _unique(items: Iterable[Identified]) -> list[Identified]:
    """The first item of each id, in order."""
    kept: dict[str, Identified] = {}
    for item in items:
        kept.setdefault(item.id, item)
    return list(kept.values())


def _topic_node(key: str, name: str, level: str) -> Row:
    return {"key": key, "name": name, "level": level, "parent": None}


def _ancestors(hierarchy: records.Hierarchy, level: str) -> list[Row]:
    """The known levels above `level`, nearest first, up to the first one missing."""
    start = HIERARCHY.index(level)
    refs = (hierarchy.subfield, hierarchy.field, hierarchy.domain)[start:]
    nodes = []
    for ref, above in zip(refs, HIERARCHY[start + 1 :], strict=True):
        if ref is None:
            break
        nodes.append(_topic_node(ref.id, ref.display_name, above))
    return nodes


def _add_topics(mapped: Mapped, nodes: Sequence[Row]) -> None:
    """Placeholders for a chain of topics, each under the next."""
    parents = [parent["key"] for parent in nodes[1:]]
    mapped.rows(TOPIC_PLACEHOLDERS).extend(
        {**node, "parent": parent} for node, parent in itertools.zip_longest(nodes, parents)
    )


def _institution(institution: records.InstitutionRef) -> Row:
    return {
        "name": institution.display_name,
        "ror": institution.ror,
        "country": institution.country_code,
        "type": institution.type,
    }


def _add_institution(mapped: Mapped, institution: records.InstitutionRef) -> None:
    mapped.add(
        "openalex/institution_placeholders", {"key": institution.id, **_institution(institution)}
    )
