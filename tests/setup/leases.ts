/**
 * Several jest runs may share one test server (same KG_NEO4J_DIR). Each run holds a lease file
 * named after its pid; the last run to finish stops the server, and only if a test run started it
 * (a developer's own server that was already running is never stopped).
 */
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../../src/model';

export function instanceDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(packageRoot(), env.KG_NEO4J_DIR || path.join('.neo4j', 'local'));
}

const leaseDir = (dir: string) => path.join(dir, 'run', 'test-leases');
const startedMarker = (dir: string) => path.join(dir, 'run', 'started-by-tests');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function takeLease(dir: string, pid = process.pid): void {
  fs.mkdirSync(leaseDir(dir), { recursive: true });
  fs.writeFileSync(path.join(leaseDir(dir), String(pid)), '');
}

export function markStartedByTests(dir: string): void {
  fs.writeFileSync(startedMarker(dir), String(process.pid));
}

/** Drops this run's lease; true when the caller should stop the server now. */
export function releaseLease(dir: string, pid = process.pid): boolean {
  fs.rmSync(path.join(leaseDir(dir), String(pid)), { force: true });
  const others = fs.existsSync(leaseDir(dir))
    ? fs.readdirSync(leaseDir(dir)).filter((name) => {
        const other = Number(name);
        if (Number.isInteger(other) && alive(other)) return true;
        fs.rmSync(path.join(leaseDir(dir), name), { force: true }); // a run that was killed
        return false;
      })
    : [];
  if (others.length > 0 || !fs.existsSync(startedMarker(dir))) return false;
  fs.rmSync(startedMarker(dir), { force: true });
  return true;
}
