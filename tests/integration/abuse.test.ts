/**
 * Hostile queries against the real API over HTTP (seeded Neo4j): every abuse is answered with a
 * clear error and a code, refused queries never reach Neo4j, injection strings change nothing,
 * and the server keeps answering normal queries.
 */
import { buildSchema, getNamedType, GraphQLArgument, GraphQLInputObjectType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isAbstractType, GraphQLInputType, getNullableType } from 'graphql';
import * as fs from 'fs';
import * as path from 'path';
import pino from 'pino';
import { graphCounts } from '../../src/graph/stats';
import { useLogger } from '../../src/observability';
import { packageRoot } from '../../src/model';
import { Harness, ok, startHarness } from './api-harness';

const INJECTIONS = [
  `x' OR 1=1 //`,
  `"}) MATCH (n) DETACH DELETE n //`,
  `agency:unodc' }) DETACH DELETE n WITH 1 AS x MATCH (m) RETURN m //`,
  '`) CALL db.labels() YIELD label RETURN label //',
  '\\u0027; CREATE (:Pwned) //',
  'name:* OR id:* ~ ^ " ( [ { \\',
];

type Err = { message: string; extensions?: { code?: string } };
const codes = (errors?: Err[]) => (errors ?? []).map((e) => e.extensions?.code);

