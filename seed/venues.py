"""Journals, conferences, book series and data repositories, each with a DOI registrant."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from seed.taxonomy import Subfield
from seed.vocabulary import (
    CHAPTER_VENUES,
    DATA_REPOSITORIES,
    GENERAL_JOURNALS,
    VENUE_PATTERNS,
)

SMALL_WORDS = frozenset({"and", "for", "in", "of", "on", "the"})


@dataclass(frozen=True)
class Venue:
    name: str
    registrant: int  # the 10.<registrant>/ DOI prefix
    abbreviation: str  # lowercase, starts DOI suffixes


@dataclass(frozen=True)
class Venues:
    """Where a community publishes, by kind of work."""

    journals: tuple[Venue, ...]  # the community's own, most read first
    general: tuple[Venue, ...]  # multidisciplinary journals
    books: tuple[Venue, ...]
    repositories: tuple[Venue, ...]


class VenueRegistry:
    """One registrant per venue name, however many communities publish there."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.known: dict[str, Venue] = {}

    def venue(self, name: str) -> Venue:
        if name not in self.known:
            # 4-5 digit registrants, never arXiv's 48550 (its DOIs have their own form)
            registrant = self.rng.randrange(1000, 40000)
            words = name.replace(",", "").replace("-", " ").split()
            abbreviation = "".join(w[0] for w in words if w.lower() not in SMALL_WORDS).lower()
            self.known[name] = Venue(name, registrant, abbreviation)
        return self.known[name]

    def venues_for(self, subfield: Subfield) -> Venues:
        names = {"subfield": subfield.name, "field": subfield.field}
        return Venues(
            journals=tuple(self.venue(p.format(**names)) for p in VENUE_PATTERNS),
            general=tuple(self.venue(name) for name in GENERAL_JOURNALS),
            books=tuple(self.venue(p.format(**names)) for p in CHAPTER_VENUES),
            repositories=tuple(self.venue(name) for name in DATA_REPOSITORIES),
        )
