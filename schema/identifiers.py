"""Alternate identifiers clients paste in many spellings: one canonical form each."""

from __future__ import annotations

import re

from schema.errors import BadInput

ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
ARXIV = re.compile(r"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})$")


def normalize_orcid(value: str) -> str:
    orcid = _strip_prefixes(value.strip(), "https://orcid.org/", "http://orcid.org/", "orcid.org/")
    orcid = orcid.upper()
    if not ORCID.match(orcid):
        raise BadInput(f"{value!r} is not an ORCID iD (expected 0000-0000-0000-0000)")
    return orcid


def normalize_doi(value: str) -> str:
    doi = _strip_prefixes(
        value.strip().lower(), "https://doi.org/", "http://doi.org/", "doi.org/", "doi:"
    )
    if not DOI.match(doi):
        raise BadInput(f"{value!r} is not a DOI (expected 10.xxxx/...)")
    return doi


def normalize_arxiv_id(value: str) -> str:
    arxiv = _strip_prefixes(value.strip(), "https://arxiv.org/abs/", "arXiv:", "arxiv:")
    arxiv = re.sub(r"v\d+$", "", arxiv)
    if not ARXIV.match(arxiv):
        raise BadInput(f"{value!r} is not an arXiv id (expected e.g. 2204.12554)")
    return arxiv


def _strip_prefixes(value: str, *prefixes: str) -> str:
    for prefix in prefixes:
        if value.lower().startswith(prefix.lower()):
            return value[len(prefix) :]
    return value
