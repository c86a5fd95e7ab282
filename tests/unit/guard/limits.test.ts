/**
 * The query limits refuse what they should and nothing the product itself sends: every playground
 * example passes depth/alias/directive/cost limits; error formatting keeps precise codes.
 */
import 'reflect-metadata';
import { getNamedType, getNullableType, GraphQLError, GraphQLSchema, isInterfaceType, isLeafType, isListType, isObjectType, parse, specifiedRules, validate } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { apiSchema } from '../../../src/api/schema';
import { CODES, costEstimator, formatGuardError, guardConfig, pageSize, queryGuard } from '../../../src/api/guard';
import { EXAMPLE_QUERIES } from '../../../src/pages/examples';

describe('guard configuration', () => {
  test('defaults are finite and env overrides apply', () => {
    const d = guardConfig({});
    expect(d).toMatchObject({ maxDepth: 10, maxAliases: 30, maxCost: 50_000, introspection: true, playground: true, corsOrigins: [] });
    expect(d.maxWriteBodyBytes).toBeGreaterThan(20 * 1024 * 1024);
    const c = guardConfig({ KG_MAX_DEPTH: '4', KG_INTROSPECTION: 'off', KG_PLAYGROUND: 'OFF', KG_CORS_ORIGINS: 'https://a.org/, https://b.org', KG_MAX_FILE_MB: '1' });
    expect(c).toMatchObject({ maxDepth: 4, introspection: false, playground: false, corsOrigins: ['https://a.org', 'https://b.org'] });
    expect(c.maxWriteBodyBytes).toBeLessThan(2 * 1024 * 1024);
  });

  test('bad values are refused with the variable name', () => {
    expect(() => guardConfig({ KG_MAX_DEPTH: 'deep' })).toThrow(/KG_MAX_DEPTH must be an integer/);
    expect(() => guardConfig({ KG_INTROSPECTION: 'maybe' })).toThrow(/KG_INTROSPECTION must be "on" or "off"/);
  });
});

describe('query limits', () => {
  let schema: GraphQLSchema;
  const cfg = guardConfig({});
  const guard = queryGuard(cfg);
  const cost = (q: string, variables: Record<string, unknown> = {}) => getComplexity({ schema, query: parse(q), variables, estimators: [costEstimator(cfg.listFactor)] });
  const problems = (q: string) => validate(schema, parse(q, guard.parseOptions), [...specifiedRules, ...guard.validationRules]).map((e) => e.extensions?.code ?? e.message);

  beforeAll(async () => {
    schema = await apiSchema();
  });

  test.each(EXAMPLE_QUERIES.map((e) => [e.title, e]))('playground example passes: %s', (_t, example) => {
    expect(problems(example.query)).toEqual([]);
    expect(cost(example.query, (example as { variables?: Record<string, unknown> }).variables ?? {})).toBeLessThanOrEqual(cfg.maxCost);
  });

  test('depth counts fields, not inline fragments', () => {
    const frag = '{ entity(id: "a") { ... on Agency { ... on Entity { ... on Agency { id } } } } }';
    expect(problems(frag)).toEqual([]);
    let sel = 'id';
    for (let i = 0; i < 6; i++) sel = `relations { entity { ${sel} } }`;
    expect(problems(`{ entity(id: "a") { ${sel} } }`)).toEqual([CODES.tooDeep]);
  });

  test('cost follows page sizes and variables', () => {
    const q = 'query($n: Int!) { entities(first: $n) { edges { node { id name } } } }';
    expect(cost(q, { n: 200 })).toBeGreaterThan(100 * cost(q, { n: 1 }));
    expect(cost('{ entities { edges { node { id } } } }')).toBeLessThan(cost('{ entities(first: 200) { edges { node { id } } } }'));
  });

  test('every list of objects in the API has a page size the cost analysis counts (an argument with a default, or a model-bounded size)', () => {
    const unsized: string[] = [];
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__') || !(isObjectType(t) || isInterfaceType(t))) continue;
      // Connections and subgraphs are sized by the field that returns them.
      if (/Connection$|^Subgraph$/.test(t.name)) continue;
      for (const f of Object.values(t.getFields())) {
        if (!isListType(getNullableType(f.type)) || isLeafType(getNamedType(f.type))) continue;
        if (pageSize(f, {}) === undefined) unsized.push(`${t.name}.${f.name}`);
      }
    }
    expect(unsized).toEqual([]);
  });

  test('token limit is a parse error', () => {
    const q = `{ ${Array.from({ length: cfg.maxTokens }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(() => parse(q, guard.parseOptions)).toThrow(/tokens/);
  });
});

describe('error formatting', () => {
  const wrap = (original: unknown) => ({ originalError: original });

  test('Neo4j transaction timeouts become QUERY_TIMEOUT with advice', () => {
    const err = Object.assign(new Error('terminated'), { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' });
    const f = formatGuardError({ message: 'terminated', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrap(err));
    expect(f.extensions?.code).toBe(CODES.timeout);
    expect(f.message).toMatch(/KG_QUERY_TIMEOUT_MS/);
  });

  test('an unreachable database becomes SERVICE_UNAVAILABLE', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ServiceUnavailable' });
    const f = formatGuardError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrap(err));
    expect(f.extensions?.code).toBe(CODES.unavailable);
  });

  test('guard codes survive Apollo relabelling validation errors', () => {
    const own = new GraphQLError('too deep', { extensions: { code: CODES.tooDeep } });
    const f = formatGuardError({ message: 'too deep', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrap(own));
    expect(f.extensions?.code).toBe(CODES.tooDeep);
  });

  test('other errors pass through unchanged', () => {
    const formatted = { message: 'nope', extensions: { code: 'BAD_USER_INPUT' } };
    expect(formatGuardError(formatted, wrap(new Error('nope')))).toBe(formatted);
  });
});

describe('tools keep working', () => {
  test("GraphiQL's introspection query passes every limit", async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const schema = await apiSchema();
    const cfg = guardConfig({});
    const guard = queryGuard(cfg);
    const q = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true });
    const doc = parse(q, guard.parseOptions);
    expect(validate(schema, doc, [...specifiedRules, ...guard.validationRules])).toEqual([]);
    expect(getComplexity({ schema, query: doc, variables: {}, estimators: [costEstimator(cfg.listFactor)] })).toBeLessThanOrEqual(cfg.maxCost);
  });
});
