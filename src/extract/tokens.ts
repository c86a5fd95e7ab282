/**
 * The tokenised document shared by the matching stages: normalised text, tokens, and the
 * original offsets of each token (the Arabic rules themselves are in arabic.ts).
 */
import { Form, forms, normalise, NormText, Token, tokenise, visualOrder } from './arabic';

export interface DocTokens {
  src: string;
  norm: NormText;
  tokens: Token[];
  /** Token texts (normalised), for quick comparisons. */
  words: string[];
  /** Original offsets of each token. */
  oStart: Int32Array;
  oEnd: Int32Array;
  /** gapOk[i]: tokens i and i+1 may belong to one name (only spaces, commas, hyphens, quotes, dots, slashes between). */
  gapOk: Uint8Array;
  /** The text is in visual (PDF, right-to-left broken) order. */
  visual: boolean;
  /** forms(words[i]), computed once per distinct word on first use (the matchers all need them); never modify the result. */
  formsOf(i: number): Form[];
}

/** Index of the token that holds offset `pos` of the source (the first ending after it): a mention may start after its token's proclitic ("لاتفاقية"). */
export function tokenHolding(doc: DocTokens, pos: number): number {
  let lo = 0;
  let hi = doc.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.oEnd[mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const GAP_CHARS = new Set([...' ,-\'"./'].map((c) => c.charCodeAt(0)));

export function tokeniseDocument(src: string): DocTokens {
  const norm = normalise(src);
  const tokens = tokenise(norm.text);
  const n = tokens.length;
  const oStart = new Int32Array(n);
  const oEnd = new Int32Array(n);
  const gapOk = new Uint8Array(n);
  const words: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    words[i] = t.text;
    oStart[i] = norm.start[t.start];
    oEnd[i] = norm.end[t.end - 1];
    if (i + 1 < n) {
      const a = t.end;
      const b = tokens[i + 1].start;
      let ok = b - a <= 3 ? 1 : 0;
      for (let q = a; ok && q < b; q++) if (!GAP_CHARS.has(norm.text.charCodeAt(q))) ok = 0;
      gapOk[i] = ok;
    }
  }
  // A document repeats its words: their readings are computed once per distinct word (read-only, shared).
  const byWord = new Map<string, Form[]>();
  const cache: (Form[] | undefined)[] = new Array(n);
  const formsOf = (i: number): Form[] => {
    let f = cache[i];
    if (f) return f;
    f = byWord.get(words[i]);
    if (!f) byWord.set(words[i], (f = forms(words[i])));
    return (cache[i] = f);
  };
  return { src, norm, tokens, words, oStart, oEnd, gapOk, visual: visualOrder(src), formsOf };
}

