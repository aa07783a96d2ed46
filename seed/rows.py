"""The rows the generator yields and cypher/generate/*.cypher consumes, one shape per file.

Lists of keys stand for relationships: a work's `authors` are researcher keys in
byline order (position = index + 1), `topics[i]` is scored `scores[i]`, and each
affiliation pairs a researcher key with the institution printed for them on the paper.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TypedDict


class TopicRow(TypedDict):
    key: str
    name: str
    description: str
    level: str
    parent: str | None


class InstitutionRow(TypedDict):
    key: str
    name: str
    ror: str
    country: str
    type: str


class ResearcherRow(TypedDict):
    key: str
    name: str
    headline: str | None
    orcid: str | None
    openToCollaborate: bool
    verificationLevel: str
    createdAt: int  # epoch seconds
    institution: str | None  # profile-level AFFILIATED_WITH, current (no `until`)
    since: int | None


class WorkRow(TypedDict):
    key: str
    type: str
    title: str
    abstract: str
    year: int
    publishedOn: datetime.date
    venue: str
    doi: str | None
    arxivId: str | None
    openAccess: bool
    citedByCount: int
    authors: list[str]
    topics: list[str]
    scores: list[float]
    affiliations: list[tuple[str, str]]  # (researcher key, institution key)


class CitationRow(TypedDict):
    work: str
    cites: list[str]  # keys of earlier works


@dataclass
class Batch:
    """The rows of up to batch_size works and of everything they first refer to, to
    write in field order: every key a row refers to is in this batch or an earlier one."""

    topics: list[TopicRow] = field(default_factory=list)
    institutions: list[InstitutionRow] = field(default_factory=list)
    researchers: list[ResearcherRow] = field(default_factory=list)
    works: list[WorkRow] = field(default_factory=list)
    citations: list[CitationRow] = field(default_factory=list)

    @property
    def authorships(self) -> int:
        return sum(len(work["authors"]) for work in self.works)
