/**
 * The one module for id rules: every id the extractor or the ingestion gives is made here, so
 * the same real-world thing gets the same id in every document and on every path.
 *  - documents: document:<symbol slug> (A/HRC/32/41 -> document:a-hrc-32-41), else document:<file stem slug>;
 *  - numbered sessions: meeting:<body>-<n>; resolutions/decisions: instrument:<body>-res|dec-<number>;
 *  - special procedures not in the lexicon: rapporteur:sr|ie|srsg-<mandate slug>;
 *  - other pattern entities: <kind prefix>:<transliterated words>.
 */
import { bare, normaliseKey } from './arabic';

/** Lower-case slug of a symbol or file stem (`A/HRC/32/41` -> `a-hrc-32-41`). */
export function asciiSlug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** document:a-hrc-32-41 */
export function symbolId(symbol: string): string {
  return 'document:' + asciiSlug(symbol);
}

/** The extensions of the formats read (src/ingest/formats): `report.pdf` and `report.txt` are one document. */
const READ_EXTENSION = /\.(txt|pdf|docx|html?|xhtml)$/i;

/** document:<file stem>, lower-case, non-alphanumerics as "-" (documents without a symbol). */
export function documentIdFromFile(file: string): string {
  return 'document:' + asciiSlug(file.replace(/^.*[\\/]/, '').replace(READ_EXTENSION, ''));
}

/** A document's id: from its own symbol when it has one, else from its file name. */
export function documentId(symbol: string | null | undefined, file: string): string {
  return symbol && asciiSlug(symbol) ? symbolId(symbol) : documentIdFromFile(file);
}

const TRANSLIT: Record<string, string> = {
  ا: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's',
  ض: 'd', ط: 't', ظ: 'z', ع: 'e', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'w', ي: 'y', ء: '',
};

/** Readable ASCII slug of Arabic words (proclitics and articles dropped), stable across documents. */
export function slug(key: string, maxWords = 7): string {
  return normaliseKey(key)
    .split(' ')
    .filter(Boolean)
    .slice(0, maxWords)
    .map((w) => [...bare(w)].map((c) => TRANSLIT[c] ?? (/[a-z0-9]/.test(c) ? c : '')).join(''))
    .filter(Boolean)
    .join('-');
}

/** The country of a national entry (`agency:bh-ncctip` -> `country:bh`): ids `<kind>:<iso2>-<slug>`. */
export function countryOfId(id: string): string | null {
  const m = /^(?:agency|instrument|programme):([a-z]{2})-/.exec(id);
  return m ? `country:${m[1]}` : null;
}

/** The part of an id after its prefix ("agency:ga" -> "ga"). */
export function idSuffix(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/** Short stable hash (FNV-1a) of a text, for ids that only the wording can tell apart. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** meeting:hrc-10 */
export function sessionId(bodyId: string, ordinal: number): string {
  return `meeting:${idSuffix(bodyId)}-${ordinal}`;
}

/** instrument:ga-res-61-144, instrument:security-council-res-2388, instrument:dec-5-2 (body unknown). */
export function resolutionId(bodyId: string | null, decision: boolean, number: string): string {
  const numSlug = number.replace(/[^0-9]+/g, '-').replace(/^-|-$/g, '');
  return `instrument:${bodyId ? idSuffix(bodyId) + '-' : ''}${decision ? 'dec' : 'res'}-${numSlug}`;
}

const RAP_PREFIX: Record<string, string> = { INDEPENDENT_EXPERT: 'ie', SPECIAL_REPRESENTATIVE: 'srsg' };

/** rapporteur:sr-atjar-ashkhas (a mandate not in the lexicon). */
export function rapporteurId(category: string, mandate: string[]): string {
  return `rapporteur:${RAP_PREFIX[category] ?? 'sr'}-${slug(mandate.join(' '), 4)}`;
}
