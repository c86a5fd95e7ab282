/**
 * Stage 3: matching. Finds candidate mentions in the tokenised document:
 *  - document symbols (regex on the original text),
 *  - lexicon entries (longest match in the token trie, proclitics allowed on the first word),
 *  - patterns for entities outside the lexicon (patterns.ts),
 *  - anaphors ("المكتب", "المؤتمر") left for resolve.ts to tie to an antecedent.
 * A candidate inside a longer candidate of the same kind is dropped; of another kind it stays
 * ("قرار مجلس حقوق الإنسان 8/12" is an Instrument that names an Agency).
 */
import type { KindName } from '../model';
import { isLatinAcronym, LexIndex, prefixes, TrieNode } from './lexicon-index';
import { definite, nearWord, normaliseKey } from './arabic';
import { countryOfId } from './ids';
import { findPatterns, PATTERN_HEADS } from './patterns';
import { findConjuncts, findDatedInstruments, findOwnNumber } from './phrases';
import { findSymbols } from './symbols';
import { BACK_REFERENCES, OFFICES, OWNER_NOUNS, SET_PHRASES, STOP } from './vocab';
import type { DocTokens } from './tokens';

export type PatternInfo =
  /** noDocBody: a meeting head ("اجتماعه الخامس") resolves only to a body named in the text, never to the document's body. */
  | { type: 'session'; ordinal: number; bodyId: string | null; noDocBody?: boolean }
  | { type: 'resolution'; number: string; bodyId: string | null; category: 'RESOLUTION' | 'DECISION' }
  | { type: 'rapporteur'; mandate: string[]; category: string }
  | { type: 'document'; symbol: string }
  /** generic: the head alone ("حلقة عمل"), which cannot identify one event across documents. */
  /** label: the name to show when the mention is only a head ("البروتوكول" named by the clause and date after it). */
  | { type: 'named'; category: string; key: string; generic?: boolean; act?: { number: string; year: string | null }; label?: string; lemma?: string };

export interface Candidate {
  kind: KindName | null;
  /** Original offsets (text === src.slice(start, end)). */
  start: number;
  end: number;
  /** Token range [tStart, tEnd). */
  tStart: number;
  tEnd: number;
  source: 'lexicon' | 'pattern' | 'anaphor';
  /** Lexicon entry id (source lexicon). */
  entryId?: string;
  /** Anaphor key: the normalised definite head ("المكتب"), resolved to the latest antecedent with that key. */
  anaphor?: string;
  /** Kinds an anaphor may refer to. */
  anaphorKinds?: KindName[];
  pattern?: PatternInfo;
  /** A body named inside an office's name ("مكتب <body> في منطقة ..."): a mention of its own, kept inside the longer one. */
  nested?: boolean;
  /** The position of the candidate this one names the same entity as (a headline's "تدريبا" and the event its body names). */
  anchor?: number;
}

/**
 * The trie node after one token: the token itself, or two words glued by a lost space before an
 * article ("الاممالمتحده" = "الامم" + "المتحده"), both parts in the trie in that order.
 */
function step(next: Map<string, TrieNode>, w: string): TrieNode | undefined {
  const direct = next.get(w);
  if (direct || w.length < 7) return direct;
  for (let p = w.indexOf('ال', 3); p > 0 && w.length - p >= 4; p = w.indexOf('ال', p + 1)) {
    const b = next.get(w.slice(0, p))?.next?.get(w.slice(p));
    if (b) return b;
  }
  return undefined;
}

/** The child reached by a word one letter away from one of its keys (typo, OCR slip), if exactly one. */
function typoStep(next: Map<string, TrieNode>, w: string): TrieNode | undefined {
  if (w.length < 5) return undefined;
  let found: TrieNode | undefined;
  for (const [key, child] of next) {
    if (!nearWord(w, key)) continue;
    if (found) return undefined;
    found = child;
  }
  return found;
}

