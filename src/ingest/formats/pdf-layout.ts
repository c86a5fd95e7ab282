/**
 * Rebuilds reading order from positioned PDF text items (pure): items -> lines (by baseline) ->
 * segments (a line cut at wide gaps) -> regions by recursive XY-cut: first at wide horizontal
 * gaps (paragraphs, table rows, header/body), then at vertical gutters that run through at least
 * two lines on each side (columns, multi-line table cells), read right to left on Arabic pages.
 * Each region's lines are put in logical order (./bidi) and joined; regions are separated by a
 * blank line, so paragraphs stay paragraphs.
 */
import { bidiClass, isRtl, logicalOrder } from './bidi';

export interface TextItem {
  /** The item's text (logical order within the item, as pdf.js gives it). */
  s: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  /** Advance width and font size. */
  w: number;
  h: number;
  /** pdf.js's direction of the item: 'rtl' items have their text in logical order already. */
  dir?: string;
}

interface Line {
  y: number;
  h: number;
  items: TextItem[];
}

interface Segment {
  y: number;
  h: number;
  x0: number;
  x1: number;
  items: TextItem[];
}

/** Arabic presentation forms (what many PDFs map glyphs to) back to the letters they show. */
function unPresent(s: string): string {
  return s.replace(/[\ufb50-\ufdff\ufe70-\ufeff]+/g, (m) => m.normalize('NFKC'));
}

/**
 * Cleans an item: presentation forms undone; a lone diacritic loses the space pdf.js puts before
 * it. A glyph without text ("\0") is dropped, except the second half of a lam-alef ligature that
 * Chromium's PDFs leave unmapped when a diacritic follows (see repairLamAlef).
 */
export function cleanItem(it: TextItem): TextItem | null {
  let s = unPresent(it.s).replace(/\u0000/g, '');
  if (/^\s+[\u064b-\u065f\u0670]+$/.test(s)) s = s.trim();
  if (s === '') return null;
  return { ...it, s };
}

/**
 * Skia (Chromium's PDF writer) maps a lam-alef ligature followed by a diacritic ("لاً") to "ل" plus
 * a zero-width glyph with no text at the ligature's left edge: that glyph is the alef.
 */
export function repairLamAlef(items: TextItem[]): TextItem[] {
  const lams = items.filter((i) => /ل$/.test(unPresent(i.s)) && i.w > 0);
  return items.map((it) => {
    if (it.s !== '\u0000' || it.w > 0.01) return it;
    const lam = lams.find((l) => Math.abs(l.x - it.x) < 0.5 && Math.abs(l.y - it.y) < 0.2 * l.h);
    return lam ? { ...it, s: 'ا' } : it;
  });
}

const MARKS = /^[\u064b-\u065f\u0670\u06d6-\u06ed]+$/;

/**
 * Diacritics drawn as items of their own (zero width, above or below their letter) join the
 * letter they sit on: its item's text gets them at the end, where they belong in logical order.
 */
export function attachMarks(items: TextItem[]): TextItem[] {
  const marks = items.filter((i) => MARKS.test(i.s));
  if (!marks.length) return items;
  const bases = items.filter((i) => !MARKS.test(i.s)).map((i) => ({ ...i }));
  for (const m of marks) {
    let best: TextItem | null = null;
    for (const b of bases) {
      if (m.x < b.x - 0.5 || m.x > b.x + b.w + 0.5 || Math.abs(m.y - b.y) > 1.2 * b.h) continue;
      const d = Math.abs(m.y - b.y);
      const bestD = best ? Math.abs(m.y - best.y) : Infinity;
      if (d < bestD || (d === bestD && b.w < best!.w)) best = b;
    }
    if (best) best.s += m.s;
  }
  return bases;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Groups items into lines: same baseline within 0.45 of the larger font size (superscripts join their line). */
export function groupLines(items: TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= 0.45 * Math.max(last.h, it.h)) {
      last.items.push(it);
      if (it.h > last.h) {
        last.h = it.h;
        last.y = it.y;
      }
    } else lines.push({ y: it.y, h: it.h, items: [it] });
  }
  // By centre: a zero-width diacritic drawn over its letter then sits just before it, which
  // right-to-left reading turns into letter-then-mark, the logical order.
  for (const l of lines) l.items.sort((a, b) => a.x + a.w / 2 - (b.x + b.w / 2));
  return lines;
}

