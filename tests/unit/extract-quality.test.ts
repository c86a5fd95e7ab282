/**
 * Quality gate: the extractor on the three dev seeds, scored by the shared scorer
 * (../shared/eval/score.py beside the repository). Fails below micro F1 0.90 or any type below 0.80,
 * and when a mention's text is not the exact slice of the file at its offsets.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { extractDocument } from '../../src/extract/pipeline';
import { goldTest, SHARED_DIR } from '../helpers/shared';

const root = path.join(__dirname, '..', '..');
const shared = SHARED_DIR;
const seeds = path.join(root, 'seeds');
const DEV = ['000_4c66652584fb3d6f.txt', '001_58cacbd2eb56dbd6.txt', '003_d5120be0ffe0734c.txt'];

describe('extraction quality on the dev gold', () => {
  const texts = new Map(DEV.map((f) => [f, fs.readFileSync(path.join(seeds, f), 'utf8')]));
  const documents = DEV.map((f) => extractDocument(texts.get(f)!, f));

  it('keeps every mention as the exact text at its UTF-16 offsets', () => {
    let n = 0;
    for (const d of documents) {
      const text = texts.get(d.file)!;
      for (const e of d.entities) {
        for (const m of e.mentions) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(500);
  });

  goldTest('reaches micro F1 >= 0.90 with no type below 0.80 (../shared/eval/score.py)', () => {
    const scorer = path.join(shared, 'eval', 'score.py');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-quality-'));
    const pred = path.join(tmp, 'pred.json');
    fs.writeFileSync(pred, JSON.stringify({ documents }));
    let out: string;
    try {
      out = execFileSync('python3', [scorer, '--gold', path.join(shared, 'gold', 'dev'), '--text', seeds, '--pred', pred, '--min-f1', '0.90'], { encoding: 'utf8' });
    } catch (e) {
      throw new Error(`scorer failed or F1 below 0.90:\n${(e as { stdout?: string }).stdout ?? e}`);
    }
    const micro = /micro F1 ([\d.]+)/.exec(out);
    expect(micro).not.toBeNull();
    expect(Number(micro![1])).toBeGreaterThanOrEqual(0.9);
    for (const line of out.split('\n')) {
      const m = /^(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+\d+\/\d+\/\d+/.exec(line);
      if (m) expect({ type: m[1], f1: Number(m[4]) >= 0.8 }).toEqual({ type: m[1], f1: true });
    }
  });
});
