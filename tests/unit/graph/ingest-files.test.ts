import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandPaths } from '../../../src/ingest/files';
import { createProgress, summaryLine } from '../../../src/ingest/progress';

describe('expandPaths', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-files-'));
    await fs.mkdir(path.join(dir, 'sub'));
    for (const f of ['b.txt', 'a.txt', 'notes.md', 'sub/c.TXT']) await fs.writeFile(path.join(dir, f), 'x');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  test('folders give their .txt files (recursively), sorted; named files are kept; missing ones reported', async () => {
    const res = await expandPaths([dir, path.join(dir, 'notes.md'), path.join(dir, 'a.txt'), path.join(dir, 'nope.txt')]);
    expect(res.files.map((f) => path.relative(dir, f))).toEqual(['a.txt', 'b.txt', 'notes.md', path.join('sub', 'c.TXT')]);
    expect(res.missing).toEqual([path.join(dir, 'nope.txt')]);
  });
});

describe('progress', () => {
  function sink(isTTY: boolean) {
    const out: string[] = [];
    const stream = { isTTY, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream;
    return { out, progress: createProgress(stream) };
  }
  const ok = { file: 'a.txt', outcome: 'ingested' as const, documentId: 'document:a', counts: { entities: 2, mentions: 3, relations: 1, cooccurrences: 1, paragraphs: 4 } };
  const bad = { file: 'b.txt', outcome: 'failed' as const, error: 'file is empty' };
  const summary = { files: 2, ingested: 1, unchanged: 0, replaced: 0, failed: [{ file: 'b.txt', error: 'file is empty' }] };

  test('without a terminal: one plain line per file, then the summary and the failures', () => {
    const { out, progress } = sink(false);
    progress.file(ok, 0, 2);
    progress.file(bad, 1, 2);
    progress.done(summary, 1.5);
    expect(out.join('')).toBe(
      '[1/2] ingested a.txt -> document:a (2 entities, 3 mentions, 1 relations, 4 paragraphs)\n' +
        '[2/2] FAILED b.txt: file is empty\n' +
        '2 file(s) in 1.5 s: 1 ingested, 0 replaced, 0 unchanged, 1 failed\n' +
        '  failed: b.txt: file is empty\n',
    );
    expect(out.join('')).not.toMatch(/\r/);
  });

  test('dropped items (e.g. a mention not matching the text) are said', () => {
    const { out, progress } = sink(false);
    progress.file({ ...ok, warnings: ['entity x: mention "y" at 1-2 does not match the text, dropped'] }, 0, 1);
    expect(out.join('')).toMatch(/4 paragraphs; 1 item\(s\) dropped, e\.g\. entity x: mention "y"/);
  });

  test('on a terminal: a bar redrawn in place, failures kept above it', () => {
    const { out, progress } = sink(true);
    progress.file(ok, 0, 2);
    progress.file(bad, 1, 2);
    progress.done(summary, 1);
    const text = out.join('');
    expect(text).toMatch(/\[#{15}\.{15}\] 1\/2 a\.txt/);
    expect(text).toMatch(/\r\x1b\[2KFAILED b\.txt/);
    expect(text).toMatch(/\[#{30}\] 2\/2 b\.txt/);
    expect(text.endsWith(`${summaryLine(summary, 1)}\n  failed: b.txt: file is empty\n`)).toBe(true);
  });
});
