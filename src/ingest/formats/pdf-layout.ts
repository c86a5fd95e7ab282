/**
 * Rebuilds reading order from positioned PDF text items (pure): items -> lines (by baseline) ->
 * segments (a line cut at wide gaps) -> regions by recursive XY-cut: first at wide horizontal
 * gaps (paragraphs, table rows, header/body), then at vertical gutters that run through at least
 * two lines on each side (columns, multi-line table cells), read right to left on Arabic pages.
 * Each region's lines are put in logical order (./bidi) and joined; regions are separated by a
 * blank line, so paragraphs stay paragraphs.
 */
import { isRtl, logicalOrder } from './bidi';

export interface TextItem {
  /** The item's text (logical order within the item, as pdf.js gives it). */
  s: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  /** Advance width and font size. */
  w: number;
  h: number;
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

/** Cleans an item: presentation forms undone; a lone diacritic loses the space pdf.js puts before it. */
export function cleanItem(it: TextItem): TextItem | null {
  let s = unPresent(it.s);
  if (/^\s+[\u064b-\u065f\u0670]+$/.test(s)) s = s.trim();
  if (s === '') return null;
  return { ...it, s };
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

const lineCount = (segs: Segment[]) => new Set(segs.map((s) => Math.round(s.y))).size;

interface Metrics {
  /** Font size of body text. */
  em: number;
  /** Vertical space above which a gap separates paragraphs (more than the usual leading). */
  paraGap: number;
}

function metrics(lines: Line[]): Metrics {
  const em = median(lines.map((l) => l.h)) || 10;
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i - 1].y - lines[i].y;
    if (d > 0.8 * em && d < 3 * em) pitches.push(d);
  }
  const pitch = median(pitches) || 1.4 * em;
  // Box gap between two lines of a paragraph is pitch - 1.1 em; a paragraph gap is clearly more.
  return { em, paraGap: Math.max(0, pitch - 1.1 * em) + 0.35 * em };
}

/** Orders segments into regions (leaves of the XY-cut), each a list of segments. */
function regions(segs: Segment[], m: Metrics, out: Segment[][]): void {
  const bands = horizontalCut(segs, m.paraGap);
  if (bands.length > 1) {
    for (const b of bands) regions(b, m, out);
    return;
  }
  const cols = verticalCut(segs, 0.8 * m.em);
  if (cols.length > 1 && cols.every((c) => lineCount(c) >= 2)) {
    const rtl = isRtl(segs.flatMap((s) => s.items.map((i) => i.s)).join(''));
    for (const c of rtl ? cols.reverse() : cols) regions(c, m, out);
    return;
  }
  out.push(segs);
}

/** One line of text from its items (left to right as drawn), spaces put back where a gap shows one. */
function lineText(items: TextItem[], em: number): string {
  const parts: string[] = [];
  const rtl = isRtl(items.map((i) => i.s).join(''));
  // Wide gaps (table cells side by side) become an item of their own so bidi moves them too.
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const prev = items[i - 1];
    if (prev) {
      const gap = it.x - (prev.x + prev.w);
      const spaced = /\s$/.test(prev.s) || /^\s/.test(it.s);
      if (gap > 0.8 * em) parts.push('  ');
      else if (gap > 0.2 * Math.min(it.h, prev.h) && !spaced) parts.push(' ');
    }
    parts.push(it.s);
  }
  return logicalOrder(parts, rtl).join('').replace(/[ \t]+/g, (m) => (m.length > 1 ? '  ' : ' ')).trim();
}

/** A region's text: its lines top to bottom. */
function regionText(segs: Segment[], m: Metrics): string {
  const lines = groupLines(segs.flatMap((s) => s.items));
  return lines.map((l) => lineText(l.items, m.em)).filter((t) => t !== '').join('\n');
}

/** The text of one page in reading order: regions separated by blank lines. */
export function pageText(raw: TextItem[]): string {
  const items = raw.map(cleanItem).filter((i): i is TextItem => i !== null);
  if (!items.length) return '';
  const lines = groupLines(items);
  const m = metrics(lines);
  const segs = lines.flatMap((l) => segments(l, 0.8 * m.em));
  const out: Segment[][] = [];
  regions(segs, m, out);
  return out.map((r) => regionText(r, m)).filter((t) => t !== '').join('\n\n');
}
