// The force-directed layout of a whole slice: fCoSE, started from positions that group
// nodes by kind and by topic (model.ts), with the centre pinned in the middle.
// It runs on a headless Cytoscape that knows only the nodes' sizes: on the drawn graph,
// every step that reads a bounding box would also measure labels, and the drawn graph
// is then made once, with every node where it belongs.
// Its force phase runs at least five iterations per node (cose-base), about 2 s of CPU for
// a 260-node slice on the two-core machine of bench/web.py; past FORCE_PHASE_NODES the
// layout is fCoSE's spectral phase alone ("draft"), a sixth of that, which still places
// connected nodes (works and their topics, co-authors) together; separation.ts then
// spreads out the nodes it piles up.
const FORCE_PHASE_NODES = 150;
import cytoscape, { type EdgeSingular, type LayoutOptions } from "cytoscape";
import fcose from "cytoscape-fcose";
import { sizeOf, type Point, type Slice } from "./model";
import { separate } from "./separation";

cytoscape.use(fcose);

// An ABOUT edge is short and stiff, so that works gather around their topics; the rest
// leave room for a label between two nodes.
function idealEdgeLength(edge: EdgeSingular): number {
  return edge.data("kind") === "ABOUT" ? 80 : 130;
}

function edgeElasticity(edge: EdgeSingular): number {
  return edge.data("kind") === "ABOUT" ? 0.6 : 0.35;
}

/** Where each node of `slice` settles from its place in `start`, with the centre at the
 * origin. */
export function settle(slice: Slice, start: Map<string, Point>): Map<string, Point> {
  const cy = cytoscape({
    headless: true,
    // Without a style, a headless node measures 1 px and the layout piles nodes up.
    styleEnabled: true,
    elements: [
      ...slice.nodes.map((node) => ({
        group: "nodes" as const,
        data: { id: node.id, size: sizeOf(node) },
        position: { ...(start.get(node.id) ?? { x: 0, y: 0 }) },
      })),
      ...slice.edges.map((edge) => ({
        group: "edges" as const,
        data: { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind },
      })),
    ],
    style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }],
  });
  const large = cy.nodes().length > FORCE_PHASE_NODES;
  const options = {
    name: "fcose",
    quality: large ? "draft" : "default",
    randomize: large,
    animate: false,
    fit: false,
    nodeRepulsion: () => 20000,
    idealEdgeLength,
    edgeElasticity,
    nodeSeparation: 90,
    gravity: 0.2,
    numIter: 2500,
    fixedNodeConstraint: [{ nodeId: slice.center, position: { x: 0, y: 0 } }],
  };
  cy.layout(options as unknown as LayoutOptions).run();
  const positions = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
  cy.destroy();
  separate(
    slice.nodes.map((node) => ({ id: node.id, size: sizeOf(node) })),
    positions,
    slice.center,
  );
  return positions;
}
