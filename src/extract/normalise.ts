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

export function normalise(src: string): NormText {
  const n = src.length;
  const out: string[] = [];
  const start = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  let j = 0;
  let lastSpace = true; // suppresses leading whitespace
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (isMark(c)) {
      if (j > 0 && !lastSpace) end[j - 1] = i + 1;
      continue;
    }
    if (isInvisible(c)) continue;
    if (isSpace(c)) {
      if (!lastSpace) {
        out.push(' ');
        start[j] = i;
        end[j] = i + 1;
        j++;
        lastSpace = true;
      }
      continue;
    }
    // Surrogate pairs stay together as one unit of two code units.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      out.push(src[i] + src[i + 1]);
      // two code units in the output: both map to the pair
      start[j] = i; end[j] = i + 2; j++;
      start[j] = i; end[j] = i + 2; j++;
      i++;
      lastSpace = false;
      continue;
    }
    let s: string = src[i];
    // Arabic presentation forms (PDF text): expand to the base letters (lam-alef -> two letters).
    if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) s = s.normalize('NFKC');
    for (const ch of s) {
      const k = ch.charCodeAt(0);
      if (isMark(k)) continue;
      const f = foldChar(ch);
      out.push(f);
      for (let q = 0; q < f.length; q++) {
        start[j] = i;
        end[j] = i + 1;
        j++;
      }
    }
    lastSpace = false;
  }
  // Drop one trailing space so the text is trimmed.
  let text = out.join('');
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
  }
  return { text, start: start.slice(0, text.length + 1), end: end.slice(0, text.length + 1) };
}

/** The folded form of a short string (a lexicon variant, a trigger word). */
export function normaliseKey(s: string): string {
  return tokenise(normalise(s).text)
    .map((t) => t.text)
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
