/**
 * CITES, and the instrument a text is itself. A GA resolution's text ("52 / 85 <title>" then "إن
 * الجمعية العامة،") is that resolution: the body of its enacting formula ADOPTED it, and it CITES
 * what its title and its preamble and body name. A treaty's text (its title on a line of its own,
 * then a preamble: "الديباجة", "في حين أن", "إن الدول الأطراف") is that treaty: it CITES the
 * instruments it lists, and the lines between its title and its preamble (approval, entry into
 * force) say who ADOPTED it. Between any two instruments: a resolution or report "المعنون
 * "تنفيذ بروتوكول ..."" cites the instruments its title names, and a guide or commentary whose
 * name holds another instrument ("الدليل التشريعي لاتفاقية ...") cites it. The cue words are data
 * (`instrumentText` in model/relation-frames.json).
 */
import framesFile from '../../../model/relation-frames.json';
import { bare, normaliseKey } from '../arabic';
import { resolutionId } from '../ids';
import type { ResolvedMention } from '../resolve';
import { spanAt, toWesternDigits } from '../segment';
import type { Span } from '../segment';
import { findSymbols } from '../symbols';
import { tokenHolding, type DocTokens } from '../tokens';
import type { ExtractedEntity, Paragraph } from '../types';
import type { Frames } from './frames';

interface Words {
  preambleOpenings: string[][];
  preambleEnds: string[][];
  articleHeadings: Set<string>;
  recitalCues: string[][];
  titled: Set<string>;
  citeVerbs: Set<string>;
  citerAfter: Set<string>;
  inIt: Set<string>;
  treatyCategories: Set<string>;
  namedInCategories: Set<string>;
  amendedBy: string[][];
}

const phrase = (s: string) => normaliseKey(s).split(' ').filter(Boolean);

let cached: Words | null = null;
function words(): Words {
  if (cached) return cached;
  const w = framesFile.instrumentText;
  return (cached = {
    preambleOpenings: w.preambleOpenings.map(phrase),
    preambleEnds: w.preambleEnds.map(phrase),
    articleHeadings: new Set(w.articleHeadings.map((x) => normaliseKey(x))),
    recitalCues: w.recitalCues.map(phrase),
    titled: new Set(w.titled.map((x) => normaliseKey(x))),
    citeVerbs: new Set(w.citeVerbs.map((x) => bare(normaliseKey(x)))),
    citerAfter: new Set(w.citerAfter.map((x) => bare(normaliseKey(x)))),
    inIt: new Set(w.inIt.map((x) => normaliseKey(x))),
    treatyCategories: new Set(w.treatyCategories),
    namedInCategories: new Set(w.namedInCategories),
    amendedBy: w.amendedBy.map(phrase),
  });
}

/** Does a word list end with one of the phrases (the words right before a mention)? */
function endsWithPhrase(toks: string[], list: string[][]): boolean {
  return list.some((p) => p.length <= toks.length && p.every((w, k) => bare(toks[toks.length - p.length + k]) === bare(w)));
}

/** Does a word list start with (or, `anywhere`, contain) one of the phrases? */
function hasPhrase(toks: string[], list: string[][], anywhere = false): boolean {
  const last = anywhere ? toks.length : 1;
  for (let i = 0; i < last; i++) for (const p of list) if (p.every((w, k) => toks[i + k] === w || bare(toks[i + k] ?? '') === bare(w))) return true;
  return false;
}

export interface CiteInput {
  src: string;
  doc: DocTokens;
  sentences: Span[];
  paragraphs: Paragraph[];
  /** Every mention, nested ones included. */
  mentions: ResolvedMention[];
  /** Mentions not nested in a longer name, sorted by start. */
  outer: ResolvedMention[];
  entities: ExtractedEntity[];
  frames: Frames;
}

export interface Fact {
  type: string;
  from: string;
  to: string;
  /** Where the fact is stated (its evidence is the sentence, or the line, there). */
  at: number;
  confidence: number;
  /** Evidence is the line at `at` rather than the sentence (header lines). */
  line?: boolean;
}

interface Line {
  start: number;
  end: number;
  toks: string[];
}

