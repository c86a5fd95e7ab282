/**
 * HTTP-level guards in front of the GraphQL endpoint: bounded JSON bodies with clear 413/400
 * answers, and CORS limited to the configured origins. (Apollo's CSRF prevention stays on: a
 * request that a browser could send without a preflight is refused by Apollo itself.)
 */
import { timingSafeEqual } from 'crypto';
import express, { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { GuardConfig } from './config';
import { CODES, errorBody, INTERNAL_MESSAGE } from './errors';

const kb = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);

/**
 * Parses JSON bodies up to `maxBodyBytes`; requests carrying the write token (the only ones
 * that may ingest a document) get the larger `maxWriteBodyBytes`.
 */
export function jsonBody(cfg: GuardConfig, isWriter: (req: Request) => boolean): RequestHandler {
  const small = express.json({ limit: cfg.maxBodyBytes });
  const large = express.json({ limit: cfg.maxWriteBodyBytes });
  return (req, res, next) => (isWriter(req) ? large : small)(req, res, next);
}

/** True when the request carries the configured write token (checked again by the mutation itself). */
export function writerRequest(req: Request, token: string | null): boolean {
  if (!token) return false;
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1].trim());
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Bodies up to this size are read and discarded before a 413, so the client sees the answer. */
const DRAIN_MAX = 128 * 1024 * 1024;

/**
 * Answers once the client has finished sending: a client still uploading when the server answers
 * and closes gets a connection reset instead of the 413. Bodies beyond DRAIN_MAX are cut off.
 */
function afterBody(req: Request, answer: () => void): void {
  if (req.complete) return answer();
  if (Number(req.headers['content-length']) > DRAIN_MAX) {
    req.res?.setHeader('Connection', 'close');
    return answer();
  }
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_MAX) req.destroy();
  });
  req.once('end', answer);
  req.resume();
}

interface BodyParserError {
  type?: string;
  status?: number;
  length?: number;
  limit?: number;
  message?: string;
}

/** Turns body-parser failures into GraphQL-shaped answers that say what to send instead. */
export function bodyErrors(cfg: GuardConfig): ErrorRequestHandler {
  return (err: BodyParserError, req, res, next) => {
    switch (err?.type) {
      case 'entity.too.large':
        afterBody(req, () => res.status(413).json(
          errorBody(
            `request body too large (${kb(err.length ?? 0)} > ${kb(err.limit ?? cfg.maxBodyBytes)}): queries may be at most ${kb(cfg.maxBodyBytes)} (KG_MAX_BODY_KB); ` +
              `documents sent to ingestDocument (with the write token) at most ${kb(cfg.maxWriteBodyBytes)} (KG_MAX_FILE_MB)`,
            CODES.payloadTooLarge,
          ),
        ));
        return;
      case 'entity.parse.failed':
        res.status(400).json(
          errorBody(`request body is not valid JSON (${err.message}); send {"query": "...", "variables": {...}} with Content-Type: application/json`, CODES.badRequest),
        );
        return;
      case 'charset.unsupported':
      case 'encoding.unsupported':
        res.status(415).json(errorBody(`${err.message}; send UTF-8 JSON`, CODES.badRequest));
        return;
      default:
        next(err);
    }
  };
}

/**
 * CORS for the configured origins only (KG_CORS_ORIGINS: comma-separated, or `*`). Without
 * configuration no CORS header is sent, so only same-origin pages (our playground) can read answers.
 */
export function cors(cfg: GuardConfig): RequestHandler {
  const any = cfg.corsOrigins.includes('*');
  const allowed = new Set(cfg.corsOrigins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && (any || allowed.has(origin))) {
      res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
      res.vary('Origin');
      res.setHeader('Access-Control-Expose-Headers', 'x-request-id');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization, x-request-id, apollo-require-preflight, x-apollo-operation-name');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    } else if (req.method === 'OPTIONS' && origin) {
      // A preflight from an origin that is not allowed: answer without CORS headers, the browser blocks.
      res.status(204).end();
      return;
    }
    next();
  };
}

const STATUS_MESSAGES: Record<number, string> = { 403: 'forbidden', 404: 'not found', 405: 'method not allowed', 413: 'request body too large' };
const STATUS_CODES: Record<number, string> = { 400: CODES.badRequest, 403: 'FORBIDDEN', 404: CODES.notFound, 405: CODES.badRequest, 413: CODES.payloadTooLarge, 415: CODES.badRequest };

/**
 * The last error handler: whatever failed (a static file, a body that cannot be decoded, a bug),
 * the client gets a status, a code and a generic message, never a stack, a path or a driver's
 * text; 5xx are logged with the request id.
 */
export function errorHandler(log: (err: unknown, req: Request) => void): ErrorRequestHandler {
  return (err: { status?: number; statusCode?: number; expose?: boolean }, req, res, next) => {
    if (res.headersSent) return next(err);
    const raw = Number(err?.status ?? err?.statusCode);
    const status = raw >= 400 && raw < 600 ? raw : 500;
    if (status >= 500) log(err, req);
    const code = status >= 500 ? CODES.internal : (STATUS_CODES[status] ?? CODES.badRequest);
    const hasBody = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
    const message =
      status >= 500
        ? INTERNAL_MESSAGE
        : (STATUS_MESSAGES[status] ??
          (hasBody
            ? `the request body could not be read (HTTP ${status}); send JSON {"query": "...", "variables": {...}} as UTF-8, with no Content-Encoding or a gzip/deflate/br one that decodes`
            : `bad request (HTTP ${status})`));
    res.status(status).json(errorBody(message, code));
  };
}
