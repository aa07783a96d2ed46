// Every drawn node as a button, for the keyboard. Memoised: an expansion changes the
// view's state about six times (busy, message, nodes, expansions, focus…), and most of
// those changes leave these hundreds of rows as they are.
import { memo } from "react";
import { Link } from "../components/Link";
import { pathOf } from "../router";
import { KIND_NAMES, type SliceNode } from "./model";

interface NodeListProps {
  total: number;
  listed: SliceNode[];
  selected: string | null;
  onSelect: (id: string) => void;
  onFocusNode: (id: string) => void;
  onBlurNode: (grace: number) => void;
}

export const NodeList = memo(function NodeList({ total, listed, selected, onSelect, onFocusNode, onBlurNode }: NodeListProps) {
  return (
    <details className="node-list">
      <summary>All {total} nodes as a list</summary>
      <ul>
        {listed.map((node) => (
          <li key={node.id}>
            <button
              type="button"
              onClick={() => onSelect(node.id)}
              onFocus={() => onFocusNode(node.id)}
              onBlur={() => onBlurNode(0)}
              aria-pressed={node.id === selected}
            >
              {node.label}
            </button>{" "}
            <span className="muted">{KIND_NAMES[node.kind]}</span>{" "}
            <Link to={pathOf(node.kind, node.id)}>open</Link>
          </li>
        ))}
      </ul>
    </details>
  );
});
