/**
 * Stage 2: segmentation of the ORIGINAL text into numbered paragraphs, footnotes and sentences.
 * Paragraph numbers are accepted only in sequence (n+1..n+3), which tells them apart from
 * section numbers ("1- التطورات") and table-of-contents ranges. Numbers may be written
 * "١ -", "12-" or, in PDF text with broken right-to-left order, "-١" at the end of a line.
 */
import type { Paragraph } from './types';

export interface Span {
  start: number;
  end: number;
}

export interface Segments {
  paragraphs: Paragraph[];
  sentences: Span[];
  footnotes: Span[];
}

export function toWesternDigits(s: string): string {
  return s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

const D = '[0-9٠-٩۰-۹]';
// "12- text", "١ - text" (number first) or "text -١" / "-١ text" (number after the dash, RTL-broken PDF text).
const PARA = new RegExp(`(?:^|(?<=[\\s.:؛]))(${D}{1,3})\\s?[-–]\\s|(?<=\\s|^)[-–]\\s?(${D}{1,3})(?=[ \\t]*$)`, 'gmu');

export function findParagraphs(text: string): Paragraph[] {
  const marks: { pos: number; n: number }[] = [];
  let last = 0;
  PARA.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARA.exec(text))) {
    const n = Number(toWesternDigits(m[1] ?? m[2]));
    // The first paragraph is 1; later ones follow within a gap of 3 (a missed number does not stop us).
    if (last === 0 ? n === 1 : n > last && n <= last + 3) {
      // In the RTL-broken form the number ends the paragraph's first line: start at that line.
      const pos = m[2] !== undefined ? text.lastIndexOf('\n', m.index) + 1 : m.index;
      if (marks.length && pos <= marks[marks.length - 1].pos) continue;
      marks.push({ pos, n });
      last = n;
    }
  }
  return marks.map((k, i) => ({ number: String(k.n), start: k.pos, end: i + 1 < marks.length ? marks[i + 1].pos : text.length }));
}

/** Footnote lines: "* ...", "(3) ...", after a rule line of ─ or _ characters. */
export function findFootnotes(text: string): Span[] {
  const out: Span[] = [];
  const re = /^[ \t]*(?:\*+|\(\d+\)|[0-9٠-٩]{1,2}\s)[ \t]*(?=\S)[^\n]*$/gmu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // A bare number at line start is a footnote only right after a rule line.
    if (/^[ \t]*[0-9٠-٩]/.test(m[0])) {
      const prev = text.slice(Math.max(0, m.index - 200), m.index);
      if (!/[─_]{5,}[^\n]*\n\s*$/.test(prev)) continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Sentences end at . ! ? ؟ ; ؛ followed by space, or at a blank line or a paragraph start. */
export function findSentences(text: string, paragraphs: Paragraph[]): Span[] {
  const cuts = new Set<number>(paragraphs.map((p) => p.start));
  const re = /[.!?؟؛;](?=["'”»)\]]*\s)|\n\s*\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) cuts.add(m.index + m[0].length);
  const sorted = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const out: Span[] = [];
  let s = 0;
  for (const c of [...sorted, text.length]) {
    let a = s;
    let b = c;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
    s = c;
  }
  return out;
}

export function segment(text: string): Segments {
  const paragraphs = findParagraphs(text);
  return { paragraphs, sentences: findSentences(text, paragraphs), footnotes: findFootnotes(text) };
}

/** Binary search: the span containing `pos`, or -1. */
export function spanAt<T extends Span>(spans: T[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= pos) lo = mid + 1;
    else if (spans[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}
