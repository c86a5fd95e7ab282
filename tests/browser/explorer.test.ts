/**
 * The analyst's workbench in a real headless Chromium, offline (every non-localhost request fails
 * the test): search in Arabic, draw a neighbourhood, expand a node without moving the others,
 * click an edge and read its evidence, open the reader at that sentence, find "Palermo Protocol".
 * Screenshots stay in test-artifacts/ (explorer-*.png, reader-focus.png).
 */
import type { Page } from 'playwright-core';
import { docScreenshot, ensureWebBundle, graphql, keepScreenshot, OfflineBrowser, openOfflineBrowser, SeededServer, startSeededServer } from './harness';

let s: SeededServer;
let b: OfflineBrowser;

beforeAll(async () => {
  ensureWebBundle();
  s = await startSeededServer();
  b = await openOfflineBrowser();
}, 300_000);

afterAll(async () => {
  await b?.close();
  await s?.close();
});

// Must match browser/explore.ts: depth 1, one page of 120 neighbours (+ the node itself).
const LIMIT = 121;
const NEIGHBOURHOOD = `query($ids: [ID!]!, $limit: Int!) {
  neighbourhood(ids: $ids, depth: 1, limit: $limit) { nodes { id label } truncated }
}`;
type Hood = { nodes: { id: string; label: string }[]; truncated: boolean };
const hood = async (id: string) => (await graphql<{ neighbourhood: Hood }>(s.server, NEIGHBOURHOOD, { ids: [id], limit: LIMIT })).neighbourhood;

type Cy = any; // the page's Cytoscape instance, reached through window.kgExplorer
const drawnIds = (page: Page) => page.evaluate(() => ((window as any).kgExplorer.cy as Cy).nodes().map((n: any) => n.id()).sort());
const positions = (page: Page) =>
  page.evaluate(() => Object.fromEntries(((window as any).kgExplorer.cy as Cy).nodes().map((n: any) => [n.id(), { ...n.position() }]))) as Promise<
    Record<string, { x: number; y: number }>
  >;

