/**
 * A cheap guard against Cypher injection: Cypher lives in cypher/*.cypher and is parameterised;
 * TypeScript never builds it from strings. Labels and relationship types, which cannot be
 * ordinary parameters, are only set through `$(row.x)` in the allow-listed statements below,
 * whose values the loader checks against the model (isKind / isRelationType).
 */
import * as fs from 'fs';
import * as path from 'path';
import { toRows } from '../../../src/graph/rows';
import { normaliseKey } from '../../../src/extract/arabic';
import { packageRoot } from '../../../src/model';
import { fixtureDocument, FIXTURE_TEXT } from '../graph/fixture';
import { FieldNode, FragmentDefinitionNode, OperationDefinitionNode, parse } from 'graphql';
import { apiSchema } from '../../../src/api/schema';
import { compileEntities, planOf } from '../../../src/api/compile';
import { fill, generated, propertyList, typeUnion } from '../../../src/api/compile/fragments';

const ROOT = packageRoot();

function files(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : e.name.endsWith(ext) ? [p] : [];
  });
}

const CYPHER_CLAUSE = /\b(MATCH|MERGE|CREATE|UNWIND|DETACH\s+DELETE|SET\s+\w+\s*[:=]|RETURN|CALL\s*\{|WITH\s+\w+\s+(AS|WHERE))\b/;

/** Places (file: reason) allowed to hold Cypher text in TypeScript. Keep empty unless reviewed. */
const ALLOWED_TS: Record<string, string> = {};

/** Dynamic labels/types: statement -> the row fields it may use, validated by src/graph/rows.ts. */
const ALLOWED_DYNAMIC: Record<string, string[]> = {
  'ingest-entities.cypher': ['row.kinds'], // isKind(e.type) in toRows, gathered by mergeEntityRows
  'ingest-relations.cypher': ['row.type'], // isRelationType(r.type) in toRows
};

/** String and template literals of a TypeScript source (comments removed first). */
function literals(src: string): { text: string; template: boolean; line: number }[] {
  const out: { text: string; template: boolean; line: number }[] = [];
  const noComments = src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (m, p1: string) => p1 + ' '.repeat(m.length - p1.length));
  const re = /`(?:\\[\s\S]|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g;
  for (let m = re.exec(noComments); m; m = re.exec(noComments)) {
    out.push({ text: m[0], template: m[0].startsWith('`'), line: noComments.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** Literals of `src` that look like Cypher: a clause keyword next to a pattern or a parameter. */
function cypherLiterals(src: string): { text: string; line: number }[] {
  return literals(src)
    .map((l) => ({ text: l.text.slice(1, -1), line: l.line }))
    .filter((l) => CYPHER_CLAUSE.test(l.text) && /[(\[$]/.test(l.text) && /\b(MATCH|MERGE|CREATE|UNWIND|RETURN)\b/.test(l.text));
}

const RUN_CALL = /\.(run|executeQuery)\(\s*([^,)]*)/g;

/** run/executeQuery calls whose statement argument is a literal, a template or a concatenation. */
function builtRunCalls(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(RUN_CALL)) {
    const arg = m[2].trim();
    if (/^[`'"]/.test(arg) || /\+|\$\{/.test(arg)) out.push(`${src.slice(0, m.index).split('\n').length}: .${m[1]}(${arg.slice(0, 60)}`);
  }
  return out;
}

describe('no Cypher is built from strings in src/', () => {
  const sources = files(path.join(ROOT, 'src'), '.ts');

  test('the scan sees the code base', () => {
    expect(sources.length).toBeGreaterThan(30);
  });

  test('no string or template literal in src/**/*.ts holds Cypher (it belongs in cypher/*.cypher)', () => {
    const offenders: string[] = [];
    for (const file of sources) {
      const rel = path.relative(ROOT, file);
      if (ALLOWED_TS[rel]) continue;
      for (const lit of cypherLiterals(fs.readFileSync(file, 'utf8'))) offenders.push(`${rel}:${lit.line}: ${lit.text.slice(0, 80)}`);
    }
    expect(offenders).toEqual([]);
  });

  test('every run/executeQuery/executeRead/executeWrite call gets Cypher from cypher(), never a template or concatenation', () => {
    const offenders: string[] = [];
    for (const file of sources) {
      for (const o of builtRunCalls(fs.readFileSync(file, 'utf8'))) offenders.push(`${path.relative(ROOT, file)}:${o}`);
    }
    expect(offenders).toEqual([]);
  });

  test('the scanner does catch concatenated Cypher (it can fail)', () => {
    const bad = "const q = `MATCH (n:${label} {id: '${id}'}) RETURN n`;\nawait tx.run('MATCH (n) WHERE n.name = \"' + name + '\" RETURN n');";
    expect(cypherLiterals(bad)).toHaveLength(2);
    expect(builtRunCalls(bad)).toHaveLength(1);
    expect(cypherLiterals("const s = 'Match the names (Arabic and English)';")).toEqual([]);
  });
});

describe('labels and relationship types only from the model', () => {
  const statements = files(path.join(ROOT, 'cypher'), '.cypher');

  test('dynamic labels/types ($(...)) appear only in the reviewed statements, with the reviewed fields', () => {
    const found: Record<string, string[]> = {};
    for (const file of statements) {
      const text = fs.readFileSync(file, 'utf8').replace(/\/\/[^\n]*/g, '');
      const uses = [...text.matchAll(/\$\(\s*([^)]*?)\s*\)/g)].map((m) => m[1]);
      if (uses.length) found[path.basename(file)] = [...new Set(uses)].sort();
    }
    expect(found).toEqual(ALLOWED_DYNAMIC);
  });

  test('no statement runs Cypher from a string (apoc.cypher.*, db.* procedures writing text)', () => {
    for (const file of statements) {
      expect({ file: path.basename(file), bad: /apoc\.(cypher|do|periodic\.iterate)|\bCALL\s+\{\s*\$|\bEXPLAIN\b/i.test(fs.readFileSync(file, 'utf8')) }).toEqual({
        file: path.basename(file),
        bad: false,
      });
    }
  });

  test('the loader drops entities and relations whose kind/type is not in the model (hostile values never reach $(...))', () => {
    const doc = fixtureDocument();
    const first = doc.entities[0];
    doc.entities.push({ ...first, id: 'evil:1', type: 'Agency`) DETACH DELETE n //' as never, mentions: [] });
    doc.relations.push({ type: 'KNOWS]->() DETACH DELETE a //' as never, from: first.id, to: doc.entities[1].id } as never);
    const rows = toRows(doc, { text: FIXTURE_TEXT, sha256: 'x' }, normaliseKey);
    expect(rows.entities.map((e) => e.kind)).not.toContain('Agency`) DETACH DELETE n //');
    expect(rows.entities.find((e) => e.id === 'evil:1')).toBeUndefined();
    expect(rows.relations.map((r) => r.type)).not.toContain('KNOWS]->() DETACH DELETE a //');
    expect(rows.warnings.join('\n')).toMatch(/unknown kind.*dropped[\s\S]*not a relation type of model\/relations\.json, dropped/);
  });
});

describe('the compiler (src/api/compile) builds text from cypher/compiled-* fragments, the selection shape and the model only', () => {
  const HOSTILE = "x'}) DETACH DELETE n //";

  test('aliases, ids and argument values never reach the statement text; they are parameters', async () => {
    const schema = await apiSchema();
    const doc = parse(`query($id: ID!, $min: Float) { entity(id: $id) {
      DETACH_DELETE_n: relations(first: 7, minConfidence: $min, types: [CITES]) { entity { id ... on Agency { pwned: memberOf(first: 3) { entity { id } } } } } } }`);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const field = op.selectionSet.selections[0] as FieldNode;
    const plan = planOf({
      schema,
      fragments: {} as Record<string, FragmentDefinitionNode>,
      variableValues: { id: HOSTILE, min: 0.25 },
      fieldNodes: [field],
      returnType: schema.getQueryType()!.getFields().entity.type,
    })!;
    const c = compileEntities(plan);
    expect(c.text).not.toMatch(/DETACH|pwned|0\.25|\b7\b|\[r:CITES\]/);
    expect(Object.values(c.params)).toEqual(expect.arrayContaining([0.25, 7, ['CITES'], 3]));
    // Types in the text: the model's union for `relations`, the per-type field's own type.
    expect(c.text).toMatch(/\[r:MEMBER_OF\]/);
  });

  test('placeholders take only generated names, model types or filled fragments', () => {
    expect(() => generated(HOSTILE)).toThrow(/not a generated name/);
    expect(() => typeUnion(['KNOWS]->() DETACH DELETE a //'])).toThrow(/not a relation type/);
    expect(() => fill('compiled-field', { key: HOSTILE, var: 'v1' })).toThrow(/may not fill/);
    expect(() => fill('compiled-field', { key: 'f1' })).toThrow(/needs a value for __var__/);
    expect(fill('compiled-field', { key: 'f1', var: 'v1' }).text).toBe("['f1', v1]");
    // The other end's projection: summary properties of an entity only.
    expect(propertyList(['id', 'kind', 'category']).text).toBe('b.id, b.kind, b.category');
    expect(propertyList(['id', 'name']).text).toMatch(/^b\.id, CASE WHEN b\.name <> '' THEN b\.name .* END$/);
    expect(() => propertyList(['id', HOSTILE])).toThrow(/not a summary property/);
    expect(() => propertyList(['id', 'searchKey'])).toThrow(/not a summary property/);
  });
});
