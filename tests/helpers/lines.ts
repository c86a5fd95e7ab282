/**
 * Test documents written one paragraph per line: the first line (the title) unnumbered, line i
 * numbered "i", spans in the text `lines.join('\n')` (the shape the extractor gives loaders).
 */
import type { ExtractedDocument } from '../../src/extract/types';

export function lineParagraphs(lines: readonly string[]): ExtractedDocument['paragraphs'] {
  const paragraphs: ExtractedDocument['paragraphs'] = [];
  let at = 0;
  lines.forEach((line, i) => {
    paragraphs.push({ number: i === 0 ? null : String(i), start: at, end: at + line.length });
    at += line.length + 1;
  });
  return paragraphs;
}
