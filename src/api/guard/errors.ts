/**
 * Error codes a client can switch on (`extensions.code`). Each refusal says which limit was hit
 * and what to do instead.
 */
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isUnavailable } from '../../graph/db';

export const CODES = {
  tooDeep: 'QUERY_TOO_DEEP',
  tooManyAliases: 'TOO_MANY_ALIASES',
  tooManyDirectives: 'TOO_MANY_DIRECTIVES',
  tooLarge: 'QUERY_TOO_LARGE',
  tooComplex: 'QUERY_TOO_COMPLEX',
  introspectionDisabled: 'INTROSPECTION_DISABLED',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  badRequest: 'BAD_REQUEST',
  timeout: 'QUERY_TIMEOUT',
  unavailable: 'SERVICE_UNAVAILABLE',
  responseTooLarge: 'RESPONSE_TOO_LARGE',
  rateLimited: 'RATE_LIMITED',
  badUserInput: 'BAD_USER_INPUT',
  notFound: 'NOT_FOUND',
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

/** Shown instead of an unexpected error's own text (which may quote paths, Cypher or Java). */
export const INTERNAL_MESSAGE = 'internal server error; the server log has the details under the request id (x-request-id response header)';

/** KG_DEBUG_ERRORS=on shows unexpected errors' own messages (development only, never in production). */
export function debugErrors(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['on', 'true', '1', 'yes'].includes((env.KG_DEBUG_ERRORS ?? '').trim().toLowerCase());
}

const GUARD_CODES = new Set<string>(Object.values(CODES));

export function guardError(message: string, code: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** A refusal of the caller's arguments (BAD_USER_INPUT); the message says what to give instead. */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: CODES.badUserInput } });
}

/** The body of an HTTP-level refusal, shaped like a GraphQL response so clients parse one format. */
export function errorBody(message: string, code: string): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code } }] };
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** Neo4j's memory guards (dbms.memory.transaction.*): the query asked for too much at once. */
const MEMORY_CODE = /MemoryPoolOutOfMemoryError|TransactionOutOfMemory|MemoryLimit|OutOfMemory/;

interface DriverLike {
  code?: string;
  message?: string;
}

function driverCause(error: unknown): DriverLike | undefined {
  // GraphQLError wraps the resolver's error in originalError; a service may wrap the driver's in cause.
  let e = (error as { originalError?: unknown })?.originalError as DriverLike | undefined;
  for (let i = 0; e && i < 3; i++) {
    if (typeof e.code === 'string') return e;
    e = (e as { cause?: unknown }).cause as DriverLike | undefined;
  }
  return undefined;
}

/**
 * Rewrites errors that come from the database or the parser into ones that say what happened.
 * Applied after the API's own formatError.
 */
export function formatGuardError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Apollo relabels every validation error GRAPHQL_VALIDATION_FAILED; keep the guard's precise code.
  const own = (error as { originalError?: { extensions?: { code?: unknown } } })?.originalError?.extensions?.code;
  if (typeof own === 'string' && GUARD_CODES.has(own) && formatted.extensions?.code !== own) {
    return { ...formatted, extensions: { ...formatted.extensions, code: own } };
  }
  const cause = driverCause(error);
  if (cause?.code && TIMEOUT_CODES.has(cause.code)) {
    return {
      ...formatted,
      message: 'the query took too long and was stopped (Cypher transaction timeout, KG_QUERY_TIMEOUT_MS); ask for less: smaller first/limit/depth, or narrower filters',
      extensions: { ...formatted.extensions, code: CODES.timeout },
    };
  }
  if (cause?.code && isUnavailable(cause) && formatted.extensions?.code !== CODES.unavailable) {
    return {
      ...formatted,
      message: `Neo4j is not reachable (${cause.message ?? cause.code}); the API retries by itself, try again shortly`,
      extensions: { ...formatted.extensions, code: CODES.unavailable },
    };
  }
  if (cause?.code && MEMORY_CODE.test(cause.code)) {
    return {
      ...formatted,
      message: 'the query needed more database memory than a request may use; ask for less: smaller first/limit, fewer nested lists',
      extensions: { ...formatted.extensions, code: CODES.tooComplex },
    };
  }
  if (cause?.code?.startsWith('Neo.ClientError.')) {
    // e.g. a full-text term Lucene cannot take: the arguments, not the server, are at fault.
    return { ...formatted, message: 'the database could not run this query with these arguments; check them (very long words, unusual characters)', extensions: { ...formatted.extensions, code: CODES.badUserInput } };
  }
  if (cause?.code?.startsWith('Neo.')) {
    return { ...formatted, message: 'the database could not answer this query; try again shortly', extensions: { ...formatted.extensions, code: CODES.unavailable } };
  }
  // graphql-js's own token limit (parse option maxTokens) is reported as a syntax error.
  // (graphql 16 spells it "more that N tokens".)
  const tokens = /contains more tha[nt] (\d+) tokens/.exec(formatted.message);
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && tokens) {
    const n = tokens[1];
    return {
      ...formatted,
      message: `the query is too large: more than ${n} tokens (KG_MAX_TOKENS); split it into smaller queries`,
      extensions: { ...formatted.extensions, code: CODES.tooLarge },
    };
  }
  const code = formatted.extensions?.code;
  if ((code === undefined || code === CODES.internal) && !debugErrors()) {
    // Unexpected: the log has the original (observability plugin); the client gets no internals.
    return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: CODES.internal } };
  }
  return formatted;
}
