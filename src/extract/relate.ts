/**
 * Stage 5: relations the text states. The clause engine (relate/clause.ts) reads each sentence's
 * triggers with their argument frames from model/relation-frames.json (who did what to whom, by
 * clause structure); the allowed kinds at each end come from model/relations.json (relationSpec).
 * Added here: document-level facts from the header (ISSUED_BY, SUBMITTED_TO, and the issuer
 * REPORTED_TO the body and session it reports to), resolutions named with their body ("قرار مجلس
 * حقوق الإنسان 8/12": ADOPTED), meetings held where resolve placed them, and CITES from the
 * document. Each relation keeps its sentence as evidence, its paragraph and a confidence that says
 * how directly its arguments were read. Paragraph-level co-occurrences are returned apart.
 */
import type { ResolvedMention } from './resolve';
import type { Span } from './segment';
import { spanAt } from './segment';
import { ClauseReader, Mention } from './relate/clause';
import { defaultFrames } from './relate/frames';
import { relationSpec } from '../model';
import type { Frames } from './relate/frames';
import { adoptsVerb, enactsResolution, instrumentFacts } from './relate/cites';
import { nameRelations } from './relate/names';
import { bare, normaliseKey } from './arabic';
import { tokenHolding, type DocTokens } from './tokens';
import type { CoOccurrence, ExtractedEntity, ExtractedRelation, Paragraph } from './types';

export interface RelateInput {
  src: string;
  /** The tokenised document (trigger words are looked up in its normalised tokens). */
  doc: DocTokens;
  sentences: Span[];
  paragraphs: Paragraph[];
  mentions: ResolvedMention[];
  entities: ExtractedEntity[];
  /** Id of the document itself, source of its CITES relations. */
  selfId: string | null;
  /** End of the document header (offset), where ISSUED_BY / SUBMITTED_TO are read; 0 when none. */
  headerEnd?: number;
  frames?: Frames;
}

const BODY_CATEGORIES = new Set(['UN_ORGAN', 'INTERGOVERNMENTAL_BODY', 'TREATY_BODY']);

function paragraphOf(paragraphs: Paragraph[], pos: number): string | null {
  const i = spanAt(paragraphs, pos);
  return i >= 0 ? paragraphs[i].number : null;
}

