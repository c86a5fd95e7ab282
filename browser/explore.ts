// Graph explorer: search an entity, draw its neighbourhood with Cytoscape.js (canvas 2D, so it works
// without a GPU), click a node to expand it, click an edge to read its evidence. Arabic-first (RTL,
// labels from the model) with an English switch. Existing nodes never move: new ones are placed
// around the node expanded (layout.ts).
import cytoscape, { Core, EdgeSingular, ElementDefinition } from 'cytoscape';
import { kindColour } from '../src/pages/palette';
import { el } from './dom';
import { showEvidence } from './evidence';
import { I18n } from './i18n';
import { placeAround, shortLabel } from './layout';
import { gql, pageConfig } from './page-config';
import './explore.css';

interface GraphNode { id: string; label: string; kind: string; category: string | null }
interface GraphEdge { id: string; source: string; target: string; type: string; weight: number; evidence: string | null; document: string | null; paragraph: string | null; confidence: number | null }
interface Subgraph { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }
interface SearchHit { score: number; entity: { id: string; kind: string; name: string; nameEn: string | null; acronym: string | null } }

const config = pageConfig();
const i18n = new I18n(config);
/** New neighbours per expansion: a hub's are paged ("+120 more"); `?page=N` (10 to 500) sets another size. */
const PAGE = pageSize(new URLSearchParams(location.search).get('page'));
const MAX_LIMIT = 1000;

function pageSize(asked: string | null): number {
  const n = Number(asked);
  return Number.isInteger(n) && n >= 10 && n <= 500 ? n : 120;
}
/** Labels drawn at once (the best connected, plus expanded and selected nodes); the rest on hover or zoom. */
const LABELLED = 40;
/** Distance between the centres of nodes placed by an expansion (room for a label). */
const SPACING = 110;

