// Two small charts drawn with HTML and CSS: each value is also text, for screen readers.
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { useWidth, textWidth } from "./measure";
import { plural } from "../text";
import "./charts.css";

export interface Bar {
  key: string;
  label: ReactNode;
  value: number;
  text: string;
  /** Breaks ties in value: bars of equal value are listed by name. */
  name?: string;
}

/** Largest first, ties by name: the one order every list of shares follows. */
export function largestFirst(bars: Bar[]): Bar[] {
  return [...bars].sort((a, b) => b.value - a.value || (a.name ?? "").localeCompare(b.name ?? ""));
}

/** Horizontal bars, largest first, on one grid: every bar starts at the same x. */
export function BarChart({ bars, caption }: { bars: Bar[]; caption: string }) {
  const top = Math.max(...bars.map((bar) => bar.value), Number.EPSILON);
  return (
    <figure className="bars">
      <figcaption className="sr-only">{caption}</figcaption>
      <ul>
        {largestFirst(bars).map((bar) => (
          <li key={bar.key} data-value={bar.value}>
            <span className="bar-label">{bar.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(100 * bar.value) / top}%` }} />
            </span>
            <span className="bar-value">{bar.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

interface YearCount {
  year: number;
  works: number;
}

const LABEL_FONT = "12px system-ui, sans-serif";
const LABEL_GAP = 8;
// Label every year when there is room, else every 2nd, 5th, … year: round years, which
// read as an axis.
const STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/** What fits: a year label every `step` years, and counts over the bars only when every
 * count fits its own column. */
function layout(width: number, span: number[], counts: Map<number, number>) {
  const column = width / span.length;
  const yearWidth = Math.max(...span.map((year) => textWidth(String(year), LABEL_FONT)));
  const step = STEPS.find((candidate) => candidate * column >= yearWidth + LABEL_GAP) ?? span.length;
  const widestCount = Math.max(...[...counts.values()].map((works) => textWidth(String(works), LABEL_FONT)));
  const labelled = new Set(span.filter((year) => year % step === 0));
  if (labelled.size === 0) {
    labelled.add(span[0]);
  }
  return { labelled, countsFit: widestCount + 2 <= column };
}

/** Columns of works (or another `noun`) per year, with empty years in between shown as gaps. Year labels are
 * thinned to round years when there is no room for all; a year's exact count shows on hover
 * or on focus (arrow keys), and in the table below the chart. */
export function YearChart({ years, caption, noun = "work" }: { years: YearCount[]; caption: string; noun?: string }) {
  const [plot, width] = useWidth<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);
  if (years.length === 0) {
    return <p className="muted">No dated {noun}s.</p>;
  }
  const counts = new Map(years.map((entry) => [entry.year, entry.works]));
  const first = years[0].year;
  const last = years[years.length - 1].year;
  const span = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const top = Math.max(...years.map((entry) => entry.works));
  const peak = years.find((entry) => entry.works === top) as YearCount;
  const total = years.reduce((sum, entry) => sum + entry.works, 0);
  const fit = width === null ? null : layout(width, span, counts);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = active ?? (event.key === "ArrowLeft" ? last + 1 : first - 1);
    const targets: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: first, End: last };
    const target = targets[event.key];
    if (target !== undefined) {
      event.preventDefault();
      setActive(Math.min(Math.max(target, first), last));
    }
  };

  return (
    <figure className="years">
      <figcaption className="sr-only">{caption}</figcaption>
      <p className="year-readout" aria-live="polite" data-testid="year-readout">
        {active === null
          ? `${plural(total, noun)}, ${first}–${last}; most in ${peak.year} (${peak.works})`
          : `${active}: ${plural(counts.get(active) ?? 0, noun)}`}
      </p>
      <div
        ref={plot}
        className="year-plot"
        role="group"
        tabIndex={0}
        aria-label={`${caption}: the arrow keys read each year`}
        onKeyDown={move}
        onBlur={() => setActive(null)}
        onMouseLeave={() => setActive(null)}
      >
        {fit !== null && (
          <ol className="year-columns" aria-hidden="true">
            {span.map((year) => {
              const works = counts.get(year) ?? 0;
              const shown = fit.countsFit || year === active || (active === null && year === peak.year);
              return (
                <li key={year} className={year === active ? "active" : undefined} onMouseEnter={() => setActive(year)}>
                  <span className="year-area">
                    <span className="year-bar" style={{ height: `${(100 * works) / top}%` }}>
                      {shown && works > 0 && <span className="year-count">{works}</span>}
                    </span>
                  </span>
                  <span className="year-axis">{fit.labelled.has(year) && <span className="year-label">{year}</span>}</span>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <details className="year-table">
        <summary>Every year as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">{noun.charAt(0).toUpperCase() + noun.slice(1)}s</th>
            </tr>
          </thead>
          <tbody>
            {years.map((entry) => (
              <tr key={entry.year}>
                <td>{entry.year}</td>
                <td>{entry.works}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
