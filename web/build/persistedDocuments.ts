// The GraphQL documents the app sends, and persisted-documents.json beside the build: each
// .graphql file becomes {text, hash, operationName}; `# import "./x.graphql"` lines pull in
// fragments, so a document's text is whole and the hash the server checks is of that text.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Plugin } from "vite";

const IMPORT = /^#\s*import\s+"([^"]+)"\s*$/gm;

export interface Document {
  text: string;
  hash: string;
  operationName: string;
}

function collect(path: string, seen: Set<string>): string[] {
  if (seen.has(path)) {
    return [];
  }
  seen.add(path);
  const source = readFileSync(path, "utf-8");
  const imported = [...source.matchAll(IMPORT)].flatMap((match) =>
    collect(resolve(dirname(path), match[1]), seen),
  );
  return [source.replace(IMPORT, "").trim(), ...imported];
}

export function documentOf(path: string): Document {
  const text = collect(path, new Set()).join("\n\n") + "\n";
  const operation = /^\s*(?:query|mutation)\s+(\w+)/m.exec(text);
  if (operation === null) {
    throw new Error(`${path}: a document needs one named query or mutation`);
  }
  return {
    text,
    hash: createHash("sha256").update(text, "utf-8").digest("hex"),
    operationName: operation[1],
  };
}

/** Every operation under `directory` (fragments live in its subfolder `fragments`). */
export function operationsIn(directory: string): Document[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => documentOf(join(directory, name)));
}

export function persistedDocuments(directory: string): Plugin {
  return {
    name: "peergraph-persisted-documents",
    transform(_code, id) {
      if (!id.endsWith(".graphql")) {
        return null;
      }
      for (const match of readFileSync(id, "utf-8").matchAll(IMPORT)) {
        this.addWatchFile(resolve(dirname(id), match[1]));
      }
      return { code: `export default ${JSON.stringify(documentOf(id))};`, map: null };
    },
    generateBundle() {
      const manifest = Object.fromEntries(
        operationsIn(directory).map((document) => [document.hash, document.text]),
      );
      this.emitFile({
        type: "asset",
        fileName: "persisted-documents.json",
        source: JSON.stringify(manifest, null, 2) + "\n",
      });
    },
  };
}
