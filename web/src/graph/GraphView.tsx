// The research graph: a slice drawn with Cytoscape; a click expands a node through
// `neighbors` (paged), a double click or "Open" goes to its page, "Path to…" highlights a
// co-authorship chain. Every node is also in a list of buttons, for the keyboard.
import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import CollaborationPath from "../graphql/CollaborationPath.graphql";
import GraphSlice from "../graphql/GraphSlice.graphql";
import Neighbors from "../graphql/Neighbors.graphql";
import { Link } from "../components/Link";
import { navigate, pathOf, type NodeKind } from "../router";
import { send } from "../useQuery";
import { ApiError } from "../api";
import {
  aroundParent,
  KIND_NAMES,
  KINDS,
  sizeOf,
  slicePositions,
  type Point,
  type Slice,
  type SliceEdge,
  type SliceNode,
} from "./model";
import { GRAPH_STYLE, KIND_STYLE } from "./style";
import { PathPicker, type PathTarget } from "./PathPicker";

const PAGE_SIZE = 12;
// Nodes of each kind per hop: the page's own slice has 10; the explorer can ask for more.
const SLICE_SIZES = [10, 25, 50];

interface Neighborhood {
  center: string;
  totalCount: number;
  truncated: boolean;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: SliceNode[];
  edges: SliceEdge[];
}

interface Expansion {
  shown: number;
  totalCount: number;
  truncated: boolean;
  endCursor: string | null;
  hasNextPage: boolean;
  rings: number;
}

interface PathResult {
  length: number;
  hops: { source: { id: string; name: string }; work: { id: string; title: string }; target: { id: string; name: string } }[];
}

type GraphElement = HTMLDivElement & { cy?: Core };

function shortLabel(label: string): string {
  return label.length > 28 ? `${label.slice(0, 26)}…` : label;
}

function nodeElement(node: SliceNode, position: Point): ElementDefinition {
  return {
    group: "nodes",
    data: { ...node, size: sizeOf(node), short: shortLabel(node.label) },
    position,
  };
}

function edgeElement(edge: SliceEdge): ElementDefinition {
  return {
    group: "edges",
    data: { ...edge, width: edge.kind === "ABOUT" ? 1 + 3 * edge.weight : 1.5 },
  };
}

function hasEdgeBetween(cy: Core, a: string, b: string): string | null {
  const found = cy
    .getElementById(a)
    .connectedEdges()
    .filter((edge) => edge.source().id() === b || edge.target().id() === b);
  return found.length > 0 ? found[0].id() : null;
}

