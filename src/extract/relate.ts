/**
 * Stage 5: relations the text states. Within one sentence, a trigger word of a relation type
 * ("نظم" ORGANIZED, "صدّق" RATIFIED, "المكمل لـ" SUPPLEMENTS, "بموجب" MANDATED_BY ...) links the
 * nearest mention of an allowed source kind to the nearest mention of an allowed target kind; the
 * allowed kinds come from model/relations.json (relationSpec), never from this file. Each relation
 * keeps its sentence as evidence, its paragraph and a confidence that falls with distance.
 * Paragraph-level co-occurrences are returned apart.
 */
import { relationSpec } from '../model';
import { normaliseKey } from './normalise';
import type { ResolvedMention } from './resolve';
import type { Span } from './segment';
import { spanAt } from './segment';
import { bare, DocTokens } from './tokens';
import type { CoOccurrence, ExtractedEntity, ExtractedRelation, Paragraph } from './types';

/**
 * Trigger stems per relation type, matched against words without proclitics/article.
 * `dir`: 'forward' when the source is usually named before the target (nominal phrases such as
 * "البروتوكول المكمل للاتفاقية"); otherwise the nearest mentions on either side are taken.
 */
const TRIGGERS: Record<string, { stems: string[]; dir?: 'forward'; requires?: string }> = {
  ORGANIZED: { stems: ['نظم', 'نظمت', 'نظمه', 'نظمها', 'تنظيم', 'بتنظيم', 'عقد', 'عقدت', 'عقده', 'استضاف', 'استضافت', 'استضافه', 'نظما', 'نظمته'] },
  PARTICIPATED_IN: { stems: ['شارك', 'شاركت', 'اشترك', 'اشتركت', 'مشارك', 'حضر', 'حضرت'] },
  ADMINISTERS: { stems: ['يدير', 'تدير', 'يديره', 'تديره', 'تديرها', 'يديرها', 'اداره'] },
  MEMBER_OF: { stems: ['عضو', 'اعضاء', 'عضويه', 'انضم', 'انضمت'] },
  CHAIRS: { stems: ['يراس', 'تراس', 'ترأس', 'رئاسه', 'برئاسه', 'ترؤس', 'يرأس'] },
  COORDINATES: { stems: ['ينسق', 'تنسق', 'ينسقه', 'تنسقه', 'تنسيق'] },
  PARTNERS_WITH: { stems: ['شراكه', 'بالشراكه', 'بالتعاون', 'تعاون', 'بالاشتراك', 'اشتراك'] },
  RATIFIED: { stems: ['صدق', 'صدقت', 'تصديق', 'التصديق', 'انضمام', 'صدقا'] },
  ADOPTED: { stems: ['اعتمد', 'اعتمدت', 'اعتماد', 'اتخذ', 'اتخذت'] },
  SUPPLEMENTS: { stems: ['مكمل', 'مكمله', 'ملحق', 'ملحقه', 'مكملين'], dir: 'forward' },
  ESTABLISHED: { stems: ['انشا', 'انشات', 'انشاء', 'تعيين', 'عين', 'استحدث', 'اسس', 'اسست'] },
  MANDATED_BY: { stems: ['بموجب', 'عملا', 'استجابه', 'وفقا'], dir: 'forward' },
  REPORTED_TO: { stems: ['تقرير', 'تقريرا', 'تقريره', 'تقريرها', 'قدم', 'قدمت', 'تقدم', 'يقدم', 'احال', 'احالت'], requires: 'الي' },
  SUBMITTED_TO: { stems: ['مقدم', 'المقدم', 'المقدمه', 'مقدمه'] },
  HELD_IN: { stems: ['عقد', 'عقدت', 'المعقود', 'المعقوده', 'انعقد', 'انعقدت'] },
  FUNDED: { stems: ['مول', 'مولت', 'تمويل', 'بتمويل', 'تبرع', 'تبرعت', 'تبرعات', 'ساهم', 'ساهمت', 'مساهمات'] },
  ASSISTS: { stems: ['ساعد', 'ساعدت', 'مساعده', 'دعم', 'يدعم', 'تدعم', 'دعمت'] },
  CITES: { stems: [] },
};

for (const t of Object.keys(TRIGGERS)) if (!relationSpec(t)) throw new Error(`relate.ts: trigger for unknown relation type ${t}`);

const stemIndex = new Map<string, string[]>();
for (const [type, t] of Object.entries(TRIGGERS)) {
  for (const s of t.stems) {
    const key = bare(normaliseKey(s));
    const l = stemIndex.get(key) ?? [];
    if (!l.includes(type)) l.push(type);
    stemIndex.set(key, l);
  }
}

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
}

/** Normalised words between two original offsets, padded with spaces for whole-word tests. */
function normBetween(doc: DocTokens, a: number, b: number): string {
  const out: string[] = [];
  let lo = 0;
  let hi = doc.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.oStart[mid] < a) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < doc.words.length && doc.oStart[i] < b; i++) out.push(doc.words[i]);
  return ` ${out.join(' ')} `;
}

