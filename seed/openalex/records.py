"""The OpenAlex records the importer reads, validated: only the fields it maps are declared,
so the rest of a (large) record is skipped by the JSON parser rather than built.

Keys are OpenAlex ids without the `https://openalex.org/` prefix: W…, A…, I…, T…, and
`subfields/N`, `fields/N`, `domains/N` for the topic hierarchy. Identifiers (DOI, ORCID,
ROR, arXiv id) are stored in the canonical form the API's lookups use.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from core.errors import BadUserInput
from core.identifiers import normalize_arxiv_id, normalize_doi, normalize_orcid, normalize_ror

OPENALEX_PREFIX = "https://openalex.org/"


class Entity(Enum):
    """The snapshot folders peergraph imports, in the order it imports them."""

    DOMAINS = "domains"
    FIELDS = "fields"
    SUBFIELDS = "subfields"
    TOPICS = "topics"
    INSTITUTIONS = "institutions"
    AUTHORS = "authors"
    WORKS = "works"


KEY_PATTERNS = {
    Entity.WORKS: re.compile(r"W\d+"),
    Entity.AUTHORS: re.compile(r"A\d+"),
    Entity.INSTITUTIONS: re.compile(r"I\d+"),
    Entity.TOPICS: re.compile(r"T\d+"),
    Entity.SUBFIELDS: re.compile(r"subfields/\d+"),
    Entity.FIELDS: re.compile(r"fields/\d+"),
    Entity.DOMAINS: re.compile(r"domains/\d+"),
}


def openalex_key(value: str, entity: Entity) -> str:
    """`https://openalex.org/W123` or `W123` -> `W123`; anything else is refused."""
    return _key_of(entity)(value)


@functools.cache
def _key_of(entity: Entity) -> Callable[[str], str]:
    matches = KEY_PATTERNS[entity].fullmatch
    kind = entity.value.removesuffix("s")

    def key(value: str) -> str:
        short = value.removeprefix(OPENALEX_PREFIX)
        if matches(short) is None:
            raise ValueError(f"{value!r} is not an OpenAlex {kind} id")
        return short

    return key


def _key(entity: Entity) -> AfterValidator:
    return AfterValidator(_key_of(entity))


def _identifier(normalize: Callable[[str], str]) -> AfterValidator:
    # The same ORCID iDs and ROR ids come back in record after record.
    @functools.lru_cache(maxsize=1 << 16)
    def canonical(value: str) -> str:
        try:
            return normalize(value)
        except BadUserInput as error:
            raise ValueError(error.message) from None

    return AfterValidator(lambda value: None if value is None else canonical(value))


WorkKey = Annotated[str, _key(Entity.WORKS)]
AuthorKey = Annotated[str, _key(Entity.AUTHORS)]
InstitutionKey = Annotated[str, _key(Entity.INSTITUTIONS)]
TopicKey = Annotated[str, _key(Entity.TOPICS)]
SubfieldKey = Annotated[str, _key(Entity.SUBFIELDS)]
FieldKey = Annotated[str, _key(Entity.FIELDS)]
DomainKey = Annotated[str, _key(Entity.DOMAINS)]
# Neo4j stores 64-bit integers; a larger one would fail its whole batch, not just its line.
Int64 = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]
Doi = Annotated[str | None, _identifier(normalize_doi)]
Orcid = Annotated[str | None, _identifier(normalize_orcid)]
Ror = Annotated[str | None, _identifier(normalize_ror)]
ArxivId = Annotated[str | None, _identifier(normalize_arxiv_id)]


class Record(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Versioned(Record):
    # OpenAlex writes e.g. "2025-01-10T05:12:33.123456"; a date alone also comes up.
    updated_date: datetime.datetime | None = None


KeyT = TypeVar("KeyT")


class Ref(Record, Generic[KeyT]):
    """A dehydrated entity inside another record: its id and name."""

    id: KeyT
    display_name: str


class InstitutionRef(Record):
    id: InstitutionKey
    display_name: str
    ror: Ror = None
    country_code: str | None = None
    type: str | None = None


class AuthorRef(Record):
    id: AuthorKey
    display_name: str
    orcid: Orcid = None


class BylineAuthor(Record):
    """An author as a work's byline has it: OpenAlex publishes some without an id."""

    id: AuthorKey | None = None
    display_name: str | None = None
    orcid: Orcid = None


class Authorship(Record):
    author_position: str | None = None
    author: BylineAuthor = BylineAuthor()
    raw_author_name: str | None = None
    institutions: list[InstitutionRef] = []

    @property
    def name(self) -> str | None:
        """The name on the byline: OpenAlex's for its author, else as printed on the paper."""
        return self.author.display_name or self.raw_author_name


class Hierarchy(Record):
    subfield: Ref[SubfieldKey] | None = None
    field: Ref[FieldKey] | None = None
    domain: Ref[DomainKey] | None = None


class WorkTopic(Hierarchy):
    id: TopicKey
    display_name: str
    score: float = Field(ge=0, le=1)


class Source(Record):
    display_name: str | None = None


class Location(Record):
    landing_page_url: str | None = None
    source: Source | None = None


class OpenAccess(Record):
    is_oa: bool | None = None


class WorkIds(Record):
    doi: str | None = None
    arxiv: str | None = None


class Work(Versioned):
    id: WorkKey
    doi: Doi = None
    ids: WorkIds | None = None
    title: str | None = None
    display_name: str | None = None
    type: str | None = None
    publication_year: Int64 | None = None
    publication_date: datetime.date | None = None
    primary_location: Location | None = None
    locations: list[Location] = []
    open_access: OpenAccess | None = None
    cited_by_count: Int64 | None = Field(default=None, ge=0)
    abstract_inverted_index: dict[str, list[Annotated[int, Field(ge=0)]]] | None = None
    topics: list[WorkTopic] = []
    referenced_works: list[WorkKey] = []
    authorships: list[Authorship] = []


class AuthorAffiliation(Record):
    institution: InstitutionRef
    years: list[Int64] = []


class Author(AuthorRef, Versioned):
    display_name_alternatives: list[str] = []
    last_known_institutions: list[InstitutionRef] | None = None
    # the single-valued field of snapshots before 2023
    last_known_institution: InstitutionRef | None = None
    affiliations: list[AuthorAffiliation] = []


class Institution(InstitutionRef, Versioned):
    """The full record holds the same fields as the one embedded in works and authors."""


class TopicRecord(Versioned, Hierarchy):
    id: str
    display_name: str
    description: str | None = None


class Topic(TopicRecord):
    id: TopicKey


class Subfield(TopicRecord):
    id: SubfieldKey


class ResearchField(TopicRecord):
    id: FieldKey


class Domain(TopicRecord):
    id: DomainKey


RECORDS: dict[Entity, type[Versioned]] = {
    Entity.WORKS: Work,
    Entity.AUTHORS: Author,
    Entity.INSTITUTIONS: Institution,
    Entity.TOPICS: Topic,
    Entity.SUBFIELDS: Subfield,
    Entity.FIELDS: ResearchField,
    Entity.DOMAINS: Domain,
}
