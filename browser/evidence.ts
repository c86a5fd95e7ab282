// The evidence panel: for the edges between two entities (one per relation type), the best evidence sentence with both ends
// highlighted, its document (symbol, title, date), paragraph and confidence, and a link that opens
// the reader at that sentence. Co-occurrence edges say plainly that no relation is stated.
import type { PageConfig } from '../src/pages/config';
import { el } from './dom';
import type { I18n } from './i18n';
import { endRanges } from './layout';
import { gql } from './page-config';

interface EdgeData { id: string; edgeId?: string; source: string; target: string; type: string; weight?: number; evidence: string | null; document: string | null; paragraph: string | null; confidence: number | null }
interface End { id: string; label: string }
interface Names { name: string; nameEn: string | null; acronym: string | null; aliases: string[] }
interface DocHeader { id: string; name: string; symbol?: string | null; title?: string | null; date?: string | null }

const MAX_DOCS = 10;

function query(docCount: number): string {
  const docs = Array.from({ length: docCount }, (_, i) => `d${i}: entity(id: $d${i}) { id name ... on Document { symbol title date } }`).join('\n  ');
  const vars = Array.from({ length: docCount }, (_, i) => `, $d${i}: ID!`).join('');
  return `query Evidence($a: ID!, $b: ID!${vars}) {
  a: entity(id: $a) { name nameEn acronym aliases }
  b: entity(id: $b) { name nameEn acronym aliases }
  ${docs}
}`;
}

const forms = (n: Names | null, label: string) => [label, ...(n ? [n.name, n.nameEn ?? '', n.acronym ?? '', ...n.aliases] : [])];

/** The sentence with the two ends in <mark class="end-a|end-b">. */
function sentence(text: string, a: string[], b: string[]): HTMLElement {
  const q = document.createElement('blockquote');
  q.dir = 'auto';
  let at = 0;
  for (const [s, e, which] of endRanges(text, a, b)) {
    q.append(text.slice(at, s));
    const m = document.createElement('mark');
    m.className = `end end-${which}`;
    m.textContent = text.slice(s, e);
    q.append(m);
    at = e;
  }
  q.append(text.slice(at));
  return q;
}

export async function showEvidence(pane: HTMLElement, config: PageConfig, i18n: I18n, sel: { source: End; target: End; edges: EdgeData[] }): Promise<void> {
  const docIds = [...new Set(sel.edges.map((e) => e.document).filter((d): d is string => !!d))].slice(0, MAX_DOCS);
  pane.replaceChildren(el('p', i18n.t('جارٍ تحميل الدليل…', 'loading the evidence…'), { class: 'hint' }));
  let names: { a: Names | null; b: Names | null } = { a: null, b: null };
  const docs = new Map<string, DocHeader>();
  try {
    const vars: Record<string, string> = { a: sel.source.id, b: sel.target.id };
    docIds.forEach((d, i) => (vars[`d${i}`] = d));
    const data = await gql<Record<string, unknown>>(config.graphqlPath, query(docIds.length), vars);
    names = { a: data.a as Names | null, b: data.b as Names | null };
    docIds.forEach((_, i) => {
      const d = data[`d${i}`] as DocHeader | null;
      if (d) docs.set(d.id, d);
    });
  } catch {
    // The sentences are still worth showing without the highlights and headers.
  }
  const h = el('h2');
  h.append(el('bdi', sel.source.label), ' ↔ ', el('bdi', sel.target.label));
  const list = el('ol', undefined, { class: 'evidence-list' });
  const sorted = [...sel.edges].sort((x, y) => (x.type === 'CO_OCCURS' ? 1 : 0) - (y.type === 'CO_OCCURS' ? 1 : 0) || (y.confidence ?? 0) - (x.confidence ?? 0));
  for (const e of sorted) {
    const li = el('li');
    li.dataset.type = e.type;
    if (e.type === 'CO_OCCURS') {
      li.className = 'co';
      li.append(el('strong', i18n.t('ورود مشترك', 'co-occurrence')), ' — ', i18n.t('يُذكران في فقرة واحدة على الأقل؛ لا تصرّح الوثائق بعلاقة بينهما هنا.', 'named in the same paragraph; no relation between them is stated by this edge.'));
      list.append(li);
      continue;
    }
    const [from, to] = e.source === sel.source.id ? [sel.source, sel.target] : [sel.target, sel.source];
    const head = el('p', undefined, { class: 'rel-head' });
    head.append(el('bdi', from.label), ' ', el('strong', i18n.relation(e.type), { class: 'rel' }), ' ', el('bdi', to.label));
    li.append(head);
    const fa = forms(from.id === sel.source.id ? names.a : names.b, from.label);
    const fb = forms(to.id === sel.source.id ? names.a : names.b, to.label);
    li.append(e.evidence ? sentence(e.evidence, fa, fb) : el('p', i18n.t('(لا جملة محفوظة)', '(no sentence stored)'), { class: 'hint' }));
    const meta = el('dl');
    const row = (k: string, v: string | null | undefined) => {
      if (!v) return;
      const dd = el('dd', v);
      dd.dir = 'auto';
      meta.append(el('dt', k), dd);
    };
    const d = e.document ? docs.get(e.document) : undefined;
    row(i18n.t('الوثيقة', 'document'), d ? [d.symbol, (d.title ?? '').replace(/\s+/g, ' ').trim() || d.name].filter(Boolean).join(' — ') : e.document);
    row(i18n.t('التاريخ', 'date'), d?.date);
    row(i18n.t('الفقرة', 'paragraph'), e.paragraph);
    row(i18n.t('الثقة', 'confidence'), e.confidence === null || e.confidence === undefined ? null : e.confidence.toFixed(2));
    // One edge per relation: the sentence above is its best evidence of `weight` statements.
    if (e.weight && e.weight > 1) row(i18n.t('مرات الذكر', 'statements'), i18n.t(`${e.weight} (أعلاه أقواها)`, `${e.weight} (the best shown)`));
    li.append(meta);
    if (e.document) {
      const a = el('a', i18n.t('افتح الوثيقة عند هذه الجملة', 'open the document at this sentence'), { class: 'read-link' }) as HTMLAnchorElement;
      a.href = `read/${encodeURIComponent(e.document)}?type=${encodeURIComponent(e.type)}&source=${encodeURIComponent(e.source)}&target=${encodeURIComponent(e.target)}${e.paragraph ? `&paragraph=${encodeURIComponent(e.paragraph)}` : ''}#focus`;
      li.append(a);
    }
    list.append(li);
  }
  pane.replaceChildren(h, list);
}
