/**
 * The alternative users would pick: @neo4j/graphql (v7) over the same Neo4j data, served by the
 * same Apollo + express stack as ours so that only the GraphQL-to-Cypher layer differs.
 * Type definitions are generated from model/relations.json (never a hand-kept list of types):
 * one `Entity` node type (every entity carries the Entity label) with one field per relation type
 * and direction, named like ours, relationship properties on a shared RelProps type.
 * What it cannot express is noted in BENCHMARKS.md (see OPERATIONS in operations.ts).
 */
import express from 'express';
import * as http from 'http';
import { AddressInfo } from 'net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { RELATIONS, RELATION_TYPES } from '../../src/model';

/** Relation fields of the generated type: [fieldName, relationType, direction]. */
export function relationFields(): [string, string, 'OUT' | 'IN'][] {
  return RELATIONS.flatMap((r) => [
    [r.field, r.type, 'OUT'] as [string, string, 'OUT'],
    [r.inverse, r.type, 'IN'] as [string, string, 'IN'],
  ]);
}

export function neo4jGraphqlTypeDefs(): string {
  const rels = relationFields()
    .map(([field, type, dir]) => `  ${field}: [Entity!]! @relationship(type: "${type}", direction: ${dir}, properties: "RelProps")`)
    .join('\n');
  return `
type RelProps @relationshipProperties {
  evidence: String
  document: String
  paragraph: String
  confidence: Float
}

type Entity @node(labels: ["Entity"])
  @fulltext(indexes: [{ indexName: "entity_names", queryName: "searchEntities", fields: ["searchKey", "name", "nameAr", "nameEn", "acronym"] }]) {
  id: ID!
  kind: String
  name: String
  nameAr: String
  nameEn: String
  acronym: String
  category: String
  searchKey: String
  aliases: [String!]
${rels}
  # The generic "all typed relations" field @neo4j/graphql cannot derive: a @cypher escape hatch,
  # with the same typed expansion, order and page size as ours (relations(first:)).
  neighbours(first: Int = 1000000): [Entity!]!
    @cypher(statement: "MATCH (this)-[r:${RELATION_TYPES.join('|')}]-(b:Entity) WITH r, b ORDER BY type(r), coalesce(b.name, b.id), b.id, r.document, elementId(r) LIMIT $first RETURN b", columnName: "b")
}
`;
}

export async function neo4jGraphqlSchema(driver: Driver) {
  const lib = new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(), driver });
  return lib.getSchema();
}

/** Serves @neo4j/graphql at /graphql on 127.0.0.1:port. */
export async function startNeo4jGraphqlServer(driver: Driver, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const apollo = new ApolloServer({ schema: await neo4jGraphqlSchema(driver) });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '10mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/graphql`,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
