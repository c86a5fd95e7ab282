/**
 * The limits that keep a public endpoint usable under hostile queries, from the environment.
 * Every value has a safe default; each env variable is documented in the README
 * ("Reliability and security").
 */
import { readTimeoutMs } from '../../graph/db';

export interface GuardConfig {
  /** Deepest selection nesting (inline fragments do not count). KG_MAX_DEPTH */
  maxDepth: number;
  /** Aliases per operation. KG_MAX_ALIASES */
  maxAliases: number;
  /** Directives per operation. KG_MAX_DIRECTIVES */
  maxDirectives: number;
  /** Lexical tokens per document (checked while parsing). KG_MAX_TOKENS */
  maxTokens: number;
  /** Estimated cost: lists multiply their subtree by `first`/`limit` or by listFactor. KG_MAX_COST */
  maxCost: number;
  /** Assumed length of a list field without a size argument (relations of an entity...). */
  listFactor: number;
  /** Largest JSON body for readers, in bytes. KG_MAX_BODY_KB */
  maxBodyBytes: number;
  /** Largest JSON body for a request carrying the write token (ingestDocument), in bytes. */
  maxWriteBodyBytes: number;
  /** Cypher transaction timeout for API reads, ms. KG_QUERY_TIMEOUT_MS */
  queryTimeoutMs: number;
  /** `__schema`/`__type` allowed. KG_INTROSPECTION=off disables. */
  introspection: boolean;
  /** Playground/explorer pages served. KG_PLAYGROUND=off disables. */
  playground: boolean;
  /** Origins allowed by CORS: [] none (same origin only), ['*'] any. KG_CORS_ORIGINS=a,b */
  corsOrigins: string[];
  /** Grace period for in-flight requests on SIGTERM, ms. KG_SHUTDOWN_GRACE_MS */
  shutdownGraceMs: number;
  /** Largest GraphQL answer, in bytes (estimated while resolving, checked exactly before sending). KG_MAX_RESPONSE_KB */
  maxResponseBytes: number;
  /** Time a client has to send the request headers, ms. KG_HEADERS_TIMEOUT_MS */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request (headers and body), ms. KG_REQUEST_TIMEOUT_MS */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this, ms. KG_KEEPALIVE_TIMEOUT_MS */
  keepAliveTimeoutMs: number;
  /** Open connections at once; more are dropped on arrival. KG_MAX_CONNECTIONS */
  maxConnections: number;
  /** Requests per minute per client address; 0: no rate limit. KG_RATE_LIMIT */
  rateLimitPerMinute: number;
  /** Requests a client may send at once before the rate applies (bucket size). KG_RATE_BURST */
  rateBurst: number;
  /** Express `trust proxy`: behind a reverse proxy, the client address comes from X-Forwarded-For. KG_TRUST_PROXY */
  trustProxy: string | null;
}

function int(env: NodeJS.ProcessEnv, name: string, dflt: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function onOff(env: NodeJS.ProcessEnv, name: string, dflt: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') return dflt;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be "on" or "off", got "${env[name]}"`);
}

/** Megabytes the ingest mutation may carry: the extractor's file limit plus JSON overhead. */
function writeBodyBytes(env: NodeJS.ProcessEnv): number {
  const mb = Number(env.KG_MAX_FILE_MB);
  const fileMb = Number.isFinite(mb) && mb > 0 ? mb : 20;
  // JSON escaping of Arabic text costs nothing (UTF-8 passes through), newlines cost 2x: 10% margin.
  return Math.ceil(fileMb * 1.1 * 1024 * 1024) + 64 * 1024;
}

export function guardConfig(env: NodeJS.ProcessEnv = process.env): GuardConfig {
  return {
    maxDepth: int(env, 'KG_MAX_DEPTH', 10),
    maxAliases: int(env, 'KG_MAX_ALIASES', 30),
    maxDirectives: int(env, 'KG_MAX_DIRECTIVES', 20),
    maxTokens: int(env, 'KG_MAX_TOKENS', 3000),
    maxCost: int(env, 'KG_MAX_COST', 50_000),
    listFactor: 5,
    maxBodyBytes: int(env, 'KG_MAX_BODY_KB', 256) * 1024,
    maxWriteBodyBytes: writeBodyBytes(env),
    queryTimeoutMs: queryTimeoutMs(env),
    introspection: onOff(env, 'KG_INTROSPECTION', true),
    playground: onOff(env, 'KG_PLAYGROUND', true),
    corsOrigins: (env.KG_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    shutdownGraceMs: int(env, 'KG_SHUTDOWN_GRACE_MS', 10_000, 0),
    maxResponseBytes: int(env, 'KG_MAX_RESPONSE_KB', 16 * 1024) * 1024,
    headersTimeoutMs: int(env, 'KG_HEADERS_TIMEOUT_MS', 10_000),
    requestTimeoutMs: int(env, 'KG_REQUEST_TIMEOUT_MS', 60_000),
    keepAliveTimeoutMs: int(env, 'KG_KEEPALIVE_TIMEOUT_MS', 5_000),
    maxConnections: int(env, 'KG_MAX_CONNECTIONS', 512),
    rateLimitPerMinute: int(env, 'KG_RATE_LIMIT', 0, 0),
    rateBurst: int(env, 'KG_RATE_BURST', Math.max(10, Math.ceil(int(env, 'KG_RATE_LIMIT', 0, 0) / 6))),
    trustProxy: (env.KG_TRUST_PROXY ?? '').trim() || null,
  };
}

/** The Cypher transaction timeout for API reads (the door's policy, src/graph/db.ts; read on every call). */
export function queryTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return readTimeoutMs(env);
}
