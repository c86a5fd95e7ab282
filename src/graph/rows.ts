/**
 * Pure stage before the load: turns one ExtractedDocument (and the text it was extracted from)
 * into the row batches the `cypher/ingest-*.cypher` statements UNWIND. Everything that can be
 * decided without the database is decided here: the document's id, validated relation types and
 * kinds, aggregated mentions (one MENTIONS per entity), deduplicated relations, co-occurrence
 * weights and paragraph texts. No I/O.
 */
import * as path from 'path';
import { isKind, isRelationType, kindSpec, relationSpec, type KindName } from '../model';
import { withoutProclitics } from '../extract/arabic';
import { documentId, documentIdFromFile, idSuffix } from '../extract/ids';
import { lexiconNames } from './lexicon-keys';
import type { CoOccurrence, DocumentMeta, ExtractedDocument, ExtractedEntity } from '../extract/types';

type Scalar = string | number | boolean | string[] | number[];
export type Props = Record<string, Scalar>;

/** The document node: an entity of kind Document with the ingested-only properties. */
export interface DocumentRow {
  id: string;
  name: string;
  aliases: string[];
  keys: string[];
  /** Properties set on every (re)ingest; absent ones are removed (null). */
  props: Record<string, Scalar | null>;
}

export interface EntityRow {
  id: string;
  /** The document this row comes from: the smallest document id naming an entity gives its names and properties. */
  documentId: string;
  kind: KindName;
  name: string;
  nameAr: string | null;
  nameEn: string | null;
  acronym: string | null;
  category: string | null;
  aliases: string[];
  /** Normalised forms of every name (for the `searchKey` property). */
  keys: string[];
  /** Kind-specific properties of model/kinds.json, coerced to their declared type; absent ones null (removed when this row names the entity). */
  props: Record<string, Scalar | null>;
}

export interface MentionRow {
  id: string;
  props: {
    count: number;
    paragraphs: string[];
    surfaces: string[];
    starts: number[];
    ends: number[];
    texts: string[];
    /** Paragraph of each mention ('' outside numbered paragraphs: lists cannot hold null). */
    mentionParagraphs: string[];
    /**
     * What this document says about the entity, kept so that removing another document can
     * recompute the entity from what remains (src/graph/recompute.ts): its names, category,
     * search keys and kind properties (JSON). Aliases are `surfaces`.
     */
    eName: string;
    eNameAr?: string;
    eNameEn?: string;
    eAcronym?: string;
    eCategory?: string;
    eKeys: string[];
    eProps: string;
  };
}

export interface RelationRow {
  type: string;
  from: string;
  to: string;
  /**
   * `at`, `start`, `end`: where the evidence lies, the ordinal of the stored paragraph (Paragraph
   * id `${document}#${at}`) and the code-point offsets of the sentence in that paragraph's text
   * (Cypher's substring counts code points); at -1 when it lies in no paragraph (header lines).
   */
  props: { document: string; paragraph?: string; evidence: string; confidence: number; at: number; start: number; end: number };
}

export interface CoOccurrenceRow {
  a: string;
  b: string;
  /** Number of paragraphs of this document naming both. */
  weight: number;
}

export interface ParagraphRow {
  id: string;
  /** (documentId is set by the statement, not repeated in every row) */
  props: { number?: string; ordinal: number; text: string; start: number; end: number };
}

export interface DocumentRows {
  documentId: string;
  document: DocumentRow;
  entities: EntityRow[];
  mentions: MentionRow[];
  relations: RelationRow[];
  cooccurrences: CoOccurrenceRow[];
  paragraphs: ParagraphRow[];
  /** Every entity id this document contributes to (kept on its Contribution node to undo it later). */
  entityIds: string[];
  /** What was dropped and why (invalid relation types, mentions whose text does not match...). */
  warnings: string[];
}

/** Fields the extractor may add beyond the contract (extra fields are allowed by the ontology). */
interface DocumentMetaExtras {
  id?: string | null;
  category?: string | null;
}

export interface SourceInfo {
  /** The file's text as read: mention offsets index into it. */
  text: string;
  sha256: string;
}

export type Normaliser = (s: string) => string;

