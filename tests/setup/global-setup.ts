/**
 * Starts (or reuses) one real Neo4j per jest run and exports the connection in process.env, so
 * test files and the child processes they spawn (kg ingest, kg serve) all talk to it.
 * With NEO4J_URI set it only checks that server answers. Unit-only runs start nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ensureNeo4j } from '../../src/graph/local-server';
import { instanceDir, markStartedByTests, takeLease } from './leases';

// Without explicit settings the tests get their own instance, so a run never touches the graph
// that `kg up` serves from .neo4j/local on 7687.
const TEST_DIR = '.neo4j/test';
const TEST_PORT = '7697';

interface JestGlobalConfig {
  rootDir: string;
  testPathPattern?: string;
  testPathPatterns?: { patterns?: string[] } | string[];
}

function listTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTests(p) : e.name.endsWith('.test.ts') ? [p] : [];
  });
}

function selectedPatterns(cfg: JestGlobalConfig): string[] {
  const p = cfg.testPathPatterns; // jest 30 name; jest 29 uses testPathPattern
  if (Array.isArray(p)) return p;
  if (p && Array.isArray(p.patterns)) return p.patterns;
  return cfg.testPathPattern ? [cfg.testPathPattern] : [];
}

/** True when the run may include an integration or browser test (when in doubt: yes). */
export function needsNeo4j(cfg: JestGlobalConfig, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.KG_UNIT_ONLY === '1') return false;
  const patterns = selectedPatterns(cfg);
  if (patterns.length === 0) return true;
  // Integration and browser tests talk to Neo4j.
  const integration = ['integration', 'browser'].flatMap((d) => listTests(path.join(cfg.rootDir, 'tests', d)));
  try {
    const res = patterns.map((p) => new RegExp(p, 'i'));
    return integration.some((file) => res.some((re) => re.test(file)));
  } catch {
    return true;
  }
}

export default async function globalSetup(globalConfig: JestGlobalConfig): Promise<void> {
  if (!needsNeo4j(globalConfig)) return;
  const env = process.env;
  if (!env.NEO4J_URI) {
    env.KG_NEO4J_DIR ||= TEST_DIR;
    env.NEO4J_BOLT_PORT ||= TEST_PORT;
  }
  const local = !env.NEO4J_URI;
  // The lease comes first so a run finishing meanwhile does not stop the server under us.
  if (local) takeLease(instanceDir(env));
  const { config, started } = await ensureNeo4j({ log: (l) => process.stderr.write(`[neo4j] ${l}\n`) });
  if (started) markStartedByTests(instanceDir(env));
  env.NEO4J_URI = config.uri;
  env.NEO4J_USER = config.user;
  env.NEO4J_PASSWORD = config.password;
  // Tests that stop/restart the server (fault tests) may only do so with the project's own one;
  // teardown reads it too (NEO4J_URI is set from here on).
  if (local) env.KG_NEO4J_MANAGED = '1';
}
