"""A reproducible synthetic research graph, streamed as batches of loader rows.

Pure Python and one seeded random.Random per concern: the same (works, seed) gives
the same graph whatever the batch size. Works are generated in key order, which is
also publication order (years never decrease), so a work only cites lower keys.

Researchers are created the first time they author a work, inside the batch of that
work. Each belongs to a research community (a subfield) and is given a career
length (a target number of works) from a power law; authors are drawn from their
community by preferential attachment (one ticket per work written) until they reach
it. The hub, HUB_KEY, is placed explicitly on about 1% of all works so it is always
the single most productive researcher.
"""

from __future__ import annotations

import datetime
import math
from bisect import bisect_right
from collections.abc import Generator
from itertools import accumulate
from random import Random

from resolvers.defaults import RESEARCHER_DEFAULTS
from seed.institutions import Institutions, build_institutions
from seed.prose import abstract, headline, title
from seed.rows import Batch, CitationRow, ResearcherRow, WorkRow
from seed.sampling import Draw, below, pick, weighted
from seed.synthetic_ids import arxiv_id, doi, orcid
from seed.taxonomy import Subfield, Taxonomy, build_taxonomy
from seed.venues import VenueRegistry, Venues
from seed.vocabulary import FIRST_NAMES, LAST_NAMES

HUB_KEY = "gen:r:0"
FIRST_YEAR = 1990
LAST_DAY = datetime.date(2026, 10, 31)  # fixed, not today: the graph must not depend on the clock
YEARLY_GROWTH = 0.08
TEAM_SIZE_WEIGHTS = tuple(accumulate((14, 21, 21, 16, 11, 8, 5, 4)))  # 1 to 8 authors
CITATION_WEIGHTS = tuple(accumulate((30, 18, 14, 11, 9, 7, 5, 4, 2)))  # 0 to 8 references
WORK_TYPES = ("article", "preprint", "book-chapter", "dataset")
WORK_TYPE_WEIGHTS = tuple(accumulate((75, 12, 8, 5)))
CAREER_EXPONENT = 1.0  # P(target >= k) = 1/k: most write 1-3 works, a few hundreds
NEW_AUTHOR = 0.12  # chance a byline slot goes to a newcomer rather than an active author
CROSS_COMMUNITY = 0.1  # chance a slot (or a reference) comes from another community
ARXIV_DOI = "10.48550/arxiv."


def hub_works(works: int) -> int:
    """About 1% of the works, at least 150 (above any list cap) and at most 10,000."""
    return min(works, max(150, min(10_000, round(works * 0.01))))


def generate(works: int, seed: int, batch_size: int) -> Generator[Batch, None, None]:
    """Batches of at most batch_size works, plus everything they refer to."""
    if works < 1 or batch_size < 1:
        raise ValueError("works and batch_size must be positive")
    graph = _Graph(works, seed)
    batch = Batch(
        topics=graph.taxonomy.rows,
        institutions=graph.institutions.rows,
        researchers=graph.new_researchers,
    )
    for index in range(works):
        work, citation = graph.work(index)
        batch.works.append(work)
        if citation is not None:
            batch.citations.append(citation)
        if len(batch.works) == batch_size or index == works - 1:
            batch.researchers = graph.new_researchers
            graph.new_researchers = []
            yield batch
            batch = Batch()