/** Longest lexicon matches. */
export function matchLexicon(doc: DocTokens, index: LexIndex, blocked: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const { words, gapOk } = doc;
  const n = words.length;
  const root = index.root.next;
  if (!root) return out;
  const lastEnd = new Map<string, number>();
  const shared = new Map<Candidate, string[]>();
  for (let i = 0; i < n; i++) {
    if (blocked[i]) continue;
    let best: { end: number; ids: string[]; skip: number } | null = null;
    for (const f of doc.formsOf(i)) {
      let node = step(root, f.form);
      let k = i;
      let typo = false;
      while (node) {
        // With a one-letter slip ("المتحده" -> "المتحد"), only a long name (4 words or more) is taken.
        if (node.ids && (!best || k + 1 > best.end) && (!typo || k + 1 - i >= 4)) best = { end: k + 1, ids: node.ids, skip: f.skip };
        if (!node.next || k + 1 >= n || !gapOk[k] || blocked[k + 1]) break;
        let nx = step(node.next, words[k + 1]);
        if (!nx && !typo && k + 1 - i >= 2) {
          nx = typoStep(node.next, words[k + 1]);
          typo = !!nx;
        }
        node = nx;
        k++;
      }
    }
    if (!best) continue;
    const start = doc.oStart[i] + best.skip;
    const end = doc.oEnd[best.end - 1];
    const text = doc.src.slice(start, end);
    const entry = index.entries.get(best.ids[0])!;
    // Latin acronyms only in capitals; a lone one-letter-ish token is noise.
    if (/^[A-Za-z.\-]+$/.test(text) && !isLatinAcronym(text)) continue;
    // An ambiguous form (عمان: Oman or Amman) written with a shadda its entry lacks ("عمّان") is the other word.
    if (text.includes('\u0651') && index.ambiguous.get(normaliseKey(text))?.includes(entry.id)) continue;
    // Names inside a longer name of the same kind are not mentions of their own; of another kind
    // they are ("اللجنة التوجيهية لمبادرة الأمم المتحدة العالمية..." names the initiative too).
    const outer = lastEnd.get(entry.type) ?? -1;
    if (best.end <= outer) continue;
    out.push({ kind: entry.type, start, end, tStart: i, tEnd: best.end, source: 'lexicon', entryId: entry.id });
    if (best.ids.length > 1) shared.set(out[out.length - 1], best.ids);
    lastEnd.set(entry.type, best.end);
  }
  return resolveShared(out, shared, index);
}

/**
 * A form several entries declare ambiguous ("اللجنة الوطنية لمكافحة الاتجار بالبشر": the national
 * committee of eight States) names the one whose country the document names; with none or
 * several, no lexicon entity (the name-phrase grammar may still take the phrase).
 */
function resolveShared(found: Candidate[], shared: Map<Candidate, string[]>, index: LexIndex): Candidate[] {
  if (!shared.size) return found;
  const countries = new Set(found.filter((c) => c.kind === 'Country').map((c) => c.entryId));
  const out: Candidate[] = [];
  for (const c of found) {
    const ids = shared.get(c);
    if (!ids) {
      out.push(c);
      continue;
    }
    const named = ids.filter((id) => {
      const country = countryOfId(id);
      return country !== null && index.entries.has(country) && countries.has(country);
    });
    if (named.length === 1) out.push({ ...c, entryId: named[0] });
  }
  return out;
}

/** Head words that may stand for an entity mentioned before ("المكتب", "المفوضية السامية"): key -> token count. */
export function anaphorKeys(index: LexIndex): Map<string, number> {
  const keys = new Map<string, number>();
  for (const k of index.anaphora.keys()) keys.set(k, k.split(' ').length);
  for (const e of index.entries.values()) {
    const h = headKey(e.nameAr);
    if (h && e.type !== 'Country' && e.type !== 'Document') keys.set(h, 1);
  }
  for (const h of PATTERN_HEADS) keys.set(h, 1);
  return keys;
}

/** The definite head noun of a name: "مكتب الأمم المتحدة..." -> "المكتب". */
export function headKey(name: string): string | null {
  const first = normaliseKey(name).split(' ')[0] ?? '';
  if (first.length < 3 || /^[a-z0-9]/.test(first)) return null;
  return definite(first);
}

let keysCache: { index: LexIndex; keys: Map<string, number>; firstOfTwo: Set<string> } | null = null;

