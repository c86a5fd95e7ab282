/**
 * PROFILEs the loader statements dumped by `bench/ingest-steps.ts --dump DIR`, in their order, in
 * one transaction that is rolled back (the graph is left as it was): per statement, the time, the
 * db hits and rows of its operators, to see which pattern expands what.
 *
 *   node dist/bench/profile-statements.js DIR [--plans]
 */
import * as fs from 'fs';
import * as path from 'path';
import { cypher } from '../src/graph/cypher';
import { createDriver, neo4jConfig } from '../src/graph/driver';
import { withIntegers } from '../src/graph/db';
import { planLines, totalDbHits, type Plan } from './lib/plan';


async function main(): Promise<void> {
  const dir = process.argv[2];
  const driver = createDriver(neo4jConfig());
  const session = driver.session();
  const tx = session.beginTransaction();
  try {
    for (const f of fs.readdirSync(dir).sort()) {
      const name = f.replace(/^\d+-/, '').replace(/\.json$/, '');
      const params = withIntegers(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) as Record<string, unknown>;
      const t = process.hrtime.bigint();
      const res = await tx.run(`PROFILE ${cypher(name)}`, params);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      const plan = res.summary.profile as unknown as Plan;
      process.stdout.write(`${f}: ${ms.toFixed(0)} ms, ${totalDbHits(plan)} db hits\n`);
      if (process.argv.includes('--plans')) process.stdout.write(`${planLines(plan).join('\n')}\n`);
    }
  } finally {
    await tx.rollback();
    await session.close();
    await driver.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
