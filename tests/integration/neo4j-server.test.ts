/** The server global-setup provides is a real Neo4j 5.26 that runs Cypher. */
import { Driver } from 'neo4j-driver';
import { createDriver, neo4jConfig } from '../../src/graph/driver';
import { ensureNeo4j, startLocalNeo4j } from '../../src/graph/local-server';

describe('Neo4j server for the tests', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = createDriver(neo4jConfig());
  });
  afterAll(async () => {
    await driver.close();
  });

  it('is exported to the test environment by global-setup', () => {
    expect(process.env.NEO4J_URI).toMatch(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//);
  });

  it('answers a Cypher query', async () => {
    const res = await driver.executeQuery('UNWIND range(1, $n) AS i RETURN sum(i) AS total', { n: 10 });
    expect(res.records[0].get('total')).toBe(55);
  });

  it('is Neo4j 5.26', async () => {
    const res = await driver.executeQuery('CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version');
    expect(res.records[0].get('name')).toBe('Neo4j Kernel');
    expect(res.records[0].get('version')).toMatch(/^5\.26\./);
  });

  it('round-trips Arabic text unchanged', async () => {
    const name = 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة';
    const res = await driver.executeQuery('RETURN $name AS name, size($name) AS len', { name });
    expect(res.records[0].get('name')).toBe(name);
    expect(res.records[0].get('len')).toBe(name.length);
  });

  // A server of your own (NEO4J_URI) is not ours to start.
  const itLocal = process.env.KG_NEO4J_MANAGED === '1' ? it : it.skip;
  itLocal('is reused, not started twice, when ensured again', async () => {
    const handle = await startLocalNeo4j({ log: () => undefined });
    expect(handle.started).toBe(false);
    expect(handle.config.uri).toBe(process.env.NEO4J_URI);
  });
});

describe('ensureNeo4j with NEO4J_URI', () => {
  it('says what to do when that server is unreachable', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    await expect(ensureNeo4j({ env: { NEO4J_URI: 'bolt://127.0.0.1:1' } })).rejects.toThrow(
      /Neo4j at bolt:\/\/127\.0\.0\.1:1 is not reachable: .*unset NEO4J_URI to use the local one/s,
    );
  });
});