const SEARCH = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 12) { score entity { id kind name nameEn acronym } }
}`;
const NEIGHBOURHOOD = `query ExplorerNeighbourhood($ids: [ID!]!, $limit: Int!, $co: Boolean!, $min: Float!) {
  neighbourhood(ids: $ids, depth: 1, limit: $limit, coOccurrence: $co, minConfidence: $min) {
    nodes { id label kind category }
    edges { id source target type weight evidence document paragraph confidence }
    truncated
  }
}`;

const colourOf = (kind: string) => kindColour(config.kinds, kind);
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
const evidencePane = $<HTMLDivElement>('evidence');
const legend = $<HTMLUListElement>('legend');
const loading = $<HTMLDivElement>('loading');
const tooltip = $<HTMLDivElement>('tooltip');
const minConf = $<HTMLInputElement>('min-confidence');
const minConfOut = $<HTMLOutputElement>('min-confidence-value');
const coToggle = $<HTMLInputElement>('co-occurrence');

function drawLegend(): void {
  legend.replaceChildren();
  for (const k of config.kinds) {
    const li = document.createElement('li');
    li.title = k.description;
    li.dataset.kind = k.name;
    const dot = document.createElement('span');
    dot.className = 'swatch';
    dot.style.background = colourOf(k.name);
    li.append(dot, document.createTextNode(i18n.kind(k.name)));
    legend.append(li);
  }
  const co = document.createElement('li');
  co.className = 'co';
  co.append(Object.assign(document.createElement('span'), { className: 'dash' }), i18n.t('ورود مشترك (ليس علاقة مصرّحًا بها)', 'co-occurrence (not a stated relation)'));
  legend.append(co);
}

const FONT = '"Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif';
const cy: Core = cytoscape({
  container: $('graph'),
  minZoom: 0.15,
  maxZoom: 3,
  style: [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: '',
        'font-family': FONT,
        'font-size': 14,
        color: '#1b1b1b',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '170px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        width: 'data(size)',
        height: 'data(size)',
      },
    },
    { selector: 'node.labelled', style: { label: 'data(display)' } },
    { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#222' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ff0066', label: 'data(display)', 'z-index': 20 } },
    {
      selector: 'edge',
      style: {
        // One edge per (type, pair): its weight (how often the documents state it) sets the width.
        width: 'mapData(weight, 1, 20, 1.6, 5)',
        'line-color': '#8795a1',
        'target-arrow-color': '#8795a1',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: '',
        'font-size': 11,
        'min-zoomed-font-size': 8,
        color: '#333',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'font-family': FONT,
      },
    },
    { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
    // Co-occurrence is drawn distinct from stated relations: thin, dashed, pale, no arrow.
    { selector: 'edge[type = "CO_OCCURS"]', style: { 'line-style': 'dashed', 'line-color': '#c4ccd4', width: 1, 'target-arrow-shape': 'none', 'z-index': 0 } },
    { selector: 'edge.focus', style: { label: 'data(display)', width: 2.6, 'line-color': '#ff0066', 'target-arrow-color': '#ff0066', 'z-index': 10 } },
    // Co-occurrence carries no statement to name: no label even around the selected node.
    { selector: 'edge[type = "CO_OCCURS"].focus', style: { label: '', width: 1.6 } },
    { selector: 'edge:selected', style: { label: 'data(display)', width: 4, 'line-color': '#c2185b', 'target-arrow-color': '#c2185b', 'z-index': 11 } },
    { selector: '.hidden', style: { display: 'none' } },
  ],
});

/** Neighbours fetched so far per expanded node (the next page starts after them). */
const fetched = new Map<string, number>();
const more = new Map<string, boolean>();

function setStatus(arabic: string, english: string, error = false): void {
  status.textContent = i18n.t(arabic, english);
  status.classList.toggle('error', error);
}

function setLoading(on: boolean): void {
  loading.hidden = !on;
  $('graph-wrap').setAttribute('aria-busy', String(on));
}

function updateStatus(truncated: boolean): void {
  const n = cy.nodes(':visible').length;
  const e = cy.edges(':visible').length;
  setStatus(`${n} عقدة، ${e} علاقة${truncated ? ' (مقتطع)' : ''}`, `${n} nodes, ${e} edges${truncated ? ' (truncated)' : ''}`);
  status.dataset.nodes = String(n);
  status.dataset.edges = String(e);
  status.dataset.truncated = String(truncated);
}

function edgeDisplay(type: string): string {
  return type === 'CO_OCCURS' ? i18n.t('ورود مشترك', 'co-occurs') : i18n.relation(type);
}

/** Adds what is new; new nodes are placed around `center` (existing nodes keep their place). */
function merge(g: Subgraph, center: string): number {
  const add: ElementDefinition[] = [];
  const fresh = g.nodes.filter((n) => cy.getElementById(n.id).empty());
  const c = cy.getElementById(center);
  const centerIsNew = c.empty();
  const origin = centerIsNew ? { x: 0, y: 0 } : { ...c.position() };
  const occupied = centerIsNew ? [origin] : cy.nodes().map((n) => ({ ...n.position() }));
  const centroid = { x: occupied.reduce((s, p) => s + p.x, 0) / occupied.length, y: occupied.reduce((s, p) => s + p.y, 0) / occupied.length };
  const others = fresh.filter((n) => !(centerIsNew && n.id === center));
  const spots = placeAround(origin, others.length, occupied, SPACING, centroid);
  const at = new Map(others.map((n, i) => [n.id, spots[i] ?? origin]));
  for (const n of fresh) {
    const position = at.get(n.id) ?? origin;
    add.push({ group: 'nodes', data: { ...n, full: n.label, display: canvasLabel(shortLabel(n.label)), colour: colourOf(n.kind), size: 18 }, position });
  }
  for (const e of g.edges) {
    if (cy.getElementById(`e:${e.id}`).nonempty()) continue;
    const symmetric = e.type === 'CO_OCCURS' || !!config.relations.find((r) => r.type === e.type)?.symmetric;
    add.push({ group: 'edges', data: { ...e, id: `e:${e.id}`, edgeId: e.id, symmetric, display: edgeDisplay(e.type) } });
  }
  cy.add(add);
  return fresh.length;
}

/**
 * Node size by degree; labels for the best connected (fewer when zoomed out, all when zoomed in),
 * drawn at a constant size on screen so they stay readable at any zoom. Legible at 300 nodes.
 */
function refreshImportance(): void {
  cy.nodes().forEach((n) => {
    n.data('size', Math.min(46, 16 + 5 * Math.sqrt(n.connectedEdges(':visible').length)));
  });
  const zoom = cy.zoom();
  const budget = zoom >= 1.3 ? Infinity : zoom < 0.5 ? LABELLED / 2 : LABELLED;
  const ranked = cy.nodes(':visible').sort((a, b) => b.connectedEdges(':visible').length - a.connectedEdges(':visible').length);
  cy.batch(() => {
    cy.nodes().removeClass('labelled');
    ranked.forEach((n, i) => {
      if (i < budget || n.data('expanded')) n.addClass('labelled');
    });
  });
  cy.style().selector('node').style({ 'font-size': 14 / Math.min(1, zoom), 'text-max-width': `${170 / Math.min(1, zoom)}px` }).update();
}
let zoomTimer: ReturnType<typeof setTimeout> | undefined;
cy.on('zoom', () => {
  clearTimeout(zoomTimer);
  zoomTimer = setTimeout(refreshImportance, 80);
});

function applyFilters(): void {
  const min = Number(minConf.value);
  cy.edges().forEach((e) => {
    const conf = e.data('confidence') as number | null;
    const hide = (e.data('type') === 'CO_OCCURS' && !coToggle.checked) || (conf !== null && conf !== undefined && conf < min);
    e.toggleClass('hidden', hide);
  });
  // A node left with no visible edge is hidden unless it was expanded (the analyst asked for it).
  cy.nodes().forEach((n) => {
    n.toggleClass('hidden', !n.data('expanded') && n.connectedEdges().filter((e) => !e.hasClass('hidden')).empty());
  });
}

/** Loads the next page of `id`'s neighbourhood and adds what is new to the drawing. */
async function expand(id: string, page = false): Promise<number> {
  setLoading(true);
  setStatus('جارٍ التحميل…', 'loading…');
  try {
    const already = page ? fetched.get(id) ?? 0 : 0;
    const limit = Math.min(MAX_LIMIT, 1 + already + PAGE);
    const ask = (co: boolean) => gql<{ neighbourhood: Subgraph }>(config.graphqlPath, NEIGHBOURHOOD, { ids: [id], limit, co, min: Number(minConf.value) });
    let { neighbourhood } = await ask(coToggle.checked);
    // An entity with no stated relation would draw alone: show who it is named with instead.
    if (!coToggle.checked && neighbourhood.nodes.length <= 1) {
      coToggle.checked = true;
      ({ neighbourhood } = await ask(true));
      setStatus('لا علاقة مصرّحًا بها: عُرض الورود المشترك', 'no stated relation: showing co-occurrence');
    }
    const first = cy.nodes().empty();
    const added = merge(neighbourhood, id);
    const node = cy.getElementById(id);
    node.data('expanded', true);
    fetched.set(id, neighbourhood.nodes.length - 1);
    more.set(id, neighbourhood.truncated && limit < MAX_LIMIT);
    applyFilters();
    refreshImportance();
    cy.fit(first ? undefined : node.closedNeighborhood(), 40);
    // Never zoom in past 1: a small graph would get oversized labels.
    if (cy.zoom() > 1) cy.zoom({ level: 1, position: node.position() });
    refreshImportance();
    if (!status.textContent?.includes(':')) updateStatus(neighbourhood.truncated);
    status.dataset.nodes = String(cy.nodes(':visible').length);
    status.dataset.edges = String(cy.edges(':visible').length);
    status.dataset.truncated = String(neighbourhood.truncated);
    show(id);
    return added;
  } catch (err) {
    setStatus('تعذّر التحميل', `could not load: ${(err as Error).message}`, true);
    return 0;
  } finally {
    setLoading(false);
  }
}

/** Fills the side panel with a node's data, each value in its own direction. */
function show(id: string): void {
  const node = cy.getElementById(id);
  details.replaceChildren();
  evidencePane.replaceChildren();
  if (node.empty()) return;
  cy.elements().unselect();
  cy.edges().removeClass('focus');
  node.select();
  node.connectedEdges().addClass('focus');
  const d = node.data() as GraphNode & { full: string };
  const dl = el('dl');
  const row = (k: string, v: string | null | undefined) => {
    if (!v) return;
    dl.append(el('dt', k), el('dd', v, { dir: 'auto' }));
  };
  row(i18n.t('النوع', 'kind'), i18n.kind(d.kind));
  row(i18n.t('الفئة', 'category'), d.category ? i18n.category(d.kind, d.category) : null);
  row(i18n.t('المعرّف', 'id'), d.id);
  const lists: HTMLElement[] = [];
  for (const [ar, en, out] of [['علاقات صادرة', 'outgoing', true], ['علاقات واردة', 'incoming', false]] as const) {
    const ul = el('ul');
    node.connectedEdges(':visible').forEach((e) => {
      if (e.data('type') === 'CO_OCCURS' || (e.source().id() === id) !== out || ul.childElementCount >= 40) return;
      const other = out ? e.target() : e.source();
      const b = el('button', undefined, { type: 'button', class: 'rel-item' });
      b.append(el('span', edgeDisplay(e.data('type')), { class: 'rel' }), ' ', el('bdi', other.data('full')));
      b.addEventListener('click', () => openEdge(e));
      const li = el('li');
      li.append(b);
      ul.append(li);
    });
    if (ul.childElementCount) lists.push(el('h3', i18n.t(ar, en)), ul);
  }
  const links = el('p', i18n.t('تصدير: ', 'export: '));
  const q = `ids=${encodeURIComponent(id)}&depth=1&minConfidence=${minConf.value}${coToggle.checked ? '&coOccurrence=true' : ''}`;
  links.append(el('a', 'GraphML', { href: `${config.exportPath}?${q}&format=graphml` }), ' · ', el('a', 'GEXF', { href: `${config.exportPath}?${q}&format=gexf` }));
  if (d.kind === 'Document') links.append(' · ', el('a', i18n.t('اقرأ الوثيقة', 'read the document'), { href: `read/${encodeURIComponent(id)}` }));
  const extra: HTMLElement[] = [];
  if (more.get(id)) {
    const b = el('button', i18n.t(`+${PAGE} أخرى`, `+${PAGE} more`), { type: 'button', id: 'more' });
    b.addEventListener('click', () => void expand(id, true));
    extra.push(b);
  }
  details.append(el('h2', d.full, { dir: 'auto' }), dl, ...extra, ...lists, links);
}

function openEdge(e: EdgeSingular): void {
  cy.elements().unselect();
  e.select();
  // Every edge between the same two nodes: each has its own evidence.
  const parallel = e.source().edgesWith(e.target()).filter((x) => !x.hasClass('hidden'));
  void showEvidence(evidencePane, config, i18n, {
    source: { id: e.source().id(), label: e.source().data('full') },
    target: { id: e.target().id(), label: e.target().data('full') },
    edges: parallel.map((x) => x.data() as GraphEdge),
  }).then(() => evidencePane.scrollIntoView({ block: 'nearest' }));
}

cy.on('tap', 'node', (evt) => {
  const id = evt.target.id() as string;
  if (evt.target.data('expanded')) show(id);
  else void expand(id);
});
cy.on('tap', 'edge', (evt) => openEdge(evt.target as EdgeSingular));
cy.on('mouseover', 'node, edge', (evt) => {
  const t = evt.target;
  tooltip.textContent = t.isNode() ? `${t.data('full')} · ${i18n.kind(t.data('kind'))}` : `${edgeDisplay(t.data('type'))}${t.data('confidence') != null ? ` · ${Number(t.data('confidence')).toFixed(2)}` : ''}`;
  tooltip.dir = 'auto';
  const p = evt.renderedPosition ?? t.renderedPosition?.() ?? { x: 0, y: 0 };
  tooltip.style.left = `${p.x + 12}px`;
  tooltip.style.top = `${p.y + 12}px`;
  tooltip.hidden = false;
});
cy.on('mouseout', 'node, edge', () => {
  tooltip.hidden = true;
});

minConf.addEventListener('input', () => {
  minConfOut.value = minConf.value;
  applyFilters();
  refreshImportance();
});
coToggle.addEventListener('change', async () => {
  if (coToggle.checked) for (const n of cy.nodes('[?expanded]').map((x) => x.id())) await expand(n);
  applyFilters();
  refreshImportance();
});

function relabel(): void {
  i18n.apply(document);
  if (status.dataset.nodes) updateStatus(status.dataset.truncated === 'true');
  drawLegend();
  cy.edges().forEach((e) => {
    e.data('display', edgeDisplay(e.data('type')));
  });
  const selected = cy.nodes(':selected');
  if (selected.nonempty()) show(selected[0].id());
}
$('lang').addEventListener('click', () => {
  i18n.toggle();
  $('lang').textContent = i18n.lang === 'ar' ? 'English' : 'العربية';
  relabel();
});

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  results.replaceChildren();
  setLoading(true);
  setStatus('جارٍ البحث…', 'searching…');
  try {
    const { search } = await gql<{ search: SearchHit[] }>(config.graphqlPath, SEARCH, { text });
    if (!search.length) setStatus(`لا نتائج لـ«${text}»`, `no results for "${text}"`);
    else setStatus(`${search.length} نتيجة`, `${search.length} results`);
    for (const hit of search) {
      const li = el('li');
      const b = el('button', undefined, { type: 'button' });
      b.dataset.id = hit.entity.id;
      b.style.borderInlineStartColor = colourOf(hit.entity.kind);
      b.append(el('span', hit.entity.name, { dir: 'auto' }), el('small', [i18n.kind(hit.entity.kind), hit.entity.acronym, hit.entity.nameEn].filter(Boolean).join(' · '), { dir: 'auto' }));
      b.addEventListener('click', () => {
        cy.elements().remove();
        fetched.clear();
        more.clear();
        evidencePane.replaceChildren();
        void expand(hit.entity.id);
      });
      li.append(b);
      if (hit.entity.kind === 'Document') li.append(el('a', i18n.t('اقرأ', 'read'), { href: `read/${encodeURIComponent(hit.entity.id)}`, class: 'read' }));
      results.append(li);
    }
  } catch (err) {
    setStatus('تعذّر البحث', `search failed: ${(err as Error).message}`, true);
  } finally {
    setLoading(false);
  }
});

// Tests drive the canvas through this handle (node positions are not in the DOM).
(window as unknown as { kgExplorer: unknown }).kgExplorer = { cy, expand, show, openEdge: (id: string) => openEdge(cy.getElementById(id) as EdgeSingular) };

drawLegend();
i18n.apply(document);
// /explore?id=agency:unodc opens an entity directly (links from elsewhere, tests).
const start = new URLSearchParams(location.search).get('id');
if (start) void expand(start);
