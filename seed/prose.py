"""Research-sounding text composed from the vocabulary: topic names, titles, abstracts."""

from __future__ import annotations

from functools import cache
from random import Random

from seed.sampling import Draw, below, pick
from seed.vocabulary import FINDINGS, PROPERTIES, ROLES, TITLE_ADJECTIVES, DomainWords

# Words that keep their capital inside a sentence.
PROPER_NOUNS = frozenset(
    {"Bayesian", "Carlo", "Chagas", "Europe", "European", "Higgs", "Lie", "Mars", "Mendelian"}
    | {"Monte", "Raman", "Riemannian", "Union"}
)


@cache
def in_sentence(phrase: str) -> str:
    """A title-case phrase as it reads mid-sentence: acronyms and names keep their case."""
    return " ".join("-".join(map(_in_sentence, word.split("-"))) for word in phrase.split(" "))


def _in_sentence(word: str) -> str:
    if len(word) == 1 or word in PROPER_NOUNS or any(c.isupper() or c.isdigit() for c in word[1:]):
        return word
    return word.lower()


def topic_names(concepts: tuple[str, ...], words: DomainWords, rng: Random) -> list[str]:
    """Every leaf topic name a subfield can have: its concepts alone first, then pairs,
    qualified and situated variants in a seeded order."""
    combined = [f"{a} and {b}" for a in concepts for b in concepts if a < b]
    combined += [f"{a} for {b}" for a in concepts for b in concepts if a != b]
    combined += [f"{modifier} {a}" for modifier in words.modifiers for a in concepts]
    combined += [f"{a} in {setting}" for setting in words.settings for a in concepts]
    rng.shuffle(combined)
    return list(concepts) + combined


def topic_description(name: str, subfield: str, related: tuple[str, ...]) -> str:
    return (
        f"Research on {in_sentence(name)} within {in_sentence(subfield)}, "
        f"often alongside {in_sentence(related[0])} and {in_sentence(related[1])}."
    )


def title(main: str, other: str, subfield: str, words: DomainWords, random: Draw) -> str:
    pattern = below(random, 12)
    if pattern == 0:
        return f"{pick(random, TITLE_ADJECTIVES)} {main} for {other}"
    if pattern == 1:
        return f"{main} and {other}: {pick(random, words.studies)}"
    if pattern == 2:
        return f"On the {pick(random, PROPERTIES)} of {main}"
    if pattern == 3:
        return f"Towards {pick(random, TITLE_ADJECTIVES)} {main} in {subfield}"
    if pattern == 4:
        return f"{main} in {pick(random, words.settings)}: {pick(random, words.studies)}"
    if pattern == 5:
        return f"Understanding {main} through {other}"
    if pattern == 6:
        return f"{pick(random, words.methods)} Approaches to {main}"
    if pattern == 7:
        return f"Revisiting {main}: {pick(random, words.studies)}"
    if pattern == 8:
        return f"The Role of {main} in {other}"
    if pattern == 9:
        return f"Improving {other} with {main}"
    if pattern == 10:
        return (
            f"Evidence for {pick(random, PROPERTIES)} in {main} from {pick(random, words.settings)}"
        )
    return f"{main}: {pick(random, TITLE_ADJECTIVES)} Methods and Open Problems"


def abstract(main: str, other: str, subfield: str, words: DomainWords, random: Draw) -> str:
    """One to three sentences; kept short so large graphs load fast."""
    main, other = in_sentence(main), in_sentence(other)
    if random() < 0.5:
        sentences = [f"We study {main} in the context of {other}."]
    else:
        setting = in_sentence(pick(random, words.settings))
        sentences = [f"Much about {main} remains poorly understood in {setting}."]
    length = below(random, 3)
    if length >= 1:
        method, units = in_sentence(pick(random, words.methods)), pick(random, words.units)
        sentences.append(
            f"Using {method} methods on {3 + below(random, 2000)} {units}, "
            f"we find {pick(random, FINDINGS)}."
        )
    if length == 2:
        sentences.append(f"The results have implications for {in_sentence(subfield)}.")
    return " ".join(sentences)


def headline(field: str, topic: str, random: Draw) -> str:
    pattern = below(random, 3)
    if pattern == 0:
        return f"{pick(random, ROLES)} in {field}"
    if pattern == 1:
        return f"Working on {in_sentence(topic)}"
    return f"{pick(random, ROLES)} · {topic}"
