/** The extraction stage as ingestion sees it: read the document's text (any format), refuse bad input, then extract. */
import { extractDocument } from '../extract/pipeline';
import type { ExtractedDocument } from '../extract/types';
import { documentText } from './formats';

export interface Extractor {
  /** The file's text (what mention offsets index into); throws with a clear message to refuse the file. */
  check(bytes: Buffer, file: string): string | Promise<string>;
  extract(text: string, file: string): ExtractedDocument;
}

export const pipelineExtractor: Extractor = {
  // PDF, DOCX and HTML are turned into text first (./formats); plain text passes through as before.
  check: async (bytes, file) => (await documentText(bytes, file)).text,
  extract: (text, file) => extractDocument(text, file),
};
