/**
 * Kind colours shared by the server-rendered reader and the browser bundles (pure data, safe to
 * bundle): colour-blind-friendly (Okabe-Ito + extras), taken by kinds in model order.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7F7F7F', '#F0E442', '#000000'];

/** The colour of a kind, given the kinds in model order. */
export function kindColour(kinds: readonly { name: string }[], kind: string): string {
  const i = kinds.findIndex((k) => k.name === kind);
  return i < 0 ? '#999999' : PALETTE[i % PALETTE.length];
}
