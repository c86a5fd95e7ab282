/**
 * DOCX files zipped here from known text and HTML pages made from it: the text read back equals
 * the source (whitespace aside), and extracting it gives what extracting the .txt gives.
 */
import { extractDocument } from '../../../src/extract/pipeline';
import { documentText, formatOf, readDocument } from '../../../src/ingest/formats';
import { extractionView, mentionsAreSlices } from '../../helpers/compare';
import { SAMPLES, sampleDocx, sampleHtml, sourceText, squash } from '../../helpers/documents';

describe.each(SAMPLES.map((s) => [s.name, s] as const))('%s', (_, sample) => {
  const source = sourceText(sample);
  const fromTxt = extractDocument(source, `${sample.name}.txt`);

  test('DOCX: header, numbered paragraphs, table rows and footnotes come back as the source text', async () => {
    const docx = sampleDocx(sample);
    expect(formatOf(docx, 'x.docx')).toBe('docx');
    const { text } = await documentText(docx, `${sample.name}.docx`);
    expect(squash(text)).toBe(squash(source));
    const doc = extractDocument(text, `${sample.name}.docx`);
    expect(mentionsAreSlices(doc, text)).toBe(true);
    expect(extractionView(doc)).toEqual(extractionView(fromTxt));
  });

  test('DOCX with automatic paragraph numbering (Arabic-Indic "%1-"): the numbers are written out', async () => {
    const { text } = await documentText(sampleDocx(sample, true), `${sample.name}.docx`);
    expect(squash(text)).toBe(squash(source));
  });

  test('HTML: the text a browser shows, title left out when the body has its own header', async () => {
    const html = Buffer.from(sampleHtml(sample));
    const r = await readDocument(html, `${sample.name}.html`);
    expect(r.format).toBe('html');
    // The page shows note references as superscripts "(1)": same characters.
    expect(squash(r.text!)).toBe(squash(`${sample.name}\n\n${source}`));
    const { text } = await documentText(html, `${sample.name}.html`);
    const doc = extractDocument(text.replace(`${sample.name}\n\n`, ''), `${sample.name}.html`);
    expect(extractionView(doc)).toEqual(extractionView(fromTxt));
  });
});

describe('HTML pages as found on the web', () => {
  const page = (body: string) => Buffer.from(`<!DOCTYPE html><html lang="ar"><head><title>الاتجار بالأشخاص</title><script>var x = "<p>لا</p>";</script><style>p{}</style></head><body>${body}</body></html>`);

  test('scripts, styles and navigation are left out; entities decoded; <br> and list items end lines', async () => {
    const r = await readDocument(
      page('<nav><a href="/">الرئيسية</a></nav><article><h1>الاتجار بالأشخاص</h1><p>سطر أول<br>سطر   ثانٍ &amp; &quot;ثالث&quot;</p><ul><li>بند أول</li><li>بند ثانٍ</li></ul></article><footer>حقوق النشر</footer>'),
      'news.htm',
    );
    expect(r.text).toBe('الاتجار بالأشخاص\n\nسطر أول\nسطر ثانٍ & "ثالث"\n\nبند أول\nبند ثانٍ\n');
  });

  test('a page recognised by its content even without the extension', () => {
    expect(formatOf(page('<p>نص</p>'), 'download')).toBe('html');
  });
});

describe('refusals', () => {
  test('old .doc, images, RTF and unknown binaries are refused with what to do', async () => {
    await expect(readDocument(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'old.doc')).rejects.toThrow(/save it as \.docx/);
    await expect(readDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'scan.png')).rejects.toThrow(/needs OCR|run OCR/);
    await expect(readDocument(Buffer.from('{\\rtf1 x}'), 'a.rtf')).rejects.toThrow(/RTF is not read/);
  });

  test('a zip that is not a Word document, and a broken DOCX, are refused', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    await expect(readDocument(Buffer.from(zipSync({ 'a.txt': strToU8('x') })), 'x.docx')).rejects.toThrow(/no word\/document\.xml/);
    await expect(readDocument(Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), 'broken.docx')).rejects.toThrow(/not a readable DOCX/);
  });

  test('text read from a format still gets the text checks (here: not Arabic)', async () => {
    await expect(documentText(Buffer.from('<html><body><p>only English here</p></body></html>'), 'en.html')).rejects.toThrow(/not Arabic .*text read from HTML/);
  });
});
