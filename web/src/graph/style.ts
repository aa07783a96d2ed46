import type { Css, NodeSingular, StylesheetJson } from "cytoscape";
import type { NodeKind } from "../router";
import { LABEL_FONT, LABEL_LINE_HEIGHT } from "./labels";

// Colours readable on white and apart for the common colour-vision deficiencies; the
// shapes differ too, so kinds never rely on colour alone.
export const KIND_STYLE: Record<NodeKind, { color: string; shape: Css.NodeShape }> = {
  RESEARCHER: { color: "#0b5cad", shape: "ellipse" },
  WORK: { color: "#b35c00", shape: "round-rectangle" },
  TOPIC: { color: "#1a7f37", shape: "diamond" },
  INSTITUTION: { color: "#7c3aad", shape: "hexagon" },
};

/** The stylesheet, the same at every zoom. A node shows its label only with the class
 * `labelled` (labelPlacement.ts gives it to the labels that fit), and its label's sizes
 * come from the node's data, divided by the zoom there: a label is as large on screen at
 * every zoom, and a change of zoom restyles the labelled nodes alone. */
export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      width: "data(size)",
      height: "data(size)",
      "font-family": LABEL_FONT,
      "line-height": LABEL_LINE_HEIGHT,
      "text-wrap": "wrap",
      "text-max-width": "4000px",
      color: "#1b1f24",
      // A light plate under each label keeps it readable where it crosses edges and nodes.
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-shape": "roundrectangle",
      "text-valign": "bottom",
      "border-width": 1.5,
      "border-color": "#ffffff",
      "z-index": 1,
    },
  },
  ...Object.entries(KIND_STYLE).map(([kind, style]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { "background-color": style.color, shape: style.shape },
  })),
  {
    selector: "node.labelled",
    style: {
      label: "data(short)",
      "font-size": "data(labelPx)",
      // (Cytoscape's types take no data() mapper here.)
      "text-margin-y": (node: NodeSingular) => node.data("labelGap") as number,
      "text-background-padding": "data(labelPlate)",
      // A node whose label shows is drawn over the others, so nothing covers its label
      // but another labelled node.
      "z-index": 5,
    },
  },
  { selector: "node[hop = 0]", style: { "font-weight": "bold", "z-index": 9 } },
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
  { selector: ".hidden", style: { display: "none" } },
  { selector: "node.path", style: { "border-width": 5, "border-color": "#cf222e", "z-index": 10 } },
  { selector: "edge.path", style: { width: 5, "line-color": "#cf222e", opacity: 1, "z-index": 10 } },
];
