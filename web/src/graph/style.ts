import type { Css, StylesheetJson } from "cytoscape";
import type { NodeKind } from "../router";
import { CENTER_LABEL_PX, LABEL_FONT, LABEL_GAP, LABEL_LINE_HEIGHT, LABEL_PLATE, LABEL_PX } from "./labels";

// Colours readable on white and apart for the common colour-vision deficiencies; the
// shapes differ too, so kinds never rely on colour alone.
export const KIND_STYLE: Record<NodeKind, { color: string; shape: Css.NodeShape }> = {
  RESEARCHER: { color: "#0b5cad", shape: "ellipse" },
  WORK: { color: "#b35c00", shape: "round-rectangle" },
  TOPIC: { color: "#1a7f37", shape: "diamond" },
  INSTITUTION: { color: "#7c3aad", shape: "hexagon" },
};

/** The stylesheet at a zoom level: label sizes are divided by the zoom, so that a label
 * is as large on screen at every zoom and labels.ts can tell which ones fit. */
export function graphStyle(zoom: number): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        width: "data(size)",
        height: "data(size)",
        label: "data(short)",
        "font-size": LABEL_PX / zoom,
        "font-family": LABEL_FONT,
        "line-height": LABEL_LINE_HEIGHT,
        "text-wrap": "wrap",
        "text-max-width": "4000px",
        color: "#1b1f24",
        // A light plate under each label keeps it readable where it crosses edges and nodes.
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": `${LABEL_PLATE / zoom}px`,
        "text-background-shape": "roundrectangle",
        "text-valign": "bottom",
        "text-margin-y": LABEL_GAP / zoom,
        "border-width": 1.5,
        "border-color": "#ffffff",
        // A node whose label shows is drawn over the quiet ones, so nothing covers its label
        // but another labelled node.
        "z-index": 5,
      },
    },
    ...Object.entries(KIND_STYLE).map(([kind, style]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { "background-color": style.color, shape: style.shape },
    })),
    { selector: "node[hop = 0]", style: { "font-size": CENTER_LABEL_PX / zoom, "font-weight": "bold", "z-index": 9 } },
    { selector: "node.quiet", style: { label: "", "z-index": 1 } },
    { selector: "node.truncated", style: { "border-style": "double", "border-width": 5, "border-color": "#6e7781" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#1b1f24" } },
    { selector: "node.hovered", style: { "underlay-color": "#0969da", "underlay-opacity": 0.25, "underlay-padding": 6 } },
    {
      selector: "edge",
      style: {
        width: "data(width)",
        "line-color": "#9aa4ae",
        "curve-style": "straight",
        opacity: 0.6,
      },
    },
    { selector: 'edge[kind = "CITES"]', style: { "line-style": "dashed", "target-arrow-shape": "triangle", "target-arrow-color": "#9aa4ae" } },
    { selector: 'edge[kind = "SUBTOPIC_OF"]', style: { "line-style": "dotted" } },
    { selector: ".faded", style: { opacity: 0.12 } },
    { selector: "node.faded", style: { label: "" } },
    { selector: ".hidden", style: { display: "none" } },
    { selector: "node.path", style: { "border-width": 5, "border-color": "#cf222e", "z-index": 10 } },
    { selector: "edge.path", style: { width: 5, "line-color": "#cf222e", opacity: 1, "z-index": 10 } },
  ];
}
