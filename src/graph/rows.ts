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
import { documentId } from '../extract/ids';
import type { DocumentMeta, ExtractedDocument, ExtractedEntity } from '../extract/types';

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
  kind: KindName;
  name: string;
  nameAr: string | null;
  nameEn: string | null;
  acronym: string | null;
  category: string | null;
  aliases: string[];
  /** Normalised forms of every name (for the `searchKey` property). */
  keys: string[];
  /** Kind-specific properties of model/kinds.json, coerced to their declared type; nulls left out. */
  props: Props;
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
  };
}

export interface RelationRow {
  type: string;
  from: string;
  to: string;
  props: { document: string; paragraph?: string; evidence: string; confidence: number };
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

/** Lower-case slug of a symbol or file stem, as used in ids (`A/HRC/32/41` -> `a-hrc-32-41`). */
export { asciiSlug as slug } from '../extract/ids';

/** The ingested document's id: the extractor's when it gives one, else from its symbol, else from its file name. */
export function documentIdFor(doc: Pick<ExtractedDocument, 'document' | 'file'>): string {
  const meta = doc.document as DocumentMeta & DocumentMetaExtras;
  if (meta.id) return meta.id;
  return documentId(meta.symbol, doc.file);
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

export function toRows(doc: ExtractedDocument, source: SourceInfo, normalise: Normaliser): DocumentRows {
  const documentId = documentIdFor(doc);
  const meta = doc.document as DocumentMeta & DocumentMetaExtras;
  const file = path.basename(doc.file);
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
    const aliases = distinct([...e.aliases, ...uniq.map((m) => m.text)].filter(nonEmpty));
    const name = nonEmpty(e.name) ? e.name : (e.nameAr ?? e.nameEn ?? uniq[0]?.text ?? id);
    entities.push({
      id,
      kind: e.type,
      name,
      nameAr: e.nameAr ?? null,
      nameEn: e.nameEn ?? null,
      acronym: e.acronym ?? null,
      category: e.category ?? null,
      aliases,
      keys: searchKeys([name, e.nameAr, e.nameEn, e.acronym, ...aliases], normalise),
      props: kindProps(e.type, e.properties),
    });
    if (uniq.length) {
      mentions.push({
        id,
        props: {
          count: uniq.length,
          paragraphs: distinct(uniq.map((m) => m.paragraph).filter(nonEmpty)),
          surfaces: distinct(uniq.map((m) => m.text)),
          starts: uniq.map((m) => m.start),
          ends: uniq.map((m) => m.end),
          texts: uniq.map((m) => m.text),
          mentionParagraphs: uniq.map((m) => m.paragraph ?? ''),
        },
      });
    }
  }

  // Relations: allow-listed type, known endpoints of allowed kinds; one per (type, from, to, paragraph).
  const kindOf = new Map<string, KindName>(entities.map((e) => [e.id, e.kind]));
  kindOf.set(documentId, 'Document');
  const relByKey = new Map<string, RelationRow>();
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
    const props: RelationRow['props'] = { document: documentId, evidence: r.evidence ?? '', confidence };
    if (nonEmpty(r.paragraph)) props.paragraph = r.paragraph;
    relByKey.set(key, { type: r.type, from: r.from, to: r.to, props });
  }
  const relations = [...relByKey.values()].sort((a, b) => (a.from + a.to + a.type < b.from + b.to + b.type ? -1 : 1));

  // Co-occurrences: undirected, stored once from the smaller id; weight = paragraphs naming both.
  const pairs = new Map<string, CoOccurrenceRow>();
  const seen = new Set<string>();
  for (const c of doc.cooccurrences) {
    if (c.a === c.b || !kindOf.has(c.a) || !kindOf.has(c.b)) continue;
    const [a, b] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
    const key = `${a}\u0000${b}`;
    const para = `${key}\u0000${c.paragraph ?? ''}`;
    if (seen.has(para)) continue; // the same pair twice in one paragraph counts once
    seen.add(para);
    const row = pairs.get(key);
    if (row) row.weight += 1;
    else pairs.set(key, { a, b, weight: 1 });
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
 * Merges the entity rows of several documents (in document order) into one row per id, with the
 * result of writing them one after the other: the first non-null name fields win (as the
 * statement's coalesce does), kind properties are overridden by later rows (`n += props`), and
 * aliases and search keys are unioned. Hubs named by every document are then written once per batch.
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
    m.name ||= r.name;
    m.nameAr ??= r.nameAr;
    m.nameEn ??= r.nameEn;
    m.acronym ??= r.acronym;
    m.category ??= r.category;
    Object.assign(m.props, r.props);
    m.aliases = distinct([...m.aliases, ...r.aliases]);
    m.keys = distinct([...m.keys, ...r.keys]);
  }
  return [...byId.values()];
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
