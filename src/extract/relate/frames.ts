/**
 * The relate stage's rules, read from model/relation-frames.json: trigger words with their argument
 * frames, and the small word lists that tell an argument from a circumstance. Everything is
 * normalised here once (the same normaliseKey/bare the matcher uses), so the analyst writes plain
 * Arabic and the engine compares normalised tokens.
 */
import framesFile from '../../../model/relation-frames.json';
import { relationSpec } from '../../model';
import { bare, normaliseKey } from '../arabic';

export type Pattern = 'verb' | 'masdar' | 'attributive' | 'report' | 'joint';
export type Role = 'from' | 'to';

export interface Frame {
  type: string;
  pattern: Pattern;
  /** The end of the relation the grammatical subject (actor) fills. */
  agent: Role;
  /** attributive: the end the noun before the trigger fills. */
  head: Role;
  /** Prepositions that may introduce the object ('' = direct object). */
  marker: string[];
  /** Partners named with بالتعاون مع ... are agents of this relation too. */
  shared: boolean;
  /** attributive: how many words may stand between the name and its attribute (0: adjacent); verb/masdar: how far the object may be from the trigger (0: the default). */
  reach: number;
  /** The object may be the genitive of a plain noun ("مع سلطات بوروندي", "لممثلي الأردن"). */
  genitive: boolean;
  /** verb: a session named right after the subject ("في دورته التاسعة") is an agent too. */
  session: boolean;
  /** attributive: the head is the whole list before the trigger ("... وجميعها أعضاء في"). */
  list: boolean;
  /** Every actor the clause names takes part in its meeting (or, when it names none but refers back to one, the meeting last named). */
  participants: boolean;
  /** People from States named after the meeting this frame's clause names took part in it ("حلقة عمل لمسؤولين من A وB"). */
  fromStates: boolean;
  confidence: number;
  /** Narrower kinds than model/relations.json allows at an end, for this frame only. */
  only: Partial<Record<Role, string[]>>;
}

/** A trigger: its words after the first (normalised), and the frame it opens. */
export interface Trigger {
  /** Set when the written form starts with a preposition that matters ("برئاسة"): the token must be exactly this. */
  exact?: string;
  rest: string[];
  frame: Frame;
}

interface RawFrame {
  type: string;
  pattern: string;
  triggers: string[];
  agent?: string;
  head?: string;
  marker?: string[];
  shared?: boolean;
  list?: boolean;
  session?: boolean;
  genitive?: boolean;
  participants?: boolean;
  fromStates?: boolean;
  reach?: number;
  confidence?: number;
  only?: Partial<Record<Role, string[]>>;
}

const words = (s: string) => normaliseKey(s).split(' ').filter(Boolean);
/** Multi-word phrases as normalised word lists; a trailing single letter (ب، ل) is the next word's proclitic. */
const phrases = (l: string[]) => l.map(words).filter((w) => w.length > 0);

/** A written form that starts with a preposition that matters ("برئاسة") must match exactly. */
const exactOf = (w: string) => (/^[بل]/.test(w) && bare(w) !== w && !w.startsWith('ال') ? w : undefined);

export interface Frames {
  /** bare(first word) -> triggers starting with it. */
  triggers: Map<string, Trigger[]>;
  boundaries: string[][];
  relativePronouns: Set<string>;
  objectPronouns: string[];
  listGlue: Set<string>;
  adverbs: Set<string>;
  passiveAgent: string[][];
  partner: string[][];
  circumstance: string[][];
  mandate: string[][];
  /** Head nouns of a body that is part of another ("وحدة ... في مكتب ..."). */
  unitNouns: Set<string>;
  /** Relation types whose target session also gives the session's body as a target. */
  toBodyOfSession: Set<string>;
  /** Verbs after which a name is still the subject ("قام المكتب بـ..."), not a genitive. */
  auxiliaryVerbs: Set<string>;
  /** Nouns whose complement is the thing itself ("ولاية المقرر الخاص"): a direct object. */
  objectNouns: Set<string>;
  /** Titles of people a body acts through ("نائب المدير التنفيذي لليونيسيف", "ممثلو المنظمة"). */
  personNouns: Set<string>;
  /** Words that refer back to the meeting being reported ("المؤتمر", "المتحاورون"), compared bare. */
  meetingWords: Set<string>;
  /** Phrases that add the next name to the list before ("بما في ذلك"), normalised words joined by a space. */
  listContinuers: Set<string>;
  /** Where a meeting was held, read from the clause that organises it: relation types, prepositions, how far after the meeting, confidence cap. */
  heldIn: { after: Set<string>; marker: string[]; reach: number; confidence: number };
  /** Head nouns of a resolution or decision ("قرار", "مقرر"), bare. */
  resolutionNouns: string[];
  /** Relation types whose verb, with no actor in its clause, takes the subject of the sentence's first clause. */
  carrySubject: Set<string>;
  /** Words standing for the event the sentence named ("وذلك بحضور ..."), normalised. */
  eventRefs: Set<string>;
  /** Head nouns of bodies ("مجلس", "لجنة"), bare: "قرار المجلس" names the last council named before. */
  bodyNouns: Set<string>;
  /** Words of a date besides numbers (months, weekdays, يوم), bare: a date between two arguments does not separate them. */
  dateWords: Set<string>;
  /** Verbs that entrust a task to someone named with لـ/إلى ("عهد", "كلف"): that one is the actor of the verbal noun after. */
  entrustVerbs: Set<string>;
  /** Nouns of places ("بلدية", "مدينة", "مقر"), normalised without the article: they pass their preposition to the name after them. */
  placeNouns: Set<string>;
  /** Words opening a resolution's own text before its body ("إن الجمعية العامة،"), normalised. */
  enacting: Set<string>;
}

