export { logger, slowMs, useLogger } from './logger';
export { requestLogging, REQUEST_ID_HEADER, locals } from './request';
export { observabilityPlugin, bindResponse, observeCypher } from './apollo';
