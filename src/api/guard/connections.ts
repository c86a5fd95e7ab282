/**
 * Slow or greedy clients: HTTP timeouts and a connection cap on the Node server, and an optional
 * per-client rate limit (token bucket in memory, per client address).
 */
import type { Server } from 'http';
import type { RequestHandler } from 'express';
import type { GuardConfig } from './config';
import { CODES, errorBody } from './errors';

/**
 * headersTimeout cuts a client that sends its headers byte by byte (slow loris); requestTimeout
 * one that trickles its body; keepAliveTimeout closes idle keep-alive sockets; maxConnections
 * drops connections over the cap on arrival.
 */
export function applyServerLimits(server: Server, cfg: GuardConfig): void {
  server.headersTimeout = cfg.headersTimeoutMs;
  server.requestTimeout = Math.max(cfg.requestTimeoutMs, cfg.headersTimeoutMs);
  server.keepAliveTimeout = cfg.keepAliveTimeoutMs;
  server.maxConnections = cfg.maxConnections;
  // Node checks the two request timeouts on this period: keep it well below the shortest.
  (server as Server & { connectionsCheckingInterval?: number }).connectionsCheckingInterval = Math.min(30_000, Math.max(100, Math.floor(cfg.headersTimeoutMs / 4)));
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Paths never limited: the probes that orchestrators poll. */
const EXEMPT = new Set(['/health', '/ready']);

/**
 * KG_RATE_LIMIT requests per minute per client address (0: off), with bursts up to
 * KG_RATE_BURST. Over the rate: 429 RATE_LIMITED with Retry-After (seconds).
 */
export function rateLimit(cfg: GuardConfig, now: () => number = Date.now): RequestHandler {
  if (cfg.rateLimitPerMinute <= 0) return (_req, _res, next) => next();
  const perMs = cfg.rateLimitPerMinute / 60_000;
  const capacity = cfg.rateBurst;
  const buckets = new Map<string, Bucket>();
  let swept = now();
  return (req, res, next) => {
    if (EXEMPT.has(req.path)) return next();
    const t = now();
    if (t - swept > 60_000 || buckets.size > 100_000) {
      // A bucket that has refilled is the same as no bucket: forget it (bounds the map).
      for (const [k, b] of buckets) if (b.tokens + (t - b.at) * perMs >= capacity) buckets.delete(k);
      swept = t;
    }
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const b = buckets.get(key) ?? { tokens: capacity, at: t };
    b.tokens = Math.min(capacity, b.tokens + (t - b.at) * perMs);
    b.at = t;
    buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return next();
    }
    const retry = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
    res.setHeader('Retry-After', String(retry));
    res.status(429).json(errorBody(`too many requests from this address (KG_RATE_LIMIT=${cfg.rateLimitPerMinute} per minute, bursts of ${capacity}); retry after ${retry} s`, CODES.rateLimited));
  };
}
