/**
 * Where a meeting took place: a city of data/places.json or a country of the lexicon, read from a
 * short normalised window of text after the meeting's name ("فيينا، ١٥-١٩ تشرين الأول").
 */
import placesFile from './data/places.json';
import type { LexIndex } from './lexicon-index';
import { matchLexicon } from './match';
import { normaliseKey } from './normalise';
import { tokeniseDocument } from './tokens';

const CITIES: [string, string][] = Object.entries(placesFile.places as Record<string, string>)
  .map(([ar, en]) => [normaliseKey(ar), en] as [string, string])
  .sort((a, b) => b[0].length - a[0].length);

/** English name of the first city or country named in `normWindow` (already normalised), or null. */
export function findPlace(index: LexIndex, normWindow: string): string | null {
  const words = ` ${normaliseKey(normWindow)} `;
  let best: { pos: number; name: string } | null = null;
  for (const [ar, en] of CITIES) {
    const p = words.indexOf(` ${ar} `);
    const pb = p >= 0 ? p : words.search(new RegExp(` [وبف]${ar} `));
    if (pb >= 0 && (!best || pb < best.pos)) best = { pos: pb, name: en };
  }
  if (best) return best.name;
  const doc = tokeniseDocument(normWindow);
  const c = matchLexicon(doc, index, new Uint8Array(doc.words.length)).find((x) => x.kind === 'Country');
  return c ? index.entries.get(c.entryId!)!.nameEn : null;
}
