import { useId, useState } from "react";
import { hitLabel, optionKeys, useSearch } from "../search";

export interface PathTarget {
  id: string;
  name: string;
}

const RESEARCHERS = ["RESEARCHER" as const];

/** "Path to…": pick a researcher by name, then the graph highlights the chain. */
export function PathPicker({ from, onPick, disabled }: { from: string; onPick: (target: PathTarget) => void; disabled: boolean }) {
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const found = useSearch(text, RESEARCHERS, 8);
  const listId = useId();
  const hits = found.status === "done" ? found.hits.filter((hit) => hit.node.id !== from) : [];
  const pick = (index: number) => {
    const hit = hits[index];
    if (hit === undefined) {
      return;
    }
    setText(hitLabel(hit));
    setOpen(false);
    onPick({ id: hit.node.id, name: hitLabel(hit) });
  };
  return (
    <div className="path-picker">
      <label htmlFor={`${listId}-input`}>Path to…</label>
      <input
        id={`${listId}-input`}
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits.length > 0 ? `${listId}-${active}` : undefined}
        placeholder="a researcher's name"
        value={text}
        disabled={disabled}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={optionKeys(hits.length, setActive, () => pick(active), () => setOpen(false))}
      />
      {open && hits.length > 0 && (
        <ul id={listId} role="listbox" className="suggestions">
          {hits.map((hit, index) => (
            <li
              key={hit.node.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(index);
              }}
            >
              {hitLabel(hit)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
