/**
 * Name phrases that the head-noun grammar (patterns.ts) does not read on its own:
 *  - a dual or plural head distributed over coordinated names: "بروتوكولي مكافحة الاتجار بالأشخاص
 *    ومكافحة تهريب المهاجرين" names two protocols, "بروتوكول مكافحة الاتجار بالأشخاص" and
 *    "بروتوكول مكافحة تهريب المهاجرين"; each conjunct with the singular head must be a lexicon name.
 * Heads are data (model/extraction/heads.json, dualHeads).
 */
import { bare, stripConjunction } from './arabic';
import type { LexIndex } from './lexicon-index';
import { longestPrefix } from './lexicon-index';
import type { Candidate } from './match';
import { qualifierEnd } from './patterns';
import { nearLexicon } from './resolve';
import type { DocTokens } from './tokens';
import { DUAL_HEADS } from './vocab';

/** The lexicon entry of this kind that the singular head and these words name, if one. */
function lexiconName(index: LexIndex, kind: string, singular: string, words: string[]): string | null {
  const exact = longestPrefix(index, [singular, ...words]);
  const id = exact && exact.used >= Math.min(3, words.length + 1) ? exact.ids.find((x) => index.entries.get(x)?.type === kind) : undefined;
  if (id) return id;
  return nearLexicon(index, kind, [singular, ...words].map(bare).join(' '))?.id ?? null;
}

export function findConjuncts(doc: DocTokens, index: LexIndex, lex: Candidate[], blocked: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const { words, oStart, oEnd } = doc;
  const n = words.length;
  const taken = new Uint8Array(n);
  for (const c of lex) for (let t = c.tStart; t < c.tEnd; t++) taken[t] = 1;
  for (let i = 0; i + 2 < n; i++) {
    if (blocked[i] || taken[i]) continue;
    for (const f of doc.formsOf(i)) {
      const head = DUAL_HEADS.get(f.form);
      if (!head) continue;
      const e1 = qualifierEnd(doc, i + 1, 8, taken);
      if (e1 <= i + 1 || e1 >= n) break;
      // The second name: after a separate "و", or a word carrying it ("وتهريب").
      const sep = words[e1] === 'و';
      const s2 = sep ? e1 + 1 : e1;
      if (!(sep || (words[e1][0] === 'و' && /^\s*$/.test(doc.src.slice(oEnd[e1 - 1], oStart[e1])))) || s2 >= n) break;
      let e2 = qualifierEnd(doc, s2, 8, taken);
      if (e2 <= s2) break;
      // The lexicon name may go on past a function word: "مكافحة تهريب المهاجرين عن طريق البر والبحر والجو".
      const full = longestPrefix(index, [head.singular, stripConjunction(words[s2]), ...words.slice(s2 + 1, Math.min(n, s2 + 14))]);
      // ... or stop before an adjective that agrees with the dual head ("تهريب المهاجرين المكملين لها").
      if (full && full.used >= 3) e2 = s2 + full.used - 1;
      const first = lexiconName(index, head.kind, head.singular, words.slice(i + 1, e1));
      const second = lexiconName(index, head.kind, head.singular, [stripConjunction(words[s2]), ...words.slice(s2 + 1, e2)]);
      if (!first || !second || first === second) break;
      out.push({ kind: head.kind, start: oStart[i] + f.skip, end: oEnd[e1 - 1], tStart: i, tEnd: e1, source: 'lexicon', entryId: first });
      out.push({ kind: head.kind, start: oStart[s2] + (sep ? 0 : 1), end: oEnd[e2 - 1], tStart: s2, tEnd: e2, source: 'lexicon', entryId: second });
      i = e2 - 1;
      break;
    }
  }
  return out;
}
