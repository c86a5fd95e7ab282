import { KINDS } from '../../../src/model';
import { cypherStatements } from '../../../src/graph/cypher';

describe('cypher/schema.cypher follows model/kinds.json', () => {
  const statements = cypherStatements('schema');

  test.each([...KINDS.map((k) => k.name), 'Entity'])('unique id constraint on %s', (label) => {
    const re = new RegExp(`CREATE CONSTRAINT \\w+ IF NOT EXISTS FOR \\(\\w+:${label}\\) REQUIRE \\w+\\.id IS UNIQUE`);
    expect(statements.some((s) => re.test(s))).toBe(true);
  });

  test('every statement is idempotent (IF NOT EXISTS)', () => {
    for (const s of statements) expect(s).toMatch(/IF NOT EXISTS/);
  });

  test('a full-text index over the entity names including searchKey and aliases', () => {
    const ft = statements.find((s) => /CREATE FULLTEXT INDEX entity_names/.test(s));
    expect(ft).toBeDefined();
    for (const p of ['searchKey', 'name', 'nameEn', 'acronym', 'aliases']) expect(ft).toMatch(new RegExp(`n\\.${p}\\b`));
  });
});
