/**
 * The start-up migration (src/graph/schema.ts, cypher/graph-migrate-relations.cypher) on a graph
 * built by the previous version: typed relations stored one per (type, from, to, document,
 * paragraph) are folded into one per (type, from, to) whose evidence lists equal what a fresh
 * ingest of the same documents by this version writes, property for property; running it again
 * changes nothing.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { normaliseKey } from '../../src/extract/arabic';
import { withFragments } from '../../src/graph/cypher';
import { sha256Of, withIntegers } from '../../src/graph/load';
import { toRows, type RelationRow } from '../../src/graph/rows';
import { applySchema } from '../../src/graph/schema';
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
    rows.push(...toRows(pipelineExtractor.extract(text, file), { text, sha256: sha256Of(text) }, normaliseKey).relations);
  }
  return rows;
}

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

  await applySchema(driver);
  const migrated = await fullSnapshot(driver);
  expectSame(migrated, fresh);

  await applySchema(driver);
  expectSame(await fullSnapshot(driver), fresh);
  expect((await verifyGraph(driver)).drift).toEqual([]);
});