export function relate(input: RelateInput): { relations: ExtractedRelation[]; cooccurrences: CoOccurrence[]; entities: ExtractedEntity[] } {
  const kindOf = new Map<string, string>(input.entities.map((e) => [e.id, e.type]));
  const entityById = new Map(input.entities.map((e) => [e.id, e]));
  const rels = new Map<string, ExtractedRelation>();
  const addRel = (type: string, from: string, to: string, evidence: string, paragraph: string | null, confidence: number) => {
    const spec = relationSpec(type);
    if (!spec || from === to) return;
    const fk = kindOf.get(from);
    const tk = kindOf.get(to);
    if (!fk || !tk || !(spec.from as readonly string[]).includes(fk) || !(spec.to as readonly string[]).includes(tk)) return;
    const key = `${type}|${from}|${to}`;
    const prev = rels.get(key);
    if (!prev || prev.confidence < confidence) rels.set(key, { type, from, to, evidence: evidence.slice(0, 600), paragraph, confidence: Math.round(confidence * 100) / 100 });
  };

  const { doc } = input;
  // Mentions that take part: not nested inside a longer name ("الأمم المتحدة" inside "صندوق الأمم المتحدة ...").
  const ms: ResolvedMention[] = [];
  let outerEnd = -1;
  for (const m of [...input.mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    // "البعثتان الدائمتان لبيلاروس والفلبين": one span naming two bodies gives both.
    const last = ms[ms.length - 1];
    if (m.end <= outerEnd && !(last && last.start === m.start && last.end === m.end && last.entityId !== m.entityId)) continue;
    ms.push(m);
    outerEnd = m.end;
  }
  const tokenAt = (pos: number) => tokenHolding(doc, pos);
  // Agencies named inside a name (mentions sorted by start, so a binary search finds them).
  const byStart = [...input.mentions].sort((a, b) => a.start - b.start);
  const inside = (m: ResolvedMention): ResolvedMention[] => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid].start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const out: ResolvedMention[] = [];
    for (let i = lo; i < byStart.length && byStart[i].start < m.end; i++) if (byStart[i] !== m && byStart[i].end <= m.end) out.push(byStart[i]);
    return out;
  };
  const innerAgencies = (m: ResolvedMention) => inside(m).filter((n) => kindOf.get(n.entityId) === 'Agency').map((n) => n.entityId);
  const toMention = (m: ResolvedMention): Mention => {
    const a = tokenAt(m.start);
    let b = a;
    while (b + 1 < doc.words.length && doc.oStart[b + 1] < m.end) b++;
    const kind = kindOf.get(m.entityId) ?? '';
    const bodies = kind === 'Meeting' || kind === 'Instrument' ? innerAgencies(m) : undefined;
    return { entityId: m.entityId, kind, start: m.start, end: m.end, a, b, anaphoric: m.anaphoric, bodies };
  };
  const reader = new ClauseReader(doc, input.frames ?? defaultFrames());
  reader.docMeetings = ms.filter((m) => kindOf.get(m.entityId) === 'Meeting').map((m) => toMention(m));
  const isBody = (m: ResolvedMention) => kindOf.get(m.entityId) === 'Agency' && BODY_CATEGORIES.has(entityById.get(m.entityId)?.category ?? '');
  const bodies = ms.filter(isBody);
  // Bodies named anywhere, also inside another name ("قرار المجلس الاقتصادي والاجتماعي 1996/27").
  const allBodies = byStart.filter(isBody);
  // The pronoun agrees with the body's head noun: "قرارها" is the Assembly's (الجمعية), "قراره" the Council's (المجلس).
  const feminine = (m: ResolvedMention) => /[ةه]$/.test(input.src.slice(m.start, m.end).split(/\s+/)[0]);
  const lastBodyBefore = (pos: number, fem: boolean): string | null => {
    let best: ResolvedMention | null = null;
    for (const b of bodies) if (b.end <= pos && pos - b.end < 3000 && feminine(b) === fem) best = b;
    return best?.entityId ?? null;
  };
  // "وفي قرارها ٧٠/٢٨٦، طلبت الجمعية العامة ...": a fronted phrase whose pronoun points ahead, to the
  // subject of its own clause, named within a few words.
  const bodyRightAfter = (pos: number, fem: boolean, sentenceEnd: number): string | null =>
    bodies.find((b) => b.start >= pos && b.start < sentenceEnd && b.start - pos <= 40 && feminine(b) === fem)?.entityId ?? null;

  // Bodies named anywhere, inside a longer name too ("بقرار المجلس الاقتصادي والاجتماعي 1996/27").
  const namedBodies = allBodies.filter((m) => !m.anaphoric);
  const frames = input.frames ?? defaultFrames();
  // "صادقت عليها الجمعية العامة بالقرار 317", "اعتمدها المجلس بموجب قراره 5/1": the resolution is the
  // means of an adopting verb (adoptsVerb: any ADOPTED trigger); the body that verb's clause names adopted it.
  const adoptedBy = (pos: number, sentenceStart: number): string | null => {
    const t = tokenAt(pos);
    const w = doc.words[t];
    const instrumental = (w.startsWith('ب') && /^(?:قرار|قرارات)/.test(bare(w))) || frames.mandate.some((p) => p.every((x, k) => doc.words[t - p.length + k] === x));
    if (!instrumental) return null;
    for (let v = t - 1; v >= 0 && v >= t - 10 && doc.oStart[v] >= sentenceStart; v--) {
      if (!adoptsVerb(doc.words[v], frames)) continue;
      return namedBodies.find((b) => b.start > doc.oEnd[v] && b.end <= pos)?.entityId ?? null;
    }
    return null;
  };

  let mi = 0;
  let ti = 0;
  for (const s of input.sentences) {
    while (mi < ms.length && ms[mi].start < s.start) mi++;
    const inS: Mention[] = [];
    for (let j = mi; j < ms.length && ms[j].start < s.end; j++) inS.push(toMention(ms[j]));
    if (!inS.length) continue;
    const text = input.src.slice(s.start, s.end);
    const para = paragraphOf(input.paragraphs, s.start);
    while (ti < doc.words.length && doc.oStart[ti] < s.start) ti++;
    let t1 = ti;
    while (t1 < doc.words.length && doc.oStart[t1] < s.end) t1++;
    reader.read(ti, t1, inS, (type, from, to, c) => addRel(type, from, to, text, para, Math.min(0.98, c)));
    // "قرار مجلس حقوق الإنسان 8/12": the body named inside a resolution's name adopted it.
    for (const m of inS) {
      const e = entityById.get(m.entityId);
      if (!e || e.type !== 'Instrument' || !(e.category === 'RESOLUTION' || e.category === 'DECISION')) continue;
      // "بقرارها ٤٩/١٥٩": the body that speaks (the last organ named before) adopted it.
      const owner = reader.possessive(m);
      if (owner) {
        const body = bodyRightAfter(m.end, owner === 'f', s.end) ?? lastBodyBefore(m.start, owner === 'f');
        if (body) addRel('ADOPTED', body, m.entityId, text, para, 0.8);
      }
      // "قرار المجلس 1997/22": the body named by its head noun alone is the last such body named before.
      const noun = owner ? null : reader.bodyNoun(m);
      if (noun) {
        let body: ResolvedMention | null = null;
        for (const b of allBodies) if (b.end <= m.start && m.start - b.end < 3000 && bare(normaliseKey(input.src.slice(b.start, b.end).split(/\s+/)[0])) === noun) body = b;
        if (body) addRel('ADOPTED', body.entityId, m.entityId, text, para, 0.75);
      }
      for (const n of inside(m as unknown as ResolvedMention)) if (kindOf.get(n.entityId) === 'Agency') addRel('ADOPTED', n.entityId, m.entityId, text, para, 0.9);
      const by = adoptedBy(m.start, s.start);
      if (by) addRel('ADOPTED', by, m.entityId, text, para, 0.8);
    }
  }
  nameRelations(input, addRel);

  // The instrument the text is itself (a resolution's or a treaty's text) and what it cites; CITES
  // between instruments named by title or inside a guide's name. A protocol does not cite the
  // convention it supplements: that is SUPPLEMENTS.
  const own = instrumentFacts({ ...input, outer: ms, frames: input.frames ?? defaultFrames() }, kindOf, entityById);
  for (const f of own.facts) {
    if (f.type === 'CITES' && (rels.has(`SUPPLEMENTS|${f.from}|${f.to}`) || rels.has(`SUPPLEMENTS|${f.to}|${f.from}`))) continue;
    // Evidence: the sentence, within the line (a heading or a preamble clause is a line of its own).
    const si = spanAt(input.sentences, f.at);
    const nl = input.src.indexOf('\n', f.at);
    let a = input.src.lastIndexOf('\n', f.at - 1) + 1;
    let b = nl < 0 ? input.src.length : nl;
    if (si >= 0 && !f.line) [a, b] = [Math.max(a, input.sentences[si].start), Math.min(b, input.sentences[si].end)];
    addRel(f.type, f.from, f.to, input.src.slice(a, b).trim(), paragraphOf(input.paragraphs, f.at), f.confidence);
  }

  // A resolution's or a treaty's own text is not a report: its header names no issuer or addressee.
  if (!own.ownId) documentFacts(input, kindOf, entityById, (type, from, to, c, m) => {
    // Header lines are units of their own (symbol, body, place and date): the evidence is the line
    // naming the end, however the file wraps the header into sentences.
    const si = spanAt(input.sentences, m.start);
    const [from0, to0] = si >= 0 ? [input.sentences[si].start, input.sentences[si].end] : [m.start, m.end];
    const nl = input.src.indexOf('\n', m.end);
    let start = Math.max(from0, input.src.lastIndexOf('\n', m.start) + 1);
    let end = Math.max(Math.min(to0, nl < 0 ? to0 : nl), m.end);
    // A header flattened onto one line (symbol, date, body, session, title): the words around the end.
    if (end - start > 240) {
      const a = Math.max(start, m.start - 100);
      const b = Math.min(end, m.end + 100);
      start = a > start ? input.src.indexOf(' ', a) + 1 : start;
      end = b < end ? Math.max(m.end, input.src.lastIndexOf(' ', b)) : end;
    }
    addRel(type, from, to, input.src.slice(start, end).trim(), paragraphOf(input.paragraphs, m.start), c);
  });

  // A meeting whose place (read after its name by resolve) is a country named in the text was held there.
  const countryByName = new Map(input.entities.filter((e) => e.type === 'Country' && e.nameEn).map((e) => [e.nameEn!, e.id]));
  for (const e of input.entities) {
    const place = e.type === 'Meeting' ? e.properties.place : null;
    const cid = typeof place === 'string' ? countryByName.get(place) : undefined;
    if (!cid) continue;
    const m = e.mentions[0];
    const si = spanAt(input.sentences, m.start);
    const ev = si >= 0 ? input.src.slice(input.sentences[si].start, input.sentences[si].end) : m.text;
    addRel('HELD_IN', e.id, cid, ev, m.paragraph, 0.7);
  }

  // The document cites every symbol and resolution it names (not the resolution it is).
  if (input.selfId) {
    for (const e of input.entities) {
      if (e.id === input.selfId || e.id === own.ownId || !(e.type === 'Document' || (e.type === 'Instrument' && e.category === 'RESOLUTION'))) continue;
      const m = e.mentions[0];
      const si = spanAt(input.sentences, m.start);
      const ev = si >= 0 ? input.src.slice(input.sentences[si].start, input.sentences[si].end) : m.text;
      kindOf.set(input.selfId, 'Document');
      addRel('CITES', input.selfId, e.id, ev, m.paragraph, 0.95);
    }
  }

  // Co-occurrence: entities named (not just referred back to, not nested in another name) in the same numbered paragraph.
  const co = new Map<string, CoOccurrence>();
  // Text without numbered paragraphs (news, web pages): its lines are the paragraphs, reported as null.
  const numbered = input.paragraphs.length > 0;
  const lineStarts = [0];
  if (!numbered) for (let i = input.src.indexOf('\n'); i >= 0; i = input.src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const blockOf = (pos: number): string | null => {
    if (numbered) return paragraphOf(input.paragraphs, pos);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return `line:${lo}`;
  };
  const byPara = new Map<string, Set<string>>();
  for (const m of ms) {
    if (m.anaphoric) continue;
    const p = blockOf(m.start);
    if (p === null) continue;
    const set = byPara.get(p) ?? new Set<string>();
    set.add(m.entityId);
    byPara.set(p, set);
  }
  for (const [p, set] of byPara) {
    const ids = [...set].sort();
    const paragraph = numbered ? p : null;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) co.set(`${ids[i]}|${ids[j]}|${p}`, { a: ids[i], b: ids[j], paragraph });
  }
  return { relations: [...rels.values()], cooccurrences: [...co.values()], entities: own.entities };
}

