"""Alternate identifiers clients paste in many spellings: one canonical form each."""

from __future__ import annotations

import functools
import re
from dataclasses import astuple, dataclass
from urllib.parse import unquote

from core.errors import BadUserInput
from core.text import describe, fold, hidden_character

ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
ARXIV = re.compile(r"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})$")
# A leading 0, six Crockford base32 digits and their ISO 7064 mod 97-10 checksum.
ROR = re.compile(r"^0[a-hj-km-np-tv-z0-9]{6}\d{2}$")
CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
# One @, no spaces, a dotted domain: what a mail server would accept, not a full RFC 5322 parse.
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")
MAX_EMAIL = 254
# An OpenAlex id as OpenAlex prints it (https://openalex.org/W123), as its API's URL
# (https://api.openalex.org/works/W123) or alone (W123, subfields/1702), in any case.
OPENALEX = re.compile(
    r"^(?:(?:https?://)?(?:api\.)?openalex\.org/)?"
    r"(?:(?P<folder>works|authors|institutions|topics)/)?"
    r"(?:(?P<letter>[wait])(?P<number>\d+)|(?P<level>subfields|fields|domains)/(?P<level_number>\d+))$",
    re.IGNORECASE,
)
# The node label whose key an OpenAlex id is, by its letter or folder (the importer keeps
# OpenAlex ids as keys: seed/openalex/records.py).
OPENALEX_LABELS = {
    "w": "Work",
    "a": "Researcher",
    "i": "Institution",
    "t": "Topic",
    "works": "Work",
    "authors": "Researcher",
    "institutions": "Institution",
    "topics": "Topic",
}
OPENALEX_NOUNS = {
    "Work": "work",
    "Researcher": "author",
    "Institution": "institution",
    "Topic": "topic",
}
OPENALEX_EXAMPLES = {
    "Work": "W2741809807",
    "Researcher": "A5023888391",
    "Institution": "I27837315",
    "Topic": "T10017",
}
# The spellings OpenAlex, Crossref, ORCID and ROR use around an identifier, http or https,
# any case; each may come more than once.
DOI_PREFIX = re.compile(r"(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi:|info:doi/", re.IGNORECASE)
ORCID_PREFIX = re.compile(r"(?:https?://)?(?:www\.)?orcid\.org/|orcid:", re.IGNORECASE)
ROR_PREFIX = re.compile(r"(?:https?://)?(?:www\.)?ror\.org/|ror:", re.IGNORECASE)
ARXIV_PREFIX = re.compile(
    r"(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/|arxiv:", re.IGNORECASE
)


@dataclass(frozen=True)
class Identifiers:
    """What a free-text query is, when it is an identifier: each canonical, or None."""

    orcid: str | None
    doi: str | None
    arxiv_id: str | None
    ror: str | None
    openalex_id: str | None  # the key of the node it names, whatever its kind

    @property
    def recognised(self) -> bool:
        return any(astuple(self))


@functools.lru_cache(maxsize=1024)
def recognise(value: str) -> Identifiers:
    """The identifiers a text is; cached, since a search reads each of them apart."""
    openalex = _openalex(value)
    return Identifiers(
        orcid=_orcid(value),
        doi=_doi(value),
        arxiv_id=_arxiv_id(value),
        ror=_ror(value),
        openalex_id=None if openalex is None else openalex[1],
    )


