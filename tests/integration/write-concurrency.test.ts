/**
 * One version per document identity, whatever the interleaving (issue 14 item 1-2, issue 13
 * item 3): racing ingests of one file, identity collisions and bad file names refused, removal
 * equal to a fresh ingest of the others, a bounded ingest queue, and a randomised run of
 * concurrent ingest / replace / remove through the API mutations and the CLI after which
 * `kg verify` finds no drift and the graph equals a fresh ingest of what is stored, property for
 * property.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { startServer, type RunningServer } from '../../src/api/server';
import { ingestQueue } from '../../src/api/services/ingest';
import { createDriver } from '../../src/graph/driver';
import { applySchema } from '../../src/graph/schema';
import { withFragments } from '../../src/graph/cypher';
import { sha256Of } from '../../src/graph/load';
import { removeDocuments, DocumentNotFoundError } from '../../src/graph/remove';
import { wipeGraph } from '../../src/graph/stats';
import { verifyGraph } from '../../src/graph/verify';
import { ingestPaths } from '../../src/ingest';
import { writeCorpus } from '../helpers/corpus';
import { fullSnapshot, snapshotDiff, type FullSnapshot } from '../helpers/full-snapshot';
import { ensureSeeded } from '../helpers/seeded';
import { kgCli } from '../helpers/instance';

jest.setTimeout(600_000);

let KG: string; // the built CLI (tests/helpers/instance kgCli), checked in beforeAll
const TOKEN = 'write-concurrency-token';
// Our own Arabic sentence, appended to make a third version that names two more entities.
const EXTRA = '\n\n99- وقد تعاون مكتب الأمم المتحدة المعني بالمخدرات والجريمة مع المغرب ومنظمة العمل الدولية في مكافحة الاتجار بالأشخاص.\n';

let driver: Driver;
let server: RunningServer;
let work: string;
/** file name -> its versions' texts */
const versions = new Map<string, string[]>();

async function gql(query: string, variables: Record<string, unknown>): Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as never;
}

const INGEST = 'mutation($text: String!, $file: String!) { ingestDocument(text: $text, file: $file) { documentId outcome } }';
const REMOVE = 'mutation($d: String!) { removeDocument(document: $d) { documentId file } }';

function kg(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [KG, ...args], { env: process.env });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** A fresh ingest of exactly these (file, text) pairs into the wiped graph, then its snapshot. */
async function freshIngest(docs: { file: string; text: string }[]): Promise<FullSnapshot> {
  await wipeGraph(driver);
  const dir = fs.mkdtempSync(path.join(work, 'fresh-'));
  for (const d of docs) fs.writeFileSync(path.join(dir, d.file), d.text);
  if (docs.length) {
    const s = await ingestPaths(driver, [dir]);
    expect(s.failed).toEqual([]);
  }
  return fullSnapshot(driver);
}

/** What the graph holds: (file, text) per ingested document, the text found among the versions by hash. */
async function stored(): Promise<{ file: string; text: string }[]> {
  const res = await driver.executeQuery('MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN d.file AS file, d.sha256 AS sha, d.id AS id ORDER BY file');
  const rows = res.records.map((r) => r.toObject() as { file: string; sha: string; id: string });
  // one document per file and per id
  expect(new Set(rows.map((r) => r.file)).size).toBe(rows.length);
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  return rows.map((r) => {
    const text = (versions.get(r.file) ?? []).find((t) => sha256Of(Buffer.from(t, 'utf8')) === r.sha);
    if (text === undefined) throw new Error(`${r.file}: stored content is none of its versions`);
    return { file: r.file, text };
  });
}

