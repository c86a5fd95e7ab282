/**
 * The document header of a UN document: the %%% subject line, symbol, date, languages, session,
 * agenda item and title. Works on the text before the first numbered paragraph. The issuing
 * body is found by the matcher (a lexicon entity) and filled in by the pipeline.
 */
import { findDates, readOrdinal } from './dates';
import { normalise, tokenise } from './arabic';
import { toWesternDigits } from './segment';
import { findSymbols } from './symbols';

export interface HeaderInfo {
  subjects: string[];
  symbol: string | null;
  date: string | null;
  originalLanguage: string | null;
  sessionNumber: number | null;
  agendaItem: string | null;
  title: string | null;
  /** End of the header region (start of the first paragraph or of the body text). */
  end: number;
}

const LANG: Record<string, string> = {
  english: 'en', french: 'fr', spanish: 'es', russian: 'ru', chinese: 'zh', arabic: 'ar',
  الانكليزيه: 'en', الانجليزيه: 'en', الانكليزية: 'en', الفرنسيه: 'fr', الاسبانيه: 'es', الروسيه: 'ru', الصينيه: 'zh', العربيه: 'ar',
};

const LETTER: Record<string, string> = { ا: 'a', ب: 'b', ج: 'c', د: 'd', ه: 'e', و: 'f', ز: 'g', ح: 'h' };

export function parseHeader(text: string, firstParagraphStart: number | null): HeaderInfo {
  const end = firstParagraphStart ?? Math.min(text.length, 3000);
  const head = text.slice(0, end);
  const subjects: string[] = [];
  const subj = /^\s*%%%([^\n]*)/.exec(text);
  if (subj) for (const s of subj[1].split('|')) if (s.trim()) subjects.push(s.trim());

  // Symbol: the first symbol of the header that is not in a footnote line ("* CTOC/COP/2012/1." cites the agenda).
  let symbol: string | null = null;
  for (const m of findSymbols(head)) {
    const lineStart = head.lastIndexOf('\n', m.start) + 1;
    if (/^\s*\*/.test(head.slice(lineStart, m.start))) continue;
    symbol = m.symbol;
    break;
  }

  const nh = normalise(head.slice(0, 1500));
  const dates = findDates(nh.text);
  const date = dates.find((d) => /^\d{4}-\d\d-\d\d$/.test(d.startDate))?.startDate ?? null;

  let originalLanguage: string | null = null;
  const orig = /(?:original|الاصل)\s*:\s*([\p{L}]+)/u.exec(nh.text);
  if (orig) originalLanguage = LANG[orig[1]] ?? null;

  // Session: "الدورة العاشرة" near the top.
  let sessionNumber: number | null = null;
  const toks = tokenise(nh.text).map((t) => t.text);
  for (let i = 0; i < toks.length - 1; i++) {
    if (toks[i] === 'الدوره') {
      const o = readOrdinal(toks, i + 1);
      if (o) {
        sessionNumber = o.value;
        break;
      }
    }
  }

  let agendaItem: string | null = null;
  let titleStart = -1;
  const agenda = /البند\s+([0-9٠-٩]+)\s*(?:\(\s*([\u0621-\u064a])\s*\))?\s*من\s+جدول\s+الأعمال(?:\s+المؤقت)?\*?/u.exec(head);
  if (agenda) {
    agendaItem = toWesternDigits(agenda[1]) + (agenda[2] ? ` (${LETTER[agenda[2]] ?? agenda[2]})` : '');
    titleStart = agenda.index + agenda[0].length;
  }
  let title: string | null = null;
  if (titleStart >= 0) {
    let t = head.slice(titleStart);
    // Ends at a footnote mark, the summary, the contents, chapter one, or the opening of a letter ("نتشرف بأن").
    const stop = /\*|\s(?:موجز|المحتويات|أولاً|أولا|نتشرف|أتشرف|يتشرف|تتشرف)\s|\n\s*\n\s*\n/u.exec(t);
    if (stop) t = t.slice(0, stop.index);
    t = t.replace(/\s+/g, ' ').trim();
    if (t.length > 3) title = t.slice(0, 400);
  } else {
    title = lastArabicBlock(head);
  }
  return { subjects, symbol, date, originalLanguage, sessionNumber, agendaItem, title, end };
}

/** Lines of the header that are metadata, not a title: distribution, language, dates, symbols, sessions. */
const NOT_TITLE = /^(?:distr|original|arabic|general|limited|\d|[٠-٩]|الدورة|البند|الأصل|العربية|Arabic)/iu;

/**
 * Without an agenda item (reports of the Secretary-General, news): the title is the last block of
 * Arabic lines before the body, up to the first chapter heading ("أولا - مقدمة") or summary.
 */
function lastArabicBlock(head: string): string | null {
  // The first chapter heading ends the header, in logical or in PDF-broken order ("مقدّمة -أولاً").
  const stop = /^[^\n]*?(?:^|[\s-])(?:أولاً|أولا|موجز|المحتويات)(?=[\s-]|$)/mu.exec(head);
  const lines = (stop ? head.slice(0, stop.index) : head).split('\n');
  let block: string[] = [];
  let last: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const arabic = (line.match(/[\u0621-\u064a]/gu) ?? []).length;
    if (!line || NOT_TITLE.test(line) || arabic < line.length / 2 || findSymbols(line).length) {
      if (block.length) last = block;
      block = [];
      continue;
    }
    block.push(line);
  }
  if (block.length) last = block;
  const t = last.join(' ').replace(/\s+/g, ' ').trim();
  return t.length > 3 ? t.slice(0, 400) : null;
}
