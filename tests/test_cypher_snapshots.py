"""Snapshots of the Cypher each GraphQL operation compiles into, with its parameters.

In the style of @neo4j/graphql's TCK tests: every operation of CORPUS is compiled,
without a database, into one statement per root field, and tests/snapshots/<name>.md
holds the document, its variables, each statement and its parameters. A compiler change
that changes a statement fails here with a diff, to be read and then accepted:

    PEERGRAPH_UPDATE_SNAPSHOTS=1 .venv/bin/pytest -p no:cacheprovider tests/test_cypher_snapshots.py

rewrites the snapshots (and removes those no operation makes any more); review them with
`git diff tests/snapshots`.

Statements are laid out for reading: line breaks and indentation go before clauses, and
only whitespace between tokens differs from the compiled text. A parameter whose value is
the current year reads "<this year>", so the snapshots hold in any year.

Every operation also checks that no request value ever becomes Cypher text: the corpus's
variables and string literals carry marker values (zq-..., 1987...), which must reach the
statements as parameters and never appear in a statement's text.
"""

from __future__ import annotations

import datetime
import difflib
import inspect
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from graphql import (
    DocumentNode,
    StringValueNode,
    get_operation_ast,
    parse,
    visit,
)
from graphql.language import Visitor

from core.global_ids import decode_opaque, encode_id, key_cursor, list_identity, offset_cursor
from core.identifiers import normalize_arxiv_id, normalize_doi, normalize_orcid, normalize_ror
from resolvers.compiler.request import RequestArguments
from resolvers.operations import coerce_variables
from schema.schema import PeergraphSchema, build_schema
from server.settings import Settings

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("PEERGRAPH_UPDATE_SNAPSHOTS") == "1"


@dataclass(frozen=True)
class Operation:
    name: str  # the snapshot's file name
    about: str
    document: str
    variables: dict[str, Any] = field(default_factory=dict)
    # request values the plan reads as facts only (an id's kind), never as parameters
    facts: tuple[str, ...] = ()


# Marker values: distinctive enough that finding one in a statement's text can only mean
# the request's value was pasted into it.
RESEARCHER = encode_id("Researcher", "zq-researcher-1")
COAUTHOR = encode_id("Researcher", "zq-researcher-2")
WORK = encode_id("Work", "zq-work-1")
TOPIC = encode_id("Topic", "zq-topic-1")
INSTITUTION = encode_id("Institution", "zq-institution-1")
USER = encode_id("User", "zq-user-1")
ORCID = "https://orcid.org/0000-0003-1415-926X"
DOI = "https://doi.org/10.5555/ZQ-Marker-DOI"
ARXIV = "arXiv:2411.09876v3"
ROR = "https://ror.org/0zqmrkt10"  # a valid ROR id: its checksum holds
# cursors of a list paged by key, and of lists paged by offset (each names its list)
RESEARCHERS_AFTER = key_cursor("zq-after-key", list_identity("Query", "researchers", None))
INSTITUTIONS_AFTER = key_cursor("zq-after-key", list_identity("Query", "institutions", None))
WORKS_AFTER = offset_cursor(4, list_identity("Query", "works", ("title", "asc")))
TOPIC_WORKS_AFTER = offset_cursor(4, list_identity("Topic", "works", None), "zq-topic-1")
CITED_BY_AFTER = offset_cursor(4, list_identity("Work", "citedBy", None), "zq-work-1")

WORK_FIELDS = "id type title abstract year publishedOn venue doi arxivId openAccess citedByCount"
PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"

