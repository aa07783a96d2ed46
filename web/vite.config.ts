import { resolve } from "node:path";
import { defineConfig } from "vite";
import { persistedDocuments } from "./build/persistedDocuments";

const api = process.env.PEERGRAPH_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [persistedDocuments(resolve(__dirname, "src/graphql"))],
  build: {
    target: "es2022",
    rollupOptions: {
      input: {
        index: resolve(__dirname, "index.html"),
        playground: resolve(__dirname, "playground.html"),
      },
    },
  },
  server: { proxy: { "/graphql": api } },
});