/** Cuts a line where the horizontal gap between items exceeds `gap` (columns, table cells). */
function segments(line: Line, gap: number): Segment[] {
  const out: Segment[] = [];
  for (const it of line.items) {
    const last = out[out.length - 1];
    if (last && it.x - last.x1 <= gap) {
      last.items.push(it);
      last.x1 = Math.max(last.x1, it.x + it.w);
    } else out.push({ y: line.y, h: line.h, x0: it.x, x1: it.x + it.w, items: [it] });
  }
  return out;
}

const top = (s: Segment) => s.y + 0.85 * s.h;
const bottom = (s: Segment) => s.y - 0.25 * s.h;

/** Splits segments into bands separated by vertical space larger than `minGap`. */
function horizontalCut(segs: Segment[], minGap: number): Segment[][] {
  const sorted = [...segs].sort((a, b) => top(b) - top(a));
  const bands: Segment[][] = [];
  let low = Infinity;
  for (const s of sorted) {
    if (bands.length && low - top(s) <= minGap) {
      bands[bands.length - 1].push(s);
      low = Math.min(low, bottom(s));
    } else {
      bands.push([s]);
      low = bottom(s);
    }
  }
  return bands;
}

/** Splits segments into columns at vertical gutters at least `minGap` wide, left to right. */
function verticalCut(segs: Segment[], minGap: number): Segment[][] {
  const sorted = [...segs].sort((a, b) => a.x0 - b.x0);
  const cols: Segment[][] = [];
  let right = -Infinity;
  for (const s of sorted) {
    if (cols.length && s.x0 - right < minGap) {
      cols[cols.length - 1].push(s);
      right = Math.max(right, s.x1);
    } else {
      cols.push([s]);
      right = s.x1;
    }
  }
  return cols;
}

/**
 * A column of running text, not a column of table cells or a margin of paragraph numbers: at
 * least two lines, most of them long (12+ characters) and filling most of the column's width.
 */
function textColumn(segs: Segment[]): boolean {
  const lines = groupLines(segs.flatMap((s) => s.items));
  if (lines.length < 2) return false;
  const x0 = Math.min(...segs.map((s) => s.x0));
  const x1 = Math.max(...segs.map((s) => s.x1));
  const full = lines.filter((l) => {
    const chars = l.items.reduce((n, i) => n + i.s.length, 0);
    const w = Math.max(...l.items.map((i) => i.x + i.w)) - Math.min(...l.items.map((i) => i.x));
    return chars >= 12 && w >= 0.7 * (x1 - x0);
  });
  return full.length >= 0.6 * lines.length;
}

interface Metrics {
  /** Font size of body text. */
  em: number;
  /** Vertical space above which a gap separates paragraphs (more than the usual leading). */
  paraGap: number;
  /** Columns found so far (their ids). */
  columns: number;
}

function metrics(lines: Line[], segs: Segment[]): Metrics {
  const em = median(lines.map((l) => l.h)) || 10;
  // Line pitch of running text: from each segment to the next one below it that it overlaps
  // horizontally (so two columns whose lines do not align do not mix their pitches).
  const pitches: number[] = [];
  const byY = [...segs].sort((a, b) => b.y - a.y);
  for (let i = 0; i < byY.length; i++) {
    const a = byY[i];
    const below = byY.slice(i + 1).find((b) => b.y < a.y - 0.5 * em && b.x0 < a.x1 && b.x1 > a.x0);
    if (below) {
      const d = a.y - below.y;
      if (d > 0.8 * em && d < 3 * em) pitches.push(d);
    }
  }
  // The lower quartile: in short paragraphs, pitches across paragraph gaps can be the majority.
  const pitch = pitches.sort((x, y) => x - y)[Math.floor(pitches.length / 4)] || 1.4 * em;
  // Box gap between two lines of a paragraph is pitch - 1.1 em; a paragraph gap is clearly more.
  return { em, paraGap: Math.max(0, pitch - 1.1 * em) + 0.35 * em, columns: 0 };
}

