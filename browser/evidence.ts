// The evidence panel: for the edges between two entities (one per relation type and pair), every
// sentence stating each relation (best first, up to ENTRIES), both ends highlighted, its document
// (symbol, title, date), paragraph and confidence, and a link that opens the reader at that
// sentence; one GraphQL request. Co-occurrence edges say plainly that no relation is stated.
import type { PageConfig } from '../src/pages/config';
import { el } from './dom';
import type { I18n } from './i18n';
import { endRanges } from './layout';
import { gql } from './page-config';

interface EdgeData { id: string; edgeId?: string; source: string; target: string; type: string; weight?: number; evidence: string | null; document: string | null; paragraph: string | null; confidence: number | null }
interface End { id: string; label: string }
interface DocHeader { id: string; name: string; symbol?: string | null; title?: string | null; date?: string | null }
interface Entry { text: string | null; paragraph: string | null; confidence: number | null; document: DocHeader | null }
interface Rel { type: string; direction: 'OUT' | 'IN'; entity: { id: string }; count: number; documentCount: number; evidence: Entry[] }
interface Names { name: string; nameEn: string | null; acronym: string | null; aliases: string[]; relations?: Rel[] }

/** Relations read from each end (ordered by count: a pair of hubs may miss theirs, then the edge's best entry is shown). */
const RELATIONS_PAGE = 100;
/** Evidence sentences shown per relation. */
const ENTRIES = 10;

const QUERY = `query Evidence($a: ID!, $b: ID!, $types: [RelationType!], $typed: Boolean!) {
  a: entity(id: $a) { ...End }
  b: entity(id: $b) { ...End }
}
fragment End on Entity {
  name nameEn acronym aliases
  relations(types: $types, first: ${RELATIONS_PAGE}) @include(if: $typed) {
    type direction entity { id } count documentCount
    evidence(first: ${ENTRIES}) { text paragraph confidence document { id name ... on Document { symbol title date } } }
  }
}`;

/** The relation an edge stands for, as read from either end (one relation per type and pair). */
function relationOf(e: EdgeData, ends: [string, Names | null][]): Rel | undefined {
  for (const [end, n] of ends) {
    const other = end === e.source ? e.target : e.source;
    const found = n?.relations?.find((r) => r.type === e.type && r.entity.id === other && (r.direction === 'OUT') === (end === e.source));
    if (found) return found;
  }
  return undefined;
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
  pane.replaceChildren(el('p', i18n.t('جارٍ تحميل الدليل…', 'loading the evidence…'), { class: 'hint' }));
  const types = [...new Set(sel.edges.map((e) => e.type).filter((t) => t !== 'CO_OCCURS' && t !== 'MENTIONS'))];
  let names: { a: Names | null; b: Names | null } = { a: null, b: null };
  try {
    const data = await gql<{ a: Names | null; b: Names | null }>(config.graphqlPath, QUERY, { a: sel.source.id, b: sel.target.id, types, typed: types.length > 0 });
    names = { a: data.a, b: data.b };
  } catch {
    // The edges' best sentences are still worth showing without the highlights and headers.
  }
  const h = el('h2');
  h.append(el('bdi', sel.source.label), ' ↔ ', el('bdi', sel.target.label));
  const list = el('ol', undefined, { class: 'evidence-list' });
  const sorted = [...sel.edges].sort((x, y) => (x.type === 'CO_OCCURS' ? 1 : 0) - (y.type === 'CO_OCCURS' ? 1 : 0) || (y.confidence ?? 0) - (x.confidence ?? 0));
  for (const e of sorted) {
    if (e.type === 'CO_OCCURS') {
      const li = el('li');
      li.dataset.type = e.type;
      li.className = 'co';
      li.append(el('strong', i18n.t('ورود مشترك', 'co-occurrence')), ' — ', i18n.t('يُذكران في فقرة واحدة على الأقل؛ لا تصرّح الوثائق بعلاقة بينهما هنا.', 'named in the same paragraph; no relation between them is stated by this edge.'));
      list.append(li);
      continue;
    }
    const [from, to] = e.source === sel.source.id ? [sel.source, sel.target] : [sel.target, sel.source];
    const fa = forms(from.id === sel.source.id ? names.a : names.b, from.label);
    const fb = forms(to.id === sel.source.id ? names.a : names.b, to.label);
    // Every sentence of the relation (up to ENTRIES, best first); the edge's own best one when
    // the relation was not within either end's page.
    const rel = relationOf(e, [[sel.source.id, names.a], [sel.target.id, names.b]]);
    const entries: Entry[] = rel?.evidence.length
      ? rel.evidence
      : [{ text: e.evidence, paragraph: e.paragraph, confidence: e.confidence, document: e.document ? { id: e.document, name: e.document } : null }];
    const total = rel?.count ?? e.weight ?? entries.length;
    entries.forEach((x, i) => {
      const li = el('li');
      li.dataset.type = e.type;
      const head = el('p', undefined, { class: 'rel-head' });
      head.append(el('bdi', from.label), ' ', el('strong', i18n.relation(e.type), { class: 'rel' }), ' ', el('bdi', to.label));
      if (total > 1) head.append(` (${i + 1}/${total})`);
      li.append(head);
      li.append(x.text ? sentence(x.text, fa, fb) : el('p', i18n.t('(لا جملة محفوظة)', '(no sentence stored)'), { class: 'hint' }));
      const meta = el('dl');
      const row = (k: string, v: string | null | undefined) => {
        if (!v) return;
        const dd = el('dd', v);
        dd.dir = 'auto';
        meta.append(el('dt', k), dd);
      };
      const d = x.document;
      row(i18n.t('الوثيقة', 'document'), d ? [d.symbol, (d.title ?? '').replace(/\s+/g, ' ').trim() || d.name].filter(Boolean).join(' — ') : null);
      row(i18n.t('التاريخ', 'date'), d?.date);
      row(i18n.t('الفقرة', 'paragraph'), x.paragraph);
      row(i18n.t('الثقة', 'confidence'), x.confidence === null || x.confidence === undefined ? null : x.confidence.toFixed(2));
      if (i === 0 && rel && total > entries.length) {
        row(i18n.t('مرات الذكر', 'statements'), i18n.t(`${total} في ${rel.documentCount} وثيقة، تُعرض أقوى ${entries.length}`, `${total} in ${rel.documentCount} documents, the best ${entries.length} shown`));
      }
      li.append(meta);
      if (d) {
        const a = el('a', i18n.t('افتح الوثيقة عند هذه الجملة', 'open the document at this sentence'), { class: 'read-link' }) as HTMLAnchorElement;
        a.href = `read/${encodeURIComponent(d.id)}?type=${encodeURIComponent(e.type)}&source=${encodeURIComponent(e.source)}&target=${encodeURIComponent(e.target)}${x.paragraph ? `&paragraph=${encodeURIComponent(x.paragraph)}` : ''}#focus`;
        li.append(a);
      }
      list.append(li);
    });
  }
  pane.replaceChildren(h, list);
}
