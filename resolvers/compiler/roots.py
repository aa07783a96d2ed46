"""Root fields: where each statement starts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graphql import GraphQLObjectType

from core.bounds import IDS
from core.errors import BadUserInput
from core.global_ids import decode_id
from core.identifiers import (
    lucene_phrase,
    normalize_arxiv_id,
    normalize_doi,
    normalize_openalex_id,
    normalize_orcid,
    normalize_ror,
    recognise,
)
from core.lucene import bounded_search
from core.reads import KEPT_RESEARCHER_ORDERS
from resolvers.compiler import collaboration, researchers, slices, work_lists
from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import (
    Compilation,
    Compiled,
    NoStatement,
    ParameterRef,
    Pin,
    RootRule,
    RootStatement,
    Scope,
)
from resolvers.compiler.connections import Items, connection, page_size
from resolvers.compiler.cypher import Template
from resolvers.compiler.request import Arguments
from resolvers.compiler.shape import Shaper, list_shape
from resolvers.compiler.where import anchor

NODE_LABELS = ("Researcher", "Work", "Topic", "Institution")


def projected(c: Compilation, variable: str, label: str, selected: Selected) -> tuple[str, Shaper]:
    return c.project({"this": variable}, c.object_type(label), selected.selection_sets())


def one_node(
    c: Compilation,
    selected: Selected,
    label: str,
    match: Callable[[str], str],
    key: Callable[[Arguments], str | None] | None = None,
) -> RootStatement:
    """`match(node)` finds the node. `key`: how the node's key reads from the field's
    arguments, when they give it."""
    node = c.variable("n")
    if key is not None:
        c.pins[node] = Pin(c.arguments(selected), key)
    text, shape = projected(c, node, label, selected)
    return RootStatement(
        f"{match(node)} WITH {node} ORDER BY {node}.key LIMIT 1 "
        f"WITH {node}, {text} AS data RETURN data",
        shape,
    )


def exactly_one(c: Compilation, selected: Selected, *names: str) -> str:
    given = [name for name in names if c.given(selected, name)]
    if len(given) != 1:
        raise BadUserInput(f"give exactly one of: {', '.join(names)}")
    return given[0]


# Where a node's other ids live: a researcher's in aliases (merged records, OpenAlex ids
# of a seed researcher), a work's OpenAlex id on the seed work that holds it, and the ids
# OpenAlex merged into another (docs/identity.md). Topics and institutions have their key.
ALIASED = Template("(:Alias {key: {value}})-[:ALIAS_OF]->({node}:{label})")
OTHER_IDS = {
    "Researcher": (ALIASED,),
    "Work": (Template("({node}:Work {openalexId: {value}})"), ALIASED),
}


def found_by_id(label: str, value: str, node: str) -> str:
    """Clauses that bind `node` to the node of `label` one of its ids names, or end the
    row. The key is tried first and each other place only while nothing is found: most
    ids are keys, and a lookup that is not made costs nothing. Only `node` stays bound."""
    others = OTHER_IDS.get(label, ())
    if not others:
        return f"MATCH ({node}:{label} {{key: {value}}})"
    found = [f"{node}_by_key"]
    clauses = [f"OPTIONAL MATCH ({found[0]}:{label} {{key: {value}}})"]
    for index, other in enumerate(others):
        missing = " AND ".join(f"{earlier} IS NULL" for earlier in found)
        pattern = other.fill(
            value=f"CASE WHEN {missing} THEN {value} END", node=f"{node}_by_{index}", label=label
        )
        clauses.append(f"OPTIONAL MATCH {pattern}")
        found.append(f"{node}_by_{index}")
    clauses.append(f"WITH coalesce({', '.join(found)}) AS {node} WHERE {node} IS NOT NULL")
    return " ".join(clauses)


def holding(label: str, value: str, node: str) -> str:
    """Binds `node` to the node of `label` that one of its ids (a parameter) names."""
    if label not in OTHER_IDS:
        return found_by_id(label, value, node)
    found = f"{node}_found"
    return f"CALL () {{ {found_by_id(label, value, found)} RETURN {found} AS {node} }}"


def by_key(c: Compilation, selected: Selected, label: str) -> RootStatement:
    def key_of(arguments: Arguments) -> str:
        return decode_id(arguments["id"], expected=label)[1]

    key = c.parameter(selected, key_of)
    return one_node(c, selected, label, lambda node: holding(label, key, node), key_of)


def by_identifier(
    c: Compilation,
    selected: Selected,
    label: str,
    argument: str,
    property_: str,
    normalize: Callable[[str], str],
) -> RootStatement:
    value = c.parameter(selected, lambda arguments: normalize(arguments[argument]))
    return one_node(
        c, selected, label, lambda node: f"MATCH ({node}:{label} {{{property_}: {value}}})"
    )


def by_openalex_id(c: Compilation, selected: Selected, label: str) -> RootStatement:
    """The importer keeps an OpenAlex id as the node's key, or among its other ids."""
    value = c.parameter(
        selected, lambda arguments: normalize_openalex_id(arguments["openalexId"], label)
    )
    return one_node(c, selected, label, lambda node: holding(label, value, node))


