import * as fs from 'fs';
import * as path from 'path';
import { cypher, withFragments } from '../../../src/graph/cypher';
import { packageRoot, RELATION_TYPES } from '../../../src/model';

describe('Cypher statements loaded by name', () => {
  test('{{RELATION_TYPES}} becomes the union of the model relation types, and nothing else', () => {
    const text = withFragments('MATCH (a)-[r:{{RELATION_TYPES}}]-(b) RETURN r');
    expect(text).toBe(`MATCH (a)-[r:${RELATION_TYPES.join('|')}]-(b) RETURN r`);
    expect(text).not.toMatch(/MENTIONS|CO_OCCURS/);
  });

  test('an unknown fragment is refused with the statement named', () => {
    expect(() => withFragments('RETURN {{NOPE}}', 'api-x')).toThrow(/api-x\.cypher uses an unknown fragment \{\{NOPE\}\}/);
  });

  test('every statement file loads with its fragments filled in', () => {
    const names = fs.readdirSync(path.join(packageRoot(), 'cypher')).filter((f) => f.endsWith('.cypher')).map((f) => f.replace(/\.cypher$/, ''));
    expect(names.length).toBeGreaterThan(20);
    for (const n of names) expect(cypher(n)).not.toMatch(/\{\{/);
    expect(() => cypher('no-such-statement')).toThrow(/no Cypher statement named "no-such-statement"/);
  });
});
