/** Plain values the resolvers return, built from the rows of cypher/api-*.cypher. */
import { KIND_NAMES } from '../model';

export interface EntityValue {
  id: string;
  kind: string;
  name: string;
  nameAr: string | null;
  nameEn: string | null;
  acronym: string | null;
  aliases: string[];
  category: string | null;
  [property: string]: unknown;
}

export interface MentionValue {
  documentId: string;
  paragraph: string | null;
  text: string;
  start: number;
  end: number;
}

/** One entry of a typed relation's evidence lists (parallel lists on the relationship). */
export interface EvidenceValue {
  text: string | null;
  documentId: string | null;
  paragraph: string | null;
  confidence: number | null;
}

/**
 * A typed relation, stored once per (type, from, to): its totals, and the first entries of its
 * evidence (best first; at most the largest `evidence(first:)` the query asks).
 */
export interface RelationValue {
  type: string;
  direction: 'OUT' | 'IN';
  entity: EntityValue;
  count: number;
  documentCount: number;
  confidence: number | null;
  evidence: EvidenceValue[];
}

export interface ParagraphValue {
  id: string;
  number: string | null;
  ordinal: number;
  text: string;
  start: number;
  end: number;
}

export interface DocumentEntityValue {
  entity: EntityValue;
  count: number;
  paragraphs: string[];
}

/** Whitespace a display name must not keep: anything but a single inner space. */
const UNTIDY = /[^\S ]| {2}|^ | $/;

/**
 * A node projected as `e {.*, _labels: labels(e)}`: its properties (without `_labels`) in their
 * order, then the fields every entity has. Called for every row of every read (420 times for a
 * two-level query), so it copies the row once and tidies the name only when it needs it.
 */
export function toEntity(raw: unknown): EntityValue {
  const r = raw as Record<string, unknown>;
  const e: Record<string, unknown> = {};
  for (const k in r) if (k !== '_labels') e[k] = r[k];
  const labels = r._labels as string[] | undefined;
  const kind = (typeof r.kind === 'string' && r.kind) || (labels ?? []).find((l) => (KIND_NAMES as readonly string[]).includes(l)) || 'Document';
  const id = String(r.id);
  const shown = (r.name as string) || (r.nameAr as string) || (r.nameEn as string) || id;
  e.id = id;
  e.kind = kind;
  // A name fit to show: PDF line breaks and runs of spaces collapsed.
  e.name = (UNTIDY.test(shown) ? shown.replace(/\s+/g, ' ').trim() : shown) || id;
  e.nameAr = (r.nameAr as string) ?? null;
  e.nameEn = (r.nameEn as string) ?? null;
  e.acronym = (r.acronym as string) ?? null;
  e.aliases = Array.isArray(r.aliases) ? (r.aliases as string[]) : [];
  e.category = (r.category as string) ?? null;
  return e as EntityValue;
}

/** A paragraph node's properties (`p {.*}`). */
export function toParagraph(p: Record<string, unknown>): ParagraphValue {
  return { id: String(p.id), number: str(p.number), ordinal: Number(p.ordinal), text: String(p.text ?? ''), start: Number(p.start), end: Number(p.end) };
}

export function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

export function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}
