/**
 * The scale section's entity-centred reads (entity2, entity2ids from the hub and from a typical
 * entity) as the statements our API sends, recorded to a file, then replayed interleaved against
 * another recording (A, B, A, B ...; medians) or PROFILEd (db hits per operator). Two builds or
 * two versions of cypher/ compare over one graph: record with each, time both files.
 *
 *   node dist/bench/entity-ab.js record FILE
 *   node dist/bench/entity-ab.js time A.json B.json [rounds]
 *   node dist/bench/entity-ab.js profile FILE
 */
import * as fs from 'fs';
import neo4j from 'neo4j-driver';
import { createDriver, neo4jConfig } from '../src/graph/driver';
import { median, replay, type Statement } from './lib/load';
import { operations } from './lib/operations';
import { planLines, totalDbHits, type Plan } from './lib/plan';
import { mostConnected, startEntity, statementsOf, targetsFor, typicalEntity } from './lib/targets';

type Recording = Record<string, Statement[]>;


/** Integers survive the file as {"$i": n}; other numbers stay floats, as the driver sent them. */
const encode = (_k: string, v: unknown) => (neo4j.isInt(v) ? { $i: (v as { toNumber(): number }).toNumber() } : v);
const decode = (_k: string, v: unknown) => (v && typeof v === 'object' && '$i' in v ? neo4j.int((v as { $i: number }).$i) : v);

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  const driver = createDriver(neo4jConfig());
  try {
    if (mode === 'record') {
      const hub = await mostConnected(driver);
      const typical = await typicalEntity(driver);
      const out: Recording = {};
      for (const [from, id] of [['hub', hub], ['typical', typical]] as const) {
        const s = await startEntity(driver, id);
        process.stdout.write(`${from}: ${id} (${s.relationships} relationships, ${s.neighbours} neighbours)\n`);
        const ops = operations(await targetsFor(driver, null, id)).filter((o) => o.name === 'entity2' || o.name === 'entity2ids');
        for (const [name, statements] of await statementsOf(driver, ops, true)) out[`${name} ${from}`] = statements;
      }
      fs.writeFileSync(args[0], JSON.stringify(out, encode));
    } else if (mode === 'time') {
      const recs = args.slice(0, 2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8'), decode) as Recording);
      const rounds = Number(args[2] ?? 5);
      const times = new Map<string, number[]>();
      for (let round = 0; round < rounds; round++) {
        for (const label of Object.keys(recs[0])) {
          for (let v = 0; v < recs.length; v++) {
            for (let k = 0; k < 3; k++) {
              const t = process.hrtime.bigint();
              await replay(driver, recs[v][label]);
              const key = `${label} ${'AB'[v]}`;
              times.set(key, [...(times.get(key) ?? []), Number(process.hrtime.bigint() - t) / 1e6]);
            }
          }
        }
      }
      for (const [key, xs] of times) process.stdout.write(`${key}: median ${median(xs).toFixed(1)} ms (${xs.length} runs)\n`);
    } else if (mode === 'profile') {
      const rec = JSON.parse(fs.readFileSync(args[0], 'utf8'), decode) as Recording;
      for (const [label, statements] of Object.entries(rec)) {
        for (const s of statements) {
          const session = driver.session({ defaultAccessMode: 'READ' });
          try {
            await session.run(s.text!, s.params);
            const res = await session.run(`PROFILE ${s.text}`, s.params);
            const plan = res.summary.profile as unknown as Plan;
            process.stdout.write(`== ${label}: ${totalDbHits(plan)} db hits\n${planLines(plan, true).join('\n')}\n`);
          } finally {
            await session.close();
          }
        }
      }
    } else throw new Error('usage: entity-ab record FILE | time A.json B.json [rounds] | profile FILE');
  } finally {
    await driver.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