export function matchAnaphors(doc: DocTokens, index: LexIndex, taken: Uint8Array): Candidate[] {
  if (!keysCache || keysCache.index !== index) {
    const keys = anaphorKeys(index);
    keysCache = { index, keys, firstOfTwo: new Set([...keys.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0])) };
  }
  const keys = keysCache.keys;
  const firstOfTwo = keysCache.firstOfTwo;
  const out: Candidate[] = [];
  const { words } = doc;
  for (let i = 0; i < words.length; i++) {
    if (taken[i]) continue;
    for (const f of doc.formsOf(i)) {
      if (!f.form.startsWith('ال')) continue;
      const two = i + 1 < words.length && firstOfTwo.has(f.form) ? f.form + ' ' + words[i + 1] : '';
      let len = 0;
      let key = '';
      if (two && keys.get(two) === 2 && !taken[i + 1]) {
        len = 2;
        key = two;
      } else if (keys.get(f.form) === 1) {
        // "اللجنة الوطنية ..." is a new name, not a reference back: skip heads followed by a definite adjective.
        const nx = words[i + 1] ?? '';
        // ... unless the adjective refers back ("البروتوكول المذكور أعلاه"), or the word is a function word ("المكتب الذي", "المكتب إلى").
        if (doc.gapOk[i] && nx.startsWith('ال') && !taken[i + 1] && !BACK_REFERENCES.has(nx) && !STOP.has(nx)) continue;
        len = 1;
        key = f.form;
      }
      if (!len) continue;
      out.push({
        kind: null,
        start: doc.oStart[i] + f.skip,
        end: doc.oEnd[i + len - 1],
        tStart: i,
        tEnd: i + len,
        source: 'anaphor',
        anaphor: key,
      });
      i += len - 1;
      break;
    }
  }
  return out;
}

/** Drops candidates inside a longer candidate of the same kind; sorts by position. */
export function pruneNested(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
  const keep: Candidate[] = [];
  const lastByKind = new Map<string, Candidate>();
  for (const c of sorted) {
    const k = c.kind ?? 'anaphor';
    const prev = lastByKind.get(k);
    // Same span, different pattern entity ("الدورتين الحادية والستين والثانية والستين"): keep both.
    const twin = prev && c.start === prev.start && c.end === prev.end && c.source === 'pattern' && prev.source === 'pattern' && JSON.stringify(c.pattern) !== JSON.stringify(prev.pattern);
    if (twin) {
      keep.push(c);
      continue;
    }
    if (c.nested) {
      keep.push(c);
      continue;
    }
    if (prev && c.start >= prev.start && c.end <= prev.end) continue;
    // Partial overlaps of the same kind: keep the earlier (longer-first order already applied).
    if (prev && c.start < prev.end) continue;
    keep.push(c);
    lastByKind.set(k, c);
  }
  return keep;
}

/**
 * A body named inside the name of an instrument or programme ("اتفاقية الأمم المتحدة لمكافحة...",
 * "صندوق الاتحاد الأوروبي الائتماني") is its owner, part of that name, not a mention of its own.
 * Resolutions keep their body ("قرار مجلس حقوق الإنسان 8/12" is the Council's act).
 */
function dropOwners(cands: Candidate[], doc: DocTokens): void {
  // "وكالات الأمم المتحدة", "منظومة الأمم المتحدة": a body after a collective noun qualifies it.
  for (let q = cands.length - 1; q >= 0; q--) {
    const c = cands[q];
    if (c.kind === 'Agency' && c.source === 'lexicon' && c.tStart > 0 && doc.gapOk[c.tStart - 1] && doc.formsOf(c.tStart - 1).some((f) => OWNER_NOUNS.has(f.form))) cands.splice(q, 1);
  }
  // "الجمعية العامة للأمم المتحدة": a body in the genitive right after a body's name is part of that name.
  const byStart = new Map<number, Candidate>();
  for (const c of cands) if (c.kind === 'Agency' && c.source === 'lexicon') byStart.set(c.tStart, c);
  for (const c of [...byStart.values()]) {
    const next = byStart.get(c.tEnd);
    if (!next || !doc.gapOk[c.tEnd - 1] || !/^\s+$/.test(doc.src.slice(c.end, next.start)) || !/^ل/.test(doc.words[next.tStart])) continue;
    c.end = next.end;
    c.tEnd = next.tEnd;
    cands.splice(cands.indexOf(next), 1);
    byStart.delete(next.tStart);
  }
  const outer = cands.filter((c) => (c.kind === 'Instrument' || c.kind === 'Programme' || c.kind === 'Rapporteur') && (c.source === 'lexicon' || c.pattern?.type === 'named' || c.pattern?.type === 'rapporteur'));
  if (!outer.length) return;
  for (let q = cands.length - 1; q >= 0; q--) {
    const c = cands[q];
    if (c.kind !== 'Agency' || c.source !== 'lexicon') continue;
    if (outer.some((o) => o.tStart < c.tStart && c.tEnd <= o.tEnd)) cands.splice(q, 1);
  }
}

