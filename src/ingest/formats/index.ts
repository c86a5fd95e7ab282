/**
 * The read step: a document's bytes -> its text, whatever the format. Plain text passes through
 * untouched (the checks in extract/pipeline refuse bad text); PDF, DOCX and HTML are turned into
 * text here, and that text is what the extractor reads and the graph stores, so mention offsets
 * index into it. The format is recognised from the bytes (a misnamed file is still read right),
 * the extension only tells HTML from text. What cannot be read is refused with a reason.
 */
import * as path from 'path';
import { readDocx } from './docx';
import { FormatError } from './errors';
import { readHtml } from './html';
import { readPdf } from './pdf';

export { FormatError } from './errors';
export { closePdfReader } from './pdf';

export type Format = 'text' | 'pdf' | 'docx' | 'html';

/** File extensions a folder ingest picks up, by format. */
export const EXTENSIONS: Record<string, Format> = { '.txt': 'text', '.pdf': 'pdf', '.docx': 'docx', '.html': 'html', '.htm': 'html', '.xhtml': 'html' };

export interface ReadDocument {
  format: Format;
  /** The text, or null for plain text: the bytes are then checked and decoded by the caller as before. */
  text: string | null;
  pages?: number;
}

const starts = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** Formats recognised only to refuse them, with what to do instead. */
function refusal(b: Uint8Array, name: string): string | null {
  const ext = path.extname(name).toLowerCase();
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0]) || ext === '.doc') return `${name}: old binary Word (.doc) files are not read; save it as .docx (Word or LibreOffice) and ingest that`;
  if (starts(b, [0x7b, 0x5c, 0x72, 0x74, 0x66]) || ext === '.rtf') return `${name}: RTF is not read; save it as .docx or PDF`;
  if (starts(b, [0x89, 0x50, 0x4e, 0x47]) || starts(b, [0xff, 0xd8, 0xff]) || /^\.(png|jpe?g|tiff?|gif|bmp|webp)$/.test(ext)) {
    return `${name}: an image has no text to read; run OCR on it first (e.g. \`ocrmypdf -l ara\` after converting it to PDF)`;
  }
  if (ext === '.odt') return `${name}: OpenDocument text is not read; save it as .docx or PDF`;
  return null;
}

export function formatOf(bytes: Uint8Array, file: string): Format | null {
  const ext = path.extname(file).toLowerCase();
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) return ext === '.docx' || ext === '' || ext === '.txt' ? 'docx' : null;
  if (EXTENSIONS[ext] === 'html') return 'html';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return refusal(bytes, file) ? null : 'text';
}

/** Reads a document; throws FormatError with a message saying why and what to do. */
export async function readDocument(bytes: Uint8Array, file: string): Promise<ReadDocument> {
  const name = path.basename(file);
  const format = formatOf(bytes, file);
  if (format === null) {
    throw new FormatError(refusal(bytes, name) ?? `${name}: ${path.extname(name) || 'this'} files are not read; give .txt (UTF-8), .pdf, .docx or .html`);
  }
  switch (format) {
    case 'text':
      return { format, text: null };
    case 'pdf': {
      const r = await readPdf(bytes, name);
      return { format, text: r.text, pages: r.pages };
    }
    case 'docx':
      return { format, text: readDocx(bytes, name).text };
    case 'html':
      return { format, text: readHtml(bytes).text };
  }
}
