/**
 * The benchmark's own Neo4j (its own instance, so other developers' data and load stay out):
 * bolt 7705 in .neo4j/bench unless NEO4J_URI / NEO4J_BOLT_PORT / KG_NEO4J_DIR say otherwise.
 * Wipe, schema, and ingestion with the extraction stage timed apart from the writes.
 */
import type { Driver } from 'neo4j-driver';
import { cypher } from '../../src/graph/cypher';
import { createDriver, neo4jConfig } from '../../src/graph/driver';
import { ensureNeo4j } from '../../src/graph/local-server';
import { applySchema } from '../../src/graph/schema';
import { wipeGraph } from '../../src/graph/stats';
import { ingestPaths, type IngestSummary } from '../../src/ingest';

export function benchEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (!env.NEO4J_URI) {
    env.NEO4J_BOLT_PORT ||= '7705';
    env.KG_NEO4J_DIR ||= '.neo4j/bench';
    // The scale run writes 10,000 documents (a 1.7 GB store; script default 512m). A page cache
    // holding the whole store (3g) was measured slower for ingestion on this machine: documents
    // 1,000-9,999 in 365.6 s against 294.8 s with 1g (2026-11-30, bench/ingest-steps.ts).
    env.NEO4J_PAGECACHE ||= '1g';
    // On a machine shared with other builds a large document's transaction can exceed the
    // script's 30 s default; the benchmark measures time, it should not fail on it.
    env.NEO4J_TX_TIMEOUT ||= '300s';
  }
  return env;
}

export async function connect(log: (l: string) => void): Promise<Driver> {
  const env = benchEnv();
  Object.assign(process.env, env); // child servers inherit the same connection
  await ensureNeo4j({ env, log });
  return createDriver(neo4jConfig(env));
}

export async function neo4jVersion(driver: Driver): Promise<string> {
  const res = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS v, edition');
  const r = res.records[0];
  return r ? `${r.get('name')} ${r.get('v')} ${r.get('edition')}` : 'unknown';
}

/** Empties the database (schema kept) and (re)applies the schema. */
export async function resetGraph(driver: Driver): Promise<void> {
  await wipeGraph(driver);
  await applySchema(driver);
}

export interface IngestMeasure {
  files: number;
  bytes: number;
  /** Wall time of ingestPaths (hash check, extraction, load). */
  seconds: number;
  /** Time spent inside the extractor (check + extract). */
  extractSeconds: number;
  entities: number;
  mentions: number;
  relations: number;
  paragraphs: number;
  failed: IngestSummary['failed'];
}

/** ingestPaths as `kg ingest` runs it (extraction in its worker thread), the extraction timed by the worker. */
export async function timedIngest(driver: Driver, paths: string[]): Promise<IngestMeasure> {
  const m: IngestMeasure = { files: 0, bytes: 0, seconds: 0, extractSeconds: 0, entities: 0, mentions: 0, relations: 0, paragraphs: 0, failed: [] };
  const t0 = process.hrtime.bigint();
  const summary = await ingestPaths(driver, paths, {
    onExtracted: (bytes, seconds) => {
      m.bytes += bytes;
      m.extractSeconds += seconds;
    },
    onFile: (r) => {
      if (!r.counts) return;
      m.entities += r.counts.entities;
      m.mentions += r.counts.mentions;
      m.relations += r.counts.relations;
      m.paragraphs += r.counts.paragraphs;
    },
  });
  m.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  m.files = summary.files;
  m.failed = summary.failed;
  return m;
}
