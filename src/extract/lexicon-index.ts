/**
 * The lexicon as a token trie over normalised variants, built once per process. Matching walks
 * the trie token by token from each position, so its cost does not grow with the lexicon's size.
 */
import { loadLexicon, LexiconEntry } from '../model';
import { normaliseKey } from './arabic';

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  /** Entry ids whose variant ends at this node (first one wins when several). */
  ids: string[] | null;
}

export interface LexIndex {
  entries: Map<string, LexiconEntry>;
  root: TrieNode;
  /** Normalised anaphor (e.g. "المكتب") -> entries it can refer back to. */
  anaphora: Map<string, string[]>;
  /** Normalised key of every surface form -> ids (used by resolve for pattern entities). */
  byKey: Map<string, string[]>;
  /** Normalised ambiguous variants (عمان: Oman or Amman) -> entry ids that declare them. */
  ambiguous: Map<string, string[]>;
}

function node(): TrieNode {
  return { next: null, ids: null };
}

/** Latin acronyms are matched only when written in capitals (so "who" is not WHO). */
export function isLatinAcronym(s: string): boolean {
  return /^[A-Z][A-Za-z0-9.\-]*$/.test(s) && /[A-Z].*[A-Z]|^[A-Z]{2,}/.test(s) && !/\s/.test(s);
}

export function surfaceForms(e: LexiconEntry): string[] {
  const out = [e.nameAr, ...(e.variants ?? [])];
  if (e.acronym) out.push(e.acronym);
  // English names help on UN pages that quote them; single English words are too ambiguous.
  if (e.nameEn && e.nameEn.trim().split(/\s+/).length >= 3) out.push(e.nameEn);
  return out.filter((s): s is string => !!s && s.trim().length > 0);
}

export function buildIndex(entries: LexiconEntry[]): LexIndex {
  const root = node();
  const byKey = new Map<string, string[]>();
  const anaphora = new Map<string, string[]>();
  const ambiguous = new Map<string, string[]>();
  const map = new Map<string, LexiconEntry>();
  for (const e of entries) {
    map.set(e.id, e);
    for (const s of surfaceForms(e)) {
      const key = normaliseKey(s);
      if (!key) continue;
      const ids = byKey.get(key) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      byKey.set(key, ids);
      let n = root;
      for (const t of key.split(' ')) {
        n.next ??= new Map();
        let c = n.next.get(t);
        if (!c) n.next.set(t, (c = node()));
        n = c;
      }
      n.ids ??= [];
      if (!n.ids.includes(e.id)) n.ids.push(e.id);
    }
    for (const a of e.ambiguousVariants ?? []) ambiguous.set(normaliseKey(a), [...(ambiguous.get(normaliseKey(a)) ?? []), e.id]);
    for (const a of e.anaphora ?? []) {
      const key = normaliseKey(a);
      const ids = anaphora.get(key) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      anaphora.set(key, ids);
    }
  }
  return { entries: map, root, anaphora, byKey, ambiguous };
}

let cached: LexIndex | null = null;

/** The index of model/lexicon, loaded on first use. */
export function defaultIndex(): LexIndex {
  cached ??= buildIndex(loadLexicon());
  return cached;
}

/** Every lexicon name that is a prefix of these normalised words (shortest first): its entries and how many words it takes. */
export function prefixes(index: LexIndex, words: string[]): { ids: string[]; used: number }[] {
  let n: TrieNode | undefined = index.root;
  const out: { ids: string[]; used: number }[] = [];
  for (let q = 0; q < words.length && n?.next; q++) {
    n = n.next.get(words[q]);
    if (n?.ids) out.push({ ids: n.ids, used: q + 1 });
  }
  return out;
}

/** The entries whose name is the longest prefix of these normalised words, and how many words it takes. */
export function longestPrefix(index: LexIndex, words: string[]): { ids: string[]; used: number } | null {
  return prefixes(index, words).pop() ?? null;
}
