/** Guards of the public endpoint: query limits, HTTP limits, CORS, error codes. */
export { guardConfig, type GuardConfig } from './config';
export { CODES, formatGuardError, guardError } from './errors';
export { queryGuard, costEstimator, checkCost, pageSize, noIntrospectionRule } from './rules';
export { jsonBody, bodyErrors, cors, writerRequest, errorHandler } from './http';
export { ResponseBudget, budgetPlugin, responseCeiling, charge, charged, sizeOf, type Budgeted } from './budget';
export { applyServerLimits, rateLimit } from './connections';