/**
 * Bodies named inside the name of an office, mission or branch ("مكتب الأمم المتحدة المعني بالمخدرات
 * والجريمة في منطقة دول مجلس التعاون الخليجي" names UNODC and the GCC too): nested mentions, kept
 * apart from the clause reading (relate.ts reads the outer name only). Not the umbrella bodies.
 */
function officeParents(cands: Candidate[], doc: DocTokens, index: LexIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const o of cands) {
    if (o.kind !== 'Agency' || o.nested || o.tEnd - o.tStart < 3) continue;
    const w0 = doc.formsOf(o.tStart);
    if (!w0.some((f) => OFFICES.heads.has(f.form))) continue;
    for (let t = o.tStart; t < o.tEnd; t++) {
      let found: { id: string; end: number; skip: number } | null = null;
      for (const f of doc.formsOf(t)) {
        for (const m of prefixes(index, [f.form, ...doc.words.slice(t + 1, o.tEnd)])) {
          const id = m.ids.find((x) => x !== o.entryId && index.entries.get(x)?.type === 'Agency');
          if (id && m.used >= 2 && (t > o.tStart || t + m.used < o.tEnd) && (!found || t + m.used > found.end)) found = { id, end: t + m.used, skip: f.skip };
        }
      }
      if (!found) continue;
      if (!OFFICES.umbrella.has(found.id)) out.push({ kind: 'Agency', start: doc.oStart[t] + found.skip, end: doc.oEnd[found.end - 1], tStart: t, tEnd: found.end, source: 'lexicon', entryId: found.id, nested: true });
      t = found.end - 1;
    }
  }
  return out;
}

/** For each token of a set phrase ("الجريمة المنظمة", "إنفاذ القانون"), the end token of that phrase, negative after its first word (0 outside). */
export function setPhraseEnds(doc: DocTokens): Int32Array {
  const end = new Int32Array(doc.words.length);
  for (let i = 0; i < doc.words.length; i++) {
    for (const f of doc.formsOf(i)) {
      for (const p of phrasesByFirst.get(f.form) ?? []) {
        let ok = true;
        for (let q = 1; q < p.length && ok; q++) ok = doc.words[i + q] === p[q] && doc.gapOk[i + q - 1] === 1;
        // Negative for the phrase's inner words: nothing starts there.
        if (ok) for (let q = 0; q < p.length; q++) end[i + q] = q === 0 ? Math.max(end[i], i + p.length) : -(i + p.length);
      }
    }
  }
  return end;
}

const phrasesByFirst = new Map<string, string[][]>();
for (const p of SET_PHRASES) phrasesByFirst.set(p[0], [...(phrasesByFirst.get(p[0]) ?? []), p]);

export function match(doc: DocTokens, index: LexIndex): Candidate[] {
  const n = doc.words.length;
  const blocked = new Uint8Array(n);
  const cands: Candidate[] = [];
  // Symbols first: their letters ("HRC" in A/HRC/32/41) must not be read as acronyms.
  const syms = findSymbols(doc.src);
  if (syms.length) {
    let t = 0;
    for (const s of syms) {
      while (t < n && doc.oEnd[t] <= s.start) t++;
      const t0 = t;
      while (t < n && doc.oStart[t] < s.end) blocked[t++] = 1;
      cands.push({ kind: 'Document', start: s.start, end: s.end, tStart: t0, tEnd: t, source: 'pattern', pattern: { type: 'document', symbol: s.symbol } });
    }
  }
  const lex = matchLexicon(doc, index, blocked);
  // "بروتوكولي A وB": one name per conjunct, taken like lexicon names.
  lex.push(...findConjuncts(doc, index, lex, blocked));
  cands.push(...lex);
  const pats = findPatterns(doc, index, lex, blocked);
  cands.push(...pats, ...findDatedInstruments(doc, blocked, cands), ...findOwnNumber(doc, blocked));
  dropOwners(cands, doc);
  cands.push(...officeParents(cands, doc, index));
  // Words inside a set phrase are never a mention, nor the start of one (a longer name around them is kept).
  const set = setPhraseEnds(doc);
  for (let q = cands.length - 1; q >= 0; q--) {
    const e = set[cands[q].tStart];
    if (e < 0 || (e > 0 && cands[q].tEnd <= e)) cands.splice(q, 1);
  }
  const taken = new Uint8Array(n);
  for (let t = 0; t < n; t++) if (set[t]) taken[t] = 1;
  for (const c of cands) for (let t = c.tStart; t < c.tEnd; t++) taken[t] = 1;
  cands.push(...matchAnaphors(doc, index, taken));
  return pruneNested(cands);
}
