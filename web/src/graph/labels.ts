// Labels keep one size on screen whatever the zoom, so that zooming out makes them
// crowd: each node's label is shown only where it overlaps no label of a more important
// node (the centre first, then by weight), and zooming in makes room for more.

export const LABEL_FONT = "system-ui, sans-serif";
export const LABEL_PX = 13;
export const CENTER_LABEL_PX = 15;
export const LABEL_LINE_HEIGHT = 1.2;
export const LABEL_GAP = 4; // between the node and its label, in screen pixels
export const LABEL_PLATE = 2; // the label's background beyond its text, in screen pixels
const LINE_CHARS = 26;

/** A label broken into at most `lines` lines of about 26 characters, at word boundaries;
 * what does not fit ends in an ellipsis (the hover card shows it all). */
export function wrapLabel(label: string, lines: number): string {
  const words = label
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => (word.length > LINE_CHARS ? `${word.slice(0, LINE_CHARS - 1)}…` : word));
  const out: string[] = [];
  let current = "";
  for (const word of words) {
    if (current === "" || current.length + 1 + word.length <= LINE_CHARS) {
      current = current === "" ? word : `${current} ${word}`;
    } else if (out.length === lines - 1) {
      return [...out, withEllipsis(current)].join("\n");
    } else {
      out.push(current);
      current = word;
    }
  }
  return [...out, current].join("\n");
}

function withEllipsis(line: string): string {
  return line.endsWith("…") ? line : `${line.slice(0, LINE_CHARS - 1)}…`;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelCandidate {
  id: string;
  box: Box;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The labels to show: candidates in order of importance, each kept when its box clears
 * every box kept before it by `margin` pixels. */
export function labelsThatFit(candidates: LabelCandidate[], margin = 3): Set<string> {
  const kept: Box[] = [];
  const shown = new Set<string>();
  for (const candidate of candidates) {
    const padded = {
      left: candidate.box.left - margin,
      top: candidate.box.top - margin,
      right: candidate.box.right + margin,
      bottom: candidate.box.bottom + margin,
    };
    if (kept.every((box) => !overlaps(padded, box))) {
      kept.push(candidate.box);
      shown.add(candidate.id);
    }
  }
  return shown;
}

/** The width of each line of a label at `px` pixels, measured as the canvas draws it. */
export function textMeasurer(): (text: string, px: number, bold: boolean) => number {
  const context = document.createElement("canvas").getContext("2d");
  const cache = new Map<string, number>();
  return (text, px, bold) => {
    const key = `${px}|${bold}|${text}`;
    const known = cache.get(key);
    if (known !== undefined) {
      return known;
    }
    let width = text.length * px * 0.6;
    if (context !== null) {
      context.font = `${bold ? "bold" : "normal"} ${px}px ${LABEL_FONT}`;
      width = Math.max(...text.split("\n").map((line) => context.measureText(line).width));
    }
    cache.set(key, width);
    return width;
  };
}

/** The screen box of a label drawn centred under a node. */
export function labelBox(center: { x: number; y: number }, nodeHeight: number, width: number, lines: number, px: number): Box {
  const top = center.y + nodeHeight / 2 + LABEL_GAP;
  return {
    left: center.x - width / 2 - LABEL_PLATE,
    right: center.x + width / 2 + LABEL_PLATE,
    top: top - LABEL_PLATE,
    bottom: top + lines * px * LABEL_LINE_HEIGHT + LABEL_PLATE,
  };
}
