/**
 * The extraction vocabularies (model/extraction/*.json), read once and folded with the Arabic
 * module's normalisation, so the data files can be written in ordinary Arabic spelling.
 */
import headsFile from '../../model/extraction/heads.json';
import officesFile from '../../model/extraction/offices.json';
import ordinalsFile from '../../model/extraction/ordinals.json';
import symbolsFile from '../../model/extraction/symbols.json';
import titlesFile from '../../model/extraction/titles.json';
import topicsFile from '../../model/extraction/topics.json';
import wordsFile from '../../model/extraction/words.json';
import type { KindName } from '../model';
import { normaliseKey } from './arabic';

const fold = (xs: string[]) => new Set(xs.map(normaliseKey));

export interface HeadSpec {
  /** Normalised words of the head ("حلقه", "عمل"). */
  words: string[];
  kind: KindName;
  category: string;
  minMods: number;
  maxMods?: number;
  titled?: boolean;
  topic?: boolean;
  /** Only with a named body or country among the qualifiers. */
  named?: boolean;
  /** A dual/plural head ('البعثتان الدائمتان'): its singular, one body per country listed. */
  singular?: string[];
  /** The head's plain form when written in the accusative or with a possessive ('مكتبا', 'مشروعه' -> 'مكتب', 'مشروع'). */
  lemma?: string;
  /** Never names one event by its words: an event only with a date or place. */
  generic?: boolean;
}

export const HEADS: HeadSpec[] = headsFile.heads.map((h) => ({
  ...h,
  kind: h.kind as KindName,
  words: h.words.map(normaliseKey),
  singular: 'singular' in h && h.singular ? (h.singular as string[]).map(normaliseKey) : undefined,
  lemma: 'lemma' in h && h.lemma ? normaliseKey(h.lemma as string) : undefined,
}));
/** Dual/plural heads that distribute over coordinated names: normalised head -> its singular and kind. */
export const DUAL_HEADS = new Map<string, { singular: string; kind: KindName }>(
  headsFile.dualHeads.map((h) => [normaliseKey(h.words.join(' ')), { singular: normaliseKey(h.singular), kind: h.kind as KindName }]),
);
/** Instruments named by a relative clause and a date ('البروتوكول الذي أقرته ... في 3 ديسمبر 1948'): head -> category; the verbs. */
export const DATED_HEADS = new Map<string, string>(Object.entries(headsFile.datedInstruments.heads).map(([k, v]) => [normaliseKey(k), v]));
export const DATED_VERBS = fold(headsFile.datedInstruments.verbs);
export const ANAPHOR_HEADS: string[] = headsFile.anaphorHeads.map(normaliseKey);
export const SESSION_BODY_HEADS = fold(headsFile.sessionBodyHeads);

/** First word of a title -> category; category -> second words. */
export const TITLE_FIRST = new Map<string, string>();
export const TITLE_SECOND: Record<string, Set<string>> = {};
for (const t of titlesFile.titles) {
  for (const w of t.first) TITLE_FIRST.set(normaliseKey(w), t.category);
  TITLE_SECOND[t.category] = fold(t.second);
}
export const CONCERNED = fold(titlesFile.concerned);
export const HONORIFICS: string[] = titlesFile.honorifics;
export const HONORIFIC_WORDS = fold(titlesFile.honorifics);

export const STOP = fold(wordsFile.stop);
export const COMMA_CONT = fold(wordsFile.commaContinuers);
export const LINKS = fold(wordsFile.links);
export const DANGLING_END = fold(wordsFile.danglingEnd);
export const TITLE_WORDS = fold(wordsFile.titleWords);
export const DESCRIPTIVE = fold(wordsFile.descriptive);
export const OWNER_NOUNS = fold(wordsFile.ownerNouns);
export const BACK_REFERENCES = fold(wordsFile.backReferences);
export const PERSON_TITLES = fold(wordsFile.personTitles);
/** Set phrases, as arrays of normalised words. */
export const SET_PHRASES: string[][] = wordsFile.setPhrases.map((p) => normaliseKey(p).split(' '));
export const SESSION_HEADS = fold(wordsFile.sessionHeads);
export const MEETING_ORDINAL_HEADS = fold(wordsFile.meetingOrdinalHeads);
export const RES_HEADS = fold(wordsFile.resolutionHeads);
export const DEC_HEADS = fold(wordsFile.decisionHeads);
export const ACT_HEADS = fold(wordsFile.actHeads);

/** Topic stems, normalised, article-less. */
export const TOPICS: string[] = topicsFile.topics.map(normaliseKey);

export const SYMBOL_SERIES = new Set(symbolsFile.series);

const foldMap = (o: Record<string, number>) => new Map(Object.entries(o).map(([k, v]) => [normaliseKey(k), v]));
export const ORDINAL_UNITS = foldMap(ordinalsFile.units);
export const ORDINAL_TENS = foldMap(ordinalsFile.tens);
export const ORDINAL_TEEN = fold(ordinalsFile.teen);

/** Offices named after their parent body (model/extraction/offices.json). */
export const OFFICES = {
  heads: fold(officesFile.heads),
  qualifiers: fold(officesFile.qualifiers),
  umbrella: new Set(officesFile.umbrella),
  links: fold(officesFile.links),
  confidence: officesFile.confidence,
};
