import * as fs from 'fs';
import * as path from 'path';
import { cypher, withFragments, withoutComments } from '../../../src/graph/cypher';
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

  test('{{EVIDENCE_TEXT(r, i)}} reads entry i of r from its paragraph, or its stored text when it lies in none', () => {
    const text = withFragments('RETURN {{EVIDENCE_TEXT(rel, 0)}} AS t');
    expect(text).toContain('coalesce(rel.evAt[0], -1) < 0 THEN rel.evText[0]');
    expect(text).toContain("MATCH (evp:Paragraph {id: rel.evDocument[0] + '#' + toString(rel.evAt[0])})");
    expect(text).toContain('substring(evp.text, rel.evStart[0], rel.evEnd[0] - rel.evStart[0])');
    // Arguments are the statement's variables: anything else (an expression, input) is refused.
    expect(() => withFragments('RETURN {{EVIDENCE_TEXT(r)}}', 'api-x')).toThrow(/api-x\.cypher: \{\{EVIDENCE_TEXT\}\} takes 2/);
    expect(() => withFragments("RETURN {{EVIDENCE_TEXT(r, i + 1)}}", 'api-x')).toThrow(/takes 2 variable/);
    expect(() => withFragments('RETURN {{RELATION_TYPES(r)}}', 'api-x')).toThrow(/takes 0 variable/);
  });

  test('{{EVIDENCE_BEST(r)}} is entry 0 of r as [sentence, document, paragraph], the sentence by the EVIDENCE_TEXT rule', () => {
    const text = withFragments('RETURN {{EVIDENCE_BEST(rel)}} AS b');
    expect(text).toContain(`[coalesce(${withFragments('{{EVIDENCE_TEXT(rel, 0)}}')}, ''), rel.evDocument[0], rel.evParagraph[0]]`);
    expect(text).not.toMatch(/__r__|\{\{/);
    expect(() => withFragments('RETURN {{EVIDENCE_BEST(r, 0)}}', 'api-x')).toThrow(/takes 1 variable/);
  });

  test('{{NEIGHBOUR_HOP(n)}} is the one hop block with its number: the neighbourhood runs it for hops 1 to 3', () => {
    const hop = (n: number) => withFragments(`{{NEIGHBOUR_HOP(${n})}}`);
    expect(hop(2)).toContain('$depth < 2 THEN');
    expect(hop(2)).not.toMatch(/__n__|\{\{|^\s*\/\//m);
    expect(hop(1).replace('$depth < 1 THEN', '')).toBe(hop(3).replace('$depth < 3 THEN', ''));
    const hood = cypher('api-neighbourhood');
    for (const n of [1, 2, 3]) expect(hood).toContain(hop(n));
    expect(() => withFragments('{{NEIGHBOUR_HOP(a)}}', 'api-x')).toThrow(/hop number/);
  });

  test('api-neighbourhood-plain is api-neighbourhood without the hops\' fast path, from the same files', () => {
    const ranked = cypher('api-neighbourhood');
    const plain = cypher('api-neighbourhood-plain');
    const fast = cypher('fragment-neighbour-fast');
    expect(ranked.split(fast).length - 1).toBe(3);
    expect(plain).not.toMatch(/rankNb|\{\{|^\s*$/m);
    // Taking the three fast paths (each on its own line) out of the ranked statement gives the plain one.
    expect(ranked.split(`  ${fast}\n`).join('')).toBe(plain);
    expect(withFragments('A\n  {{NEIGHBOUR_FAST}}\nB', 'x', ['NEIGHBOUR_FAST'])).toBe('A\nB');
    expect(withFragments('{{NEIGHBOUR_HOP(1)}}', 'x', ['NEIGHBOUR_FAST'])).not.toContain('rankNb');
  });

  test('every statement file loads with its fragments filled in', () => {
    const names = fs.readdirSync(path.join(packageRoot(), 'cypher')).filter((f) => f.endsWith('.cypher')).map((f) => f.replace(/\.cypher$/, ''));
    expect(names.length).toBeGreaterThan(20);
    for (const n of names) expect(cypher(n)).not.toMatch(/\{\{/);
    expect(() => cypher('no-such-statement')).toThrow(/no Cypher statement named "no-such-statement"/);
  });

  test('statements are sent without their comment lines (the driver sends the text with every request); code lines stay as written', () => {
    expect(withoutComments("// why\nMATCH (n)\n  // and why\nWHERE n.url = 'http://x' // kept: not a comment line\nRETURN n")).toBe(
      "MATCH (n)\nWHERE n.url = 'http://x' // kept: not a comment line\nRETURN n",
    );
    const names = fs.readdirSync(path.join(packageRoot(), 'cypher')).filter((f) => f.endsWith('.cypher')).map((f) => f.replace(/\.cypher$/, ''));
    for (const n of names) expect([n, cypher(n).split('\n').some((l) => /^\s*\/\//.test(l))]).toEqual([n, false]);
    // The neighbour hop's fast path is largely explanation (its proof of exactness): what is sent,
    // three times in the neighbourhood, is its code only.
    const file = fs.readFileSync(path.join(packageRoot(), 'cypher', 'fragment-neighbour-fast.cypher'), 'utf8');
    expect(cypher('fragment-neighbour-fast').length).toBeLessThan(file.length * 0.75);
  });
});
