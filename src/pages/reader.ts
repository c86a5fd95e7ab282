/**
 * The document reader (/read/<document id>), rendered on the server so the text reads without
 * script: the header, the paragraphs right to left with every mention highlighted by kind, each
 * relation's evidence sentence marked, and beside each paragraph the relations it states. A small
 * bundle (browser/read.ts) opens an entity's panel when a mention is clicked.
 * Deep link to one relation: `read/<id>?type=T&source=A&target=B#focus` (the explorer, search
 * results and exports link here).
 */
import type { PageConfig } from './config';
import { kindColour } from './palette';
import { ASSET_PATH, scriptJson } from './html';
import type { ReaderDocument, ReaderMention, ReaderParagraph, ReaderRelation } from './reader-data';
import { xmlEscape as esc } from './xml';

/** The relation a deep link asks to show (all three given, else none). */
export interface ReaderFocus {
  type: string;
  source: string;
  target: string;
}

export const relationKey = (r: { type: string; source: string; target: string }) => `${r.type}|${r.source}|${r.target}`;

/** Where a relation's evidence sits in a paragraph (local offsets), or null when it is not found there. */
export function evidenceRange(text: string, evidence: string | null): [number, number] | null {
  if (!evidence) return null;
  const at = text.indexOf(evidence);
  if (at >= 0) return [at, at + evidence.length];
  // Evidence may be cut (600 characters) or trimmed: its first 80 characters still place it.
  const head = evidence.slice(0, 80);
  const h = head.length >= 20 ? text.indexOf(head) : -1;
  return h >= 0 ? [h, Math.min(text.length, h + evidence.length)] : null;
}

/** Relations whose paragraph is this one (by number; unnumbered text by its evidence). */
function relationsIn(p: ReaderParagraph, relations: ReaderRelation[]): ReaderRelation[] {
  return relations.filter((r) => (p.number !== null && r.paragraph === p.number) || (r.paragraph === null && evidenceRange(p.text, r.evidence)));
}

/** The paragraph's text as HTML: mentions as <mark> by kind, evidence sentences as <span class="evidence">. Pure. */
export function paragraphHtml(p: ReaderParagraph, mentions: ReaderMention[], rels: ReaderRelation[], focus: ReaderFocus | null, colour: (kind: string) => string = () => '#999'): string {
  const local = mentions
    .filter((m) => m.start >= p.start && m.end <= p.end)
    .map((m) => ({ ...m, s: m.start - p.start, e: m.end - p.start }));
  // Overlapping mentions: the first (longest at a start) wins.
  const marks: typeof local = [];
  for (const m of local) if (!marks.length || m.s >= marks[marks.length - 1].e) marks.push(m);
  const evid: { s: number; e: number; focus: boolean; ends: Set<string> }[] = [];
  for (const r of rels) {
    const range = evidenceRange(p.text, r.evidence);
    if (!range) continue;
    const isFocus = !!focus && relationKey(r) === relationKey(focus);
    evid.push({ s: range[0], e: range[1], focus: isFocus, ends: new Set([r.source, r.target]) });
  }
  const cuts = new Set<number>([0, p.text.length]);
  for (const x of [...marks, ...evid]) cuts.add(x.s).add(x.e);
  const points = [...cuts].filter((c) => c >= 0 && c <= p.text.length).sort((a, b) => a - b);
  let html = '';
  let focusAnchored = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let seg = esc(p.text.slice(a, b));
    const m = marks.find((x) => x.s <= a && b <= x.e);
    const inEv = evid.filter((x) => x.s <= a && b <= x.e);
    const inFocus = inEv.find((x) => x.focus);
    if (m) {
      const end = inFocus && inFocus.ends.has(m.entity) ? ' end' : '';
      seg = `<mark class="m${end}" style="border-color:${colour(m.kind)}" data-entity="${esc(m.entity)}" data-kind="${esc(m.kind)}" tabindex="0" title="${esc(m.name)}">${seg}</mark>`;
    }
    if (inEv.length) {
      const id = inFocus && !focusAnchored ? ' id="focus"' : '';
      if (id) focusAnchored = true;
      seg = `<span class="evidence${inFocus ? ' focus' : ''}"${id}>${seg}</span>`;
    }
    html += seg;
  }
  return html;
}

