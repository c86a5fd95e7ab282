/**
 * `kg extract [--json] FILE...`: runs the extractor on files, no database needed.
 * --json prints {"documents": [...], "errors": [...]} (the contract in ../shared/design/ontology.md);
 * without it, a short human-readable summary per file. PDF, DOCX and HTML files are read into
 * text first (src/ingest/formats); offsets index into that text, which --text prints. A file that
 * cannot be read or is refused (empty, binary, invalid UTF-8, too large, not Arabic, a scan that
 * needs OCR) is reported on stderr and in "errors";
 * the other files are still processed. Exit code: 0 when at least one file was extracted,
 * 1 when all failed, 2 on a usage error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkSize, extractDocument } from '../extract/pipeline';
import { closePdfReader, documentText } from '../ingest/formats';
import type { ExtractedDocument, ExtractionError } from '../extract/types';

const USAGE = 'usage: kg extract [--json | --text] [--max-mb N] FILE...  (.txt, .pdf, .docx, .html)';

export async function run(args: string[]): Promise<number> {
  let json = false;
  let textOnly = false;
  let printed = 0;
  let maxBytes: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--text') textOnly = true;
    else if (a === '--max-mb') maxBytes = Number(args[++i]) * 1024 * 1024;
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      console.error(`kg extract: unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (!files.length || (maxBytes !== undefined && !(maxBytes > 0))) {
    console.error(USAGE);
    return 2;
  }
  const documents: ExtractedDocument[] = [];
  const errors: ExtractionError[] = [];
  for (const f of files) {
    const name = path.basename(f);
    let buf: Buffer;
    try {
      const st = fs.statSync(f);
      if (st.isDirectory()) throw new Error('is a directory; give the files inside it');
      // Refuse an oversized file before reading it into memory.
      const tooLarge = checkSize(st.size, f, { maxBytes });
      if (tooLarge) {
        errors.push({ file: name, error: tooLarge });
        console.error(`kg extract: ${tooLarge}`);
        continue;
      }
      buf = fs.readFileSync(f);
    } catch (e) {
      const msg = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
      errors.push({ file: name, error: `${f}: ${msg}` });
      console.error(`kg extract: ${f}: ${msg}`);
      continue;
    }
    let text: string;
    try {
      text = (await documentText(buf, f, { maxBytes })).text;
    } catch (e) {
      errors.push({ file: name, error: (e as Error).message });
      console.error(`kg extract: ${(e as Error).message}`);
      continue;
    }
    if (textOnly) {
      process.stdout.write(text);
      printed++;
      continue;
    }
    try {
      documents.push(extractDocument(text, name));
    } catch (e) {
      const msg = `${f}: extraction failed: ${(e as Error).message}`;
      errors.push({ file: name, error: msg });
      console.error(`kg extract: ${msg}`);
    }
  }
  await closePdfReader();
  if (textOnly) return printed > 0 ? 0 : 1;
  if (json) {
    process.stdout.write(JSON.stringify({ documents, errors }) + '\n');
  } else {
    for (const d of documents) {
      const byType = new Map<string, number>();
      for (const e of d.entities) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
      console.log(`${d.file}: ${d.document.symbol ?? '(no symbol)'} ${d.document.date ?? ''} ${d.document.body ?? ''}`.trim());
      console.log(`  ${d.entities.length} entities (${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')}), ${d.relations.length} relations, ${d.paragraphs.length} paragraphs`);
      for (const e of d.entities.slice(0, 8)) console.log(`  - ${e.id}  ${e.name}  (${e.mentions.length}x)`);
      if (d.entities.length > 8) console.log(`  ... (kg extract --json for everything)`);
    }
  }
  return documents.length > 0 ? 0 : 1;
}
