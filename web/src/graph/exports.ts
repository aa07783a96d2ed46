// The visible slice as files a user takes elsewhere: JSON (the API's own slice shape, with
// positions), GraphML (for Gephi, yEd, Cytoscape desktop, networkx) and SVG. Pure
// functions of what is drawn; the download goes through a Blob link, never the network.
import type { NodeKind } from "../router";
import { KIND_STYLE } from "./style";

export interface DrawnNode {
  id: string;
  kind: NodeKind;
  label: string;
  weight: number;
  hop: number;
  x: number;
  y: number;
  size: number;
  /** The label as shown (wrapped), or null when it is hidden at this zoom. */
  shown: string | null;
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  weight: number;
}

export interface DrawnGraph {
  center: string;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

export function toJson(graph: DrawnGraph): string {
  return JSON.stringify(
    {
      center: graph.center,
      nodes: graph.nodes.map(({ id, kind, label, weight, hop, x, y }) => ({ id, kind, label, weight, hop, x, y })),
      edges: graph.edges,
    },
    null,
    2,
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function graphmlData(key: string, value: string | number): string {
  return `<data key="${key}">${escapeXml(String(value))}</data>`;
}

export function toGraphml(graph: DrawnGraph): string {
  const keys = [
    ["label", "node", "string"],
    ["kind", "node", "string"],
    ["weight", "node", "int"],
    ["hop", "node", "int"],
    ["x", "node", "double"],
    ["y", "node", "double"],
    ["kind", "edge", "string"],
    ["weight", "edge", "double"],
  ].map(([name, target, type]) => `  <key id="${target[0]}_${name}" for="${target}" attr.name="${name}" attr.type="${type}"/>`);
  const nodes = graph.nodes.map(
    (node) =>
      `    <node id="${escapeXml(node.id)}">${graphmlData("n_label", node.label)}${graphmlData("n_kind", node.kind)}` +
      `${graphmlData("n_weight", node.weight)}${graphmlData("n_hop", node.hop)}${graphmlData("n_x", node.x)}${graphmlData("n_y", node.y)}</node>`,
  );
  const edges = graph.edges.map(
    (edge) =>
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">` +
      `${graphmlData("e_kind", edge.kind)}${graphmlData("e_weight", edge.weight)}</edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys,
    `  <graph id="${escapeXml(graph.center)}" edgedefault="directed">`,
    ...nodes,
    ...edges,
    "  </graph>",
    "</graphml>",
    "",
  ].join("\n");
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function polygon(node: DrawnNode, corners: [number, number][]): string {
  const half = node.size / 2;
  return corners.map(([dx, dy]) => `${round(node.x + dx * half)},${round(node.y + dy * half)}`).join(" ");
}

function shapeOf(node: DrawnNode): string {
  const { color, shape } = KIND_STYLE[node.kind];
  const paint = `fill="${color}" stroke="#ffffff" stroke-width="1.5"`;
  const half = node.size / 2;
  if (shape === "round-rectangle") {
    return `<rect x="${round(node.x - half)}" y="${round(node.y - half)}" width="${round(node.size)}" height="${round(node.size)}" rx="${round(node.size / 6)}" ${paint}/>`;
  }
  if (shape === "diamond") {
    return `<polygon points="${polygon(node, [[0, -1], [1, 0], [0, 1], [-1, 0]])}" ${paint}/>`;
  }
  if (shape === "hexagon") {
    return `<polygon points="${polygon(node, [[-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1], [-1, 0]])}" ${paint}/>`;
  }
  return `<circle cx="${round(node.x)}" cy="${round(node.y)}" r="${round(half)}" ${paint}/>`;
}

const DASHES: Record<string, string> = { CITES: ' stroke-dasharray="6 4"', SUBTOPIC_OF: ' stroke-dasharray="2 3"' };

/** An SVG of the drawing: edges, then nodes, then the labels shown, at `labelSize` units
 * (the on-screen size at the current zoom, so that the file reads like the screen). */
export function toSvg(graph: DrawnGraph, labelSize: number): string {
  const at = new Map(graph.nodes.map((node) => [node.id, node]));
  const margin = 20 + 3 * labelSize;
  const left = Math.min(...graph.nodes.map((node) => node.x - node.size / 2)) - margin;
  const top = Math.min(...graph.nodes.map((node) => node.y - node.size / 2)) - margin;
  const right = Math.max(...graph.nodes.map((node) => node.x + node.size / 2)) + margin;
  const bottom = Math.max(...graph.nodes.map((node) => node.y + node.size / 2)) + margin;
  const lines = graph.edges.flatMap((edge) => {
    const source = at.get(edge.source);
    const target = at.get(edge.target);
    return source === undefined || target === undefined
      ? []
      : [`<line x1="${round(source.x)}" y1="${round(source.y)}" x2="${round(target.x)}" y2="${round(target.y)}" stroke="#9aa4ae" stroke-width="1.5"${DASHES[edge.kind] ?? ""}/>`];
  });
  const labels = graph.nodes.flatMap((node) => {
    if (node.shown === null) {
      return [];
    }
    const size = node.hop === 0 ? labelSize * 1.15 : labelSize;
    const spans = node.shown
      .split("\n")
      .map((line, index) => `<tspan x="${round(node.x)}" dy="${index === 0 ? 0 : round(size * 1.2)}">${escapeXml(line)}</tspan>`);
    const y = node.y + node.size / 2 + size;
    return [`<text x="${round(node.x)}" y="${round(y)}" font-size="${round(size)}"${node.hop === 0 ? ' font-weight="bold"' : ""}>${spans.join("")}</text>`];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${round(left)} ${round(top)} ${round(right - left)} ${round(bottom - top)}" width="${round(right - left)}" height="${round(bottom - top)}">`,
    `<rect x="${round(left)}" y="${round(top)}" width="${round(right - left)}" height="${round(bottom - top)}" fill="#ffffff"/>`,
    `<g>${lines.join("")}</g>`,
    `<g>${graph.nodes.map(shapeOf).join("")}</g>`,
    `<g font-family="system-ui, sans-serif" fill="#1b1f24" text-anchor="middle" stroke="#ffffff" stroke-width="${round(labelSize / 6)}" paint-order="stroke">${labels.join("")}</g>`,
    "</svg>",
    "",
  ].join("\n");
}

/** Saves `content` as `name` through a temporary object URL. */
export function download(content: Blob, name: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the URL when the click is handled; revoke once that has happened.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function fileName(label: string, extension: string): string {
  const slug = label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `graph-${slug || "slice"}.${extension}`;
}