/**
 * Identity rules (README "Document identity"): a document's id is the extractor's (header
 * symbol slug, else file-name slug), `document:<slug>`; its `file` is the bare file name it was
 * ingested from. A stored document owns its id AND its file name: a new text under the same file
 * replaces it; a text whose id is owned by ANOTHER file (names differing only in case, spaces or
 * punctuation, or a header symbol already ingested from elsewhere) is refused (DOCUMENT_ID_TAKEN,
 * src/graph/load.ts). File names must be usable: checked here.
 */
export function documentIdFor(doc: Pick<ExtractedDocument, 'document' | 'file'>): string {
  const meta = doc.document as DocumentMeta & DocumentMetaExtras;
  if (meta.id) return meta.id;
  return documentId(meta.symbol, doc.file);
}

/** Why a document cannot be stored as it is, with the refusal code the API answers (README limits table). */
export class DocumentRefusedError extends Error {
  constructor(readonly code: 'BAD_FILE_NAME' | 'DOCUMENT_TOO_DENSE' | 'DOCUMENT_ID_TAKEN', message: string) {
    super(message);
    this.name = 'DocumentRefusedError';
  }
}

export const MAX_FILE_NAME = 200;

/** Why `file` cannot name a document (null when it can): bare names only, something to make an id from. */
export function fileNameProblem(file: string): string | null {
  if (!file.trim()) return 'the file name is empty: give a name such as "report-2020.txt"';
  if (/[\/\\]/.test(file) || file === '.' || file === '..') {
    return `the file name "${file}" has folder parts: send the bare name ("${file.split(/[\/\\]/).filter(Boolean).pop() ?? 'report.txt'}"); folders do not identify documents`;
  }
  if (/\p{Cc}/u.test(file)) return 'the file name contains control characters: use letters, digits, spaces, dots and dashes';
  if (file.length > MAX_FILE_NAME) return `the file name has ${file.length} characters (at most ${MAX_FILE_NAME}): shorten it`;
  if (!idSuffix(documentIdFromFile(file))) return `the file name "${file}" has no letter or digit to make a document id from: rename it`;
  return null;
}

/** Caps of what one document may write (README "Caps"); a document over a total is refused, not cut. */
export interface RowLimits {
  /** Co-occurrence pairs are made among at most this many entities per paragraph, by first mention. */
  pairEntitiesPerParagraph: number;
  /** Mentions (of all entities) in one document. */
  mentionsPerDocument: number;
  /** Distinct co-occurrence pairs of one document, after the per-paragraph cap. */
  pairsPerDocument: number;
}

export const DEFAULT_ROW_LIMITS: RowLimits = { pairEntitiesPerParagraph: 16, mentionsPerDocument: 20_000, pairsPerDocument: 20_000 };

/** The limits, with KG_MAX_PARAGRAPH_ENTITIES / KG_MAX_DOC_MENTIONS / KG_MAX_DOC_PAIRS overrides. */
export function rowLimits(env: NodeJS.ProcessEnv = process.env): RowLimits {
  const n = (v: string | undefined, d: number) => (v && Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : d);
  return {
    pairEntitiesPerParagraph: n(env.KG_MAX_PARAGRAPH_ENTITIES, DEFAULT_ROW_LIMITS.pairEntitiesPerParagraph),
    mentionsPerDocument: n(env.KG_MAX_DOC_MENTIONS, DEFAULT_ROW_LIMITS.mentionsPerDocument),
    pairsPerDocument: n(env.KG_MAX_DOC_PAIRS, DEFAULT_ROW_LIMITS.pairsPerDocument),
  };
}

function distinct<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

function nonEmpty(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.trim().length > 0;
}

/** Normalised forms of the names for the full-text index, each also without Arabic proclitics. */
function searchKeys(names: (string | null | undefined)[], normalise: Normaliser): string[] {
  const keys = names.filter(nonEmpty).map(normalise).filter((k) => k.length > 0);
  return distinct(keys.flatMap((k) => [k, withoutProclitics(k)]));
}

/** Kind-specific properties as declared in model/kinds.json; unknown names and nulls are dropped. */
export function kindProps(kind: KindName, properties: ExtractedEntity['properties'] | undefined): Props {
  const out: Props = {};
  for (const spec of kindSpec(kind)?.properties ?? []) {
    const v = properties?.[spec.name];
    if (v === null || v === undefined) continue;
    if (spec.type === 'int') {
      const n = typeof v === 'number' ? v : parseInt(String(v), 10);
      if (Number.isInteger(n)) out[spec.name] = n;
    } else if (spec.type === 'string[]') {
      const list = (Array.isArray(v) ? v : [v]).map(String).filter(nonEmpty);
      if (list.length) out[spec.name] = list;
    } else if (nonEmpty(String(v))) {
      out[spec.name] = Array.isArray(v) ? v.join(', ') : String(v);
    }
  }
  return out;
}

