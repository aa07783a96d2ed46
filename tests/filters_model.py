"""The lists of works and researchers recomputed in Python from a raw dump of the graph,
and how often it holds the values tests draw from (`Frequencies`).

Written from the semantics docs/analysts.md states, apart from the compiler: a where
tree holds when all the fields of its input and all of AND hold, at least one of OR
holds and NOT does not; a condition on a missing property is false. Orders follow
Cypher's: in ORDER BY a null sorts above every value.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.global_ids import decode_id

Row = dict[str, Any]
Where = dict[str, Any]
MAX_CONDITIONS = 64  # the documented bound: more conditions in one tree is BAD_USER_INPUT


@dataclass(frozen=True)
class Graph:
    works: dict[str, Row]
    researchers: dict[str, Row]
    topics: list[str]
    institutions: list[str]
    topic_rows: dict[str, Row]  # key -> name, level, parents
    institution_rows: dict[str, Row]  # key -> name, country
    works_of: dict[str, set[str]]  # researcher -> the works they authored
    authors_of: dict[str, set[str]]  # work -> its authors
    topics_of: dict[str, set[str]]  # work -> its topics
    institutions_of: dict[str, set[str]]  # work -> institutions on its paper
    # (work, institution, researcher): the institution the paper prints for that author
    paper_affiliations: set[tuple[str, str, str]]
    profiles: dict[str, set[str]]  # researcher -> institutions on the profile
    cited_by: dict[str, set[str]]  # work -> the works citing it
    references: dict[str, set[str]]  # work -> the works it cites
    followers: Counter[str]  # researcher -> follows by users other than its claimant
    current_profiles: dict[str, set[str]]  # those without an end (`until`)

    @classmethod
    def from_dump(cls, dump: Row) -> Graph:
        works_of: dict[str, set[str]] = defaultdict(set)
        authors_of: dict[str, set[str]] = defaultdict(set)
        for researcher, work in dump["authored"]:
            works_of[researcher].add(work)
            authors_of[work].add(researcher)
        topics_of: dict[str, set[str]] = defaultdict(set)
        for work, topic in dump["about"]:
            topics_of[work].add(topic)
        institutions_of: dict[str, set[str]] = defaultdict(set)
        for work, institution, _ in dump["affiliations"]:
            institutions_of[work].add(institution)
        profiles: dict[str, set[str]] = defaultdict(set)
        for researcher, institution in dump["profiles"]:
            profiles[researcher].add(institution)
        cited_by: dict[str, set[str]] = defaultdict(set)
        references: dict[str, set[str]] = defaultdict(set)
        for citing, cited in dump["cites"]:
            cited_by[cited].add(citing)
            references[citing].add(cited)
        followers = Counter(researcher for researcher, own in dump["follows"] if not own)
        current_profiles: dict[str, set[str]] = defaultdict(set)
        for researcher, institution in dump["current_profiles"]:
            current_profiles[researcher].add(institution)
        return cls(
            works={row["key"]: row for row in dump["works"]},
            researchers={row["key"]: row for row in dump["researchers"]},
            topics=sorted(row["key"] for row in dump["topics"]),
            institutions=sorted(row["key"] for row in dump["institutions"]),
            topic_rows={row["key"]: row for row in dump["topics"]},
            institution_rows={row["key"]: row for row in dump["institutions"]},
            works_of=works_of,
            authors_of=authors_of,
            topics_of=topics_of,
            institutions_of=institutions_of,
            paper_affiliations={tuple(row) for row in dump["affiliations"]},
            profiles=profiles,
            cited_by=cited_by,
            references=references,
            followers=followers,
            current_profiles=current_profiles,
        )

    # Conditions

    def work_matches(self, key: str, where: Where) -> bool:
        return matches(where, lambda name, value: self.work_condition(key, name, value), self)

    def researcher_matches(self, key: str, where: Where) -> bool:
        return matches(where, lambda name, value: self.researcher_condition(key, name, value), self)

    def work_condition(self, key: str, name: str, value: Any) -> bool:
        work = self.works[key]
        if name == "yearFrom":
            return work.get("year") is not None and work["year"] >= value
        if name == "yearTo":
            return work.get("year") is not None and work["year"] <= value
        if name == "type":
            return work.get("type") in {kind.lower().replace("_", "-") for kind in value}
        if name == "venue":
            return work.get("venue") is not None and work["venue"] == value
        if name == "openAccess":
            return work.get("openAccess") is not None and work["openAccess"] == value
        if name == "titleContains":
            title = work.get("title")
            return title is not None and value.lower() in title.lower()
        if name == "topic":
            return key_of(value, "Topic") in self.topics_of[key]
        if name == "author":
            return key_of(value, "Researcher") in self.authors_of[key]
        if name == "institution":
            return key_of(value, "Institution") in self.institutions_of[key]
        raise AssertionError(f"no work condition {name}")

    def researcher_condition(self, key: str, name: str, value: Any) -> bool:
        researcher = self.researchers[key]
        if name == "nameContains":
            text = researcher.get("name")
            return text is not None and value.lower() in text.lower()
        if name == "topic":
            topic = key_of(value, "Topic")
            return any(topic in self.topics_of[work] for work in self.works_of[key])
        if name == "institution":
            institution = key_of(value, "Institution")
            return institution in self.profiles[key] or any(
                (work, institution, key) in self.paper_affiliations for work in self.works_of[key]
            )
        if name == "hasOrcid":
            return (researcher.get("orcid") is not None) is value
        if name == "openToCollaborate":
            return bool(researcher.get("openToCollaborate")) is value
        if name == "minWorks":
            return len(self.works_of[key]) >= int(value)
        raise AssertionError(f"no researcher condition {name}")

    # Lists: the members, and what the default order reads beside them

    def works_under(self, parent: tuple[str, str] | None) -> list[str]:
        if parent is None:
            return list(self.works)
        kind, key = parent
        if kind == "Researcher":
            return sorted(self.works_of[key])
        if kind == "Topic":
            return [work for work in self.works if key in self.topics_of[work]]
        return [work for work in self.works if key in self.institutions_of[work]]

    def researchers_under(self, parent: tuple[str, str] | None) -> dict[str, int]:
        """Members and how many of their works lie under the parent (0 at the root)."""
        if parent is None:
            return dict.fromkeys(self.researchers, 0)
        kind, key = parent
        members: dict[str, int] = {}
        if kind == "Topic":
            for researcher, works in self.works_of.items():
                on_topic = sum(1 for work in works if key in self.topics_of[work])
                if on_topic:
                    members[researcher] = on_topic
            return members
        for researcher, works in self.works_of.items():
            there = sum(1 for work in works if (work, key, researcher) in self.paper_affiliations)
            if there:
                members[researcher] = there
        for researcher, institutions in self.profiles.items():
            if key in institutions:
                members.setdefault(researcher, 0)
        return members

    def works_list(
        self, parent: tuple[str, str] | None, where: Where | None, order: Row | None
    ) -> list[str]:
        found = [
            work
            for work in self.works_under(parent)
            if where is None or self.work_matches(work, where)
        ]
        if order is None and parent is None:
            return sorted(found)  # a root list without orderBy is in key order
        descending = order is None or order.get("direction", "DESC") == "DESC"
        field = "YEAR" if order is None else order["field"]
        value = self.work_figure(field)
        keys: list[tuple[Callable[[str], Any], bool]] = [
            (lambda work: value(work) is None, False),
            (value, descending),
        ]
        if field == "YEAR":
            keys.append((lambda work: self.works[work].get("publishedOn"), descending))
        keys.append((lambda work: work, False))
        return cypher_sorted(found, keys)

    def work_figure(self, field: str) -> Callable[[str], Any]:
        """What a WorkOrderField orders works by."""
        if field == "CITATIONS":
            return self.citations
        if field == "REFERENCES":
            return lambda work: len(self.references[work])
        return lambda work: self.works[work].get(WORK_ORDER[field])

    def citations(self, work: str) -> int:
        """docs/metrics.md: the larger of citedByCount and the citing works held."""
        return max(self.works[work].get("citedByCount") or 0, len(self.cited_by[work]))

    def researcher_figure(self, order: Row, now: int) -> Callable[[str], Any]:
        """What a ResearcherOrderField orders researchers by."""
        field = order["field"]
        if field == "NAME":
            return lambda key: self.researchers[key].get("name")
        if field == "WORKS_COUNT":
            return lambda key: len(self.works_of[key])
        if field == "FOLLOWERS":
            return lambda key: self.followers[key]
        if field == "RECENT_WORKS":
            since = now - order.get("years", 5)
            return lambda key: sum(
                (self.works[work].get("year") or since) > since for work in self.works_of[key]
            )
        counts = {
            key: sorted(map(self.citations, works), reverse=True)
            for key, works in self.works_of.items()
        }
        if field == "CITATIONS":
            return lambda key: sum(counts.get(key, []))
        return lambda key: sum(
            cited >= rank for rank, cited in enumerate(counts.get(key, []), start=1)
        )

    def researchers_list(
        self, parent: tuple[str, str] | None, where: Where | None, order: Row | None
    ) -> list[str]:
        members = self.researchers_under(parent)
        found = [
            researcher
            for researcher in members
            if where is None or self.researcher_matches(researcher, where)
        ]
        keys: list[tuple[Callable[[str], Any], bool]] = []
        if order is not None:
            descending = order.get("direction", "DESC") == "DESC"
            now = datetime.datetime.now(datetime.UTC).year
            keys.append((self.researcher_figure(order, now), descending))
        elif parent is not None:
            keys.append((lambda key: members[key], True))
        keys.append((lambda key: key, False))
        return cypher_sorted(found, keys)

    def works_by_year(self, parent: tuple[str, str] | None, where: Where | None) -> list[Row]:
        years = Counter(
            self.works[work]["year"]
            for work in set(self.works_under(parent))
            if self.works[work].get("year") is not None
            and (where is None or self.work_matches(work, where))
        )
        return [{"year": year, "works": years[year]} for year in sorted(years)]

    # Facets

    def group_values(self, item: str, field: str, of: str) -> list[Any]:
        """An item's values for a groupBy field (entities as keys); [None] for none."""
        if of == "Researcher":
            return self.researcher_group_values(item, field)
        work = item
        if field in ("YEAR", "TYPE", "VENUE", "OPEN_ACCESS"):
            return [self.works[work].get(WORK_GROUP_PROPERTIES[field])]
        found: set[str] = set()
        if field == "TOPIC":
            found = self.topics_of[work]
        elif field in ("SUBFIELD", "FIELD", "DOMAIN"):
            found = {
                above
                for topic in self.topics_of[work]
                for above in self.at_or_above(topic, 3)
                if self.topic_rows[above].get("level") == field.lower()
            }
        elif field == "INSTITUTION":
            found = self.institutions_of[work]
        elif field == "COUNTRY":
            countries = (
                self.institution_rows[key].get("country") for key in self.institutions_of[work]
            )
            found = {country for country in countries if country is not None}
        elif field == "AUTHOR":
            found = self.authors_of[work]
        return sorted(found) or [None]

    def researcher_group_values(self, researcher: str, field: str) -> list[Any]:
        institutions = self.current_profiles[researcher]
        if field == "INSTITUTION":
            found = set(institutions)
        elif field == "COUNTRY":
            countries = (self.institution_rows[key].get("country") for key in institutions)
            found = {country for country in countries if country is not None}
        else:
            found = {topic for work in self.works_of[researcher] for topic in self.topics_of[work]}
        return sorted(found) or [None]

    def at_or_above(self, topic: str, hops: int) -> set[str]:
        found = {topic}
        if hops > 0:
            for parent in self.topic_rows[topic]["parents"]:
                found |= self.at_or_above(parent, hops - 1)
        return found

    def groups(self, items: list[str], of: str, field: str, order: str) -> list[tuple[Any, int]]:
        """(value, count) of every group of the items (of kind `of`), in `order` (a
        GroupOrder name)."""
        counts = Counter(value for item in items for value in self.group_values(item, field, of))
        sort_key = self.group_sort_key(field)
        valued = sorted(
            (value for value in counts if value is not None),
            key=sort_key,
            reverse=order == "KEY_DESC",
        )
        ordered = valued + [None] * (None in counts)
        if order == "COUNT_DESC":
            ordered.sort(key=lambda value: -counts[value])
        elif order == "COUNT_ASC":
            ordered.sort(key=lambda value: counts[value])
        return [(value, counts[value]) for value in ordered]

    def group_sort_key(self, field: str) -> Callable[[Any], Any]:
        rows = {"INSTITUTION": self.institution_rows, "AUTHOR": self.researchers}.get(
            field, self.topic_rows
        )
        if field in ENTITY_GROUPS:
            return lambda key: (rows[key].get("name") is None, rows[key].get("name") or "", key)
        return lambda value: value


