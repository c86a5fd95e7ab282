// Document reader (/read/<id>): the text is rendered by the server (src/pages/reader.ts); this
// script opens an entity's panel when one of its mentions is clicked and scrolls to a deep link's
// evidence.
import type { PageConfig } from '../src/pages/config';
import { el } from './dom';
import './read.css';

interface ReaderData {
  document: string;
  entities: Record<string, { name: string; kind: string; kindLabel: string }>;
  relations: { type: string; source: string; sourceName: string; target: string; targetName: string; paragraph: string | null; confidence: number | null }[];
}

const cfg = JSON.parse(document.getElementById('kg-config')!.textContent!) as PageConfig;
const data = JSON.parse(document.getElementById('kg-document')!.textContent!) as ReaderData;
const panel = document.getElementById('entity-panel')!;
const relLabel = (t: string) => cfg.relations.find((r) => r.type === t)?.labelAr ?? t;

function showEntity(id: string): void {
  const e = data.entities[id];
  if (!e) return;
  document.querySelectorAll('mark.m.selected').forEach((m) => m.classList.remove('selected'));
  const marks = document.querySelectorAll<HTMLElement>(`mark.m[data-entity="${CSS.escape(id)}"]`);
  marks.forEach((m) => m.classList.add('selected'));
  const h = el('h2', e.name, { dir: 'auto' });
  const kind = el('p', e.kindLabel, { class: 'kind' });
  const count = el('p', `عدد الإشارات في هذه الوثيقة: ${marks.length}`, { class: 'kind' });
  count.append(' ', el('span', `(${marks.length} mentions here)`, { dir: 'ltr', lang: 'en' }));
  const link = el('a', 'افتح في المستكشف', { href: `../explore?id=${encodeURIComponent(id)}` });
  const ul = el('ul');
  for (const r of data.relations) {
    if (r.source !== id && r.target !== id) continue;
    const li = el('li');
    const go = el('a', `${relLabel(r.type)} `, { href: `?type=${encodeURIComponent(r.type)}&source=${encodeURIComponent(r.source)}&target=${encodeURIComponent(r.target)}#focus` });
    li.append(el('bdi', r.sourceName), ' ', go, ' ', el('bdi', r.targetName), r.paragraph ? ` (¶ ${r.paragraph})` : '');
    ul.append(li);
  }
  panel.replaceChildren(h, kind, count, link, ...(ul.childElementCount ? [el('h3', 'علاقاته في هذه الوثيقة'), ul] : []));
  panel.dataset.entity = id;
}

document.getElementById('text')!.addEventListener('click', (ev) => {
  const m = (ev.target as HTMLElement).closest<HTMLElement>('mark.m[data-entity]');
  if (m) showEntity(m.dataset.entity!);
});
document.getElementById('text')!.addEventListener('keydown', (ev) => {
  const m = (ev.target as HTMLElement).closest<HTMLElement>('mark.m[data-entity]');
  if (m && (ev.key === 'Enter' || ev.key === ' ')) {
    ev.preventDefault();
    showEntity(m.dataset.entity!);
  }
});
document.getElementById('focus')?.scrollIntoView({ block: 'center' });
(window as unknown as { kgReader: unknown }).kgReader = { showEntity };
