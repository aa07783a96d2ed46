// The research graph: a slice drawn with Cytoscape and laid out by force; a click expands a
// node through `neighbors` (paged) and brings its neighbourhood forward, a double click or
// "Open" goes to its page, "Path to…" highlights a co-authorship chain. Labels show as zoom
// makes room for them; a card tells each node in full. Every node is also in a list of
// buttons, for the keyboard.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from "cytoscape";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import CollaborationPath from "../graphql/CollaborationPath.graphql";
import GraphSlice from "../graphql/GraphSlice.graphql";
import Neighbors from "../graphql/Neighbors.graphql";
import { Link } from "../components/Link";
import { navigate, pathOf, type NodeKind } from "../router";
import { send } from "../useQuery";
import { ApiError } from "../api";
import { ExportMenu } from "./ExportMenu";
import type { DrawnGraph } from "./exports";
import { HoverCard, type CardTarget } from "./HoverCard";
import { LABEL_PX, wrapLabel } from "./labels";
import { labelPlacer } from "./labelPlacement";
import { NodeList } from "./NodeList";
import { settle } from "./layout";
import { afterPaint } from "./schedule";
import {
  KIND_NAMES,
  KINDS,
  placeAround,
  sizeOf,
  type Point,
  type Slice,
  type SliceEdge,
  type SliceNode,
} from "./model";
import { GRAPH_STYLE, KIND_STYLE } from "./style";
import { PathPicker, type PathTarget } from "./PathPicker";
import "./graph.css";

const PAGE_SIZE = 12;
// Nodes of each kind per hop: the page's own slice has 10; the explorer can ask for more.
const SLICE_SIZES = [10, 25, 50];
// The most nodes one view draws. The API sends at most 401 per slice (50 of each of four
// kinds on each of two hops: core/bounds.py) and 12 per expansion, so only a user who
// expands about fifty nodes by hand gets here; a WebGL renderer would draw more, but not
// make them readable on a page-sized canvas, where labels already give way at 400. Past
// this cap the view says so and points to the node's own page, a new centre.
const MAX_DRAWN = 1000;
const CARD_GRACE_MS = 250;
const LABELS_AFTER_MS = 120;

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
}

interface PathResult {
  length: number;
  hops: { source: { id: string; name: string }; work: { id: string; title: string }; target: { id: string; name: string } }[];
}

type GraphElement = HTMLDivElement & { cy?: Core };

function nodeElement(node: SliceNode, position: Point): ElementDefinition {
  return {
    group: "nodes",
    data: { ...node, size: sizeOf(node), short: wrapLabel(node.label, node.hop === 0 ? 3 : 2) },
    position,
  };
}

function drawnGraph(cy: Core, center: string): DrawnGraph {
  return {
    center,
    nodes: cy.nodes(":visible").map((node) => ({
      id: node.id(),
      kind: node.data("kind") as NodeKind,
      label: node.data("label") as string,
      weight: node.data("weight") as number,
      hop: node.data("hop") as number,
      x: node.position().x,
      y: node.position().y,
      size: node.data("size") as number,
      shown: node.hasClass("labelled") && !node.hasClass("faded") ? (node.data("short") as string) : null,
    })),
    edges: cy.edges(":visible").map((edge) => ({
      id: edge.id(),
      source: edge.source().id(),
      target: edge.target().id(),
      kind: edge.data("kind") as string,
      weight: edge.data("weight") as number,
    })),
  };
}

/** The view's state as a Cytoscape instance shows it: which node is in focus, which
 * kinds are hidden, and how many nodes are drawn (new ones need hiding and labels). */
interface ShownView {
  cy: Core;
  focused: string | null;
  hiddenKinds: NodeKind[];
  drawn: number;
}

function sameView(a: ShownView, b: ShownView): boolean {
  return a.cy === b.cy && a.focused === b.focused && a.hiddenKinds === b.hiddenKinds && a.drawn === b.drawn;
}

