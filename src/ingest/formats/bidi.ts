/**
 * Visual -> logical order for one line of PDF text. PDF text comes in visual order (left to right
 * as drawn); pdf.js already gives each item's own string in logical order, so what is left is the
 * order of the items: in a right-to-left line the items are reversed, except runs that the Unicode
 * bidi algorithm lays out left to right (Latin words, numbers, and the separators that join them),
 * which keep their order; brackets outside those runs were drawn mirrored and are swapped back.
 */

export type BidiClass = 'R' | 'L' | 'N' | 'W';

const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
const DIGITS_ONLY = /^[0-9\u0660-\u0669\u06f0-\u06f9]+$/;
/** Separators that join two numbers into one left-to-right number (UAX #9 common separators, CS). */
const NUMBER_JOINERS = new Set(['/', '.', ',', ':']);
const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

export function bidiClass(s: string): BidiClass {
  if (ARABIC_LETTER.test(s)) return 'R';
  // A number with its punctuation in one logical-order item ("١٠."): moved as a whole, like a word.
  if (/^[\u0660-\u0669\u06f0-\u06f9]+[.,:;!?)\]»]+$|^[(\[«]+[\u0660-\u0669\u06f0-\u06f9]+$/.test(s)) return 'R';
  if (LATIN_LETTER.test(s)) return 'L';
  if (DIGITS_ONLY.test(s.replace(/[.,/:]/g, '')) && /\d|[\u0660-\u0669\u06f0-\u06f9]/.test(s)) return 'N';
  return 'W';
}

/** Counts Arabic and Latin letters: a line (or region) reads right to left when Arabic dominates. */
export function isRtl(text: string): boolean {
  let ar = 0;
  let la = 0;
  for (const ch of text) {
    if (ARABIC_LETTER.test(ch)) ar++;
    else if (LATIN_LETTER.test(ch)) la++;
  }
  return ar > 0 && ar >= la;
}

function mirror(s: string): string {
  return /[\p{L}\p{N}]/u.test(s) ? s : [...s].map((c) => MIRROR[c] ?? c).join('');
}

/**
 * Reorders the strings of one line, given left to right as drawn, into logical order.
 * Right-to-left lines: the line is reversed, left-to-right runs (L or N items, with the neutrals
 * between them when a Latin word is in the run, else only a single number separator) keep their
 * order. Left-to-right lines: only runs of Arabic items are reversed.
 */
export function logicalOrder(visual: string[], rtl: boolean): string[] {
  const cls = visual.map(bidiClass);
  if (!rtl) return reverseRuns(visual, cls);
  const units: { items: string[]; ltr: boolean }[] = [];
  let i = 0;
  while (i < visual.length) {
    if (cls[i] !== 'L' && cls[i] !== 'N') {
      units.push({ items: [mirror(visual[i])], ltr: false });
      i++;
      continue;
    }
    // Grow a left-to-right run from i: take neutrals only when a strong L/N item follows them.
    let end = i;
    let latin = cls[i] === 'L';
    let j = i + 1;
    while (j < visual.length) {
      let k = j;
      while (k < visual.length && cls[k] === 'W') k++;
      if (k >= visual.length || cls[k] === 'R') break;
      const gap = visual.slice(j, k).join('');
      const nextLatin = latin || cls[k] === 'L';
      const joins = k === j || nextLatin || (gap.length === 1 && NUMBER_JOINERS.has(gap));
      if (!joins) break;
      latin = nextLatin;
      end = k;
      j = k + 1;
    }
    units.push({ items: visual.slice(i, end + 1), ltr: true });
    i = end + 1;
  }
  return units.reverse().flatMap((u) => u.items);
}

/** In a left-to-right line, runs of Arabic items (with the neutrals between them) are reversed. */
function reverseRuns(visual: string[], cls: BidiClass[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < visual.length) {
    if (cls[i] !== 'R') {
      out.push(visual[i++]);
      continue;
    }
    let end = i;
    let j = i + 1;
    while (j < visual.length && cls[j] !== 'L') {
      if (cls[j] === 'R') end = j;
      j++;
    }
    out.push(...visual.slice(i, end + 1).reverse().map(mirror));
    i = end + 1;
  }
  return out;
}
