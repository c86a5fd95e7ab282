/**
 * Errors carry no internals and every refusal code is documented; the response budget, the
 * rate limiter and the page-size rules behave as the README says.
 */
import * as fs from 'fs';
import * as path from 'path';
import { GraphQLError } from 'graphql';
import type { Request, Response } from 'express';
import { CODES, formatGuardError, guardConfig, rateLimit, ResponseBudget, sizeOf } from '../../../src/api/guard';
import { packageRoot } from '../../../src/model';

const wrap = (original: unknown) => ({ originalError: original });
const JAVA = 'Failed to invoke procedure `db.index.fulltext.queryNodes`: Caused by: org.apache.lucene.search.BooleanQuery$TooManyClauses: maxClauseCount is set to 1024 at /var/lib/neo4j/...';

describe('no internals in error messages', () => {
  test('a Neo4j client error (Java text) becomes a generic BAD_USER_INPUT', () => {
    const err = Object.assign(new Error(JAVA), { code: 'Neo.ClientError.Procedure.ProcedureCallFailed' });
    const f = formatGuardError({ message: JAVA, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrap(err));
    expect(f.extensions?.code).toBe(CODES.badUserInput);
    expect(f.message).not.toMatch(/lucene|procedure|\/var\//i);
  });

  test("Neo4j's transaction memory guard becomes QUERY_TOO_COMPLEX with advice", () => {
    const err = Object.assign(new Error('The allocation of an extra 2.0 MiB would use more than the limit 100.0 MiB.'), { code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' });
    const f = formatGuardError({ message: err.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrap(err));
    expect(f.extensions?.code).toBe(CODES.tooComplex);
    expect(f.message).toMatch(/ask for less/);
  });

  test('an unexpected error is masked (message and extensions), unless KG_DEBUG_ERRORS=on', () => {
    const err = new TypeError("Cannot read properties of undefined (reading 'id') at /work/app/dist/src/api/x.js:12");
    const formatted = { message: err.message, path: ['entity'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } };
    const f = formatGuardError(formatted, wrap(err));
    expect(f).toEqual({ message: expect.stringMatching(/internal server error.*request id/), path: ['entity'], extensions: { code: CODES.internal } });
    const saved = process.env.KG_DEBUG_ERRORS;
    process.env.KG_DEBUG_ERRORS = 'on';
    try {
      expect(formatGuardError(formatted, wrap(err)).message).toBe(err.message);
    } finally {
      if (saved === undefined) delete process.env.KG_DEBUG_ERRORS;
      else process.env.KG_DEBUG_ERRORS = saved;
    }
  });

  test('every code the guards answer is listed in the README limits table', () => {
    const readme = fs.readFileSync(path.join(packageRoot(), 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Reliability and security'), readme.indexOf('### Production switches'));
    for (const code of Object.values(CODES)) expect({ code, listed: section.includes(`\`${code}\``) }).toEqual({ code, listed: true });
  });
});

describe('response budget', () => {
  test('sizes follow the strings a value holds', () => {
    expect(sizeOf('ابت')).toBeGreaterThanOrEqual(6);
    expect(sizeOf({ text: 'x'.repeat(1000) })).toBeGreaterThan(2000);
    expect(sizeOf([{ a: 'x'.repeat(100) }, { a: 'x'.repeat(100) }])).toBeGreaterThan(400);
  });

  test('charges add up; past the limit every charge throws RESPONSE_TOO_LARGE', () => {
    const b = new ResponseBudget(10_000);
    const row = { text: 'x'.repeat(1000) };
    for (let i = 0; i < 4; i++) expect(b.charge(row)).toBe(row);
    expect(() => {
      for (let i = 0; i < 10; i++) b.charge(row);
    }).toThrow(GraphQLError);
    expect(b.exceeded).toBe(true);
    try {
      b.charge('tiny');
      throw new Error('no refusal');
    } catch (e) {
      expect((e as GraphQLError).extensions.code).toBe(CODES.responseTooLarge);
      expect((e as GraphQLError).message).toMatch(/KG_MAX_RESPONSE_KB/);
    }
  });
});

describe('rate limit (token bucket per address)', () => {
  function harness(env: Record<string, string>) {
    let now = 1_000_000;
    const mw = rateLimit(guardConfig(env), () => now);
    const call = (ip: string, p = '/graphql') => {
      let status = 200;
      const headers: Record<string, string> = {};
      let passed = false;
      const res = {
        setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = v),
        status(s: number) {
          status = s;
          return this;
        },
        json: () => undefined,
      } as unknown as Response;
      mw({ ip, path: p, socket: {} } as unknown as Request, res, () => (passed = true));
      return { passed, status, retryAfter: headers['retry-after'] };
    };
    return { call, advance: (ms: number) => (now += ms) };
  }

  test('off by default', () => {
    const { call } = harness({});
    for (let i = 0; i < 1000; i++) expect(call('1.2.3.4').passed).toBe(true);
  });

  test('a burst, then the rate; per address; probes exempt', () => {
    const { call, advance } = harness({ KG_RATE_LIMIT: '120', KG_RATE_BURST: '3' });
    expect([1, 2, 3].map(() => call('a').passed)).toEqual([true, true, true]);
    const refused = call('a');
    expect(refused).toMatchObject({ passed: false, status: 429 });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(call('b').passed).toBe(true); // another address has its own bucket
    expect(call('a', '/health').passed).toBe(true);
    advance(500); // 120/min = one every 500 ms
    expect(call('a').passed).toBe(true);
    expect(call('a').passed).toBe(false);
  });
});
