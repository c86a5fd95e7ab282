/**
 * Database outages, with the real `kg serve` over a throwaway Neo4j (a free port and its own directory, private to this test run):
 * the API starts before Neo4j and /ready tells when it can serve; while Neo4j is down queries fail
 * fast with SERVICE_UNAVAILABLE (no hang: every request carries a 30 s abort); when Neo4j comes back
 * the same API process serves again by itself; SIGTERM lets an in-flight request finish, then exits.
 * Measured durations are printed (KG_TEST_VERBOSE=1), not asserted.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { faultTestsEnabled, Instance, privateInstance, Spawned, spawnKg } from '../helpers/instance';
import { SEEDS_DIR } from '../helpers/seeded';

const TOKEN = 'outage-test-token';
const HANG = 30_000; // a request that takes longer than this counts as hanging

type Gql = { status: number; ms: number; body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };

const verbose = (s: string) => {
  if (process.env.KG_TEST_VERBOSE) process.stderr.write(`[outage] ${s}\n`);
};

const maybe = faultTestsEnabled() ? describe : describe.skip;

maybe('database outages (throwaway Neo4j, real kg serve)', () => {
  let neo: Instance & { remove(): void };
  let api: Spawned;
  let url = '';

  async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Gql> {
    const t0 = Date.now();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      // Ingesting a document legitimately takes a while on a busy machine; reads must not hang.
      signal: AbortSignal.timeout(query.startsWith('mutation') ? 180_000 : HANG),
    });
    return { status: res.status, ms: Date.now() - t0, body: (await res.json()) as Gql['body'] };
  }

  async function ready(): Promise<{ status: number; body: any }> {
    const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(HANG) });
    return { status: res.status, body: await res.json() };
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 300_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = await probe().catch(() => undefined);
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  beforeAll(async () => {
    neo = await privateInstance('outage');
    api = spawnKg(['serve', '--port', '0'], { ...neo.env, KG_WRITE_TOKEN: TOKEN, KG_SHUTDOWN_GRACE_MS: '300000' });
    url = await until('kg serve to print its URL', async () => /GraphQL API:\s+(http:\/\/\S+)\/graphql/.exec(api.stdout())?.[1], 60_000);
  }, 120_000);

  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    await neo?.stop();
    neo?.remove();
  }, 120_000);

  test('the API starts without Neo4j: /health ok, /ready 503 with the reason, queries fail fast and clearly', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const r = await ready();
    expect(r.status).toBe(503);
    expect(r.body.reason).toMatch(/Neo4j is not reachable/);
    const q = await gql('{ stats { entities } }');
    verbose(`query without Neo4j answered in ${q.ms} ms`);
    expect(q.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(q.body.errors?.[0].message).toMatch(/Neo4j is not reachable.*(scripts\/neo4j start|NEO4J_URI|try again)/);
  });

  test('when Neo4j comes up, /ready turns 200 and the same API process serves (and ingests)', async () => {
    const t0 = Date.now();
    await neo.start();
    await until('/ready 200', async () => ((await ready()).status === 200 ? true : undefined), 120_000);
    verbose(`ready ${Date.now() - t0} ms after starting Neo4j`);
    const seed = fs.readFileSync(path.join(SEEDS_DIR, fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()[3]), 'utf8');
    const ing = await gql('mutation($t: String!) { ingestDocument(text: $t, file: "outage.txt") { outcome } }', { t: seed }, { authorization: `Bearer ${TOKEN}` });
    expect(ing.body.errors).toBeUndefined();
    const q = await gql('{ stats { entities } }');
    expect(q.body.data.stats.entities).toBeGreaterThan(0);
  }, 400_000);

  test('Neo4j stops while the API serves: fast SERVICE_UNAVAILABLE errors; it restarts: the API recovers by itself', async () => {
    const before = (await gql('{ stats { entities } }')).body.data.stats.entities as number;
    await neo.kill(); // a crash: no goodbye to the driver's pooled connections
    const during: Gql[] = [];
    for (let i = 0; i < 3; i++) during.push(await gql('{ stats { entities } search(text: "الأمم المتحدة") { score } }'));
    verbose(`queries during the outage answered in ${during.map((d) => d.ms).join(', ')} ms`);
    for (const d of during) {
      expect(d.body.errors?.map((e) => e.extensions?.code)).toContain('SERVICE_UNAVAILABLE');
      expect(d.body.errors?.[0].message).toMatch(/Neo4j is not reachable/);
    }
    expect((await ready()).status).toBe(503);

    const t0 = Date.now();
    await neo.start();
    const back = await until('a successful query after the restart', async () => {
      const r = await gql('{ stats { entities } }');
      return r.body.errors ? undefined : r;
    }, 180_000);
    verbose(`first successful query ${Date.now() - t0} ms after starting Neo4j again`);
    expect(back.body.data.stats.entities).toBe(before);
    expect((await ready()).status).toBe(200);
  }, 400_000);

  test('SIGTERM: an in-flight request finishes, then the process closes the driver and exits 0', async () => {
    // A whole seed through the ingest mutation: extraction plus one write transaction.
    const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
    const seed = fs.readFileSync(path.join(SEEDS_DIR, seeds[1]), 'utf8'); // not the one ingested above
    const body = JSON.stringify({ query: 'mutation($t: String!) { ingestDocument(text: $t, file: "sigterm.txt") { outcome documentId } }', variables: { t: seed } });
    let answeredAt = 0;
    let flushed!: () => void;
    const sent = new Promise<void>((r) => (flushed = r));
    const inflight = new Promise<{ status: number; body: Gql['body'] }>((resolve, reject) => {
      const req = http.request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          answeredAt = Date.now();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Gql['body'] });
        });
      });
      req.on('error', reject);
      req.end(body, () => flushed());
    });
    await sent; // the whole request is on its way: the server will be handling it
    await new Promise((r) => setTimeout(r, 200));
    expect(answeredAt).toBe(0); // still in flight when the signal arrives
    const killedAt = Date.now();
    api.child.kill('SIGTERM');
    const res = await inflight;
    verbose(`in-flight mutation answered ${answeredAt - killedAt} ms after SIGTERM`);
    expect(answeredAt).toBeGreaterThan(killedAt);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.ingestDocument.outcome).toMatch(/ingested|replaced|unchanged/);
    const { code } = await api.exited;
    expect(code).toBe(0);
    await expect(fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
  }, 400_000);
});
