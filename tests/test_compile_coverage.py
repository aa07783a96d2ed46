"""Every field of every type compiles: a field the schema declares without a compile rule
(or a column its parent's rule provides) fails here, without a database, instead of at
run time as NotCompiled. The documents are tests/schema_walk.py's, made from the schema
itself, so a new field is walked the moment it is declared. List bounds have their own
walk in tests/test_cost.py.
"""

from __future__ import annotations

from graphql import get_operation_ast, parse

from core.global_ids import encode_id
from resolvers.compiler.compile import NotCompiled
from resolvers.compiler.request import RequestArguments
from resolvers.operations import coerce_variables
from tests.schema_walk import node_documents, root_documents
from tests.test_cypher_snapshots import schema_and_settings

KINDS = ("Researcher", "Work", "Topic", "Institution")
VIEWER = "walk-user-1"  # a signed-in user's key: the viewer's fields need one
OTHER_RESEARCHER = encode_id("Researcher", "walk-researcher-2")


def walked() -> dict[str, tuple[str, dict[str, str]]]:
    """Every walk document with variables to compile it with, by where it walks."""
    schema, _ = schema_and_settings()
    graphql_schema = schema.graphql_schema
    documents: dict[str, tuple[str, dict[str, str]]] = {}
    for kind in KINDS:
        id = encode_id(kind, f"walk-{kind.lower()}-1")
        for field, document in node_documents(graphql_schema, kind).items():
            documents[f"{kind}.{field}"] = (document, {"id": id, "to": OTHER_RESEARCHER})
    researcher = encode_id("Researcher", "walk-researcher-1")
    for name, document in root_documents(graphql_schema).items():
        documents[f"Query.{name}"] = (document, {"id": researcher, "to": OTHER_RESEARCHER})
    return documents


def compile_for_viewer(text: str, variables: dict[str, str]) -> None:
    schema, _ = schema_and_settings()
    document = parse(text)
    operation = get_operation_ast(document)
    assert operation is not None
    coerced = coerce_variables(schema.graphql_schema, operation, variables)
    request = RequestArguments(coerced, lambda: VIEWER)
    assert schema.plans.plan(text, document, operation, request) is not None


def test_every_field_of_every_type_compiles() -> None:
    documents = walked()
    not_compiled = []
    for name, (document, given) in documents.items():
        used = {key: value for key, value in given.items() if f"${key}" in document}
        try:
            compile_for_viewer(document, used)
        except NotCompiled as error:
            not_compiled.append(f"{name}: {error}")

    assert not_compiled == []
    assert len(documents) > 100  # the walk is not empty
