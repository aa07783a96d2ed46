// Applies labels.ts to a drawn graph: after each change of the viewport, the labels of
// the nodes on screen compete for space in order of importance, and the winners show.
// Only the nodes whose label appears, disappears or needs another size for the zoom are
// restyled: restyling every node costs a frame or more on a 300-node slice.
import type { Core, NodeSingular } from "cytoscape";
import { CENTER_LABEL_PX, LABEL_GAP, LABEL_PLATE, LABEL_PX, labelBox, labelsThatFit, textMeasurer } from "./labels";
import { byImportance } from "./model";

function onScreen(node: NodeSingular, extent: { x1: number; y1: number; x2: number; y2: number }): boolean {
  const { x, y } = node.position();
  return x >= extent.x1 && x <= extent.x2 && y >= extent.y1 && y <= extent.y2;
}

/** The label's sizes in graph units, read by the `node.labelled` style (style.ts). */
function labelSizes(node: NodeSingular, zoom: number) {
  const px = node.data("hop") === 0 ? CENTER_LABEL_PX : LABEL_PX;
  return { labelZoom: zoom, labelPx: px / zoom, labelGap: LABEL_GAP / zoom, labelPlate: LABEL_PLATE / zoom };
}

/** A function that shows the labels of `cy` that fit at its zoom and returns how many
 * are shown. */
export function labelPlacer(cy: Core): () => number {
  const measure = textMeasurer();
  return () => {
    const zoom = cy.zoom();
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
        const labelled = shown.has(node.id());
        if (labelled && node.data("labelZoom") !== zoom) {
          node.data(labelSizes(node, zoom));
        }
        // toggleClass restyles a node even when its class does not change.
        if (node.hasClass("labelled") !== labelled) {
          node.toggleClass("labelled", labelled);
        }
      });
    });
    return shown.size;
  };
}