CORPUS: list[Operation] = [
    # Root lookups
    Operation(
        "researcher_by_id",
        "A researcher by global id: one MATCH on the key, its fields projected.",
        """query ($id: ID!) {
          researcher(id: $id) { __typename id name headline orcid openToCollaborate }
        }""",
        {"id": RESEARCHER},
    ),
    Operation(
        "researcher_by_orcid",
        "A researcher by ORCID iD (a URL spelling), with the profile affiliation.",
        """query ($orcid: String!) {
          researcher(orcid: $orcid) { name orcid affiliation { id name ror country type domains } }
        }""",
        {"orcid": ORCID},
    ),
    Operation(
        "work_by_id",
        "A work by global id, every scalar field.",
        f"query ($id: ID!) {{ work(id: $id) {{ {WORK_FIELDS} }} }}",
        {"id": WORK},
    ),
    Operation(
        "work_by_doi_and_arxiv_id",
        "Works by DOI (a URL, upper case) and by arXiv id (prefix, version), under aliases.",
        """query ($doi: String!, $arxiv: String!) {
          byDoi: work(doi: $doi) { title doi }
          byArxiv: work(arxivId: $arxiv) { title arxivId }
        }""",
        {"doi": DOI, "arxiv": ARXIV},
    ),
    Operation(
        "institution_by_id_and_ror",
        "Institutions by global id and by ROR id given as a literal, and a topic by id.",
        f"""query ($id: ID!, $topic: ID!) {{
          a: institution(id: $id) {{ name ror }}
          b: institution(ror: "{ROR}") {{ name country }}
          topic(id: $topic) {{ name level description parent {{ name parent {{ name }} }} }}
        }}""",
        {"id": INSTITUTION, "topic": TOPIC},
    ),
    Operation(
        "lookups_by_openalex_id",
        "Each kind by OpenAlex id (URL, lower case, API URL, a subfield): a seek on the key.",
        """query ($work: String!, $researcher: String!, $institution: String!) {
          work(openalexId: $work) { title }
          researcher(openalexId: $researcher) { name }
          institution(openalexId: $institution) { name }
          topic(openalexId: "https://openalex.org/subfields/19870004") { name level }
        }""",
        {
            "work": "https://openalex.org/W19870001",
            "researcher": "a19870002",
            "institution": "https://api.openalex.org/institutions/I19870003",
        },
    ),
    Operation(
        "node",
        "node(id): the id's kind picks the label; an id of a user is null without a statement.",
        """query ($id: ID!, $user: ID!) {
          node(id: $id) { __typename id ... on Researcher { name } ... on Work { title } }
          user: node(id: $user) { id }
        }""",
        {"id": RESEARCHER, "user": USER},
        facts=(USER,),
    ),
    Operation(
        "nodes",
        "nodes(ids): one branch per kind the ids name, each with its inline fragment.",
        """query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            __typename id
            ... on Researcher { name }
            ... on Work { title year }
            ... on Topic { name level }
            ... on Institution { name ror }
          }
        }""",
        {"ids": [RESEARCHER, WORK, TOPIC, INSTITUTION, USER]},
    ),
    # Root connections
    Operation(
        "researchers_first_page",
        "All researchers by key: keyset paging, first page, with totalCount.",
        f"""{{ researchers(first: 5) {{
          totalCount {PAGE_INFO} edges {{ cursor node {{ id name }} }} }} }}""",
    ),
    Operation(
        "researchers_after",
        "All researchers by key after a cursor: the key comparison is a parameter.",
        f"""query ($after: String) {{ researchers(first: 5, after: $after) {{
          {PAGE_INFO} edges {{ cursor node {{ name }} }} }} }}""",
        {"after": RESEARCHERS_AFTER},
    ),
    Operation(
        "topics_and_institutions",
        "Topics and institutions by key, with and without `after`, as two statements.",
        f"""query ($after: String) {{
          topics(first: 3) {{ totalCount edges {{ node {{ name level }} }} }}
          institutions(after: $after) {{ {PAGE_INFO} edges {{ cursor node {{ name }} }} }}
        }}""",
        {"after": INSTITUTIONS_AFTER},
    ),
    Operation(
        "works_where_ordered_offset",
        "Works filtered and ordered: offset paging after an offset cursor.",
        f"""query ($where: WorkWhere, $order: WorkOrder, $after: String) {{
          works(where: $where, orderBy: $order, first: 3, after: $after) {{
            totalCount {PAGE_INFO} edges {{ cursor node {{ title year citedByCount }} }} }}
        }}""",
        {
            "where": {
                "yearFrom": 1987,
                "venue": "zq-venue-1",
                "NOT": {"OR": [{"titleContains": "ZQ-Title-1"}]},
            },
            "order": {"field": "TITLE", "direction": "ASC"},
            "after": WORKS_AFTER,
        },
    ),
    Operation(
        "works_anchored",
        "Works whose `where` names a topic, an author or an institution start from that node.",
        """query ($topic: ID!, $author: ID!, $institution: ID!) {
          byTopic: works(where: {topic: $topic, yearTo: 2019}) { edges { node { title } } }
          byAuthor: works(where: {author: $author}, orderBy: {field: YEAR}) { totalCount }
          byInstitution: works(where: {institution: $institution, openAccess: true}) {
            edges { node { title } } }
        }""",
        {"topic": TOPIC, "author": RESEARCHER, "institution": INSTITUTION},
    ),
    Operation(
        "facets",
        "Facets beside a page: groupBy and aggregate over a topic's works since a year, and"
        " groupBy TOPIC over every work, read from the topics' degrees.",
        """query ($topic: ID!) {
          topic(id: $topic) {
            works(first: 5, where: {yearFrom: 2018}) {
              totalCount edges { node { title } }
              groupBy(field: INSTITUTION, first: 3) { groupsCount groups { key count } }
              aggregate { citations { sum average } year { min max } }
            }
          }
          every: works(first: 0) { groupBy(field: TOPIC) { groups { key keyDisplayName count } } }
        }""",
        {"topic": TOPIC},
    ),
    Operation(
        "researchers_where_ordered",
        "Researchers filtered by an OR, NOT and plain fields, ordered by works count.",
        """query ($where: ResearcherWhere) {
          researchers(where: $where, orderBy: {field: WORKS_COUNT}) {
            totalCount edges { cursor node { name } } }
        }""",
        {
            "where": {
                "OR": [{"topic": TOPIC}, {"nameContains": "Zq-Name-1"}],
                "hasOrcid": False,
                "NOT": {"minWorks": 3, "institution": INSTITUTION},
            }
        },
    ),
    Operation(
        "total_count_only",
        "Only totalCount: a COUNT and no page of items.",
        """query ($where: ResearcherWhere) {
          works { totalCount }
          researchers(where: $where) { totalCount }
        }""",
        {"where": {"openToCollaborate": True, "nameContains": "zq-name-2"}},
    ),
    # Nested lists and where trees
    Operation(
        "nested_works_where_tree",
        "A researcher's works under AND, OR and NOT, ordered by citations, offset paging.",
        """query ($id: ID!, $where: WorkWhere) {
          researcher(id: $id) {
            works(first: 4, where: $where, orderBy: {field: CITED_BY_COUNT, direction: DESC}) {
              totalCount edges { node { title citedByCount } } }
          }
        }""",
        {
            "id": RESEARCHER,
            "where": {
                "AND": [{"yearFrom": 1987}, {"yearTo": 2019}],
                "OR": [{"openAccess": True}, {"type": ["PREPRINT", "ARTICLE"]}],
                "NOT": {"venue": "zq-venue-2", "AND": [{"titleContains": "zq-title-2"}]},
            },
        },
    ),
    Operation(
        "nested_empty_or_and_empty_not",
        "`OR: []` matches nothing and `NOT: {}` matches nothing: constants in the text.",
        """query ($id: ID!) {
          researcher(id: $id) {
            none: works(where: {OR: []}) { totalCount }
            notAll: works(where: {NOT: {}}) { totalCount }
            all: works(where: {AND: [], NOT: {OR: []}}) { totalCount }
            worksByYear(where: {NOT: {OR: []}}) { year works }
          }
        }""",
        {"id": RESEARCHER},
    ),
    Operation(
        "topic_and_institution_lists",
        "A topic's and an institution's researchers, works and top topics, each paged.",
        """query ($topic: ID!, $institution: ID!, $after: String) {
          topic(id: $topic) {
            researchers(first: 3, orderBy: {field: NAME, direction: ASC},
                        where: {nameContains: "zq-name-3"}) { totalCount edges { node { name } } }
            works(where: {titleContains: "zq-title-3"}, after: $after) { edges { node { title } } }
            worksByYear { year works }
          }
          institution(id: $institution) {
            researchers(where: {minWorks: 2}) { edges { node { name } } }
            works(first: 2) { edges { node { arxivId } } }
            worksByYear(where: {yearFrom: 1987}) { year works }
            topTopics(first: 2) { works researchers share topic { name } }
          }
        }""",
        {"topic": TOPIC, "institution": INSTITUTION, "after": TOPIC_WORKS_AFTER},
    ),
    Operation(
        "root_works_by_year",
        "worksByYear at the root, with and without `where`.",
        """query ($where: WorkWhere) {
          all: worksByYear { year works }
          some: worksByYear(where: $where) { year works }
        }""",
        {"where": {"author": RESEARCHER, "titleContains": "zq-title-4"}},
    ),
    # Directives, fragments, aliases
    Operation(
        "skip_and_include_true",
        "@skip(if: true) and @include(if: true): the plan depends on them as facts.",
        """query ($id: ID!, $skip: Boolean!, $include: Boolean!) {
          researcher(id: $id) {
            name headline @skip(if: $skip) orcid @include(if: $include)
            works(first: 1) @include(if: $include) { edges { node { title } } }
            ... on Researcher @skip(if: $skip) { openToCollaborate }
          }
        }""",
        {"id": RESEARCHER, "skip": True, "include": True},
    ),
    Operation(
        "skip_and_include_false",
        "The same document with @skip(if: false) and @include(if: false).",
        """query ($id: ID!, $skip: Boolean!, $include: Boolean!) {
          researcher(id: $id) {
            name headline @skip(if: $skip) orcid @include(if: $include)
            works(first: 1) @include(if: $include) { edges { node { title } } }
            ... on Researcher @skip(if: $skip) { openToCollaborate }
          }
        }""",
        {"id": RESEARCHER, "skip": False, "include": False},
    ),
    Operation(
        "fragments_and_aliases",
        "Named and inline fragments, one field under two aliases, fields merged by key.",
        """query Card($id: ID!) {
          __typename
          r: researcher(id: $id) {
            ...Card
            ... on Researcher { h: headline name }
            ... { id }
          }
        }
        fragment Card on Researcher {
          n: name name
          recent: works(first: 2) { edges { node { ...WorkCard } } }
          oldest: works(first: 1, orderBy: {field: YEAR, direction: ASC}) {
            edges { node { ...WorkCard t: title } } }
        }
        fragment WorkCard on Work { __typename t: title year }""",
        {"id": RESEARCHER},
    ),
    # Profile pieces
    Operation(
        "stats_trust_topics",
        "Stats, trust and topics: counts, and fragments of cypher/fragments embedded.",
        """query ($id: ID!) {
          researcher(id: $id) {
            stats { works followers topics closeCollaborators citations hIndex }
            trust { score band label verificationLevel claimed
                    components { name points maxPoints reason } }
            verificationLevel claimStatus viewerFollows
            topics(first: 3) { share works topic { name level } }
            worksByYear(where: {yearTo: 2019}) { year works }
          }
        }""",
        {"id": RESEARCHER},
    ),
    Operation(
        "work_references_and_cited_by",
        "A work's references and citing works: paged, filtered, ordered and counted like"
        " every list of works, the citing works' own references nested in the same statement.",
        """query ($id: ID!, $where: WorkWhere, $after: String) {
          work(id: $id) {
            citedByCount
            references(first: 3, orderBy: {field: CITED_BY_COUNT, direction: DESC}) {
              totalCount edges { cursor node { title citedByCount } } }
            citedBy(first: 2, where: $where, after: $after) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { node { title year references { totalCount } } } }
          }
        }""",
        {
            "id": WORK,
            "where": {"yearFrom": 1987, "NOT": {"titleContains": "zq-title-5"}},
            "after": CITED_BY_AFTER,
        },
    ),
    Operation(
        "work_authors_topics_institutions",
        "A work's authors (paged) with their paper-level institutions, topics, institutions.",
        """query ($id: ID!) {
          work(id: $id) {
            title
            authors(first: 3) { position researcher { id name } institutions { name } }
            topics { score topic { name level parent { name } } }
            institutions { name country }
          }
        }""",
        {"id": WORK},
    ),
    Operation(
        "profile_page",
        "The README's profile page: one statement for the whole page.",
        """query Profile($id: ID!) {
          researcher(id: $id) {
            name headline affiliation { name } openToCollaborate
            stats { works followers topics closeCollaborators }
            trust { score label verificationLevel claimed }
            works(first: 4) {
              edges { node { type year venue title authors { researcher { name } } } }
            }
          }
        }""",
        {"id": RESEARCHER},
    ),
    # The explorer's and search's root fields
    Operation(
        "collaborators_and_recommendations",
        "A researcher's collaborators and recommended collaborators.",
        """query ($id: ID!) {
          researcher(id: $id) {
            collaborators(first: 3, worksPerCollaborator: 2) {
              researcher { name } sharedWorks strength firstYear lastYear close works { title } }
            recommendedCollaborators(first: 2) {
              researcher { name } score sharedCoauthors sharedTopics reasons }
          }
        }""",
        {"id": RESEARCHER},
    ),
    Operation(
        "explorer",
        "graph, neighbors and collaborationPath at the root.",
        """query ($center: ID!, $topic: ID!, $from: ID!, $to: ID!) {
          graph(center: $center, depth: 2, limitPerKind: 3) {
            center truncated nodes { id kind label weight strength hop }
            edges { id source target kind weight } }
          neighbors(id: $topic, kinds: [WORK, RESEARCHER], first: 3) {
            center totalCount truncated nodes { id kind label } edges { source target kind }
            pageInfo { hasNextPage endCursor } }
          collaborationPath(from: $from, to: $to, maxHops: 3) {
            length hops { source { name } work { title } target { name } } }
        }""",
        {"center": RESEARCHER, "topic": TOPIC, "from": RESEARCHER, "to": COAUTHOR},
    ),
    Operation(
        "search",
        "search: full-text query and identifiers as parameters, hits typed by kind.",
        """query ($query: String!) {
          text: search(query: $query, kinds: [WORK, RESEARCHER], first: 5) {
            score node { __typename id ... on Work { title } ... on Researcher { name } } }
          doi: search(query: "10.5555/zq-search-doi") { score node { id } }
        }""",
        {"query": "zq-search-1 AND attention"},
    ),
]


