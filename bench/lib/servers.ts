/**
 * The GraphQL servers under test, each in its own Node process (bench/server.ts) so that the load
 * generator does not share their event loop; and a wait for Neo4j to finish what a run left.
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import * as readline from 'readline';
import type { Driver } from 'neo4j-driver';

export type ServerVariant = 'ours' | 'naive' | 'theirs';

export interface Child {
  url: string;
  proc: ChildProcess;
}

export const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

export async function spawnServer(variant: ServerVariant): Promise<Child> {
  // Both products as deployed (the Dockerfile sets NODE_ENV=production): graphql-js leaves out its
  // development-mode checks, ~1.5% of either server's CPU.
  const env = { ...process.env, NODE_ENV: 'production' };
  const proc = spawn(process.execPath, [path.join(__dirname, '..', 'server.js'), variant], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const rl = readline.createInterface({ input: proc.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    rl.once('line', (line) => resolve(JSON.parse(line).url));
    proc.once('exit', (code) => reject(new Error(`bench server ${variant} exited with ${code}`)));
  });
  return { url, proc };
}

export async function stopServer(c: Child): Promise<void> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    c.proc.once('exit', () => resolve());
    c.proc.kill('SIGTERM');
  });
}

/** Waits until Neo4j runs no transaction but ours (requests a timed run left behind weigh on the next). */
export async function settle(driver: Driver, maxSeconds = 180): Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000;
  while (Date.now() < deadline) {
    const res = await driver.executeQuery('SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n');
    if (Number(res.records[0].get('n')) <= 1) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  log('settle: transactions still running after ' + maxSeconds + ' s; going on');
}
