// A layout can leave nodes on one another: siblings of the second hop put in one place, or
// members of a group fCoSE packs tight. Pushing overlapping nodes apart, pair by pair,
// spreads each pile out where it lies: the grouping stays, and every node can be seen and
// clicked.
import type { Point } from "./model";

export interface Disc {
  id: string;
  size: number;
}

/** Moves the nodes of `positions` (in place) until no two of `discs` are closer than
 * their radii and `gap`, or `rounds` rounds have passed; `pinned` does not move. */
export function separate(discs: Disc[], positions: Map<string, Point>, pinned: string, gap = 10, rounds = 120): void {
  const points = discs.map((disc) => ({ ...(positions.get(disc.id) ?? { x: 0, y: 0 }) }));
  for (let round = 0; round < rounds; round += 1) {
    let moved = false;
    for (let a = 0; a < discs.length; a += 1) {
      for (let b = a + 1; b < discs.length; b += 1) {
        const least = (discs[a].size + discs[b].size) / 2 + gap;
        let dx = points[b].x - points[a].x;
        let dy = points[b].y - points[a].y;
        // Squares first: most pairs are far apart, and a square root for each costs more
        // than the rest of the round.
        if (dx * dx + dy * dy >= least * least) {
          continue;
        }
        const distance = Math.sqrt(dx * dx + dy * dy);
        if (distance < 0.01) {
          // Two nodes on one spot: part them along a direction of their own.
          const angle = (a * 2.399 + b) % (2 * Math.PI);
          [dx, dy] = [Math.cos(angle), Math.sin(angle)];
        } else {
          [dx, dy] = [dx / distance, dy / distance];
        }
        const push = least - distance;
        const share = discs[a].id === pinned ? 0 : discs[b].id === pinned ? 1 : 0.5;
        points[a].x -= dx * push * share;
        points[a].y -= dy * push * share;
        points[b].x += dx * push * (1 - share);
        points[b].y += dy * push * (1 - share);
        moved = true;
      }
    }
    if (!moved) {
      break;
    }
  }
  discs.forEach((disc, index) => positions.set(disc.id, points[index]));
}
