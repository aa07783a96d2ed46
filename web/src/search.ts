// What the search box sends: identifiers as typed (the API recognises them and ranks
// their object first), any other text as Lucene terms with the last one a prefix, so
// that results appear while a word is still being typed.
import { useEffect, useState, type Dispatch, type KeyboardEvent, type SetStateAction } from "react";
import SearchDocument from "./graphql/Search.graphql";
import { ApiError } from "./api";
import { send } from "./useQuery";

export type SearchKind = "RESEARCHER" | "WORK" | "TOPIC" | "INSTITUTION";

export interface SearchHit {
  score: number;
  node:
    | { __typename: "Researcher"; id: string; name: string; headline: string | null; orcid: string | null }
    | { __typename: "Work"; id: string; title: string; year: number | null; venue: string | null; doi: string | null; arxivId: string | null }
    | { __typename: "Topic"; id: string; name: string; level: string }
    | { __typename: "Institution"; id: string; name: string; country: string | null; ror: string | null };
}

const IDENTIFIERS: [string, RegExp][] = [
  ["ORCID iD", /^(https?:\/\/orcid\.org\/)?\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/i],
  ["DOI", /^(https?:\/\/(dx\.)?doi\.org\/|doi:)?10\.\d{4,9}\/\S+$/i],
  ["arXiv id", /^(arxiv:|https?:\/\/arxiv\.org\/abs\/)?(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i],
  ["ROR id", /^(https?:\/\/ror\.org\/)?0[a-z0-9]{6}\d{2}$/i],
  ["OpenAlex id", /^(https?:\/\/openalex\.org\/)?[WAIT]\d{4,}$/i],
];

/** The kind of identifier the text is, or null for free text. */
export function identifierKind(text: string): string | null {
  const trimmed = text.trim();
  return IDENTIFIERS.find(([, pattern]) => pattern.test(trimmed))?.[0] ?? null;
}

export function luceneQuery(text: string): string {
  const trimmed = text.trim();
  if (identifierKind(trimmed) !== null) {
    return trimmed;
  }
  const terms = trimmed
    .replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, " ")
    .split(/\s+/)
    .filter((term) => term.length > 0 && !["AND", "OR", "NOT"].includes(term));
  if (terms.length === 0) {
    return "";
  }
  const last = terms.pop() as string;
  return [...terms, `${last}*`].join(" ");
}

export type SearchState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "done"; hits: SearchHit[] };

const DEBOUNCE_MS = 180;

export function useSearch(text: string, kinds: SearchKind[] | null, first = 12): SearchState {
  const [state, setState] = useState<SearchState>({ status: "idle" });
  const query = luceneQuery(text);
  const kindsKey = kinds === null ? "" : kinds.join(",");
  useEffect(() => {
    if (query === "") {
      setState({ status: "idle" });
      return;
    }
    let live = true;
    setState((previous) => (previous.status === "done" ? previous : { status: "loading" }));
    const timer = window.setTimeout(() => {
      const variables: Record<string, unknown> = { query, first };
      if (kindsKey !== "") {
        variables.kinds = kindsKey.split(",");
      }
      send<{ search: SearchHit[] }>(SearchDocument, variables).then(
        (data) => live && setState({ status: "done", hits: data.search }),
        (error: unknown) =>
          live && setState({ status: "error", message: error instanceof ApiError ? error.message : String(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, kindsKey, first]);
  return state;
}

export function hitLabel(hit: SearchHit): string {
  return hit.node.__typename === "Work" ? hit.node.title : hit.node.name;
}

/** A result list's keys in its combobox: the arrows move the active option, Enter chooses
 * it, Escape closes the list. */
export function optionKeys(
  count: number,
  setActive: Dispatch<SetStateAction<number>>,
  choose: () => void,
  close: () => void,
): (event: KeyboardEvent<HTMLInputElement>) => void {
  return (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, count - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose();
    } else if (event.key === "Escape") {
      close();
    }
  };
}
