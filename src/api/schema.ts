/** The GraphQL schema, built once from the type-graphql classes (which follow model/). */
import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { KIND_TYPES } from './types/kinds';
import { KIND_RELATION_RESOLVERS } from './resolvers/kind-relations';
import { EntityResolver } from './resolvers/entity';
import { DocumentResolver } from './resolvers/document';
import { MentionResolver } from './resolvers/mention';
import { RelationResolver } from './resolvers/relation';
import { EvidenceResolver } from './resolvers/evidence';
import { SearchResolver } from './resolvers/search';
import { SubgraphResolver } from './resolvers/subgraph';
import { TimelineResolver } from './resolvers/timeline';
import { StatsResolver } from './resolvers/stats';
import { IngestResolver } from './resolvers/ingest';
import { leanResolvers } from './lean';

let built: Promise<GraphQLSchema> | undefined;

export const RESOLVERS = [
  EntityResolver,
  DocumentResolver,
  MentionResolver,
  RelationResolver,
  EvidenceResolver,
  SearchResolver,
  SubgraphResolver,
  TimelineResolver,
  StatsResolver,
  IngestResolver,
  ...KIND_RELATION_RESOLVERS,
] as unknown as NonEmptyArray<Function>;

export function apiSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    // Every kind type is in the schema even when no query names it directly.
    orphanedTypes: [...KIND_TYPES.values()],
    validate: false,
  }).then(leanResolvers); // per-item fields without type-graphql's per-call wrapper (./lean.ts)
  return built;
}

/** The SDL committed as schema/schema.graphql: sorted so that it only changes when the API does. */
export async function schemaSDL(): Promise<string> {
  return printSchema(lexicographicSortSchema(await apiSchema())) + '\n';
}
