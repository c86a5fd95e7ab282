/**
 * The one module for Arabic rules: normalisation, tokens and proclitics. Extraction, the graph's
 * search keys and search all use it; nothing else re-implements these rules.
 *
 * Normalisation for matching. Arabic text is folded (hamza/alef forms, alef maqsura,
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

// Scratch buffers for normaliseKey (one module instance per thread, so never shared by two calls).
let fbuf = new Uint16Array(256);
let kbuf = new Uint16Array(512);

/**
 * Folds `src` into fbuf by the same tables as normalise (without offsets and without collapsing
 * spaces, which change no word) and returns its length.
 */
function foldInto(src: string): number {
  const n = src.length;
  if (fbuf.length < n + 32) fbuf = new Uint16Array(2 * n + 32);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    const k = CLASS[c];
    if (k === 0) fbuf[j++] = FOLDED[c] || c;
    else if (k === 3) fbuf[j++] = 32;
    else if (k === 4) {
      const e = src[i].normalize('NFKC');
      if (fbuf.length < j + e.length + (n - i) + 32) {
        const b = new Uint16Array(2 * (j + e.length + n - i) + 32);
        b.set(fbuf.subarray(0, j));
        fbuf = b;
      }
      for (let q = 0; q < e.length; q++) {
        const u = e.charCodeAt(q);
        if (CLASS[u] !== 1) fbuf[j++] = FOLDED[u] || u;
      }
    }
    // k === 1 (mark) and 2 (invisible): dropped, as in normalise
  }
  if (kbuf.length < 2 * j + 2) kbuf = new Uint16Array(2 * j + 32);
  return j;
}

function decodeUnits(buf: Uint16Array, n: number): string {
  return n <= 2048 ? String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]) : decoder.decode(buf.subarray(0, n));
}

/**
 * The folded form of a short string (a lexicon variant, a trigger word): its words joined by one
 * space, i.e. tokenise(normalise(s).text) joined, computed without offset arrays or token objects
 * (it runs for lexicon names and mention texts many times per document).
 */
export function normaliseKey(s: string): string {
  const n = foldInto(s);
  let j = 0;
  let i = 0;
  while (i < n) {
    const k = wordClass(fbuf[i]);
    if (k === 3) return tokeniseRegex(decoder.decode(fbuf.subarray(0, n))).map((t) => t.text).join(' '); // a surrogate: the regex reads code points
    if (k === 0) {
      i++;
      continue;
    }
    if (j > 0) kbuf[j++] = 32;
    while (i < n && wordClass(fbuf[i]) === k) kbuf[j++] = fbuf[i++];
  }
  return decodeUnits(kbuf, j);
}

/**
 * A normalised key with the Arabic proclitics before the article taken off each word (و، ف، ب،
 * ك، ل and their combinations: "بالمخدرات" -> "المخدرات", "والجريمه" -> "الجريمه", "للطفوله" ->
 * "الطفوله"), so that a name is found by its words as a reader would type them alone. Pure.
 */
