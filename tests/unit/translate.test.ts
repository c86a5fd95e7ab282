/**
 * Translation fixtures, as @neo4j/graphql's TCK: each tests/fixtures/translate/*.md holds a
 * GraphQL query and its variables, then the ONE statement and the parameters the API sends for
 * it. No database: a change in translation shows here, and in review as a diff of the fixture.
 *
 * Regenerate after an intended change:  UPDATE_FIXTURES=1 npx jest tests/unit/translate.test.ts
 * (then read the diff of tests/fixtures/translate/ before committing it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { FieldNode, FragmentDefinitionNode, getNamedType, GraphQLSchema, OperationDefinitionNode, parse, validate } from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { apiSchema } from '../../src/api/schema';
import { compileEntities, planOf } from '../../src/api/compile';
import { cypher } from '../../src/graph/cypher';
import type { Db } from '../../src/graph/db';
import { neighbourhood } from '../../src/api/services/graph';

const DIR = path.join(__dirname, '..', 'fixtures', 'translate');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

interface Fixture {
  file: string;
  source: string;
  graphql: string;
  variables: Record<string, unknown>;
  cypher?: string;
  params?: string;
}

function section(source: string, title: string): string | undefined {
  const m = new RegExp(`^## ${title}\\n+\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``, 'm').exec(source);
  return m?.[1];
}

function readFixture(file: string): Fixture {
  const source = fs.readFileSync(path.join(DIR, file), 'utf8');
  const graphql = section(source, 'GraphQL');
  if (!graphql) throw new Error(`${file}: no "## GraphQL" section`);
  return { file, source, graphql, variables: JSON.parse(section(source, 'Variables') ?? '{}'), cypher: section(source, 'Cypher'), params: section(source, 'Params') };
}

/** JSON with sorted keys (the same at every run) and lists of plain values on one line. */
function show(v: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return JSON.stringify(v).replace(/,/g, ', ');
    return `[\n${v.map((x) => inner + show(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${show((v as Record<string, unknown>)[k], inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

/** What the API sends for the query's (first) root field: the statement's text and its parameters. */
async function translate(schema: GraphQLSchema, f: Fixture): Promise<{ cypher: string; params: string }> {
  const doc = parse(f.graphql);
  const errors = validate(schema, doc);
  if (errors.length) throw new Error(`${f.file}: ${errors.map((e) => e.message).join('; ')}`);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]));
  const vars = getVariableValues(schema, op.variableDefinitions ?? [], f.variables);
  if (vars.errors) throw new Error(`${f.file}: ${vars.errors.map((e) => e.message).join('; ')}`);
  const variableValues = vars.coerced;
  const field = op.selectionSet.selections[0] as FieldNode;
  const def = schema.getQueryType()!.getFields()[field.name.value];
  const args = getArgumentValues(def, field, variableValues);
  if (field.name.value === 'entity') {
    const plan = planOf({ schema, fragments, variableValues, fieldNodes: [field], returnType: def.type });
    if (!plan) throw new Error(`${f.file}: the selection asks for no relation field: nothing to compile`);
    const c = compileEntities(plan);
    return { cypher: c.text, params: show({ ...c.params, ids: [args.id] }) };
  }
  if (field.name.value === 'neighbourhood') {
    // A graph where some entity holds a neighbour ranking: the statement then depends on the request.
    const sent: { name: string; params: Record<string, unknown> }[] = [];
    const db = {
      driver: {},
      read: async (name: string, params: Record<string, unknown>) => {
        if (name === 'api-neighbour-ranked') return [{ ranked: true }];
        sent.push({ name, params });
        return [{ starts: [], reached: [], edges: [], truncated: false }];
      },
    } as unknown as Db;
    await neighbourhood(db, args as never);
    expect(sent).toHaveLength(1);
    expect(sent[0].name).toMatch(/^api-neighbourhood(-plain)?$/);
    return { cypher: `// ${sent[0].name}\n${cypher(sent[0].name)}`, params: show(sent[0].params) };
  }
  throw new Error(`${f.file}: no translation for root field ${field.name.value} (${getNamedType(def.type).name})`);
}

function withSections(f: Fixture, out: { cypher: string; params: string }): string {
  const base = f.source.replace(/\n## Cypher\n[\s\S]*$/, '').trimEnd();
  return `${base}\n\n## Cypher\n\n\`\`\`cypher\n${out.cypher}\n\`\`\`\n\n## Params\n\n\`\`\`json\n${out.params}\n\`\`\`\n`;
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await apiSchema();
});

test('there are fixtures', () => {
  expect(files.length).toBeGreaterThanOrEqual(4);
});

describe.each(files)('%s', (file) => {
  test('translates to the recorded statement and parameters', async () => {
    const f = readFixture(file);
    const out = await translate(schema, f);
    if (UPDATE) {
      fs.writeFileSync(path.join(DIR, file), withSections(f, out));
      return;
    }
    if (f.cypher === undefined || f.params === undefined) throw new Error(`${file}: no recorded statement yet; run UPDATE_FIXTURES=1 npx jest tests/unit/translate.test.ts`);
    expect(out.cypher).toBe(f.cypher);
    expect(out.params).toBe(f.params);
  });
});