export function loadFrames(file: typeof framesFile = framesFile): Frames {
  const triggers = new Map<string, Trigger[]>();
  for (const raw of file.frames as RawFrame[]) {
    if (!relationSpec(raw.type)) throw new Error(`model/relation-frames.json: frame for unknown relation type ${raw.type}; add it to model/relations.json first`);
    if (!['verb', 'masdar', 'attributive', 'report', 'joint'].includes(raw.pattern)) throw new Error(`model/relation-frames.json: ${raw.type} has unknown pattern "${raw.pattern}" (verb, masdar, attributive, report or joint)`);
    const frame: Frame = {
      type: raw.type,
      pattern: raw.pattern as Pattern,
      agent: raw.agent === 'to' ? 'to' : 'from',
      head: raw.head === 'to' ? 'to' : 'from',
      marker: (raw.marker ?? ['']).map((m) => (m ? normaliseKey(m) : '')),
      shared: raw.shared === true,
      list: raw.list === true,
      session: raw.session === true,
      reach: raw.reach ?? 0,
      genitive: raw.genitive === true,
      participants: raw.participants === true,
      fromStates: raw.fromStates === true,
      confidence: raw.confidence ?? 0.8,
      only: raw.only ?? {},
    };
    for (const t of raw.triggers) {
      const w = words(t);
      if (!w.length) continue;
      const key = bare(w[0]);
      const list = triggers.get(key) ?? [];
      if (list.some((x) => x.frame === frame && x.exact === exactOf(w[0]) && x.rest.join(' ') === w.slice(1).join(' '))) continue;
      list.push({ exact: exactOf(w[0]), rest: w.slice(1), frame });
      triggers.set(key, list);
    }
  }
  return {
    triggers,
    boundaries: phrases(file.clauseBoundaries),
    relativePronouns: new Set(file.relativePronouns.map((w) => normaliseKey(w))),
    objectPronouns: file.objectPronouns.map((w) => normaliseKey(w)),
    listGlue: new Set(file.listGlue.map((w) => normaliseKey(w))),
    adverbs: new Set(file.adverbs.map((w) => normaliseKey(w))),
    passiveAgent: phrases(file.passiveAgentMarkers),
    partner: phrases(file.partnerMarkers),
    circumstance: phrases(file.circumstanceMarkers),
    mandate: phrases(file.mandateMarkers),
    toBodyOfSession: new Set(file.toBodyOfSession),
    unitNouns: new Set(file.unitNouns.map((w) => normaliseKey(w))),
    auxiliaryVerbs: new Set(file.auxiliaryVerbs.map((w) => normaliseKey(w))),
    objectNouns: new Set(file.objectNouns.map((w) => normaliseKey(w))),
    personNouns: new Set(file.personNouns.map((w) => normaliseKey(w))),
    meetingWords: new Set(file.meetingWords.map((w) => bare(normaliseKey(w)))),
    listContinuers: new Set(phrases(file.listContinuers).map((w) => w.join(' '))),
    heldIn: { after: new Set(file.heldIn.after), marker: file.heldIn.marker.map((w) => normaliseKey(w)), reach: file.heldIn.reach, confidence: file.heldIn.confidence },
    resolutionNouns: file.resolutionNouns.map((w) => bare(normaliseKey(w))),
    carrySubject: new Set(file.carrySubject),
    eventRefs: new Set(file.eventRefs.map((w) => normaliseKey(w))),
    bodyNouns: new Set(file.bodyNouns.map((w) => bare(normaliseKey(w)))),
    dateWords: new Set(file.dateWords.map((w) => bare(normaliseKey(w)))),
    entrustVerbs: new Set(file.entrustVerbs.map((w) => normaliseKey(w))),
    placeNouns: new Set(file.placeNouns.map((w) => normaliseKey(w))),
    enacting: new Set(file.enactingFormula.map((w) => normaliseKey(w))),
  };
}

let cached: Frames | null = null;
export function defaultFrames(): Frames {
  return (cached ??= loadFrames());
}