function relationItem(r: ReaderRelation, cfg: PageConfig, focus: ReaderFocus | null): string {
  const spec = cfg.relations.find((x) => x.type === r.type);
  const conf = r.confidence === null ? '' : ` <span class="conf" title="confidence">${r.confidence.toFixed(2)}</span>`;
  const cls = focus && relationKey(r) === relationKey(focus) ? ' class="focus"' : '';
  return `<li${cls} data-type="${esc(r.type)}"><a href="../explore?id=${encodeURIComponent(r.source)}"><bdi>${esc(r.sourceName)}</bdi></a> <span class="rel" data-ar="${esc(spec?.labelAr ?? r.type)}" data-en="${esc(spec?.labelEn ?? r.type)}">${esc(spec?.labelAr ?? r.type)}</span> <a href="../explore?id=${encodeURIComponent(r.target)}"><bdi>${esc(r.targetName)}</bdi></a>${conf}</li>`;
}

export function readerHtml(doc: ReaderDocument, cfg: PageConfig, focus: ReaderFocus | null): string {
  const kindLabel = (k: string) => cfg.kinds.find((x) => x.name === k)?.labelAr ?? k;
  const meta: [string, string | null][] = [
    ['الرمز · symbol', doc.symbol],
    ['التاريخ · date', doc.date],
    ['الهيئة · body', doc.body],
    ['الدورة · session', doc.session],
  ];
  const header = `<header class="doc">
  <nav><a href="../explore">مستكشف الرسم البياني · explorer</a> · <a href="../playground" dir="ltr">GraphQL</a></nav>
  <h1 dir="auto">${esc(doc.title)}</h1>
  <dl>${meta.filter(([, v]) => v).map(([k, v]) => `<dt>${k}</dt><dd dir="auto">${esc(v!)}</dd>`).join('')}</dl>
  <ul class="legend">${cfg.kinds.map((k) => `<li><mark class="m" style="border-color:${kindColour(cfg.kinds, k.name)}">${esc(k.labelAr)}</mark></li>`).join('')}<li><span class="evidence">دليل علاقة · evidence</span></li></ul>
</header>`;
  const body = doc.paragraphs
    .map((p) => {
      const rels = relationsIn(p, doc.relations);
      const anchor = p.number !== null ? ` id="p-${esc(p.number)}"` : '';
      const side = rels.length ? `<ul class="rels">${rels.map((r) => relationItem(r, cfg, focus)).join('')}</ul>` : '';
      const num = p.number !== null ? `<span class="num">${esc(p.number)}</span>` : '';
      return `<section class="para"${anchor} data-ordinal="${p.ordinal}"><p dir="rtl">${num}${paragraphHtml(p, doc.mentions, rels, focus, (k) => kindColour(cfg.kinds, k))}</p>${side}</section>`;
    })
    .join('\n');
  const entities: Record<string, { name: string; kind: string; kindLabel: string }> = {};
  for (const m of doc.mentions) entities[m.entity] ??= { name: m.name, kind: m.kind, kindLabel: kindLabel(m.kind) };
  const data = { document: doc.id, entities, relations: doc.relations };
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)} · قارئ الوثائق</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="../${ASSET_PATH}/read.css">
<script id="kg-config" type="application/json">${scriptJson(cfg)}</script>
<script id="kg-document" type="application/json">${scriptJson(data)}</script>
</head>
<body>
${header}
<div class="reader">
<main id="text">
${body || '<p>لا نص لهذه الوثيقة (مستشهد بها فقط) · this document is cited only; no text was ingested.</p>'}
</main>
<aside id="entity-panel" aria-live="polite"><p class="hint">انقر على اسم لعرض الكيان · click a name to see the entity</p></aside>
</div>
<script src="../${ASSET_PATH}/read.js"></script>
</body>
</html>
`;
}