# Compiling without a database


@dataclass(frozen=True)
class CompiledStep:
    key: str
    text: str | None  # None: no statement runs
    parameters: dict[str, Any]
    note: str = ""  # why no statement runs, and what else the plan says about the step


@dataclass(frozen=True)
class CompiledOperation:
    compiled: bool  # False: the compiler leaves it to graphql-core's executor
    steps: tuple[CompiledStep, ...]

    def statements(self) -> Iterator[CompiledStep]:
        return (step for step in self.steps if step.text is not None)


@cache
def schema_and_settings() -> tuple[PeergraphSchema, Settings]:
    """The schema with the default settings, whatever the environment says: page sizes
    and fan-outs are parameters the snapshots show."""
    ours = ("PEERGRAPH_", "NEO4J_")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    with mock.patch.dict(os.environ, environment, clear=True):
        settings = Settings(_env_file=None)
    return build_schema(
        settings.request_limits(), introspection=settings.allows_introspection
    ), settings


def compile_operation(operation: Operation) -> CompiledOperation:
    """What the server's pipeline plans for this request, with the
    schema's own plans (as one server keeps them for all its requests)."""
    schema, _ = schema_and_settings()
    document = parse(operation.document)
    found = get_operation_ast(document)
    assert found is not None, operation.name
    variables = coerce_variables(schema.graphql_schema, found, operation.variables)
    request = RequestArguments(variables, lambda: None)
    plan = schema.plans.plan(operation.document, document, found, request)
    if plan is None:
        return CompiledOperation(False, ())
    steps = []
    for step in plan.steps:
        statement = step.statement
        parameters = request.parameters(step.parameters)
        if statement is None:
            note = (
                f"No statement: `__typename` is `{step.typename}`."
                if step.typename is not None
                else "No statement: the field is null."
            )
            steps.append(CompiledStep(step.key, None, parameters, note))
            continue
        # whatever else the plan says about the step (list positions...), as it says it
        extra = [
            f"- {f.name}: `{getattr(statement, f.name)!r}`"
            for f in fields(statement)
            if f.name not in ("text", "shape") and getattr(statement, f.name) != f.default
        ]
        note = "\n".join(extra)
        if statement.text is None:
            note = "\n".join(["No statement: nothing can match.", *extra])
        steps.append(CompiledStep(step.key, statement.text, parameters, note))
    return CompiledOperation(True, tuple(steps))


