/**
 * Apollo plugin: tells the access log (./request) which operation ran and which error codes it
 * produced, logs unexpected errors, and logs slow operations (over KG_SLOW_MS) with their query.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';
import { logger, slowMs } from './logger';
import { locals } from './request';

/**
 * The express response of a GraphQL context (set by the server's context function). A symbol
 * property rather than a WeakMap: Apollo copies the context object (Object.assign keeps symbols).
 */
const RESPONSE = Symbol('kg.response');

export function bindResponse<T extends object>(context: T, res: Response): T {
  (context as Record<symbol, unknown>)[RESPONSE] = res;
  return context;
}

function responseOf(context: object): Response | undefined {
  return (context as Record<symbol, Response | undefined>)[RESPONSE];
}

const EXPECTED = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // Refusals by the guards (src/api/guard): the client asked for too much, the server is fine.
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'QUERY_TOO_LARGE',
  'QUERY_TOO_COMPLEX',
  'INTROSPECTION_DISABLED',
  'RESPONSE_TOO_LARGE',
]);

export function observabilityPlugin<T extends object>(threshold = slowMs()): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const res = responseOf(contextValue);
      const l = res ? locals(res) : {};
      return {
        async didResolveOperation({ operationName, operation }) {
          l.operationName = operationName ?? '(anonymous)';
          l.operationType = operation?.operation;
        },
        async didEncounterErrors({ errors }) {
          l.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          for (const e of errors) {
            const code = String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            if (EXPECTED.has(code)) continue;
            logger().error({ reqId: l.requestId, operation: l.operationName, code, err: e.originalError ?? e, path: e.path }, e.message);
          }
        },
        async willSendResponse({ request }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (ms > threshold) {
            logger().warn(
              { reqId: l.requestId, operation: l.operationName, ms: Math.round(ms), thresholdMs: threshold, query: (request.query ?? '').slice(0, 2000) },
              'slow GraphQL operation',
            );
          }
        },
      };
    },
  };
}

/** Called by the API's Db after each Cypher round trip: logs statements slower than KG_SLOW_MS. */
export function observeCypher(name: string, startedNs: bigint, threshold = slowMs()): void {
  const ms = Number(process.hrtime.bigint() - startedNs) / 1e6;
  if (ms > threshold) logger().warn({ statement: name, ms: Math.round(ms), thresholdMs: threshold }, 'slow Cypher statement');
}
