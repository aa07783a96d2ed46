// The force-directed layout of a whole slice: fCoSE (its spectral draft, then its force
// phase), with the centre pinned in the middle. A fixed, unseen anchor for each kind, in
// its own direction from the centre, holds the centre's neighbours of that kind together:
// without it every kind is one hop from the centre, and the forces mix them into one disc.
// Short, stiff ABOUT edges gather works around their topics. From hand-made starting
// positions instead of the draft, the force phase left small slices strung out on a line.
// It runs on a headless Cytoscape that knows only the nodes' sizes: on the drawn graph,
// every step that reads a bounding box would also measure labels, and the drawn graph
// is then made once, with every node where it belongs.
// Its force phase runs at least five iterations per node (cose-base), about 2 s of CPU for
// a 260-node slice on the two-core machine of bench/web.py. Past FORCE_PHASE_NODES, it
// lays out the centre and its neighbours alone, and the second hop goes on a ring around
// them, each node in the direction of the neighbour it hangs from.
const FORCE_PHASE_NODES = 150;
import cytoscape, { type EdgeSingular, type LayoutOptions } from "cytoscape";
import fcose from "cytoscape-fcose";
import type { NodeKind } from "../router";
import { byImportance, KINDS, neighboursOf, sizeOf, type Point, type Slice, type SliceNode } from "./model";
import { separate } from "./separation";

cytoscape.use(fcose);

// An ABOUT edge is short and stiff, so that works gather around their topics; the rest
// leave room for a label between two nodes.
const EDGE_LENGTH: Record<string, number> = { ABOUT: 80, ANCHOR: 200 };
const EDGE_ELASTICITY: Record<string, number> = { ABOUT: 0.6, ANCHOR: 0.45 };

function idealEdgeLength(edge: EdgeSingular): number {
  return EDGE_LENGTH[edge.data("kind") as string] ?? 130;
}

function edgeElasticity(edge: EdgeSingular): number {
  return EDGE_ELASTICITY[edge.data("kind") as string] ?? 0.35;
}

// One anchor for each kind among the centre's neighbours, spread evenly around it, in
// KINDS order: kinds that are often linked face one another (researchers beside their
// works and their institutions, works beside their topics). A single kind has none: it
// has nothing to be told apart from, and an anchor would pull it all to one side.
const ANCHOR_DISTANCE = 500;

function anchorsOf(nodes: SliceNode[]): Map<NodeKind, Point> {
  const present = KINDS.filter((kind) => nodes.some((node) => node.hop === 1 && node.kind === kind));
  if (present.length < 2) {
    return new Map();
  }
  return new Map(
    present.map((kind, index) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / present.length;
      return [kind, { x: ANCHOR_DISTANCE * Math.cos(angle), y: ANCHOR_DISTANCE * Math.sin(angle) }];
    }),
  );
}

const anchorOf = (kind: NodeKind): string => `anchor:${kind}`;

/** fCoSE over `slice`'s `nodes` and the edges between them. */
function forceLayout(slice: Slice, nodes: SliceNode[]): Map<string, Point> {
  const kept = new Set(nodes.map((node) => node.id));
  const anchors = anchorsOf(nodes);
  const cy = cytoscape({
    headless: true,
    // Without a style, a headless node measures 1 px and the layout piles nodes up.
    styleEnabled: true,
    elements: [
      ...nodes.map((node) => ({
        group: "nodes" as const,
        data: { id: node.id, size: sizeOf(node) },
      })),
      ...slice.edges
        .filter((edge) => kept.has(edge.source) && kept.has(edge.target))
        .map((edge) => ({
          group: "edges" as const,
          data: { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind },
        })),
      ...[...anchors].map(([kind, position]) => ({
        group: "nodes" as const,
        data: { id: anchorOf(kind), size: 1 },
        position: { ...position },
      })),
      ...nodes
        .filter((node) => node.hop === 1 && anchors.has(node.kind))
        .map((node) => ({
          group: "edges" as const,
          data: { id: `anchored:${node.id}`, source: node.id, target: anchorOf(node.kind), kind: "ANCHOR" },
        })),
    ],
    style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }],
  });
  const options = {
    name: "fcose",
    quality: "default",
    randomize: true,
    animate: false,
    fit: false,
    nodeRepulsion: () => 20000,
    idealEdgeLength,
    edgeElasticity,
    nodeSeparation: 90,
    gravity: 0.2,
    numIter: 2500,
    fixedNodeConstraint: [
      { nodeId: slice.center, position: { x: 0, y: 0 } },
      ...[...anchors].map(([kind, position]) => ({ nodeId: anchorOf(kind), position })),
    ],
  };
  cy.layout(options as unknown as LayoutOptions).run();
  const positions = new Map(nodes.map((node) => [node.id, { ...cy.getElementById(node.id).position() }]));
  cy.destroy();
  return positions;
}

// Past the centre's neighbours, a ring this far out, and rows this far apart.
const OUTER_GAP = 90;
const OUTER_SPACING = 40;
const OUTER_ROWS = 3;

/** Places each node of `outer` (in place) on a ring around the nodes in `positions`, in
 * the direction of the one it hangs from: of its neighbours placed, the one with fewest
 * relationships in the slice, as it is most likely the one it was found from (a
 * co-author's other work beside the co-author, not beside a topic every work is about).
 * separation.ts then spreads siblings that land on one another. */
function placeOuter(slice: Slice, outer: SliceNode[], positions: Map<string, Point>): void {
  const neighbours = neighboursOf(slice.edges);
  const degree = (id: string) => neighbours.get(id)?.length ?? 0;
  const children = new Map<string, SliceNode[]>();
  for (const node of [...outer].sort(byImportance)) {
    const placed = (neighbours.get(node.id) ?? []).filter((id) => positions.has(id));
    const parent = placed.reduce((best, id) => (degree(id) < degree(best) ? id : best), placed[0] ?? slice.center);
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const origin = positions.get(slice.center) ?? { x: 0, y: 0 };
  const distance = (at: Point) => Math.hypot(at.x - origin.x, at.y - origin.y);
  const reach = Math.max(...[...positions.values()].map(distance)) + OUTER_GAP;
  for (const [parent, nodes] of children) {
    const at = positions.get(parent) ?? origin;
    const facing = Math.atan2(at.y - origin.y, at.x - origin.x);
    nodes.forEach((node, index) => {
      const angle = facing + ((index - (nodes.length - 1) / 2) * OUTER_SPACING) / reach;
      const radius = reach + OUTER_SPACING * (index % OUTER_ROWS);
      positions.set(node.id, { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
    });
  }
}

/** Where each node of `slice` settles, with the centre at the origin. */
export function settle(slice: Slice): Map<string, Point> {
  const large = slice.nodes.length > FORCE_PHASE_NODES;
  const inner = large ? slice.nodes.filter((node) => node.hop <= 1) : slice.nodes;
  const positions = forceLayout(slice, inner);
  if (large) {
    placeOuter(
      slice,
      slice.nodes.filter((node) => !positions.has(node.id)),
      positions,
    );
  }
  separate(
    slice.nodes.map((node) => ({ id: node.id, size: sizeOf(node) })),
    positions,
    slice.center,
  );
  return positions;
}
