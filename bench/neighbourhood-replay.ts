/**
 * Replays the neighbourhood statement (cypher/api-neighbourhood.cypher) of two or more builds
 * interleaved (A, B, A, B...) on the graph in NEO4J_BOLT_PORT's Neo4j, with the parameters the
 * service sends for `neighbourhood(ids: [$id], depth, limit) { nodes {...} edges { id source
 * target type weight } truncated }`: p50 per build and start, db hits of one PROFILE each, and
 * whether the builds' answers are identical.
 *
 *   node dist/bench/neighbourhood-replay.js --roots /work/h-x-old,/work/h-x,/work/h-x:api-neighbourhood-plain --ids agency:secretariat,document:a-hrc-9-8282 [--runs 30] [--depth 2] [--limit 100]
 *
 * A root is a built tree, optionally `:statement` (default api-neighbourhood): the text is what
 * that tree's own loader (<root>/dist/src/graph/cypher.js) sends, its fragments included.
 */
import * as path from 'path';
import { createDriver, neo4jConfig } from '../src/graph/driver';
import { withIntegers } from '../src/graph/db';
import { RELATION_TYPES } from '../src/model';
import { planLines, totalDbHits, type Plan } from './lib/plan';
import { median } from './lib/load';
import { neighbourhoodParams } from '../src/api/services/graph';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}


async function main(): Promise<void> {
  const roots = arg('roots', '.').split(',');
  const ids = arg('ids', 'agency:secretariat').split(',');
  const runs = Number(arg('runs', '30'));
  const texts = roots.map((r) => {
    const [root, statement = 'api-neighbourhood'] = r.split(':');
    const loader = require(path.resolve(root, 'dist', 'src', 'graph', 'cypher.js')) as { cypher: (name: string) => string };
    return loader.cypher(statement);
  });
  const driver = createDriver(neo4jConfig());
  const session = driver.session({ defaultAccessMode: 'READ' });
  // The service's own parameters (padding, `ranked`) for that selection.
  const params = (id: string) =>
    withIntegers(
      neighbourhoodParams({ ids: [id], depth: Number(arg('depth', '2')), limit: Number(arg('limit', '100')), types: [...RELATION_TYPES], kinds: null, minConfidence: 0, edgeLimit: 1000, details: false }),
    ) as Record<string, unknown>;
  try {
    for (const id of ids) {
      const p = params(id);
      const answers: string[] = [];
      const hits: number[] = [];
      for (const text of texts) {
        // Planned and warm before timing; one PROFILE for the db hits.
        const res = await session.run(text, p);
        answers.push(JSON.stringify(res.records.map((r) => r.toObject())));
        const plan = (await session.run(`PROFILE ${text}`, p)).summary.profile as unknown as Plan;
        hits.push(totalDbHits(plan));
        if (process.argv.includes('--plans')) process.stdout.write(`${id}, ${texts.indexOf(text)}:\n${planLines(plan, true).join('\n')}\n`);
      }
      const times: number[][] = texts.map(() => []);
      for (let i = 0; i < runs; i++) {
        for (let v = 0; v < texts.length; v++) {
          const t = process.hrtime.bigint();
          await session.run(texts[v], p);
          times[v].push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      }
      const same = answers.every((a) => a === answers[0]);
      const row = roots.map((r, v) => `${path.basename(r)}: ${texts[v].length} chars, p50 ${median(times[v]).toFixed(1)} ms, ${hits[v]} db hits`).join(' | ');
      process.stdout.write(`${id}: ${row} | answers ${same ? 'identical' : 'DIFFER'} (${answers[0].length} chars)\n`);
    }
  } finally {
    await session.close();
    await driver.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
