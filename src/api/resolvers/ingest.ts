import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { documentById } from '../services/documents';
import { ingestDocument, IngestResultValue, removeDocument } from '../services/ingest';
import { DocumentMetaInput, IngestResult, RemoveResult } from '../types/ingest';
import { kindClass } from '../types/registry';

@Resolver(() => IngestResult)
export class IngestResolver {
  @Mutation(() => IngestResult, {
    description:
      'Extracts a document and writes it into the graph (one transaction). Needs the header `Authorization: Bearer <KG_WRITE_TOKEN>`. Give either `text` or `content` (a PDF, DOCX or HTML file). The same text again changes nothing; a new text under the same file name replaces the old one.',
  })
  ingestDocument(
    @Arg('text', () => String, { nullable: true, description: 'Full text of the document (a UN document as plain text; Arabic expected). Give this or `content`.' }) text: string | null,
    @Arg('file', () => String, { description: 'File name identifying the document, e.g. "a-hrc-32-41.txt" or "a-hrc-32-41.pdf".' }) file: string,
    @Arg('metadata', () => DocumentMetaInput, { nullable: true, description: 'Header fields that override what is read from the text.' }) metadata: DocumentMetaInput | null,
    @Ctx() ctx: ApiContext,
    @Arg('content', () => String, {
      nullable: true,
      description: 'The document file itself, base64-encoded: PDF, DOCX, HTML or UTF-8 text, recognised from its bytes and `file`. Its text (PDF: in logical reading order) is what is stored and what offsets point into. Give this or `text`.',
    })
    content: string | null,
  ) {
    return ingestDocument(ctx, { text, content, file, metadata: metadata ? { ...metadata } : null });
  }

  @Mutation(() => RemoveResult, {
    description:
      'Takes an ingested document back out of the graph (one transaction, all or nothing): its mentions, relations, co-occurrences and paragraphs go, entities nothing refers to any more are deleted, the others recomputed. Needs the write token. Unknown document: DOCUMENT_NOT_FOUND.',
  })
  removeDocument(
    @Arg('document', () => String, { description: 'Id ("document:a-hrc-32-41") or file name ("a-hrc-32-41.txt") of an ingested document.' }) document: string,
    @Ctx() ctx: ApiContext,
  ) {
    return removeDocument(ctx, document);
  }

  @FieldResolver(() => kindClass('Document'), { nullable: true })
  document(@Root() r: IngestResultValue, @Ctx() ctx: ApiContext) {
    return r.documentId ? documentById(ctx, r.documentId) : null;
  }
}
