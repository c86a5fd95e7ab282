/**
 * Ingestion loses nothing and never half-writes: a throwaway Neo4j (a free port and its own directory, private to this test run), a
 * generated corpus, and three runs of the real `kg ingest` command:
 *   1. uninterrupted, into a wiped database: the reference graph;
 *   2. the ingest process SIGKILLed after a few documents, then the same command again;
 *   3. Neo4j itself SIGKILLed during the ingest (a crash), restarted, then the same command again.
 * After each interruption the graph holds only whole documents; after the rerun it equals the
 * reference (every node with its labels and id, documents and paragraphs with all properties,
 * every relationship with its properties).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { cypher } from '../../src/graph/cypher';
import { applySchema } from '../../src/graph/schema';
import { wipeGraph } from '../../src/graph/stats';
import { writeCorpus } from '../helpers/corpus';
import { faultTestsEnabled, Instance, privateInstance, spawnKg } from '../helpers/instance';

const DOCS = Number(process.env.KG_FAULT_DOCS || 16);
// Documents reported done before the kill; the interrupted runs write this many documents per
// transaction (the uninterrupted reference, the default 25), so the kill lands while a later
// batch is in flight and the graphs must not depend on where batches begin.
const KILL_AFTER = 4;

interface Snapshot {
  nodes: string[];
  rels: string[];
  documents: string[];
  byLabel: Record<string, number>;
  byType: Record<string, number>;
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

async function snapshot(driver: Driver): Promise<Snapshot> {
  const rec = (await driver.executeQuery(cypher('graph-snapshot'))).records[0];
  const byLabel: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const documents: string[] = [];
  const nodes = (rec.get('nodes') as { labels: string[]; id: string; props: Record<string, unknown> }[]).map((n) => {
    for (const l of n.labels) byLabel[l] = (byLabel[l] ?? 0) + 1;
    if (n.props.sha256 !== undefined) documents.push(n.id);
    const full = n.labels.includes('Paragraph') || n.props.sha256 !== undefined;
    return JSON.stringify({ labels: [...n.labels].sort(), id: n.id, props: full ? sortKeys(n.props) : undefined });
  });
  const rels = (rec.get('rels') as { type: string; from: string; to: string; props: Record<string, unknown> }[]).map((r) => {
    byType[r.type] = (byType[r.type] ?? 0) + 1;
    // Runs ingest the documents in the same order, so even order-dependent lists compare as they are.
    const props = r.props;
    return JSON.stringify({ type: r.type, from: r.from, to: r.to, props: sortKeys(props) });
  });
  return { nodes: nodes.sort(), rels: rels.sort(), documents: documents.sort(), byLabel, byType };
}

/** What each stored document contributed (mentions, paragraphs, relation evidence entries): a half-written one would differ. */
async function contributions(driver: Driver): Promise<Record<string, string>> {
  const res = await driver.executeQuery(
    `MATCH (d:Document) WHERE d.sha256 IS NOT NULL
     RETURN d.id AS d, COUNT { (d)-[:MENTIONS]->() } AS m, COUNT { (d)-[:HAS_PARAGRAPH]->() } AS p, COUNT { MATCH ()-[r]->() UNWIND r.evDocument AS x WITH x WHERE x = d.id RETURN x } AS r`,
  );
  return Object.fromEntries(res.records.map((x) => [x.get('d') as string, `mentions=${x.get('m')} paragraphs=${x.get('p')} relations=${x.get('r')}`]));
}

/** Same graph; on a difference, shows exactly which nodes and relationships are missing or extra. */
function expectSameGraph(after: Snapshot, ref: Snapshot): void {
  const diff = (a: string[], b: string[]) => {
    const bs = new Set(b);
    return a.filter((x) => !bs.has(x));
  };
  expect({ missingNodes: diff(ref.nodes, after.nodes), extraNodes: diff(after.nodes, ref.nodes) }).toEqual({ missingNodes: [], extraNodes: [] });
  expect({ missingRels: diff(ref.rels, after.rels), extraRels: diff(after.rels, ref.rels) }).toEqual({ missingRels: [], extraRels: [] });
  expect(after.byLabel).toEqual(ref.byLabel);
  expect(after.byType).toEqual(ref.byType);
}

