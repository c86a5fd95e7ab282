/**
 * The neighbourhood's edge set and rows (cypher/api-neighbourhood.cypher, src/api/services/graph.ts)
 * on the seeded graph: edges named by their ends and type, the same from the neighbourhood and
 * from path; the edge limit keeps the first edges by family, weight, then source, target and type
 * (checked against every edge sorted here); a reached node's one name labels it as its whole
 * properties would.
 */
import type { Driver } from 'neo4j-driver';
import { Db, withIntegers } from '../../src/graph/db';
import { cypher } from '../../src/graph/cypher';
import { CO_OCCURS, MENTIONS, edgeId, edgeTypes, neighbourhood, neighbourhoodParams, node, paths, toNode, type GraphEdgeValue } from '../../src/api/services/graph';
import { toEntity } from '../../src/api/values';
import { RELATION_TYPES } from '../../src/model';
import { ensureSeeded, seededDriver } from '../helpers/seeded';

let driver: Driver;
let db: Db;
let hub: string;

beforeAll(async () => {
  driver = seededDriver();
  await ensureSeeded(driver);
  db = new Db(driver);
  const res = await driver.executeQuery(`MATCH (e:Entity) RETURN e.id AS id ORDER BY COUNT { (e)-[r]-() WHERE type(r) IN $types } DESC, e.id LIMIT 1`, { types: RELATION_TYPES });
  hub = res.records[0].get('id');
}, 600_000);

afterAll(async () => {
  await driver?.close();
});

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const family = (t: string): number => (t === MENTIONS ? 1 : t === CO_OCCURS ? 2 : 0);
/** The order the edge limit cuts in: typed relations, mentions, co-occurrences, each by weight, then source, target, type. */
const cutOrder = (a: GraphEdgeValue, b: GraphEdgeValue) => family(a.type) - family(b.type) || b.weight - a.weight || cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.type, b.type);
const byEnds = (a: GraphEdgeValue, b: GraphEdgeValue) => cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.type, b.type) || cmp(a.id, b.id);

