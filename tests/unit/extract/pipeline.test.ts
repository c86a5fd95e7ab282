import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../../src/cli/extract';
import { checkInput, extractDocument } from '../../../src/extract/pipeline';

const ARABIC = 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة يدعم الدول في مكافحة الاتجار بالأشخاص.';

describe('input checks', () => {
  it('accepts Arabic UTF-8 text (and strips a BOM)', () => {
    const r = checkInput(Buffer.from('\uFEFF' + ARABIC, 'utf8'), 'a.txt');
    expect(r).toEqual({ ok: true, text: ARABIC });
  });

  it.each([
    ['empty', Buffer.alloc(0), /empty/],
    ['blank', Buffer.from('  \n\t '), /empty/],
    ['binary', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xd9, 0x85]), /binary/],
    ['invalid UTF-8', Buffer.from([0xd9, 0x85, 0xff, 0xfe, 0x41]), /not valid UTF-8/],
    ['non-Arabic', Buffer.from('The United Nations Office on Drugs and Crime supports States.'), /not Arabic/],
  ])('refuses %s input with a message naming the file and what to do', (_name, buf, re) => {
    const r = checkInput(buf, 'x.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(re);
      expect(r.error).toMatch(/^x\.txt: /);
    }
  });

  it('refuses a 50 MB file under the default limit, and honours a configured limit', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const r = checkInput(big, 'big.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/too large \(50\.0 MB > 20\.0 MB limit\).*KG_MAX_FILE_MB/);
    expect(checkInput(Buffer.from(ARABIC), 'a.txt', { maxBytes: 10 }).ok).toBe(false);
  });
});

describe('extractDocument', () => {
  it('returns the contract shape with exact mentions', () => {
    const d = extractDocument(ARABIC, 'a.txt');
    expect(Object.keys(d).sort()).toEqual(['cooccurrences', 'document', 'entities', 'file', 'paragraphs', 'relations']);
    expect(d.document.language).toBe('ar');
    const e = d.entities.find((x) => x.id === 'agency:unodc')!;
    expect(e).toMatchObject({ type: 'Agency', category: 'UN_ENTITY', acronym: 'UNODC' });
    for (const m of e.mentions) expect(ARABIC.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('kg extract', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-extract-'));
    out = [];
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    jest.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints {"documents", "errors"}, reports bad files and still processes the others (exit 0)', async () => {
    fs.writeFileSync(path.join(dir, 'good.txt'), ARABIC);
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const code = await run(['--json', path.join(dir, 'good.txt'), path.join(dir, 'empty.txt'), path.join(dir, 'missing.txt')]);
    expect(code).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.documents.map((d: { file: string }) => d.file)).toEqual(['good.txt']);
    expect(json.errors.map((e: { file: string }) => e.file)).toEqual(['empty.txt', 'missing.txt']);
    expect(err.join('\n')).toMatch(/empty\.txt: file is empty/);
    expect(err.join('\n')).toMatch(/missing\.txt: file not found/);
  });

  it('exits 1 when every file fails and 2 on a usage error', async () => {
    fs.writeFileSync(path.join(dir, 'en.txt'), 'plain English text only');
    expect(await run(['--json', path.join(dir, 'en.txt')])).toBe(1);
    expect(await run(['--json'])).toBe(2);
    expect(await run(['--bogus', 'x'])).toBe(2);
  });
});