class _Graph:
    def __init__(self, works: int, seed: int) -> None:
        self.rng = Random(seed)
        self.random = self.rng.random
        self.prose = Random(f"prose:{seed}").random
        self.taxonomy: Taxonomy = build_taxonomy(works, self.rng)
        subfields = self.taxonomy.subfields
        fields = list(dict.fromkeys(subfield.field for subfield in subfields))
        self.institutions: Institutions = build_institutions(works, fields, self.rng)
        self.registry = VenueRegistry(self.rng)
        self.venues: list[Venues] = [self.registry.venues_for(subfield) for subfield in subfields]
        self.doi_space = 10 ** max(7, len(str(works)))
        self.year_ends = _year_ends(works)
        self.arxiv_sequence: dict[tuple[int, int], int] = {}

        # Researcher state, indexed by researcher number.
        self.home: list[int] = []
        self.main_topic: list[int] = []
        self.institution: list[int] = []
        self.target: list[int] = []
        self.count: list[int] = []
        # Per community: a ticket per researcher and per work they wrote (drawing one is
        # preferential attachment), how many of those belong to researchers who reached
        # their target, and a ticket per work and per citation it received.
        self.tickets: list[list[int]] = [[] for _ in subfields]
        self.retired_tickets = [0 for _ in subfields]
        self.citable: list[list[int]] = [[] for _ in subfields]
        self.new_researchers: list[ResearcherRow] = []

        self.hub_total = hub_works(works)
        self.hub_community = max(range(len(subfields)), key=self._community_weight)
        self.hub_works = set(self.rng.sample(range(works), self.hub_total))
        self.career_cap = max(2, self.hub_total * 6 // 10)
        self._new_researcher(self.hub_community, _year_of(0, self.year_ends), hub=True)

    def work(self, index: int) -> tuple[WorkRow, CitationRow | None]:
        random = self.random
        year = _year_of(index, self.year_ends)
        hub = index in self.hub_works
        community = self.hub_community if hub else self._community()
        subfield = self.taxonomy.subfields[community]

        size = _team_size(random)
        authors: list[int] = []
        for _ in range(size - 1 if hub else size):
            slot = community if random() >= CROSS_COMMUNITY else self._community()
            authors.append(self._author(slot, authors, year))
        if hub:
            authors.insert(len(authors) if random() < 0.7 else below(random, size), 0)
        self._credit(authors)

        leaves = subfield.leaves
        lead = authors[0]
        if self.home[lead] == community and random() < 0.7:
            main = self.main_topic[lead]
        else:
            main = weighted(random, subfield.leaf_weights)
        topics = [leaves[main].key]
        scores = [round(0.7 + 0.3 * random(), 3)]
        for _ in range(int(random() < 0.7) + int(random() < 0.3)):
            other = subfield if random() < 0.7 else self.taxonomy.subfields[self._community()]
            leaf = other.leaves[weighted(random, other.leaf_weights)]
            if leaf.key not in topics:
                topics.append(leaf.key)
                scores.append(round(0.15 + 0.55 * random(), 3))

        affiliations = []
        institutions = self.institutions
        for author in authors:
            if random() < 0.5:
                at = self.institution[author]
                if at < 0 or random() < 0.15:
                    at = weighted(random, institutions.weights)
                affiliations.append((f"gen:r:{author}", f"gen:i:{at}"))

        row = self._work_row(index, year, community, subfield, leaves[main].concepts[0])
        row["authors"] = [f"gen:r:{author}" for author in authors]
        row["topics"] = topics
        row["scores"] = scores
        row["affiliations"] = affiliations
        return row, self._citations(index, community)

    def _work_row(
        self, index: int, year: int, community: int, subfield: Subfield, concept: str
    ) -> WorkRow:
        random = self.random
        kind = WORK_TYPES[weighted(random, WORK_TYPE_WEIGHTS)]
        start = datetime.date(year, 1, 1)
        end = min(LAST_DAY, datetime.date(year, 12, 31))
        published = start + datetime.timedelta(days=below(random, (end - start).days + 1))
        arxiv = self._arxiv_id(published) if self._on_arxiv(kind, year, subfield) else None
        venue, identifier = self._venue_and_doi(index, kind, year, community, arxiv)
        other = pick(random, subfield.concepts)
        if other == concept:
            concepts = subfield.concepts
            other = concepts[(concepts.index(concept) + 1) % len(concepts)]
        prose = self.prose
        age = LAST_DAY.year - year
        return {
            "key": f"gen:w:{index}",
            "type": kind,
            "title": title(concept, other, subfield.name, subfield.words, prose),
            "abstract": abstract(concept, other, subfield.name, subfield.words, prose),
            "year": year,
            "publishedOn": published,
            "venue": venue,
            "doi": identifier,
            "arxivId": arxiv,
            "openAccess": kind in ("preprint", "dataset") or random() < 0.45,
            "citedByCount": min(100_000, int(((1 - random()) ** -0.8 - 1) * (1 + age) * 0.7)),
            "authors": [],
            "topics": [],
            "scores": [],
            "affiliations": [],
        }

    def _on_arxiv(self, kind: str, year: int, subfield: Subfield) -> bool:
        if year < 2007:
            return False
        physical = subfield.words.preprint_server == "arXiv"
        if kind == "preprint":
            return physical or self.random() < 0.3
        return kind == "article" and self.random() < (0.6 if physical else 0.15)

    def _venue_and_doi(
        self, index: int, kind: str, year: int, community: int, arxiv: str | None
    ) -> tuple[str, str | None]:
        random = self.random
        venues = self.venues[community]
        doi_share = 0.85
        if kind == "preprint":
            if arxiv is not None:
                return "arXiv", ARXIV_DOI + arxiv if random() < 0.5 else None
            server = self.taxonomy.subfields[community].words.preprint_server
            venue = self.registry.venue("Research Square" if server == "arXiv" else server)
            doi_share = 0.5
        elif kind == "book-chapter":
            venue = pick(random, venues.books)
            doi_share = 0.95
        elif kind == "dataset":
            venue = pick(random, venues.repositories)
            doi_share = 0.95
        elif random() < 0.85:
            venue = venues.journals[int(random() ** 2 * len(venues.journals))]
        else:
            venue = pick(random, venues.general)
        if random() >= doi_share:
            return venue.name, None
        return venue.name, doi(venue.registrant, venue.abbreviation, year, index, self.doi_space)

    def _arxiv_id(self, published: datetime.date) -> str | None:
        month = (published.year, published.month)
        sequence = self.arxiv_sequence.get(month, 0)
        self.arxiv_sequence[month] = sequence + 1
        return arxiv_id(published.year, published.month, sequence) if sequence < 100_000 else None

    def _citations(self, index: int, community: int) -> CitationRow | None:
        random = self.random
        references = weighted(random, CITATION_WEIGHTS)
        cited: list[int] = []
        for _ in range(references):
            pool = self.citable[community if random() >= CROSS_COMMUNITY else self._community()]
            if pool:
                target = pick(random, pool)
                if target not in cited:
                    cited.append(target)
                    # preferential attachment: a cited work is more likely cited again
                    pool.append(target)
        self.citable[community].append(index)
        if not cited:
            return None
        return {"work": f"gen:w:{index}", "cites": [f"gen:w:{target}" for target in cited]}

    def _author(self, community: int, taken: list[int], year: int) -> int:
        random = self.random
        tickets = self.tickets[community]
        if tickets and random() >= NEW_AUTHOR:
            for _ in range(3):
                author = pick(random, tickets)
                if self.count[author] < self.target[author] and author not in taken:
                    return author
        return self._new_researcher(community, year)

    def _credit(self, authors: list[int]) -> None:
        count, target, home = self.count, self.target, self.home
        for author in authors:
            written = count[author] + 1
            count[author] = written
            if author == 0:
                continue
            community = home[author]
            if written < target[author]:
                self.tickets[community].append(author)
                continue
            # retired: its tickets (one at creation, one per work but this last) are dead
            self.retired_tickets[community] += written
            tickets = self.tickets[community]
            if self.retired_tickets[community] * 2 > len(tickets):
                tickets[:] = [r for r in tickets if count[r] < target[r]]
                self.retired_tickets[community] = 0

    def _new_researcher(self, community: int, year: int, hub: bool = False) -> int:
        random = self.random
        number = len(self.home)
        subfield = self.taxonomy.subfields[community]
        main = weighted(random, subfield.leaf_weights)
        institutions = self.institutions
        at = -1
        if hub or random() < 0.6:
            at = weighted(random, institutions.weights)
        self.home.append(community)
        self.main_topic.append(main)
        self.institution.append(at)
        self.count.append(0)
        if hub:
            self.target.append(self.hub_total)
        else:
            career = self.career_cap + 1
            while career > self.career_cap:  # redraw rather than pile up at the cap
                career = int((1 - random()) ** (-1 / CAREER_EXPONENT))
            self.target.append(career)
            self.tickets[community].append(number)
        first, last = pick(random, FIRST_NAMES), pick(random, LAST_NAMES)
        if random() < 0.2:
            first = f"{first} {pick(random, 'ABCDEFGHIJKLMNOPRSTVW')}."
        self.new_researchers.append(
            {
                "key": f"gen:r:{number}",
                "name": f"{first} {last}",
                "headline": (
                    headline(subfield.field, subfield.leaves[main].name, self.prose)
                    if random() < 0.4
                    else None
                ),
                "orcid": orcid(number) if random() < 0.3 else None,
                "openToCollaborate": random() < 0.25,
                "verificationLevel": RESEARCHER_DEFAULTS["verificationLevel"],
                "createdAt": 1_700_000_000 + below(random, 90_000_000),
                "institution": None if at < 0 else f"gen:i:{at}",
                "since": None if at < 0 else max(FIRST_YEAR - 10, year - below(random, 8)),
            }
        )
        return number

    def _community(self) -> int:
        return weighted(self.random, self.taxonomy.subfield_weights)

    def _community_weight(self, community: int) -> float:
        weights = self.taxonomy.subfield_weights
        return weights[community] - (weights[community - 1] if community else 0.0)


def _team_size(random: Draw) -> int:
    """Heavy-tailed: mostly 1-6 authors, sometimes a dozen, rarely 20-100."""
    draw = random()
    if draw < 0.96:
        return 1 + weighted(random, TEAM_SIZE_WEIGHTS)
    if draw < 0.995:
        return 9 + below(random, 11)
    return 20 + int(80 * random() ** 2)


def _year_ends(works: int) -> list[int]:
    """For each year from FIRST_YEAR, the first work index past it: output grows ~8%/year."""
    last = LAST_DAY.year
    weights = [math.exp(YEARLY_GROWTH * (year - FIRST_YEAR)) for year in range(FIRST_YEAR, last)]
    weights.append(
        math.exp(YEARLY_GROWTH * (last - FIRST_YEAR)) * LAST_DAY.timetuple().tm_yday / 365
    )
    total = sum(weights)
    return [round(works * share / total) for share in accumulate(weights)]


def _year_of(index: int, year_ends: list[int]) -> int:
    return FIRST_YEAR + bisect_right(year_ends, index)
