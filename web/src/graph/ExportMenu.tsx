import { download, fileName, toGraphml, toJson, toSvg, type DrawnGraph } from "./exports";

/** Saves what is drawn, as the user sees it (hidden kinds left out). */
export function ExportMenu({
  name,
  drawn,
  png,
  labelSize,
}: {
  name: string;
  drawn: () => DrawnGraph | null;
  png: () => Blob | null;
  labelSize: () => number;
}) {
  const save = (format: "png" | "svg" | "graphml" | "json") => {
    if (format === "png") {
      const image = png();
      if (image !== null) {
        download(image, fileName(name, "png"));
      }
      return;
    }
    const graph = drawn();
    if (graph === null) {
      return;
    }
    const files = {
      svg: () => new Blob([toSvg(graph, labelSize())], { type: "image/svg+xml" }),
      graphml: () => new Blob([toGraphml(graph)], { type: "application/graphml+xml" }),
      json: () => new Blob([toJson(graph)], { type: "application/json" }),
    };
    download(files[format](), fileName(name, format));
  };
  return (
    <div className="graph-export" role="group" aria-label="Export the graph as drawn">
      <span>Export</span>
      <button type="button" className="secondary" onClick={() => save("png")}>PNG</button>
      <button type="button" className="secondary" onClick={() => save("svg")}>SVG</button>
      <button type="button" className="secondary" onClick={() => save("graphml")}>GraphML</button>
      <button type="button" className="secondary" onClick={() => save("json")}>JSON</button>
    </div>
  );
}
