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
const TRIGGERS: Record<string, { stems: string[]; dir?: 'forward' }> = {
  ORGANIZED: { stems: ['نظم', 'نظمت', 'نظمه', 'نظمها', 'تنظيم', 'بتنظيم', 'عقد', 'عقدت', 'عقده', 'استضاف', 'استضافت', 'استضافه', 'نظما', 'نظمته'] },
  PARTICIPATED_IN: { stems: ['شارك', 'شاركت', 'اشترك', 'اشتركت', 'مشارك', 'حضر', 'حضرت'] },
  ADMINISTERS: { stems: ['يدير', 'تدير', 'يديره', 'تديره', 'تديرها', 'يديرها', 'اداره'] },
  MEMBER_OF: { stems: ['عضو', 'اعضاء', 'عضويه', 'انضم', 'انضمت'] },
  CHAIRS: { stems: ['يراس', 'تراس', 'ترأس', 'رئاسه', 'برئاسه', 'راس', 'رأس', 'ترؤس'] },
  COORDINATES: { stems: ['ينسق', 'تنسق', 'ينسقه', 'تنسقه', 'تنسيق'] },
  PARTNERS_WITH: { stems: ['شراكه', 'بالشراكه', 'بالتعاون', 'تعاون', 'بالاشتراك', 'اشتراك'] },
  RATIFIED: { stems: ['صدق', 'صدقت', 'تصديق', 'التصديق', 'انضمام', 'صدقا'] },
  ADOPTED: { stems: ['اعتمد', 'اعتمدت', 'اعتماد', 'اتخذ', 'اتخذت'] },
  SUPPLEMENTS: { stems: ['مكمل', 'مكمله', 'ملحق', 'ملحقه', 'مكملين'], dir: 'forward' },
  ESTABLISHED: { stems: ['انشا', 'انشات', 'انشاء', 'انشي', 'تعيين', 'عين', 'استحدث', 'اسس', 'اسست'] },
  MANDATED_BY: { stems: ['بموجب', 'عملا', 'استجابه', 'وفقا'], dir: 'forward' },
  REPORTED_TO: { stems: ['تقرير', 'تقريرا', 'تقريره', 'تقريرها', 'قدم', 'قدمت', 'تقدم', 'يقدم', 'احال', 'احالت'] },
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
  /** Id of the document itself when known (its symbol), as source of CITES. */
  selfId: string | null;
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

  let mi = 0;
  let ti = 0;
  const ms = input.mentions;
  for (const s of input.sentences) {
    while (mi < ms.length && ms[mi].start < s.start) mi++;
    const inS: ResolvedMention[] = [];
    for (let j = mi; j < ms.length && ms[j].start < s.end; j++) inS.push(ms[j]);
    if (inS.length < 2) continue;
    const text = input.src.slice(s.start, s.end);
    const para = paragraphOf(input.paragraphs, s.start);
    const { doc } = input;
    while (ti < doc.words.length && doc.oStart[ti] < s.start) ti++;
    for (let q = ti; q < doc.words.length && doc.oStart[q] < s.end; q++) {
      const types = stemIndex.get(bare(doc.words[q]));
      if (!types) continue;
      const tpos = doc.oStart[q];
      for (const type of types) {
        const spec = relationSpec(type)!;
        const forward = TRIGGERS[type].dir === 'forward';
        const near = (kinds: readonly string[], side: 'before' | 'after' | 'any', exclude?: string) => {
          let best: ResolvedMention | null = null;
          let bd = Infinity;
          for (const m of inS) {
            if (m.entityId === exclude || !kinds.includes(kindOf.get(m.entityId) ?? '')) continue;
            if (side === 'before' && m.end > tpos) continue;
            if (side === 'after' && m.start < tpos) continue;
            const d = m.start >= tpos ? m.start - tpos : tpos - m.end;
            if (d < bd) {
              bd = d;
              best = m;
            }
          }
          return best ? { m: best as ResolvedMention, d: bd } : null;
        };
        const to = near(spec.to, 'after') ?? (forward ? null : near(spec.to, 'before'));
        if (!to) continue;
        const from = near(spec.from, forward ? 'before' : 'any', to.m.entityId);
        if (!from || from.d > 200 || to.d > 200) continue;
        addRel(type, from.m.entityId, to.m.entityId, text, para, Math.max(0.4, 0.9 - (from.d + to.d) / 500));
      }
    }
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

  // Co-occurrence: entities named (not just referred back to) in the same numbered paragraph.
  const co = new Map<string, CoOccurrence>();
  const byPara = new Map<string, Set<string>>();
  for (const m of ms) {
    if (m.anaphoric) continue;
    const p = paragraphOf(input.paragraphs, m.start);
    if (p === null) continue;
    const set = byPara.get(p) ?? new Set<string>();
    set.add(m.entityId);
    byPara.set(p, set);
  }
  for (const [p, set] of byPara) {
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) co.set(`${ids[i]}|${ids[j]}|${p}`, { a: ids[i], b: ids[j], paragraph: p });
  }
  return { relations: [...rels.values()], cooccurrences: [...co.values()] };
}
