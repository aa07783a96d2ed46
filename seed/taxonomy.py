"""An OpenAlex-like topic hierarchy (domain > field > subfield > topic) scaled to a graph."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from random import Random

from seed.prose import in_sentence, topic_description, topic_names
from seed.rows import TopicRow
from seed.vocabulary import DOMAIN_DESCRIPTIONS, DOMAIN_WORDS, DOMAINS, FIELDS, DomainWords


@dataclass(frozen=True)
class Leaf:
    key: str
    name: str
    concepts: tuple[str, ...]  # the subfield concepts its name is built on


@dataclass(frozen=True)
class Subfield:
    """A subfield is also a research community: its researchers mostly write together."""

    name: str
    field: str
    words: DomainWords
    concepts: tuple[str, ...]
    leaves: tuple[Leaf, ...]
    leaf_weights: tuple[float, ...]  # cumulative: a few topics are much more popular


@dataclass(frozen=True)
class Taxonomy:
    rows: list[TopicRow]
    subfields: list[Subfield]
    subfield_weights: list[float]  # cumulative share of the works of each community


def sizes(works: int) -> tuple[int, int, int]:
    """(fields, subfields, leaf topics): 20, 100 and 2,000 at a million works."""
    leaves = min(2000, max(50, works // 500))
    subfields = min(100, max(12, leaves // 20))
    fields = min(20, max(8, subfields // 5))
    return fields, subfields, leaves


def build_taxonomy(works: int, rng: Random) -> Taxonomy:
    field_count, subfield_count, leaf_count = sizes(works)
    fields = FIELDS[:field_count]
    rows: list[TopicRow] = []

    def add(name: str, description: str, level: str, parent: str | None) -> str:
        key = f"gen:t:{len(rows)}"
        rows.append(
            {"key": key, "name": name, "description": description, "level": level, "parent": parent}
        )
        return key

    domain_keys = {
        domain: add(domain, DOMAIN_DESCRIPTIONS[domain], "domain", None) for domain in DOMAINS
    }
    field_keys = {
        field.name: add(
            field.name,
            f"{field.name} within the {field.domain.lower()}.",
            "field",
            domain_keys[field.domain],
        )
        for field in fields
    }
    # Round-robin over fields so every field gets subfields before any gets a sixth.
    chosen = [
        (field, field.subfields[index])
        for index in range(max(len(field.subfields) for field in fields))
        for field in fields
        if index < len(field.subfields)
    ][:subfield_count]
    taken = {row["name"] for row in rows}
    subfields = []
    for position, (field, (name, concept_text)) in enumerate(chosen):
        concepts = tuple(concept_text.split("|"))
        words = DOMAIN_WORDS[field.domain]
        subfield_key = add(
            name,
            f"{name}: {', '.join(map(in_sentence, concepts[:3]))} and related problems "
            f"in {field.name}.",
            "subfield",
            field_keys[field.name],
        )
        taken.add(name)
        count = leaf_count // subfield_count + (position < leaf_count % subfield_count)
        leaves: list[Leaf] = []
        for leaf_name in topic_names(concepts, words, rng):
            if len(leaves) == count:
                break
            if leaf_name in taken:
                continue
            taken.add(leaf_name)
            used = tuple(concept for concept in concepts if concept in leaf_name)
            related = tuple(concept for concept in concepts if concept not in used)
            description = topic_description(leaf_name, name, related)
            key = add(leaf_name, description, "topic", subfield_key)
            leaves.append(Leaf(key, leaf_name, used))
        subfields.append(
            Subfield(name, field.name, words, concepts, tuple(leaves), zipf_weights(len(leaves)))
        )
    ranks = list(range(len(subfields)))
    rng.shuffle(ranks)
    weights = [1 / (1 + rank) ** 0.7 for rank in ranks]
    return Taxonomy(rows, subfields, list(accumulate(weights)))


def zipf_weights(count: int, exponent: float = 0.8) -> tuple[float, ...]:
    """Cumulative weights 1, 1/2^s, 1/3^s, ... as seed.sampling.weighted takes them."""
    return tuple(accumulate(1 / (rank + 1) ** exponent for rank in range(count)))