def lucene_phrase(text: str) -> str:
    """The text as one literal Lucene phrase: identifiers hold Lucene syntax (a DOI's ':')."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def normalize_orcid(value: str) -> str:
    return _required(_orcid(value), f"{value!r} is not an ORCID iD (expected 0000-0000-0000-0000)")


def normalize_doi(value: str) -> str:
    return _required(_doi(value), f"{value!r} is not a DOI (expected 10.xxxx/...)")


def normalize_arxiv_id(value: str) -> str:
    return _required(_arxiv_id(value), f"{value!r} is not an arXiv id (expected e.g. 2204.12554)")


def normalize_ror(value: str) -> str:
    return _required(_ror(value), f"{value!r} is not a ROR id (expected e.g. 027m9bs27)")


def normalize_openalex_id(value: str, label: str) -> str:
    """The key of the `label` node an OpenAlex id names; BAD_USER_INPUT for another kind's id."""
    found = _openalex(value)
    example = OPENALEX_EXAMPLES[label]
    if found is None:
        raise BadUserInput(
            f"{value!r} is not an OpenAlex {OPENALEX_NOUNS[label]} id"
            f" (expected e.g. {example} or https://openalex.org/{example})"
        )
    kind, key = found
    if kind != label:
        raise BadUserInput(
            f"{value!r} is an OpenAlex {OPENALEX_NOUNS[kind]} id, not an OpenAlex"
            f" {OPENALEX_NOUNS[label]} id: look it up with {kind.lower()}(openalexId:)"
        )
    return key


def openalex_lookup(value: str) -> str | None:
    """How to look up what an OpenAlex id names (`work(openalexId: "W1")`), or None."""
    found = _openalex(value)
    return None if found is None else f'{found[0].lower()}(openalexId: "{found[1]}")'


def normalize_email(value: str) -> str:
    """Trimmed and folded (NFKC, case-folded), so that one mailbox is one account whatever
    its spelling; an address holding a character that does not show is refused."""
    hidden = hidden_character(value.strip())
    if hidden is not None:
        raise BadUserInput(f"an email address must not contain {describe(hidden)}")
    email = fold(value.strip())
    if len(email) > MAX_EMAIL or not EMAIL.match(email):
        raise BadUserInput(f"{value!r} is not an email address")
    return email


def _orcid(value: str) -> str | None:
    orcid = _without(ORCID_PREFIX, value).upper()
    if len(orcid) == 16 and "-" not in orcid:
        orcid = "-".join(orcid[start : start + 4] for start in range(0, 16, 4))
    return _matching(ORCID, orcid)


def _doi(value: str) -> str | None:
    # DOIs travel percent-encoded in URLs (10.1000%2Fabc); a literal % is written %25
    return _matching(DOI, _without(DOI_PREFIX, unquote(value)).lower())


def _arxiv_id(value: str) -> str | None:
    arxiv = _without(ARXIV_PREFIX, value).removesuffix(".pdf")
    return _matching(ARXIV, re.sub(r"v\d+$", "", arxiv))


def _ror(value: str) -> str | None:
    ror = _without(ROR_PREFIX, value).lower()
    if not ROR.match(ror):
        return None
    number = 0
    for digit in ror[1:7]:
        number = number * 32 + CROCKFORD.index(digit)
    return ror if 98 - number * 100 % 97 == int(ror[7:]) else None


def _openalex(value: str) -> tuple[str, str] | None:
    """(label, key) of an OpenAlex id; None for anything else, such as a folder and a
    letter that disagree (works/A1)."""
    found = OPENALEX.match(value.strip())
    if found is None:
        return None
    folder, letter, level = found["folder"], found["letter"], found["level"]
    if level is not None:
        return None if folder else ("Topic", f"{level.lower()}/{found['level_number']}")
    label = OPENALEX_LABELS[letter.lower()]
    if folder is not None and OPENALEX_LABELS[folder.lower()] != label:
        return None
    return label, f"{letter.upper()}{found['number']}"


def _matching(pattern: re.Pattern[str], value: str) -> str | None:
    return value if pattern.match(value) else None


def _required(canonical: str | None, message: str) -> str:
    if canonical is None:
        raise BadUserInput(message)
    return canonical


def _without(prefix: re.Pattern[str], value: str) -> str:
    """The value without any run of its URL or scheme prefixes: sources double them
    (`https://ror.org/https://ror.org/01ppj9r51`)."""
    stripped = value.strip()
    while match := prefix.match(stripped):
        stripped = stripped[match.end() :].lstrip()
    return stripped
