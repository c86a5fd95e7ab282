import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Paragraph', { description: 'A paragraph of an ingested document, with its position in the file.' })
export class Paragraph {
  @Field(() => ID, { description: 'Paragraph id (document id and ordinal).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Number as written in the document (Western digits); null for unnumbered text.' })
  number!: string | null;

  @Field(() => Int, { description: 'Position of the paragraph in the document, from 0.' })
  ordinal!: number;

  @Field(() => String, { description: 'Text of the paragraph: the file text sliced at [start, end).' })
  text!: string;

  @Field(() => Int, { description: 'Start offset in the file (UTF-16 code units).' })
  start!: number;

  @Field(() => Int, { description: 'End offset (exclusive) in the file.' })
  end!: number;
}