def researcher(c: Compilation, selected: Selected) -> RootStatement:
    given = exactly_one(c, selected, "id", "orcid", "openalexId")
    if given == "id":
        return by_key(c, selected, "Researcher")
    if given == "orcid":
        return by_identifier(c, selected, "Researcher", "orcid", "orcid", normalize_orcid)
    return by_openalex_id(c, selected, "Researcher")


def work(c: Compilation, selected: Selected) -> RootStatement:
    given = exactly_one(c, selected, "id", "doi", "arxivId", "openalexId")
    if given == "id":
        return by_key(c, selected, "Work")
    if given == "doi":
        return by_identifier(c, selected, "Work", "doi", "doi", normalize_doi)
    if given == "arxivId":
        return by_identifier(c, selected, "Work", "arxivId", "arxivId", normalize_arxiv_id)
    return by_openalex_id(c, selected, "Work")


def topic(c: Compilation, selected: Selected) -> RootStatement:
    if exactly_one(c, selected, "id", "openalexId") == "id":
        return by_key(c, selected, "Topic")
    return by_openalex_id(c, selected, "Topic")


def institution(c: Compilation, selected: Selected) -> RootStatement:
    given = exactly_one(c, selected, "id", "ror", "openalexId")
    if given == "id":
        return by_key(c, selected, "Institution")
    if given == "ror":
        return by_identifier(c, selected, "Institution", "ror", "ror", normalize_ror)
    return by_openalex_id(c, selected, "Institution")


def node(c: Compilation, selected: Selected) -> RootStatement:
    kind = c.statement.fact(
        c.arguments(selected), "kind", lambda arguments: decode_id(arguments["id"])[0]
    )
    if kind not in NODE_LABELS:
        raise NoStatement
    return by_key(c, selected, kind)


def nodes_by_ids(c: Compilation, selected: Selected) -> RootStatement:
    def decoded(arguments: dict[str, Any]) -> list[dict[str, str]]:
        IDS.size(arguments, c.limits)
        return [dict(zip(("kind", "key"), decode_id(id), strict=True)) for id in arguments["ids"]]

    kinds = c.statement.fact(
        c.arguments(selected),
        "kinds",
        lambda arguments: tuple(
            sorted({item["kind"] for item in decoded(arguments)} & set(NODE_LABELS))
        ),
    )
    ids = c.parameter(selected, decoded)
    item, node, index = c.variable("id"), c.variable("n"), c.variable("i")
    if not kinds:
        return RootStatement(None, lambda raw, path, errors: None, positions=ids[1:])
    compiled = c.typed_node(node, f"{item}.kind", kinds, selected)
    assert compiled.shape is not None
    branches = " UNION ALL ".join(
        f"WITH {item} WHERE {item}.kind = '{label}' "
        f"{found_by_id(label, f'{item}.key', node)} RETURN {node}"
        for label in kinds
    )
    text = (
        f"WITH 1 AS root WITH root, COLLECT {{ "
        f"UNWIND range(0, size({ids}) - 1) AS {index} WITH {index}, {ids}[{index}] AS {item} "
        f"CALL ({item}) {{ {branches} }} "
        f"WITH {index}, {item}, {node}, {{i: {index}, data: {compiled.expression}}} AS found "
        "RETURN found } AS data RETURN data"
    )
    return RootStatement(text, compiled.shape, positions=ids[1:])


