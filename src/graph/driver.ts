/**
 * Connection settings. NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD point the product at any Neo4j
 * (Docker, Aura, a cluster); without NEO4J_URI it uses the local server that scripts/neo4j runs.
 */
import neo4j, { Driver } from 'neo4j-driver';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** True when the product manages its own local server (NEO4J_URI unset). */
  local: boolean;
}

export function neo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const local = !env.NEO4J_URI;
  return {
    uri: env.NEO4J_URI || `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT || '7687'}`,
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD || 'neo4j',
    database: env.NEO4J_DATABASE || undefined,
    local,
  };
}

export function createDriver(cfg: Neo4jConfig = neo4jConfig()): Driver {
  return neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    // Fail fast when the database is away instead of hanging a request.
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: true,
  });
}
