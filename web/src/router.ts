// Client-side routes over the History API: /, /r/<id>, /w/<id>, /t/<id>, /i/<id>, /claims.
import { useSyncExternalStore } from "react";

export type Route =
  | { page: "search"; query: string }
  | { page: "researcher" | "work" | "topic" | "institution"; id: string }
  | { page: "claims" }
  | { page: "missing"; path: string };

const PAGES = { r: "researcher", w: "work", t: "topic", i: "institution" } as const;
export type NodeKind = "RESEARCHER" | "WORK" | "TOPIC" | "INSTITUTION";
const PREFIX: Record<NodeKind, keyof typeof PAGES> = {
  RESEARCHER: "r",
  WORK: "w",
  TOPIC: "t",
  INSTITUTION: "i",
};
const TYPENAMES: Record<string, NodeKind> = {
  Researcher: "RESEARCHER",
  Work: "WORK",
  Topic: "TOPIC",
  Institution: "INSTITUTION",
};

export function pathOf(kind: NodeKind | string, id: string): string {
  const nodeKind = (TYPENAMES[kind] ?? kind) as NodeKind;
  return `/${PREFIX[nodeKind]}/${encodeURIComponent(id)}`;
}

export function parse(location: { pathname: string; search: string }): Route {
  const path = location.pathname;
  if (path === "/" || path === "/index.html") {
    return { page: "search", query: new URLSearchParams(location.search).get("q") ?? "" };
  }
  if (path === "/claims") {
    return { page: "claims" };
  }
  const match = /^\/([rwti])\/([^/]+)\/?$/.exec(path);
  if (match !== null) {
    const page = PAGES[match[1] as keyof typeof PAGES];
    return { page, id: decodeURIComponent(match[2]) };
  }
  return { page: "missing", path };
}

const listeners = new Set<() => void>();
let href = window.location.href;

function changed(): void {
  href = window.location.href;
  listeners.forEach((listener) => listener());
}

window.addEventListener("popstate", changed);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    window.history.replaceState(null, "", to);
  } else {
    window.history.pushState(null, "", to);
    window.scrollTo(0, 0);
  }
  changed();
}

export function useRoute(): Route {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => href,
  );
  return parse(new URL(current));
}
