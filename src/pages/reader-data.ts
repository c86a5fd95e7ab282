/**
 * The data of the document reader (/read/<id>): one Cypher round trip
 * (cypher/pages-read-document.cypher) turned into plain values the HTML renderer takes.
 */
import type { Db, Row } from '../graph/db';
import { displayName } from '../api/services/graph';
import { toEntity, toParagraph, type ParagraphValue } from '../api/values';

export interface ReaderMention {
  entity: string;
  kind: string;
  name: string;
  start: number;
  end: number;
}
export interface ReaderRelation {
  type: string;
  source: string;
  sourceName: string;
  target: string;
  targetName: string;
  evidence: string | null;
  paragraph: string | null;
  confidence: number | null;
}
export type ReaderParagraph = ParagraphValue;
export interface ReaderDocument {
  id: string;
  title: string;
  symbol: string | null;
  date: string | null;
  body: string | null;
  session: string | null;
  paragraphs: ReaderParagraph[];
  mentions: ReaderMention[];
  relations: ReaderRelation[];
}

const s = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const n = (v: unknown): number => Number(v);

/** The document with its paragraphs, mentions and relations, or null when no document has that id. */
export async function readerDocument(db: Db, id: string, minConfidence = 0): Promise<ReaderDocument | null> {
  const rows = await db.read('pages-read-document', { id, minConfidence });
  if (!rows.length) return null;
  const r = rows[0];
  const d = toEntity(r.d);
  return {
    id: d.id,
    title: displayName(d, 400),
    symbol: s(d.symbol),
    date: s(d.date),
    body: s(d.body),
    session: s(d.session),
    paragraphs: (r.paragraphs as Row[]).map(toParagraph),
    mentions: (r.mentions as Row[])
      .map((m) => ({ entity: String(m.entity), kind: String(m.kind ?? ''), name: displayName({ id: String(m.entity), name: s(m.name), nameEn: s(m.nameEn) }), start: n(m.start), end: n(m.end) }))
      .sort((a, b) => a.start - b.start || b.end - a.end),
    relations: (r.relations as Row[]).map((x) => ({
      type: String(x.type),
      source: String(x.source),
      sourceName: displayName({ id: String(x.source), name: s(x.sourceName) }),
      target: String(x.target),
      targetName: displayName({ id: String(x.target), name: s(x.targetName) }),
      evidence: s(x.evidence),
      paragraph: s(x.paragraph),
      confidence: x.confidence === null || x.confidence === undefined ? null : Number(x.confidence),
    })),
  };
}
