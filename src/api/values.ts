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

/** A node projected as `e {.*, _labels: labels(e)}`. */
export function toEntity(raw: unknown): EntityValue {
  const { _labels, ...p } = raw as Record<string, unknown> & { _labels?: string[] };
  const kind = (typeof p.kind === 'string' && p.kind) || (_labels ?? []).find((l) => (KIND_NAMES as readonly string[]).includes(l)) || 'Document';
  const id = String(p.id);
  return {
    ...p,
    id,
    kind,
    // A name fit to show: PDF line breaks and runs of spaces collapsed.
    name: ((p.name as string) || (p.nameAr as string) || (p.nameEn as string) || id).replace(/\s+/g, ' ').trim() || id,
    nameAr: (p.nameAr as string) ?? null,
    nameEn: (p.nameEn as string) ?? null,
    acronym: (p.acronym as string) ?? null,
    aliases: Array.isArray(p.aliases) ? (p.aliases as string[]) : [],
    category: (p.category as string) ?? null,
  };
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
