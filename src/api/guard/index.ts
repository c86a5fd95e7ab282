/** Guards of the public endpoint: query limits, HTTP limits, CORS, error codes. */
export { guardConfig, type GuardConfig } from './config';
export { CODES, formatGuardError, guardError } from './errors';
export { queryGuard, costEstimator, noIntrospectionRule } from './rules';
export { jsonBody, bodyErrors, cors, writerRequest } from './http';