/** A leaf of the XY-cut, with the width of the column it lies in (to tell wrapped lines from short ones). */
interface Region {
  segs: Segment[];
  x0: number;
  x1: number;
  /** Which column (leaf of a vertical cut) the region is in. */
  column: number;
}

const extent = (segs: Segment[]) => ({ x0: Math.min(...segs.map((s) => s.x0)), x1: Math.max(...segs.map((s) => s.x1)) });

/** Orders segments into regions (leaves of the XY-cut); bands cut horizontally keep their column's width. */
function regions(segs: Segment[], m: Metrics, out: Region[], column = { ...extent(segs), column: 0 }): void {
  const bands = horizontalCut(segs, m.paraGap);
  if (bands.length > 1) {
    for (const b of bands) regions(b, m, out, column);
    return;
  }
  const cols = verticalCut(segs, 0.8 * m.em);
  if (cols.length > 1 && cols.every(textColumn)) {
    const rtl = isRtl(segs.flatMap((s) => s.items.map((i) => i.s)).join(''));
    for (const c of rtl ? cols.reverse() : cols) regions(c, m, out, { ...extent(c), column: ++m.columns });
    return;
  }
  out.push({ segs, ...column });
}

/** One line of text from its items (left to right as drawn), spaces put back where a gap shows one. */
function lineText(items: TextItem[], em: number): string {
  const parts: string[] = [];
  const rtl = isRtl(items.map((i) => i.s).join(''));
  // Wide gaps (table cells side by side) become a tab, an item of its own so bidi moves it too.
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const prev = items[i - 1];
    if (prev) {
      const gap = it.x - (prev.x + prev.w);
      const spaced = /\s$/.test(prev.s) || /^\s/.test(it.s);
      if (!spaced && gap > 0.8 * em) parts.push('\t');
      else if (!spaced && gap > 0.2 * Math.min(it.h, prev.h)) parts.push(' ');
    }
    // Items pdf.js read as left to right are in visual order inside (e.g. "،2010"): split them so
    // the bidi step can move their punctuation; Arabic and right-to-left items are logical already.
    if (bidiClass(it.s) === 'R' || it.dir === 'rtl') parts.push(it.s);
    else parts.push(...(it.s.match(/[0-9\u0660-\u0669\u06f0-\u06f9]+|[A-Za-z\u00c0-\u024f]+|[^]/gu) ?? []));
  }
  return logicalOrder(parts, rtl)
    .join('')
    .replace(/ *\t[ \t]*/g, '\t')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(HANGING_NUMBER, '$1 '); // a paragraph number set in the margin is not a table cell
}

/** A paragraph number or bullet followed by the wide gap of a hanging indent. */
const HANGING_NUMBER = /^([(]?[0-9\u0660-\u0669]+[-.)]?|[(]?[a-z\u0623-\u064a][)]|[-•·–])\t/;


/** A line that starts a numbered paragraph or note: "١-", "12.", "(3)". */
const NUMBERED = /^[(]?[0-9\u0660-\u0669]+[-.)]/;

/**
 * A region's text: its lines top to bottom. A line that fills the region's width was wrapped by
 * the layout, so it joins the next with a space: a paragraph comes out as one line, as in a .txt
 * (names that run across a line end stay one name). Short lines (headers, the last line of a
 * paragraph), table rows (wide gaps) and lines before a numbered one keep their line break.
 */