/** Hides the nodes of `kinds`, but never the centre. */
function hideKinds(cy: Core, center: string, kinds: NodeKind[]): void {
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const hidden = node.id() !== center && kinds.includes(node.data("kind"));
      // toggleClass restyles a node even when its class does not change: on a slice of
      // 300 nodes, each expansion would restyle them all.
      if (node.hasClass("hidden") !== hidden) {
        node.toggleClass("hidden", hidden);
      }
    });
  });
}

/** Fades all but `node` and its neighbours; with no node, brings everything back. Only
 * the elements whose fade changes are restyled, in one call each way: addClass restyles
 * an element even when it has the class already. */
function spotlight(cy: Core, node: NodeSingular | null): void {
  const fading = node === null || node.empty() ? cy.collection() : cy.elements().difference(node.closedNeighborhood());
  cy.batch(() => {
    fading.filter((element) => !element.hasClass("faded")).addClass("faded");
    cy.elements(".faded").difference(fading).removeClass("faded");
  });
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
  const [drawn, setDrawn] = useState<Core | null>(null);
  const [nodes, setNodes] = useState<SliceNode[]>(slice.nodes);
  const [selected, setSelected] = useState<string | null>(null);
  const [expansions, setExpansions] = useState<Record<string, Expansion>>({});
  const [hiddenKinds, setHiddenKinds] = useState<NodeKind[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [path, setPath] = useState<{ target: PathTarget; result: PathResult | null } | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [card, setCard] = useState<CardTarget | null>(null);
  const [capped, setCapped] = useState(false);
  const placeLabels = useRef<() => number>(() => 0);
  const cardTimer = useRef<number | undefined>(undefined);
  const center = nodes.find((node) => node.id === slice.center);

  // The graph is laid out and drawn after the page has painted: the rest of the page does
  // not wait for it. data-layout tells tests and bench/web.py when it is drawn.
  useEffect(() => {
    const element = container.current;
    if (element === null) {
      return;
    }
    element.dataset.layout = "pending";
    let cy: Core | null = null;
    let resting = 0;
    const cancel = afterPaint(() => {
      const positions = settle(slice);
      cy = cytoscape({
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
      const place = labelPlacer(cy);
      place();
      placeLabels.current = place;
      // Labels are placed again once the viewport rests: restyling 300 labels for every
      // step of a wheel zoom would make the zoom itself stutter. data-labels tells tests.
      element.dataset.labels = "placed";
      cy.on("viewport", () => {
        element.dataset.labels = "moving";
        window.clearTimeout(resting);
        resting = window.setTimeout(() => {
          place();
          element.dataset.labels = "placed";
        }, LABELS_AFTER_MS);
        setCard(null);
      });
      cyRef.current = cy;
      element.cy = cy;
      element.dataset.layout = "done";
      setDrawn(cy);
      setNodes(slice.nodes);
    });
    setSelected(null);
    setExpansions({});
    setPath(null);
    setMessage("");
    setFocused(null);
    setCard(null);
    setCapped(false);
    return () => {
      cancel();
      window.clearTimeout(resting);
      cy?.destroy();
      cyRef.current = null;
      setDrawn(null);
      placeLabels.current = () => 0;
      delete element.cy;
    };
  }, [slice]);

  // What Cytoscape shows of the view's state, so that a render which changes none of it
  // (busy, a message) costs no pass over every element and no label contest.
  const shown = useRef<ShownView | null>(null);
  const showView = useCallback(
    (view: ShownView) => {
      const { cy } = view;
      const before = shown.current;
      if (before !== null && sameView(before, view)) {
        return;
      }
      if (before === null || before.cy !== view.cy || before.hiddenKinds !== view.hiddenKinds || before.drawn !== view.drawn) {
        hideKinds(cy, slice.center, view.hiddenKinds);
      }
      spotlight(cy, view.focused === null ? null : cy.getElementById(view.focused));
      placeLabels.current();
      shown.current = view;
    },
    [slice.center],
  );

  useEffect(() => {
    if (drawn === null) {
      return;
    }
    // After the frame that draws what changed: an expansion's neighbours show first, then
    // the rest fades and the labels are contested, which restyles most of the graph and
    // would hold that frame back by as long again.
    return afterPaint(() => showView({ cy: drawn, focused, hiddenKinds, drawn: nodes.length }));
  }, [drawn, hiddenKinds, nodes, focused, showView]);

  const add = useCallback(
    (parentId: string, newNodes: SliceNode[], newEdges: SliceEdge[]): number | null => {
      const cy = cyRef.current;
      if (cy === null) {
        return null;
      }
      const parent = cy.getElementById(parentId);
      const fresh = newNodes.filter((node) => cy.getElementById(node.id).empty());
      if (cy.nodes().length + fresh.length > MAX_DRAWN) {
        setCapped(true);
        return null;
      }
      const hopOf = (node: SliceNode) => (node.hop === 0 ? 0 : Math.max(node.hop, (parent.data("hop") as number) + 1));
      const places = placeAround(
        { position: parent.position(), size: parent.data("size") as number },
        cy.getElementById(slice.center).position(),
        cy.nodes().map((node) => ({ position: node.position(), size: node.data("size") as number })),
        fresh.map((node) => sizeOf({ ...node, hop: hopOf(node) })),
      );
      cy.batch(() => {
        cy.add(fresh.map((node, index) => nodeElement({ ...node, hop: hopOf(node) }, places[index])));
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
    async (id: string, focus: boolean) => {
      const cy = cyRef.current;
      if (cy === null) {
        return;
      }
      // The rest fades once the neighbours are drawn: fading it at the click would draw
      // the whole graph faded while the request is out, and again with the neighbours.
      const bringForward = () => {
        if (focus) {
          setFocused(id);
        }
      };
      const known = expansions[id];
      if (known !== undefined && !known.hasNextPage) {
        bringForward();
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
        const added = add(id, page, neighbors.edges);
        if (added === null) {
          setMessage(`${label}: not drawn, this view holds at most ${MAX_DRAWN.toLocaleString("en")} nodes.`);
          return;
        }
        const shown = (known?.shown ?? 0) + page.length;
        const truncated = neighbors.truncated || neighbors.pageInfo.hasNextPage;
        if (cy.getElementById(id).hasClass("truncated") !== truncated) {
          cy.getElementById(id).toggleClass("truncated", truncated);
        }
        setExpansions((previous) => ({
          ...previous,
          [id]: {
            shown,
            totalCount: neighbors.totalCount,
            truncated: neighbors.truncated,
            endCursor: neighbors.pageInfo.endCursor,
            hasNextPage: neighbors.pageInfo.hasNextPage,
          },
        }));
        setMessage(
          `${label}: ${added} new neighbour${added === 1 ? "" : "s"} drawn, ${shown} of ${neighbors.totalCount} loaded.`,
        );
      } catch (error) {
        setMessage(error instanceof ApiError ? error.message : String(error));
      } finally {
        bringForward();
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
    void expandRef.current(id, true);
  }, []);

  const showCard = useCallback((id: string) => {
    const cy = cyRef.current;
    const node = cy?.getElementById(id);
    if (cy === null || node === undefined || node.empty()) {
      return;
    }
    window.clearTimeout(cardTimer.current);
    const at = node.renderedPosition();
    cy.nodes(".hovered").removeClass("hovered");
    node.addClass("hovered");
    setCard({
      node: { ...(node.data() as SliceNode) },
      x: at.x,
      y: at.y + node.renderedOuterHeight() / 2,
      drawn: node.connectedEdges().length,
    });
  }, []);

  const hideCard = useCallback((grace: number) => {
    window.clearTimeout(cardTimer.current);
    cardTimer.current = window.setTimeout(() => {
      cyRef.current?.nodes(".hovered").removeClass("hovered");
      setCard(null);
    }, grace);
  }, []);

  const focusOn = useCallback((id: string) => {
    const cy = cyRef.current;
    if (cy === null) {
      return;
    }
    setFocused(id);
    const node = cy.getElementById(id);
    cy.animate({ fit: { eles: node.closedNeighborhood(":visible"), padding: 40 }, duration: 300 });
  }, []);

  const leaveFocus = useCallback(() => {
    setFocused(null);
    cyRef.current?.animate({ fit: { eles: cyRef.current.elements(":visible"), padding: 24 }, duration: 300 });
  }, []);

  useEffect(() => {
    const cy = drawn;
    if (cy === null) {
      return;
    }
    cy.on("tap", "node", (event) => {
      // The panel now tells the node: the card would only repeat it over the graph.
      hideCard(0);
      select(event.target.id());
    });
    cy.on("dbltap", "node", (event) => navigate(pathOf(event.target.data("kind"), event.target.id())));
    cy.on("tap", (event) => {
      if (event.target === cy) {
        cy.elements(":selected").unselect();
        setSelected(null);
        setFocused(null);
      }
    });
    cy.on("mouseover", "node", (event) => showCard(event.target.id()));
    cy.on("mouseout", "node", () => hideCard(CARD_GRACE_MS));
  }, [drawn, select, showCard, hideCard]);

  useEffect(() => () => window.clearTimeout(cardTimer.current), []);

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
          add(hop.source.id, [work], []);
          add(hop.work.id, [researcher(hop.target)], links);
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
  const listed = useMemo(
    () => nodes.filter((node) => node.id === slice.center || !hiddenKinds.includes(node.kind)),
    [nodes, hiddenKinds, slice.center],
  );
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
        <div className="graph-stage">
          <div
            ref={container}
            className="graph-canvas"
            data-testid="graph-canvas"
            data-nodes={nodes.length}
            data-busy={busy}
            onPointerLeave={() => hideCard(CARD_GRACE_MS)}
            role="img"
            aria-label={`Graph of ${nodes.length} nodes around ${center?.label ?? "this node"}; the list below has them all.`}
          />
          {card !== null && (
            <HoverCard
              target={card}
              onFocusNode={focusOn}
              onPointerEnter={() => window.clearTimeout(cardTimer.current)}
              onPointerLeave={() => hideCard(CARD_GRACE_MS)}
            />
          )}
        </div>
        <aside className="graph-panel" aria-label="Selected node">
          {selectedNode === undefined ? (
            <p className="muted">Click a node to expand it and bring its neighbours forward; double-click to open its page. Zoom in for more labels.</p>
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
                <button type="button" onClick={() => void expand(selectedNode.id, false)} disabled={busy || capped}>
                  More neighbours
                </button>
              )}
              <button type="button" className="secondary" onClick={() => focusOn(selectedNode.id)}>
                Zoom to its neighbours
              </button>
              <Link to={pathOf(selectedNode.kind, selectedNode.id)} className="button">
                Open {KIND_NAMES[selectedNode.kind].toLowerCase()} page
              </Link>
            </>
          )}
          {focused !== null && (
            <button type="button" className="secondary" onClick={leaveFocus}>
              Show the whole graph
            </button>
          )}
          <button type="button" className="secondary" onClick={() => cyRef.current?.fit(undefined, 24)}>
            Fit to view
          </button>
          <ExportMenu
            name={center?.label ?? title}
            drawn={() => (cyRef.current === null ? null : drawnGraph(cyRef.current, slice.center))}
            png={() => cyRef.current?.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }) ?? null}
            labelSize={() => LABEL_PX / (cyRef.current?.zoom() ?? 1)}
          />
        </aside>
      </div>
      {capped && (
        <p className="graph-cap" data-testid="graph-cap">
          <strong>This view stops at {MAX_DRAWN.toLocaleString("en")} nodes.</strong> Past that, labels and edges no longer read on
          a canvas this size, so further neighbours are not drawn. Open a node's page to explore from it as a new centre.
        </p>
      )}
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
      <NodeList
        total={nodes.length}
        listed={listed}
        selected={selected}
        onSelect={select}
        onFocusNode={showCard}
        onBlurNode={hideCard}
      />
    </section>
  );
}
