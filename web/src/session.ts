// The signed-in user: kept in sessionStorage (gone with the tab), never in a URL.
import { useSyncExternalStore } from "react";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: "USER" | "MODERATOR";
}

export interface Session {
  token: string;
  expiresAt: string;
  viewer: Viewer;
}

const KEY = "peergraph.session";
const listeners = new Set<() => void>();

function read(): Session | null {
  const stored = sessionStorage.getItem(KEY);
  if (stored === null) {
    return null;
  }
  try {
    const session = JSON.parse(stored) as Session;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

let current = read();

export function currentSession(): Session | null {
  if (current !== null && Date.parse(current.expiresAt) <= Date.now()) {
    signOut();
  }
  return current;
}

export function signIn(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  current = session;
  listeners.forEach((listener) => listener());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  current = null;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, () => current);
}
