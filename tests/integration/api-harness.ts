/**
 * Integration harness for the API tests: the real Neo4j of this jest run with the seeds ingested
 * (graph's ensureSeeded), the real express app on a free port, and a counter of Cypher round trips.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { ensureSeeded, seededDriver, SEEDS_DIR } from '../helpers/seeded';
import { AppDeps, RunningServer, startServer } from '../../src/api/server';
import { withPages } from '../../src/cli/serve';

export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface Harness {
  driver: Driver;
  server: RunningServer;
  /** Cypher round trips since the last reset. */
  roundTrips(): number;
  resetRoundTrips(): void;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

let seeded: Promise<unknown> | undefined;

/** `pages`: also mount the web pages, as `kg serve` does. */
export async function startHarness(deps: Partial<AppDeps> = {}, pages = false): Promise<Harness> {
  const driver = seededDriver();
  seeded ??= ensureSeeded(driver);
  await seeded;
  let trips = 0;
  const api: AppDeps = { driver, ...deps, onQuery: () => trips++ };
  const server = await startServer(pages ? withPages(api) : api, 0, '127.0.0.1');
  return {
    driver,
    server,
    roundTrips: () => trips,
    resetRoundTrips: () => {
      trips = 0;
    },
    async gql(query, variables = {}, headers = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: any; errors?: GqlResult['errors'] };
      return { status: res.status, data: body.data, errors: body.errors };
    },
    async close() {
      await server.close();
      await driver.close();
    },
  };
}

/** The data of a response that must have no errors. */
export function ok<T>(r: GqlResult<T>): T {
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

export function seedText(file: string): string {
  return fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}

export function seedFiles(): string[] {
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}
