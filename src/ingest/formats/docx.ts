/**
 * DOCX text: the zip is opened with fflate and its WordprocessingML read with htmlparser2 in XML
 * mode (both small, pure JavaScript, no native code). Paragraphs become lines separated by a blank
 * line; automatic paragraph numbers are written out (from numbering.xml); table rows become lines
 * with their cells separated by a tab; headers come first; footnote and endnote references are
 * written "(n)" and their notes follow the body as "(n) text", in order of reference.
 */
import * as path from 'path';
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { FormatError } from './errors';

const decoder = new TextDecoder('utf-8');

interface Level {
  start: number;
  fmt: string;
  text: string;
}

/** numId -> ilvl -> level format, and numId -> its abstract list (counters are shared per abstract list). */
interface Numbering {
  levels: Map<string, Map<string, Level>>;
  abstractOf: Map<string, string>;
}

function parseXml(xml: string, on: { open?(name: string, attrs: Record<string, string>): void; text?(t: string): void; close?(name: string): void }): void {
  const p = new Parser({ onopentag: on.open, ontext: on.text, onclosetag: on.close }, { xmlMode: true, decodeEntities: true });
  p.write(xml);
  p.end();
}

function readNumbering(xml: string | undefined): Numbering {
  const abstract = new Map<string, Map<string, Level>>();
  const abstractOf = new Map<string, string>();
  if (!xml) return { levels: new Map(), abstractOf };
  let absId = '';
  let lvl: Level | null = null;
  let numId = '';
  parseXml(xml, {
    open(name, a) {
      if (name === 'w:abstractNum') {
        absId = a['w:abstractNumId'];
        abstract.set(absId, new Map());
      } else if (name === 'w:lvl' && absId) {
        lvl = { start: 1, fmt: 'decimal', text: '' };
        abstract.get(absId)!.set(a['w:ilvl'], lvl);
      } else if (lvl && name === 'w:start') lvl.start = Number(a['w:val']) || 1;
      else if (lvl && name === 'w:numFmt') lvl.fmt = a['w:val'];
      else if (lvl && name === 'w:lvlText') lvl.text = a['w:val'] ?? '';
      else if (name === 'w:num') numId = a['w:numId'];
      else if (name === 'w:abstractNumId' && numId) abstractOf.set(numId, a['w:val']);
    },
    close(name) {
      if (name === 'w:lvl') lvl = null;
      else if (name === 'w:abstractNum') absId = '';
      else if (name === 'w:num') numId = '';
    },
  });
  const levels = new Map<string, Map<string, Level>>();
  for (const [num, abs] of abstractOf) levels.set(num, abstract.get(abs) ?? new Map());
  return { levels, abstractOf };
}

