/**
 * Entity search: the query is normalised with the extractor's normaliser (the same folding as the
 * indexed `searchKey`), then turned into a Lucene query that ranks the exact phrase first and
 * tolerates the Arabic article (يونيسيف finds اليونيسيف). The words as typed are tried first;
 * typo tolerance (fuzzy terms, several times costlier for Lucene) only when they find nothing.
 */
import { definite, normaliseKey, withoutArticle } from '../../extract/arabic';
import type { Db } from '../db';
import { EntityValue, toEntity } from '../values';

const MAX_TERMS = 12;
const ARABIC = /[\u0600-\u06ff]/;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

const escape = (t: string) => t.replace(LUCENE_SPECIAL, (c) => `\\${c}`);

/**
 * Edit distance allowed for a term: none for very short ones (acronyms like UN), then 1, then 2.
 * Distance 1 for mid-length words would make the lookup faster (bench/findings.md) but ranks
 * near-names above the intended one ("UNISEF" put the UNICEF research centre before UNICEF).
 */
function fuzziness(term: string): number {
  return term.length <= 2 ? 0 : term.length <= 5 ? 1 : 2;
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

/** The Lucene query for a user's text (typo-tolerant unless `fuzzy` is false), or null when it has no word to search. Pure. */
export function luceneQuery(text: string, fuzzy = true): { lucene: string; key: string } | null {
  const key = normaliseKey(text);
  const terms = key.split(' ').filter(Boolean).slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  const phrase = `"${terms.map(escape).join(' ')}"^4`;
  const all = `(${terms.map((t) => `+${termClause(t, fuzzy)}`).join(' ')})`;
  // The last word may be unfinished while the user types.
  const last = terms[terms.length - 1];
  const prefix = last.length >= 3 ? ` OR (${terms.slice(0, -1).map((t) => `+${termClause(t, fuzzy)} `).join('')}+${escape(last)}*)^0.5` : '';
  return { lucene: `${phrase} OR ${all}${prefix}`, key };
}

export interface SearchHitValue {
  entity: EntityValue;
  score: number;
}

export async function search(db: Db, text: string, kinds: string[] | null, first: number): Promise<SearchHitValue[]> {
  const run = async (fuzzy: boolean) => {
    const q = luceneQuery(text, fuzzy);
    if (!q) return [];
    return db.read('api-search', {
      lucene: q.lucene,
      key: q.key,
      lower: text.trim().toLowerCase(),
      kinds: kinds && kinds.length ? kinds : null,
      // Kind filtering happens after the index: ask it for more than we show.
      candidates: Math.max(50, first * 5),
      first,
    });
  };
  let rows = await run(false);
  // The words as typed name something: typo tolerance would only add looser matches.
  if (rows.length === 0) rows = await run(true);
  return rows.map((r) => ({ entity: toEntity(r.e), score: Number(r.score) }));
}
