/**
 * Bad documents, through the CLI (`kg ingest`) and the ingestDocument mutation, against the real
 * Neo4j: empty, blank, binary, invalid UTF-8, 50 MB, non-Arabic. Each file gets its own clear
 * error, the others still run, and the graph is unchanged (node and relationship counts and the
 * set of documents). The 50 MB file is generated in a temp dir at test time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { graphCounts } from '../../src/graph/stats';
import { Harness, startHarness } from './api-harness';
import { spawnKg } from '../helpers/instance';

const TOKEN = 'bad-documents-token';
const ENGLISH = 'The Secretary-General reports on measures to combat trafficking in persons. '.repeat(40);
const ARABIC_LINE = 'تقرير الأمين العام عن تنفيذ تدابير التصدي للاتجار بالأشخاص في منظومة الأمم المتحدة.\n';

/** The expected refusal for each file, by name. */
const EXPECTED: Record<string, RegExp> = {
  'empty.txt': /empty\.txt: file is empty/,
  'blank.txt': /blank\.txt: file is empty/,
  'binary.txt': /binary\.txt: file is binary/,
  'cp1256.txt': /cp1256\.txt: file is not valid UTF-8.*iconv/,
  'huge.txt': /huge\.txt: file is too large \(50\.0 MB > 20\.0 MB limit\)/,
  'english.txt': /english\.txt: text is not Arabic/,
};

function writeHuge(file: string, bytes: number): void {
  const chunk = Buffer.from(ARABIC_LINE.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(ARABIC_LINE))), 'utf8');
  const fd = fs.openSync(file, 'w');
  try {
    for (let written = 0; written < bytes; written += chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
  } finally {
    fs.closeSync(fd);
  }
}

describe('bad documents leave the graph unchanged, each with a clear error', () => {
  let h: Harness;
  let dir: string;
  let documentIds: () => Promise<string[]>;

  beforeAll(async () => {
    h = await startHarness({ writeToken: TOKEN });
    documentIds = async () =>
      (await h.driver.executeQuery('MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN d.id AS id ORDER BY id')).records.map((r) => r.get('id') as string);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bad-docs-'));
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'blank.txt'), ' \n\t\n  \r\n');
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    fs.writeFileSync(path.join(dir, 'binary.txt'), binary);
    // Arabic in Windows-1256: common for old UN files, not UTF-8 (0xC7 0xE1 ... are invalid sequences here).
    fs.writeFileSync(path.join(dir, 'cp1256.txt'), Buffer.from([0xc7, 0xe1, 0xc3, 0xe3, 0xe3, 0x20, 0xc7, 0xe1, 0xe3, 0xca, 0xcd, 0xcf, 0xc9, 0x0a].concat(Array(200).fill(0xc7))));
    writeHuge(path.join(dir, 'huge.txt'), 50 * 1024 * 1024);
    fs.writeFileSync(path.join(dir, 'english.txt'), ENGLISH);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('kg ingest: one clear FAILED line per bad file, exit status 1, graph unchanged', async () => {
    const before = { counts: await graphCounts(h.driver), docs: await documentIds() };
    const run = spawnKg(['ingest', dir, path.join(dir, 'missing-folder')], { ...process.env, LOG_LEVEL: 'silent' });
    const { code } = await run.exited;
    const err = run.stderr();
    expect(code).toBe(1);
    for (const [file, re] of Object.entries(EXPECTED)) {
      const line = err.split('\n').find((l) => l.includes(`FAILED`) && l.includes(file));
      expect({ file, line }).toEqual({ file, line: expect.stringMatching(re) });
    }
    expect(err).toMatch(/FAILED .*missing-folder: no such file or folder/);
    expect(err).toMatch(/7 file\(s\) in [\d.]+ s: 0 ingested, 0 replaced, 0 unchanged, 7 failed/);
    expect({ counts: await graphCounts(h.driver), docs: await documentIds() }).toEqual(before);
  }, 180_000);

  test('ingestDocument mutation: each bad text is refused with BAD_USER_INPUT (or 413 for 50 MB), graph unchanged', async () => {
    const before = { counts: await graphCounts(h.driver), docs: await documentIds() };
    const auth = { authorization: `Bearer ${TOKEN}` };
    const mutation = 'mutation($t: String!, $f: String!) { ingestDocument(text: $t, file: $f) { outcome } }';
    const cases: [string, string, RegExp][] = [
      ['empty', '', /text is empty/],
      ['blank', ' \n\t ', /text is empty/],
      ['binary', 'نص\u0000\u0001\u0002 عربي'.repeat(20), /binary/],
      ['english', ENGLISH, /not Arabic/],
      ['mojibake', Buffer.from(ARABIC_LINE.repeat(20), 'utf8').toString('latin1'), /not Arabic/],
    ];
    for (const [name, text, re] of cases) {
      const r = await h.gql(mutation, { t: text, f: `${name}.txt` }, auth);
      expect({ name, code: r.errors?.[0]?.extensions?.code, message: r.errors?.[0]?.message }).toEqual({ name, code: 'BAD_USER_INPUT', message: expect.stringMatching(re) });
    }
    // 50 MB of Arabic: refused at the HTTP layer before parsing, with the limits in the message.
    const huge = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query: mutation, variables: { t: ARABIC_LINE.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(ARABIC_LINE))), f: 'huge.txt' } }),
    });
    expect(huge.status).toBe(413);
    const body = (await huge.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0].message).toMatch(/KG_MAX_FILE_MB/);
    expect({ counts: await graphCounts(h.driver), docs: await documentIds() }).toEqual(before);
    // The server is fine afterwards.
    const ok = await h.gql('{ stats { entities } }');
    expect(ok.errors).toBeUndefined();
  }, 180_000);
});