/** Clicks an element of the canvas where it is drawn (after centring it). */
async function clickOnCanvas(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((eid) => {
    const cy = (window as any).kgExplorer.cy as Cy;
    const el = cy.getElementById(eid);
    cy.center(el);
    const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

async function openUnicef(page: Page): Promise<Hood> {
  await page.goto(`${s.server.url}/explore`);
  await page.fill('#search-text', 'يونيسيف');
  await page.press('#search-text', 'Enter');
  const hit = page.locator('#search-results button[data-id="agency:unicef"]');
  await hit.waitFor();
  await hit.click();
  const first = await hood('agency:unicef');
  await page.waitForFunction((n) => document.getElementById('status')?.dataset.nodes === String(n), first.nodes.length);
  return first;
}

it('draws a neighbourhood and expands a node without moving the nodes already drawn', async () => {
  const { page } = b;
  const first = await openUnicef(page);
  expect(first.nodes.length).toBeGreaterThan(2);
  expect(await drawnIds(page)).toEqual(first.nodes.map((n) => n.id).sort());
  const heading = page.locator('#details h2');
  await expect(heading.innerText()).resolves.toBe('منظمة الأمم المتحدة للطفولة');
  expect(await heading.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  // The legend is a bar above the drawing: it never covers a node.
  const [legend, graph] = await Promise.all([page.locator('#legend').boundingBox(), page.locator('#graph').boundingBox()]);
  expect(legend!.y + legend!.height).toBeLessThanOrEqual(graph!.y + 1);
  // Kinds are named in Arabic from the model.
  await expect(page.locator('#legend li[data-kind="Agency"]').innerText()).resolves.toContain('جهة');

  // A neighbour whose own neighbourhood brings new nodes, clicked on the canvas.
  const drawn = new Set(first.nodes.map((n) => n.id));
  let target: { id: string; expected: string[] } | undefined;
  for (const n of first.nodes.filter((x) => x.id !== 'agency:unicef')) {
    const union = new Set([...drawn, ...(await hood(n.id)).nodes.map((x) => x.id)]);
    if (union.size > drawn.size) {
      target = { id: n.id, expected: [...union].sort() };
      break;
    }
  }
  expect(target).toBeDefined();
  const before = await positions(page);
  await clickOnCanvas(page, target!.id);
  await page.waitForFunction((id) => (window as any).kgExplorer.cy.getElementById(id).data('expanded') === true, target!.id);
  await page.waitForFunction((n) => document.getElementById('status')?.dataset.nodes === String(n), target!.expected.length);
  expect(await drawnIds(page)).toEqual(target!.expected);
  const after = await positions(page);
  for (const [id, p] of Object.entries(before)) expect({ id, ...after[id] }).toEqual({ id, ...p });
  // The new nodes sit apart from each other and from the old ones.
  const pts = Object.values(after);
  let closest = Infinity;
  for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) closest = Math.min(closest, Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y));
  expect(closest).toBeGreaterThan(30);

  // Canvas labels carry an explicit direction and are short; the full name is kept for hover.
  const labels = (await page.evaluate(() => ((window as any).kgExplorer.cy as Cy).nodes().map((n: any) => [n.data('full'), n.data('display')]))) as [string, string][];
  for (const [full, display] of labels.filter(([l]) => /^[^A-Za-z]*[\u0600-\u06FF]/.test(l))) {
    expect(display.startsWith('\u202B')).toBe(true);
    expect(display.length).toBeLessThanOrEqual(31);
    expect(full.length).toBeGreaterThan(0);
  }
  await page.evaluate(() => (window as any).kgExplorer.cy.fit(undefined, 30) && undefined);
  await keepScreenshot(page, 'explorer-expanded.png');
  await docScreenshot(page, 'explorer');
  expect(b.blocked).toEqual([]);
  expect(b.errors).toEqual([]);
});

it('clicking an edge shows its evidence with both ends highlighted, and the reader opens at that sentence', async () => {
  const { page } = b;
  await openUnicef(page);
  // A stated relation of UNICEF with its evidence and document, both of whose ends the sentence
  // names (an end can also be read from an earlier sentence, e.g. "هذا المؤتمر": nothing to mark then).
  type EdgeData = { id: string; evidence: string; document: string; paragraph: string | null; confidence: number; type: string; source: string; target: string };
  const candidates = (await page.evaluate(() =>
    ((window as any).kgExplorer.cy as Cy)
      .edges()
      .filter((e: any) => e.data('type') !== 'CO_OCCURS' && e.data('evidence') && e.data('document'))
      .map((e: any) => ({ id: e.id(), ...e.data() })),
  )) as EdgeData[];
  type Names = { name: string; nameEn: string | null; acronym: string | null; aliases: string[] } | null;
  const named = async (id: string, sentence: string) => {
    const { entity } = await graphql<{ entity: Names }>(s.server, 'query($id: ID!) { entity(id: $id) { name nameEn acronym aliases } }', { id });
    return !!entity && [entity.name, entity.nameEn, entity.acronym, ...entity.aliases].some((f) => !!f && f.length >= 2 && sentence.includes(f));
  };
  let edge: EdgeData | undefined;
  for (const c of candidates) {
    if ((await named(c.source, c.evidence)) && (await named(c.target, c.evidence))) {
      edge = c;
      break;
    }
  }
  expect(edge).toBeDefined();
  if (!edge) return;
  await clickOnCanvas(page, edge.id);
  const item = page.locator(`#evidence li[data-type="${edge.type}"]`, { has: page.locator('blockquote', { hasText: edge.evidence.slice(0, 40) }) }).first();
  await item.locator('blockquote').waitFor();
  await expect(item.locator('blockquote').innerText()).resolves.toBe(edge.evidence);
  // Both ends of the relation are marked inside the sentence.
  await page.locator('#evidence mark.end-a').first().waitFor();
  expect(await item.locator('mark.end-a').count()).toBeGreaterThan(0);
  expect(await item.locator('mark.end-b').count()).toBeGreaterThan(0);
  const meta = await item.locator('dl').innerText();
  expect(meta).toContain(edge.confidence.toFixed(2));
  if (edge.paragraph) expect(meta).toContain(edge.paragraph);
  await keepScreenshot(page, 'explorer-evidence.png');
  await docScreenshot(page, 'evidence');

  // The link opens the reader with that sentence marked.
  await item.locator('a.read-link').click();
  await page.waitForURL(/\/read\//);
  const focus = page.locator('#focus');
  await focus.waitFor();
  expect(await focus.getAttribute('class')).toContain('evidence focus');
  const marked = await page.evaluate(() => Array.from(document.querySelectorAll('.evidence.focus')).map((e) => e.textContent).join(''));
  expect(edge.evidence.startsWith(marked.slice(0, 60))).toBe(true);
  expect(await page.locator('.evidence.focus mark.end').count()).toBeGreaterThan(0);
  expect(await focus.isVisible()).toBe(true);
  // The paragraph lists the relation beside it, and a click on a name opens its panel.
  expect(await page.locator('.rels li.focus').count()).toBe(1);
  await page.locator('.evidence.focus mark.m').first().click();
  await page.locator('#entity-panel h2').waitFor();
  expect(await page.locator('#entity-panel a[href^="../explore?id="]').count()).toBe(1);
  await keepScreenshot(page, 'reader-focus.png');
  await docScreenshot(page, 'reader');
  expect(b.blocked).toEqual([]);
  expect(b.errors).toEqual([]);
});

it('finds the Palermo Protocol by its English name, shows a loading state and switches to English', async () => {
  const { page } = b;
  await page.goto(`${s.server.url}/explore`);
  // A slow answer shows the loading state over the graph.
  await page.route('**/graphql', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await page.fill('#search-text', 'Palermo Protocol');
  await page.press('#search-text', 'Enter');
  await page.locator('#loading').waitFor({ state: 'visible' });
  const first = page.locator('#search-results li:first-child button');
  await first.waitFor();
  expect(await first.getAttribute('data-id')).toBe('instrument:trafficking-protocol');
  await page.unroute('**/graphql');
  await first.click();
  await page.waitForFunction(() => Number(document.getElementById('status')?.dataset.nodes) > 1);
  await page.click('#lang');
  await expect(page.locator('#legend li[data-kind="Instrument"]').innerText()).resolves.toContain('Instrument');
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  await keepScreenshot(page, 'explorer-palermo-en.png');
  expect(b.blocked).toEqual([]);
  expect(b.errors).toEqual([]);
});

it('stays legible with about 300 nodes: a hub is paged (+N more), labels only for the most connected', async () => {
  const { page } = b;
  // A page smaller than the hub's named-with neighbours (their number depends on the extractor and
  // the co-occurrence cap), so that the hub is paged.
  const all = (await graphql<{ neighbourhood: Hood }>(s.server, `query { neighbourhood(ids: ["agency:un"], depth: 1, limit: 1000, coOccurrence: true) { nodes { id label } truncated } }`, {})).neighbourhood;
  const size = Math.min(120, Math.floor((all.nodes.length - 1) / 2));
  expect(size).toBeGreaterThanOrEqual(10);
  await page.goto(`${s.server.url}/explore?id=agency:un&page=${size}`);
  await page.waitForFunction(() => Number(document.getElementById('status')?.dataset.nodes) > 1);
  await page.check('#co-occurrence');
  const more = page.locator('#more');
  await more.waitFor();
  await expect(more.innerText()).resolves.toContain(`+${size}`);
  const count = () => page.evaluate(() => (window as any).kgExplorer.cy.nodes().length as number);
  const before = await count();
  await more.click();
  await page.waitForFunction((n) => (window as any).kgExplorer.cy.nodes().length > n, before);
  // The default page (120), and more hubs expanded through the page's own handle.
  await page.goto(`${s.server.url}/explore?id=agency:un`);
  await page.waitForFunction(() => Number(document.getElementById('status')?.dataset.nodes) > 1);
  await page.check('#co-occurrence');
  await page.waitForFunction((n) => (window as any).kgExplorer.cy.nodes().length > n, 2);
  for (const id of ['agency:unodc', 'agency:iom', 'agency:ohchr', 'agency:unicef', 'agency:ilo']) {
    await page.evaluate((x) => (window as any).kgExplorer.expand(x), id);
  }
  const n = await count();
  expect(n).toBeGreaterThan(200); // of the seeds' 373 entities
  const { labelled, expanded } = await page.evaluate(() => {
    const cy = (window as any).kgExplorer.cy;
    cy.fit(undefined, 20);
    return { labelled: cy.nodes('.labelled').length as number, expanded: cy.nodes('[?expanded]').length as number };
  });
  expect(labelled).toBeLessThanOrEqual(40 + expanded);
  expect(labelled).toBeGreaterThan(0);
  await page.waitForTimeout(300); // labels follow the zoom after a short pause
  await keepScreenshot(page, 'explorer-300.png');
  await docScreenshot(page, 'explorer-300');
  expect(b.blocked).toEqual([]);
  expect(b.errors).toEqual([]);
});

it('an entity with no stated relation is drawn with its co-occurrences, dashed, instead of alone', async () => {
  const { page } = b;
  // Find one through the API: no typed relation, some co-occurrence.
  const { entities } = await graphql<{ entities: { nodes: { id: string; relations: unknown[] }[] } }>(
    s.server,
    '{ entities(kind: Agency, orderBy: { field: MENTIONS }, first: 100) { nodes { id relations(first: 1) { type } } } }',
  );
  const lone = entities.nodes.find((n) => n.relations.length === 0);
  expect(lone).toBeDefined();
  await page.goto(`${s.server.url}/explore?id=${encodeURIComponent(lone!.id)}`);
  await page.waitForFunction(() => Number(document.getElementById('status')?.dataset.nodes) > 1);
  expect(await page.isChecked('#co-occurrence')).toBe(true);
  // Its own edges are all co-occurrences, drawn dashed (its neighbours may have stated relations among them).
  const own = (await page.evaluate(
    (id) => (window as any).kgExplorer.cy.getElementById(id).connectedEdges().map((e: any) => [e.data('type'), e.style('line-style')]),
    lone!.id,
  )) as [string, string][];
  expect(own.length).toBeGreaterThan(0);
  for (const [type, line] of own) expect([type, line]).toEqual(['CO_OCCURS', 'dashed']);
  await keepScreenshot(page, 'explorer-cooccurrence.png');
  expect(b.blocked).toEqual([]);
  expect(b.errors).toEqual([]);
});
