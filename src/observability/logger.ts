/**
 * One structured (JSON lines) logger for the product: pino on stdout. Level from LOG_LEVEL
 * (trace|debug|info|warn|error|fatal|silent); under jest the default is silent so tests stay quiet.
 */
import pino, { Logger } from 'pino';

function defaultLevel(env: NodeJS.ProcessEnv): string {
  if (env.LOG_LEVEL) return env.LOG_LEVEL;
  return env.JEST_WORKER_ID !== undefined || env.NODE_ENV === 'test' ? 'silent' : 'info';
}

let root: Logger | undefined;

export function logger(): Logger {
  root ??= pino({
    level: defaultLevel(process.env),
    base: { service: 'kg' },
    // The write token must never reach a log line.
    redact: ['req.headers.authorization', 'headers.authorization', 'authorization'],
  });
  return root;
}

/** Replaces the logger (tests capture lines with a pino logger writing to memory). Returns the previous one. */
export function useLogger(custom: Logger): Logger {
  const previous = logger();
  root = custom;
  return previous;
}

/** Requests slower than this (ms) are logged at warn level with their query. KG_SLOW_MS, default 1000. */
export function slowMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.KG_SLOW_MS);
  return Number.isFinite(n) && n >= 0 && env.KG_SLOW_MS !== '' && env.KG_SLOW_MS !== undefined ? n : 1000;
}
