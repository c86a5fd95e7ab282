/** The GraphQL API over HTTP against the real Neo4j with the seeds ingested. */
import neo4j from 'neo4j-driver';
import { decodeCursor } from '../../src/api/services/cursor';
import { cypher } from '../../src/graph/cypher';
import { RELATIONS } from '../../src/model';
import { Harness, ok, seedFiles, seedText, startHarness } from './api-harness';

/** Entry `i` of a stored fact's evidence as text (its position read through the document's paragraphs, not by id as the API does). */
const EV_TEXT = (i: string) =>
  `CASE WHEN r.evAt[${i}] < 0 THEN r.evText[${i}] ELSE head([(:Document {id: r.evDocument[${i}]})-[:HAS_PARAGRAPH]->(p:Paragraph {ordinal: r.evAt[${i}]}) | substring(p.text, r.evStart[${i}], r.evEnd[${i}] - r.evStart[${i}])]) END`;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 600_000);
afterAll(async () => {
  await h?.close();
});

async function cypherRows(query: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const res = await h.driver.executeQuery(query, params);
  return res.records.map((r) => r.toObject());
}

describe('probes', () => {
  test('/health answers while the process is up and /ready when Neo4j answers', async () => {
    expect((await fetch(`${h.server.url}/health`)).status).toBe(200);
    const ready = await fetch(`${h.server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('documents', () => {
  test('every seed is an ingested document, with its paragraphs in order', async () => {
    const data = ok(
      await h.gql(`{ documents(first: 50, ingestedOnly: true) { totalCount nodes { id ... on Document { file paragraphCount paragraphs { ordinal start end text } } } } }`),
    );
    expect(data.documents.totalCount).toBe(seedFiles().length);
    expect(data.documents.nodes.map((d: any) => d.file).sort()).toEqual(seedFiles());
    for (const d of data.documents.nodes) {
      expect(d.paragraphs.length).toBe(d.paragraphCount);
      expect(d.paragraphs.length).toBeGreaterThan(0);
      const text = seedText(d.file);
      d.paragraphs.forEach((p: any, i: number) => {
        expect(p.ordinal).toBe(i);
        expect(p.text).toBe(text.slice(p.start, p.end));
      });
    }
  });

  test('document(id) returns the document and null for an unknown or non-document id', async () => {
    const [{ id }] = await cypherRows('MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN d.id AS id ORDER BY id LIMIT 1');
    const data = ok(await h.gql(`query($id: ID!) { document(id: $id) { id kind } unknown: document(id: "document:nope") { id } agency: document(id: "agency:unodc") { id } }`, { id }));
    expect(data.document).toEqual({ id, kind: 'Document' });
    expect(data.unknown).toBeNull();
    expect(data.agency).toBeNull();
  });
});

test('a document lists the entities it names, counts agreeing with their mentions in it', async () => {
  const [{ id }] = await cypherRows('MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN d.id AS id ORDER BY id LIMIT 1');
  const d = ok(await h.gql(`query($id: ID!) { document(id: $id) { ... on Document { entities(first: 300) { count entity { id mentions(document: $id, first: 100) { text } } } } } }`, { id })).document;
  expect(d.entities.length).toBeGreaterThan(3);
  for (let i = 0; i < d.entities.length; i++) {
    const x = d.entities[i];
    expect(x.entity.mentions.length).toBe(x.count);
    if (i > 0) expect(d.entities[i - 1].count).toBeGreaterThanOrEqual(x.count);
  }
  const filtered = ok(await h.gql(`query($id: ID!) { entities(filter: { mentionedIn: $id }, first: 200) { totalCount } }`, { id })).entities;
  expect(filtered.totalCount).toBe(d.entities.length);
});

describe('entities', () => {
  test('a known entity by id, each mention being the exact text of its seed file at its offsets', async () => {
    const data = ok(
      await h.gql(`{ entity(id: "agency:unodc") { __typename id kind name acronym category mentionCount mentions { text start end paragraph document { id ... on Document { file } } } } }`),
    );
    const e = data.entity;
    expect(e).toMatchObject({ __typename: 'Agency', id: 'agency:unodc', kind: 'Agency', acronym: 'UNODC', category: 'UN_ENTITY' });
    expect(e.mentions.length).toBeGreaterThan(5);
    expect(e.mentionCount).toBe(e.mentions.length);
    const files = new Set<string>();
    for (const m of e.mentions) {
      files.add(m.document.file);
      expect(m.text).toBe(seedText(m.document.file).slice(m.start, m.end));
    }
    expect(files.size).toBeGreaterThan(1);
    expect(ok(await h.gql(`{ entity(id: "agency:does-not-exist") { id } }`)).entity).toBeNull();
  });

  test('a typed relation is readable from both ends through the fields named in model/relations.json', async () => {
    const rows = await cypherRows(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types AND type(r) <> 'PARTNERS_WITH'
       RETURN a.id AS a, type(r) AS type, b.id AS b, r.count AS count, r.documents AS documents, r.confidence AS confidence,
              r.evDocument[0] AS document, ${EV_TEXT('0')} AS evidence ORDER BY a, type, b LIMIT 1`,
      { types: RELATIONS.map((r) => r.type) },
    );
    expect(rows.length).toBe(1);
    const { a, type, b, count, documents, confidence, document, evidence } = rows[0];
    const spec = RELATIONS.find((r) => r.type === type)!;
    const q = (field: string) =>
      `query($id: ID!) { entity(id: $id) { ... on ${'KIND'} { ${field} { type direction entity { id } count documentCount confidence
        evidence(first: 1) { text paragraph confidence document { id } } } } } }`;
    const kindOf = async (id: string) => ok(await h.gql(`query($id: ID!) { entity(id: $id) { kind } }`, { id })).entity.kind;
    const out = ok(await h.gql(q(spec.field).replace('KIND', await kindOf(a)), { id: a })).entity[spec.field];
    const fact = out.filter((r: any) => r.entity.id === b);
    expect(fact).toHaveLength(1); // once per (type, pair), however many documents state it
    expect(fact[0]).toMatchObject({ type, direction: 'OUT', count: Number(count), documentCount: Number(documents), confidence });
    expect(fact[0].evidence).toEqual([expect.objectContaining({ text: evidence || null, document: { id: document } })]);
    const back = ok(await h.gql(q(spec.inverse).replace('KIND', await kindOf(b)), { id: b })).entity[spec.inverse];
    expect(back).toEqual(expect.arrayContaining([expect.objectContaining({ type, direction: 'IN', entity: { id: a }, count: Number(count) })]));
    // The generic field agrees with the typed one.
    const generic = ok(await h.gql(`query($id: ID!, $t: [RelationType!]) { entity(id: $id) { relations(types: $t, direction: OUT) { entity { id } } } }`, { id: a, t: [type] }));
    expect(generic.entity.relations.map((r: any) => r.entity.id)).toContain(b);
  });

  test("a hub's relations come once per (type, pair), by count then the other end's name, each with its stored evidence best first", async () => {
    const types = RELATIONS.map((r) => r.type);
    // The entity holding the most stated fact (several entries), then the most relations.
    const [{ id }] = await cypherRows(
      `MATCH (e:Entity)-[r]-() WHERE type(r) IN $types WITH e, max(r.count) AS most, count(r) AS n RETURN e.id AS id ORDER BY most DESC, n DESC, e.id LIMIT 1`,
      { types },
    );
    // The stored truth, read directly: one relationship per (type, from, to) with parallel lists.
    const stored = await cypherRows(
      `MATCH (a:Entity {id: $id})-[r]-(b:Entity) WHERE type(r) IN $types
       RETURN type(r) AS type, CASE WHEN startNode(r) = a THEN 'OUT' ELSE 'IN' END AS direction, b.id AS other, coalesce(b.name, b.id) AS name,
              r.count AS count, r.documents AS documents, r.confidence AS confidence,
              r.evDocument AS docs, r.evParagraph AS paras, [i IN range(0, size(r.evDocument) - 1) | ${EV_TEXT('i')}] AS texts, r.evConfidence AS confs`,
      { id, types },
    );
    const q = `query($id: ID!) { entity(id: $id) { relations(first: 1000) { type direction entity { id name } count documentCount confidence
      evidence(first: 2) { text documentId paragraph confidence } more: evidence(first: 5) { confidence } } } }`;
    const rels = ok(await h.gql(q, { id })).entity.relations;
    expect(rels.length).toBe(stored.length);
    expect(new Set(rels.map((r: any) => `${r.type}|${r.direction}|${r.entity.id}`)).size).toBe(rels.length);
    // Neo4j orders strings by code point, as `<` does on these (BMP) names.
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const expected = [...stored].sort((x, y) => Number(y.count) - Number(x.count) || cmp(x.name, y.name) || cmp(x.other, y.other) || cmp(x.type, y.type));
    expect(rels.map((r: any) => `${r.count}|${r.entity.id}|${r.type}`)).toEqual(expected.map((x) => `${x.count}|${x.other}|${x.type}`));
    const orNull = (v: unknown) => (v === '' || v === undefined ? null : v);
    for (const r of rels) {
      const s = stored.find((x) => x.type === r.type && x.direction === r.direction && x.other === r.entity.id)!;
      expect(r).toMatchObject({ count: Number(s.count), documentCount: Number(s.documents), confidence: s.confidence });
      expect(r.evidence).toEqual(
        s.docs.slice(0, 2).map((d: string, i: number) => ({ text: orNull(s.texts[i]), documentId: d, paragraph: orNull(s.paras[i]), confidence: s.confs[i] })),
      );
      expect(r.more.map((e: any) => e.confidence)).toEqual(s.confs.slice(0, 5));
      expect(r.confidence).toBe(Math.max(...s.confs));
      for (let i = 1; i < r.more.length; i++) expect(r.more[i - 1].confidence).toBeGreaterThanOrEqual(r.more[i].confidence);
    }
    expect(rels.some((r: any) => r.count > 1)).toBe(true);
    const bad = await h.gql(`query($id: ID!) { entity(id: $id) { relations(first: 1) { evidence(first: 101) { text } } } }`, { id });
    expect(bad.errors?.[0]).toMatchObject({ message: expect.stringMatching(/from 0 to 100/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('relations take `first`: a prefix of the full ordered list, per direction and type, in every batch', async () => {
    const [{ id }] = await cypherRows(
      `MATCH (e:Entity) RETURN e.id AS id ORDER BY COUNT { (e)-[r]-() WHERE type(r) IN $types } DESC, e.id LIMIT 1`,
      { types: RELATIONS.map((r) => r.type) },
    );
    const q = `query($id: ID!, $n: Int, $dir: Direction!) { entity(id: $id) { relations(first: $n, direction: $dir) { type direction count entity { id relations(first: 2) { entity { id } } } evidence(first: 1) { documentId } } } }`;
    for (const dir of ['BOTH', 'OUT', 'IN']) {
      const all = ok(await h.gql(q, { id, n: null, dir })).entity.relations;
      const three = ok(await h.gql(q, { id, n: 3, dir })).entity.relations;
      expect(three).toEqual(all.slice(0, 3));
      if (dir !== 'BOTH') for (const r of all) expect(r.direction).toBe(dir);
      for (const r of all) expect(r.entity.relations.length).toBeLessThanOrEqual(2);
    }
    const both = ok(await h.gql(q, { id, n: null, dir: 'BOTH' })).entity.relations;
    expect(both.length).toBeGreaterThan(3);
    // a typed field and `types:` narrow before counting
    const type = both[both.length - 1].type;
    const typed = ok(await h.gql(`query($id: ID!, $t: [RelationType!]) { entity(id: $id) { relations(types: $t, first: 2) { type } } }`, { id, t: [type] })).entity.relations;
    expect(typed.map((r: any) => r.type)).toEqual(both.filter((r: any) => r.type === type).slice(0, 2).map((r: any) => r.type));
    const bad = await h.gql(`query($id: ID!) { entity(id: $id) { relations(first: -1) { type } } }`, { id });
    expect(bad.errors?.[0]).toMatchObject({ message: expect.stringMatching(/first must be a whole number from 0 to 1000/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('the entity at the other end of a relation has every property a query asks for, not only its summary', async () => {
    const docId = (await cypherRows(`MATCH (d:Document)-[r]-(:Entity) WHERE type(r) IN $types AND d.symbol IS NOT NULL RETURN d.id AS id LIMIT 1`,
      { types: RELATIONS.map((r) => r.type) }))[0]?.id;
    expect(docId).toBeDefined();
    const [{ other }] = await cypherRows(`MATCH (d:Document {id: $id})-[r]-(o:Entity) WHERE type(r) IN $types RETURN o.id AS other LIMIT 1`,
      { id: docId, types: RELATIONS.map((r) => r.type) });
    const q = `query($id: ID!) { entity(id: $id) { relations { entity { id name aliases ... on Document { symbol date } } } } }`;
    const seen = ok(await h.gql(q, { id: other })).entity.relations.map((r: any) => r.entity).find((e: any) => e.id === docId);
    const direct = ok(await h.gql(`query($id: ID!) { entity(id: $id) { id name aliases ... on Document { symbol date } } }`, { id: docId })).entity;
    expect(seen).toEqual(direct);
    expect(direct.symbol).toBeTruthy();
  });

  test('a relation type outside the model is refused by the schema', async () => {
    const r = await h.gql(`{ entity(id: "agency:unodc") { relations(types: [LIKES]) { type } } }`);
    expect(r.errors?.[0].message).toMatch(/LIKES/);
  });

  test('the default listing by name (read in index order) is the filtered listing with no filter, cursors included', async () => {
    const page = (filter: unknown, after: string | null) =>
      h.gql(`query($f: EntityFilter, $after: String) { entities(first: 9, after: $after, filter: $f) { totalCount edges { cursor node { id name } } } }`, { f: filter, after });
    const fast = ok(await page(null, null)).entities;
    const [{ ids }] = await cypherRows(
      'MATCH (e:Entity) WITH e ORDER BY toLower(coalesce(e.name, e.nameAr, e.nameEn, e.id)), e.id RETURN collect(e.id) AS ids',
    );
    expect(fast.edges.map((e: any) => e.node.id)).toEqual(ids.slice(0, 9));
    const next = ok(await page(null, fast.edges[8].cursor)).entities;
    expect(next.edges.map((e: any) => e.node.id)).toEqual(ids.slice(9, 18));
    expect(fast.totalCount).toBe(ids.length);
    // the general statement (any filter) takes the same cursors and gives the same next page
    const [general] = await cypherRows(cypher('api-entities-page'), {
      kind: null, category: null, mentionedIn: null, name: null, nameLower: null, from: null, to: null, order: 'NAME',
      after: decodeCursor(fast.edges[8].cursor), ingestedOnly: false, limit: neo4j.int(9),
    });
    expect(general.page.map((x: any) => x.e.id)).toEqual(ids.slice(9, 18));
  });

  test.each(['NAME', 'ID', 'DATE', 'MENTIONS'])('pagination ordered by %s has no duplicates or gaps', async (field) => {
    const query = `query($after: String, $field: EntityOrderField!) {
      entities(first: 17, after: $after, orderBy: { field: $field }) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 100; page++) {
      const { entities } = ok(await h.gql(query, { after, field }));
      total = entities.totalCount;
      seen.push(...entities.edges.map((e: any) => e.node.id));
      if (!entities.pageInfo.hasNextPage) break;
      expect(entities.edges.length).toBe(17);
      after = entities.pageInfo.endCursor;
    }
    const [{ n }] = await cypherRows('MATCH (e:Entity) RETURN count(e) AS n');
    expect(total).toBe(n);
    expect(seen.length).toBe(n);
    expect(new Set(seen).size).toBe(n);
  });

  test('filters: kind and category, name (Arabic normalised), mentioned in a document, date range', async () => {
    const byCat = ok(await h.gql(`{ entities(kind: Agency, filter: { category: UN_ENTITY }, first: 200) { totalCount nodes { kind category } } }`)).entities;
    expect(byCat.totalCount).toBeGreaterThan(3);
    for (const n of byCat.nodes) expect(n).toEqual({ kind: 'Agency', category: 'UN_ENTITY' });

    // Written with a different hamza and ta marbuta than the stored name.
    const byName = ok(await h.gql(`{ entities(filter: { name: "مكتب الامم المتحده المعني بالمخدرات" }) { nodes { id } } }`)).entities;
    expect(byName.nodes.map((n: any) => n.id)).toContain('agency:unodc');

    const [{ doc, ids }] = await cypherRows(
      'MATCH (d:Document)-[:MENTIONS]->(e) WITH d, collect(e.id) AS ids RETURN d.id AS doc, ids ORDER BY doc LIMIT 1',
    );
    const inDoc = ok(await h.gql(`query($d: ID!) { entities(filter: { mentionedIn: $d }, first: 200) { totalCount nodes { id } } }`, { d: doc })).entities;
    expect(inDoc.nodes.map((n: any) => n.id).sort()).toEqual([...ids].sort());

    const dated = ok(await h.gql(`{ entities(kind: Document, filter: { from: "2007", to: "2012-12-31" }, first: 200) { nodes { ... on Document { date } } } }`)).entities;
    expect(dated.nodes.length).toBeGreaterThan(0);
    for (const d of dated.nodes) expect(d.date >= '2007' && d.date.slice(0, 4) <= '2012').toBe(true);

    const wrong = await h.gql(`{ entities(kind: Country, filter: { category: PROTOCOL }) { totalCount } }`);
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('search', () => {
  test.each(['يونيسيف', 'UNICEF', 'منظمة الأمم المتحدة للطفولة', 'اليونيسف', 'unicef', 'UNISEF'])('"%s" finds UNICEF first', async (text) => {
    const hits = ok(await h.gql(`query($t: String!) { search(text: $t, first: 5) { score entity { id } } }`, { t: text })).search;
    expect(hits[0]?.entity.id).toBe('agency:unicef');
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  test('words found as typed cost one full-text query; typo tolerance runs only when they find nothing', async () => {
    const trips = async (text: string) => {
      h.resetRoundTrips();
      const hits = ok(await h.gql(`query($t: String!) { search(text: $t, first: 5) { entity { id } } }`, { t: text })).search;
      return { first: hits[0]?.entity.id, trips: h.roundTrips() };
    };
    expect(await trips('UNICEF')).toEqual({ first: 'agency:unicef', trips: 1 });
    expect(await trips('UNISEF')).toEqual({ first: 'agency:unicef', trips: 2 });
    // words the names carry with a proclitic (بالمخدرات، والجريمة) are found as typed alone
    expect(await trips('المخدرات والجريمة')).toEqual({ first: 'agency:unodc', trips: 1 });
  });

  test('an English name and an Arabic spelling variant find UNODC; kinds restrict the hits', async () => {
    const en = ok(await h.gql(`{ search(text: "United Nations Office on Drugs and Crime", first: 3) { entity { id } } }`)).search;
    expect(en[0].entity.id).toBe('agency:unodc');
    const ar = ok(await h.gql(`{ search(text: "مكتب الامم المتحدة المعني بالمخدرات والجريمه", first: 3) { entity { id } } }`)).search;
    expect(ar[0].entity.id).toBe('agency:unodc');
    const onlyCountries = ok(await h.gql(`{ search(text: "UNICEF", kinds: [Country], first: 5) { entity { kind } } }`)).search;
    for (const x of onlyCountries) expect(x.entity.kind).toBe('Country');
  });
});

describe('subgraphs', () => {
  test('neighbourhood is bounded by limit and says when it was truncated', async () => {
    const q = `query($limit: Int!) { neighbourhood(ids: ["agency:unodc"], depth: 2, limit: $limit) {
      truncated nodes { id label kind } edges { id source target type } } }`;
    const small = ok(await h.gql(q, { limit: 4 })).neighbourhood;
    expect(small.nodes.length).toBe(4);
    expect(small.truncated).toBe(true);
    expect(small.nodes[0].id).toBe('agency:unodc');

    const big = ok(await h.gql(q, { limit: 1000 })).neighbourhood;
    expect(big.truncated).toBe(false);
    expect(big.nodes.length).toBeGreaterThan(4);
    const ids = new Set(big.nodes.map((n: any) => n.id));
    expect(ids.size).toBe(big.nodes.length);
    for (const e of big.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(RELATIONS.map((r) => r.type)).toContain(e.type);
    }
    // Depth 1 = UNODC's direct typed neighbours exactly.
    const one = ok(await h.gql(`{ neighbourhood(ids: ["agency:unodc"], depth: 1, limit: 1000) { nodes { id } } }`)).neighbourhood;
    const direct = await cypherRows(
      'MATCH (:Entity {id: "agency:unodc"})-[r]-(b:Entity) WHERE type(r) IN $types RETURN DISTINCT b.id AS id',
      { types: RELATIONS.map((r) => r.type) },
    );
    expect(one.nodes.map((n: any) => n.id).sort()).toEqual(['agency:unodc', ...direct.map((d) => d.id)].sort());
  });

  test('a subgraph edge is one per (type, pair): its weight the stored count, its evidence the best entry', async () => {
    const types = RELATIONS.map((r) => r.type);
    // Around the entity holding the most stated fact, so that some edge stands for several entries.
    const [{ id }] = await cypherRows(`MATCH (e:Entity)-[r]-() WHERE type(r) IN $types RETURN e.id AS id ORDER BY r.count DESC, e.id LIMIT 1`, { types });
    const g = ok(await h.gql(`query($id: ID!) { neighbourhood(ids: [$id], depth: 1, limit: 1000) {
      nodes { id } edges { source target type weight evidence document paragraph confidence } } }`, { id })).neighbourhood;
    const stored = await cypherRows(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
       RETURN a.id AS source, b.id AS target, type(r) AS type, r.count AS weight, ${EV_TEXT('0')} AS evidence, r.evDocument[0] AS document,
              r.evParagraph[0] AS paragraph, r.confidence AS confidence`,
      { ids: g.nodes.map((n: any) => n.id), types },
    );
    const orNull = (v: unknown) => (v === '' ? null : v);
    const key = (e: any) => `${e.source}|${e.type}|${e.target}`;
    expect(g.edges.map(key).sort()).toEqual(stored.map(key).sort());
    for (const e of g.edges) {
      const s = stored.find((x) => key(x) === key(e))!;
      expect(e).toEqual({ ...s, weight: Number(s.weight), evidence: orNull(s.evidence), paragraph: orNull(s.paragraph) });
    }
    expect(g.edges.some((e: any) => e.weight > 1)).toBe(true);
    const pathEdges = ok(await h.gql(`query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxLength: 1) { edges { source target type weight confidence } } }`,
      { a: g.edges[0].source, b: g.edges[0].target })).path.edges;
    for (const e of pathEdges) expect(e.weight).toBe(Number(stored.find((x) => key(x) === key(e))!.weight));
  });

  test('neighbourhood refuses a depth above 3', async () => {
    const r = await h.gql(`{ neighbourhood(ids: ["agency:unodc"], depth: 4) { truncated } }`);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('path joins two entities through typed relations', async () => {
    const [{ a, c, len }] = await cypherRows(
      `MATCH p = (a:Entity)-[r1]-(b:Entity)-[r2]-(c:Entity)
       WHERE type(r1) IN $types AND type(r2) IN $types AND a <> c AND NOT EXISTS { (a)-[r]-(c) WHERE type(r) IN $types }
       RETURN a.id AS a, c.id AS c, length(p) AS len ORDER BY a, c LIMIT 1`,
      { types: RELATIONS.map((r) => r.type) },
    );
    expect(len).toBe(2);
    const p = ok(await h.gql(`query($a: ID!, $c: ID!) { path(from: $a, to: $c, maxLength: 4) { truncated nodes { id } edges { source target type } } }`, { a, c })).path;
    const ids = p.nodes.map((n: any) => n.id);
    expect(ids).toEqual(expect.arrayContaining([a, c]));
    expect(p.edges.length).toBeGreaterThanOrEqual(2);
    for (const e of p.edges) expect(ids).toEqual(expect.arrayContaining([e.source, e.target]));
    const tooShort = ok(await h.gql(`query($a: ID!, $c: ID!) { path(from: $a, to: $c, maxLength: 1) { nodes { id } } }`, { a, c })).path;
    expect(tooShort.nodes).toEqual([]);
  });
});

describe('timeline and stats', () => {
  test('timeline lists meetings and documents in date order within the range', async () => {
    const all = ok(await h.gql(`{ timeline(first: 200) { date kind entity { id } } }`)).timeline;
    expect(all.length).toBeGreaterThan(3);
    expect(new Set(all.map((e: any) => e.kind))).toEqual(new Set(['Meeting', 'Document']));
    for (let i = 1; i < all.length; i++) expect(all[i - 1].date <= all[i].date).toBe(true);
    const some = ok(await h.gql(`{ timeline(from: "2008", to: "2012") { date } }`)).timeline;
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    for (const e of some) expect(e.date.slice(0, 4) >= '2008' && e.date.slice(0, 4) <= '2012').toBe(true);
  });

  test('stats count kinds and relation types as the graph holds them', async () => {
    const s = ok(await h.gql(`{ stats { entities relations mentions byKind { kind count } byRelationType { type count } mostConnected(first: 5) { degree entity { id } } } }`)).stats;
    const kinds = await cypherRows('MATCH (e:Entity) RETURN e.kind AS kind, count(*) AS n');
    for (const k of kinds) expect(s.byKind.find((x: any) => x.kind === k.kind)?.count).toBe(k.n);
    expect(s.entities).toBe(kinds.reduce((n, k) => n + k.n, 0));
    expect(s.byRelationType.map((x: any) => x.type)).toEqual(RELATIONS.map((r) => r.type));
    expect(s.relations).toBe(s.byRelationType.reduce((n: number, x: any) => n + x.count, 0));
    expect(s.relations).toBeGreaterThan(0);
    expect(s.mostConnected.length).toBe(5);
    for (let i = 1; i < 5; i++) expect(s.mostConnected[i - 1].degree).toBeGreaterThanOrEqual(s.mostConnected[i].degree);
  });
});
