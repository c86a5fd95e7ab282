/**
 * The seeded graph for integration tests: schema applied and seeds/ ingested, once, into the
 * Neo4j given by the environment (tests/setup/global-setup.ts exports it). Idempotent: a seed
 * already stored is skipped by content hash, so every test file can call ensureSeeded().
 */
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/graph/driver';
import { applySchema } from '../../src/graph/schema';
import { ingestPaths, type IngestSummary } from '../../src/ingest';
import { packageRoot } from '../../src/model';

export const SEEDS_DIR = path.join(packageRoot(), 'seeds');

export function seededDriver(): Driver {
  return createDriver();
}

export async function ensureSeeded(driver: Driver): Promise<IngestSummary> {
  await applySchema(driver);
  const summary = await ingestPaths(driver, [SEEDS_DIR]);
  if (summary.failed.length) {
    throw new Error(`seeding failed: ${summary.failed.map((f) => `${f.file}: ${f.error}`).join('; ')}`);
  }
  return summary;
}
