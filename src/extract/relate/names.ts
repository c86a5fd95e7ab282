/**
 * Relations an entity's own name states: an office, mission or branch named after the body it
 * belongs to ("مكتب <body> الإقليمي لـ...", "بعثة الاتحاد الأوروبي ...", "مكتبا جديدا لـ<body> في
 * <country>") is MEMBER_OF that body. The head words, the words an office name inserts into its
 * parent's name ("الإقليمي") and the bodies never taken as a parent are data
 * (model/extraction/offices.json). Only bodies the document itself names are parents.
 * Also: an instrument heading its own text (a resolution's number "52/85 متابعة ...", then "إن
 * الجمعية العامة،"; a treaty's title) cites what the text names; a resolution was adopted by the
 * body of its enacting formula.
 */
import { bare, forms, normaliseKey } from '../arabic';
import type { ResolvedMention } from '../resolve';
import type { Span } from '../segment';
import { spanAt } from '../segment';
import type { ExtractedEntity } from '../types';
import { OFFICES } from '../vocab';
import { defaultFrames } from './frames';

export interface NamesInput {
  src: string;
  sentences: Span[];
  mentions: ResolvedMention[];
  entities: ExtractedEntity[];
}

export type Emit = (type: string, from: string, to: string, evidence: string, paragraph: string | null, confidence: number) => void;

/** Words of a name, the office qualifiers left out: as written (normalised) and bare (proclitics and article off). */
function nameWords(text: string): { raw: string[]; bare: string[] } {
  const raw = normaliseKey(text)
    .split(' ')
    .filter((w) => w && !OFFICES.qualifiers.has(w) && !/^[()\-–]+$/.test(w));
  return { raw, bare: raw.map(bare) };
}

/**
 * Does the parent's name stand where an office names its body: right after the head ("مكتب الاتحاد
 * الأوروبي", "مكتب الأمم المتحدة المعني ..." itself), or after "التابع"/"في"/"بـ" ("مكتب المقرر
 * الوطني باللجنة الوطنية")? Not after a person's title ("مكتب الممثل الخاص للأمين العام": the
 * office of the representative, not of the Secretary-General).
 */
function parentSlot(raw: string[], i: number): boolean {
  return i <= 1 || raw[i].startsWith('ب') || OFFICES.links.has(raw[i - 1]);
}

/** Does the name start with an office head ("مكتب", "بعثة", "للمكتب الإقليمي"...)? */
function officeHead(text: string): boolean {
  const w = normaliseKey(text).split(' ');
  return forms(w[0] ?? '').some((f) => OFFICES.heads.has(f.form) || OFFICES.heads.has(`${f.form} ${w[1] ?? ''}`));
}

/** Where the word sequence `needle` occurs in `hay`, or -1. */
function indexOfSeq(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let q = 0; q < needle.length; q++) if (hay[i + q] !== needle[q]) continue outer;
    return i;
  }
  return -1;
}

/** The relations entities' names state (called once by relate.ts); a text's own instrument is relate/cites.ts's. */
export function nameRelations(input: NamesInput, emit: Emit): void {
  officeRelations(input, emit);
}

function officeRelations(input: NamesInput, emit: Emit): void {
  const agencies = input.entities.filter((e) => e.type === 'Agency');
  if (agencies.length < 2) return;
  // Every name a body goes by in this text (its lexicon name and the spellings met here), as bare words.
  const names = new Map<string, string[][]>();
  for (const e of agencies) {
    if (OFFICES.umbrella.has(e.id)) continue;
    const texts = new Set([e.nameAr ?? '', ...e.aliases]);
    names.set(e.id, [...texts].map((t) => nameWords(t).bare).filter((w) => w.length >= 2));
  }
  const byId = new Map(agencies.map((e) => [e.id, e]));
  const done = new Set<string>();
  for (const m of input.mentions) {
    if (m.anaphoric || done.has(m.entityId)) continue;
    const office = byId.get(m.entityId);
    const text = input.src.slice(m.start, m.end);
    if (!office || !officeHead(text)) continue;
    const words = nameWords(text);
    // The parent is the body whose name (the longest found) the office's name holds after its head.
    let best: { id: string; len: number } | null = null;
    for (const [id, ns] of names) {
      if (id === office.id) continue;
      for (const n of ns) {
        if (n.length >= words.bare.length) continue;
        const at = indexOfSeq(words.bare, n);
        if (at < 0 || !parentSlot(words.raw, at)) continue;
        if (!best || n.length > best.len) best = { id, len: n.length };
      }
    }
    if (!best) continue;
    done.add(office.id);
    const si = spanAt(input.sentences, m.start);
    const evidence = si >= 0 ? input.src.slice(input.sentences[si].start, input.sentences[si].end) : text;
    const paragraph = office.mentions.find((x) => x.start === m.start)?.paragraph ?? null;
    emit('MEMBER_OF', office.id, best.id, evidence, paragraph, OFFICES.confidence);
  }
}
