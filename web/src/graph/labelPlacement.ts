// Applies labels.ts to a drawn graph: after each change of the viewport, the labels of
// the nodes on screen compete for space in order of importance, and the losers go quiet.
import type { Core, NodeSingular } from "cytoscape";
import { CENTER_LABEL_PX, LABEL_PX, labelBox, labelsThatFit, textMeasurer } from "./labels";
import { byImportance } from "./model";
import { graphStyle } from "./style";

function onScreen(node: NodeSingular, extent: { x1: number; y1: number; x2: number; y2: number }): boolean {
  const { x, y } = node.position();
  return x >= extent.x1 && x <= extent.x2 && y >= extent.y1 && y <= extent.y2;
}

/** A function that restyles `cy` for its zoom and shows the labels that fit; it returns
 * how many are shown. */
export function labelPlacer(cy: Core): () => number {
  const measure = textMeasurer();
  let styledZoom = Number.NaN;
  return () => {
    const zoom = cy.zoom();
    if (zoom !== styledZoom) {
      cy.style(graphStyle(zoom));
      styledZoom = zoom;
    }
    const extent = cy.extent();
    const contenders: NodeSingular[] = [];
    cy.nodes().forEach((node) => {
      if (node.visible() && !node.hasClass("faded") && onScreen(node, extent)) {
        contenders.push(node);
      }
    });
    contenders.sort((a, b) => byImportance(a.data(), b.data()));
    const shown = labelsThatFit(
      contenders.map((node) => {
        const text = node.data("short") as string;
        const center = node.data("hop") === 0;
        const px = center ? CENTER_LABEL_PX : LABEL_PX;
        const width = measure(text, px, center);
        return { id: node.id(), box: labelBox(node.renderedPosition(), node.renderedOuterHeight(), width, text.split("\n").length, px) };
      }),
    );
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const quiet = !shown.has(node.id());
        // toggleClass restyles a node even when its class does not change.
        if (node.hasClass("quiet") !== quiet) {
          node.toggleClass("quiet", quiet);
        }
      });
    });
    return shown.size;
  };
}
