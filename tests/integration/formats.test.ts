/**
 * Real files made in the test, through the real read step and a real Neo4j: Arabic PDFs printed
 * by headless Chromium (one column with header and footnotes, two columns, a table), a scan-only
 * PDF, DOCX and HTML. The text recovered equals the source (whitespace aside), extraction equals
 * the .txt version's, and what the graph stores is that text (every paragraph and mention is an
 * exact slice of it). `kg ingest` of a mixed folder counts per format and refuses per file.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { Driver } from 'neo4j-driver';
import { extractDocument } from '../../src/extract/pipeline';
import { wipeGraph } from '../../src/graph/stats';
import { closePdfReader, documentText, readDocument } from '../../src/ingest/formats';
import { extractionView, mentionsAreSlices } from '../helpers/compare';
import { CHROMIUM, SAMPLES, SCAN_HTML, charErrorRate, chromiumAvailable, launchChromium, printPdf, sampleDocx, sampleHtml, sourceText, squash } from '../helpers/documents';
import { ensureSeeded, seededDriver } from '../helpers/seeded';
import { Harness, ok, startHarness } from './api-harness';
import { kgCli } from '../helpers/instance';

jest.setTimeout(300_000);
let KG: string; // the built CLI (tests/helpers/instance kgCli), checked in beforeAll

let browser: Browser;
const pdfs = new Map<string, Buffer>();
let scan: Buffer;

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error(`Chromium not found at ${CHROMIUM}: run the set-up (npm test does: scripts/setup), or apt-get install chromium fonts-noto-core, or set KG_CHROMIUM`);
  browser = await launchChromium();
  for (const s of SAMPLES) pdfs.set(s.name, await printPdf(browser, sampleHtml(s)));
  scan = await printPdf(browser, SCAN_HTML);
  await browser.close();
});

afterAll(() => closePdfReader());

describe.each(SAMPLES.map((s) => [s.name, s] as const))('PDF printed by Chromium: %s', (name, sample) => {
  test('the recovered text is the source text in logical order (whitespace aside)', async () => {
    const r = await readDocument(pdfs.get(name)!, `${name}.pdf`);
    expect(r.format).toBe('pdf');
    expect(charErrorRate(squash(r.text!), squash(sourceText(sample)))).toBe(0);
    expect(squash(r.text!)).toBe(squash(sourceText(sample)));
  });

  test('extraction equals that of the .txt version, mentions are slices of the recovered text', async () => {
    const { text } = await documentText(pdfs.get(name)!, `${name}.pdf`);
    const doc = extractDocument(text, `${name}.pdf`);
    expect(doc.entities.length).toBeGreaterThan(0);
    expect(mentionsAreSlices(doc, text)).toBe(true);
    expect(extractionView(doc)).toEqual(extractionView(extractDocument(sourceText(sample), `${name}.txt`)));
  });
});

test('a PDF of scanned images only is refused: it needs OCR', async () => {
  await expect(documentText(scan, 'scan.pdf')).rejects.toThrow(/no text layer, only scanned images .*needs OCR/);
});

test('a damaged PDF is refused with a reason', async () => {
  const cut = pdfs.get(SAMPLES[0].name)!.subarray(0, 400);
  await expect(documentText(cut, 'cut.pdf')).rejects.toThrow(/cut\.pdf: (not a readable PDF|the PDF contains no text)/);
});

describe('into the graph', () => {
  let driver: Driver;
  let dir: string;

  beforeAll(async () => {
    KG = kgCli();
    driver = seededDriver();
    await ensureSeeded(driver);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-formats-'));
    const [single, columns, table] = SAMPLES;
    fs.writeFileSync(path.join(dir, `${single.name}.pdf`), pdfs.get(single.name)!);
    fs.writeFileSync(path.join(dir, `${columns.name}.docx`), sampleDocx(columns, true));
    fs.writeFileSync(path.join(dir, `${table.name}.html`), sampleHtml(table));
    fs.writeFileSync(path.join(dir, 'plain.txt'), sourceText(single).replace(/CTOC\/COP\/WG\.4\/2013\/4/, 'CTOC/COP/WG.4/2013/9'));
    fs.writeFileSync(path.join(dir, 'scan.pdf'), scan);
    fs.writeFileSync(path.join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  });

  afterAll(async () => {
    await wipeGraph(driver);
    await ensureSeeded(driver);
    await driver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('kg ingest of a mixed folder: per-format counts, a reason per refused file, the batch goes on', async () => {
    const res = spawnSync(process.execPath, [KG, 'ingest', dir], { env: process.env, encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/7 file\(s\) in .* s: 4 ingested, 0 replaced, 0 unchanged, 3 failed/);
    expect(res.stderr).toMatch(/by format: txt 1, pdf 2 \(1 failed\), docx 1, html 1, doc 1 \(all failed\), png 1 \(all failed\)/);
    expect(res.stderr).toMatch(/failed: .*scan\.pdf: .*needs OCR/);
    expect(res.stderr).toMatch(/failed: .*old\.doc: .*save it as \.docx/);
    expect(res.stderr).toMatch(/failed: .*photo\.png: .*OCR/);
    const { records } = await driver.executeQuery('MATCH (d:Document) WHERE d.file IN $files RETURN d.file AS file', {
      files: ['report-single.pdf', 'report-columns.docx', 'report-table.html', 'plain.txt', 'scan.pdf'],
    });
    expect(records.map((r) => r.get('file')).sort()).toEqual(['plain.txt', 'report-columns.docx', 'report-single.pdf', 'report-table.html']);
  });

  test('the graph stores the recovered text: every paragraph and mention of the PDF is a slice of it', async () => {
    const { text } = await documentText(pdfs.get(SAMPLES[0].name)!, 'report-single.pdf');
    const paras = await driver.executeQuery(
      'MATCH (d:Document {file: $file})-[:HAS_PARAGRAPH]->(p:Paragraph) RETURN p.text AS text, p.start AS start, p.end AS end',
      { file: 'report-single.pdf' },
    );
    expect(paras.records.length).toBeGreaterThan(2);
    for (const r of paras.records) expect(text.slice(Number(r.get('start')), Number(r.get('end')))).toBe(r.get('text'));
    const mentions = await driver.executeQuery('MATCH (d:Document {file: $file})-[m:MENTIONS]->() RETURN m.starts AS s, m.ends AS e, m.texts AS t', { file: 'report-single.pdf' });
    expect(mentions.records.length).toBeGreaterThan(3);
    for (const r of mentions.records) {
      const [s, e, t] = [r.get('s'), r.get('e'), r.get('t')] as [unknown[], unknown[], string[]];
      t.forEach((m, i) => expect(text.slice(Number(s[i]), Number(e[i]))).toBe(m));
    }
  });

  describe('the ingestDocument mutation with a file (base64 content)', () => {
    let h: Harness;
    const TOKEN = 'formats-write-token';
    const M = `mutation($c: String, $t: String, $f: String!) { ingestDocument(content: $c, text: $t, file: $f) { documentId outcome entities } }`;
    beforeAll(async () => {
      h = await startHarness({ writeToken: TOKEN });
    });
    afterAll(() => h?.close());
    const auth = { authorization: `Bearer ${TOKEN}` };

    test('a PDF is read and stored like kg ingest stores it; a scan is refused, nothing written', async () => {
      const c = pdfs.get(SAMPLES[1].name)!.toString('base64');
      const r = ok(await h.gql(M, { c, f: 'via-api.pdf' }, auth)).ingestDocument;
      expect(r.outcome).toBe('ingested');
      expect(r.entities).toBeGreaterThan(0);
      const scanned = await h.gql(M, { c: scan.toString('base64'), f: 'via-api-scan.pdf' }, auth);
      expect(scanned.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(scanned.errors?.[0].message).toMatch(/needs OCR/);
      const { records } = await h.driver.executeQuery('MATCH (d:Document {file: $f}) RETURN count(d) AS n', { f: 'via-api-scan.pdf' });
      expect(Number(records[0].get('n'))).toBe(0);
    });

    test('text and content together, or content that is not base64, are refused', async () => {
      const both = await h.gql(M, { c: 'AAAA', t: 'نص', f: 'x.txt' }, auth);
      expect(both.errors?.[0].message).toMatch(/either text .* or content/);
      const bad = await h.gql(M, { c: 'not base64!', f: 'x.pdf' }, auth);
      expect(bad.errors?.[0].message).toMatch(/content is not base64/);
    });
  });
});
