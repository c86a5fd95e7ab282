/**
 * Search on the seeded graph: every name findable (lexicon names, variants, English names and
 * acronyms are search keys whatever form the text used), exact and acronym hits first, and input
 * bounded before it reaches Neo4j (issue 14: long words, many words).
 */
import { normaliseKey } from '../../src/extract/arabic';
import { Harness, ok, startHarness } from './api-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 300_000);
afterAll(async () => {
  await h?.close();
});

const Q = `query($t: String!) { search(text: $t, first: 5) { score entity { id } } }`;
const ids = async (t: string) => ok(await h.gql<{ search: { entity: { id: string } }[] }>(Q, { t })).search.map((x) => x.entity.id);

describe('every name findable', () => {
  it.each([
    ['Palermo Protocol', 'instrument:trafficking-protocol'],
    ['Palermo', 'instrument:trafficking-protocol'],
    ['بروتوكول باليرمو', 'instrument:trafficking-protocol'],
    ['Trafficking in Persons Protocol', 'instrument:trafficking-protocol'],
    ['UNTOC', 'instrument:untoc'],
    ['UNICEF', 'agency:unicef'],
    ['يونيسيف', 'agency:unicef'],
    ['UNISEF', 'agency:unicef'],
    ['Interpol', 'agency:interpol'],
  ])('"%s" finds %s first', async (text, id) => {
    expect((await ids(text))[0]).toBe(id);
  });

  it('an exact name ranks before names that only contain the words', async () => {
    const hits = ok(await h.gql<{ search: { score: number; entity: { id: string } }[] }>(Q, { t: 'UNODC' })).search;
    expect(hits[0].entity.id).toBe('agency:unodc');
    expect(hits[0].score).toBeGreaterThanOrEqual(3000); // tier 3: exact name or acronym
    expect(hits.slice(1).every((x) => x.score < 3000)).toBe(true);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  it('"Special Rapporteur" ranks the mandate the documents name most (trafficking) first', async () => {
    expect((await ids('Special Rapporteur'))[0]).toBe('rapporteur:sr-trafficking');
  });
});

describe('what the selection asks does not change the answer', () => {
  // Summary fields only: Neo4j reads only those properties ($summary); `aliases` needs the whole
  // entity. Same hits, same order, same scores and names either way, on every path of the search:
  // exact and acronym tiers, Arabic normalisation and article, typo tolerance, partial words, kinds.
  const SUMMARY = `query($t: String!, $k: [Kind!]) { search(text: $t, kinds: $k, first: 10) { score entity { __typename id name kind nameAr nameEn acronym category mentionCount } } }`;
  const FULL = `query($t: String!, $k: [Kind!]) { search(text: $t, kinds: $k, first: 10) { score entity { __typename id name kind nameAr nameEn acronym category mentionCount aliases } } }`;
  it.each([
    ['UNODC', null],
    ['يونيسيف', null],
    ['الأمم المتحدة', null],
    ['الامم المتحده', null],
    ['UNISEF', null],
    ['Palermo Convention', null],
    ['المخدرات والجريمة', null],
    ['Special Rapporteur', ['Rapporteur']],
  ])('"%s" (kinds %p)', async (t, k) => {
    const summary = ok(await h.gql<{ search: { entity: Record<string, unknown> }[] }>(SUMMARY, { t, k })).search;
    const full = ok(await h.gql<{ search: { entity: Record<string, unknown> }[] }>(FULL, { t, k })).search;
    expect(summary.length).toBeGreaterThan(0);
    expect(full.map((x) => Array.isArray(x.entity.aliases))).toEqual(full.map(() => true));
    expect(full.map((x) => ({ ...x, entity: { ...x.entity, aliases: undefined } }))).toEqual(summary.map((x) => ({ ...x, entity: { ...x.entity, aliases: undefined } })));
  });
});

describe('the score is the ranking rule, computed from what the graph stores', () => {
  // score = tier * 1000 + 100 * ln(1 + documents naming it) + text score / (1 + text score), the tier
  // from the entity's stored search keys and acronym (cypher/api-search.cypher), whichever way the
  // statement computes it.
  const tierOf = (text: string, searchKey: string, acronym: string | null) => {
    const key = normaliseKey(text);
    const keys = searchKey.split(' | ');
    if (keys.includes(key) || (acronym ?? '').toLowerCase() === text.trim().toLowerCase()) return 3;
    if (keys.some((k) => k.startsWith(key))) return 2;
    return keys.some((k) => k.includes(key)) ? 1 : 0;
  };
  it.each(['UNODC', 'unicef', 'الأمم المتحدة', 'الامم', 'اليونيسف', 'UNISEF', 'Palermo Convention', 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة'])('"%s"', async (t) => {
    const hits = ok(await h.gql<{ search: { score: number; entity: { id: string } }[] }>(`query($t: String!) { search(text: $t, first: 30) { score entity { id } } }`, { t })).search;
    expect(hits.length).toBeGreaterThan(0);
    const res = await h.driver.executeQuery(
      'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, coalesce(n.searchKey, "") AS key, n.acronym AS acronym, COUNT { ()-[:MENTIONS]->(n) } AS documents',
      { ids: hits.map((x) => x.entity.id) },
    );
    const stored = new Map(res.records.map((r) => [r.get('id') as string, { key: r.get('key') as string, acronym: r.get('acronym') as string | null, documents: Number(r.get('documents')) }]));
    for (const hit of hits) {
      const s = stored.get(hit.entity.id)!;
      const tier = tierOf(t, s.key, s.acronym);
      const rest = hit.score - tier * 1000 - 100 * Math.log(1 + s.documents);
      expect([hit.entity.id, rest >= -1e-6 && rest < 1]).toEqual([hit.entity.id, true]);
    }
  });
});

describe('bounded input', () => {
  const codeOf = (r: { errors?: { message: string; extensions?: { code?: string } }[] }) => r.errors?.map((e) => [e.extensions?.code, e.message]);

  it('a 1,001-letter word is refused as BAD_USER_INPUT without reaching Neo4j (no Java text)', async () => {
    h.resetRoundTrips();
    const r = await h.gql(Q, { t: 'ب'.repeat(1001) });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', expect.stringMatching(/at most 200/)]]);
    expect(JSON.stringify(r.errors)).not.toMatch(/java|lucene|neo4j/i);
    expect(h.roundTrips()).toBe(0);
  });

  it('twelve long words and a 41-letter word are refused before any round trip; searches still answer', async () => {
    h.resetRoundTrips();
    const twelve = await h.gql(Q, { t: Array(12).fill('x'.repeat(15)).join(' ') });
    expect(codeOf(twelve)).toEqual([['BAD_USER_INPUT', expect.stringMatching(/12 words; give at most 10/)]]);
    const long = await h.gql(Q, { t: `unicef ${'y'.repeat(41)}` });
    expect(codeOf(long)).toEqual([['BAD_USER_INPUT', expect.stringMatching(/41 letters/)]]);
    expect(h.roundTrips()).toBe(0);
    expect(await ids('UNICEF')).toContain('agency:unicef');
  });

  it('nine 20-letter words that match nothing take no typo-tolerant query (more than 4 words): two round trips', async () => {
    h.resetRoundTrips();
    const r = ok(await h.gql<{ search: unknown[] }>(Q, { t: Array(9).fill('q'.repeat(20)).join(' ') }));
    expect(r.search).toEqual([]);
    // the words as typed, then any of them; the typo-tolerant try is skipped
    expect(h.roundTrips()).toBe(2);
  });
});
