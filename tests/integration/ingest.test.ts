/**
 * Ingestion against the REAL Neo4j of the test run: seeds in, exact provenance, idempotent
 * re-ingest, replacement without leftovers, refused files, and all-or-nothing transactions.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { loadDocument, sha256Of } from '../../src/graph/load';
import { removeDocuments } from '../../src/graph/remove';
import { createDriver, neo4jConfig } from '../../src/graph/driver';
import { applySchema } from '../../src/graph/schema';
import { graphCounts, wipeGraph } from '../../src/graph/stats';
import { cypher } from '../../src/graph/cypher';
import { ingestPaths, ingestText, InputRefusedError } from '../../src/ingest';
import { pipelineExtractor, type Extractor } from '../../src/ingest/extractor';
import { ensureSeeded, graphSnapshot as snapshot, seededDriver, SEEDS_DIR, type Snapshot } from '../helpers/seeded';
import { FIXTURE_TEXT, fixtureDocument } from '../unit/graph/fixture';
import { fullSnapshot, snapshotDiff } from '../helpers/full-snapshot';
import { packageRoot } from '../../src/model';
import { ensureCorpus } from '../../bench/corpus';

// Several full ingests of the seeds: generous limits for a busy 2-core machine (not a timing assertion).
jest.setTimeout(300_000);

describe('kg ingest against Neo4j', () => {
  let driver: Driver;
  let dir: string;
  let seedFiles: string[];
  let original: Snapshot;

  beforeAll(async () => {
    driver = seededDriver();
    await applySchema(driver);
    await wipeGraph(driver);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-ingest-'));
    seedFiles = (await fs.readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt')).sort();
    for (const f of seedFiles) await fs.copyFile(path.join(SEEDS_DIR, f), path.join(dir, f));
  });

  afterAll(async () => {
    // Leave the seeded graph the other integration tests expect.
    await wipeGraph(driver);
    await ensureSeeded(driver);
    await driver.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('the five seeds are ingested as five documents', async () => {
    const summary = await ingestPaths(driver, [dir]);
    expect(summary).toEqual({ files: 5, ingested: 5, unchanged: 0, replaced: 0, failed: [] });
    const counts = await graphCounts(driver);
    expect(counts.documents).toBe(5);
    expect(counts.nodes).toBeGreaterThan(5);
    original = await snapshot(driver);
  });

  test('several documents per transaction give exactly the graph of one transaction per document', async () => {
    // Every property of every node and relationship, not only those of ingested documents.
    const everything = async () => {
      const res = await driver.executeQuery(cypher('graph-snapshot'));
      const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v))).sort();
      return { nodes: sorted(res.records[0].get('nodes')), rels: sorted(res.records[0].get('rels')) };
    };
    const batched = await everything();
    await wipeGraph(driver);
    const oneByOne = await ingestPaths(driver, [dir], { batchSize: 1 });
    expect(oneByOne.ingested).toBe(5);
    expect(await everything()).toEqual(batched);
    await wipeGraph(driver);
    await ingestPaths(driver, [dir], { batchSize: 2 });
    expect(await everything()).toEqual(batched);
  });

  test('bulk extraction in the worker thread writes exactly the graph of inline extraction', async () => {
    // `kg ingest` extracts in the compiled worker (npm run build); a custom extractor runs inline.
    await expect(fs.access(path.join(packageRoot(), 'dist', 'src', 'ingest', 'extract-worker.js'))).resolves.toBeUndefined();
    await wipeGraph(driver);
    const extracted: number[] = [];
    await ingestPaths(driver, [dir], { batchSize: 2, onExtracted: (bytes) => extracted.push(bytes) });
    expect(extracted).toHaveLength(5);
    const inWorker = await fullSnapshot(driver);
    await wipeGraph(driver);
    await ingestPaths(driver, [dir], { batchSize: 2, extractor: pipelineExtractor });
    expect(snapshotDiff(await fullSnapshot(driver), inWorker)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  });

  test('a document the database refuses fails alone: the others of its transaction are stored', async () => {
    await wipeGraph(driver);
    const refused = seedFiles[2];
    // Neo4j refuses a map as a property value: the batch's transaction fails at the relations stage.
    const extractor: Extractor = {
      check: pipelineExtractor.check,
      extract(text, file) {
        const doc = pipelineExtractor.extract(text, file);
        if (file === refused) (doc.relations[0] as unknown as { evidence: unknown }).evidence = { not: 'a string' };
        return doc;
      },
    };
    const summary = await ingestPaths(driver, [dir], { extractor });
    expect(summary.ingested).toBe(4);
    expect(summary.failed.map((f) => path.basename(f.file))).toEqual([refused]);
    expect((await graphCounts(driver)).documents).toBe(4);
    // and the run finishes it: the four are unchanged, the fifth goes in
    const rerun = await ingestPaths(driver, [dir]);
    expect(rerun).toEqual({ files: 5, ingested: 1, unchanged: 4, replaced: 0, failed: [] });
    expect(await snapshot(driver)).toEqual(original);
  });

  test('a known entity has MENTIONS whose texts are the source file at their offsets', async () => {
    const res = await driver.executeQuery(
      'MATCH (d:Document)-[m:MENTIONS]->(e:Entity {id: $id}) RETURN d.file AS file, m {.*} AS m, e.name AS name',
      { id: 'agency:unodc' },
    );
    expect(res.records.length).toBeGreaterThan(0);
    let checked = 0;
    for (const r of res.records) {
      const text = await fs.readFile(path.join(SEEDS_DIR, r.get('file')), 'utf8');
      const m = r.get('m') as { texts: string[]; starts: number[]; ends: number[]; count: number; mentionParagraphs: string[] };
      expect(m.texts).toHaveLength(m.count);
      expect(m.mentionParagraphs).toHaveLength(m.count);
      m.texts.forEach((t, i) => {
        expect(text.slice(m.starts[i], m.ends[i])).toBe(t);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('offsets, counts and years are stored as integers, confidences as floats', async () => {
    const res = await driver.executeQuery(
      `MATCH (d:Document)-[m:MENTIONS]->() WITH d, m LIMIT 1
       MATCH (d)-[:HAS_PARAGRAPH]->(p) WITH d, m, p LIMIT 1
       MATCH ()-[c:CO_OCCURS]->() WITH d, m, p, c LIMIT 1
       MATCH ()-[r]->() WHERE r.confidence IS NOT NULL WITH d, m, p, c, r LIMIT 1
       RETURN valueType(m.starts) AS starts, valueType(m.count) AS count, valueType(p.start) AS pstart,
              valueType(d.paragraphCount) AS pc, valueType(c.weight) AS weight, valueType(r.confidence) AS confidence`,
    );
    expect(res.records[0].toObject()).toEqual({
      starts: 'LIST<INTEGER NOT NULL> NOT NULL', count: 'INTEGER NOT NULL', pstart: 'INTEGER NOT NULL',
      pc: 'INTEGER NOT NULL', weight: 'INTEGER NOT NULL', confidence: 'FLOAT NOT NULL',
    });
  });

  test('every mention of every document is exact, and paragraphs hold the file text', async () => {
    const res = await driver.executeQuery(
      `MATCH (d:Document) WHERE d.sha256 IS NOT NULL
       RETURN d.file AS file, d.paragraphCount AS pc,
              COLLECT { MATCH (d)-[m:MENTIONS]->() RETURN m {.texts, .starts, .ends} } AS ms,
              COLLECT { MATCH (d)-[:HAS_PARAGRAPH]->(p) RETURN p {.text, .start, .end} } AS ps`,
    );
    expect(res.records).toHaveLength(5);
    for (const r of res.records) {
      const text = await fs.readFile(path.join(SEEDS_DIR, r.get('file')), 'utf8');
      for (const m of r.get('ms') as { texts: string[]; starts: number[]; ends: number[] }[]) {
        m.texts.forEach((t, i) => expect(text.slice(m.starts[i], m.ends[i])).toBe(t));
      }
      const ps = r.get('ps') as { text: string; start: number; end: number }[];
      expect(ps.length).toBe(r.get('pc'));
      for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  test('re-ingesting the same files changes nothing', async () => {
    const before = await graphCounts(driver);
    const summary = await ingestPaths(driver, [dir]);
    expect(summary).toEqual({ files: 5, ingested: 0, unchanged: 5, replaced: 0, failed: [] });
    expect(await graphCounts(driver)).toEqual(before);
    expect(await snapshot(driver)).toEqual(original);
  });

  test('bad files are refused with a message while the others go on, and the graph is unchanged', async () => {
    const bad = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-bad-'));
    try {
      await fs.writeFile(path.join(bad, 'empty.txt'), '');
      await fs.writeFile(path.join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe, 0]));
      await fs.writeFile(path.join(bad, 'notes.md'), 'not a format read: refused by name, never read');
      const summary = await ingestPaths(driver, [dir, bad, path.join(bad, 'missing.txt')]);
      expect(summary.unchanged).toBe(5);
      expect(summary.ingested + summary.replaced).toBe(0);
      expect(summary.failed.map((f) => path.basename(f.file)).sort()).toEqual(['binary.txt', 'empty.txt', 'missing.txt', 'notes.md']);
      expect(summary.failed.find((f) => f.file.endsWith('notes.md'))!.error).toMatch(/\.md files are not read; give \.txt .*\.pdf, \.docx or \.html/);
      for (const f of summary.failed) expect(f.error.length).toBeGreaterThan(10);
      expect(summary.failed.find((f) => f.file.endsWith('empty.txt'))!.error).toMatch(/empty/i);
      expect(await snapshot(driver)).toEqual(original);
      await expect(ingestText(driver, '', 'empty.txt')).rejects.toBeInstanceOf(InputRefusedError);
      // the same text again through the API's entry point: unchanged, and says which document it is
      const again = await ingestText(driver, await fs.readFile(path.join(dir, seedFiles[0]), 'utf8'), seedFiles[0]);
      expect(again).toMatchObject({ outcome: 'unchanged', documentId: expect.stringMatching(/^document:/) });
    } finally {
      await fs.rm(bad, { recursive: true, force: true });
    }
  });

  test('a changed file replaces its document: the result equals a fresh ingest of the new version', async () => {
    const target = path.join(dir, seedFiles[1]);
    const text = await fs.readFile(target, 'utf8');
    // Keep the first half: mentions, relations, co-occurrences and paragraphs of the rest must go.
    await fs.writeFile(target, text.slice(0, Math.floor(text.length / 2)));
    const summary = await ingestPaths(driver, [dir]);
    expect(summary).toEqual({ files: 5, ingested: 0, unchanged: 4, replaced: 1, failed: [] });
    const replaced = await snapshot(driver);
    expect(replaced).not.toEqual(original);

    await wipeGraph(driver);
    await ingestPaths(driver, [dir]);
    expect(replaced).toEqual(await snapshot(driver));

    // And back: the original text restores the original graph.
    await fs.writeFile(target, text);
    const back = await ingestPaths(driver, [dir]);
    expect(back.replaced).toBe(1);
    expect(await snapshot(driver)).toEqual(original);
  });

  test('a database that cannot be reached stops the run with a clear error, not a failure per file', async () => {
    const away = createDriver({ ...neo4jConfig(), uri: 'bolt://127.0.0.1:1' });
    try {
      await expect(ingestPaths(away, [dir])).rejects.toThrow(/not reachable.*bash scripts\/neo4j start.*NEO4J_URI/);
    } finally {
      await away.close();
    }
  });

  test('a document that fails half-way through its transaction leaves nothing behind', async () => {
    const before = await snapshot(driver);
    const doc = fixtureDocument();
    // Neo4j refuses a map as a property value: this fails at the relations stage, after the
    // document, entities and mentions statements already ran in the same transaction.
    (doc.relations[0] as unknown as { evidence: unknown }).evidence = { not: 'a string' };
    await expect(loadDocument(driver, doc, { text: FIXTURE_TEXT, sha256: sha256Of(FIXTURE_TEXT) })).rejects.toThrow();
    expect(await snapshot(driver)).toEqual(before);
  });

  test('documents in reverse or interleaved order, in batches of any size, give the evidence lists of one batch', async () => {
    // cypher/ingest-relations merges a batch's entries into the stored lists of each fact: the
    // lists, count, documents and confidence must not depend on which documents came first.
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-order-'));
    try {
      const { files } = ensureCorpus({ docs: 14, out });
      await wipeGraph(driver);
      await ingestPaths(driver, files, { batchSize: files.length });
      const reference = await fullSnapshot(driver);
      // The merge had work to do: facts stated by several documents at several confidences.
      const shared = await driver.executeQuery('MATCH ()-[r]->() WHERE r.documents >= 3 AND COUNT { UNWIND r.evConfidence AS c RETURN DISTINCT c } >= 2 RETURN count(r) AS n');
      expect(Number(shared.records[0].get('n'))).toBeGreaterThan(0);
      const interleaved = [...files.filter((_, i) => i % 2 === 1), ...files.filter((_, i) => i % 2 === 0)];
      for (const [order, batchSize] of [[[...files].reverse(), 3], [interleaved, 1], [[...interleaved].reverse(), 5]] as const) {
        await wipeGraph(driver);
        // ingestPaths sorts the files of one call: the order is given by successive calls.
        for (let i = 0; i < order.length; i += batchSize) await ingestPaths(driver, order.slice(i, i + batchSize), { batchSize });
        expect(snapshotDiff(await fullSnapshot(driver), reference)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
      }
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
  });

  test('paragraph texts are the file text at their offsets, with and without characters outside the BMP', async () => {
    // Offsets are UTF-16 code units (JavaScript's), Cypher's substring counts code points: a text
    // with characters outside the BMP (emoji, mathematical letters) must still come out exact.
    const plain = 'تقرير عن الشراكات\n\n1- تعاون مكتب الأمم المتحدة المعني بالمخدرات والجريمة مع الأردن.\n\n2- فقرة ثانية قصيرة.\n';
    const astral = 'تقرير 🌍 عن الشراكات\n\n1- تعاون 📄 مكتب الأمم المتحدة المعني بالمخدرات والجريمة مع تونس.\n\n2- فقرة 𝐀 ثانية.\n';
    for (const [file, text] of [['paragraphs-plain.txt', plain], ['paragraphs-astral.txt', astral]]) {
      const r = await ingestText(driver, text, file);
      const res = await driver.executeQuery('MATCH (:Document {id: $id})-[:HAS_PARAGRAPH]->(p) RETURN p.text AS text, p.start AS start, p.end AS end', { id: r.documentId });
      expect(res.records.length).toBeGreaterThan(1);
      for (const p of res.records) expect(p.get('text')).toBe(text.slice(Number(p.get('start')), Number(p.get('end'))));
      await removeDocuments(driver, [r.documentId!]);
    }
  });
});