const maybe = faultTestsEnabled() ? describe : describe.skip;

maybe('faults during ingestion (throwaway Neo4j)', () => {
  let neo: Instance & { remove(): void };
  let driver: Driver;
  let corpus: string;
  let reference: Snapshot;
  let referenceContributions: Record<string, string>;

  beforeAll(async () => {
    neo = await privateInstance('faults');
    await neo.start();
    driver = neo.driver();
    await applySchema(driver); // and warms the cold server up before the timed-out-prone first writes
    corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-faults-'));
    writeCorpus(corpus, DOCS);
  }, 400_000);

  afterAll(async () => {
    await driver?.close();
    await neo?.stop();
    neo?.remove();
    if (corpus) fs.rmSync(corpus, { recursive: true, force: true });
  }, 120_000);

  /** Kills the ingest after KILL_AFTER documents were reported (the next batch is in flight). */
  function ingestUntil(kill: (child: import('child_process').ChildProcess) => void) {
    let done = 0;
    let killed = false;
    return spawnKg(['ingest', '--batch', String(KILL_AFTER), corpus], neo.env, (line, child) => {
      if (/^\[\d+\/\d+\] ingested /.test(line)) done++;
      if (!killed && done >= KILL_AFTER) {
        killed = true;
        kill(child);
      }
    });
  }

  /** Only whole documents: each stored document has exactly the paragraphs of the reference, and nothing is foreign. */
  async function expectOnlyWholeDocuments(): Promise<number> {
    const partial = await snapshot(driver);
    const stored = await contributions(driver);
    expect(partial.documents.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(partial.documents.length).toBeLessThan(DOCS);
    for (const d of partial.documents) expect({ d, stored: stored[d] }).toEqual({ d, stored: referenceContributions[d] });
    const refNodes = new Set(reference.nodes.map((n) => JSON.parse(n).id as string));
    for (const n of partial.nodes) expect(refNodes.has(JSON.parse(n).id)).toBe(true);
    return partial.documents.length;
  }

  test('an uninterrupted ingest of the corpus gives the reference graph', async () => {
    await wipeGraph(driver);
    const run = spawnKg(['ingest', corpus], neo.env);
    const { code } = await run.exited;
    expect({ code, stderr: run.stderr().slice(-2000) }).toEqual({ code: 0, stderr: expect.stringContaining(`${DOCS} ingested`) });
    reference = await snapshot(driver);
    referenceContributions = await contributions(driver);
    expect(reference.documents).toHaveLength(DOCS);
    expect(reference.byType.MENTIONS).toBeGreaterThan(DOCS);
  }, 600_000);

  test('SIGKILL of the ingest process mid-run, then the same command: same graph as the uninterrupted run', async () => {
    expect(reference).toBeDefined();
    await wipeGraph(driver);
    const run = ingestUntil((child) => child.kill('SIGKILL'));
    const { signal } = await run.exited;
    expect(signal).toBe('SIGKILL');
    const stored = await expectOnlyWholeDocuments();

    const again = spawnKg(['ingest', corpus], neo.env);
    const { code } = await again.exited;
    expect({ code, tail: again.stderr().slice(-500) }).toEqual({ code: 0, tail: expect.stringContaining(`${DOCS - stored} ingested, 0 replaced, ${stored} unchanged, 0 failed`) });
    expectSameGraph(await snapshot(driver), reference);
  }, 600_000);

  test('Neo4j crashes (SIGKILL) mid-ingest: the run stops with a clear error; after a restart the same command gives the same graph', async () => {
    expect(reference).toBeDefined();
    await wipeGraph(driver);
    const run = ingestUntil(() => {
      void neo.kill();
    });
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.stderr()).toMatch(/Neo4j( at \S+)? is not reachable.*rerun/s);

    await neo.start();
    await driver.close();
    driver = neo.driver();
    const stored = await expectOnlyWholeDocuments();

    const again = spawnKg(['ingest', corpus], neo.env);
    const { code: code2 } = await again.exited;
    expect({ code: code2, tail: again.stderr().slice(-500) }).toEqual({ code: 0, tail: expect.stringContaining(`${DOCS - stored} ingested, 0 replaced, ${stored} unchanged, 0 failed`) });
    expectSameGraph(await snapshot(driver), reference);
  }, 900_000);
});
