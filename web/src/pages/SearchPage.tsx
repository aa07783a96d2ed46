// One box over researchers, works, topics and institutions: results as you type, identifier
// matches first (the API ranks them so), arrows to move, Enter to open, Escape to clear.
import { useEffect, useId, useRef, useState } from "react";
import { navigate, pathOf } from "../router";
import { hitLabel, identifierKind, optionKeys, useSearch, type SearchHit } from "../search";
import { HomeOverview } from "./HomeOverview";

function describe(hit: SearchHit): string {
  const node = hit.node;
  switch (node.__typename) {
    case "Researcher":
      return [node.headline, node.orcid && `ORCID ${node.orcid}`].filter(Boolean).join(" · ");
    case "Work":
      return [node.year, node.venue, node.doi && `DOI ${node.doi}`, node.arxivId && `arXiv:${node.arxivId}`].filter(Boolean).join(" · ");
    case "Topic":
      return node.level.toLowerCase();
    case "Institution":
      return [node.country, node.ror && `ROR ${node.ror}`].filter(Boolean).join(" · ");
  }
}

/** Whether the hit is the record the typed identifier names. */
function identifies(hit: SearchHit, text: string): boolean {
  const node = hit.node as Partial<Record<"doi" | "arxivId" | "orcid" | "ror", string | null>>;
  const typed = text.trim().toLowerCase();
  return [node.doi, node.arxivId, node.orcid, node.ror].some(
    (value) => value != null && typed.includes(value.toLowerCase().replace(/^https?:\/\/ror\.org\//, "")),
  );
}

export function SearchPage({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const [active, setActive] = useState(0);
  const found = useSearch(text, null);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const hits = found.status === "done" ? found.hits : [];
  const identifier = identifierKind(text);

  useEffect(() => {
    document.title = "Search · peergraph";
    input.current?.focus();
  }, []);
  useEffect(() => {
    navigate(text.trim() === "" ? "/" : `/?q=${encodeURIComponent(text)}`, { replace: true });
  }, [text]);
  useEffect(() => setActive(0), [found]);

  const tryExample = (query: string) => {
    setText(query);
    input.current?.focus();
  };

  const open = (hit: SearchHit | undefined) => {
    if (hit !== undefined) {
      navigate(pathOf(hit.node.__typename, hit.node.id));
    }
  };

  return (
    <section className="search" aria-labelledby="search-title">
      <h1 id="search-title">Explore the research graph</h1>
      <p className="muted">
        Researchers, works, topics and institutions. An ORCID iD, DOI, arXiv id or ROR id finds its record first.
      </p>
      <label htmlFor="search-box" className="sr-only">
        Search
      </label>
      <input
        id="search-box"
        ref={input}
        className="search-box"
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={hits.length > 0 ? `${listId}-${active}` : undefined}
        placeholder="Name, title, topic, institution, ORCID, DOI, arXiv or ROR id"
        value={text}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={optionKeys(hits.length, setActive, () => open(hits[active]), () => setText(""))}
      />
      <p className="status" role="status" aria-live="polite">
        {found.status === "loading" && "Searching…"}
        {found.status === "error" && found.message}
        {found.status === "done" && `${hits.length} result${hits.length === 1 ? "" : "s"}`}
      </p>
      <ul id={listId} role="listbox" aria-label="Results" className="results">
        {hits.map((hit, index) => (
          <li
            key={hit.node.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className="result"
            onClick={() => open(hit)}
            onMouseEnter={() => setActive(index)}
          >
            <span className={`kind-tag kind-${hit.node.__typename.toLowerCase()}`}>{hit.node.__typename}</span>
            {/* an option holds no link: controls may not nest, and the option is what opens */}
            <span className="result-title">{hitLabel(hit)}</span>
            {identifier !== null && identifies(hit, text) && <span className="tag open">{identifier} match</span>}
            <span className="muted result-detail">{describe(hit)}</span>
          </li>
        ))}
      </ul>
      {text.trim() === "" && <HomeOverview onExample={tryExample} />}
    </section>
  );
}
