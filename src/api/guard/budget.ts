/**
 * The response-size ceiling (KG_MAX_RESPONSE_KB), enforced twice:
 * - while resolving: services charge what they hand to GraphQL (every time, so five aliases of
 *   one page count five times, as they will in the answer); over the budget, the next charge
 *   throws and the answer is replaced by one RESPONSE_TOO_LARGE error (budgetPlugin), so a
 *   request stops growing in memory long before it is serialised;
 * - before sending: the serialised body is measured (responseCeiling), whatever produced it.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { GuardConfig } from './config';
import { CODES, errorBody, guardError } from './errors';

const mb = (n: number): string => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`);

export function tooLargeMessage(limit: number, seen: string): string {
  return `the answer would be too large (${seen} > ${mb(limit)}, KG_MAX_RESPONSE_KB); ask for less: smaller first/limit, fewer fields or aliases, paragraphs of one document at a time`;
}

/** Rough size in memory of a plain value: 2 bytes per string character, 8 per number or slot. */
export function sizeOf(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return 2 * value.length + 2;
  if (typeof value !== 'object') return 8;
  if (depth > 6) return 8; // values here are shallow rows; this only stops cycles
  let n = 8;
  if (Array.isArray(value)) {
    for (const v of value) n += sizeOf(v, depth + 1);
    return n;
  }
  for (const k in value as Record<string, unknown>) n += k.length + sizeOf((value as Record<string, unknown>)[k], depth + 1);
  return n;
}

export class ResponseBudget {
  private used = 0;
  exceeded = false;
  /** One RESPONSE_TOO_LARGE error has been raised already (list fields go quiet after it). */
  reported = false;

  constructor(readonly limit: number) {}

  /** Counts `value` against the ceiling and returns it; throws once the ceiling is passed. */
  charge<T>(value: T): T {
    if (this.exceeded) throw this.error();
    this.used += sizeOf(value);
    if (this.used > this.limit) {
      this.exceeded = true;
      throw this.error();
    }
    return value;
  }

  /** Throws when the ceiling was already passed: nothing more is worth loading for this answer. */
  check(): void {
    if (this.exceeded) throw this.error();
  }

  private error() {
    return guardError(tooLargeMessage(this.limit, `over ${mb(this.used)}`), CODES.responseTooLarge);
  }
}

/** Anything carrying a budget (the API context). */
export interface Budgeted {
  budget?: ResponseBudget;
}

/** Charges a value to the request's budget when there is one (services call this on what they return). */
export function charge<T>(ctx: Budgeted, value: T): T {
  return ctx.budget ? ctx.budget.charge(value) : value;
}

/**
 * Loads only while the budget lasts, then charges what was loaded. Once the budget is spent, a
 * list field answers `empty` instead of throwing: the answer is replaced anyway (budgetPlugin),
 * and thousands of located errors would cost more memory than the data they stand for.
 */
export async function charged<T>(ctx: Budgeted, load: () => Promise<T>, empty?: T): Promise<T> {
  if (ctx.budget?.exceeded && empty !== undefined) return empty;
  ctx.budget?.check();
  const value = await load();
  if (ctx.budget?.exceeded && empty !== undefined) return empty;
  try {
    return charge(ctx, value);
  } catch (err) {
    if (empty !== undefined && ctx.budget?.reported) return empty;
    if (ctx.budget) ctx.budget.reported = true;
    throw err;
  }
}

/** An answer whose budget ran out is replaced by a single RESPONSE_TOO_LARGE error, without partial data. */
export function budgetPlugin<T extends BaseContext & Budgeted>(cfg: GuardConfig): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!contextValue.budget?.exceeded || response.body.kind !== 'single') return;
          response.body.singleResult = {
            errors: [{ message: tooLargeMessage(cfg.maxResponseBytes, 'over the limit'), extensions: { code: CODES.responseTooLarge } }],
          };
          response.http.status = 400;
        },
      };
    },
  };
}

/** The content type Apollo gives every JSON answer. */
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The last check, on the serialised body: nothing larger than the ceiling leaves the server.
 * A POST's JSON answer is then written as is: express's send would copy the string into a
 * Buffer and hash it for an ETag, which no client can use on a POST (conditional requests are
 * GET's); everything else goes through express's send unchanged.
 */
export function responseCeiling(cfg: GuardConfig): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && body.length > cfg.maxResponseBytes / 4 && Buffer.byteLength(body) > cfg.maxResponseBytes) {
        res.status(400).type('application/json');
        return send(JSON.stringify(errorBody(tooLargeMessage(cfg.maxResponseBytes, mb(Buffer.byteLength(body))), CODES.responseTooLarge)));
      }
      if (typeof body === 'string' && req.method === 'POST' && res.getHeader('content-type') === JSON_TYPE && !res.getHeader('transfer-encoding') && res.statusCode !== 204 && res.statusCode !== 205) {
        res.setHeader('Content-Length', String(Buffer.byteLength(body)));
        res.end(body, 'utf8');
        return res;
      }
      return send(body as never);
    };
    next();
  };
}
