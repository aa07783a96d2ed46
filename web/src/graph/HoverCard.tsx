import { Link } from "../components/Link";
import { pathOf } from "../router";
import { KIND_NAMES, type SliceNode } from "./model";

export interface CardTarget {
  node: SliceNode;
  /** Where the node is drawn, in pixels from the canvas's top left corner. */
  x: number;
  y: number;
  /** Its relationships drawn in this view. */
  drawn: number;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}

function distance(hop: number): string {
  return hop === 0 ? "The centre of this graph" : `${plural(hop, "step")} from the centre`;
}

/** What a node is, in full, beside it: on hover, and when its button in the list has focus. */
export function HoverCard({
  target,
  onFocusNode,
  onPointerEnter,
  onPointerLeave,
}: {
  target: CardTarget;
  onFocusNode: (id: string) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}) {
  const { node } = target;
  return (
    <div
      className="graph-card"
      data-testid="graph-card"
      style={{ left: target.x, top: target.y }}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      <p className="kind-tag">{KIND_NAMES[node.kind]}</p>
      <p className="graph-card-label">{node.label}</p>
      <ul className="graph-card-figures">
        <li>{plural(node.weight, "relationship")} in the graph</li>
        <li>{plural(target.drawn, "relationship")} drawn here</li>
        <li>{distance(node.hop)}</li>
      </ul>
      <div className="graph-card-actions">
        <Link to={pathOf(node.kind, node.id)}>Open {KIND_NAMES[node.kind].toLowerCase()} page</Link>
        <button type="button" className="secondary" onClick={() => onFocusNode(node.id)}>
          Focus
        </button>
      </div>
    </div>
  );
}
