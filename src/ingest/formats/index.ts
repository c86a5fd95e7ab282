/**
 * The read step: a document's bytes -> its text, whatever the format. Plain text passes through
 * untouched (the checks in extract/pipeline refuse bad text); PDF, DOCX and HTML are turned into
 * text here, and that text is what the extractor reads and the graph stores, so mention offsets
 * index into it. The format is recognised from the bytes (a misnamed file is still read right),
 * the extension only tells HTML from text. What cannot be read is refused with a reason.
 */
import * as path from 'path';
import { checkInput, checkSize, type CheckOptions } from '../../extract/pipeline';
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

/** Why a folder ingest passes over this file (by its name alone, before reading it), or null when it is taken. */
export function unreadableByName(file: string): string | null {
  const name = path.basename(file);
  if (EXTENSIONS[path.extname(name).toLowerCase()]) return null;
  return refusal(new Uint8Array(0), name) ?? `${name}: ${path.extname(name) || 'files without an extension'} ${path.extname(name) ? 'files are' : 'are'} not read; give .txt (UTF-8), .pdf, .docx or .html`;
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

export interface DocumentText {
  text: string;
  format: Format;
  pages?: number;
}

/**
 * Bytes -> the checked text the extractor reads: the file's size limit, its format read, then
 * the text checks every document gets (empty, binary, not UTF-8, not Arabic). Throws FormatError.
 */
export async function documentText(bytes: Buffer, file: string, opts: CheckOptions = {}): Promise<DocumentText> {
  const tooLarge = checkSize(bytes.length, file, opts);
  if (tooLarge) throw new FormatError(tooLarge);
  const read = await readDocument(bytes, file);
  const checked = checkInput(read.text === null ? bytes : Buffer.from(read.text, 'utf8'), file, opts);
  if (!checked.ok) throw new FormatError(read.text === null ? checked.error : `${checked.error} (text read from ${read.format.toUpperCase()})`);
  return { text: checked.text, format: read.format, pages: read.pages };
}