/** Kind properties with every declared one present: null where absent (so `+=` removes a previous value). */
function fullKindProps(kind: KindName, properties: ExtractedEntity['properties'] | undefined): Record<string, Scalar | null> {
  const given = kindProps(kind, properties);
  return Object.fromEntries((kindSpec(kind)?.properties ?? []).map((p) => [p.name, given[p.name] ?? null]));
}

export function toRows(doc: ExtractedDocument, source: SourceInfo, normalise: Normaliser, limits: RowLimits = DEFAULT_ROW_LIMITS): DocumentRows {
  const file = path.basename(doc.file);
  const problem = fileNameProblem(file);
  if (problem) throw new DocumentRefusedError('BAD_FILE_NAME', problem);
  const documentId = documentIdFor(doc);
  if (!/^[a-z]+:./.test(documentId)) throw new DocumentRefusedError('BAD_FILE_NAME', `no document id can be made of "${file}" (got "${documentId}"): rename the file or give a symbol`);
  const meta = doc.document as DocumentMeta & DocumentMetaExtras;
  const warnings: string[] = [];

  // Entities: one row per id (the extractor should not repeat one, but merge if it does).
  const byId = new Map<string, ExtractedEntity>();
  for (const e of doc.entities) {
    if (!isKind(e.type)) {
      warnings.push(`entity ${e.id}: unknown kind ${e.type}, dropped`);
      continue;
    }
    const prev = byId.get(e.id);
    if (!prev) byId.set(e.id, { ...e, aliases: [...(e.aliases ?? [])], mentions: [...(e.mentions ?? [])] });
    else if (prev.type !== e.type) warnings.push(`entity ${e.id}: listed as ${prev.type} and ${e.type}, kept ${prev.type}`);
    else {
      prev.aliases.push(...(e.aliases ?? []));
      prev.mentions.push(...(e.mentions ?? []));
    }
  }
  const ids = [...byId.keys()].sort(); // a stable lock order for concurrent writers

  const entities: EntityRow[] = [];
  const mentions: MentionRow[] = [];
  for (const id of ids) {
    const e = byId.get(id)!;
    // Provenance must be exact: a mention whose text is not the file's text at its offsets is dropped.
    const ms = e.mentions
      .filter((m) => {
        const ok = source.text.slice(m.start, m.end) === m.text && m.end > m.start;
        if (!ok) warnings.push(`entity ${id}: mention "${m.text}" at ${m.start}-${m.end} does not match the text, dropped`);
        return ok;
      })
      .sort((a, b) => a.start - b.start || a.end - b.end);
    const uniq = ms.filter((m, i) => i === 0 || m.start !== ms[i - 1].start || m.end !== ms[i - 1].end);
    if (uniq.length === 0) {
      // Every stored entity is backed by a mention: that is what lets a removal recompute it.
      warnings.push(`entity ${id}: no mention matches the text, dropped`);
      continue;
    }
    // Aliases are the surface forms of the mentions (what MENTIONS.surfaces keeps).
    const aliases = distinct(uniq.map((m) => m.text));
    const name = nonEmpty(e.name) ? e.name : (e.nameAr ?? e.nameEn ?? uniq[0].text);
    const row: EntityRow = {
      id,
      documentId,
      kind: e.type,
      name,
      nameAr: e.nameAr ?? null,
      nameEn: e.nameEn ?? null,
      acronym: e.acronym ?? null,
      category: e.category ?? null,
      aliases,
      keys: searchKeys([name, e.nameAr, e.nameEn, e.acronym, ...aliases, ...lexiconNames(id)], normalise),
      props: fullKindProps(e.type, e.properties),
    };
    entities.push(row);
    const mention: MentionRow['props'] = {
      count: uniq.length,
      paragraphs: distinct(uniq.map((m) => m.paragraph).filter(nonEmpty)),
      surfaces: aliases,
      starts: uniq.map((m) => m.start),
      ends: uniq.map((m) => m.end),
      texts: uniq.map((m) => m.text),
      mentionParagraphs: uniq.map((m) => m.paragraph ?? ''),
      eName: row.name,
      eKeys: row.keys,
      eProps: JSON.stringify(kindProps(e.type, e.properties)),
    };
    if (row.nameAr !== null) mention.eNameAr = row.nameAr;
    if (row.nameEn !== null) mention.eNameEn = row.nameEn;
    if (row.acronym !== null) mention.eAcronym = row.acronym;
    if (row.category !== null) mention.eCategory = row.category;
    mentions.push({ id, props: mention });
  }
  const mentionTotal = mentions.reduce((n, m) => n + m.props.count, 0);
  if (mentionTotal > limits.mentionsPerDocument) {
    throw new DocumentRefusedError(
      'DOCUMENT_TOO_DENSE',
      `the document names entities ${mentionTotal} times (at most ${limits.mentionsPerDocument} per document, KG_MAX_DOC_MENTIONS): split it into smaller documents`,
    );
  }

  // Relations: allow-listed type, known endpoints of allowed kinds; one per (type, from, to, paragraph).
  const kindOf = new Map<string, KindName>(entities.map((e) => [e.id, e.kind]));
  kindOf.set(documentId, 'Document');
  const relByKey = new Map<string, RelationRow>();
  const locate = evidenceLocator(doc.paragraphs, source.text);
  for (const r of doc.relations) {
    if (!isRelationType(r.type)) {
      warnings.push(`relation ${r.type} ${r.from} -> ${r.to}: not a relation type of model/relations.json, dropped`);
      continue;
    }
    const spec = relationSpec(r.type)!;
    const fk = kindOf.get(r.from);
    const tk = kindOf.get(r.to);
    if (!fk || !tk) {
      warnings.push(`relation ${r.type} ${r.from} -> ${r.to}: endpoint is not an entity of the document, dropped`);
      continue;
    }
    if (!spec.from.includes(fk) || !spec.to.includes(tk) || r.from === r.to) {
      warnings.push(`relation ${r.type} ${r.from} (${fk}) -> ${r.to} (${tk}): kinds not allowed by model/relations.json, dropped`);
      continue;
    }
    const key = [r.type, r.from, r.to, r.paragraph ?? ''].join('\u0000');
    const confidence = typeof r.confidence === 'number' && Number.isFinite(r.confidence) ? r.confidence : 0;
    const prev = relByKey.get(key);
    if (prev && prev.props.confidence >= confidence) continue;
    const evidence = r.evidence ?? '';
    const props: RelationRow['props'] = { document: documentId, evidence, confidence, ...locate(evidence, r.paragraph ?? null) };
    if (nonEmpty(r.paragraph)) props.paragraph = r.paragraph;
    relByKey.set(key, { type: r.type, from: r.from, to: r.to, props });
  }
  const relations = [...relByKey.values()].sort((a, b) => (a.from + a.to + a.type < b.from + b.to + b.type ? -1 : 1));

  // Co-occurrences: undirected, stored once from the smaller id; weight = paragraphs naming both.
  // Cap: in each paragraph, pairs only among the first `pairEntitiesPerParagraph` entities by
  // first mention there (ties by id), so a paragraph adds at most K(K-1)/2 pairs, not n².
  const firstIn = new Map<string, number>(); // `${paragraph}\u0000${id}` -> first offset
  for (const m of mentions) {
    m.props.mentionParagraphs.forEach((p, i) => {
      const k = `${p}\u0000${m.id}`;
      if (!firstIn.has(k)) firstIn.set(k, m.props.starts[i]);
    });
  }
  const { kept, capped } = capPairs(doc.cooccurrences, (p, id) => firstIn.get(`${p}\u0000${id}`), (id) => kindOf.has(id), limits.pairEntitiesPerParagraph);
  if (capped) warnings.push(`${capped} paragraph(s) name more than ${limits.pairEntitiesPerParagraph} entities: co-occurrence pairs kept among the first ${limits.pairEntitiesPerParagraph} of each`);
  const pairs = new Map<string, CoOccurrenceRow>();
  const seen = new Set<string>();
  for (const c of kept) {
    const [a, b] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
    const key = `${a}\u0000${b}`;
    const para = `${key}\u0000${c.paragraph ?? ''}`;
    if (seen.has(para)) continue; // the same pair twice in one paragraph counts once
    seen.add(para);
    const row = pairs.get(key);
    if (row) row.weight += 1;
    else pairs.set(key, { a, b, weight: 1 });
  }
  if (pairs.size > limits.pairsPerDocument) {
    throw new DocumentRefusedError(
      'DOCUMENT_TOO_DENSE',
      `the document makes ${pairs.size} co-occurrence pairs (at most ${limits.pairsPerDocument} per document, KG_MAX_DOC_PAIRS): split it into smaller documents`,
    );
  }
  const cooccurrences = [...pairs.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));

  const paragraphs: ParagraphRow[] = doc.paragraphs.map((p, i) => {
    const props: ParagraphRow['props'] = { ordinal: i, text: source.text.slice(p.start, p.end), start: p.start, end: p.end };
    if (nonEmpty(p.number)) props.number = p.number;
    return { id: `${documentId}#${i}`, props };
  });

  const title = nonEmpty(meta.title) ? meta.title : null;
  const docName = title ?? (nonEmpty(meta.symbol) ? meta.symbol : file);
  const docAliases = distinct([meta.symbol, title].filter(nonEmpty));
  const document: DocumentRow = {
    id: documentId,
    name: docName,
    aliases: docAliases,
    keys: searchKeys([docName, ...docAliases], normalise),
    props: {
      kind: 'Document',
      // An ingested document names itself: '' sorts before every id (see EntityRow.documentId).
      namedBy: '',
      acronym: null,
      name: docName,
      nameAr: meta.language === 'ar' ? title : null,
      nameEn: meta.language === 'en' ? title : null,
      category: meta.category ?? null,
      symbol: meta.symbol ?? null,
      date: meta.date ?? null,
      language: meta.language ?? null,
      originalLanguage: meta.originalLanguage ?? null,
      title,
      body: meta.body ?? null,
      session: meta.session ?? null,
      agendaItem: meta.agendaItem ?? null,
      subjects: (meta.subjects ?? []).filter(nonEmpty),
      sha256: source.sha256,
      file,
      paragraphCount: paragraphs.length,
    },
  };

  const entityIds = distinct([...ids, documentId]).sort();
  return { documentId, document, entities, mentions, relations, cooccurrences, paragraphs, entityIds, warnings };
}

