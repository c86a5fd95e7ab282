/**
 * The alternative users would pick: @neo4j/graphql (v7) over the same Neo4j data, served by the
 * same Apollo + express stack as ours so that only the GraphQL-to-Cypher layer differs.
 * Type definitions are generated from model/relations.json (never a hand-kept list of types):
 * one `Entity` node type (every entity carries the Entity label) with one field per relation type
 * and direction, named like ours, relationship properties on a shared RelProps type that reads the
 * stored shape of issue 11 (count, confidence, evidence lists), and the @cypher fields
 * `relations` / `neighbours` for what the typed fields cannot express.
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

/** The typed relations, one per (type, from, to), for @cypher statements (types from the model only). */
const TYPES = () => RELATION_TYPES.join('|');

export function neo4jGraphqlTypeDefs(): string {
  const rels = relationFields()
    .map(([field, type, dir]) => `  ${field}: [Entity!]! @relationship(type: "${type}", direction: ${dir}, properties: "RelProps")`)
    .join('\n');
  // Same order as ours (issue 11): count descending, then the other end's name, then id.
  const page = `MATCH (this)-[r:${TYPES()}]-(b:Entity) WITH this, r, b ORDER BY r.count DESC, coalesce(b.name, b.id), b.id LIMIT $first`;
  return `
# The stored typed relationship (issue 11): one per (type, from, to), evidence as parallel lists
# (positions: the sentence is read from its Paragraph, as ours does).
type RelProps @relationshipProperties {
  count: Int
  documents: Int
  confidence: Float
  evDocument: [String!]
  evParagraph: [String!]
  evAt: [Int!]
  evStart: [Int!]
  evEnd: [Int!]
  evText: [String!]
  evConfidence: [Float!]
}

type Evidence {
  text: String
  documentId: String
  paragraph: String
  confidence: Float
}

# A relation seen from one end, as ours returns it. @neo4j/graphql has no field for "all relations
# of any type" with their properties, so the @cypher field Entity.relations returns one map per
# relationship; this @node type (whose label no node carries) lets @neo4j/graphql project that map
# and resolve the nested @cypher fields below from it. The map carries the relationship itself (r),
# so its evidence is read as ours reads it: the stored best entry (evBest) for evidence(first: 1),
# positions sliced from their paragraphs otherwise, and no evidence list copied into every row.
type RelationView @node(labels: ["BenchRelationView"]) {
  type: String!
  direction: String!
  count: Int!
  documents: Int
  confidence: Float
  evidence(first: Int = 3): [Evidence!]!
    @cypher(statement: "WITH this.r AS r UNWIND CASE WHEN $first = 1 AND r.evBest IS NOT NULL THEN [-1] ELSE range(0, size(r.evDocument) - 1)[..$first] END AS i RETURN CASE WHEN i = -1 THEN { text: r.evBest[0], documentId: r.evBest[1], paragraph: r.evBest[2], confidence: r.confidence } ELSE { text: CASE WHEN coalesce(r.evAt[i], -1) < 0 THEN r.evText[i] ELSE COLLECT { MATCH (p:Paragraph {id: r.evDocument[i] + '#' + toString(r.evAt[i])}) RETURN substring(p.text, r.evStart[i], r.evEnd[i] - r.evStart[i]) }[0] END, documentId: r.evDocument[i], paragraph: r.evParagraph[i], confidence: r.evConfidence[i] } END AS ev", columnName: "ev")
  entity: Entity! @cypher(statement: "RETURN this.entity AS e", columnName: "e")
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
  # The generic "all typed relations" fields @neo4j/graphql cannot derive: @cypher escape hatches
  # with the same typed expansion, order and page as ours (relations(first:)).
  relations(first: Int = 1000000): [RelationView!]!
    @cypher(statement: "${page} RETURN { type: type(r), direction: CASE WHEN startNode(r) = this THEN 'OUT' ELSE 'IN' END, count: r.count, documents: r.documents, confidence: r.confidence, r: r, entity: b } AS rel", columnName: "rel")
  neighbours(first: Int = 1000000): [Entity!]!
    @cypher(statement: "${page} RETURN b", columnName: "b")
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
