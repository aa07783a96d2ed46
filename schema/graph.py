"""Graph slices for the explorer: nodes and edges ready for Cytoscape or Sigma."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from core.ids import encode_id, encode_opaque

Row = dict[str, Any]


@strawberry.enum
class NodeKind(Enum):
    RESEARCHER = "Researcher"
    WORK = "Work"
    TOPIC = "Topic"
    INSTITUTION = "Institution"


@strawberry.enum
class EdgeKind(Enum):
    AUTHORED = "AUTHORED"
    ABOUT = "ABOUT"
    AFFILIATION = "AFFILIATION"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    SUBTOPIC_OF = "SUBTOPIC_OF"
    CITES = "CITES"


@strawberry.type(description="A node of a graph slice; `id` works with node(id) and neighbors(id).")
class GraphNode:
    id: strawberry.ID
    kind: NodeKind
    label: str
    weight: float = strawberry.field(
        description="Research relationships the node has in the whole graph (the kinds of edges)."
    )
    strength: float = strawberry.field(
        description="Tie to the center: edge score on hop 1, connecting neighbours on hop 2."
    )
    hop: int = strawberry.field(description="0 for the center, then 1 or 2.")


@strawberry.type(description="A relationship between two nodes of the slice.")
class GraphEdge:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    kind: EdgeKind
    weight: float = strawberry.field(description="Topic score for ABOUT edges, else 1.")


@strawberry.type(description="A node's neighbourhood; every edge's ends are in `nodes`.")
class GraphSlice:
    center: strawberry.ID
    nodes: list[GraphNode] = strawberry.field(description="Center first, then strongest first.")
    edges: list[GraphEdge]
    truncated: bool = strawberry.field(description="True when a fan-out cap left nodes out.")


NODE_KINDS = {kind.value: kind for kind in NodeKind}
EDGE_KINDS = {kind.value: kind for kind in EdgeKind}


class NodeIds(dict[tuple[str, str], strawberry.ID]):
    """Global ids by (kind, key), each encoded once: a hub's slice names the same few
    nodes in hundreds of edges."""

    def __missing__(self, node: tuple[str, str]) -> strawberry.ID:
        found = self[node] = strawberry.ID(encode_id(*node))
        return found


def node_fields(row: Row, ids: NodeIds) -> dict[str, object]:
    return {
        "id": ids[row["kind"], row["key"]],
        "kind": NODE_KINDS[row["kind"]].name,
        "label": row["label"] or row["key"],
        "weight": float(row["weight"]),
        "strength": float(row["strength"]),
        "hop": row["hop"],
    }


def edge_fields(rows: list[Row], ids: NodeIds) -> list[dict[str, object]]:
    """Each relationship once (both ends of a hop may report it), strongest first."""
    unique: dict[str, Row] = {}
    for row in rows:
        unique[f"{row['kind']}|{row['source']}|{row['target']}|{row['researcher'] or ''}"] = row
    edges = [
        {
            "id": encode_opaque(identity),
            "source": ids[row["sourceKind"], row["source"]],
            "target": ids[row["targetKind"], row["target"]],
            "kind": EDGE_KINDS[row["kind"]].name,
            "weight": float(row["weight"]),
        }
        for identity, row in unique.items()
    ]
    return sorted(edges, key=lambda edge: (-edge["weight"], edge["id"]))  # type: ignore[operator]


def slice_fields(value: Row) -> dict[str, object]:
    """A graph slice as GraphQL names its fields: center first, then strongest first."""
    ids = NodeIds()
    nodes = [node_fields(row, ids) for row in value["nodes"]]
    nodes.sort(key=lambda n: (n["hop"], -n["strength"], -n["weight"], n["kind"], n["label"]))  # type: ignore[operator]
    return {
        "center": ids[value["kind"], value["key"]],
        "nodes": nodes,
        "edges": edge_fields(value["edges"], ids),
        "truncated": value["truncated"],
    }
