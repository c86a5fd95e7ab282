/**
 * Stage 1: normalisation for matching. Arabic text is folded (hamza/alef forms, alef maqsura,
 * ta marbuta, tashkeel, tatweel, digits, bidi/private-use characters, whitespace, Latin case)
 * into a search string, while two offset arrays map every normalised character back to the
 * original UTF-16 span it came from, so a match in the normalised text yields the exact
 * original substring.
 */

export interface NormText {
  /** The folded text used for matching. */
  text: string;
  /** start[i]: offset in the original of the character that produced text[i]. */
  start: Int32Array;
  /** end[i]: offset just after that character (and after any combining marks that followed it). */
  end: Int32Array;
}

export interface Token {
  text: string;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
}

const FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ئ': 'ي', 'ة': 'ه', 'ۀ': 'ه', 'ؤ': 'و', 'ک': 'ك',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
  '،': ',', '؛': ';', '؟': '?', '٪': '%', '«': '"', '»': '"', '“': '"', '”': '"', '‘': "'", '’': "'", '`': "'",
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-', '─': '-',
};

/** Combining marks and tatweel: dropped, but the preceding letter's span grows over them. */
function isMark(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640;
}

/** Invisible characters (bidi controls, zero-width, BOM, soft hyphen, private use): dropped. */
function isInvisible(c: number): boolean {
  return (
    c === 0x00ad || c === 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) || c === 0xfeff || (c >= 0xe000 && c <= 0xf8ff)
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Folds one character (already NFKC-expanded when it was a presentation form). */
export function foldChar(ch: string): string {
  const f = FOLD[ch];
  if (f !== undefined) return f;
  const c = ch.charCodeAt(0);
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  return ch;
}

// Per-code-unit tables, built once: what each UTF-16 code unit becomes (0 = itself) and its class.
const FOLDED = new Uint16Array(65536);
const CLASS = new Uint8Array(65536); // 0 keep, 1 combining mark, 2 invisible, 3 space, 4 presentation form
for (let c = 0; c < 65536; c++) {
  if (isMark(c)) CLASS[c] = 1;
  else if (isInvisible(c)) CLASS[c] = 2;
  else if (isSpace(c)) CLASS[c] = 3;
  else if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) CLASS[c] = 4;
  else if (c < 0xd800 || c > 0xdfff) {
    const f = foldChar(String.fromCharCode(c));
    if (f.length === 1 && f.charCodeAt(0) !== c) FOLDED[c] = f.charCodeAt(0);
  }
}

const decoder = new TextDecoder('utf-16le');

export function normalise(src: string): NormText {
  const n = src.length;
  let cap = n + 16;
  let out = new Uint16Array(cap);
  let start = new Int32Array(cap + 1);
  let end = new Int32Array(cap + 1);
  let j = 0;
  let lastSpace = true; // suppresses leading whitespace
  const emit = (code: number, i: number) => {
    if (j >= cap) {
      cap *= 2;
      const o = new Uint16Array(cap);
      o.set(out);
      out = o;
      const s2 = new Int32Array(cap + 1);
      s2.set(start);
      start = s2;
      const e2 = new Int32Array(cap + 1);
      e2.set(end);
      end = e2;
    }
    out[j] = code;
    start[j] = i;
    end[j] = i + 1;
    j++;
  };
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    const k = CLASS[c];
    if (k === 0) {
      const f = FOLDED[c];
      emit(f === 0 ? c : f, i);
      lastSpace = false;
    } else if (k === 1) {
      // The letter's span grows over its marks, so a mention keeps its tashkeel.
      if (j > 0 && !lastSpace) end[j - 1] = i + 1;
    } else if (k === 3) {
      if (!lastSpace) {
        emit(32, i);
        lastSpace = true;
      }
    } else if (k === 4) {
      // Arabic presentation forms (PDF text): expand to the base letters (lam-alef -> two letters).
      for (const ch of src[i].normalize('NFKC')) {
        const q = ch.charCodeAt(0);
        if (CLASS[q] === 1) continue;
        emit(FOLDED[q] || q, i);
      }
      lastSpace = false;
    }
    // k === 2: invisible, dropped
  }
  if (j > 0 && out[j - 1] === 32) j--; // trimmed
  return { text: decoder.decode(out.subarray(0, j)), start: start.subarray(0, j + 1), end: end.subarray(0, j + 1) };
}

/** The folded form of a short string (a lexicon variant, a trigger word). */
export function normaliseKey(s: string): string {
  return tokenise(normalise(s).text)
    .map((t) => t.text)
    .join(' ');
}

/**
 * A normalised key with the Arabic proclitics before the article taken off each word (و، ف، ب،
 * ك، ل and their combinations: "بالمخدرات" -> "المخدرات", "والجريمه" -> "الجريمه", "للطفوله" ->
 * "الطفوله"), so that a name is found by its words as a reader would type them alone. Pure.
 */
export function withoutProclitics(key: string): string {
  return key
    .split(' ')
    .map((w) => (w.length > 4 ? w.replace(/^[وف]?(?:[بك]?ال|لل)/, 'ال') : w))
    .join(' ');
}

/** Original [start, end) of the normalised range [a, b). */
export function originalSpan(n: NormText, a: number, b: number): [number, number] {
  return [n.start[a], n.end[b - 1]];
}

// Words: runs of letters or of digits (PDF text glues numbers to words: "٢٠١٢أكتوبر").
const WORD = /\p{L}+|\p{N}+/gu;

export function tokenise(norm: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(norm))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Is this string mostly Arabic letters (among its letters)? */
export function arabicRatio(s: string, sample = 20000): number {
  let ar = 0;
  let letters = 0;
  const lim = Math.min(s.length, sample);
  for (let i = 0; i < lim; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) {
      ar++;
      letters++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x0400 && c <= 0x04ff)) letters++;
  }
  return letters ? ar / letters : 0;
}
