// Where new nodes go when a node is expanded: on rings around it, on the side away from the rest of
// the graph, never on top of a node already drawn. Existing nodes are never moved, so an analyst's
// mental map survives every expansion. Pure (unit-tested in tests/unit/pages/layout.test.ts).

export interface Point {
  x: number;
  y: number;
}

/**
 * `count` positions around `center`, at least `spacing` from each other and from `occupied`.
 * Rings grow outward from `spacing * 1.5`; the first slot of each ring points away from `away`
 * (the centroid of the graph), so the new nodes fan out into free space.
 */
export function placeAround(center: Point, count: number, occupied: readonly Point[], spacing = 70, away?: Point): Point[] {
  const placed: Point[] = [];
  const taken = [...occupied];
  const clear = (p: Point) => taken.every((q) => (p.x - q.x) ** 2 + (p.y - q.y) ** 2 >= (spacing * 0.8) ** 2);
  const outward = away && (away.x !== center.x || away.y !== center.y) ? Math.atan2(center.y - away.y, center.x - away.x) : 0;
  for (let ring = 1; placed.length < count && ring < 200; ring++) {
    const radius = spacing * (0.5 + ring);
    const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
    for (let i = 0; i < slots && placed.length < count; i++) {
      // Alternate either side of the outward direction: 0, +1, -1, +2, -2, ...
      const k = i === 0 ? 0 : (i % 2 ? 1 : -1) * Math.ceil(i / 2);
      const angle = outward + (k * 2 * Math.PI) / slots;
      const p = { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
      if (!clear(p)) continue;
      placed.push(p);
      taken.push(p);
    }
  }
  return placed;
}

/** A label fit for the canvas: whitespace collapsed and at most `max` characters (the full text shows on hover). */
export function shortLabel(text: string, max = 28): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** [start, end, which] ranges of `sentence` naming either end of a relation (forms of end 'a' and 'b'), longest form first, no overlaps. */
export function endRanges(sentence: string, formsA: readonly string[], formsB: readonly string[]): [number, number, 'a' | 'b'][] {
  const forms = [...formsA.map((f) => [f, 'a'] as const), ...formsB.map((f) => [f, 'b'] as const)]
    .filter(([f]) => f && f.trim().length >= 2)
    .sort((x, y) => y[0].length - x[0].length);
  const out: [number, number, 'a' | 'b'][] = [];
  for (const [f, which] of forms) {
    for (let at = sentence.indexOf(f); at >= 0; at = sentence.indexOf(f, at + 1)) {
      const end = at + f.length;
      if (out.some(([s, e]) => at < e && s < end)) continue;
      out.push([at, end, which]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}