function linesOf(src: string, limit: number): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < limit && start < src.length) {
    const nl = src.indexOf('\n', start);
    const end = nl < 0 ? src.length : nl;
    const toks = phrase(src.slice(start, end));
    if (toks.length) out.push({ start, end, toks });
    start = end + 1;
  }
  return out;
}

/**
 * "إن الجمعية العامة،" on a line of its own: the document is that body's resolution (its text, not a
 * report to it).
 */
export function enactsResolution(src: string, m: ResolvedMention, frames: Frames): boolean {
  // The rest of the line first: it is cheap, and almost always rules the mention out.
  const lineEnd = src.indexOf('\n', m.end);
  const after = src.slice(m.end, lineEnd < 0 ? src.length : lineEnd).trim();
  if (!/^[،,:]?$/.test(after)) return false;
  const lineStart = src.lastIndexOf('\n', m.start - 1) + 1;
  return frames.enacting.has(normaliseKey(src.slice(lineStart, m.start)).trim());
}

/** The instrument the text is (its id, new entity if any), where its citations are read, and how it was adopted. */
interface Own {
  id: string;
  entity: ExtractedEntity | null;
  /** Spans whose instruments it cites: its title line (rest) and its preamble and body. */
  regions: Array<[number, number]>;
  /** Preamble span (high confidence). */
  preamble: [number, number];
  facts: Fact[];
}

const HEAD = 4000;

