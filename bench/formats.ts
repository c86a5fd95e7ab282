/**
 * Formats in: text fidelity and speed of the PDF reader on Arabic PDFs printed by headless
 * Chromium (the test documents: one column with header and footnotes, two columns, a table),
 * and pages per second on a long report (the one-column sample's paragraphs repeated), plus
 * DOCX and HTML reading speed. Character error rate = edit distance / source length, after
 * whitespace normalisation. Writes bench/results/formats.md.
 *
 *   npm run build && node dist/bench/formats.js        (needs Chromium: KG_CHROMIUM or /usr/bin/chromium)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { closePdfReader, readDocument } from '../src/ingest/formats';
import { packageRoot } from '../src/model';
import { charErrorRate, launchChromium, printPdf, SAMPLES, sampleDocx, sampleHtml, sourceText, squash, type Sample } from '../tests/helpers/documents';

const now = () => Number(process.hrtime.bigint()) / 1e9;

async function main(): Promise<void> {
  const browser = await launchChromium();
  const lines: string[] = [`# Formats in (${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, Node ${process.versions.node})`, ''];
  lines.push('| sample | format | pages | CER | read time |', '|---|---|---|---|---|');
  for (const s of SAMPLES) {
    const pdf = await printPdf(browser, sampleHtml(s));
    const t0 = now();
    const r = await readDocument(pdf, `${s.name}.pdf`);
    const dt = now() - t0;
    lines.push(`| ${s.name} | pdf | ${r.pages} | ${charErrorRate(squash(r.text!), squash(sourceText(s))).toFixed(4)} | ${(dt * 1000).toFixed(0)} ms |`);
    for (const [fmt, bytes] of [['docx', sampleDocx(s, true)], ['html', Buffer.from(sampleHtml(s))]] as const) {
      const t1 = now();
      const d = await readDocument(bytes, `${s.name}.${fmt}`);
      const want = fmt === 'html' ? `${s.name}\n\n${sourceText(s)}` : sourceText(s);
      lines.push(`| ${s.name} | ${fmt} | - | ${charErrorRate(squash(d.text!), squash(want)).toFixed(4)} | ${((now() - t1) * 1000).toFixed(1)} ms |`);
    }
  }
  // A long report: the one-column sample's body repeated, so the reader's steady speed shows.
  const base = SAMPLES[0];
  const long: Sample = { ...base, blocks: Array.from({ length: 40 }, () => base.blocks).flat() };
  const pdf = await printPdf(browser, sampleHtml(long));
  await browser.close();
  await readDocument(pdf, 'warm-up.pdf'); // worker start and pdf.js load are paid once per process
  const runs = 3;
  let pages = 0;
  const t0 = now();
  let text = '';
  for (let i = 0; i < runs; i++) {
    const r = await readDocument(pdf, 'long.pdf');
    pages += r.pages ?? 0;
    text = r.text!;
  }
  const secs = now() - t0;
  // Exact text, or the edit distance (quadratic: outside the timing).
  const cer = squash(text) === squash(sourceText(long)) ? 0 : charErrorRate(squash(text), squash(sourceText(long)));
  lines.push('', `Long report: ${pages / runs} pages, ${(pdf.length / 1024).toFixed(0)} KB, CER ${cer.toFixed(4)}: **${(pages / secs).toFixed(1)} pages/s** (${runs} runs, one worker, after warm-up).`);
  await closePdfReader();
  const out = lines.join('\n') + '\n';
  process.stdout.write(out);
  const dir = path.join(packageRoot(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'formats.md'), out);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
