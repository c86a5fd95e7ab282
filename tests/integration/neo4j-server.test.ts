/** The server global-setup provides is a real Neo4j 5.26 that runs Cypher. */
import { Driver } from 'neo4j-driver';
import { createDriver, neo4jConfig } from '../../src/graph/driver';

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
});
