/**
 * The GraphiQL playground in a real headless Chromium, offline: it loads from the API alone,
 * shows the preloaded Arabic/English tabs, runs the Arabic search and shows UNICEF in the result.
 */
import { ensureWebBundle, keepScreenshot, OfflineBrowser, openOfflineBrowser, SeededServer, startSeededServer } from './harness';

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

it('loads offline, runs the preloaded Arabic search and shows the result', async () => {
  const { page } = b;
  await page.goto(`${s.server.url}/`); // redirects to /playground
  expect(new URL(page.url()).pathname).toBe('/playground');
  await page.waitForSelector('.graphiql-container .graphiql-execute-button');

  const tabs = await page.locator('.graphiql-tab').allTextContents();
  expect(tabs.join(' ')).toMatch(/SearchArabic[\s\S]*SearchEnglish[\s\S]*EntityWithRelations[\s\S]*Neighbourhood/);
  await expect(page.locator('.graphiql-query-editor').innerText()).resolves.toContain('يونيسيف');

  // The schema came from the API (introspection) and the query-builder explorer is there.
  await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
  await page.waitForSelector('.graphiql-explorer-root, .docExplorerWrap', { timeout: 30_000 });

  await page.click('.graphiql-execute-button');
  const result = page.locator('.result-window');
  await result.getByText('agency:unicef').first().waitFor({ timeout: 30_000 });
  const text = await result.innerText();
  expect(text).toContain('"search"');
  expect(text).toContain('منظمة الأمم المتحدة للطفولة');
  expect(text).not.toContain('"errors"');

  await keepScreenshot(page, 'playground.png');
  expect(b.blocked).toEqual([]);
  expect(b.errors).toEqual([]);
});
