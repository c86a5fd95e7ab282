/**
 * Where the operations start (the hub, a typical entity, page 2's cursors) and what our API sends
 * to Neo4j for each of them: statements recorded in-process, with their text and parameters as
 * the driver received them, so that the raw-Cypher floor replays exactly that, compiled
 * statements included.
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { startServer } from '../../src/api/server';
import { RELATION_TYPES } from '../../src/model';
import { graphql, type Statement } from './load';
import { pageQueries, type Operation, type OpName, type Targets } from './operations';
import type { StartEntity } from './results';
import { log } from './servers';

/** The model's typed relations as a pattern (from model/relations.json only, never from input). */
const typed = () => RELATION_TYPES.join('|');

/** The entity with the most typed relationships (either direction): the hub. */
export async function mostConnected(driver: Driver): Promise<string> {
  const res = await driver.executeQuery(
    `MATCH (e:Entity) WITH e, COUNT { (e)-[:${typed()}]-() } AS degree WHERE degree > 0 RETURN e.id AS id ORDER BY degree DESC, id LIMIT 1`,
  );
  const id = res.records[0]?.get('id') as string | undefined;
  if (!id) throw new Error('the graph has no typed relation: ingest the seeds first');
  return id;
}

/** An entity of median typed degree (among those with typed relations): what most look-ups start from. */
export async function typicalEntity(driver: Driver): Promise<string> {
  const res = await driver.executeQuery(
    `MATCH (e:Entity) WITH e, COUNT { (e)-[:${typed()}]-() } AS degree WHERE degree > 0 ` +
      'WITH e, degree ORDER BY degree, e.id WITH collect(e.id) AS ids RETURN ids[size(ids) / 2] AS id',
  );
  return String(res.records[0].get('id'));
}

/** How connected a start entity is (shown beside the scale figures). */
export async function startEntity(driver: Driver, id: string): Promise<StartEntity> {
  const res = await driver.executeQuery(
    `MATCH (e:Entity {id: $id}) OPTIONAL MATCH (e)-[r:${typed()}]-(b:Entity) RETURN count(r) AS relationships, count(DISTINCT b) AS neighbours`,
    { id },
  );
  const r = res.records[0];
  return { id, relationships: Number(r?.get('relationships') ?? 0), neighbours: Number(r?.get('neighbours') ?? 0) };
}

type Run = (text: string, params?: Record<string, unknown>) => unknown;

/** The driver, with every statement a session runs (auto-commit or in a read transaction) reported to `onRun`. */
function recordingDriver(driver: Driver, onRun: (text: string, params: Record<string, unknown>) => void): Driver {
  const bind = <T extends object>(target: T, key: string | symbol) => {
    const v = Reflect.get(target, key);
    return typeof v === 'function' ? v.bind(target) : v;
  };
  const tx = (t: ManagedTransaction) =>
    new Proxy(t, {
      get: (target, key) =>
        key === 'run'
          ? ((text, params = {}) => {
              onRun(text, params);
              return target.run(text, params);
            }) as Run
          : bind(target, key),
    });
  // The API's door sends its reads as auto-commit statements (session.run); a read transaction
  // (executeRead) is recorded too, for statements sent that way.
  const session = (s: Session) =>
    new Proxy(s, {
      get: (target, key) =>
        key === 'executeRead'
          ? (work: (t: ManagedTransaction) => unknown, config?: unknown) => target.executeRead((t) => work(tx(t)) as Promise<unknown>, config as never)
          : key === 'run'
            ? (text: string, params: Record<string, unknown> = {}, config?: unknown) => {
                onRun(text, params);
                return target.run(text, params, config as never);
              }
            : bind(target, key),
    });
  return new Proxy(driver, {
    get: (target, key) => (key === 'session' ? (config?: unknown) => session(target.session(config as never)) : bind(target, key)),
  });
}

/**
 * Our API in-process, recording what each request sends: `take()` returns the statements since the
 * last call, named as the API's `onQuery` hook named them (one call per round trip).
 */
export async function record(driver: Driver, batching: boolean, fn: (url: string, take: (check?: boolean) => Statement[]) => Promise<void>): Promise<void> {
  let names: string[] = [];
  let runs: { text: string; params: Record<string, unknown> }[] = [];
  const recording = recordingDriver(driver, (text, params) => runs.push({ text, params }));
  const server = await startServer({ driver: recording, batching, writeToken: null, onQuery: (name) => names.push(name) }, 0, '127.0.0.1');
  try {
    await fn(`http://127.0.0.1:${server.port}/graphql`, (check = true) => {
      const [n, r] = [names, runs];
      names = [];
      runs = [];
      if (!check) return [];
      // The hook counts round trips. A transaction the driver retried shows a statement twice, and a
      // statement sent outside a read transaction is not seen: say so, and let the floor replay
      // what the names give (its errors then show in the table) rather than stop the run.
      if (r.length !== n.length) {
        log(`recorded ${r.length} statement texts for ${n.length} round trips (${n.join(', ')}): the floor replays cypher/<name>.cypher`);
        return n.map((name) => ({ name, params: {} }));
      }
      return n.map((name, i) => ({ name, text: r[i].text, params: r[i].params }));
    });
  } finally {
    await server.close();
  }
}

export async function targetsFor(driver: Driver, theirsUrl: string | null, entityId: string): Promise<Targets> {
  const t: Targets = { entityId, searchText: 'المخدرات والجريمة', pageSize: 20, ourAfter: null, theirAfter: null };
  const q = pageQueries();
  await record(driver, true, async (url) => {
    const r = (await graphql(url, { query: q.ours, variables: { first: t.pageSize, after: null } })) as { data?: { entities: { pageInfo: { endCursor: string } } } };
    t.ourAfter = r.data?.entities.pageInfo.endCursor ?? null;
  });
  if (theirsUrl) {
    const r = (await graphql(theirsUrl, { query: q.theirs, variables: { first: t.pageSize, after: null } })) as {
      data?: { entitiesConnection: { pageInfo: { endCursor: string } } };
    };
    t.theirAfter = r.data?.entitiesConnection.pageInfo.endCursor ?? null;
  }
  return t;
}

/** The statements our API sends for each operation (batching on: ours; off: naive). */
export async function statementsOf(driver: Driver, ops: Operation[], batching: boolean): Promise<Map<OpName, Statement[]>> {
  const out = new Map<OpName, Statement[]>();
  await record(driver, batching, async (url, take) => {
    for (const op of ops) {
      // Once unrecorded first: the steady state is what a request costs (the neighbourhood looks
      // whether the graph holds rankings once per 10 s, not per request: src/api/services/graph.ts).
      await graphql(url, op.ours);
      take(false); // whatever the server did at start and on that first request
      const r = await graphql(url, op.ours);
      if (r.errors) throw new Error(`${op.name} (batching ${batching}): ${r.errors.map((e) => e.message).join('; ')}`);
      out.set(op.name, take());
    }
  });
  return out;
}