function regionText({ segs, x0, x1 }: Region, m: Metrics): { text: string; open: boolean } {
  const lines = groupLines(segs.flatMap((s) => s.items));
  const texts = lines.map((l) => lineText(l.items, m.em));
  let out = '';
  const full = (i: number) => {
    const l = lines[i];
    const width = Math.max(...l.items.map((it) => it.x + it.w)) - Math.min(...l.items.map((it) => it.x));
    return width >= 0.85 * (x1 - x0) && !texts[i].includes('\t');
  };
  texts.forEach((t, i) => {
    if (t === '') return;
    if (out) out += full(i - 1) && !NUMBERED.test(t) && !t.includes('\t') ? ' ' : '\n';
    out += t;
  });
  return { text: out, open: full(lines.length - 1) };
}

export interface PageText {
  text: string;
  /** The page ends with a full line: its last paragraph may go on at the top of the next page. */
  open: boolean;
}

/** The text of one page in reading order: regions separated by blank lines. */
export function pageLayout(raw: TextItem[]): PageText {
  const items = attachMarks(repairLamAlef(raw).map(cleanItem).filter((i): i is TextItem => i !== null));
  if (!items.length) return { text: '', open: false };
  const lines = groupLines(items);
  const em = median(lines.map((l) => l.h)) || 10;
  const segs = lines.flatMap((l) => segments(l, 0.8 * em));
  const m = metrics(lines, segs);
  const out: Region[] = [];
  regions(segs, m, out);
  // A region whose last line is full continues in the next one (a paragraph across a column break).
  let text = '';
  let open = false;
  let column = -1;
  for (const region of out) {
    const r = regionText(region, m);
    if (r.text === '') continue;
    if (text) text += open && region.column !== column && continues(r.text) ? ' ' : '\n\n';
    text += r.text;
    open = r.open;
    column = region.column;
  }
  return { text, open };
}

export const pageText = (raw: TextItem[]): string => pageLayout(raw).text;

/** Text that may continue the previous block: not a numbered paragraph, not a table row. */
const continues = (t: string) => !NUMBERED.test(t) && !t.split('\n')[0].includes('\t');

/**
 * Running heads and footers (the document symbol, a job number such as "V.12-56789", page
 * numbers): the first or last line of a page that recurs, digits aside, at the same edge of at
 * least half the pages (two at least), or a bare page number, is left out.
 */
export function dropRunningLines(pages: TextItem[][]): TextItem[][] {
  const key = (l: Line | undefined) => (l ? l.items.map((i) => unPresent(i.s)).join('').replace(/[0-9\u0660-\u0669]+/g, '#').replace(/\s+/g, '') : '');
  // The two lines at each edge of a page are candidates; the lines between them are the body,
  // and a line found there too is text that merely happens to start or end pages.
  const body = new Set<string>();
  const edges = pages.map((items) => {
    const lines = groupLines(items.filter((i) => i.s.trim()));
    lines.slice(2, -2).forEach((l) => body.add(key(l)));
    return lines.length <= 4 ? lines : [...lines.slice(0, 2), ...lines.slice(-2)];
  });
  const pagesWith = new Map<string, number>();
  for (const e of edges) for (const k of new Set(e.map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  const bare = /^[-–(]*#[-–)]*$|^(page|صفحة|الصفحة)?#(\/#)?$/i;
  const drop = new Set<TextItem>();
  for (const e of edges) {
    for (const l of e) {
      const k = key(l);
      const recurring = pages.length >= 2 && (pagesWith.get(k) ?? 0) >= Math.max(2, pages.length / 2) && !body.has(k);
      if (k && (recurring || bare.test(k))) l.items.forEach((i) => drop.add(i));
    }
  }
  return pages.map((items) => items.filter((i) => !drop.has(i)));
}

/** Pages joined: blank lines between them, but a paragraph cut by a page break is joined again. */
export function documentText(pages: TextItem[][]): string {
  let text = '';
  let open = false;
  for (const p of dropRunningLines(pages).map(pageLayout)) {
    if (!p.text.trim()) continue;
    if (text) text += open && continues(p.text) ? ' ' : '\n\n';
    text += p.text;
    open = p.open;
  }
  return text;
}
