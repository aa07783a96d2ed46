"""Bounds on a full-text search query, checked before Neo4j's Lucene sees it.

Lucene turns a regular expression into an automaton and a query into one clause per
term: a long repetition (`/[a-z]{1,60000}/`), a term that starts with a wildcard (every
term of the index is scanned) or thousands of terms cost the database far more than any
answer is worth. The rest of Lucene's syntax is left to Lucene, whose parse errors are
BAD_USER_INPUT too (resolvers/database.py)."""

from __future__ import annotations

import re

from core.errors import BadUserInput

MAX_LENGTH = 1_000  # characters
MAX_TERMS = 64
MAX_REGEX_LENGTH = 40  # characters between the slashes, repetition counts refused

PHRASE = re.compile(r'"(?:\\.|[^"\\])*"')
REGEX = re.compile(r"/((?:\\.|[^/\\])*)/")
OPERATORS = {"AND", "OR", "NOT", "&&", "||", "!", "+", "-"}
SEPARATORS = re.compile(r"[\s()]+")


def bounded_search(text: str) -> str:
    """The query as given, or BAD_USER_INPUT when it is beyond a bound."""
    if len(text) > MAX_LENGTH:
        raise BadUserInput(f"the search query is too long: at most {MAX_LENGTH} characters")
    terms = 0
    for regex in REGEX.finditer(PHRASE.sub(" ", text)):
        terms += 1
        body = regex.group(1)
        if len(body) > MAX_REGEX_LENGTH or "{" in body:
            raise BadUserInput(
                f"a regular expression in search is at most {MAX_REGEX_LENGTH} characters,"
                " without repetition counts"
            )
    words = REGEX.sub(" ", PHRASE.sub(" ", text))
    terms += len(PHRASE.findall(text))
    for token in SEPARATORS.split(words):
        if not token or token in OPERATORS:
            continue
        terms += 1
        word = token.lstrip("+-!").split(":", 1)[-1]
        if word[:1] in ("*", "?"):
            raise BadUserInput(f"a search term may not start with a wildcard: {token!r}")
    if terms > MAX_TERMS:
        raise BadUserInput(f"the search query has {terms} terms: at most {MAX_TERMS}")
    return text