describe('the edge set', () => {
  test('edges are named source-TYPE->target, once each, whatever the request', async () => {
    const g = await neighbourhood(db, { ids: [hub], depth: 2, limit: 100, coOccurrence: true, mentions: true });
    expect(g.edges.length).toBeGreaterThan(10);
    for (const e of g.edges) expect(e.id).toBe(edgeId(e.source, e.type, e.target));
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    // The same edge from a path between two of its nodes carries the same id and fields.
    const typed = g.edges.find((e) => family(e.type) === 0)!;
    const p = await paths(db, { from: typed.source, to: typed.target, maxLength: 1, limit: 10 });
    expect(p.edges).toContainEqual(typed);
  });

  test.each([1, 3, 10, 40, 120])('edge limit %i keeps the first edges by family, weight, source, target, type', async (edgeLimit) => {
    const args = { ids: [hub], depth: 2, limit: 60, coOccurrence: true, mentions: true };
    const all = await neighbourhood(db, { ...args, edgeLimit: 5000 });
    expect(all.edges.length).toBeGreaterThan(120);
    // Ties on weight at every cut tried here: the ids decide them.
    const ranked = [...all.edges].sort(cutOrder);
    expect(ranked.filter((e) => e.weight === ranked[Math.min(edgeLimit, ranked.length) - 1].weight).length).toBeGreaterThan(1);
    const cut = await neighbourhood(db, { ...args, edgeLimit });
    expect(cut.nodes).toEqual(all.nodes);
    expect(cut.edges).toEqual(ranked.slice(0, edgeLimit).sort(byEnds));
    expect(cut.truncated).toBe(true);
  });

  // The statement tests an edge's other end against the node list padded to 128 values (Neo4j
  // scans a shorter list, hashes a longer one): around that size, and with every filter, the edges
  // are exactly the relationships a plain match finds among the nodes.
  test.each([
    [30, {}],
    [127, { coOccurrence: true, mentions: true }],
    [128, { minConfidence: 0.6 }],
    [129, { relationTypes: ['MEMBER_OF', 'PARTICIPATED_IN', 'ADOPTED'], mentions: true }],
    [400, { coOccurrence: true, mentions: true }],
  ])('at most %i nodes (%j): the edges are every relationship of the types asked among the nodes', async (limit, opts) => {
    const g = await neighbourhood(db, { ids: [hub], depth: 3, limit, edgeLimit: 5000, ...opts });
    const ids = g.nodes.map((n) => n.id);
    if (limit <= 129) expect(ids.length).toBe(limit);
    const res = await driver.executeQuery(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
         AND (NOT type(r) IN $typed OR r.confidence >= $min)
       RETURN a.id AS source, b.id AS target, type(r) AS type`,
      { ids, types: edgeTypes(opts), typed: RELATION_TYPES, min: opts.minConfidence ?? 0 },
    );
    const expected = res.records.map((r) => edgeId(r.get('source'), r.get('type'), r.get('target'))).sort();
    expect(expected.length).toBeGreaterThan(ids.length / 4);
    expect(g.edges.map((e) => e.id).sort()).toEqual(expected);
  });

  test('typed relations only when no family is opted in, and only the types asked for', async () => {
    const all = await neighbourhood(db, { ids: [hub], depth: 2, limit: 100 });
    expect(all.edges.every((e) => (RELATION_TYPES as readonly string[]).includes(e.type))).toBe(true);
    const two = edgeTypes({}).slice(0, 2);
    const some = await neighbourhood(db, { ids: [hub], depth: 2, limit: 100, relationTypes: [...all.edges.map((e) => e.type).slice(0, 1), ...two] });
    const asked = new Set([all.edges[0].type, ...two]);
    expect(some.edges.length).toBeGreaterThan(0);
    expect(some.edges.every((e) => asked.has(e.type))).toBe(true);
  });
});

describe('reached nodes', () => {
  test('a reached node is labelled from the one name the statement sends as from all its properties (empty and blank names included)', async () => {
    const session = driver.session();
    const tx = session.beginTransaction();
    try {
      // Inside a transaction rolled back at the end: no other test sees these entities.
      const made: Record<string, Record<string, unknown>> = {
        'agency:zz-test-start': { name: 'وكالة البداية', nameAr: 'وكالة البداية', nameEn: 'Start agency' },
        'agency:zz-test-empty': { name: '', nameAr: 'اسم عربي فقط', nameEn: 'English name' },
        'agency:zz-test-blank': { name: '   ', nameAr: 'اسم لا يظهر', nameEn: 'Not shown' },
        'agency:zz-test-english': { nameEn: 'Only\nEnglish  name' },
        'agency:zz-test-none': { name: '' },
        'agency:zz-test-spaced': { name: ' اسم  فيه\nمسافات ', nameAr: 'غيره' },
      };
      for (const [id, props] of Object.entries(made)) await tx.run('CREATE (e:Entity:Agency) SET e = $props, e.id = $id, e.kind = $kind', { id, props, kind: 'Agency' });
      await tx.run(`MATCH (s:Entity {id: 'agency:zz-test-start'}), (o:Entity) WHERE o.id STARTS WITH 'agency:zz-test-' AND o <> s CREATE (s)-[:PARTNERS_WITH {count: 1, confidence: 0.9}]->(o)`);
      const params = withIntegers(neighbourhoodParams({ ids: ['agency:zz-test-start'], depth: 1, limit: 100, types: edgeTypes({}), kinds: null, minConfidence: 0, edgeLimit: 100, details: false }));
      const res = await tx.run(cypher('api-neighbourhood'), params as Record<string, unknown>);
      const reached = res.records[0].get('reached') as unknown[][];
      expect(reached.map((r) => r[0]).sort()).toEqual(Object.keys(made).filter((id) => id !== 'agency:zz-test-start').sort());
      for (const row of reached) {
        const id = String(row[0]);
        expect(node(row)).toEqual(toNode(toEntity({ id, kind: 'Agency', category: null, ...made[id] })));
      }
      expect(node(reached.find((r) => r[0] === 'agency:zz-test-empty')!).label).toBe('اسم عربي فقط');
      expect(node(reached.find((r) => r[0] === 'agency:zz-test-blank')!).label).toBe('agency:zz-test-blank');
      expect(node(reached.find((r) => r[0] === 'agency:zz-test-english')!).label).toBe('Only English name');
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});
