import { Field, Int, ObjectType } from 'type-graphql';
import { Entity } from './entity';

@ObjectType('DocumentEntity', { description: 'An entity a document names, with how often and where.' })
export class DocumentEntity {
  @Field(() => Entity, { description: 'The entity.' })
  entity!: unknown;

  @Field(() => Int, { description: 'Number of mentions of the entity in the document.' })
  count!: number;

  @Field(() => [String], { description: 'Numbers of the paragraphs that name it.' })
  paragraphs!: string[];
}