export function withoutProclitics(key: string): string {
  return key
    .split(' ')
    .map((w) => (w.length > 4 ? definiteBase(w) ?? w : w))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Proclitics. Arabic writes the conjunctions و ف, the prepositions ب ل ك and the article ال
// glued to the next word; "لل" is ل + ال with the alef dropped. Every reading of a glued word
// comes from the functions below (on normalised tokens).

/** A conjunction (و ف) taken off a word long enough to carry one: "والمنظمه" -> "المنظمه". */
export function stripConjunction(w: string): string {
  return (w[0] === 'و' || w[0] === 'ف') && w.length > 3 ? w.slice(1) : w;
}

/** The definite word behind the proclitics, with its article: "وبالمخدرات" -> "المخدرات", "للطفوله" -> "الطفوله"; null when the word is not definite. */
export function definiteBase(w: string): string | null {
  const m = /^[وف]?(?:[بك]?ال|لل)/.exec(w);
  return m && w.length > m[0].length + 1 ? 'ال' + w.slice(m[0].length) : null;
}

/** Is the word definite (article, possibly behind proclitics: "ال", "لل", "بال", "وال", "وبال"...)? */
export function isDefinite(w: string): boolean {
  return /^(?:ال|لل|بال|وال|كال|فال|وبال|ولل)/.test(w);
}

/** The article alone taken off ("الاتجار" -> "اتجار"); other words unchanged. */
export function withoutArticle(w: string): string {
  return w.startsWith('ال') && w.length > 3 ? w.slice(2) : w;
}

export interface Form {
  form: string;
  /** Characters of the token left out of the mention (a stripped proclitic). */
  skip: number;
}

/**
 * Ways to read a token with proclitics removed: "والمنظمة" -> "المنظمه" (skip 1), "للأمم" -> "الامم"
 * (skip 0: the mention keeps "للأمم", the article is fused), "بمنظمة" -> "منظمه" (skip 1).
 */
export function forms(tok: string): Form[] {
  const out: Form[] = [{ form: tok, skip: 0 }];
  let t = tok;
  let skip = 0;
  if ((t[0] === 'و' || t[0] === 'ف') && t.length > 3) {
    t = t.slice(1);
    skip = 1;
    out.push({ form: t, skip });
  }
  if (t.startsWith('لل') && t.length > 3) {
    // "للأمم" is ل + الأمم (article fused); "للجنة" is ل + لجنة or ل + اللجنة: try all three.
    out.push({ form: 'ال' + t.slice(2), skip });
    out.push({ form: t.slice(1), skip: skip + 1 });
    out.push({ form: 'ا' + t, skip });
  } else if ((t[0] === 'ب' || t[0] === 'ك' || t[0] === 'ل') && t[1] === 'ا' && t[2] === 'ل' && t.length > 4) out.push({ form: t.slice(1), skip: skip + 1 });
  else if ((t[0] === 'ب' || t[0] === 'ل' || t[0] === 'ك') && t.length > 3 && !t.startsWith('ال')) out.push({ form: t.slice(1), skip: skip + 1 });
  return out;
}

/** The token without proclitics and article ("بالاتجار" -> "اتجار"), for loose comparisons. */
export function bare(tok: string): string {
  let t = stripConjunction(tok);
  if (t.startsWith('لل') && t.length > 3) t = t.slice(2);
  else if ((t[0] === 'ب' || t[0] === 'ل' || t[0] === 'ك') && t.slice(1, 3) === 'ال' && t.length > 4) t = t.slice(3);
  else if (t.startsWith('ال') && t.length > 3) t = t.slice(2);
  else if ((t[0] === 'ب' || t[0] === 'ل') && t.length > 3) t = t.slice(1);
  return t;
}

/** Definite form of a head noun ("مكتب" -> "المكتب"). */
export function definite(tok: string): string {
  return tok.startsWith('ال') ? tok : 'ال' + tok;
}

// ---------------------------------------------------------------------------------------------
// Typo tolerance.

/** Do two words match, allowing one changed, missing or extra letter (or two swapped) in words of five letters or more? */
export function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let ea = a.length - 1;
  let eb = b.length - 1;
  while (ea >= i && eb >= i && a[ea] === b[eb]) {
    ea--;
    eb--;
  }
  // One letter changed, missing or added; or two neighbours swapped ("الجرمية" for "الجريمة").
  return (ea - i < 1 && eb - i < 1) || (ea - i === 1 && eb - i === 1 && a[i] === b[i + 1] && a[i + 1] === b[i]);
}

/**
 * Index keys for nearWord: the word, and in words of five letters or more each form with one letter
 * left out. Two words nearWord accepts always share a key (a changed letter: the same letter left
 * out of both; one missing: the longer without it; two swapped: either left out), so an index of
 * these keys finds every near word of a word (and some others, which nearWord then rejects).
 */
export function nearKeys(w: string): string[] {
  const out = [w];
  if (w.length >= 5) for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Original [start, end) of the normalised range [a, b). */
export function originalSpan(n: NormText, a: number, b: number): [number, number] {
  return [n.start[a], n.end[b - 1]];
}

// Words: runs of letters or of digits (PDF text glues numbers to words: "٢٠١٢أكتوبر").
const WORD = /\p{L}+|\p{N}+/gu;

export function tokenise(norm: string): Token[] {
  const out: Token[] = [];
  const n = norm.length;
  let i = 0;
  // Code-unit scan (same runs as WORD); text with surrogates (astral letters) goes to the regex.
  while (i < n) {
    const k = wordClass(norm.charCodeAt(i));
    if (k === 3) return tokeniseRegex(norm);
    if (k === 0) {
      i++;
      continue;
    }
    const a = i;
    while (i < n && wordClass(norm.charCodeAt(i)) === k) i++;
    out.push({ text: norm.slice(a, i), start: a, end: i });
  }
  return out;
}

function tokeniseRegex(norm: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(norm))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

// What WORD makes of a code unit: 1 letter, 2 digit, 0 neither, 3 surrogate (left to the regex).
// Filled on first sight of each code unit (the text's alphabet is small; a full table costs ~50 ms at start).
const WORD_CLASS = new Uint8Array(65536).fill(255);
const IS_LETTER = /\p{L}/u;
const IS_NUMBER = /\p{N}/u;
function wordClass(c: number): number {
  let k = WORD_CLASS[c];
  if (k === 255) {
    const ch = String.fromCharCode(c);
    k = c >= 0xd800 && c <= 0xdfff ? 3 : IS_LETTER.test(ch) ? 1 : IS_NUMBER.test(ch) ? 2 : 0;
    WORD_CLASS[c] = k;
  }
  return k;
}

/**
 * Is this text in visual (right-to-left broken) order, as PDF extraction leaves it: parentheses
 * come out reversed (")CTOC/COP/2012/2(") far more often than in reading order. Numbers written
 * with Arabic-Indic digits are then already in logical order (see readNumber in patterns.ts).
 */
export function visualOrder(s: string, sample = 200000): boolean {
  const t = s.length > sample ? s.slice(0, sample) : s;
  const reversed = (t.match(/\)[^()\n]{1,40}\(/g) ?? []).length;
  const normal = (t.match(/\([^()\n]{1,40}\)/g) ?? []).length;
  return reversed >= 3 && reversed > 2 * normal;
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