# Reading Cypher: tokens, and a layout for reading

TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>//[^\n]*|/\*.*?\*/)
      | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<quoted>`[^`]*`)
      | (?P<parameter>\$\w+)
      | (?P<word>[A-Za-z_]\w*)
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


def tokens(cypher: str) -> list[Token]:
    found = []
    for match in TOKEN.finditer(cypher):
        assert match.lastgroup is not None
        found.append(Token(match.lastgroup, match.group()))
    assert "".join(token.text for token in found) == cypher
    return found


def parameter_names(cypher: str) -> set[str]:
    """The `$names` a statement reads (not those in its strings or comments)."""
    return {token.text[1:] for token in tokens(cypher) if token.kind == "parameter"}


def code_text(cypher: str) -> str:
    """The statement without its comments: what Cypher reads."""
    return "".join(token.text for token in tokens(cypher) if token.kind != "comment")


CLAUSES = {"MATCH", "OPTIONAL", "WITH", "UNWIND", "CALL", "RETURN", "UNION"}


def layout(cypher: str) -> str:
    """The statement with a line per clause, indented by brace depth. Only whitespace
    between tokens changes: none is added where there was none, none removed."""
    found = tokens(cypher)
    out: list[str] = []
    depth = 0
    previous_word = ""
    for index, token in enumerate(found):
        if token.kind == "space":
            following = found[index + 1] if index + 1 < len(found) else None
            if following is None:
                out.append(token.text)
            elif following.kind == "word" and breaks_before(following.text, previous_word):
                out.append("\n" + "  " * depth)
            elif "\n" in token.text:
                closing = following.text == "}"
                indent = depth - 1 if closing else depth + (following.kind != "comment")
                out.append("\n" + "  " * max(indent, 0))
            else:
                out.append(token.text)
            continue
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
        if token.kind == "word":
            previous_word = token.text
        elif token.kind != "comment":
            previous_word = ""
        out.append(token.text)
    return "".join(out)


def breaks_before(word: str, previous_word: str) -> bool:
    if word not in CLAUSES:
        return False
    if word == "MATCH" and previous_word == "OPTIONAL":
        return False
    return not (word == "WITH" and previous_word in ("STARTS", "ENDS"))


# Snapshots


def this_year() -> int:
    return datetime.date.today().year


def snapshot_value(value: Any) -> Any:
    """A parameter's value as the snapshot shows it: JSON, and the year-independent."""
    if isinstance(value, bool) or value is None or isinstance(value, str | float):
        return value
    if isinstance(value, int):
        return "<this year>" if value == this_year() else value
    if isinstance(value, dict):
        return {str(key): snapshot_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [snapshot_value(item) for item in value]
    return f"repr:{value!r}"


def render(operation: Operation, result: CompiledOperation) -> str:
    parts = [
        f"# {operation.name}",
        "<!-- Made by tests/test_cypher_snapshots.py; PEERGRAPH_UPDATE_SNAPSHOTS=1 rewrites it."
        " Statements are laid out for reading: only whitespace between tokens differs"
        " from the compiled text. -->",
        operation.about,
        "```graphql\n" + inspect.cleandoc(operation.document) + "\n```",
        "Variables:",
        "```json\n" + json.dumps(operation.variables, indent=2) + "\n```",
    ]
    if not result.compiled:
        parts.append("Not compiled: the document runs through graphql-core's executor.")
    for step in result.steps:
        parts.append(f"## `{step.key}`")
        if step.note:
            parts.append(step.note)
        if step.text is not None:
            parts.append("```cypher\n" + layout(step.text) + "\n```")
        if step.text is not None or step.parameters:
            shown = {name: snapshot_value(value) for name, value in step.parameters.items()}
            parts.append("```json\n" + json.dumps(shown, indent=2) + "\n```")
    return "\n\n".join(parts) + "\n"


def snapshot_path(operation: Operation) -> Path:
    return SNAPSHOTS / f"{operation.name}.md"


@cache
def compiled(name: str) -> CompiledOperation:
    return compile_operation(OPERATIONS[name])


OPERATIONS = {operation.name: operation for operation in CORPUS}
operations = pytest.mark.parametrize("name", list(OPERATIONS))


def test_corpus_names_are_unique() -> None:
    assert len(OPERATIONS) == len(CORPUS)


@operations
def test_statements_match_their_snapshot(name: str) -> None:
    operation = OPERATIONS[name]
    actual = render(operation, compiled(name))
    path = snapshot_path(operation)
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != actual:
            path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(
            f"no snapshot tests/snapshots/{path.name}; PEERGRAPH_UPDATE_SNAPSHOTS=1 writes it:"
            "\n\n" + actual,
            pytrace=False,
        )
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"{path.name} (snapshot)",
            f"{path.name} (compiled now)",
        )
        pytest.fail(
            f"{name} compiles differently from its snapshot; if the change is meant,"
            " PEERGRAPH_UPDATE_SNAPSHOTS=1 rewrites it:\n\n" + "".join(diff),
            pytrace=False,
        )


def test_every_snapshot_belongs_to_an_operation() -> None:
    known = {snapshot_path(operation) for operation in CORPUS}
    stale = sorted(path for path in SNAPSHOTS.glob("*.md") if path not in known)
    if UPDATE:
        for path in stale:
            path.unlink()
        return
    assert stale == [], "snapshots of no operation; PEERGRAPH_UPDATE_SNAPSHOTS=1 removes them"


@operations
def test_the_corpus_compiles(name: str) -> None:
    result = compiled(name)
    assert result.compiled, f"{name} is left to graphql-core's executor"
    assert any(step.text is not None for step in result.steps), name


# No request value ever becomes Cypher text

ENUM_VALUE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def request_values(operation: Operation) -> tuple[set[str], set[int]]:
    """The strings (but enum values: those the plan may depend on) and the distinctive
    numbers of the request: its variables and the document's string literals."""
    strings: set[str] = set()
    numbers: set[int] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            if not ENUM_VALUE.match(value):
                strings.add(value)
        elif isinstance(value, bool):
            return
        elif isinstance(value, int):
            if abs(value) >= 1000:
                numbers.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(operation.variables)
    strings.update(string_literals(parse(operation.document)))
    return strings, numbers


def string_literals(document: DocumentNode) -> list[str]:
    found: list[str] = []

    class Strings(Visitor):
        def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
            found.append(node.value)

    visit(document, Strings())
    return found


NORMALIZERS: tuple[Callable[[str], str], ...] = (
    normalize_orcid,
    normalize_doi,
    normalize_arxiv_id,
    normalize_ror,
)


def forms(value: str) -> set[str]:
    """A request string and what the server may make of it: lower case, the key of a
    global id, the position of a cursor, a canonical identifier."""
    found = {value, value.strip(), value.lower()}
    try:
        decoded = decode_opaque(value, "value")
    except Exception:
        decoded = ""
    if decoded.isprintable():
        found |= {decoded, decoded.partition(":")[2], *decoded.split("|")}
    for normalize in NORMALIZERS:
        try:
            found.add(normalize(value))
        except Exception:
            continue
    # shorter ones (a cursor's "4") would match names the compiler makes up
    return {form for form in found if len(form) >= 5}


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


def pasted(operation: Operation, result: CompiledOperation) -> list[str]:
    """Request values found in a statement's text."""
    strings, numbers = request_values(operation)
    found = []
    for step in result.statements():
        assert step.text is not None
        code = code_text(step.text)
        found += [
            f"{step.key}: {form!r}"
            for value in sorted(strings)
            for form in sorted(forms(value))
            if form in step.text
        ]
        found += [f"{step.key}: {n}" for n in sorted(numbers) if re.search(rf"\b{n}\b", code)]
    return found


def unreached(operation: Operation, result: CompiledOperation) -> list[str]:
    """Marker values of the request that no parameter holds (in any of their forms)."""
    strings, _ = request_values(operation)
    given = [text for step in result.steps for text in strings_in(step.parameters)]
    return [
        value
        for value in sorted(strings - set(operation.facts))
        if "zq" in " ".join(forms(value)).lower()
        and not any(form in text for form in forms(value) for text in given)
    ]


@operations
def test_no_request_value_becomes_cypher_text(name: str) -> None:
    operation, result = OPERATIONS[name], compiled(name)
    assert pasted(operation, result) == [], "request values in the Cypher text"
    # and they do reach the database, as parameters
    assert unreached(operation, result) == [], "request values that reach no parameter"


def test_a_pasted_value_would_be_found() -> None:
    operation = Operation(
        "pasted",
        "",
        "query ($id: ID!, $where: WorkWhere) { researcher(id: $id) { works(where: $where)"
        ' { totalCount } } work(doi: "10.5555/ZQ-DOI") { title } }',
        {"id": RESEARCHER, "where": {"titleContains": "ZQ-Title", "yearFrom": 1987}},
    )
    text = (
        "MATCH (n:Researcher {key: 'zq-researcher-1'}) MATCH (w:Work {doi: '10.5555/zq-doi'})"
        " WHERE toLower(w.title) CONTAINS 'zq-title' AND w.year >= 1987 RETURN n"
    )
    result = CompiledOperation(True, (CompiledStep("researcher", text, {"p0": "other"}),))
    assert set(pasted(operation, result)) == {
        "researcher: '10.5555/zq-doi'",
        "researcher: 'zq-title'",
        "researcher: 'zq-researcher-1'",
        "researcher: 1987",
    }
    assert unreached(operation, result) == sorted(["10.5555/ZQ-DOI", "ZQ-Title", RESEARCHER])


@operations
def test_every_parameter_is_given_and_read(name: str) -> None:
    for step in compiled(name).statements():
        assert step.text is not None
        read = parameter_names(step.text)
        assert read <= set(step.parameters), f"{name}.{step.key}: no value for {read}"
        unread = set(step.parameters) - read
        assert not unread, f"{name}.{step.key}: parameters no statement reads: {unread}"


def test_layout_changes_only_whitespace() -> None:
    for name in OPERATIONS:
        for step in compiled(name).statements():
            assert step.text is not None
            laid_out = layout(step.text)
            assert laid_out.split() == step.text.split(), name
            assert [t for t in tokens(laid_out) if t.kind != "space"] == [
                t for t in tokens(step.text) if t.kind != "space"
            ], name
