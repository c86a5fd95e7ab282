/**
 * The start-up migrations (src/graph/schema.ts, cypher/graph-migrate-relations.cypher,
 * graph-migrate-evidence.cypher and graph-migrate-best.cypher) on graphs built by previous
 * versions: typed relations stored one per (type, from, to, document, paragraph) are folded into
 * one per (type, from, to), evidence lists holding every sentence as text become positions in the
 * paragraphs, and facts without a stored best entry (evBest) get one, equal to what a fresh
 * ingest of the same documents by this version writes, property for property; running them again
 * changes nothing. Those versions wrote no graph-format marker; once migrated the graph is marked
 * and later starts skip the migrations.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { normaliseKey } from '../../src/extract/arabic';
import { withFragments } from '../../src/graph/cypher';
import { sha256Of, withIntegers } from '../../src/graph/load';
import { toRows, type RelationRow } from '../../src/graph/rows';
import { applySchema, GRAPH_FORMAT, graphFormat } from '../../src/graph/schema';
import { wipeGraph } from '../../src/graph/stats';
import { verifyGraph } from '../../src/graph/verify';
import { ingestPaths } from '../../src/ingest';
import { pipelineExtractor } from '../../src/ingest/extractor';
import { fullSnapshot, snapshotDiff, type FullSnapshot } from '../helpers/full-snapshot';
import { ensureSeeded, seededDriver, SEEDS_DIR } from '../helpers/seeded';

jest.setTimeout(300_000);

/** The previous version's writer of typed relations (cypher/ingest-relations.cypher at c3889c6), verbatim. */
const PREVIOUS_INGEST_RELATIONS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props`;

let driver: Driver;
let fresh: FullSnapshot;

/** The relation rows the previous version wrote for the seeds (the rows stage did not change). */
async function previousRelationRows(): Promise<RelationRow[]> {
  const files = (await fs.readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt')).sort();
  const rows: RelationRow[] = [];
  for (const file of files) {
    const text = await fs.readFile(path.join(SEEDS_DIR, file), 'utf8');
    const relations = toRows(pipelineExtractor.extract(text, file), { text, sha256: sha256Of(text) }, normaliseKey).relations;
    // Its rows had no evidence position (at, start, end).
    rows.push(...relations.map(({ props: { at: _a, start: _s, end: _e, ...props }, ...r }) => ({ ...r, props }) as unknown as RelationRow));
  }
  return rows;
}

/** The previous versions wrote no graph-format marker: their graphs have none. */
const unmark = () => driver.executeQuery('MATCH (g:GraphFormat) DELETE g');

const expectSame = (a: FullSnapshot, b: FullSnapshot) => {
  if (JSON.stringify(a) !== JSON.stringify(b)) expect(snapshotDiff(a, b)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
};

beforeAll(async () => {
  driver = seededDriver();
  await applySchema(driver);
  await wipeGraph(driver);
  await ingestPaths(driver, [SEEDS_DIR]);
  fresh = await fullSnapshot(driver);
  // The graph the previous version left: the same, but typed relations in the old shape, in the
  // order the documents came (one CREATE per row; several documents state the same facts).
  await driver.executeQuery(withFragments('MATCH ()-[r:{{RELATION_TYPES}}]->() DELETE r'));
  const rows = await previousRelationRows();
  const session = driver.session();
  try {
    await session.executeWrite((tx) => tx.run(PREVIOUS_INGEST_RELATIONS, withIntegers({ rows }) as Record<string, unknown>));
  } finally {
    await session.close();
  }
  await unmark();
});

afterAll(async () => {
  await wipeGraph(driver);
  await ensureSeeded(driver);
  await driver.close();
});

test('the old graph has one relationship per (type, from, to, document, paragraph), some facts stated several times', async () => {
  const res = await driver.executeQuery(
    withFragments(`MATCH (a)-[r:{{RELATION_TYPES}}]->(b) WITH a, b, type(r) AS t, count(r) AS n
                   RETURN count(*) AS facts, sum(n) AS rels, sum(CASE WHEN n > 1 THEN 1 ELSE 0 END) AS repeated`),
  );
  const r = Object.fromEntries(Object.entries(res.records[0].toObject()).map(([k, v]) => [k, Number(v)]));
  expect(r.rels).toBeGreaterThan(r.facts);
  expect(r.repeated).toBeGreaterThan(0);
  expect(fresh.rels.some((x) => x.includes('"evDocument"'))).toBe(true);
});

test('kg verify reports the old shape; the start-up migration folds it into exactly a fresh ingest, and again changes nothing', async () => {
  const before = await verifyGraph(driver);
  expect(before.drift.some((d) => d.kind === 'relation' && /old shape/.test(d.what))).toBe(true);

  expect(await graphFormat(driver)).toBe(0);
  await applySchema(driver);
  expect(await graphFormat(driver)).toBe(GRAPH_FORMAT);
  const migrated = await fullSnapshot(driver);
  expectSame(migrated, fresh);

  await applySchema(driver);
  expectSame(await fullSnapshot(driver), fresh);
  expect((await verifyGraph(driver)).drift).toEqual([]);
});

/** What the version before positions stored: every entry's sentence in evText, no evAt / evStart / evEnd (same order). */
const TO_TEXT_LISTS = `
MATCH ()-[r:{{RELATION_TYPES}}]->()
SET r.evText = [i IN range(0, size(r.evDocument) - 1) | CASE WHEN r.evAt[i] < 0 THEN r.evText[i]
      ELSE head([(:Document {id: r.evDocument[i]})-[:HAS_PARAGRAPH]->(p:Paragraph {ordinal: r.evAt[i]}) | substring(p.text, r.evStart[i], r.evEnd[i] - r.evStart[i])]) END]
