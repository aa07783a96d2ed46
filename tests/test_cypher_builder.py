"""The Cypher builder names every local variable afresh, so parts cannot clash."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from starlette.testclient import TestClient

from resolvers.compiler.cypher import Binding, Template
from tests.conftest import gql


def counter() -> Binding:
    numbers = itertools.count(1)
    return Binding(lambda prefix: f"{prefix}{next(numbers)}", this="n0")


def test_given_holes_take_their_value_and_locals_get_fresh_names() -> None:
    bind = counter()
    text = bind(Template("MATCH ({this})<-[:AFFILIATION]-({x}:Work) WITH DISTINCT {x} AS {w}"))

    assert text == "MATCH (n0)<-[:AFFILIATION]-(x1:Work) WITH DISTINCT x1 AS w2"


def test_templates_of_one_part_share_their_locals() -> None:
    bind = counter()
    match = bind(Template("MATCH ({this})-[{a}:AFFILIATED_WITH]->(i:Institution)"))
    order = bind(Template("{a}.since DESC"))

    assert (match, order) == ("MATCH (n0)-[a1:AFFILIATED_WITH]->(i:Institution)", "a1.since DESC")


def test_two_parts_never_share_a_local() -> None:
    numbers = itertools.count(1)
    template = Template("MATCH ({this})-[:CITES]->({w}:Work)")
    first, second = (
        Binding(lambda prefix: f"{prefix}{next(numbers)}", this="n0")(template) for _ in range(2)
    )

    assert first != second


def test_cypher_braces_are_not_holes() -> None:
    template = Template("MATCH (:Topic {key: {p}}) WHERE COUNT { (x)--() } > 0")

    assert template.holes == ("p",)
    assert template.fill(p="$p0") == "MATCH (:Topic {key: $p0}) WHERE COUNT { (x)--() } > 0"


ORDERED_FILTERED_COUNTED = """{ researchers(first: 1, orderBy: {field: WORKS_COUNT},
  where: {minWorks: 0}) { totalCount edges { node { name topics { share } } } } }"""


def test_order_filter_count_and_a_fragment_list_compile_together(client: TestClient) -> None:
    # the page's rows and the topics fragment's rows once shared a name (issue 21, row 4)
    response = gql(client, ORDERED_FILTERED_COUNTED)

    assert response.errors == []
    assert response.data["researchers"]["totalCount"] >= 1
    assert len(response.data["researchers"]["edges"]) == 1


FRAGMENTS = Path(__file__).parent.parent / "cypher" / "fragments"
BUILDER_NAME = re.compile(r"\w+_\d+")  # statement.StatementBuilder.variable's names
DECLARED = re.compile(r"\bAS\s+([A-Za-z_]\w*)|[(\[]([A-Za-z_]\w*)\s*[:)\]]")


def test_no_fragment_declares_a_name_the_builder_could_give() -> None:
    clashing = {}
    for path in sorted(FRAGMENTS.rglob("*.cypher")):
        text = re.sub(r"//.*", "", path.read_text())
        names = {name for match in DECLARED.finditer(text) for name in match.groups() if name}
        bad = sorted(name for name in names if BUILDER_NAME.fullmatch(name) or name == "root")
        if bad:
            clashing[path.name] = bad

    assert clashing == {}
    assert len(list(FRAGMENTS.rglob("*.cypher"))) > 5  # the walk found the fragments
