/**
 * `kg ingest` as a user runs it (the built CLI, a real Neo4j): per-file refusals and exit status,
 * and a run killed half-way that a rerun finishes with the same graph as an uninterrupted one.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { graphCounts, wipeGraph } from '../../src/graph/stats';
import { ensureSeeded, graphSnapshot, seededDriver, SEEDS_DIR } from '../helpers/seeded';
import { kgCli } from '../helpers/instance';

let KG: string; // the built CLI (tests/helpers/instance kgCli), checked in beforeAll

jest.setTimeout(300_000);

describe('kg ingest (CLI)', () => {
  let driver: Driver;
  let dir: string;

  beforeAll(async () => {
    KG = kgCli();
    driver = seededDriver();
    await ensureSeeded(driver);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-cli-'));
    for (const f of fs.readdirSync(SEEDS_DIR)) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(dir, f));
  });

  afterAll(async () => {
    // Leave the seeded graph for the other tests (ingested by this jest process's own code).
    await wipeGraph(driver);
    await ensureSeeded(driver);
    await driver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a refused file is named with its reason, the others are processed, exit status 1', async () => {
    const bad = path.join(dir, 'zz-empty.txt');
    fs.writeFileSync(bad, '');
    try {
      const before = await graphSnapshot(driver);
      const res = spawnSync(process.execPath, [KG, 'ingest', dir], { env: process.env, encoding: 'utf8' });
      expect(res.status).toBe(1);
      // not a terminal: one plain line per file, no bar
      expect(res.stderr).toMatch(/\[6\/6\] FAILED .*zz-empty\.txt: file is empty/);
      expect(res.stderr).toMatch(/6 file\(s\) in .* s: 0 ingested, 0 replaced, 5 unchanged, 1 failed/);
      expect(res.stderr).toMatch(/1 file\(s\) failed/);
      expect(res.stderr).not.toMatch(/\r/);
      expect(await graphSnapshot(driver)).toEqual(before);
    } finally {
      fs.rmSync(bad);
    }
  });

  test('a bad --batch is refused before anything is read or written', () => {
    for (const bad of ['0', 'many', '2.5']) {
      const res = spawnSync(process.execPath, [KG, 'ingest', '--batch', bad, dir], { env: process.env, encoding: 'utf8' });
      expect(res.status).toBe(2);
      expect(res.stderr).toMatch(/--batch takes a whole number of documents from 1 to 1000/);
    }
  });

  test('an unreachable Neo4j gets a message saying how to start it', () => {
    const env = { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' };
    const res = spawnSync(process.execPath, [KG, 'ingest', dir], { env, encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/not reachable.*bash scripts\/neo4j start.*NEO4J_URI/);
  });

  test('killed half-way, a rerun finishes with the same graph as an uninterrupted run', async () => {
    await wipeGraph(driver);
    expect(spawnSync(process.execPath, [KG, 'ingest', dir], { env: process.env }).status).toBe(0);
    const uninterrupted = await graphSnapshot(driver);
    await wipeGraph(driver);

    // Two documents per transaction: the kill lands while the second pair is being written.
    const child = spawn(process.execPath, [KG, 'ingest', '--batch', '2', dir], { env: process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve) => {
      let err = '';
      child.stderr!.on('data', (b: Buffer) => {
        err += b.toString();
        if (/\[1\/5\]/.test(err)) child.kill('SIGKILL'); // the next documents are being extracted or written
      });
      child.on('exit', () => resolve());
    });
    const partial = await graphCounts(driver);
    expect(partial.documents).toBeGreaterThanOrEqual(2);
    expect(partial.documents).toBeLessThan(5);

    const rerun = spawnSync(process.execPath, [KG, 'ingest', dir], { env: process.env, encoding: 'utf8' });
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`${5 - partial.documents} ingested, 0 replaced, ${partial.documents} unchanged, 0 failed`));
    expect(await graphSnapshot(driver)).toEqual(uninterrupted);
  });
});
