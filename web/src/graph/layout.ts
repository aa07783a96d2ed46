// The force-directed layout of a whole slice: fCoSE, started from positions that group
// nodes by kind and by topic (model.ts), with the centre pinned in the middle.
import cytoscape, { type Core, type EdgeSingular, type LayoutOptions } from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

// An ABOUT edge is short and stiff, so that works gather around their topics; the rest
// leave room for a label between two nodes.
function idealEdgeLength(edge: EdgeSingular): number {
  return edge.data("kind") === "ABOUT" ? 70 : 110;
}

function edgeElasticity(edge: EdgeSingular): number {
  return edge.data("kind") === "ABOUT" ? 0.6 : 0.35;
}

export function settle(cy: Core, center: string): void {
  const options = {
    name: "fcose",
    quality: "default",
    randomize: false,
    animate: false,
    fit: true,
    padding: 24,
    nodeRepulsion: () => 12000,
    idealEdgeLength,
    edgeElasticity,
    nodeSeparation: 90,
    gravity: 0.3,
    numIter: 2500,
    fixedNodeConstraint: [{ nodeId: center, position: { x: 0, y: 0 } }],
  };
  cy.layout(options as unknown as LayoutOptions).run();
}