const ARABIC_LETTERS = 'أبتثجحخدذرزسشصضطظعغفقكلمنهوي';
const ABJAD = 'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ';

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'hindiNumbers':
    case 'arabicIndic':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
    case 'arabicAlpha':
      return ARABIC_LETTERS[(n - 1) % ARABIC_LETTERS.length];
    case 'arabicAbjad':
      return ABJAD[(n - 1) % ABJAD.length];
    case 'lowerLetter':
      return String.fromCharCode(97 + ((n - 1) % 26));
    case 'upperLetter':
      return String.fromCharCode(65 + ((n - 1) % 26));
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** The text of one WordprocessingML part; `notes` collects note references in order. */
function partText(xml: string, numbering: Numbering, counters: Map<string, number[]>, notes: string[]): string {
  const blocks: string[] = [];
  let para = '';
  let inText = false;
  let numId = '';
  let ilvl = '0';
  let cells: string[] | null = null;
  let rows: string[] = [];
  let cellParas: string[] = [];
  let tableDepth = 0;

  const number = (): string => {
    const levels = numbering.levels.get(numId);
    if (!levels) return '';
    const key = numbering.abstractOf.get(numId) ?? numId;
    const count = counters.get(key) ?? [];
    const lv = Number(ilvl);
    const level = levels.get(ilvl);
    count[lv] = (count[lv] ?? (level?.start ?? 1) - 1) + 1;
    count.length = lv + 1; // deeper levels start again
    counters.set(key, count);
    if (!level || level.fmt === 'bullet' || level.fmt === 'none') return '';
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      return formatNumber(count[i] ?? levels.get(String(i))?.start ?? 1, levels.get(String(i))?.fmt ?? 'decimal');
    }) + ' ';
  };

  parseXml(xml, {
    open(name, a) {
      if (name === 'w:p') {
        para = '';
        numId = '';
        ilvl = '0';
      } else if (name === 'w:numId') numId = a['w:val'];
      else if (name === 'w:ilvl') ilvl = a['w:val'];
      else if (name === 'w:t') inText = true;
      else if (name === 'w:tab') para += '\t';
      else if (name === 'w:br' || name === 'w:cr') para += '\n';
      else if (name === 'w:noBreakHyphen') para += '-';
      else if (name === 'w:footnoteReference' || name === 'w:endnoteReference') {
        notes.push(`${name === 'w:endnoteReference' ? 'e' : 'f'}:${a['w:id']}`);
        para += `(${notes.length})`;
      } else if (name === 'w:tbl') {
        tableDepth++;
        if (tableDepth === 1) rows = [];
      } else if (name === 'w:tr' && tableDepth === 1) cells = [];
      else if (name === 'w:tc' && tableDepth === 1) cellParas = [];
    },
    text(t) {
      if (inText) para += t;
    },
    close(name) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:pPr' && numId && numId !== '0') para = number() + para;
      else if (name === 'w:p') {
        const p = para.replace(/[ \u00a0]+$/g, '');
        if (tableDepth) cellParas.push(p);
        else if (p.trim()) blocks.push(p);
      } else if (name === 'w:tc' && tableDepth === 1) cells?.push(cellParas.filter((p) => p.trim()).join(' '));
      else if (name === 'w:tr' && tableDepth === 1 && cells) {
        rows.push(cells.join('\t'));
        cells = null;
      } else if (name === 'w:tbl') {
        tableDepth--;
        if (tableDepth === 0 && rows.some((r) => r.trim())) blocks.push(rows.join('\n'));
      }
    },
  });
  return blocks.join('\n\n');
}

/** Notes by id from footnotes.xml / endnotes.xml (separators, ids -1 and 0, are skipped). */
function readNotes(xml: string | undefined, tag: string, numbering: Numbering, counters: Map<string, number[]>): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  const re = new RegExp(`<${tag}\\b[^>]*w:id="(-?\\d+)"[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  for (const m of xml.matchAll(re)) {
    if (Number(m[1]) <= 0) continue;
    out.set(m[1], partText(`<r>${m[2]}</r>`, numbering, counters, []).replace(/\s*\n\s*/g, ' ').trim());
  }
  return out;
}

export function readDocx(bytes: Uint8Array, file: string): { text: string } {
  const name = path.basename(file);
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => /^word\/(document|numbering|footnotes|endnotes|header\d*)\.xml$/.test(f.name) });
  } catch (e) {
    throw new FormatError(`${name}: not a readable DOCX (${(e as Error).message}); re-save it from Word or LibreOffice`);
  }
  const str = (p: string) => (parts[p] ? decoder.decode(parts[p]) : undefined);
  const body = str('word/document.xml');
  if (!body) throw new FormatError(`${name}: not a Word document (no word/document.xml in the archive); give a .docx file`);
  const numbering = readNumbering(str('word/numbering.xml'));
  const counters = new Map<string, number[]>();
  const headers = Object.keys(parts)
    .filter((p) => /header\d*\.xml$/.test(p))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0] ?? 0) - Number(/\d+/.exec(b)?.[0] ?? 0))
    .map((p) => partText(str(p)!, numbering, new Map(), []))
    .filter((t, i, all) => t.trim() && all.indexOf(t) === i);
  const refs: string[] = [];
  const main = partText(body, numbering, counters, refs);
  const foot = readNotes(str('word/footnotes.xml'), 'w:footnote', numbering, new Map());
  const end = readNotes(str('word/endnotes.xml'), 'w:endnote', numbering, new Map());
  const notes = refs.map((r, i) => {
    const [kind, id] = r.split(':');
    const t = (kind === 'f' ? foot : end).get(id);
    return t ? `(${i + 1}) ${t}` : '';
  }).filter(Boolean);
  const text = [...headers, main, notes.join('\n')].filter((t) => t.trim()).join('\n\n');
  return { text: text + '\n' };
}