def root_list(
    head: str,
    variable: str,
    predicate: str,
    order: str | None,
    every: bool = False,
    narrowed: Callable[[str], str] | None = None,
) -> Items:
    """A root list: in key order, paged by the last key seen, unless orderBy says otherwise.
    The default is the list's own, whatever its filter: the same for equivalent trees.
    `every`: the head matches every node of the kind."""
    if order is None:
        return Items(head, variable, f"{variable}.key", predicate, keyset=True, every=every)
    return Items(head, variable, order, predicate, every=every, narrowed=narrowed)


def root_works(c: Compilation, selected: Selected) -> RootStatement:
    work = c.variable("w")
    head, condition = anchored(c, selected, work, "Work", WORK_ANCHORS)
    predicate = work_lists.where_predicate(c, selected, work, anchored=condition)
    order = None if c.order(selected) is None else work_lists.works_order(c, selected, work)
    every = condition is None
    return root_connection(c, selected, root_list(head, work, predicate, order, every))


# Where works start from the node of each label a `where` names (Condition.names).
WORK_ANCHORS = {
    "Topic": Template("MATCH (:Topic {key: {p}})<-[:ABOUT]-({v}:Work)"),
    "Researcher": Template("MATCH (:Researcher {key: {p}})-[:AUTHORED]->({v}:Work)"),
    "Institution": Template(
        "MATCH (:Institution {key: {p}})<-[:AFFILIATION]-({x}:Work) WITH DISTINCT {x} AS {v}"
    ),
}


# Where researchers start from the topic or institution a `where` names: those kept as
# studying the topic, the institution's kept members.
RESEARCHER_ANCHORS = {
    "Topic": Template("MATCH (:Topic {key: {p}})<-[:STUDIES]-({v}:Researcher)"),
    "Institution": Template("MATCH (:Institution {key: {p}})<-[:MEMBER_OF]-({v}:Researcher)"),
}


def anchored(
    c: Compilation, selected: Selected, variable: str, label: str, anchors: Mapping[str, Template]
) -> tuple[str, str | None]:
    """The candidates' MATCH: from the node the top of the tree names, if any, with the
    name of that condition, which every candidate then meets (RootList.anchored agrees)."""
    where = c.statement.request.of_source(c.arguments(selected)).get("where")
    found = anchor(where, work_lists.where_criteria(selected))
    if found is None or found[1] not in anchors:
        return f"MATCH ({variable}:{label})", None
    name, kind = found
    key = c.parameter(
        selected, lambda arguments: decode_id(arguments["where"][name], expected=kind)[1]
    )
    return c.bind(p=key, v=variable)(anchors[kind]), name


def root_researchers(c: Compilation, selected: Selected) -> RootStatement:
    researcher = c.variable("r")
    head, condition = anchored(c, selected, researcher, "Researcher", RESEARCHER_ANCHORS)
    predicate = work_lists.where_predicate(c, selected, researcher, anchored=condition)
    found = c.order(selected)
    order = None if found is None else researchers.researchers_order(c, selected, found, researcher)
    every = condition is None
    narrowed = None
    if every and predicate == "true" and found is not None and found[0] in KEPT_RESEARCHER_ORDERS:
        direction = "DESC" if found[1] == "desc" else "ASC"
        narrowed = ranked_by_index(researcher, found[0], direction)
    return root_connection(
        c, selected, root_list(head, researcher, predicate, order, every, narrowed)
    )


