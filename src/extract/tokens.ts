/**
 * The tokenised document shared by the matching stages: normalised text, tokens, and the
 * original offsets of each token. Also the Arabic proclitic rules (و ف ب ل ك ال لل) used to
 * look a glued word up in the lexicon.
 */
import { normalise, NormText, Token, tokenise } from './normalise';

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
  /** forms(words[i]), computed once per token on first use (the matchers all need them). */
  formsOf(i: number): Form[];
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
  const cache: (Form[] | undefined)[] = new Array(n);
  const formsOf = (i: number): Form[] => (cache[i] ??= forms(words[i]));
  return { src, norm, tokens, words, oStart, oEnd, gapOk, formsOf };
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
  let t = tok;
  if ((t[0] === 'و' || t[0] === 'ف') && t.length > 3) t = t.slice(1);
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