export function GraphView({ slice: initial, title }: { slice: Slice; title: string }) {
  const [slice, setSlice] = useState(initial);
  const [sliceSize, setSliceSize] = useState(SLICE_SIZES[0]);
  useEffect(() => {
    setSlice(initial);
    setSliceSize(SLICE_SIZES[0]);
  }, [initial]);
  const container = useRef<GraphElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [nodes, setNodes] = useState<SliceNode[]>(slice.nodes);
  const [selected, setSelected] = useState<string | null>(null);
  const [expansions, setExpansions] = useState<Record<string, Expansion>>({});
  const [hiddenKinds, setHiddenKinds] = useState<NodeKind[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [path, setPath] = useState<{ target: PathTarget; result: PathResult | null } | null>(null);
  const center = nodes.find((node) => node.id === slice.center);

  useEffect(() => {
    const element = container.current;
    if (element === null) {
      return;
    }
    const positions = slicePositions(slice);
    const cy = cytoscape({
      container: element,
      elements: [
        ...slice.nodes.map((node) => nodeElement(node, positions.get(node.id) ?? { x: 0, y: 0 })),
        ...slice.edges.map(edgeElement),
      ],
      style: GRAPH_STYLE,
      layout: { name: "preset", fit: true, padding: 24 },
      minZoom: 0.1,
      maxZoom: 3,
      textureOnViewport: slice.nodes.length > 150,
      hideEdgesOnViewport: slice.nodes.length > 150,
      selectionType: "single",
    });
    cyRef.current = cy;
    element.cy = cy;
    setNodes(slice.nodes);
    setSelected(null);
    setExpansions({});
    setPath(null);
    setMessage("");
    return () => {
      cy.destroy();
      cyRef.current = null;
      delete element.cy;
    };
  }, [slice]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) {
      return;
    }
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const hidden = node.id() !== slice.center && hiddenKinds.includes(node.data("kind"));
        // toggleClass restyles a node even when its class does not change: on a slice of
        // 300 nodes, each expansion would restyle them all.
        if (node.hasClass("hidden") !== hidden) {
          node.toggleClass("hidden", hidden);
        }
      });
    });
  }, [hiddenKinds, nodes, slice.center]);

  const add = useCallback(
    (parentId: string, newNodes: SliceNode[], newEdges: SliceEdge[], ring: number): number => {
      const cy = cyRef.current;
      if (cy === null) {
        return 0;
      }
      const parent = cy.getElementById(parentId);
      const fresh = newNodes.filter((node) => cy.getElementById(node.id).empty());
      const origin = cy.getElementById(slice.center).position();
      const places = aroundParent(parent.position(), origin, fresh.length, ring);
      cy.batch(() => {
        cy.add(fresh.map((node, index) => nodeElement({ ...node, hop: node.hop === 0 ? 0 : Math.max(node.hop, (parent.data("hop") as number) + 1) }, places[index])));
        cy.add(newEdges.filter((edge) => cy.getElementById(edge.id).empty()).map(edgeElement));
      });
      if (fresh.length > 0) {
        setNodes((previous) => [...previous, ...fresh]);
      }
      return fresh.length;
    },
    [slice.center],
  );

  const expand = useCallback(
    async (id: string) => {
      const cy = cyRef.current;
      const known = expansions[id];
      if (cy === null || (known !== undefined && !known.hasNextPage)) {
        return;
      }
      setBusy(true);
      const label = cy.getElementById(id).data("label") as string;
      setMessage(`Loading neighbours of ${label}…`);
      try {
        const kinds = KINDS.filter((kind) => !hiddenKinds.includes(kind));
        const { neighbors } = await send<{ neighbors: Neighborhood | null }>(Neighbors, {
          id,
          kinds,
          first: PAGE_SIZE,
          after: known?.endCursor ?? null,
        });
        if (neighbors === null) {
          setMessage(`${label} is no longer in the graph.`);
          return;
        }
        const page = neighbors.nodes.filter((node) => node.id !== neighbors.center);
        const added = add(id, page, neighbors.edges, known?.rings ?? 0);
        const shown = (known?.shown ?? 0) + page.length;
        cy.getElementById(id).toggleClass("truncated", neighbors.truncated || neighbors.pageInfo.hasNextPage);
        setExpansions((previous) => ({
          ...previous,
          [id]: {
            shown,
            totalCount: neighbors.totalCount,
            truncated: neighbors.truncated,
            endCursor: neighbors.pageInfo.endCursor,
            hasNextPage: neighbors.pageInfo.hasNextPage,
            rings: (known?.rings ?? 0) + 1,
          },
        }));
        setMessage(
          `${label}: ${added} new neighbour${added === 1 ? "" : "s"} drawn, ${shown} of ${neighbors.totalCount} loaded.`,
        );
      } catch (error) {
        setMessage(error instanceof ApiError ? error.message : String(error));
      } finally {
        setBusy(false);
      }
    },
    [add, expansions, hiddenKinds],
  );

  const expandRef = useRef(expand);
  expandRef.current = expand;

  const select = useCallback((id: string) => {
    const cy = cyRef.current;
    if (cy === null) {
      return;
    }
    cy.elements(":selected").unselect();
    cy.getElementById(id).select();
    setSelected(id);
    void expandRef.current(id);
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) {
      return;
    }
    cy.on("tap", "node", (event) => select(event.target.id()));
    cy.on("dbltap", "node", (event) => navigate(pathOf(event.target.data("kind"), event.target.id())));
    cy.on("tap", (event) => {
      if (event.target === cy) {
        cy.elements(":selected").unselect();
        setSelected(null);
      }
    });
  }, [slice, select]);

  const showPath = useCallback(
    async (target: PathTarget) => {
      const cy = cyRef.current;
      if (cy === null) {
        return;
      }
      setBusy(true);
      setMessage(`Looking for a co-authorship path to ${target.name}…`);
      try {
        const { collaborationPath } = await send<{ collaborationPath: PathResult | null }>(
          CollaborationPath,
          { from: slice.center, to: target.id },
        );
        cy.elements(".path").removeClass("path");
        setPath({ target, result: collaborationPath });
        if (collaborationPath === null) {
          setMessage(`No co-authorship path to ${target.name} within 6 hops.`);
          return;
        }
        for (const hop of collaborationPath.hops) {
          const researcher = (person: { id: string; name: string }): SliceNode => ({
            id: person.id, kind: "RESEARCHER", label: person.name, weight: 1, strength: 0, hop: 2,
          });
          const work: SliceNode = { id: hop.work.id, kind: "WORK", label: hop.work.title, weight: 1, strength: 0, hop: 2 };
          const links: SliceEdge[] = [];
          for (const [person, id] of [[hop.source, `path:${hop.source.id}:${hop.work.id}`], [hop.target, `path:${hop.target.id}:${hop.work.id}`]] as const) {
            if (hasEdgeBetween(cy, person.id, hop.work.id) === null) {
              links.push({ id, source: person.id, target: hop.work.id, kind: "AUTHORED", weight: 1 });
            }
          }
          add(hop.source.id, [work], [], 0);
          add(hop.work.id, [researcher(hop.target)], links, 0);
          for (const [a, b] of [[hop.source.id, hop.work.id], [hop.target.id, hop.work.id]]) {
            const edge = hasEdgeBetween(cy, a, b);
            if (edge !== null) {
              cy.getElementById(edge).addClass("path");
            }
          }
          cy.getElementById(hop.source.id).addClass("path");
          cy.getElementById(hop.work.id).addClass("path");
          cy.getElementById(hop.target.id).addClass("path");
        }
        cy.elements(".path").removeClass("hidden");
        setMessage(`Path to ${target.name}: ${collaborationPath.length} co-authorship hop${collaborationPath.length === 1 ? "" : "s"}.`);
      } catch (error) {
        setMessage(error instanceof ApiError ? error.message : String(error));
      } finally {
        setBusy(false);
      }
    },
    [add, slice.center],
  );

  const resize = async (size: number) => {
    setSliceSize(size);
    setBusy(true);
    setMessage(`Loading up to ${size} nodes of each kind per hop…`);
    try {
      const { graph } = await send<{ graph: Slice | null }>(GraphSlice, { center: initial.center, limitPerKind: size });
      if (graph !== null) {
        setSlice(graph);
      }
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const counts = useMemo(() => {
    const tally: Record<NodeKind, number> = { RESEARCHER: 0, WORK: 0, TOPIC: 0, INSTITUTION: 0 };
    nodes.forEach((node) => (tally[node.kind] += 1));
    return tally;
  }, [nodes]);
  const selectedNode = nodes.find((node) => node.id === selected);
  const expansion = selected === null ? undefined : expansions[selected];

  return (
    <section className="graph" aria-labelledby="graph-title">
      <div className="graph-head">
        <h2 id="graph-title">{title}</h2>
        {slice.truncated && (
          <p className="truncated-marker" data-testid="truncated-marker">
            <strong>Truncated:</strong> caps cut this hub's neighbourhood. Click a node to load more of its neighbours.
          </p>
        )}
      </div>
      <fieldset className="legend">
        <legend>Kinds shown</legend>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={!hiddenKinds.includes(kind)}
              onChange={(event) =>
                setHiddenKinds((previous) =>
                  event.target.checked ? previous.filter((k) => k !== kind) : [...previous, kind],
                )
              }
            />
            <span className={`swatch swatch-${kind.toLowerCase()}`} style={{ background: KIND_STYLE[kind].color }} aria-hidden="true" />
            {KIND_NAMES[kind]}s <span className="count">({counts[kind]})</span>
          </label>
        ))}
        <span className="legend-note">Size: relationships in the whole graph. Dashed: cites. Red: path.</span>
        <label className="slice-size">
          Per kind and hop
          <select value={sliceSize} onChange={(event) => void resize(Number(event.target.value))} disabled={busy}>
            {SLICE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {center?.kind === "RESEARCHER" && <PathPicker from={center.id} onPick={showPath} disabled={busy} />}
      <div className="graph-body">
        <div
          ref={container}
          className="graph-canvas"
          data-testid="graph-canvas"
          data-nodes={nodes.length}
          data-busy={busy}
          role="img"
          aria-label={`Graph of ${nodes.length} nodes around ${center?.label ?? "this node"}; the list below has them all.`}
        />
        <aside className="graph-panel" aria-label="Selected node">
          {selectedNode === undefined ? (
            <p className="muted">Click a node to expand it; double-click to open its page.</p>
          ) : (
            <>
              <p className="kind-tag">{KIND_NAMES[selectedNode.kind]}</p>
              <p className="selected-label">{selectedNode.label}</p>
              <p className="muted">{selectedNode.weight} relationships in the graph</p>
              {expansion !== undefined && (
                <p data-testid="expansion">
                  {expansion.shown} of {expansion.totalCount} neighbours loaded
                  {expansion.truncated && <span className="truncated-marker"> (truncated: ranked among 1,000 of them)</span>}
                </p>
              )}
              {expansion?.hasNextPage && (
                <button type="button" onClick={() => void expand(selectedNode.id)} disabled={busy}>
                  More neighbours
                </button>
              )}
              <Link to={pathOf(selectedNode.kind, selectedNode.id)} className="button">
                Open {KIND_NAMES[selectedNode.kind].toLowerCase()} page
              </Link>
            </>
          )}
          <button type="button" className="secondary" onClick={() => cyRef.current?.fit(undefined, 24)}>
            Fit to view
          </button>
        </aside>
      </div>
      <p className="status" role="status" aria-live="polite" data-testid="graph-status">{message}</p>
      {path?.result && (
        <ol className="path-list" aria-label={`Path to ${path.target.name}`} data-testid="path">
          {path.result.hops.map((hop) => (
            <li key={`${hop.source.id}-${hop.work.id}`}>
              <Link to={pathOf("RESEARCHER", hop.source.id)}>{hop.source.name}</Link> wrote{" "}
              <Link to={pathOf("WORK", hop.work.id)}>{hop.work.title}</Link> with{" "}
              <Link to={pathOf("RESEARCHER", hop.target.id)}>{hop.target.name}</Link>
            </li>
          ))}
        </ol>
      )}
      <details className="node-list">
        <summary>All {nodes.length} nodes as a list</summary>
        <ul>
          {nodes.filter((node) => node.id === slice.center || !hiddenKinds.includes(node.kind)).map((node) => (
            <li key={node.id}>
              <button type="button" onClick={() => select(node.id)} aria-pressed={node.id === selected}>
                {node.label}
              </button>{" "}
              <span className="muted">{KIND_NAMES[node.kind]}</span>{" "}
              <Link to={pathOf(node.kind, node.id)}>open</Link>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
