/**
 * A throwaway local Neo4j for tests that stop, kill and restart the database (fault and outage
 * tests), so they never disturb the shared test server. Its own port and directory under .neo4j/;
 * started once per test file. Only available when the project manages Neo4j itself (Java present):
 * `faultTestsEnabled()` says so, and KG_FAULT_TESTS=off skips them explicitly.
 */
import { spawn, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { createDriver, neo4jConfig } from '../../src/graph/driver';
import { localNeo4jRunning, startLocalNeo4j, stopLocalNeo4j } from '../../src/graph/local-server';
import { packageRoot } from '../../src/model';

export interface Instance {
  uri: string;
  dir: string;
  /** Environment for child processes (kg ingest, kg serve) that should use this instance. */
  env: NodeJS.ProcessEnv;
  driver(): Driver;
  start(): Promise<void>;
  /** Graceful stop (scripts/neo4j stop). */
  stop(): Promise<void>;
  /** SIGKILL the server process: a crash, no checkpoint. */
  kill(): Promise<void>;
  running(): Promise<boolean>;
}

export function faultTestsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.KG_FAULT_TESTS === 'off') return false;
  return env.KG_FAULT_TESTS === 'on' || env.KG_NEO4J_MANAGED === '1';
}

const log = (line: string) => {
  if (process.env.KG_TEST_VERBOSE) process.stderr.write(`[throwaway neo4j] ${line}\n`);
};

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway instance private to this test process: a free port and the directory
 * .neo4j/<name>-<pid>, so that two test runs at once (developers share a machine) never stop,
 * wipe or kill each other's server. `remove()` deletes the directory after `stop()`.
 */
export async function privateInstance(name: string): Promise<Instance & { remove(): void }> {
  const inst = throwawayInstance(`${name}-${process.pid}`, await freePort());
  return { ...inst, remove: () => fs.rmSync(inst.dir, { recursive: true, force: true }) };
}

export function throwawayInstance(name: string, port: number): Instance {
  const dir = path.join(packageRoot(), '.neo4j', name);
  const scriptEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_BOLT_PORT: String(port),
    KG_NEO4J_DIR: dir,
    // Small: it holds a few dozen documents, next to the shared test server on 2 cores.
    NEO4J_HEAP: process.env.KG_THROWAWAY_HEAP ?? '512m',
    NEO4J_PAGECACHE: '128m',
    NEO4J_START_TIMEOUT: '300',
    // The first transactions of a cold JVM on a busy 2-core machine can take long; faults, not
    // timeouts, are what these tests are about.
    NEO4J_TX_TIMEOUT: '180s',
  };
  delete scriptEnv.NEO4J_URI;
  const uri = `bolt://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'neo4j', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  return {
    uri,
    dir,
    env: childEnv,
    driver: () => createDriver(neo4jConfig(childEnv)),
    async start() {
      await startLocalNeo4j({ env: scriptEnv, waitMs: 300_000, log });
    },
    async stop() {
      await stopLocalNeo4j({ env: scriptEnv, log });
    },
    async kill() {
      const pidFile = path.join(dir, 'run', 'neo4j.pid');
      const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
      if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid in ${pidFile}`);
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`Neo4j pid ${pid} survived SIGKILL`);
    },
    running: () => localNeo4jRunning({ env: scriptEnv }),
  };
}

/** The built CLI (npm test builds first; a bare `npx jest` needs `npm run build`). */
export function kgCli(): string {
  const cli = path.join(packageRoot(), 'dist', 'src', 'cli', 'kg.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first (npm test does it)`);
  return cli;
}

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns `node dist/src/cli/kg.js ...args` with `env`; `onStderrLine` sees each stderr line. */
export function spawnKg(args: string[], env: NodeJS.ProcessEnv, onStderrLine?: (line: string, child: ChildProcess) => void): Spawned {
  const child = spawn(process.execPath, [kgCli(), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let pending = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => {
    const t = c.toString('utf8');
    err += t;
    pending += t;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const l of lines) onStderrLine?.(l, child);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}