REMOVE r.evAt, r.evStart, r.evEnd`;

test('evidence lists holding sentences (the version before positions) become positions equal to a fresh ingest, once', async () => {
  expectSame(await fullSnapshot(driver), fresh); // the test above left the fresh graph
  await driver.executeQuery(withFragments(TO_TEXT_LISTS));
  await unmark();
  const texts = await driver.executeQuery(
    withFragments(`MATCH ()-[r:{{RELATION_TYPES}}]->() RETURN count(r) AS n, sum(size([t IN r.evText WHERE t <> ''])) AS texts, count(r.evAt) AS located`),
  );
  const t = texts.records[0].toObject();
  expect(Number(t.texts)).toBeGreaterThan(Number(t.n)); // sentences stored as text, several per fact for some
  expect(Number(t.located)).toBe(0);
  // Every sentence a fresh ingest locates was found in a paragraph, the others kept as text.
  expect(fresh.rels.some((x) => x.includes('"evAt"'))).toBe(true);
  const before = await verifyGraph(driver);
  expect(before.drift.some((d) => d.kind === 'relation' && /stored as text/.test(d.what))).toBe(true);

  await applySchema(driver);
  expectSame(await fullSnapshot(driver), fresh);
  await applySchema(driver);
  expectSame(await fullSnapshot(driver), fresh);
  expect((await verifyGraph(driver)).drift).toEqual([]);
});

test('facts written before evBest get their stored best entry at start, equal to a fresh ingest, once', async () => {
  expectSame(await fullSnapshot(driver), fresh); // the tests above left the fresh graph
  expect(fresh.rels.filter((x) => x.includes('"evBest"')).length).toBe(fresh.rels.filter((x) => x.includes('"evDocument"')).length);
  await driver.executeQuery(withFragments('MATCH ()-[r:{{RELATION_TYPES}}]->() REMOVE r.evBest'));
  const before = await verifyGraph(driver);
  expect(before.drift.some((d) => d.kind === 'relation' && /evBest/.test(d.what))).toBe(true);
  await unmark(); // a graph of a version before the marker
  await applySchema(driver);
  expectSame(await fullSnapshot(driver), fresh);
  await applySchema(driver);
  expectSame(await fullSnapshot(driver), fresh);
  expect((await verifyGraph(driver)).drift).toEqual([]);
});

test('kg verify flags a fact whose evBest is not its first entry; --repair restores a fresh ingest', async () => {
  // A fact with several entries, its evBest set to its last entry's place (a plausible wrong value).
  const res = await driver.executeQuery(
    withFragments(`MATCH (a)-[r:{{RELATION_TYPES}}]->(b) WHERE size(r.evDocument) > 1 AND r.evDocument[-1] <> r.evDocument[0]
     WITH a, r, b LIMIT 1 SET r.evBest = [r.evBest[0], r.evDocument[-1], r.evParagraph[-1]] RETURN a.id AS from, type(r) AS type, b.id AS to`),
  );
  expect(res.records).toHaveLength(1);
  const id = `${res.records[0].get('from')} -${res.records[0].get('type')}-> ${res.records[0].get('to')}`;
  const report = await verifyGraph(driver);
  expect(report.drift.filter((d) => d.kind === 'relation').map((d) => [d.id, d.what])).toEqual([[id, 'best evidence (evBest) differs from its first entry']]);
  await verifyGraph(driver, { repair: true });
  expectSame(await fullSnapshot(driver), fresh);
  expect((await verifyGraph(driver)).drift).toEqual([]);
});

test('a graph marked as migrated is not scanned at start; without the marker the same graph is upgraded', async () => {
  expectSame(await fullSnapshot(driver), fresh); // the test above left the fresh graph, marked
  expect(await graphFormat(driver)).toBe(GRAPH_FORMAT);
  // Old-shape lists planted under the marker (no version writes that) stay as they are: the
  // migrations, which would locate them, did not run.
  await driver.executeQuery(withFragments(TO_TEXT_LISTS));
  const planted = await fullSnapshot(driver);
  expect(planted.rels.some((x) => x.includes('"evAt"'))).toBe(false);
  await applySchema(driver);
  expectSame(await fullSnapshot(driver), planted);
  // Without the marker (a graph of a version before it) the start upgrades it.
  await unmark();
  await applySchema(driver);
  expect(await graphFormat(driver)).toBe(GRAPH_FORMAT);
  expectSame(await fullSnapshot(driver), fresh);
});
