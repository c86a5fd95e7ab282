import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { kindClass } from './registry';

@InputType('DocumentMetaInput', { description: 'Metadata of a document to ingest; anything left out is read from the text header.' })
export class DocumentMetaInput {
  @Field(() => String, { nullable: true, description: 'UN document symbol, e.g. A/HRC/32/41.' })
  symbol?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date of the document.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Issuing or receiving body, in English.' })
  body?: string | null;

  @Field(() => String, { nullable: true, description: 'Language of the text (ISO 639-1), default ar.' })
  language?: string | null;
}

@ObjectType('IngestResult', { description: 'What ingesting a document did.' })
export class IngestResult {
  @Field(() => kindClass('Document'), { nullable: true, description: 'The document as now stored.' })
  document!: unknown;

  @Field(() => String, { description: 'Id of the document.' })
  documentId!: string;

  @Field(() => String, { description: 'ingested (new), replaced (same file name or id, new text) or unchanged (same text already stored).' })
  outcome!: string;

  @Field(() => Boolean, { description: 'False when the same text was already ingested (nothing changed).' })
  changed!: boolean;

  @Field(() => Int, { description: 'Number of entities written for this document (0 when unchanged).' })
  entities!: number;

  @Field(() => Int, { description: 'Number of typed relations written for this document (0 when unchanged).' })
  relations!: number;
}

@ObjectType('RemoveResult', { description: 'The document removeDocument took out of the graph.' })
export class RemoveResult {
  @Field(() => String, { description: 'Id of the removed document.' })
  documentId!: string;

  @Field(() => String, { description: 'File name it had been ingested from.' })
  file!: string;
}