describe('abuse: hostile queries are refused with clear errors', () => {
  let h: Harness;
  let post: (body: string, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: Headers }>;

  beforeAll(async () => {
    h = await startHarness();
    post = async (body, headers = {}) => {
      const res = await fetch(`${h.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* keep text */
      }
      return { status: res.status, body: parsed, headers: res.headers };
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Refused before any resolver: no Cypher round trip at all. */
  async function refused(query: string, code: string, variables: Record<string, unknown> = {}) {
    h.resetRoundTrips();
    const r = await h.gql(query, variables);
    expect(codes(r.errors)).toContain(code);
    expect(r.data ?? null).toBeNull();
    expect(h.roundTrips()).toBe(0);
    return r;
  }

  test('a deeply nested query is refused (QUERY_TOO_DEEP)', async () => {
    let sel = 'id';
    for (let i = 0; i < 12; i++) sel = `relations { entity { ${sel} } }`;
    const r = await refused(`{ entity(id: "agency:unodc") { ${sel} } }`, 'QUERY_TOO_DEEP');
    expect(r.errors![0].message).toMatch(/depth limit of \d+ exceeded.*KG_MAX_DEPTH/);
  });

  test('1,000 aliases are refused (token limit), 40 aliases by the alias limit', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `a${i}: stats { entities }`).join(' ');
    const r = await refused(`{ ${many} }`, 'QUERY_TOO_LARGE');
    expect(r.errors![0].message).toMatch(/too large.*KG_MAX_TOKENS/);
    const forty = Array.from({ length: 40 }, (_, i) => `a${i}: entity(id: "x${i}") { id }`).join(' ');
    const r2 = await refused(`{ ${forty} }`, 'TOO_MANY_ALIASES');
    expect(r2.errors![0].message).toMatch(/KG_MAX_ALIASES/);
  });

  test('a directive flood is refused (TOO_MANY_DIRECTIVES)', async () => {
    const dirs = Array.from({ length: 30 }, () => '@include(if: true)').join(' ');
    await refused(`{ stats { entities ${dirs} } }`, 'TOO_MANY_DIRECTIVES');
  });

  test('an expensive query (big pages times nested lists) is refused by estimated cost', async () => {
    const q = `query Big($n: Int!) { entities(first: $n) { edges { node { relations(first: 10) { entity { relations(first: 10) { entity { relations(first: 10) { entity { id } } } } } } } } } }`;
    const r = await refused(q, 'QUERY_TOO_COMPLEX', { n: 200 });
    expect(r.errors![0].message).toMatch(/estimated cost \d+ > \d+ \(KG_MAX_COST\)/);
    // The same shape with a small page is fine: the estimate follows the variables.
    ok(await h.gql(q, { n: 2 }));
  });

  test('huge page sizes and neighbourhood bounds are refused by the API with BAD_USER_INPUT', async () => {
    for (const q of [
      '{ entities(first: 5000) { edges { node { id } } } }',
      '{ entities(first: -1) { edges { node { id } } } }',
      '{ search(text: "unodc", first: 100000) { score } }',
      '{ neighbourhood(ids: ["agency:unodc"], depth: 50) { truncated } }',
      '{ neighbourhood(ids: ["agency:unodc"], limit: 0) { truncated } }',
      '{ path(from: "agency:unodc", to: "agency:iom", maxLength: 40) { truncated } }',
    ]) {
      const r = await h.gql(q);
      expect({ q, codes: codes(r.errors) }).toEqual({ q, codes: [expect.stringMatching(/BAD_USER_INPUT|QUERY_TOO_COMPLEX/)] });
    }
  });

  test('oversized bodies get 413 and malformed JSON 400, each with a code and a hint', async () => {
    const big = await post(JSON.stringify({ query: 'query($t: String!) { search(text: $t) { score } }', variables: { t: 'ا'.repeat(400_000) } }));
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(big.body.errors[0].message).toMatch(/KG_MAX_BODY_KB/);

    for (const bad of ['{"query": "{ stats { entities } }"', '{query: 1}', '[1,2', 'not json at all']) {
      const r = await post(bad);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(r.body.errors[0].message).toMatch(/not valid JSON/);
    }
    const noQuery = await post('{"variables": {}}');
    expect(noQuery.status).toBe(400);
    expect(noQuery.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  test('Cypher-injection strings in every string and id argument change nothing and break nothing', async () => {
    const before = await graphCounts(h.driver);
    const schema = buildSchema(fs.readFileSync(path.join(packageRoot(), 'schema', 'schema.graphql'), 'utf8'));
    const fields = Object.values(schema.getQueryType()!.getFields());
    let tried = 0;
    for (const value of INJECTIONS) {
      for (const field of fields) {
        const args = field.args.map((a) => `${a.name}: ${literal(a.type, value, a)}`).filter((s) => !s.endsWith(': null'));
        const named = getNamedType(field.type);
        const selection = isObjectType(named) || isAbstractType(named) ? '{ __typename }' : '';
        const q = `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection} }`;
        const r = await h.gql(q);
        tried++;
        // A clear refusal is fine; an internal error (a Cypher syntax error...) is not.
        for (const c of codes(r.errors)) expect({ q, code: c }).toEqual({ q, code: expect.stringMatching(/^(BAD_USER_INPUT|NOT_FOUND)$/) });
      }
    }
    expect(tried).toBeGreaterThan(INJECTIONS.length * 5);
    expect(await graphCounts(h.driver)).toEqual(before);
    const pwned = await h.driver.executeQuery('MATCH (n:Pwned) RETURN count(n) AS n');
    expect(Number(pwned.records[0].get('n'))).toBe(0);
  });

  test('invalid ids answer null or a clear error, never a server error', async () => {
    for (const id of ['', ' ', 'agency:', ':', 'x'.repeat(5000), '%00', '\u0000', 'agency:unodc\n']) {
      const r = await h.gql('query($id: ID!) { entity(id: $id) { id } document(id: $id) { id } }', { id });
      for (const c of codes(r.errors)) expect(c).toBe('BAD_USER_INPUT');
      if (!r.errors) expect(r.data).toEqual({ entity: null, document: null });
    }
  });

  test('CSRF prevention: requests a browser sends without preflight are refused', async () => {
    const url = `${h.server.url}/graphql`;
    const get = await fetch(`${url}?query=${encodeURIComponent('{ stats { entities } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
    const form = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ stats { entities } }' }) });
    expect(form.status).toBe(400);
    const urlenc = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B+stats+%7B+entities+%7D+%7D' });
    expect(urlenc.status).toBe(400);
    // A GET with the preflight-forcing header is a normal query.
    const allowed = await fetch(`${url}?query=${encodeURIComponent('{ stats { entities } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
  });

  test('mutations need the write token', async () => {
    const r = await h.gql('mutation { ingestDocument(text: "نص", file: "x.txt") { outcome } }');
    expect(codes(r.errors)).toEqual([expect.stringMatching(/UNAUTHENTICATED|FORBIDDEN/)]);
  });

  test('request ids: a sane x-request-id is echoed, otherwise one is generated', async () => {
    const mine = await post(JSON.stringify({ query: '{ stats { entities } }' }), { 'x-request-id': 'abc-123' });
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    const bad = await post(JSON.stringify({ query: '{ stats { entities } }' }), { 'x-request-id': 'a b\tc'.repeat(100) });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('after all that, normal queries are still served', async () => {
    const data = ok(await h.gql('{ stats { entities relations } search(text: "الأمم المتحدة", first: 3) { entity { id } } }'));
    expect(data.stats.entities).toBeGreaterThan(0);
  });
});

describe('production switches: introspection, playground, CORS; logs', () => {
  let h: Harness;
  const saved = { ...process.env };
  const lines: Record<string, unknown>[] = [];
  let previous: ReturnType<typeof useLogger>;
  beforeAll(async () => {
    previous = useLogger(pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) }));
    process.env.KG_SLOW_MS = '0'; // every operation counts as slow
    process.env.KG_INTROSPECTION = 'off';
    process.env.KG_PLAYGROUND = 'off';
    process.env.KG_CORS_ORIGINS = 'https://kg.example.org';
    h = await startHarness();
  });
  afterAll(async () => {
    process.env = saved;
    useLogger(previous);
    await h?.close();
  });

  test('the neighbourhood plan warmed at start is logged as such, not as a slow statement', async () => {
    for (let i = 0; i < 200 && !lines.some((l) => l.msg === 'neighbourhood plan warmed at start'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(lines.find((l) => l.msg === 'neighbourhood plan warmed at start')).toMatchObject({ statement: 'api-neighbourhood', ms: expect.any(Number) });
    // KG_SLOW_MS is 0 here: any other statement would be logged as slow.
    expect(lines.filter((l) => l.msg === 'slow Cypher statement' && l.statement === 'api-neighbourhood')).toEqual([]);
  });

  test('one structured log line per request with request id, operation, status and duration; slow operations logged', async () => {
    lines.length = 0;
    const res = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-test-1', authorization: 'Bearer secret-never-logged' },
      body: JSON.stringify({ query: 'query CountThem { stats { entities } }' }),
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50)); // the access line is written on 'finish'
    const access = lines.find((l) => l.msg === 'request' && l.reqId === 'log-test-1');
    expect(access).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operation: 'CountThem', operationType: 'query', ms: expect.any(Number) });
    expect(lines.find((l) => l.msg === 'slow GraphQL operation')).toMatchObject({ reqId: 'log-test-1', operation: 'CountThem', query: expect.stringContaining('CountThem') });
    expect(lines.find((l) => l.msg === 'slow Cypher statement')).toMatchObject({ statement: expect.any(String), ms: expect.any(Number) });
    expect(JSON.stringify(lines)).not.toContain('secret-never-logged');
  });

  test('introspection is refused with INTROSPECTION_DISABLED; __typename still works', async () => {
    const r = await h.gql('{ __schema { types { name } } }');
    expect(codes(r.errors)).toContain('INTROSPECTION_DISABLED');
    const t = await h.gql('{ __type(name: "Query") { name } }');
    expect(codes(t.errors)).toContain('INTROSPECTION_DISABLED');
    expect(ok(await h.gql('{ stats { __typename } }'))).toEqual({ stats: { __typename: 'Stats' } });
  });

  test('the playground is not served', async () => {
    const res = await fetch(`${h.server.url}/playground`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/KG_PLAYGROUND=off/);
  });

  test('CORS answers only the configured origins', async () => {
    const pre = (origin: string) =>
      fetch(`${h.server.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const good = await pre('https://kg.example.org');
    expect(good.headers.get('access-control-allow-origin')).toBe('https://kg.example.org');
    expect(good.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const evil = await pre('https://evil.example.com');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

/** A GraphQL literal for an argument: strings and ids get the injection, other types a valid value. */
function literal(type: GraphQLInputType, value: string, arg?: GraphQLArgument): string {
  if (!isNonNullType(type) && arg && arg.defaultValue !== undefined && !/String|ID/.test(String(getNamedType(type)))) return 'null';
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return `[${literal(t.ofType as GraphQLInputType, value)}]`;
  if (isEnumType(t)) return t.getValues()[0].name;
  if (isInputObjectType(t)) return inputObject(t, value);
  switch ((t as { name: string }).name) {
    case 'String':
    case 'ID':
      return JSON.stringify(value);
    case 'Int':
      return '1';
    case 'Float':
      return '1.0';
    case 'Boolean':
      return 'false';
    default:
      return JSON.stringify(value); // custom scalars (dates...) get the string too
  }
}

function inputObject(t: GraphQLInputObjectType, value: string): string {
  const fields = Object.values(t.getFields()).map((f) => `${f.name}: ${literal(f.type, value)}`);
  return `{ ${fields.join(', ')} }`;
}
