"""Institutions with ROR-like ids; a few large ones employ most researchers."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from random import Random

from seed.rows import InstitutionRow
from seed.synthetic_ids import ror
from seed.vocabulary import (
    CITIES,
    COUNTRIES,
    INSTITUTION_PATTERNS,
    INSTITUTION_TYPES,
    LAST_NAMES,
)


@dataclass(frozen=True)
class Institutions:
    rows: list[InstitutionRow]
    weights: list[float]  # cumulative, for random.choices


def institution_count(works: int) -> int:
    return max(20, works // 400)


def build_institutions(works: int, fields: list[str], rng: Random) -> Institutions:
    types = [name for name, _ in INSTITUTION_TYPES]
    type_weights = list(accumulate(share for _, share in INSTITUTION_TYPES))
    rows: list[InstitutionRow] = []
    names: set[str] = set()
    for index in range(institution_count(works)):
        kind = rng.choices(types, cum_weights=type_weights)[0]
        city, country = rng.choice(CITIES)
        name = _name(kind, city, country, fields, rng)
        while name in names:
            city, country = rng.choice(CITIES)
            name = f"{_name(kind, city, country, fields, rng)}, {city}"
        names.add(name)
        rows.append(
            {
                "key": f"gen:i:{index}",
                "name": name,
                "ror": ror(index),
                "country": country,
                "type": kind,
            }
        )
    weights = accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(rows)))
    return Institutions(rows, list(weights))


def _name(kind: str, city: str, country: str, fields: list[str], rng: Random) -> str:
    return rng.choice(INSTITUTION_PATTERNS[kind]).format(
        city=city,
        country=COUNTRIES[country],
        last=rng.choice(LAST_NAMES),
        field=rng.choice(fields),
    )
