// Graph explorer: search an entity, draw its neighbourhood with Cytoscape.js (canvas 2D, so it works
// without a GPU), click a node to expand it. Arabic-first: the page is RTL and every label carries
// its own direction so mixed Arabic/Latin names render in the right order.
import cytoscape, { Core, ElementDefinition } from 'cytoscape';
import { gql, pageConfig } from './page-config';
import './explore.css';

interface GraphNode { id: string; label: string; kind: string; category: string | null }
interface GraphEdge { id: string; source: string; target: string; type: string; evidence: string | null; document: string | null }
interface Subgraph { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }
interface SearchHit { score: number; entity: { id: string; kind: string; name: string; nameEn: string | null; acronym: string | null } }

const config = pageConfig();
const NEIGHBOURHOOD_LIMIT = 150;

const SEARCH = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 12) { score entity { id kind name nameEn acronym } }
}`;
const NEIGHBOURHOOD = `query ExplorerNeighbourhood($ids: [ID!]!, $limit: Int!) {
  neighbourhood(ids: $ids, depth: 1, limit: $limit) {
    nodes { id label kind category }
    edges { id source target type evidence document }
    truncated
  }
}`;

// Colour-blind-friendly palette (Okabe-Ito + extras); kinds take colours in model order.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7F7F7F', '#F0E442', '#000000'];
const kindColour = new Map(config.kinds.map((k, i) => [k.name, PALETTE[i % PALETTE.length]]));
const colourOf = (kind: string) => kindColour.get(kind) ?? '#999999';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const STRONG = /[A-Za-z\u00C0-\u024F\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Direction of a text by its first strong character (what dir="auto" does in HTML). */
export function textDirection(text: string): 'rtl' | 'ltr' {
  const m = STRONG.exec(text);
  return m && ARABIC.test(m[0]) ? 'rtl' : 'ltr';
}

/** Wraps a canvas label in an explicit bidi embedding: canvas text has no dir="auto". */
function canvasLabel(text: string): string {
  return (textDirection(text) === 'rtl' ? '\u202B' : '\u202A') + text + '\u202C';
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('search-text');
const results = $<HTMLUListElement>('search-results');
const status = $<HTMLParagraphElement>('status');
const details = $<HTMLDivElement>('details');
const legend = $<HTMLUListElement>('legend');

for (const k of config.kinds) {
  const li = document.createElement('li');
  li.title = k.description;
  li.dataset.kind = k.name;
  const dot = document.createElement('span');
  dot.className = 'swatch';
  dot.style.background = colourOf(k.name);
  li.append(dot, document.createTextNode(k.name));
  legend.append(li);
}

const FONT = '"Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif';
const cy: Core = cytoscape({
  container: $('graph'),
  style: [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 15,
        color: '#1b1b1b',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '160px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '2px',
        width: 22,
        height: 22,
      },
    },
    { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#222' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ff0066' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: '',
        'font-size': 9,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'font-family': FONT,
      },
    },
    // Edge labels only around the selected node: with all of them the drawing is unreadable.
    { selector: 'edge.focus', style: { label: 'data(type)', width: 2.5, 'line-color': '#ff0066', 'target-arrow-color': '#ff0066', 'z-index': 10 } },
    { selector: 'edge[type = "CO_OCCURS"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', label: '' } },
  ],
});
// Tests drive the canvas through this handle (node positions are not in the DOM).
(window as unknown as { kgExplorer: unknown }).kgExplorer = { cy, expand, show };

/** Status line in Arabic, then English in its own LTR span (so numbers stay with their words). */
function setStatus(arabic: string, english: string, error = false): void {
  const en = document.createElement('span');
  en.dir = 'ltr';
  en.textContent = english;
  status.replaceChildren(arabic, ' · ', en);
  status.classList.toggle('error', error);
}

function updateStatus(truncated: boolean): void {
  const n = cy.nodes().length;
  const e = cy.edges().length;
  const cut = truncated ? ' (مقتطع)' : '';
  setStatus(`${n} عقدة، ${e} علاقة${cut}`, `${n} nodes, ${e} edges${truncated ? ' (truncated)' : ''}`);
  status.dataset.nodes = String(n);
  status.dataset.edges = String(e);
  status.dataset.truncated = String(truncated);
}

function merge(g: Subgraph): number {
  const add: ElementDefinition[] = [];
  for (const n of g.nodes) {
    if (cy.getElementById(n.id).nonempty()) continue;
    add.push({ group: 'nodes', data: { ...n, display: canvasLabel(n.label), colour: colourOf(n.kind) } });
  }
  for (const e of g.edges) {
    if (cy.getElementById(`e:${e.id}`).nonempty()) continue;
    add.push({ group: 'edges', data: { ...e, id: `e:${e.id}`, edgeId: e.id } });
  }
  cy.add(add);
  return add.filter((a) => a.group === 'nodes').length;
}

function relayout(): Promise<void> {
  return new Promise((resolve) => {
    const layout = cy.layout({
      name: 'cose',
      animate: false,
      nodeDimensionsIncludeLabels: true,
      padding: 30,
      randomize: false,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 400000,
      nodeOverlap: 20,
    });
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

/** Loads the neighbourhood of `id` and adds what is new to the drawing. */
async function expand(id: string): Promise<number> {
  setStatus('جارٍ التحميل…', 'loading…');
  try {
    const { neighbourhood } = await gql<{ neighbourhood: Subgraph }>(config.graphqlPath, NEIGHBOURHOOD, { ids: [id], limit: NEIGHBOURHOOD_LIMIT });
    const added = merge(neighbourhood);
    cy.getElementById(id).data('expanded', true);
    await relayout();
    updateStatus(neighbourhood.truncated);
    show(id);
    return added;
  } catch (err) {
    setStatus('تعذّر التحميل', `could not load: ${(err as Error).message}`, true);
    return 0;
  }
}

/** Fills the side panel with a node's data, each value in its own direction. */
function show(id: string): void {
  const node = cy.getElementById(id);
  details.replaceChildren();
  if (node.empty()) return;
  cy.elements().unselect();
  cy.edges().removeClass('focus');
  node.select();
  node.connectedEdges().addClass('focus');
  const d = node.data() as GraphNode;
  const h = document.createElement('h2');
  h.textContent = d.label;
  h.dir = 'auto';
  const dl = document.createElement('dl');
  const row = (k: string, v: string | null | undefined) => {
    if (!v) return;
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dd.dir = 'auto';
    dl.append(dt, dd);
  };
  row('النوع / kind', d.kind);
  row('الفئة / category', d.category);
  row('المعرّف / id', d.id);
  const lists: HTMLElement[] = [];
  for (const [title, out] of [['علاقات صادرة · outgoing', true], ['علاقات واردة · incoming', false]] as const) {
    const ul = document.createElement('ul');
    node.connectedEdges().forEach((e) => {
      if ((e.source().id() === id) !== out || ul.childElementCount >= 40) return;
      const other = out ? e.target() : e.source();
      const li = document.createElement('li');
      const type = document.createElement('code');
      type.textContent = e.data('type');
      const name = document.createElement('bdi');
      name.textContent = other.data('label');
      li.append(type, ' ', name);
      ul.append(li);
    });
    if (!ul.childElementCount) continue;
    const h3 = document.createElement('h3');
    h3.textContent = title;
    lists.push(h3, ul);
  }
  const exp = document.createElement('a');
  exp.href = `${config.exportPath}?ids=${encodeURIComponent(id)}&depth=1&format=graphml`;
  exp.textContent = 'GraphML';
  const gexf = document.createElement('a');
  gexf.href = `${config.exportPath}?ids=${encodeURIComponent(id)}&depth=1&format=gexf`;
  gexf.textContent = 'GEXF';
  const p = document.createElement('p');
  p.append('تصدير / export: ', exp, ' · ', gexf);
  details.append(h, dl, ...lists, p);
}

cy.on('tap', 'node', (evt) => {
  const id = evt.target.id() as string;
  if (evt.target.data('expanded')) show(id);
  else void expand(id);
});

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  results.replaceChildren();
  setStatus('جارٍ البحث…', 'searching…');
  try {
    const { search } = await gql<{ search: SearchHit[] }>(config.graphqlPath, SEARCH, { text });
    if (!search.length) setStatus(`لا نتائج لـ«${text}»`, 'no results');
    else setStatus(`${search.length} نتيجة`, `${search.length} results`);
    for (const hit of search) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.id = hit.entity.id;
      b.style.borderInlineStartColor = colourOf(hit.entity.kind);
      const name = document.createElement('span');
      name.textContent = hit.entity.name;
      name.dir = 'auto';
      const sub = document.createElement('small');
      sub.textContent = [hit.entity.kind, hit.entity.acronym, hit.entity.nameEn].filter(Boolean).join(' · ');
      sub.dir = 'auto';
      b.append(name, sub);
      b.addEventListener('click', () => {
        cy.elements().remove();
        void expand(hit.entity.id);
      });
      li.append(b);
      results.append(li);
    }
  } catch (err) {
    setStatus('تعذّر البحث', `search failed: ${(err as Error).message}`, true);
  }
});

// /explore?id=agency:unodc opens an entity directly (links from elsewhere, tests).
const start = new URLSearchParams(location.search).get('id');
if (start) void expand(start);