WORK_GROUP_PROPERTIES = {
    "YEAR": "year",
    "TYPE": "type",
    "VENUE": "venue",
    "OPEN_ACCESS": "openAccess",
}
# groupBy fields whose values are nodes, and their kind
ENTITY_GROUPS = {
    "TOPIC": "Topic",
    "SUBFIELD": "Topic",
    "FIELD": "Topic",
    "DOMAIN": "Topic",
    "INSTITUTION": "Institution",
    "AUTHOR": "Researcher",
}
WORK_ORDER = {"YEAR": "year", "CITED_BY_COUNT": "citedByCount", "TITLE": "title"}


def key_of(global_id: str, kind: str) -> str:
    return decode_id(global_id, expected=kind)[1]


def matches(where: Where, condition: Callable[[str, Any], bool], graph: Graph) -> bool:
    for name, value in where.items():
        if value is None:
            continue
        if name == "AND":
            holds = all(matches(child, condition, graph) for child in value)
        elif name == "OR":
            holds = any(matches(child, condition, graph) for child in value)
        elif name == "NOT":
            holds = not matches(value, condition, graph)
        else:
            holds = condition(name, value)
        if not holds:
            return False
    return True


def conditions(where: Where | None) -> int:
    """How many conditions a tree names: AND, OR and NOT are not conditions."""
    if where is None:
        return 0
    count = 0
    for name, value in where.items():
        if value is None:
            continue
        if name in ("AND", "OR"):
            count += sum(conditions(child) for child in value)
        elif name == "NOT":
            count += conditions(value)
        else:
            count += 1
    return count


