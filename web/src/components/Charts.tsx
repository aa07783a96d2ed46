// Two small charts drawn with HTML and CSS: each value is also text, for screen readers.
import type { ReactNode } from "react";

export interface Bar {
  key: string;
  label: ReactNode;
  value: number;
  text: string;
}

/** Horizontal bars, e.g. topics with their share. */
export function BarChart({ bars, caption }: { bars: Bar[]; caption: string }) {
  const top = Math.max(...bars.map((bar) => bar.value), Number.EPSILON);
  return (
    <figure className="bars">
      <figcaption className="sr-only">{caption}</figcaption>
      <ul>
        {bars.map((bar) => (
          <li key={bar.key}>
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

/** Columns of works per year, with empty years in between shown as gaps. */
export function YearChart({ years, caption }: { years: { year: number; works: number }[]; caption: string }) {
  if (years.length === 0) {
    return <p className="muted">No dated works.</p>;
  }
  const counts = new Map(years.map((entry) => [entry.year, entry.works]));
  const first = years[0].year;
  const last = years[years.length - 1].year;
  const span = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const top = Math.max(...years.map((entry) => entry.works));
  return (
    <figure className="years">
      <figcaption className="sr-only">{caption}</figcaption>
      <ol className="year-columns">
        {span.map((year) => {
          const works = counts.get(year) ?? 0;
          return (
            <li key={year} aria-label={`${year}: ${works} work${works === 1 ? "" : "s"}`}>
              <span className="year-count" aria-hidden="true">{works > 0 ? works : ""}</span>
              <span className="year-bar" aria-hidden="true" style={{ height: `${(100 * works) / top}%` }} />
              <span className="year-label" aria-hidden="true">{year}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
