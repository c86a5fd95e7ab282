/**
 * Per-request observability: a request id (the client's `x-request-id` when it is sane, else a new
 * UUID) echoed in the response header, and one access-log line per request with the GraphQL
 * operation name, status and duration. GraphQL details are filled in by the Apollo plugin
 * (./apollo) through `res.locals`.
 */
import { randomUUID } from 'crypto';
import type { RequestHandler, Response } from 'express';
import { logger } from './logger';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestLocals {
  requestId?: string;
  operationName?: string;
  operationType?: string;
  errorCodes?: string[];
}

export function locals(res: Response): RequestLocals {
  return res.locals as RequestLocals;
}

export function requestLogging(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
    locals(res).requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const l = locals(res);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger().info(
        {
          reqId: id,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          operation: l.operationName,
          operationType: l.operationType,
          errors: l.errorCodes,
        },
        'request',
      );
    });
    next();
  };
}
