/** What every resolver receives: the database door, this request's loaders, configuration. */
import type { Driver } from 'neo4j-driver';
import type { ingestText } from '../ingest';
import { Db } from '../graph/db';
import type { ResponseBudget } from './guard/budget';
import { createLoaders, Loaders } from './loaders';

export type IngestTextFn = typeof ingestText;

export interface ApiDeps {
  driver: Driver;
  database?: string;
  /** Batch relationship fields through DataLoaders (default: true unless KG_BATCHING=off). */
  batching?: boolean;
  /** Compile nested relation fields into one statement (src/api/compile; default: true unless KG_COMPILE=off). */
  compile?: boolean;
  /** Token that allows mutations (default: KG_WRITE_TOKEN). Unset: mutations are refused. */
  writeToken?: string | null;
  /** Called once per Cypher round trip (tests and benchmarks count them). */
  onQuery?: (name: string, params: Record<string, unknown>) => void;
  /** Ingestion used by the ingestDocument mutation (default: src/ingest's ingestText). */
  ingestText?: IngestTextFn;
}

export interface ApiConfig {
  batching: boolean;
  compile: boolean;
  writeToken: string | null;
}

export interface ApiContext {
  db: Db;
  loaders: Loaders;
  config: ApiConfig;
  deps: ApiDeps;
  /** The request's Authorization header, if any. */
  authorization: string | null;
  /** The response-size ceiling of this request (set by the HTTP server; absent in direct calls). */
  budget?: ResponseBudget;
}

export function apiConfig(deps: ApiDeps, env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    batching: deps.batching ?? env.KG_BATCHING !== 'off',
    compile: deps.compile ?? env.KG_COMPILE !== 'off',
    writeToken: deps.writeToken !== undefined ? deps.writeToken : env.KG_WRITE_TOKEN || null,
  };
}

/** A fresh context per request: loaders must not share caches across requests. */
export function createContext(deps: ApiDeps, config: ApiConfig, authorization: string | null): ApiContext {
  const db = new Db(deps.driver, { database: deps.database, onQuery: deps.onQuery });
  return { db, loaders: createLoaders(db, config.batching), config, deps, authorization };
}
