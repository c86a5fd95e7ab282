/** The one Neo4j door (src/graph/db.ts): integer coercion, the unavailable classification, timeouts. */
import neo4j from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { isUnavailable, readTimeoutMs, withIntegers, writeConfig, writeTimeoutMs } from '../../../src/graph/db';
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../../../src/model';

describe('withIntegers', () => {
  test('whole numbers become INTEGERs, confidence and evConfidence stay FLOATs, at any depth', () => {
    const out = withIntegers({ limit: 20, rows: [{ count: 3, confidence: 1, evConfidence: [1, 0.5, 0], starts: [0, 12] }], ratio: 0.25 }) as never as {
      limit: unknown;
      rows: { count: unknown; confidence: unknown; evConfidence: unknown[]; starts: unknown[] }[];
      ratio: unknown;
    };
    expect(neo4j.isInt(out.limit)).toBe(true);
    expect(neo4j.isInt(out.rows[0].count)).toBe(true);
    expect(out.rows[0].starts.every((s) => neo4j.isInt(s))).toBe(true);
    expect(out.rows[0].confidence).toBe(1);
    expect(out.rows[0].evConfidence).toEqual([1, 0.5, 0]);
    expect(out.ratio).toBe(0.25);
  });
});

describe('isUnavailable', () => {
  const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7687'), { code: 'ServiceUnavailable' });

  test('recognises the driver codes, also wrapped by GraphQL or a service', () => {
    expect(isUnavailable(down)).toBe(true);
    expect(isUnavailable(Object.assign(new Error('x'), { code: 'SessionExpired' }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('x'), { code: 'Neo.TransientError.General.DatabaseUnavailable' }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('x'), { code: 'Neo.ClientError.Security.Unauthorized' }))).toBe(true);
    expect(isUnavailable(new GraphQLError('x', { originalError: down }))).toBe(true);
    expect(isUnavailable(new Error('wrapped', { cause: down }))).toBe(true);
  });

  test('a failed statement or a plain error is not an outage', () => {
    expect(isUnavailable(Object.assign(new Error('x'), { code: 'Neo.ClientError.Statement.SyntaxError' }))).toBe(false);
    expect(isUnavailable(new Error('boom'))).toBe(false);
    expect(isUnavailable(undefined)).toBe(false);
  });
});

describe('timeouts', () => {
  test('reads default to 15 s, writes to 300 s; 0 turns the write timeout off; nonsense is refused', () => {
    expect(readTimeoutMs({})).toBe(15_000);
    expect(writeTimeoutMs({})).toBe(300_000);
    expect(writeTimeoutMs({ KG_WRITE_TIMEOUT_MS: '0' })).toBe(0);
    expect(() => writeTimeoutMs({ KG_WRITE_TIMEOUT_MS: 'soon' })).toThrow(/KG_WRITE_TIMEOUT_MS/);
    expect(() => readTimeoutMs({ KG_QUERY_TIMEOUT_MS: '0' })).toThrow(/KG_QUERY_TIMEOUT_MS/);
  });

  test('write transactions get the configured timeout', () => {
    const saved = process.env.KG_WRITE_TIMEOUT_MS;
    try {
      process.env.KG_WRITE_TIMEOUT_MS = '1234';
      expect(writeConfig()).toEqual({ timeout: 1234 });
      process.env.KG_WRITE_TIMEOUT_MS = '0';
      expect(writeConfig()).toEqual({});
    } finally {
      if (saved === undefined) delete process.env.KG_WRITE_TIMEOUT_MS;
      else process.env.KG_WRITE_TIMEOUT_MS = saved;
    }
  });
});

describe('one door', () => {
  // Sessions, transactions and statements are opened only in src/graph/db.ts, so the coercion,
  // the timeouts and the unavailable classification cannot be bypassed by a new caller.
  const OPENS = /\.(session|executeQuery|executeRead|executeWrite|beginTransaction)\s*\(/;
  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
    });
  }

  test('no product source but the door opens a session or a transaction', () => {
    const root = path.join(packageRoot(), 'src');
    const door = path.join(root, 'graph', 'db.ts');
    const offenders = sources(root).filter((f) => f !== door && OPENS.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
    expect(OPENS.test(fs.readFileSync(door, 'utf8'))).toBe(true);
  });
});
