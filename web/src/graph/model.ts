// The API's graph slice, and where its nodes go on screen. Positions are computed here,
// not by a force layout: the same slice always looks the same, and nodes added later are
// placed around the node they came from without moving anything already drawn.
import type { NodeKind } from "../router";

export interface SliceNode {
  id: string;
  kind: NodeKind;
  label: string;
  weight: number;
  strength: number;
  hop: number;
}

export interface SliceEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  weight: number;
}

export interface Slice {
  center: string;
  truncated: boolean;
  nodes: SliceNode[];
  edges: SliceEdge[];
}

export interface Point {
  x: number;
  y: number;
}

export const KINDS: NodeKind[] = ["RESEARCHER", "WORK", "TOPIC", "INSTITUTION"];

export const KIND_NAMES: Record<NodeKind, string> = {
  RESEARCHER: "Researcher",
  WORK: "Work",
  TOPIC: "Topic",
  INSTITUTION: "Institution",
};

/** Node diameter in pixels: grows with the log of how connected the node is. */
export function sizeOf(node: Pick<SliceNode, "weight" | "hop">): number {
  const size = 14 + 7 * Math.log2(1 + node.weight);
  return Math.min(node.hop === 0 ? 72 : 56, Math.max(node.hop === 0 ? 36 : 14, size));
}

function ringRadius(count: number, spacing: number, minimum: number): number {
  return Math.max(minimum, (count * spacing) / (2 * Math.PI));
}

/** Center in the middle, hop 1 on a ring grouped by kind, hop 2 on an outer ring ordered
 * by the mean angle of the hop-1 nodes that lead to each, so that edges cross little. */
export function slicePositions(slice: Slice): Map<string, Point> {
  const positions = new Map<string, Point>();
  const angles = new Map<string, number>();
  const firstRing = slice.nodes
    .filter((node) => node.hop === 1)
    .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  const secondRing = slice.nodes.filter((node) => node.hop >= 2);
  const inner = ringRadius(firstRing.length, 46, 140);
  const outer = inner + ringRadius(secondRing.length, 30, 160) * 0.9;
  positions.set(slice.center, { x: 0, y: 0 });
  firstRing.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, firstRing.length) - Math.PI / 2;
    angles.set(node.id, angle);
    positions.set(node.id, { x: inner * Math.cos(angle), y: inner * Math.sin(angle) });
  });
  const neighbours = new Map<string, number[]>();
  for (const edge of slice.edges) {
    for (const [from, to] of [
      [edge.source, edge.target],
      [edge.target, edge.source],
    ]) {
      const angle = angles.get(from);
      if (angle !== undefined && !angles.has(to)) {
        neighbours.set(to, [...(neighbours.get(to) ?? []), angle]);
      }
    }
  }
  const meanAngle = (id: string): number => {
    const list = neighbours.get(id) ?? [];
    if (list.length === 0) {
      return Math.PI;
    }
    const x = list.reduce((sum, angle) => sum + Math.cos(angle), 0);
    const y = list.reduce((sum, angle) => sum + Math.sin(angle), 0);
    return Math.atan2(y, x);
  };
  const ordered = secondRing
    .map((node, index) => ({ node, angle: meanAngle(node.id), index }))
    .sort((a, b) => a.angle - b.angle || a.index - b.index);
  ordered.forEach(({ node }, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, ordered.length) - Math.PI / 2;
    const shifted = angle + (ordered[0]?.angle ?? 0) + Math.PI / 2;
    positions.set(node.id, { x: outer * Math.cos(shifted), y: outer * Math.sin(shifted) });
  });
  return positions;
}

/** Places `count` new nodes on an arc around `parent`, facing away from `origin`. */
export function aroundParent(parent: Point, origin: Point, count: number, ring = 0): Point[] {
  const dx = parent.x - origin.x;
  const dy = parent.y - origin.y;
  const facing = Math.hypot(dx, dy) < 1 ? -Math.PI / 2 : Math.atan2(dy, dx);
  const spread = Math.min(2 * Math.PI, Math.max(Math.PI / 2, count * 0.32));
  const radius = 110 + 40 * ring + 3 * count;
  return Array.from({ length: count }, (_, index) => {
    const angle =
      spread >= 2 * Math.PI
        ? facing + (2 * Math.PI * index) / count
        : facing - spread / 2 + (spread * (index + 0.5)) / count;
    return { x: parent.x + radius * Math.cos(angle), y: parent.y + radius * Math.sin(angle) };
  });
}
