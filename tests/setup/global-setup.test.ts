/** Which runs start Neo4j, and when the last run sharing a test server stops it. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { needsNeo4j } from './global-setup';
import { markStartedByTests, releaseLease, takeLease } from './leases';

const rootDir = path.resolve(__dirname, '..', '..');

describe('needsNeo4j', () => {
  const env = {};
  it('starts Neo4j for a full run', () => {
    expect(needsNeo4j({ rootDir }, env)).toBe(true);
  });
  it('skips it when only unit tests are selected', () => {
    expect(needsNeo4j({ rootDir, testPathPattern: 'tests/unit' }, env)).toBe(false);
    expect(needsNeo4j({ rootDir, testPathPattern: 'tests/setup/global-setup.test.ts' }, env)).toBe(false);
  });
  it('starts it when a selected path matches an integration test', () => {
    expect(needsNeo4j({ rootDir, testPathPattern: 'tests/unit|neo4j-server' }, env)).toBe(true);
    expect(needsNeo4j({ rootDir, testPathPatterns: { patterns: ['integration'] } }, env)).toBe(true);
  });
  it('starts it when only browser tests are selected', () => {
    expect(needsNeo4j({ rootDir, testPathPattern: 'tests/browser' }, env)).toBe(true);
  });
  it('skips it when KG_UNIT_ONLY=1', () => {
    expect(needsNeo4j({ rootDir }, { KG_UNIT_ONLY: '1' })).toBe(false);
  });
});

describe('test-server leases', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-leases-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops a server the tests started once the last run is done', () => {
    takeLease(dir, 111111111); // not a live pid: a run that was killed
    takeLease(dir);
    markStartedByTests(dir);
    expect(releaseLease(dir)).toBe(true);
  });

  it('keeps it while another live run still uses it', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      takeLease(dir, other.pid!);
      takeLease(dir);
      markStartedByTests(dir);
      expect(releaseLease(dir)).toBe(false);
      expect(releaseLease(dir, other.pid!)).toBe(true);
    } finally {
      other.kill();
    }
  });

  it('never stops a server the tests did not start', () => {
    takeLease(dir);
    expect(releaseLease(dir)).toBe(false);
  });
});
