import { Field, Int, ObjectType } from 'type-graphql';
import { kindClass } from './registry';

@ObjectType('Mention', { description: 'One place where a document names an entity: the exact words and where they are.' })
export class Mention {
  @Field(() => kindClass('Document'), { description: 'The document containing the mention.' })
  document!: unknown;

  @Field(() => String, { description: 'Id of the document containing the mention.' })
  documentId!: string;

  @Field(() => String, { nullable: true, description: 'Paragraph number as written in the document (Western digits); null outside numbered paragraphs.' })
  paragraph!: string | null;

  @Field(() => String, { description: 'Exact text of the mention: equals the file text sliced at [start, end).' })
  text!: string;

  @Field(() => Int, { description: 'Start offset in the document file (UTF-16 code units, as JavaScript string indices).' })
  start!: number;

  @Field(() => Int, { description: 'End offset (exclusive) in the document file.' })
  end!: number;
}
