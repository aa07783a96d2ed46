// The force-directed layout of a whole slice: fCoSE, started from positions that group
// nodes by kind and by topic (model.ts), with the centre pinned in the middle.
// Its force phase runs at least five iterations per node (cose-base), about 2 s of CPU for
// a 260-node slice on the two-core machine of bench/web.py; past FORCE_PHASE_NODES the
// layout is fCoSE's spectral phase alone ("draft"), a sixth of that, which still places
// connected nodes (works and their topics, co-authors) together.
const FORCE_PHASE_NODES = 150;
import cytoscape, { type Core, type EdgeSingular, type LayoutOptions } from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

// An ABOUT edge is short and stiff, so that works gather around their topics; the rest
// leave room for a label between two nodes.
function idealEdgeLength(edge: EdgeSingular): number {
  return edge.data("kind") === "ABOUT" ? 80 : 130;
}

function edgeElasticity(edge: EdgeSingular): number {
  return edge.data("kind") === "ABOUT" ? 0.6 : 0.35;
}

export function settle(cy: Core, center: string): void {
  const large = cy.nodes().length > FORCE_PHASE_NODES;
  const options = {
    name: "fcose",
    quality: large ? "draft" : "default",
    randomize: large,
    animate: false,
    fit: true,
    padding: 24,
    nodeRepulsion: () => 20000,
    idealEdgeLength,
    edgeElasticity,
    nodeSeparation: 90,
    gravity: 0.2,
    numIter: 2500,
    fixedNodeConstraint: [{ nodeId: center, position: { x: 0, y: 0 } }],
  };
  cy.layout(options as unknown as LayoutOptions).run();
}
