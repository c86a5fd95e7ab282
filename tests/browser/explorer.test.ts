/**
 * The graph explorer in a real headless Chromium, offline: search in Arabic, draw the entity's
 * neighbourhood (the same nodes the API returns), click a node to expand it, Arabic labels RTL.
 * The screenshot stays in test-artifacts/explorer.png.
 */
import { ensureWebBundle, graphql, keepScreenshot, OfflineBrowser, openOfflineBrowser, SeededServer, startSeededServer } from './harness';

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

// Must match browser/explore.ts (depth 1, its limit).
const LIMIT = 150;
const NEIGHBOURHOOD = `query($ids: [ID!]!, $limit: Int!) {
  neighbourhood(ids: $ids, depth: 1, limit: $limit) { nodes { id label } truncated }
}`;
type Hood = { nodes: { id: string; label: string }[]; truncated: boolean };
const hood = async (id: string) =>
  (await graphql<{ neighbourhood: Hood }>(s.server, NEIGHBOURHOOD, { ids: [id], limit: LIMIT })).neighbourhood;

const drawnIds = () =>
  b.page.evaluate(() => {
    const { cy } = (window as unknown as { kgExplorer: { cy: { nodes(): { map<T>(f: (n: { id(): string }) => T): T[] } } } }).kgExplorer;
    return cy.nodes().map((n) => n.id()).sort();
  });

it('searches in Arabic, draws the neighbourhood, expands a node on click, offline', async () => {
  const { page } = b;
  await page.goto(`${s.server.url}/explore`);
  await page.fill('#search-text', 'يونيسيف');
  await page.press('#search-text', 'Enter');
  const hit = page.locator('#search-results button[data-id="agency:unicef"]');
  await hit.waitFor();
  await hit.click();

  // The drawing holds exactly the neighbourhood the API returns.
  const first = await hood('agency:unicef');
  expect(first.nodes.length).toBeGreaterThan(2);
  await page.waitForFunction((n) => document.getElementById('status')?.dataset.nodes === String(n), first.nodes.length);
  expect(await drawnIds()).toEqual(first.nodes.map((n) => n.id).sort());

  // The side panel shows the entity, right to left.
  const heading = page.locator('#details h2');
  await expect(heading.innerText()).resolves.toBe('منظمة الأمم المتحدة للطفولة');
  expect(await heading.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  // Pick a drawn neighbour whose own neighbourhood brings new nodes, and click it on the canvas.
  const drawn = new Set(first.nodes.map((n) => n.id));
  let target: { id: string; expected: string[] } | undefined;
  for (const n of first.nodes.filter((x) => x.id !== 'agency:unicef')) {
    const h = await hood(n.id);
    const union = new Set([...drawn, ...h.nodes.map((x) => x.id)]);
    if (union.size > drawn.size) {
      target = { id: n.id, expected: [...union].sort() };
      break;
    }
  }
  expect(target).toBeDefined();
  const point = await page.evaluate((id) => {
    const { cy } = (window as unknown as { kgExplorer: { cy: any } }).kgExplorer;
    const node = cy.getElementById(id);
    cy.center(node); // keep it clear of the legend and the edges of the pane
    const p = node.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, target!.id);
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(
    (id) => (window as unknown as { kgExplorer: { cy: any } }).kgExplorer.cy.getElementById(id).data('expanded') === true,
    target!.id,
  );
  await page.waitForFunction((n) => document.getElementById('status')?.dataset.nodes === String(n), target!.expected.length);
  expect(await drawnIds()).toEqual(target!.expected);

  // Canvas labels carry an explicit direction: Arabic names are drawn right to left.
  const labels = await page.evaluate(() => {
    const { cy } = (window as unknown as { kgExplorer: { cy: any } }).kgExplorer;
    return cy.nodes().map((n: any) => [n.data('label'), n.data('display')]) as [string, string][];
  });
  const arabic = labels.filter(([l]) => /^[^A-Za-z]*[\u0600-\u06FF]/.test(l));
  expect(arabic.length).toBeGreaterThan(0);
  for (const [, display] of arabic) expect(display.startsWith('\u202B')).toBe(true);

  await page.evaluate(() => {
    (window as unknown as { kgExplorer: { cy: any } }).kgExplorer.cy.fit(undefined, 30); // returns cy: not serialisable
  });
  await keepScreenshot(page, 'explorer.png');
  expect(b.blocked).toEqual([]);
  expect(b.errors).toEqual([]);
});
