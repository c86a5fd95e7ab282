import { Field, Float, ObjectType } from 'type-graphql';
import { Entity } from './entity';

@ObjectType('SearchHit', { description: 'An entity found by `search`, with its relevance.' })
export class SearchHit {
  @Field(() => Entity, { description: 'The entity found.' })
  entity!: unknown;

  @Field(() => Float, { description: 'Relevance score (higher is better; comparable within one search only).' })
  score!: number;
}