function ownResolution(input: CiteInput, kindOf: Map<string, string>, entityById: Map<string, ExtractedEntity>, lines: Line[]): Own | null {
  const { src, frames } = input;
  const enact = input.outer.find((m) => m.start < HEAD && kindOf.get(m.entityId) === 'Agency' && enactsResolution(src, m, frames));
  if (!enact) return null;
  const body = entityById.get(enact.entityId)!;
  // Its number: a heading line opening with it ("52 / 85 متابعة ..."), else its own symbol (A/RES/52/85).
  let number: string | null = null;
  let at: [number, number] | null = null;
  let titleLine: Line | null = null;
  for (const l of lines) {
    if (l.start >= enact.start) break;
    // "52 / 85 <title>", "55/25 - <title>", or a Security Council's "القرار 2388 (2017)".
    const line = src.slice(l.start, l.end);
    const m = /^\s*(?:القرار\s+)?([0-9٠-٩]{1,4})\s*\/\s*([0-9٠-٩]{1,4})(?=[\s.\-–]|$)/u.exec(line);
    const sc = m ? null : /^\s*(?:القرار\s+)([0-9٠-٩]{3,4})\s*\(([0-9٠-٩]{4})\)/u.exec(line);
    const hit = m ?? sc;
    if (hit) {
      number = m ? `${toWesternDigits(hit[1])}/${toWesternDigits(hit[2])}` : `${toWesternDigits(hit[1])} (${toWesternDigits(hit[2])})`;
      at = [l.start + hit[0].indexOf(hit[1]), l.start + hit[0].length];
      titleLine = l;
      break;
    }
  }
  if (!number) {
    const sym = findSymbols(src.slice(0, enact.start)).find((s) => /\/RES\/\d+\/\d+$/i.test(s.symbol));
    if (sym) {
      number = sym.symbol.replace(/^.*\/RES\//i, '');
      at = [sym.start, sym.end];
    }
  }
  if (!number || !at) return null;
  // A Security Council resolution is known by its number alone ("2388 (2017)" and "2388" are one, as in resolve).
  const id = resolutionId(body.id, false, number.replace(/\s*\(\d{4}\)$/, ''));
  const known = entityById.get(id);
  const entity: ExtractedEntity | null = known
    ? null
    : {
        id,
        type: 'Instrument',
        category: 'RESOLUTION',
        name: src.slice(at[0], at[1]),
        nameAr: null,
        nameEn: `${body.nameEn ?? body.name} resolution ${number}`,
        acronym: null,
        aliases: [],
        mentions: [{ text: src.slice(at[0], at[1]), start: at[0], end: at[1], paragraph: null }],
        properties: /\(\d{4}\)$/.test(number) ? { number: number.replace(/\s*\(\d{4}\)$/, ''), year: Number(number.slice(-5, -1)) } : { number },
      };
  const lineEnd = src.indexOf('\n', enact.end);
  const bodyStart = lineEnd < 0 ? src.length : lineEnd;
  const regions: Array<[number, number]> = [[bodyStart, src.length]];
  if (titleLine) regions.push([at[1], titleLine.end]);
  const preamble: [number, number] = [bodyStart, preambleEnd(input, bodyStart)];
  if (titleLine) preamble[0] = at[1];
  const facts: Fact[] = [{ type: 'ADOPTED', from: body.id, to: id, at: titleLine ? at[0] : enact.start, confidence: 0.9, line: true }];
  return { id, entity, regions, preamble, facts };
}

/** Where the preamble ends: the first numbered paragraph, or "اتفقت على ما يلي", "المادة 1". */
function preambleEnd(input: CiteInput, from: number): number {
  const lines = linesOf(input.src, input.src.length);
  const para = input.paragraphs.find((p) => p.number !== null && p.start >= from);
  const end = para ? para.start : input.src.length;
  const w = words();
  for (const l of lines) {
    if (l.start < from || l.start >= end) continue;
    if (hasPhrase(l.toks, w.preambleEnds, true)) return l.end;
    const article = w.articleHeadings.has(l.toks[0]) && /^[0-9٠-٩]/.test(l.toks[1] ?? '');
    if (article || /^\s*[0-9٠-٩]{1,3}\s*[-–.]\s/u.test(input.src.slice(l.start, l.end))) return l.start;
  }
  return end;
}

function ownTreaty(input: CiteInput, kindOf: Map<string, string>, entityById: Map<string, ExtractedEntity>, lines: Line[]): Own | null {
  const w = words();
  const { src, frames } = input;
  const opening = lines.findIndex((l, i) => i > 0 && i <= 8 && l.start < HEAD && hasPhrase(l.toks, w.preambleOpenings));
  if (opening < 0) return null;
  let title = -1;
  let own: ResolvedMention | null = null;
  for (let i = 0; i < opening && i < 5; i++) {
    const l = lines[i];
    const text = src.slice(l.start, l.end);
    if (text.length > 300 || /[.!؟?]\s*\S/u.test(text)) continue;
    const first = text.search(/\S/) + l.start;
    const m = input.outer.find((x) => x.start === first && kindOf.get(x.entityId) === 'Instrument');
    if (m && w.treatyCategories.has(entityById.get(m.entityId)?.category ?? '')) {
      title = i;
      own = m;
      break;
    }
  }
  if (!own) return null;
  const facts: Fact[] = [];
  // Lines between the title and the preamble state its status: "وافق عليها قرار الجمعية العامة ...".
  for (let i = title + 1; i < opening; i++) {
    const l = lines[i];
    if (!l.toks.some((t) => adoptsVerb(t, frames))) continue;
    const body = input.mentions.filter((m) => m.start >= l.start && m.end <= l.end && kindOf.get(m.entityId) === 'Agency').sort((a, b) => a.start - b.start)[0];
    if (body) facts.push({ type: 'ADOPTED', from: body.entityId, to: own.entityId, at: l.start, confidence: 0.85, line: true });
  }
  const start = lines[opening].start;
  return { id: own.entityId, entity: null, regions: [[start, src.length]], preamble: [start, preambleEnd(input, start)], facts };
}

/** A word that is an adopting verb of the frames, with or without an object pronoun ("اعتمدته", "وافق"). */
export function adoptsVerb(tok: string, frames: Frames): boolean {
  const forms = [bare(tok), ...frames.objectPronouns.filter((p) => tok.endsWith(p) && tok.length > p.length + 2).map((p) => bare(tok.slice(0, -p.length)))];
  return forms.some((f) => frames.triggers.get(f)?.some((t) => t.frame.type === 'ADOPTED' && t.frame.pattern === 'verb' && !t.rest.length));
}

const citable = (kind: string | undefined) => kind === 'Instrument' || kind === 'Document';

/** CITES (and the own instrument's ADOPTED) read at the level of the document and of instrument names. */
export function instrumentFacts(
  input: CiteInput,
  kindOf: Map<string, string>,
  entityById: Map<string, ExtractedEntity>,
): { ownId: string | null; entities: ExtractedEntity[]; facts: Fact[] } {
  const { src, doc, frames } = input;
  const w = words();
  const facts: Fact[] = [];
  const entities: ExtractedEntity[] = [];
  const lines = linesOf(src, Math.min(src.length, HEAD + 2000));
  const own = ownResolution(input, kindOf, entityById, lines) ?? ownTreaty(input, kindOf, entityById, lines);
  if (own) {
    if (own.entity) {
      entities.push(own.entity);
      kindOf.set(own.id, 'Instrument');
      entityById.set(own.id, own.entity);
    }
    facts.push(...own.facts);
    for (const m of input.outer) {
      if (m.entityId === own.id || !citable(kindOf.get(m.entityId)) || !own.regions.some(([a, b]) => m.start >= a && m.start < b)) continue;
      const inPreamble = m.start >= own.preamble[0] && m.start < own.preamble[1];
      const si = spanAt(input.sentences, m.start);
      const sentence = si >= 0 ? phrase(src.slice(input.sentences[si].start, input.sentences[si].end)) : [];
      const cue = hasPhrase(sentence, w.recitalCues, true);
      // "بصيغته المعدلة بموجب البروتوكول ...": the amending instrument is named in passing.
      const amending = endsWithPhrase(phrase(src.slice(Math.max(0, m.start - 40), m.start)), w.amendedBy);
      facts.push({ type: 'CITES', from: own.id, to: m.entityId, at: m.start, confidence: amending ? 0.6 : inPreamble ? 0.9 : cue ? 0.85 : 0.7 });
    }
  }

  // "القرار ... المعنون "تنفيذ بروتوكول ..."": the instruments its title names (not one the title
  // names as what another supplements).
  const tokenAt = (pos: number) => tokenHolding(doc, pos);
  for (let i = 0; i < input.outer.length; i++) {
    const x = input.outer[i];
    if (!citable(kindOf.get(x.entityId))) continue;
    const k = tokenAt(x.end);
    let t = k;
    while (t < doc.words.length && t < k + 2 && !w.titled.has(doc.words[t])) t++;
    if (t >= doc.words.length || !w.titled.has(doc.words[t])) continue;
    // The title runs to its closing quote, else to the end of the sentence.
    const open = doc.oEnd[t];
    const q = /^\s*[«"“]/u.exec(src.slice(open, open + 4));
    const si = spanAt(input.sentences, x.start);
    const sEnd = si >= 0 ? input.sentences[si].end : src.length;
    let end = sEnd;
    if (q) {
      const close = src.slice(open + q[0].length).search(/[»"”]/u);
      if (close >= 0) end = Math.min(sEnd, open + q[0].length + close);
    }
    for (let j = i + 1; j < input.outer.length && input.outer[j].start < end; j++) {
      const y = input.outer[j];
      if (y.start < open || y.entityId === x.entityId || kindOf.get(y.entityId) !== 'Instrument') continue;
      const before = tokenAt(y.start) - 1;
      if (before >= 0 && frames.triggers.get(bare(doc.words[before]))?.some((tr) => tr.frame.type === 'SUPPLEMENTS')) continue;
      facts.push({ type: 'CITES', from: x.entityId, to: y.entityId, at: x.start, confidence: 0.85 });
    }
  }

  // "يُستشهد بالمبادئ في ... ولا سيما الدليل التشريعي": a citing verb; the instrument after it (with
  // بـ/إلى) is cited, by the instrument or document between them (active: "ويشير الدليل إلى المبادئ")
  // or, passive, by those it is cited in (after في، لا سيما ...; not one that is a genitive: "أحكام الاتفاقية").
  for (let i = 0; i < input.outer.length; i++) {
    const y = input.outer[i];
    if (!citable(kindOf.get(y.entityId))) continue;
    const ty = tokenAt(y.start);
    let k = -1;
    for (let t = ty - 1; t >= 0 && t >= ty - 5; t--) if (w.citeVerbs.has(bare(doc.words[t]))) k = t;
    if (k < 0) continue;
    const si = spanAt(input.sentences, y.start);
    if (si < 0 || doc.oStart[k] < input.sentences[si].start) continue;
    const sEnd = input.sentences[si].end;
    const subject = input.outer.find((x) => x.start > doc.oEnd[k] && x.end <= y.start && citable(kindOf.get(x.entityId)));
    const citers = subject
      ? [subject]
      : input.outer.filter((x, j) => j > i && x.start < sEnd && citable(kindOf.get(x.entityId)) && w.citerAfter.has(bare(doc.words[tokenAt(x.start) - 1] ?? '')));
    for (const x of citers) if (x.entityId !== y.entityId) facts.push({ type: 'CITES', from: x.entityId, to: y.entityId, at: y.start, confidence: subject ? 0.85 : 0.8 });
  }

  // "تقرير الأمين العام (A/63/90) الذي ... فيكرر فيه التأكيد على ... البروتوكول": what a document
  // says "in it" (فيه، فيها: the pronoun is the document) names what it cites.
  for (const x of input.outer) {
    if (kindOf.get(x.entityId) !== 'Document') continue;
    const si = spanAt(input.sentences, x.start);
    if (si < 0) continue;
    const sEnd = input.sentences[si].end;
    let p = tokenAt(x.end);
    const last = Math.min(doc.words.length, p + 12);
    while (p < last && doc.oStart[p] < sEnd && !w.inIt.has(doc.words[p])) p++;
    if (p >= last || doc.oStart[p] >= sEnd) continue;
    // Up to the next document named: what follows is about that one.
    for (const y of input.outer) {
      if (y.start <= doc.oEnd[p]) continue;
      if (y.start >= sEnd || kindOf.get(y.entityId) === 'Document') break;
      if (kindOf.get(y.entityId) !== 'Instrument') continue;
      const before = tokenAt(y.start) - 1;
      if (frames.triggers.get(bare(doc.words[before]))?.some((tr) => tr.frame.type === 'SUPPLEMENTS')) continue;
      facts.push({ type: 'CITES', from: x.entityId, to: y.entityId, at: y.start, confidence: 0.75 });
    }
  }

  // "الدليل التشريعي لاتفاقية ...", "التعليق على المبادئ ...": a guide or commentary cites the
  // instrument its name holds (whole, or its first three quarters: "لاتفاقية الأمم المتحدة لمكافحة
  // الجريمة المنظمة" is the convention named short).
  const names = new Map<string, string[][]>();
  const namesOf = (e: ExtractedEntity) => {
    let l = names.get(e.id);
    if (!l) {
      const all = [e.name, e.nameAr ?? '', ...e.aliases, ...e.mentions.map((m) => m.text)];
      l = [...new Set(all)].map((n) => phrase(n).map(bare)).filter((ws) => ws.length >= 4);
      names.set(e.id, l);
    }
    return l;
  };
  const instruments = input.entities.filter((e) => e.type === 'Instrument');
  for (const x of instruments) {
    if (!w.namedInCategories.has(x.category ?? '')) continue;
    const seen = new Set<string>();
    // Mentions in numbered paragraphs first: their sentence is better evidence than a table of contents.
    for (const m of [...x.mentions].sort((a, b) => Number(a.paragraph === null) - Number(b.paragraph === null))) {
      const ws = phrase(m.text).map(bare);
      if (ws.length < 5) continue;
      for (const y of instruments) {
        if (y.id === x.id || seen.has(y.id)) continue;
        const found = namesOf(y).some((n) => {
          const k = Math.max(4, Math.ceil(n.length * 0.75));
          for (let i = 1; i + k <= ws.length; i++) if (n.slice(0, k).every((t, j) => ws[i + j] === t)) return true;
          return false;
        });
        if (!found) continue;
        seen.add(y.id);
        facts.push({ type: 'CITES', from: x.id, to: y.id, at: m.start, confidence: 0.8 });
      }
    }
  }
  return { ownId: own?.id ?? null, entities, facts };
}
