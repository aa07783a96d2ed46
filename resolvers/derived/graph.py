"""Graph slices and neighbourhoods as GraphQL names their fields, from the rows their
statements return: nodes and edges ready for Cytoscape or Sigma."""

from __future__ import annotations

from typing import Any

from core.global_ids import NEIGHBORS, encode_id, encode_opaque, offset_cursor
from core.graph_kinds import EdgeKind, NodeKind

Row = dict[str, Any]

NODE_KINDS = {kind.value: kind for kind in NodeKind}
EDGE_KINDS = {kind.value: kind for kind in EdgeKind}


class NodeIds(dict[tuple[str, str], str]):
    """Global ids by (kind, key), each encoded once: a hub's slice names the same few
    nodes in hundreds of edges."""

    def __missing__(self, node: tuple[str, str]) -> str:
        found = self[node] = encode_id(*node)
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
    """A graph slice: center first, then strongest first."""
    ids = NodeIds()
    nodes = [node_fields(row, ids) for row in value["nodes"]]
    nodes.sort(key=lambda n: (n["hop"], -n["strength"], -n["weight"], n["kind"], n["label"]))  # type: ignore[operator]
    return {
        "center": ids[value["kind"], value["key"]],
        "nodes": nodes,
        "edges": edge_fields(value["edges"], ids),
        "truncated": value["truncated"],
    }


def neighborhood_fields(value: Row) -> dict[str, Any]:
    """One page of neighbours; the center comes first."""
    ids = NodeIds()
    nodes = [node_fields(row, ids) for row in value["nodes"]]
    offset, key = value["offset"], value["key"]
    end = offset + len(nodes) - 1
    return {
        "center": ids[value["kind"], value["key"]],
        "nodes": nodes,
        "edges": edge_fields(value["edges"], ids),
        "pageInfo": {
            "hasNextPage": end < value["total"],
            "hasPreviousPage": offset > 0,
            "startCursor": offset_cursor(offset + 1, NEIGHBORS, key) if len(nodes) > 1 else None,
            "endCursor": offset_cursor(end, NEIGHBORS, key) if len(nodes) > 1 else None,
        },
        "totalCount": value["total"],
        "truncated": value["truncated"],
    }
