// The API's graph slice. A force layout (layout.ts) settles the whole slice once; nodes
// added later by an expansion are placed here, in the free space around the node they
// came from, so that nothing already drawn moves.
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

/** Which labels win a place first: the centre, then the most connected. */
export function byImportance(a: Pick<SliceNode, "hop" | "weight" | "id">, b: Pick<SliceNode, "hop" | "weight" | "id">): number {
  return Number(b.hop === 0) - Number(a.hop === 0) || b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function neighboursOf(edges: SliceEdge[]): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = neighbours.get(from);
    if (list === undefined) {
      neighbours.set(from, [to]);
    } else {
      list.push(to);
    }
  };
  for (const edge of edges) {
    add(edge.source, edge.target);
    add(edge.target, edge.source);
  }
  return neighbours;
}

export interface Placed {
  position: Point;
  size: number;
}

/** Places `sizes.length` new nodes in the free space nearest `parent`, facing away from
 * `origin` first: ring after ring of candidate spots, each kept at least `gap` clear of
 * every node already drawn and of the new ones placed before it. */
export function placeAround(parent: Placed, origin: Point, drawn: Placed[], sizes: number[], gap = 34): Point[] {
  const facing =
    Math.hypot(parent.position.x - origin.x, parent.position.y - origin.y) < 1
      ? -Math.PI / 2
      : Math.atan2(parent.position.y - origin.y, parent.position.x - origin.x);
  const occupied = [...drawn];
  const placed: Point[] = [];
  const largest = Math.max(14, ...sizes);
  for (let ring = 0; placed.length < sizes.length && ring < 60; ring += 1) {
    const radius = parent.size / 2 + largest / 2 + gap + ring * (largest + gap) * 0.75;
    const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / (largest + gap)));
    const turns = Array.from({ length: slots }, (_, index) => {
      const side = index % 2 === 0 ? 1 : -1;
      return facing + (side * Math.ceil(index / 2) * 2 * Math.PI) / slots;
    });
    for (const angle of turns) {
      const size = sizes[placed.length];
      if (size === undefined) {
        break;
      }
      const spot = { x: parent.position.x + radius * Math.cos(angle), y: parent.position.y + radius * Math.sin(angle) };
      const clear = occupied.every(
        (other) => Math.hypot(other.position.x - spot.x, other.position.y - spot.y) >= (other.size + size) / 2 + gap,
      );
      if (clear) {
        placed.push(spot);
        occupied.push({ position: spot, size });
      }
    }
  }
  // Past 60 rings the parent is boxed in: what is left goes on one more ring, unchecked.
  const left = sizes.length - placed.length;
  const outer = parent.size / 2 + 61 * (largest + gap) * 0.75;
  for (let index = 0; index < left; index += 1) {
    const angle = facing + (2 * Math.PI * index) / left;
    placed.push({ x: parent.position.x + outer * Math.cos(angle), y: parent.position.y + outer * Math.sin(angle) });
  }
  return placed;
}
