// GraphiQL from npm, loaded as its own chunk so the explorer never carries it.
import { createRoot } from "react-dom/client";

const root = createRoot(document.getElementById("root") as HTMLElement);
root.render(<p style={{ font: "16px system-ui", padding: "1rem" }}>Loading the playground…</p>);

void import("./GraphiQLPlayground").then(({ Playground }) => root.render(<Playground />));
