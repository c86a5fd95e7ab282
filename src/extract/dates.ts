/**
 * Arabic ordinals ("الدورة الحادية والستون") and dates ("١٥-١٩ تشرين الأول/أكتوبر ٢٠١٢",
 * "6 February 2009") read from NORMALISED text (see arabic.ts: ة->ه, أ->ا, digits Western).
 */
import { stripConjunction, withoutArticle } from './arabic';
import { ORDINAL_TEEN, ORDINAL_TENS, ORDINAL_UNITS } from './vocab';

/** The ordinal word without conjunction and article ("والستون" -> "ستون"); arabic.ts's `bare` would also take ب/ل off. */
function ordinalBase(tok: string): string {
  return withoutArticle(stripConjunction(tok));
}

/** Reads an ordinal starting at tokens[i]; returns its value and how many tokens it used. */
export function readOrdinal(tokens: string[], i: number): { value: number; used: number } | null {
  const u = ORDINAL_UNITS.get(ordinalBase(tokens[i] ?? ''));
  if (u === undefined) {
    const t = ORDINAL_TENS.get(ordinalBase(tokens[i] ?? ''));
    return t ? { value: t, used: 1 } : null;
  }
  const nxt = tokens[i + 1] ?? '';
  if (u < 10 && ORDINAL_TEEN.has(nxt)) return { value: u + 10, used: 2 };
  if (u < 10 && nxt.startsWith('و')) {
    const t = ORDINAL_TENS.get(ordinalBase(nxt));
    if (t) return { value: t + u, used: 2 };
  }
  return { value: u, used: 1 };
}

const EN_UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const EN_TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_TENTHS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** 61 -> "sixty-first" (UN style for session names). */
export function englishOrdinal(n: number): string {
  if (n < 10) return EN_UNITS[n];
  if (n < 20) return EN_TEENS[n - 10];
  if (n < 100) return n % 10 === 0 ? EN_TENTHS[n / 10] : `${EN_TENS[Math.floor(n / 10)]}-${EN_UNITS[n % 10]}`;
  return `${n}th`;
}

// Months, normalised. Syriac (Levantine) and Gregorian series are written together "تشرين الأول/أكتوبر".
const LEVANT = ['كانون الثاني', 'شباط', 'اذار', 'نيسان', 'ايار', 'حزيران', 'تموز', 'اب', 'ايلول', 'تشرين الاول', 'تشرين الثاني', 'كانون الاول'];
const GREG = [['يناير'], ['فبراير'], ['مارس'], ['ابريل', 'افريل'], ['مايو'], ['يونيه', 'يونيو'], ['يوليه', 'يوليو'], ['اغسطس'], ['سبتمبر'], ['اكتوبر'], ['نوفمبر'], ['ديسمبر']];
const EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const monthOf = new Map<string, number>();
LEVANT.forEach((m, i) => monthOf.set(m, i + 1));
GREG.forEach((ms, i) => ms.forEach((m) => monthOf.set(m, i + 1)));
EN.forEach((m, i) => monthOf.set(m, i + 1));

/** Single words of month names ("تشرين", "الاول", "ديسمبر"), for telling a date inside a name. */
export const MONTH_WORDS = new Set([...monthOf.keys()].flatMap((m) => m.split(' ')));

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const levantAlt = LEVANT.filter((m) => m !== 'اب').map(esc).join('|');
const gregAlt = GREG.flat().map(esc).join('|');
// "اب" (August) only together with its Gregorian twin: alone it is the word "father".
const MONTH = `(?:(?:${levantAlt}|اب)\\s*/\\s*(?:${gregAlt})|(?:${gregAlt})\\s*/\\s*(?:${levantAlt}|اب)|${gregAlt}|${levantAlt}|${EN.join('|')})`;
const DATE_RE = new RegExp(
  `(?:(?<d1>\\d{1,2})\\s*(?:-|الي|و|to)?\\s*(?<d2>\\d{1,2})?\\s+)?(?<m>${MONTH})(?:\\s*,?\\s*(?<y>(?:19|20)\\d\\d))?`,
  'gu',
);

export interface FoundDate {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  startDate: string;
  endDate: string | null;
}

function monthNumber(m: string): number {
  const parts = m.split('/').map((p) => p.trim());
  for (const p of parts) {
    const n = monthOf.get(p);
    if (n) return n;
  }
  return 0;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates with a month (and a year, or the year given as `defaultYear`). */
export function findDates(norm: string, defaultYear?: number): FoundDate[] {
  const out: FoundDate[] = [];
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(norm))) {
    const g = m.groups!;
    // A month name must stand as a word (not inside another word).
    const before = norm[m.index + (m[0].length - m[0].trimStart().length) - 1];
    const after = norm[m.index + m[0].length];
    if ((before && /\p{L}/u.test(before) && !g.d1) || (after && /\p{L}/u.test(after))) continue;
    const month = monthNumber(g.m);
    const year = g.y ? Number(g.y) : defaultYear;
    if (!month || !year) continue;
    const d1 = g.d1 ? Number(g.d1) : 0;
    const d2 = g.d2 ? Number(g.d2) : 0;
    const ym = `${year}-${pad(month)}`;
    const startDate = d1 >= 1 && d1 <= 31 ? `${ym}-${pad(d1)}` : ym;
    const endDate = d2 >= 1 && d2 <= 31 && d1 >= 1 && d2 > d1 ? `${ym}-${pad(d2)}` : null;
    out.push({ start: m.index, end: m.index + m[0].length, startDate, endDate });
  }
  return out;
}