def cypher_sorted(items: list[str], keys: list[tuple[Callable[[str], Any], bool]]) -> list[str]:
    """Sorted by the first key, ties by the next...; a null sorts above every value."""
    result = list(items)
    for key, descending in reversed(keys):
        result.sort(key=lambda item: nulls_last(key(item)), reverse=descending)
    return result


def nulls_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value)


# The values tests draw from: the graph's own, the most frequent first


@dataclass(frozen=True)
class Frequencies:
    """How often the graph holds each author, title word, name part and venue."""

    authored: Counter[str]  # researcher key -> the works they authored
    title_words: Counter[str]  # lower-cased, longer than three letters
    name_parts: Counter[str]
    venues: Counter[str]

    @classmethod
    def of(cls, graph: Graph) -> Frequencies:
        return cls(
            authored=Counter({key: len(works) for key, works in graph.works_of.items()}),
            title_words=Counter(
                word.lower()
                for work in graph.works.values()
                for word in (work.get("title") or "").split()
                if len(word) > 3
            ),
            name_parts=Counter(
                part
                for researcher in graph.researchers.values()
                for part in (researcher.get("name") or "").split()
            ),
            venues=Counter(
                str(work["venue"]) for work in graph.works.values() if work.get("venue")
            ),
        )


def busiest(counts: Counter[str], n: int) -> list[str]:
    """The n most frequent, ties by key: the same choice on every run."""
    return [key for key, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]]
