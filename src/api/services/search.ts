/**
 * Entity search: the query is normalised with the extractor's normaliser (the same folding as the
 * indexed `searchKey`, which holds every name, variant, English name and acronym the text or the
 * lexicon gives), then turned into a Lucene query that ranks the exact phrase first and tolerates
 * the Arabic article (يونيسيف finds اليونيسيف). Three tries, each only when the one before found
 * nothing: the words as typed (all required), then typo-tolerant (only the cheap part: a few terms
 * of 4 to 20 letters), then any of the words (partial hits: "Palermo Convention" still finds what
 * is named Palermo). Results are ranked in tiers: exact name or acronym, a name starting with the
 * text, a name containing it, the rest; within a tier, the entity more documents name comes first.
 *
 * Input is bounded before anything reaches Neo4j (issue 14): at most MAX_TEXT characters,
 * MAX_TERMS words, each at most MAX_TERM_LENGTH letters; longer input is refused as BAD_USER_INPUT.
 */
import { definite, normaliseKey, withoutArticle } from '../../extract/arabic';
import type { Db } from '../../graph/db';
import { EntityValue, toEntity } from '../values';
import { badUserInput } from '../guard/errors';

export const SEARCH_LIMITS = {
  /** Characters of the search text. */
  maxText: 200,
  /** Words after normalisation. */
  maxTerms: 10,
  /** Letters of one word (the longest Arabic or English names' words are far shorter). */
  maxTermLength: 40,
  /** Typo tolerance only for words of this length... */
  fuzzyMinLength: 4,
  fuzzyMaxLength: 20,
  /** ...and only when the text has at most this many words (each fuzzy term multiplies Lucene's work). */
  maxFuzzyTerms: 4,
} as const;

const ARABIC = /[\u0600-\u06ff]/;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

const escape = (t: string) => t.replace(LUCENE_SPECIAL, (c) => `\\${c}`);

/** The normalised words of a search text; throws BAD_USER_INPUT when the text is too long. Pure. */
export function searchTerms(text: string): { key: string; terms: string[] } {
  if (text.length > SEARCH_LIMITS.maxText) {
    throw badUserInput(`search text is ${text.length} characters long; give at most ${SEARCH_LIMITS.maxText} (a name, an acronym or a few words)`);
  }
  const key = normaliseKey(text);
  const terms = key.split(' ').filter(Boolean);
  if (terms.length > SEARCH_LIMITS.maxTerms) {
    throw badUserInput(`search text has ${terms.length} words; give at most ${SEARCH_LIMITS.maxTerms}`);
  }
  const long = terms.find((t) => t.length > SEARCH_LIMITS.maxTermLength);
  if (long !== undefined) {
    throw badUserInput(`a word of the search text has ${long.length} letters; words of at most ${SEARCH_LIMITS.maxTermLength} letters are searched`);
  }
  return { key, terms };
}

/**
 * Edit distance allowed for a term when typo tolerance is on: none for short words (acronyms like
 * UN, ILO) and very long ones (costly automata), 1 up to 7 letters, 2 from 8. Distance 2 on short
 * words finds unrelated names ("UNISEF" within 2 edits of "united"); hits are ranked by how many
 * documents name them, so the intended one ("UNICEF") comes first among the close ones.
 */
export function fuzziness(term: string): number {
  if (term.length < SEARCH_LIMITS.fuzzyMinLength || term.length > SEARCH_LIMITS.fuzzyMaxLength) return 0;
  return term.length <= 7 ? 1 : 2;
}

/** One term (fuzzy or not), or-ed with its form with/without the Arabic article. */
function termClause(term: string, fuzzy: boolean): string {
  const forms = [`${escape(term)}${fuzzy && fuzziness(term) ? `~${fuzziness(term)}` : ''}`];
  if (ARABIC.test(term)) {
    if (term.startsWith('ال') && term.length > 4) forms.push(escape(withoutArticle(term)));
    else if (!term.startsWith('ال')) forms.push(escape(definite(term)));
  }
  return forms.length > 1 ? `(${forms.join(' OR ')})` : forms[0];
}

export type SearchMode = 'exact' | 'fuzzy' | 'partial';

/**
 * The Lucene query for a user's text, or null when it has no word to search (or, for the fuzzy
 * mode, when typo tolerance would not be cheap or would add nothing). Pure.
 */
export function luceneQuery(text: string, mode: SearchMode | boolean = 'fuzzy'): { lucene: string; key: string } | null {
  const m: SearchMode = mode === true ? 'fuzzy' : mode === false ? 'exact' : mode;
  const { key, terms } = searchTerms(text);
  if (terms.length === 0) return null;
  const phrase = `"${terms.map(escape).join(' ')}"^4`;
  if (m === 'partial') {
    // Any word of 3+ letters: partial hits for a text naming something only in part.
    const words = terms.filter((t) => t.length >= 3);
    if (words.length < 2) return null;
    return { lucene: `${phrase} OR (${words.map((t) => termClause(t, false)).join(' OR ')})`, key };
  }
  const fuzzy = m === 'fuzzy';
  if (fuzzy && (terms.length > SEARCH_LIMITS.maxFuzzyTerms || !terms.some((t) => fuzziness(t) > 0))) return null;
  const all = `(${terms.map((t) => `+${termClause(t, fuzzy)}`).join(' ')})`;
  // The last word may be unfinished while the user types (as typed only: the fuzzy try would
  // build every term's automaton twice).
  const last = terms[terms.length - 1];
  const prefix = !fuzzy && last.length >= 3 ? ` OR (${terms.slice(0, -1).map((t) => `+${termClause(t, false)} `).join('')}+${escape(last)}*)^0.5` : '';
  return { lucene: `${phrase} OR ${all}${prefix}`, key };
}

export interface SearchHitValue {
  entity: EntityValue;
  score: number;
}

/**
 * `summary`: the caller needs only the summary fields of each entity (src/api/selection.ts
 * SUMMARY_FIELDS), so Neo4j reads only those properties; ranking and scores are the same either way.
 */
export async function search(db: Db, text: string, kinds: string[] | null, first: number, summary = false): Promise<SearchHitValue[]> {
  searchTerms(text); // refuses oversized input before any round trip
  const run = async (mode: SearchMode) => {
    const q = luceneQuery(text, mode);
    if (!q) return [];
    return db.read('api-search', {
      lucene: q.lucene,
      key: q.key,
      lower: text.trim().toLowerCase(),
      kinds: kinds && kinds.length ? kinds : null,
      // Kind filtering and re-ranking happen after the index: ask it for more than we show.
      candidates: Math.max(50, first * 5),
      first,
      summary,
    });
  };
  let rows = await run('exact');
  // The words as typed name something: looser matches would only add noise.
  if (rows.length === 0) rows = await run('fuzzy');
  if (rows.length === 0) rows = await run('partial');
  return rows.map((r) => ({ entity: toEntity(r.e), score: Number(r.score) }));
}
