/**
 * Makes sure a Neo4j is there before the product (kg up) or the test suite needs it.
 * Without NEO4J_URI the project runs its own server through scripts/neo4j (fetched from Maven
 * Central on first use); with NEO4J_URI it only checks that server answers.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { packageRoot } from '../model';
import { createDriver, Neo4jConfig, neo4jConfig } from './driver';

export interface LocalServerOptions {
  /** Environment to read the connection from and to pass to scripts/neo4j (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Receives progress lines (the script's output); default: stderr. */
  log?: (line: string) => void;
}

export interface EnsureNeo4jOptions extends LocalServerOptions {
  /** How long to keep retrying the Bolt handshake (ms). Local default 60 s; NEO4J_URI default 0 (one try). */
  waitMs?: number;
}

export interface Neo4jHandle {
  config: Neo4jConfig;
  /** True when this call started the local server (so the caller may stop it again). */
  started: boolean;
}

const defaultLog = (line: string): void => {
  process.stderr.write(line + '\n');
};

export function neo4jScript(): string {
  return path.join(packageRoot(), 'scripts', 'neo4j');
}

/** The script manages only the local server, so NEO4J_URI must not reach it. */
function localEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NEO4J_URI;
  return copy;
}

interface ScriptResult {
  code: number;
  output: string;
}

function runScript(command: 'start' | 'stop' | 'status', opts: LocalServerOptions): Promise<ScriptResult> {
  const log = opts.log ?? defaultLog;
  return new Promise((resolve, reject) => {
    // `bash script` rather than exec: works even where the executable bit got lost.
    const child = spawn('bash', [neo4jScript(), command], {
      env: localEnv(opts.env ?? process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let pending = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      // `status` is a probe; its "not running" line is noise for the caller.
      if (command !== 'status') lines.forEach((l) => log(l));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => reject(new Error(`could not run ${neo4jScript()}: ${err.message} (is bash installed?)`)));
    child.on('close', (code) => {
      if (pending && command !== 'status') log(pending);
      resolve({ code: code ?? 1, output });
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Retries the Bolt handshake until it succeeds or `waitMs` has passed; throws the last error. */
export async function waitForNeo4j(cfg: Neo4jConfig, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const driver = createDriver(cfg);
    try {
      await driver.verifyConnectivity(cfg.database ? { database: cfg.database } : undefined);
      return;
    } catch (err) {
      if (Date.now() >= deadline) throw err;
    } finally {
      await driver.close();
    }
    await sleep(500);
  }
}

/**
 * Local mode: start (or reuse) the project's server, then wait until it accepts Bolt sessions.
 * NEO4J_URI mode: only check that the given server answers.
 */
export async function ensureNeo4j(opts: EnsureNeo4jOptions = {}): Promise<Neo4jHandle> {
  const env = opts.env ?? process.env;
  const config = neo4jConfig(env);
  if (!config.local) {
    try {
      await waitForNeo4j(config, opts.waitMs ?? 0);
    } catch (err) {
      throw new Error(
        `Neo4j at ${config.uri} is not reachable: ${(err as Error).message}. ` +
          'Start it, fix NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or unset NEO4J_URI to use the local one (scripts/neo4j).',
      );
    }
    return { config, started: false };
  }
  const result = await runScript('start', opts);
  if (result.code !== 0) {
    // The script already printed what to do (install Java/Maven, free the port, log tail).
    throw new Error(`could not start the local Neo4j (scripts/neo4j start exited with ${result.code}); see the messages above`);
  }
  const started = !/already running/.test(result.output);
  try {
    await waitForNeo4j(config, opts.waitMs ?? 60_000);
  } catch (err) {
    throw new Error(
      `the local Neo4j at ${config.uri} does not accept sessions: ${(err as Error).message}. ` +
        'See `scripts/neo4j log`, or restart it with `scripts/neo4j stop && scripts/neo4j start`.',
    );
  }
  return { config, started };
}

/** Stops the project's local server (the instance chosen by NEO4J_BOLT_PORT / KG_NEO4J_DIR). */
export async function stopLocalNeo4j(opts: LocalServerOptions = {}): Promise<void> {
  const result = await runScript('stop', opts);
  if (result.code !== 0) throw new Error(`scripts/neo4j stop exited with ${result.code}: ${result.output.trim()}`);
}

/** Starts the local server regardless of NEO4J_URI (e.g. a fault test bringing it back). */
export async function startLocalNeo4j(opts: EnsureNeo4jOptions = {}): Promise<Neo4jHandle> {
  return ensureNeo4j({ ...opts, env: localEnv(opts.env ?? process.env) });
}

/** True while the local server of this instance runs (scripts/neo4j status). */
export async function localNeo4jRunning(opts: LocalServerOptions = {}): Promise<boolean> {
  return (await runScript('status', opts)).code === 0;
}
