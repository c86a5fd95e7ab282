/** Without a reachable Neo4j the process still serves /health, and /ready and queries say why they fail. */
import { createDriver } from '../../../src/graph/driver';
import { RunningServer, startServer } from '../../../src/api/server';

let server: RunningServer;
const driver = createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', local: false });

beforeAll(async () => {
  server = await startServer({ driver }, 0, '127.0.0.1');
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

test('/health is 200 and /ready is 503 with the reason', async () => {
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
  const ready = await fetch(`${server.url}/ready`);
  expect(ready.status).toBe(503);
  const body = await ready.json();
  expect(body.status).toBe('unavailable');
  expect(body.reason).toMatch(/Neo4j is not reachable/);
});

test('a query reports SERVICE_UNAVAILABLE with what to do', async () => {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ entity(id: "agency:unodc") { id } }' }),
  });
  const body = await res.json();
  expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
  expect(body.errors[0].message).toMatch(/scripts\/neo4j start|NEO4J_URI/);
});
