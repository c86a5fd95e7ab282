import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Kind } from './enums';

// simpleResolvers: the fields are plain properties of the service's values, read by graphql-js's
// default resolver; type-graphql's per-field wrapper (an object and a middleware call per field
// and item, ~1,100 of them for a 100-node neighbourhood) would change nothing.
@ObjectType('GraphNode', { simpleResolvers: true, description: 'A node of a subgraph, in the shape drawing libraries (sigma.js, Cytoscape.js, vis-network) take.' })
export class GraphNode {
  @Field(() => ID, { description: 'Entity id.' })
  id!: string;

  @Field(() => String, { description: 'Label to draw (the display name).' })
  label!: string;

  @Field(() => Kind, { description: 'Kind of the entity (for colour or shape).' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Category of the entity.' })
  category!: string | null;
}

@ObjectType('GraphEdge', {
  simpleResolvers: true,
  description:
    'An edge of a subgraph: a typed relation, a co-occurrence or a mention between two nodes of the subgraph, one per (type, pair), with its weight and its best evidence.',
})
export class GraphEdge {
  @Field(() => ID, {
    description: 'Edge id, unique within the subgraph and the same in every answer: its ends and type, `source-TYPE->target`.',
  })
  id!: string;

  @Field(() => ID, { description: 'Id of the source node.' })
  source!: string;

  @Field(() => ID, { description: 'Id of the target node.' })
  target!: string;

  @Field(() => String, { description: 'Edge type: a RelationType value, or CO_OCCURS / MENTIONS when asked for.' })
  type!: string;

  @Field(() => Int, {
    description: 'How strong the edge is: statements of a typed relation (its count), mentions of the entity in the document (MENTIONS), paragraphs naming both (CO_OCCURS).',
  })
  weight!: number;

  @Field(() => String, { nullable: true, description: 'Best evidence sentence of a typed relation (entity.relations gives them all).' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'Document of the best evidence of a typed relation.' })
  document!: string | null;

  @Field(() => String, { nullable: true, description: 'Paragraph number of the best evidence.' })
  paragraph!: string | null;

  @Field(() => Float, { nullable: true, description: 'Best extractor confidence of a typed relation, between 0 and 1.' })
  confidence!: number | null;
}

@ObjectType('Subgraph', { simpleResolvers: true, description: 'Part of the graph: nodes and the edges among them.' })
export class Subgraph {
  @Field(() => [GraphNode], { description: 'Nodes, at most `limit` of them.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'Edges whose two ends are both in `nodes`, at most `edgeLimit` of them.' })
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: 'True when a limit cut the result: more nodes (`limit`) or edges (`edgeLimit`) exist within the requested bounds.' })
  truncated!: boolean;
}
