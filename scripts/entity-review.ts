/**
 * Lists the entities the extractor finds in some files, for a reader to check the graph by hand:
 * every entity (id, type, name, mentions), and flags for what should not be in a graph:
 *  - GENERIC: named by one general word or a head with nothing that identifies it;
 *  - DUP?: two entities of one type, one of them not from the lexicon, whose names share most words (the same thing twice?);
 *  - MERGED?: one id whose mentions carry different dates or places across files.
 *
 *   npm run build && node dist/scripts/entity-review.js seeds/*.txt
 */
import * as fs from 'fs';
import * as path from 'path';
import { normaliseKey, bare } from '../src/extract/arabic';
import { defaultIndex } from '../src/extract/lexicon-index';
import { extractDocument } from '../src/extract/pipeline';
import type { ExtractedEntity } from '../src/extract/types';
import { DESCRIPTIVE, HEADS } from '../src/extract/vocab';

const lexicon = defaultIndex().entries;
const heads = new Set(HEADS.map((h) => h.words.join(' ')));

function words(e: ExtractedEntity): string[] {
  const name = e.aliases.slice().sort((a, b) => b.length - a.length)[0] ?? e.name ?? '';
  return normaliseKey(name).split(' ').filter(Boolean).map(bare);
}

function generic(e: ExtractedEntity): boolean {
  // Lexicon entries are names by construction; the question is about what the patterns made.
  if (e.type === 'Country' || e.type === 'Document' || lexicon.has(e.id)) return false;
  const w = words(e);
  const key = normaliseKey(e.aliases[0] ?? '');
  return w.length <= 1 || heads.has(key) || w.slice(1).every((x) => DESCRIPTIVE.has(x) || DESCRIPTIVE.has('ال' + x));
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node dist/scripts/entity-review.js FILE...');
  process.exit(2);
}
const all: { file: string; e: ExtractedEntity }[] = [];
for (const f of files) {
  const doc = extractDocument(fs.readFileSync(f, 'utf8'), path.basename(f));
  console.log(`\n# ${path.basename(f)}: ${doc.entities.length} entities`);
  for (const e of doc.entities.sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id))) {
    all.push({ file: path.basename(f), e });
    const flag = generic(e) ? 'GENERIC ' : '';
    const props = [e.properties.startDate, e.properties.place].filter(Boolean).join(' ');
    console.log(`${flag}${e.type}\t${e.id}\t${e.aliases.slice(0, 3).join(' | ')}\t${e.mentions.length}${props ? '\t' + props : ''}`);
  }
}

// Same id, different date or place: different events merged?
const byId = new Map<string, { file: string; e: ExtractedEntity }[]>();
for (const x of all) byId.set(x.e.id, [...(byId.get(x.e.id) ?? []), x]);
console.log('\n# checks');
for (const [id, xs] of byId) {
  const when = new Set(xs.map((x) => `${x.e.properties.startDate ?? ''}/${x.e.properties.place ?? ''}`).filter((s) => s !== '/'));
  if (when.size > 1) console.log(`MERGED?\t${id}\t${[...when].join(' ; ')}`);
}
// Names of one type sharing most words in one file: the same thing twice?
for (const f of files.map((x) => path.basename(x))) {
  const es = all.filter((x) => x.file === f && x.e.type !== 'Country' && x.e.type !== 'Document').map((x) => x.e);
  for (let i = 0; i < es.length; i++) {
    for (let j = i + 1; j < es.length; j++) {
      // Lexicon entities are distinct by construction; a pattern entity may repeat one or another pattern entity.
      if (es[i].type !== es[j].type || (lexicon.has(es[i].id) && lexicon.has(es[j].id))) continue;
      const a = new Set(words(es[i]));
      const b = new Set(words(es[j]));
      const common = [...a].filter((w) => b.has(w)).length;
      if (common >= 2 && common / Math.min(a.size, b.size) >= 0.75) console.log(`DUP?\t${f}\t${es[i].id}\t${es[j].id}`);
    }
  }
}
const nonCountry = all.filter((x) => x.e.type !== 'Country' && x.e.type !== 'Document');
const gen = nonCountry.filter((x) => generic(x.e));
console.log(`GENERIC ${gen.length} of ${nonCountry.length} non-country entities (${((100 * gen.length) / Math.max(1, nonCountry.length)).toFixed(1)}%)`);
