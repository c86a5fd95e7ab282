/**
 * Name phrases that the head-noun grammar (patterns.ts) does not read on its own:
 *  - a dual or plural head distributed over coordinated names: "بروتوكولي مكافحة الاتجار بالأشخاص
 *    ومكافحة تهريب المهاجرين" names two protocols, "بروتوكول مكافحة الاتجار بالأشخاص" and
 *    "بروتوكول مكافحة تهريب المهاجرين"; each conjunct with the singular head must be a lexicon name.
 *  - an instrument named by what was done to it and when: "البروتوكول الذي أقرته الجمعية العامة في
 *    3 ديسمبر 1948" (the head is the mention; its id and name carry the date, so two such protocols
 *    are two instruments).
 *  - a resolution's own number heading its text ("52/85 متابعة إعلان نابولي ..." as the General
 *    Assembly publishes its resolutions): that resolution, of the document's body.
 * Heads are data (model/extraction/heads.json, dualHeads and datedInstruments).
 */
import { bare, stripConjunction } from './arabic';
import { findDates } from './dates';
import type { LexIndex } from './lexicon-index';
import { longestPrefix } from './lexicon-index';
import type { Candidate } from './match';
import { qualifierEnd, readNumber } from './patterns';
import { nearLexicon } from './resolve';
import type { DocTokens } from './tokens';
import { DATED_HEADS, DATED_VERBS, DUAL_HEADS } from './vocab';

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

const RELATIVE = new Set(['الذي', 'التي']);
const DATE_LEAD = new Set(['في', 'بتاريخ', 'يوم']);

export function findDatedInstruments(doc: DocTokens, blocked: Uint8Array, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const { words, tokens, oStart, oEnd } = doc;
  const n = words.length;
  const taken = new Uint8Array(n);
  for (const c of cands) if (c.kind) for (let t = c.tStart; t < c.tEnd; t++) taken[t] = 1;
  for (let i = 0; i + 3 < n; i++) {
    if (blocked[i] || taken[i]) continue;
    const f = doc.formsOf(i).find((x) => DATED_HEADS.has(x.form));
    if (!f || !RELATIVE.has(words[i + 1]) || !DATED_VERBS.has(words[i + 2])) continue;
    // The date closes the relative clause, before any punctuation: "... في 3 ديسمبر 1948".
    for (let j = i + 3; j < n && j < i + 14; j++) {
      if (!/^[\s/]*$/.test(doc.norm.text.slice(tokens[j - 1].end, tokens[j].start))) break;
      if (!DATE_LEAD.has(words[j]) || j + 1 >= n) continue;
      const to = tokens[Math.min(n - 1, j + 7)].end;
      const d = findDates(doc.norm.text.slice(tokens[j + 1].start, to))[0];
      if (!d || d.start !== 0 || d.startDate.length < 7) continue;
      let e = j + 1;
      while (e < n && tokens[e].start < tokens[j + 1].start + d.end) e++;
      const head = stripConjunction(f.form);
      out.push({
        kind: 'Instrument',
        start: oStart[i] + f.skip,
        end: oEnd[i],
        tStart: i,
        tEnd: i + 1,
        source: 'pattern',
        pattern: { type: 'named', category: DATED_HEADS.get(f.form)!, key: `${head} ${d.startDate}`, label: doc.src.slice(oStart[i] + f.skip, oEnd[e - 1]) },
      });
      break;
    }
  }
  return out;
}

/** "52/85 <title>" as the first words of the text: the resolution the text is. */
export function findOwnNumber(doc: DocTokens, blocked: Uint8Array): Candidate[] {
  const { words, oStart, oEnd, src } = doc;
  if (words.length < 4 || blocked[0] || /\S/.test(src.slice(0, oStart[0]))) return [];
  const num = readNumber(doc, 0);
  if (!num || !num.number.includes('/')) return [];
  // A title follows on the same line.
  const line = src.slice(oEnd[num.end - 1], src.indexOf('\n', oEnd[num.end - 1]) >>> 0);
  if ((line.match(/[\u0621-\u064a]{2,}/g) ?? []).length < 2) return [];
  return [{ kind: 'Instrument', start: oStart[0], end: oEnd[num.end - 1], tStart: 0, tEnd: num.end, source: 'pattern', pattern: { type: 'resolution', number: num.number, bodyId: null, category: 'RESOLUTION' } }];
}