/**
 * Where an evidence sentence lies among the document's paragraphs: the first paragraph whose text
 * contains it, those numbered as the relation's paragraph first, then all by ordinal; its offsets
 * in code points. cypher/graph-migrate-evidence.cypher locates stored texts by the same rule, so
 * a migrated graph equals a fresh ingest. Not found (or empty): at -1, the text is kept instead.
 */
export function locateEvidence(
  evidence: string,
  paragraph: string | null,
  paragraphs: ExtractedDocument['paragraphs'],
  text: string,
): EvidencePosition {
  return evidenceLocator(paragraphs, text)(evidence, paragraph);
}

export interface EvidencePosition {
  at: number;
  start: number;
  end: number;
}

const NOWHERE: EvidencePosition = { at: -1, start: 0, end: 0 };

/**
 * `locateEvidence` for every relation of one document: the numbered paragraphs are indexed once,
 * and the fallback finds the first paragraph holding the sentence through one search of the
 * whole text and a binary search of the paragraph starts (paragraphs are ordered and disjoint:
 * the first occurrence lying wholly inside a paragraph is in the first paragraph holding it).
 * Linear per relation, where slicing every paragraph for every unplaced sentence was
 * paragraphs × relations on a long document. Paragraphs out of order get the plain scan.
 */
