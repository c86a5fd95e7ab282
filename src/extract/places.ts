/**
 * Cities where meetings are held (model/places.json), looked up in the tokens that follow a
 * meeting's name ("فيينا، ١٥-١٩ تشرين الأول"). Countries come from the lexicon (resolve.ts).
 */
import placesFile from '../../model/places.json';
import { forms, normaliseKey } from './arabic';

/** First normalised word -> [all words, English name], longest first. */
const CITIES = new Map<string, [string[], string][]>();
for (const [ar, en] of Object.entries(placesFile.places as Record<string, string>)) {
  const words = normaliseKey(ar).split(' ');
  const l = CITIES.get(words[0]) ?? [];
  l.push([words, en]);
  l.sort((a, b) => b[0].length - a[0].length);
  CITIES.set(words[0], l);
}

/** Is token i where a place is written: right after "في" (or "بـ"), or first in the window (a header line "فيينا، ...")? */
export function placeSlot(words: string[], from: number, i: number): boolean {
  return i === from || words[i - 1] === 'في';
}

/** English name of the first city named in a place slot of words[from, to), or null. */
export function findPlace(words: string[], from: number, to: number): string | null {
  for (let i = from; i < to && i < words.length; i++) {
    if (!placeSlot(words, from, i)) continue;
    for (const f of forms(words[i])) {
      for (const [w, en] of CITIES.get(f.form) ?? []) {
        if (w.every((x, q) => q === 0 || words[i + q] === x)) return en;
      }
    }
  }
  return null;
}
