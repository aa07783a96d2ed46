"""A work's citation in the formats reference managers read: BibTeX, RIS and CSL-JSON.

Each is made from the same record (`CitedWork`): what the graph holds of the work, with its
authors' names in byline order. A value the graph does not hold is left out, never guessed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

# The closest type of each format for each OpenAlex work type; the last is for any other.
BIBTEX_TYPES = {
    "article": "article",
    "review": "article",
    "editorial": "article",
    "letter": "article",
    "book": "book",
    "book-chapter": "incollection",
    "dissertation": "phdthesis",
    "report": "techreport",
    "preprint": "misc",
    "dataset": "misc",
}
RIS_TYPES = {
    "article": "JOUR",
    "review": "JOUR",
    "editorial": "JOUR",
    "letter": "JOUR",
    "book": "BOOK",
    "book-chapter": "CHAP",
    "dissertation": "THES",
    "report": "RPRT",
    "dataset": "DATA",
    "preprint": "GEN",
}
CSL_TYPES = {
    "article": "article-journal",
    "review": "review",
    "editorial": "article-journal",
    "letter": "article-journal",
    "book": "book",
    "book-chapter": "chapter",
    "dissertation": "thesis",
    "report": "report",
    "dataset": "dataset",
    "preprint": "article",
    "standard": "standard",
}
# BibTeX's special characters, escaped so that a title prints as it reads
BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


class CitationFormat(Enum):
    BIBTEX = "bibtex"
    RIS = "ris"
    CSL_JSON = "csl-json"


@dataclass(frozen=True)
class CitedWork:
    key: str
    type: str | None
    title: str | None
    year: int | None
    published_on: str | None  # ISO date
    venue: str | None
    doi: str | None
    arxiv_id: str | None
    authors: tuple[str, ...]

    @classmethod
    def of_row(cls, row: Mapping[str, Any]) -> CitedWork:
        """From cypher/fragments/work_citation.cypher's value."""
        return cls(
            key=row["key"],
            type=row.get("type"),
            title=row.get("title"),
            year=row.get("year"),
            published_on=row.get("publishedOn"),
            venue=row.get("venue"),
            doi=row.get("doi"),
            arxiv_id=row.get("arxivId"),
            authors=tuple(row.get("authors") or ()),
        )


def cite(work: CitedWork, citation_format: CitationFormat) -> str:
    return FORMATTERS[citation_format](work)


def bibtex(work: CitedWork) -> str:
    fields = [
        ("author", " and ".join(_bibtex_name(name) for name in work.authors) or None),
        ("title", None if work.title is None else "{" + _escaped(work.title) + "}"),
        ("journal" if _bibtex_type(work) == "article" else "howpublished", work.venue),
        ("year", None if work.year is None else str(work.year)),
        ("doi", work.doi),
        ("eprint", work.arxiv_id),
        ("archiveprefix", None if work.arxiv_id is None else "arXiv"),
    ]
    lines = [f"  {name} = {{{_escaped_value(name, value)}}}" for name, value in fields if value]
    return f"@{_bibtex_type(work)}{{{citation_key(work)},\n" + ",\n".join(lines) + "\n}\n"


def ris(work: CitedWork) -> str:
    lines = [("TY", RIS_TYPES.get(work.type or "", "GEN"))]
    lines += [("AU", name) for name in work.authors]
    lines += [
        (tag, value)
        for tag, value in (
            ("TI", work.title),
            ("T2", work.venue),
            ("PY", None if work.year is None else str(work.year)),
            ("DA", None if work.published_on is None else work.published_on.replace("-", "/")),
            ("DO", work.doi),
            ("UR", None if work.arxiv_id is None else f"https://arxiv.org/abs/{work.arxiv_id}"),
        )
        if value
    ]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


def csl_json(work: CitedWork) -> str:
    item: dict[str, Any] = {"id": work.key, "type": CSL_TYPES.get(work.type or "", "document")}
    if work.title:
        item["title"] = work.title
    if work.authors:
        item["author"] = [_csl_name(name) for name in work.authors]
    if work.venue:
        item["container-title"] = work.venue
    if work.published_on:
        item["issued"] = {"date-parts": [[int(part) for part in work.published_on.split("-")]]}
    elif work.year is not None:
        item["issued"] = {"date-parts": [[work.year]]}
    if work.doi:
        item["DOI"] = work.doi
    if work.arxiv_id:
        item["URL"] = f"https://arxiv.org/abs/{work.arxiv_id}"
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def citation_key(work: CitedWork) -> str:
    """The first author's family name and the year, as reference managers make them."""
    family = _split_name(work.authors[0])[1] if work.authors else "anonymous"
    # keys are ASCII for BibTeX: accents go, the letters they sit on stay
    plain = unicodedata.normalize("NFKD", family).encode("ascii", "ignore").decode()
    letters = re.sub(r"[^0-9a-z]", "", plain.lower()) or "anonymous"
    return f"{letters}{'' if work.year is None else work.year}"


def _bibtex_type(work: CitedWork) -> str:
    return BIBTEX_TYPES.get(work.type or "", "misc")


def _bibtex_name(name: str) -> str:
    given, family = _split_name(name)
    return _escaped(family if not given else f"{family}, {given}")


def _escaped(text: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", text)


def _escaped_value(name: str, value: str) -> str:
    # the title and the names are escaped as they are built; the others are plain
    return value if name in ("author", "title") else _escaped(value)


def _csl_name(name: str) -> dict[str, str]:
    given, family = _split_name(name)
    return {"family": family, "given": given} if given else {"literal": name}


def _split_name(name: str) -> tuple[str, str]:
    """(given names, family name): the last word is the family name, as the graph stores a
    name whole."""
    words = name.split()
    if len(words) < 2:
        return "", name.strip()
    return " ".join(words[:-1]), words[-1]


FORMATTERS: Mapping[CitationFormat, Callable[[CitedWork], str]] = {
    CitationFormat.BIBTEX: bibtex,
    CitationFormat.RIS: ris,
    CitationFormat.CSL_JSON: csl_json,
}
