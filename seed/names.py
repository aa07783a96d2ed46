"""Whether two bylines name the same person: the name rule of docs/identity.md.

Names are compared as a family name and the given names' initials, after folding accents,
case and punctuation, so "Mukherjee, A." and "Anirbit Mukherjee" agree while "Sun, M." and
"Zhengkai Sun" do not. The rule is only ever applied to two entries of one work's byline:
on its own a name says too little (docs/identity.md, "False merges").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class PersonName:
    family: str
    given: tuple[str, ...]  # given names in order, folded; an initial is one letter


def fold(text: str) -> str:
    """Lower case without accents: "Zoë Ñúñez" -> "zoe nunez"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def person_name(name: str) -> PersonName | None:
    """ "Family, Given" or "Given Family"; None for a name without a letter."""
    family_part, comma, given_part = fold(name).partition(",")
    if comma:
        family_words, given_words = WORD.findall(family_part), WORD.findall(given_part)
    else:
        words = WORD.findall(family_part)
        family_words, given_words = words[-1:], words[:-1]
    if not family_words:
        return None
    # Particles ("van der Berg") are written before or after the given names by different
    # sources; the last word of the family name is the one both spellings keep.
    return PersonName(family_words[-1], tuple(given_words))


def same_person(one: str, other: str) -> bool:
    """Same family name, and given names that agree as far as both give them: each pair in
    order is equal, or one is the other's initial. A missing given name agrees with any."""
    first, second = person_name(one), person_name(other)
    if first is None or second is None or first.family != second.family:
        return False
    return all(
        a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
        for a, b in zip(first.given, second.given, strict=False)
    )


@dataclass(frozen=True)
class Entry:
    """One author of a byline: their place (1-based), who they are, and the name shown."""

    position: int
    identity: str
    name: str


def match_bylines(stored: Sequence[Entry], incoming: Sequence[Entry]) -> dict[str, str]:
    """incoming identity -> stored identity, for the authors two bylines of one work share:
    first the same place with agreeing names, then, among those left, a name that agrees
    with exactly one entry on each side."""
    matched: dict[str, str] = {}
    at = {entry.position: entry for entry in stored}
    for entry in incoming:
        held = at.get(entry.position)
        if held is not None and same_person(entry.name, held.name):
            matched[entry.identity] = held.identity
    taken = set(matched.values())
    left_stored = [entry for entry in stored if entry.identity not in taken]
    left_incoming = [entry for entry in incoming if entry.identity not in matched]
    for entry in left_incoming:
        candidates = [held for held in left_stored if same_person(entry.name, held.name)]
        if len(candidates) != 1:
            continue
        rivals = [other for other in left_incoming if same_person(other.name, candidates[0].name)]
        if len(rivals) == 1:
            matched[entry.identity] = candidates[0].identity
    return matched
