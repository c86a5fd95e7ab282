/** The extraction stage as ingestion sees it: refuse bad input, then extract (both pure). */
import { checkInput, extractDocument } from '../extract/pipeline';
import type { ExtractedDocument } from '../extract/types';

export interface Extractor {
  /** The file's text (what mention offsets index into); throws with a clear message to refuse the file. */
  check(bytes: Buffer, file: string): string;
  extract(text: string, file: string): ExtractedDocument;
}

export const pipelineExtractor: Extractor = {
  check(bytes, file) {
    const res = checkInput(bytes, file);
    if (!res.ok) throw new Error(res.error);
    return res.text;
  },
  extract: (text, file) => extractDocument(text, file),
};
