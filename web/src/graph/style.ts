import type { Css, StylesheetJson } from "cytoscape";
import type { NodeKind } from "../router";

// Colours readable on white and apart for the common colour-vision deficiencies; the
// shapes differ too, so kinds never rely on colour alone.
export const KIND_STYLE: Record<NodeKind, { color: string; shape: Css.NodeShape }> = {
  RESEARCHER: { color: "#0b5cad", shape: "ellipse" },
  WORK: { color: "#b35c00", shape: "round-rectangle" },
  TOPIC: { color: "#1a7f37", shape: "diamond" },
  INSTITUTION: { color: "#7c3aad", shape: "hexagon" },
};

export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      width: "data(size)",
      height: "data(size)",
      label: "data(short)",
      "font-size": 11,
      "font-family": "system-ui, sans-serif",
      color: "#1b1f24",
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
      "text-valign": "bottom",
      "text-margin-y": 3,
      "min-zoomed-font-size": 7,
      "border-width": 1.5,
      "border-color": "#ffffff",
    },
  },
  ...Object.entries(KIND_STYLE).map(([kind, style]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { "background-color": style.color, shape: style.shape },
  })),
  { selector: "node[hop = 0]", style: { "font-size": 14, "font-weight": "bold" } },
  { selector: "node.truncated", style: { "border-style": "double", "border-width": 5, "border-color": "#6e7781" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#1b1f24" } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "#9aa4ae",
      "curve-style": "straight",
      opacity: 0.75,
    },
  },
  { selector: 'edge[kind = "CITES"]', style: { "line-style": "dashed", "target-arrow-shape": "triangle", "target-arrow-color": "#9aa4ae" } },
  { selector: 'edge[kind = "SUBTOPIC_OF"]', style: { "line-style": "dotted" } },
  { selector: ".hidden", style: { display: "none" } },
  { selector: "node.path", style: { "border-width": 5, "border-color": "#cf222e", "z-index": 10 } },
  { selector: "edge.path", style: { width: 5, "line-color": "#cf222e", opacity: 1, "z-index": 10 } },
];