/**
 * Facts about the document itself, from its header: "تقرير <issuer>" gives ISSUED_BY (the last such
 * phrase, the title's), the session and the body named there give SUBMITTED_TO, and the issuer
 * REPORTED_TO them (the report is its report to that body and session).
 */
function documentFacts(
  input: RelateInput,
  kindOf: Map<string, string>,
  entityById: Map<string, ExtractedEntity>,
  add: (type: string, from: string, to: string, confidence: number, at: ResolvedMention) => void,
): void {
  const self = input.selfId;
  let end = input.headerEnd ?? 0;
  if (!self || end <= 0) return;
  // The title ends at its footnote mark, the summary or the contents (the agenda item's own mark,
  // "البند ٢ من جدول الأعمال المؤقت*", comes before the title and ends nothing).
  const stop = /(?<!جدول الأعمال(?: المؤقت)?\s*)\*|موجز|المحتويات/u.exec(input.src.slice(200, end));
  if (stop) end = 200 + stop.index;
  kindOf.set(self, 'Document');
  const frames = input.frames ?? defaultFrames();
  const { doc } = input;
  const head = input.mentions.filter((m) => m.end <= end && m.entityId !== self).sort((a, b) => a.start - b.start);
  if (head.some((m) => kindOf.get(m.entityId) === 'Agency' && enactsResolution(input.src, m, frames))) return;
  let issuer: ResolvedMention | null = null;
  for (let k = 0; k < doc.words.length && doc.oStart[k] < end; k++) {
    const trig = frames.triggers.get(bare(doc.words[k]));
    if (!trig?.some((t) => t.frame.pattern === 'report')) continue;
    // The issuer follows within a few words ("التقرير السنوي لمفوضة ...", "تقرير الأمين العام").
    const limit = k + 4 < doc.words.length ? doc.oStart[k + 4] : end;
    const m = head.find((x) => x.start > doc.oStart[k] && x.start <= limit && ['Agency', 'Rapporteur'].includes(kindOf.get(x.entityId) ?? ''));
    if (m) issuer = m;
  }
  const meeting = head.find((m) => kindOf.get(m.entityId) === 'Meeting');
  const body = head.find((m) => kindOf.get(m.entityId) === 'Agency' && BODY_CATEGORIES.has(entityById.get(m.entityId)?.category ?? '') && m.entityId !== issuer?.entityId);
  if (issuer) add('ISSUED_BY', self, issuer.entityId, 0.9, issuer);
  for (const to of [meeting, body]) {
    if (!to) continue;
    add('SUBMITTED_TO', self, to.entityId, 0.9, to);
    if (issuer) add('REPORTED_TO', issuer.entityId, to.entityId, 0.85, to);
  }
}