def ranked_by_index(researcher: str, field: str, direction: str) -> Callable[[str], str]:
    """Every researcher's first `need` by a kept figure (then by key), from the figure's
    index on (figure, key): those above 0 in the figure's order, where only ties are left
    to sort when it runs most first, and the first `need` of those at 0 (most of the graph:
    nobody follows them) in key order, which the index gives as it is. Every researcher
    has the figure kept, and none below 0 (resolvers/aggregates.py)."""
    r = researcher
    indexed = f"MATCH ({r}:Researcher) WHERE {r}.{field} {{}} AND {r}.key IS NOT NULL"

    def narrowed(need: str) -> str:
        return (
            f"CALL () {{ {indexed.format('> 0')} "
            f"WITH {r} ORDER BY {r}.{field} {direction}, {r}.key LIMIT {need} RETURN {r} "
            f"UNION ALL {indexed.format('= 0')} "
            f"WITH {r} ORDER BY {r}.{field}, {r}.key LIMIT {need} RETURN {r} }}"
        )

    return narrowed


def keyed_list(label: str, orders: Mapping[str, Template]) -> RootRule:
    """All nodes of a label: by key, or by one of `orders` (`{n}` the node), ties by key."""

    def rule(c: Compilation, selected: Selected) -> RootStatement:
        node = c.variable("n")
        found = c.order(selected)
        order = None
        if found is not None:
            direction = "DESC" if found[1] == "desc" else "ASC"
            order = f"{c.bind(n=node)(orders[found[0]])} {direction}, {node}.key"
        return root_connection(
            c, selected, root_list(f"MATCH ({node}:{label})", node, "true", order, every=True)
        )

    return rule


topics = keyed_list(
    "Topic",
    {"name": Template("{n}.name"), "worksCount": Template("COUNT { ({n})<-[:ABOUT]-() }")},
)
# Works and members as kept (resolvers/aggregates.py): members as Institution.researchers
# lists them (researchers.py).
institutions = keyed_list(
    "Institution",
    {
        "name": Template("{n}.name"),
        "worksCount": Template("{n}.worksCount"),
        "researchersCount": Template("COUNT { ({n})<-[:MEMBER_OF]-() }"),
    },
)


def root_connection(c: Compilation, selected: Selected, items: Items) -> RootStatement:
    compiled = connection(c, {"this": "root"}, selected, items, "Query")
    assert compiled.shape is not None
    return RootStatement(
        f"WITH 1 AS root WITH root, {compiled.expression} AS data RETURN data", compiled.shape
    )


def root_works_by_year(c: Compilation, selected: Selected) -> RootStatement:
    compiled = work_lists.all_works_by_year(c, {"this": "root"}, selected, c.object_type("Query"))
    assert compiled.shape is not None
    return RootStatement(
        f"WITH 1 AS root WITH root, {compiled.expression} AS data RETURN data", compiled.shape
    )


def anchored_on(c: Compilation, selected: Selected, argument: str) -> tuple[str, str] | None:
    """The node an id argument names: (variable, MATCH clause), or None for a non-node."""
    kind = c.statement.fact(
        c.arguments(selected), "kind", lambda arguments: decode_id(arguments[argument])[0]
    )
    if kind not in NODE_LABELS:
        return None
    key = c.parameter(selected, lambda arguments: decode_id(arguments[argument])[1])
    variable = c.variable("n")
    return variable, f"MATCH ({variable}:{kind} {{key: {key}}})"


def value_root(match: str, variable: str, compiled: Compiled) -> RootStatement:
    assert compiled.shape is not None
    return RootStatement(
        f"{match} WITH {variable}, {compiled.expression} AS data RETURN data", compiled.shape
    )


def root_graph(c: Compilation, selected: Selected) -> RootStatement:
    found = anchored_on(c, selected, "center")
    if found is None:
        raise NoStatement
    variable, match = found
    compiled = slices.graph_slice(c, {"this": variable}, selected, c.object_type("Query"))
    return value_root(match, variable, compiled)


def root_neighbors(c: Compilation, selected: Selected) -> RootStatement:
    found = anchored_on(c, selected, "id")
    if found is None:
        raise NoStatement
    variable, match = found
    return value_root(match, variable, slices.neighbors(c, {"this": variable}, selected))