async function expectEqualsFreshIngest(): Promise<void> {
  const report = await verifyGraph(driver);
  expect(report.drift).toEqual([]);
  const now = await fullSnapshot(driver);
  const docs = await stored();
  const fresh = await freshIngest(docs);
  if (JSON.stringify(now) !== JSON.stringify(fresh)) expect(snapshotDiff(now, fresh)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  expect(now).toEqual(fresh);
}

beforeAll(async () => {
  KG = kgCli();
  driver = createDriver();
  await applySchema(driver);
  await wipeGraph(driver);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-write-'));
  const files = writeCorpus(path.join(work, 'corpus'), 4, 2500);
  for (const f of files) {
    const v0 = fs.readFileSync(f, 'utf8');
    versions.set(path.basename(f), [v0, v0.slice(0, Math.floor(v0.length / 2)), v0 + EXTRA]);
  }
  server = await startServer({ driver, writeToken: TOKEN }, 0, '127.0.0.1');
});

afterAll(async () => {
  await server?.close();
  await ingestQueue().close();
  if (driver) {
    await wipeGraph(driver);
    await ensureSeeded(driver); // the seeded graph the other integration tests expect
    await driver.close();
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('two writers of one new file at the same moment leave one version, equal to a fresh ingest of it', async () => {
  const [file, [a, , c]] = [...versions.entries()][0];
  for (let round = 0; round < 2; round++) {
    await wipeGraph(driver);
    const [r1, r2] = await Promise.all([gql(INGEST, { text: a, file }), gql(INGEST, { text: c, file })]);
    expect(r1.errors).toBeUndefined();
    expect(r2.errors).toBeUndefined();
    expect([r1.data.ingestDocument.outcome, r2.data.ingestDocument.outcome].sort()).toEqual(['ingested', 'replaced']);
    await expectEqualsFreshIngest();
  }
});

test('identity collisions and unusable file names are refused with a reason, nothing written', async () => {
  await wipeGraph(driver);
  const body = 'تقرير عن التعاون\n\n1- تعاون مكتب الأمم المتحدة المعني بالمخدرات والجريمة مع المغرب.\n';
  expect((await gql(INGEST, { text: body, file: 'Report A.txt' })).errors).toBeUndefined();
  const before = await fullSnapshot(driver);
  // same id from a name differing only in case and punctuation
  const r = await gql(INGEST, { text: body + '\n2- نص آخر.\n', file: 'report-a.txt' });
  expect(r.errors?.[0].extensions?.code).toBe('DOCUMENT_ID_TAKEN');
  expect(r.errors?.[0].message).toMatch(/Report A\.txt/);
  // a header symbol already owned by another file
  const [file0, [v0]] = [...versions.entries()][0];
  expect((await gql(INGEST, { text: v0, file: file0 })).errors).toBeUndefined();
  const mid = await fullSnapshot(driver);
  const taker = await gql(INGEST, { text: v0 + '\n\n5- فقرة إضافية.\n', file: 'other-name.txt' });
  expect(taker.errors?.[0].extensions?.code).toBe('DOCUMENT_ID_TAKEN');
  expect(await fullSnapshot(driver)).toEqual(mid);
  for (const bad of ['../x.txt', 'dir/x.txt', '؟؟؟.txt', 'a\u0007b.txt']) {
    const b = await gql(INGEST, { text: body, file: bad });
    expect(b.errors?.[0].extensions?.code).toBe('BAD_FILE_NAME');
  }
  await gql(REMOVE, { d: file0 });
  expect(await fullSnapshot(driver)).toEqual(before);
});

test('removal: the graph equals a fresh ingest of the others, orphans gone, all or nothing', async () => {
  const entries = [...versions.entries()];
  await freshIngest(entries.slice(0, 3).map(([file, v]) => ({ file, text: v[2] })));
  // all or nothing: one unknown reference, nothing removed
  const before = await fullSnapshot(driver);
  await expect(removeDocuments(driver, [entries[0][0], 'no-such-file.txt'])).rejects.toBeInstanceOf(DocumentNotFoundError);
  expect(await fullSnapshot(driver)).toEqual(before);
  const missing = await gql(REMOVE, { d: 'document:none' });
  expect(missing.errors?.[0].extensions?.code).toBe('DOCUMENT_NOT_FOUND');

  const r = await gql(REMOVE, { d: entries[1][0] });
  expect(r.errors).toBeUndefined();
  expect(r.data.removeDocument.file).toBe(entries[1][0]);
  await expectEqualsFreshIngest();
  // the CLI, by id
  const id = (await driver.executeQuery('MATCH (d:Document {file: $f}) RETURN d.id AS id', { f: entries[0][0] })).records[0].get('id');
  const cli = await kg(['remove', id]);
  expect(cli.code).toBe(0);
  expect(cli.out).toMatch(/1 document\(s\) removed/);
  await expectEqualsFreshIngest();
  const last = await kg(['remove', entries[2][0]]);
  expect(last.code).toBe(0);
  // nothing left at all: every entity went with the last document
  expect((await fullSnapshot(driver)).nodes).toEqual([]);
});

test('mentionCount is the stored count, kept right by replacement and removal', async () => {
  const entries = [...versions.entries()];
  await freshIngest(entries.slice(0, 2).map(([file, v]) => ({ file, text: v[2] })));
  const check = async () => {
    const res = await driver.executeQuery('MATCH (d:Document)-[m:MENTIONS]->(e:Entity {id: $id}) RETURN sum(m.count) AS n', { id: 'agency:unodc' });
    const want = Number(res.records[0].get('n'));
    const api = await gql('{ entity(id: "agency:unodc") { mentionCount } }', {});
    if (want === 0) {
      expect(api.data.entity).toBeNull(); // nothing mentions it any more: gone
      return 0;
    }
    expect(api.data.entity.mentionCount).toBe(want);
    const stored = (await driver.executeQuery('MATCH (e:Entity {id: $id}) RETURN e.mentionCount AS c', { id: 'agency:unodc' })).records[0].get('c');
    expect(stored).toBe(want);
    return want;
  };
  const both = await check();
  expect(both).toBeGreaterThan(0);
  await gql(INGEST, { text: entries[0][1][1], file: entries[0][0] }); // replaced by its shorter version
  expect(await check()).toBeLessThan(both);
  await gql(REMOVE, { d: entries[1][0] });
  await check();
  await expectEqualsFreshIngest();
});

test('a full ingest queue answers INGEST_BUSY at once and writes nothing for it', async () => {
  await wipeGraph(driver);
  const body = (i: number) => `${'1- تعاون مكتب الأمم المتحدة المعني بالمخدرات والجريمة مع المغرب في مكافحة الاتجار بالأشخاص.\n'.repeat(400)}\n${i}- خاتمة.\n`;
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => gql(INGEST, { text: body(i), file: `busy-${i}.txt` })));
  const busy = results.filter((r) => r.errors?.[0].extensions?.code === 'INGEST_BUSY');
  const ok = results.filter((r) => !r.errors);
  expect(busy.length + ok.length).toBe(12);
  expect(busy.length).toBeGreaterThan(0);
  expect(busy[0].errors![0].message).toMatch(/retry/);
  const n = (await driver.executeQuery('MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN count(d) AS n')).records[0].get('n');
  expect(n).toBe(ok.length);
  expect(ingestQueue().inFlight).toBe(0);
});

test('randomised concurrent ingest / replace / remove through the API and the CLI: no drift, equal to a fresh ingest', async () => {
  await wipeGraph(driver);
  let seed = 20261130;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const files = [...versions.keys()];
  const log: string[] = [];
  for (let wave = 0; wave < 6; wave++) {
    const ops = Array.from({ length: 4 }, () => {
      const file = files[rand(files.length)];
      const v = rand(3);
      const kind = rand(10);
      if (kind < 5) return async () => log.push(`api ingest ${file} v${v}: ${JSON.stringify((await gql(INGEST, { text: versions.get(file)![v], file })).errors?.[0]?.extensions?.code ?? 'ok')}`);
      if (kind < 7) {
        return async () => {
          const dir = fs.mkdtempSync(path.join(work, 'cli-'));
          fs.writeFileSync(path.join(dir, file), versions.get(file)![v]);
          const r = await kg(['ingest', path.join(dir, file)]);
          log.push(`cli ingest ${file} v${v}: ${r.code}`);
          expect(r.code).toBe(0);
        };
      }
      if (kind < 9) {
        return async () => {
          const r = await gql(REMOVE, { d: file });
          const code = r.errors?.[0].extensions?.code ?? 'ok';
          log.push(`api remove ${file}: ${code}`);
          expect(['ok', 'DOCUMENT_NOT_FOUND']).toContain(code);
        };
      }
      return async () => {
        const r = await kg(['remove', file]);
        log.push(`cli remove ${file}: ${r.code}`);
        expect([0, 1]).toContain(r.code);
      };
    });
    await Promise.all(ops.map((op) => op()));
  }
  expect(log.filter((l) => /INGEST_BUSY|INTERNAL/.test(l))).toEqual([]);
  const cliVerify = await kg(['verify']);
  expect(cliVerify.out).toMatch(/: 0 drift\(s\)/);
  expect(cliVerify.code).toBe(0);
  await expectEqualsFreshIngest();
});

test('kg verify finds drift a racing writer of an earlier version could leave, and --repair removes it', async () => {
  const entries = [...versions.entries()];
  await freshIngest(entries.map(([file, v]) => ({ file, text: v[0] })));
  const good = await fullSnapshot(driver);
  // What the old race left: a duplicated MENTIONS, an inflated weight, a stale alias, a stray relation.
  await driver.executeQuery(`MATCH (d:Document)-[m:MENTIONS]->(e) WITH d, m, e LIMIT 1 CREATE (d)-[m2:MENTIONS]->(e) SET m2 = properties(m)`);
  await driver.executeQuery(`MATCH ()-[c:CO_OCCURS]->() WITH c LIMIT 1 SET c.weight = c.weight + 7`);
  await driver.executeQuery(`MATCH (e:Agency) WITH e LIMIT 1 SET e.aliases = e.aliases + ['اسم قديم']`);
  // ... a stray entry (citing a document that is not stored) at the head of a fact's evidence lists,
  await driver.executeQuery(
    withFragments(`MATCH ()-[r:{{RELATION_TYPES}}]->() WITH r LIMIT 1
     SET r.evDocument = ['document:gone'] + r.evDocument, r.evParagraph = [''] + r.evParagraph, r.evText = [''] + r.evText,
         r.evAt = [-1] + r.evAt, r.evStart = [0] + r.evStart, r.evEnd = [0] + r.evEnd,
         r.evConfidence = [1.0] + r.evConfidence, r.count = r.count + 1, r.documents = r.documents + 1, r.confidence = 1.0`),
  );
  // ... and a second relationship for one fact, copying one of the document's entries.
  await driver.executeQuery(
    withFragments(`MATCH (a)-[r:{{RELATION_TYPES}}]->(b) WHERE r.count = 1 WITH a, r, b LIMIT 1
     CALL (a, r, b) { CREATE (a)-[r2:$(type(r))]->(b) SET r2 = properties(r) }`),
  );
  const found = await kg(['verify']);
  expect(found.code).toBe(1);
  for (const kind of ['document', 'entity', 'cooccurrence', 'relation', 'stray']) expect(found.out).toMatch(new RegExp(`drift  ${kind}`));
  const repaired = await kg(['verify', '--repair']);
  expect(repaired.out).toMatch(/after repair: 0 drift\(s\)/);
  expect(repaired.code).toBe(0);
  const after = await fullSnapshot(driver);
  if (JSON.stringify(after) !== JSON.stringify(good)) expect(snapshotDiff(after, good)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
});