export function evidenceLocator(paragraphs: ExtractedDocument['paragraphs'], text: string): (evidence: string, paragraph: string | null) => EvidencePosition {
  const numbered = new Map<string, number[]>();
  paragraphs.forEach((p, i) => {
    if (p.number !== null) numbered.set(p.number, [...(numbered.get(p.number) ?? []), i]);
  });
  const ordered = paragraphs.every((p, i) => p.start <= p.end && (i === 0 || paragraphs[i - 1].end <= p.start));
  const place = (i: number, k: number, evidence: string): EvidencePosition => {
    const start = codePoints(text.slice(paragraphs[i].start, paragraphs[i].start + k));
    return { at: i, start, end: start + codePoints(evidence) };
  };
  const within = (i: number, evidence: string): EvidencePosition | null => {
    const k = text.slice(paragraphs[i].start, paragraphs[i].end).indexOf(evidence);
    return k < 0 ? null : place(i, k, evidence);
  };
  /** The last paragraph starting at or before `offset` (-1: none). */
  const holder = (offset: number): number => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (paragraphs[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return (evidence, paragraph) => {
    if (!evidence) return NOWHERE;
    for (const i of nonEmpty(paragraph) ? (numbered.get(paragraph) ?? []) : []) {
      const hit = within(i, evidence);
      if (hit) return hit;
    }
    if (!ordered) {
      for (let i = 0; i < paragraphs.length; i++) {
        const hit = within(i, evidence);
        if (hit) return hit;
      }
      return NOWHERE;
    }
    for (let k = text.indexOf(evidence); k >= 0; k = text.indexOf(evidence, k + 1)) {
      const i = holder(k);
      if (i >= 0 && k + evidence.length <= paragraphs[i].end) return place(i, k - paragraphs[i].start, evidence);
    }
    return NOWHERE;
  };
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/**
 * The per-paragraph cap on co-occurrence pairs: in each paragraph, only pairs among the first
 * `k` known entities by first mention there (`firstAt`; ties by id). Applying it again to its
 * result changes nothing, so the ingest worker can trim a document's pairs before handing it over
 * (trimPairs) and the rows are the same as without.
 */
export function capPairs(
  cooccurrences: CoOccurrence[],
  firstAt: (paragraph: string, id: string) => number | undefined,
  known: (id: string) => boolean,
  k: number,
): { kept: CoOccurrence[]; capped: number } {
  const byParagraph = new Map<string, Set<string>>();
  for (const c of cooccurrences) {
    const p = c.paragraph ?? '';
    let set = byParagraph.get(p);
    if (!set) byParagraph.set(p, (set = new Set()));
    set.add(c.a).add(c.b);
  }
  const allowed = new Map<string, Set<string>>();
  let capped = 0;
  for (const [p, ids] of byParagraph) {
    const rank = (id: string) => firstAt(p, id) ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...ids].filter(known).sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
    if (ordered.length > k) capped++;
    allowed.set(p, new Set(ordered.slice(0, k)));
  }
  const kept = cooccurrences.filter((c) => {
    const keep = allowed.get(c.paragraph ?? '')!;
    return c.a !== c.b && keep.has(c.a) && keep.has(c.b);
  });
  return { kept, capped };
}

/** capPairs over an extracted document (entities of a known kind with a mention matching `text`), before toRows. */
export function trimPairs(doc: ExtractedDocument, text: string, k: number): ExtractedDocument {
  const firstIn = new Map<string, number>();
  const known = new Set<string>([documentIdFor(doc)]);
  for (const e of doc.entities) {
    if (!isKind(e.type)) continue;
    for (const m of e.mentions ?? []) {
      if (!(m.end > m.start && text.slice(m.start, m.end) === m.text)) continue;
      known.add(e.id);
      const key = `${m.paragraph ?? ''}\u0000${e.id}`;
      const at = firstIn.get(key);
      if (at === undefined || m.start < at) firstIn.set(key, m.start);
    }
  }
  const { kept } = capPairs(doc.cooccurrences, (p, id) => firstIn.get(`${p}\u0000${id}`), (id) => known.has(id), k);
  return kept.length === doc.cooccurrences.length ? doc : { ...doc, cooccurrences: kept };
}

/** Splits rows into batches so a huge document never becomes one giant parameter. */
export function batches<T>(rows: T[], size = 2000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Rows of one document, for statements that take several documents at once. */
export interface DocumentPart<T> {
  documentId: string;
  rows: T[];
}

/**
 * Splits the rows of several documents into statements of at most `size` rows in all, keeping
 * each row with its document and the documents' order (a large document spans statements).
 */
export function documentBatches<T>(parts: DocumentPart<T>[], size = 2000): DocumentPart<T>[][] {
  const out: DocumentPart<T>[][] = [];
  let current: DocumentPart<T>[] = [];
  let room = size;
  for (const { documentId, rows } of parts) {
    for (let i = 0; i < rows.length; ) {
      if (room === 0) {
        out.push(current);
        current = [];
        room = size;
      }
      const take = rows.slice(i, i + room);
      current.push({ documentId, rows: take });
      room -= take.length;
      i += take.length;
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** An entity row for a batch of documents: several documents' rows for one id, merged. */
export interface MergedEntityRow extends EntityRow {
  /** Every kind the rows gave (labels; `kind` is the first). */
  kinds: KindName[];
}

/**
 * Merges the entity rows of several documents into one row per id, with the result of writing
 * them one after the other in any order: the row of the smallest document id gives the names,
 * category and kind properties (as cypher/ingest-entities does with `namedBy`), aliases and search
 * keys are unioned. Hubs named by every document are then written once per batch.
 */
export function mergeEntityRows(rows: EntityRow[]): MergedEntityRow[] {
  const byId = new Map<string, MergedEntityRow>();
  for (const r of rows) {
    const m = byId.get(r.id);
    if (!m) {
      byId.set(r.id, { ...r, kinds: [r.kind], aliases: [...r.aliases], keys: [...r.keys], props: { ...r.props } });
      continue;
    }
    if (!m.kinds.includes(r.kind)) m.kinds.push(r.kind);
    // The smallest document id names the entity (whatever the order documents arrive in).
    if (r.documentId < m.documentId) {
      Object.assign(m, { documentId: r.documentId, name: r.name, nameAr: r.nameAr, nameEn: r.nameEn, acronym: r.acronym, category: r.category, props: { ...r.props } });
    }
    m.aliases = distinct([...m.aliases, ...r.aliases]);
    m.keys = distinct([...m.keys, ...r.keys]);
  }
  return [...byId.values()];
}

/**
 * One typed relationship per (type, from, to) for a batch of documents, its evidence entries as
 * the parallel lists stored on it (cypher/ingest-relations.cypher adds them to what is stored and
 * puts the whole in canonical order). A batch often states one fact in several documents: grouped
 * here, each relationship is written once per batch. Sorted by (from, to, type): writers lock
 * relationships in one order.
 */
export interface MergedRelationRow {
  type: string;
  from: string;
  to: string;
  evDocument: string[];
  /** '' when the extractor gave no paragraph (lists cannot hold null). */
  evParagraph: string[];
  /** Position of the evidence (RelationRow props at/start/end): a paragraph ordinal (-1: none) and code-point offsets in its text. */
  evAt: number[];
  evStart: number[];
  evEnd: number[];
  /** The evidence text only where it lies in no paragraph ('' otherwise: readers take the paragraph's substring). */
  evText: string[];
  evConfidence: number[];
  /** Every entry's sentence: not stored as a list; the statement keeps the best entry's as evBest. */
  evSentence: string[];
}

export function mergeRelationRows(rows: RelationRow[]): MergedRelationRow[] {
  const byKey = new Map<string, MergedRelationRow>();
  for (const r of rows) {
    const key = `${r.from}\u0000${r.to}\u0000${r.type}`;
    let m = byKey.get(key);
    if (!m) byKey.set(key, (m = { type: r.type, from: r.from, to: r.to, evDocument: [], evParagraph: [], evAt: [], evStart: [], evEnd: [], evText: [], evConfidence: [], evSentence: [] }));
    m.evDocument.push(r.props.document);
    m.evParagraph.push(r.props.paragraph ?? '');
    m.evAt.push(r.props.at);
    m.evStart.push(r.props.start);
    m.evEnd.push(r.props.end);
    m.evText.push(r.props.at < 0 ? r.props.evidence : '');
    m.evConfidence.push(r.props.confidence);
    m.evSentence.push(r.props.evidence);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byKey.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.type, b.type));
}

/** A co-occurrence pair for a batch of documents: weights summed, documents counted. */
export interface MergedCoOccurrenceRow extends CoOccurrenceRow {
  documents: number;
}

/** Merges several documents' co-occurrence rows into one per pair (the statement adds weight and documents). */
export function mergeCoOccurrences(rows: CoOccurrenceRow[]): MergedCoOccurrenceRow[] {
  const byPair = new Map<string, MergedCoOccurrenceRow>();
  for (const r of rows) {
    const key = `${r.a}\u0000${r.b}`;
    const m = byPair.get(key);
    if (m) {
      m.weight += r.weight;
      m.documents += 1;
    } else byPair.set(key, { ...r, documents: 1 });
  }
  return [...byPair.values()];
}