def root_collaboration_path(c: Compilation, selected: Selected) -> RootStatement:
    def keys(arguments: dict[str, Any]) -> tuple[str, str]:
        source = decode_id(arguments["from"], expected="Researcher")[1]
        target = decode_id(arguments["to"], expected="Researcher")[1]
        if source == target:
            raise BadUserInput("from and to are the same researcher")
        return source, target

    source = c.parameter(selected, lambda arguments: keys(arguments)[0])
    target = c.parameter(selected, lambda arguments: keys(arguments)[1])
    variable = c.variable("a")
    compiled = collaboration.path_from(c, variable, selected, target)
    return value_root(f"MATCH ({variable}:Researcher {{key: {source}}})", variable, compiled)


SEARCH_KINDS = ("Researcher", "Work", "Topic", "Institution")


def search_text(arguments: dict[str, Any]) -> str:
    text = str(arguments["query"]).strip()
    if not text:
        raise BadUserInput("the search query is blank")
    # identifiers hold Lucene syntax (a DOI URL's ':' and '/'): search them literally
    return lucene_phrase(text) if recognise(text).recognised else bounded_search(text)


def identifier(name: str) -> Callable[[dict[str, Any]], str | None]:
    return lambda arguments: getattr(recognise(str(arguments["query"]).strip()), name)


# The identifiers a search matches exactly, by kind: (the part's parameter, Recognised's
# attribute).
IDENTIFIERS = {
    "Work": (("doi", "doi"), ("arxivId", "arxiv_id"), ("openalexId", "openalex_id")),
    "Researcher": (("orcid", "orcid"), ("openalexId", "openalex_id")),
    "Topic": (("openalexId", "openalex_id"),),
    "Institution": (("ror", "ror"), ("openalexId", "openalex_id")),
}
# A node found both ways is one hit; an exact identifier match ranks first, scored like the
# best hit.
RANKED_HITS = (
    "WITH kind, node, max(score) AS score, max(exact) AS exact "
    "WITH collect({kind: kind, node: node, score: score, exact: exact}) AS hits, "
    "max(score) AS top "
    "UNWIND hits AS hit "
    "WITH hit.kind AS kind, hit.node AS node, hit.exact AS exact, "
    "CASE WHEN hit.exact THEN coalesce(top, 1.0) ELSE hit.score END AS score "
    "ORDER BY exact DESC, score DESC, kind, node.key"
)


def search(c: Compilation, selected: Selected) -> RootStatement:
    """The hits of the kinds asked (fragments/parts/search_<kind>): only those kinds are in
    the statement, which Neo4j then plans in a third of the time for one kind."""
    kinds = c.statement.fact(
        c.arguments(selected),
        "kinds",
        lambda arguments: tuple(sorted({kind.value for kind in arguments["kinds"]})),
    )
    limit, query = page_size(c, selected), c.parameter(selected, search_text)
    if not kinds:
        # nothing to search; the query and the page are still checked like any other
        return RootStatement(
            f"WITH {query} AS text, {limit} AS size RETURN [] AS data",
            list_shape(None, "SearchHit", True),
        )
    parameters: dict[str, Any] = {"text": ParameterRef(query), "limit": ParameterRef(limit)}
    for name, attribute in sorted({found for kind in kinds for found in IDENTIFIERS[kind]}):
        parameters[name] = ParameterRef(c.parameter(selected, identifier(attribute)))
    kind, node, score = c.variable("kind"), c.variable("n"), c.variable("score")
    text, shape = c.project(
        {"score": score, "node": node, "kind": kind},
        c.object_type("SearchHit"),
        selected.selection_sets(),
    )
    hits = " UNION ALL ".join(
        c.fragment(f"parts/search_{name.lower()}", None, **parameters) for name in kinds
    )
    return RootStatement(
        f"WITH 1 AS root WITH root, COLLECT {{ CALL () {{ {hits} }} "
        f"{RANKED_HITS} LIMIT {limit} "
        f"WITH kind AS {kind}, node AS {node}, score AS {score} "
        f"WITH {kind}, {node}, {score}, {text} AS hit RETURN hit }} AS data RETURN data",
        list_shape(shape, "SearchHit", True),
    )


def search_hit_node(
    c: Compilation, scope: Scope, selected: Selected, type_: GraphQLObjectType
) -> Compiled:
    return c.typed_node(scope["node"], scope["kind"], SEARCH_KINDS, selected)
