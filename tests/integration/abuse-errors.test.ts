/**
 * No internals on the wire: traversal attempts on the static assets, missing assets, bodies that
 * cannot be decoded, variables of the wrong type and database errors all answer a status, a code
 * and a generic message, never a stack trace, an absolute path, Cypher or Java text, and no
 * `X-Powered-By`. Wrong variables are 400 BAD_USER_INPUT and are not logged as server errors.
 */
import * as http from 'http';
import * as zlib from 'zlib';
import pino from 'pino';
import { useLogger } from '../../src/observability';
import { ASSET_PATH } from '../../src/pages/html';
import { Harness, ok, startHarness } from './api-harness';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request sent as is: no URL normalisation (fetch would resolve the `..` itself). */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Raw> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** What must never appear in an answer: stack frames, absolute paths, Java, Neo4j codes, Cypher. */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\n\s*at \S|\bat (Object|Module|Layer|new|async) /],
  ['absolute path', /(^|[\s'"(])\/(work|home|usr|tmp|var|opt|root|srv|app)\/|[A-Za-z]:\\\\/],
  ['node internals', /node:internal|node_modules/],
  ['Java', /\bjava\.|org\.(apache|neo4j)\.|Exception\b/],
  ['Neo4j code', /Neo\.(ClientError|TransientError|DatabaseError)/],
  ['Cypher', /\bMATCH \(|\bUNWIND \$|\bRETURN \w+ AS\b|db\.index\.fulltext/],
];

function expectClean(what: string, r: Raw): void {
  for (const [name, re] of LEAKS) expect({ what, leak: name, found: re.exec(r.body)?.[0] ?? null }).toEqual({ what, leak: name, found: null });
  expect({ what, poweredBy: r.headers['x-powered-by'] ?? null }).toEqual({ what, poweredBy: null });
}

describe('abuse: clean errors', () => {
  let h: Harness;
  const lines: Record<string, unknown>[] = [];
  let previous: ReturnType<typeof useLogger>;
  beforeAll(async () => {
    previous = useLogger(pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) }));
    h = await startHarness({}, true);
  });
  afterAll(async () => {
    useLogger(previous);
    await h?.close();
  });
  const errorLines = () => lines.filter((l) => Number(l.level) >= 50);

  test('traversal attempts and missing files on the static assets: 4xx with a code, no stack, no path', async () => {
    const paths = [
      `/${ASSET_PATH}/../../../etc/passwd`,
      `/${ASSET_PATH}/%2e%2e/%2e%2e/package.json`,
      `/${ASSET_PATH}/%2e%2e%2f%2e%2e%2fpackage.json`,
      `/${ASSET_PATH}/..%5c..%5cpackage.json`,
      `/${ASSET_PATH}/..%2f..%2f..%2fetc%2fpasswd`,
      `/${ASSET_PATH}/%00`,
      `/${ASSET_PATH}/%E0%A4%A`,
      `/${ASSET_PATH}/missing-${Date.now()}.js`,
      `/${ASSET_PATH}/.env`,
      `/${ASSET_PATH}/`,
      '/explore/%2e%2e/%2e%2e/package.json',
      '/graphql/..%2f..%2fpackage.json',
      '/no-such-page',
    ];
    for (const p of paths) {
      const r = await raw(h.server.url, 'GET', p);
      expect({ p, status: r.status >= 400 && r.status < 500 }).toEqual({ p, status: true });
      expectClean(p, r);
      expect(r.body).not.toMatch(/"name"\s*:\s*"un-trafficking-kg"|root:x:0/); // nothing outside the assets is served
    }
    const missing = await raw(h.server.url, 'GET', `/${ASSET_PATH}/missing.js`);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  test('bodies that cannot be decoded (bogus Content-Encoding, broken gzip, unknown charset): 4xx with a code, no stack', async () => {
    const json = JSON.stringify({ query: '{ stats { entities } }' });
    const cases: [string, Record<string, string>, Buffer | string][] = [
      ['bogus encoding', { 'content-encoding': 'bogus' }, json],
      ['gzip header, plain body', { 'content-encoding': 'gzip' }, json],
      ['deflate header, garbage', { 'content-encoding': 'deflate' }, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])],
      ['br header, garbage', { 'content-encoding': 'br' }, Buffer.from('not brotli at all')],
      ['truncated gzip', { 'content-encoding': 'gzip' }, zlib.gzipSync(json).subarray(0, 12)],
      ['two encodings', { 'content-encoding': 'gzip, identity, x-unknown' }, json],
      ['unknown charset', { 'content-type': 'application/json; charset=klingon' }, json],
      ['bad length', { 'content-length': '5' }, json],
    ];
    for (const [what, headers, body] of cases) {
      const r = await raw(h.server.url, 'POST', '/graphql', { 'content-type': 'application/json', ...headers }, body);
      expect({ what, status: r.status >= 400 && r.status < 500 }).toEqual({ what, status: true });
      expectClean(what, r);
      // Node's own parser answers a bare 400 to a request it cannot frame (a wrong Content-Length).
      if (r.body !== '' || what !== 'bad length') {
        expect({ what, code: JSON.parse(r.body || '{}').errors?.[0]?.extensions?.code }).toEqual({ what, code: expect.stringMatching(/^[A-Z_]+$/) });
      }
    }
    // A well-encoded gzip body is fine.
    const gz = await raw(h.server.url, 'POST', '/graphql', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, zlib.gzipSync(json));
    expect(gz.status).toBe(200);
    expect(JSON.parse(gz.body).data.stats.entities).toBeGreaterThan(0);
  });

  test('variables of the wrong type: 400 BAD_USER_INPUT, not logged as server errors', async () => {
    lines.length = 0;
    const cases: [string, Record<string, unknown>][] = [
      ['query($n: Int!) { entities(first: $n) { totalCount } }', { n: 'abc' }],
      ['query($n: Int!) { entities(first: $n) { totalCount } }', { n: 1.5 }],
      ['query($n: Int!) { entities(first: $n) { totalCount } }', { n: { $gt: 1 } }],
      ['query($n: Int!) { entities(first: $n) { totalCount } }', { n: 2 ** 40 }],
      ['query($n: Int!) { entities(first: $n) { totalCount } }', {}],
      ['query($n: Int!) { entities(first: $n) { totalCount } }', { n: null }],
      ['query($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }', { ids: { a: 1 } }],
      ['query($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }', { ids: [null] }],
      ['query($k: Kind) { entities(kind: $k) { totalCount } }', { k: 'NotAKind' }],
      ['query($f: EntityFilter) { entities(filter: $f) { totalCount } }', { f: { category: 5 } }],
      ['query($f: EntityFilter) { entities(filter: $f) { totalCount } }', { f: 'x' }],
      ['query($f: EntityFilter) { entities(filter: $f) { totalCount } }', { f: { nope: 1 } }],
      ['query($t: String!) { search(text: $t) { score } }', { t: ['a', 'b'] }],
      ['query($d: Boolean!) { neighbourhood(ids: ["agency:unodc"], coOccurrence: $d) { truncated } }', { d: 'yes' }],
    ];
    for (const [query, variables] of cases) {
      const r = await raw(h.server.url, 'POST', '/graphql', { 'content-type': 'application/json' }, JSON.stringify({ query, variables }));
      const body = JSON.parse(r.body);
      expect({ variables, status: r.status, codes: body.errors.map((e: { extensions: { code: string } }) => e.extensions.code) }).toEqual({
        variables,
        status: 400,
        codes: ['BAD_USER_INPUT'],
      });
      expectClean(JSON.stringify(variables), r);
    }
    // Variables sent as a string or a list are refused the same way.
    const str = await raw(h.server.url, 'POST', '/graphql', { 'content-type': 'application/json' }, JSON.stringify({ query: '{ stats { entities } }', variables: 'x' }));
    expect(str.status).toBe(400);
    expectClean('variables as a string', str);
    await new Promise((r) => setTimeout(r, 50));
    expect(errorLines()).toEqual([]);
  });

  test('database errors (a 1,001-letter search word) answer no Java, no Cypher, and a code', async () => {
    for (const t of ['ب'.repeat(1001), 'a'.repeat(1001), `${'x'.repeat(1001)}~`, 'ا'.repeat(5000)]) {
      const r = await raw(h.server.url, 'POST', '/graphql', { 'content-type': 'application/json' }, JSON.stringify({ query: 'query($t: String!) { search(text: $t) { score } }', variables: { t } }));
      expectClean(`search ${t.length}`, r);
      const body = JSON.parse(r.body);
      for (const e of body.errors ?? []) expect(e.extensions.code).toMatch(/^(BAD_USER_INPUT|QUERY_TIMEOUT)$/);
    }
  });

  test('no X-Powered-By on any answer; normal queries still served', async () => {
    for (const p of ['/health', '/ready', '/playground', '/explore', '/graphql?query=%7Bstats%7Bentities%7D%7D']) {
      const r = await raw(h.server.url, 'GET', p);
      expect({ p, poweredBy: r.headers['x-powered-by'] ?? null }).toEqual({ p, poweredBy: null });
    }
    expect(ok(await h.gql('{ stats { entities } }')).stats.entities).toBeGreaterThan(0);
  });
});
