/** What "the same extraction" means across formats of one document: offsets differ (lines wrap elsewhere), nothing else may. */
import type { ExtractedDocument } from '../../src/extract/types';

const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

export function extractionView(d: ExtractedDocument) {
  return {
    document: d.document,
    entities: d.entities
      .map((e) => ({ ...e, mentions: e.mentions.map((m) => `${squash(m.text)}@${m.paragraph}`).sort() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    relations: d.relations.map((r) => ({ ...r, evidence: squash(r.evidence) })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    cooccurrences: d.cooccurrences.length,
    paragraphs: d.paragraphs.map((p) => p.number),
  };
}

/** Every mention is an exact slice of the text it was extracted from. */
export function mentionsAreSlices(d: ExtractedDocument, text: string): boolean {
  return d.entities.every((e) => e.mentions.every((m) => text.slice(m.start, m.end) === m.text));
}
