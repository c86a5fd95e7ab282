/**
 * The extractor's result. `kg extract --json` prints exactly this shape (the contract in
 * ../shared/design/ontology.md); ingestion writes the same object to Neo4j.
 */
import type { KindName } from '../model';

export interface Mention {
  /** Exact substring of the file's text: text === fileText.slice(start, end). */
  text: string;
  /** UTF-16 offsets (JavaScript string indices) in the file's text as read. */
  start: number;
  end: number;
  /** Paragraph number as written in the document (Western digits), or null outside numbered paragraphs. */
  paragraph: string | null;
}

export interface ExtractedEntity {
  id: string;
  type: KindName;
  category: string | null;
  name: string;
  nameAr: string | null;
  nameEn: string | null;
  acronym: string | null;
  aliases: string[];
  mentions: Mention[];
  /** Kind-specific properties named in model/kinds.json (startDate, place, number, year, iso2, holder...). */
  properties: Record<string, string | number | string[] | null>;
}

export interface ExtractedRelation {
  type: string;
  from: string;
  to: string;
  /** The sentence (or clause) of the text that states the relation. */
  evidence: string;
  paragraph: string | null;
  confidence: number;
}

/** Two entities named in the same paragraph; kept apart from the typed relations. */
export interface CoOccurrence {
  a: string;
  b: string;
  paragraph: string | null;
}

export interface Paragraph {
  /** Number as written, in Western digits ("12"), or null for unnumbered text (header, footnotes). */
  number: string | null;
  start: number;
  end: number;
}

export interface DocumentMeta {
  /** Id of the document itself: document:<symbol slug>, else document:<file name slug>. Source of its CITES relations. */
  id?: string;
  symbol: string | null;
  date: string | null;
  title: string | null;
  body: string | null;
  language: string;
  originalLanguage: string | null;
  session: string | null;
  agendaItem: string | null;
  subjects: string[];
}

export interface ExtractedDocument {
  file: string;
  document: DocumentMeta;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  cooccurrences: CoOccurrence[];
  paragraphs: Paragraph[];
}

/** A file the extractor refused, with a message that says what to do. */
export interface ExtractionError {
  file: string;
  error: string;
}
