/**
 * The extractor: input checks, then normalise -> segment -> match -> resolve -> relate.
 * `extractDocument` is pure (text in, result out); file I/O stays in the CLI and ingestion,
 * which both call `checkInput` first so a bad file gets the same clear message everywhere.
 */
import { englishOrdinal } from './dates';
import { parseHeader } from './header';
import { defaultIndex, LexIndex } from './lexicon-index';
import { match } from './match';
import { arabicRatio } from './arabic';
import { BODY_CATEGORIES, isSessionBody } from './patterns';
import { relate } from './relate';
import { resolve } from './resolve';
import { segment, spanAt } from './segment';
import { documentId } from './ids';
import { tokeniseDocument } from './tokens';
import type { ExtractedDocument } from './types';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface CheckOptions {
  /** Largest accepted file in bytes (default 20 MB, or KG_MAX_FILE_MB). */
  maxBytes?: number;
  /** Smallest share of Arabic among the letters (default 0.3). */
  minArabic?: number;
}

export type CheckResult = { ok: true; text: string } | { ok: false; error: string };

function maxBytesDefault(): number {
  const mb = Number(process.env.KG_MAX_FILE_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_MAX_BYTES;
}

/** The size check alone, for callers that can refuse a file before reading it (from its stat size). */
export function checkSize(bytes: number, file: string, opts: CheckOptions = {}): string | null {
  const max = opts.maxBytes ?? maxBytesDefault();
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return bytes > max ? `${file}: file is too large (${mb(bytes)} MB > ${mb(max)} MB limit); split it into documents, or raise the limit with KG_MAX_FILE_MB` : null;
}

/** Refuses empty, binary, non-UTF-8, too large and non-Arabic input with a message saying what to do. */
export function checkInput(buffer: Buffer, file: string, opts: CheckOptions = {}): CheckResult {
  const tooLarge = checkSize(buffer.length, file, opts);
  if (tooLarge) return { ok: false, error: tooLarge };
  const empty = `${file}: file is empty; give a UTF-8 text file with the document's Arabic text`;
  if (buffer.length === 0) return { ok: false, error: empty };
  if (buffer.includes(0)) {
    return { ok: false, error: `${file}: file is binary (contains NUL bytes); convert it to UTF-8 plain text first (e.g. pdftotext -enc UTF-8)` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return { ok: false, error: `${file}: file is not valid UTF-8; convert it first (e.g. iconv -f WINDOWS-1256 -t UTF-8)` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) return { ok: false, error: empty };
  const ratio = arabicRatio(text);
  if (ratio < (opts.minArabic ?? 0.3)) {
    return { ok: false, error: `${file}: text is not Arabic (${Math.round(ratio * 100)}% Arabic letters); the extractor reads Arabic UN documents only` };
  }
  return { ok: true, text };
}

export function extractDocument(text: string, file: string, index: LexIndex = defaultIndex()): ExtractedDocument {
  const doc = tokeniseDocument(text);
  const seg = segment(text);
  const header = parseHeader(text, seg.paragraphs[0]?.start ?? null);
  const cands = match(doc, index);

  // The document's body: the first organ or intergovernmental body named in the header; sessions
  // without a body named belong to the first body there that holds sessions.
  let docBodyId: string | null = null;
  let sessionBodyId: string | null = null;
  for (const c of cands) {
    if (c.start >= header.end) break;
    if (c.source !== 'lexicon' || c.kind !== 'Agency') continue;
    const entry = index.entries.get(c.entryId!);
    if (!docBodyId && BODY_CATEGORIES.has(entry?.category ?? '')) docBodyId = c.entryId!;
    if (!sessionBodyId && isSessionBody(entry)) sessionBodyId = c.entryId!;
  }
  const { entities, mentions } = resolve(cands, { doc, index, docBodyId: sessionBodyId });

  for (const e of entities) {
    for (const m of e.mentions) {
      const p = spanAt(seg.paragraphs, m.start);
      m.paragraph = p >= 0 ? seg.paragraphs[p].number : null;
    }
  }
  const selfId = documentId(header.symbol, file);
  const { relations, cooccurrences, entities: own } = relate({ src: text, doc, sentences: seg.sentences, paragraphs: seg.paragraphs, mentions, entities, selfId, headerEnd: seg.paragraphs.length ? header.end : 0 });

  // The instrument the text is itself, when no mention named it (a resolution's heading number).
  entities.push(...own);
  const body = docBodyId ? index.entries.get(docBodyId)!.nameEn : null;
  const sessionBody = sessionBodyId ? index.entries.get(sessionBodyId)!.nameEn : null;
  return {
    file,
    document: {
      id: selfId,
      symbol: header.symbol,
      date: header.date,
      title: header.title,
      body,
      language: 'ar',
      originalLanguage: header.originalLanguage,
      session: sessionBody && header.sessionNumber ? `${sessionBody}, ${englishOrdinal(header.sessionNumber)} session` : null,
      agendaItem: header.agendaItem,
      subjects: header.subjects,
    },
    entities: entities.filter((e) => e.id !== selfId),
    relations,
    cooccurrences,
    paragraphs: seg.paragraphs,
  };
}
