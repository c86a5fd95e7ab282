import { Field, Float, ObjectType } from 'type-graphql';
import { Direction, RelationType } from './enums';
import { Entity } from './entity';
import { kindClass } from './registry';

@ObjectType('Relation', {
  description: 'A typed relation between the entity holding the field and another entity, with the evidence that states it.',
})
export class Relation {
  @Field(() => RelationType, { description: 'Relation type (model/relations.json).' })
  type!: string;

  @Field(() => Direction, { description: 'OUT when the holder is the subject, IN when it is the object.' })
  direction!: Direction;

  @Field(() => Entity, { description: 'The entity at the other end.' })
  entity!: unknown;

  @Field(() => String, { nullable: true, description: 'The sentence of the document that states the relation.' })
  evidence!: string | null;

  @Field(() => kindClass('Document'), { nullable: true, description: 'The document stating the relation.' })
  document!: unknown;

  @Field(() => String, { nullable: true, description: 'Id of the document stating the relation.' })
  documentId!: string | null;

  @Field(() => String, { nullable: true, description: 'Paragraph number of the evidence.' })
  paragraph!: string | null;

  @Field(() => Float, { nullable: true, description: 'Extractor confidence between 0 and 1.' })
  confidence!: number | null;
}