function paragraphOf(paragraphs: Paragraph[], pos: number): string | null {
  const i = spanAt(paragraphs, pos);
  return i >= 0 ? paragraphs[i].number : null;
}

export function relate(input: RelateInput): { relations: ExtractedRelation[]; cooccurrences: CoOccurrence[] } {
  const kindOf = new Map(input.entities.map((e) => [e.id, e.type]));
  const rels = new Map<string, ExtractedRelation>();
  const addRel = (type: string, from: string, to: string, evidence: string, paragraph: string | null, confidence: number) => {
    const spec = relationSpec(type);
    if (!spec || from === to) return;
    const fk = kindOf.get(from);
    const tk = kindOf.get(to);
    if (!fk || !tk || !spec.from.includes(fk) || !spec.to.includes(tk)) return;
    const key = `${type}|${from}|${to}`;
    const prev = rels.get(key);
    if (!prev || prev.confidence < confidence) rels.set(key, { type, from, to, evidence: evidence.slice(0, 600), paragraph, confidence: Math.round(confidence * 100) / 100 });
  };

  const { doc } = input;
  // Mentions that take part: not nested inside a longer name ("الأمم المتحدة" inside "صندوق الأمم المتحدة ...").
  const ms: ResolvedMention[] = [];
  let outerEnd = -1;
  for (const m of [...input.mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.end <= outerEnd) continue;
    ms.push(m);
    outerEnd = m.end;
  }
  // Tokens inside a mention are never triggers ("الرأس الأخضر" is not "رأس").
  const covered = new Uint8Array(doc.words.length);
  const tokenAt = (pos: number) => {
    let lo = 0;
    let hi = doc.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doc.oStart[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const located = new Set<ResolvedMention>();
  for (const m of input.mentions) {
    const t0 = tokenAt(m.start);
    for (let t = t0; t < doc.words.length && doc.oStart[t] < m.end; t++) covered[t] = 1;
    // "في الرأس الأخضر": a place, not an actor.
    if (t0 > 0 && doc.words[t0 - 1] === 'في') located.add(m);
  }

  let mi = 0;
  let ti = 0;
  for (const s of input.sentences) {
    while (mi < ms.length && ms[mi].start < s.start) mi++;
    const inS: ResolvedMention[] = [];
    for (let j = mi; j < ms.length && ms[j].start < s.end; j++) inS.push(ms[j]);
    if (inS.length < 2) continue;
    const text = input.src.slice(s.start, s.end);
    const para = paragraphOf(input.paragraphs, s.start);
    while (ti < doc.words.length && doc.oStart[ti] < s.start) ti++;
    for (let q = ti; q < doc.words.length && doc.oStart[q] < s.end; q++) {
      if (covered[q]) continue;
      const types = stemIndex.get(bare(doc.words[q]));
      if (!types) continue;
      const tpos = doc.oStart[q];
      for (const type of types) {
        const spec = relationSpec(type)!;
        const trig = TRIGGERS[type];
        // A country after "في" is a place: the target of HELD_IN, never an actor; HELD_IN needs that "في".
        const usable = (m: ResolvedMention, kinds: readonly string[]) =>
          kinds.includes(kindOf.get(m.entityId) ?? '') &&
          (kindOf.get(m.entityId) !== 'Country' || (type === 'HELD_IN' ? located.has(m) : !located.has(m)));
        // Pairs (source, target) around the trigger: Arabic puts the verb first (verb, subject, object),
        // nominal phrases put the source first ("البروتوكول المكمل للاتفاقية"). Closest pair wins.
        let best: { f: ResolvedMention; t: ResolvedMention; cost: number } | null = null;
        const near = inS.filter((m) => m.end >= tpos - 160 && m.start <= tpos + 200);
        for (const f of near) {
          if (!usable(f, spec.from)) continue;
          const fAfter = f.start >= tpos;
          const fd = fAfter ? f.start - tpos : tpos - f.end;
          if (fd > (fAfter ? 80 : 160) || (trig.dir === 'forward' && fAfter)) continue;
          for (const t of near) {
            if (t === f || t.entityId === f.entityId || !usable(t, spec.to) || t.start < tpos) continue;
            if (fAfter && t.start < f.end) continue;
            const td = t.start - tpos;
            if (td > 200) continue;
            if (trig.requires && !normBetween(doc, tpos, t.start).includes(` ${trig.requires} `)) continue;
            const cost = fd + td + (fAfter ? 0 : 20);
            if (!best || cost < best.cost) best = { f, t, cost };
          }
        }
        if (best) addRel(type, best.f.entityId, best.t.entityId, text, para, Math.max(0.4, 0.9 - best.cost / 500));
      }
    }
  }

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

  // The document cites every symbol and resolution it names.
  if (input.selfId) {
    for (const e of input.entities) {
      if (e.id === input.selfId || !(e.type === 'Document' || (e.type === 'Instrument' && e.category === 'RESOLUTION'))) continue;
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
  return { relations: [...rels.values()], cooccurrences: [...co.values()] };
}
