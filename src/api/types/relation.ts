import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Direction, RelationType } from './enums';
import { Entity } from './entity';

@ObjectType('Relation', {
  description:
    'A typed relation between the entity holding the field and another entity: one per (type, pair), with how often the documents state it and the evidence, best first.',
})
export class Relation {
  @Field(() => RelationType, { description: 'Relation type (model/relations.json).' })
  type!: string;

  @Field(() => Direction, { description: 'OUT when the holder is the subject, IN when it is the object.' })
  direction!: Direction;

  @Field(() => Entity, { description: 'The entity at the other end.' })
  entity!: unknown;

  @Field(() => Int, { description: 'Evidence entries: how many times (paragraphs) the documents state this relation.' })
  count!: number;

  @Field(() => Int, { description: 'Distinct documents stating this relation.' })
  documentCount!: number;

  @Field(() => Float, { nullable: true, description: 'Best extractor confidence among the evidence entries, between 0 and 1.' })
  confidence!: number | null;
}
