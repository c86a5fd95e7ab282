import { Field, Float, ObjectType } from 'type-graphql';
import { kindClass } from './registry';

@ObjectType('Evidence', { description: 'One statement of a relation: the sentence of a document (and its paragraph) that states it.' })
export class Evidence {
  @Field(() => String, { nullable: true, description: 'The sentence that states the relation.' })
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the document stating it.' })
  documentId!: string | null;

  @Field(() => kindClass('Document'), { nullable: true, description: 'The document stating it.' })
  document!: unknown;

  @Field(() => String, { nullable: true, description: 'Paragraph number of the sentence.' })
  paragraph!: string | null;

  @Field(() => Float, { nullable: true, description: 'Extractor confidence of this statement, between 0 and 1.' })
  confidence!: number | null;
}
