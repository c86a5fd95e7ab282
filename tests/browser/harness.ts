/**
 * What the web tests share: the real API (createApp, with the pages mounted as `kg serve` does) over the seeded Neo4j,
 * and a headless Debian Chromium that may only talk to localhost, recording every other request
 * it was asked to make (the pages must work offline).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { chromium, Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, RunningServer } from '../../src/api/server';
import { withPages } from '../../src/cli/serve';
import { ensureSeeded, seededDriver } from '../helpers/seeded';
import { packageRoot } from '../../src/model';

export const ARTIFACTS_DIR = path.join(packageRoot(), 'test-artifacts');
export const CHROMIUM = process.env.KG_CHROMIUM || '/usr/bin/chromium';

export interface SeededServer {
  server: RunningServer;
  driver: Driver;
  close(): Promise<void>;
}

/** Serves the API on a free localhost port over the seeded graph. */
export async function startSeededServer(): Promise<SeededServer> {
  const driver = seededDriver();
  await ensureSeeded(driver);
  const server = await startServer(withPages({ driver }), 0, '127.0.0.1');
  return {
    server,
    driver,
    close: async () => {
      await server.close();
      await driver.close();
    },
  };
}

/** POSTs a GraphQL query to the running server (from Node, not the browser). */
export async function graphql<T>(server: RunningServer, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

export interface OfflineBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Non-localhost URLs the page tried to load (all were refused). */
  blocked: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  close(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

export async function openOfflineBrowser(): Promise<OfflineBrowser> {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set KG_CHROMIUM`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar' });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return {
    browser,
    context,
    page,
    blocked,
    errors,
    close: async () => {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
    },
  };
}

/** Saves a screenshot under test-artifacts/ (git-ignored) and returns its path. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

const WEB_SOURCES = path.join(packageRoot(), 'browser');
const WEB_BUNDLES = path.join(packageRoot(), 'dist', 'browser');

/**
 * `npm run build` writes the bundles; a test run straight from jest rebuilds them when they are
 * missing or older than browser/, so the pages tested are the current sources.
 */
export function ensureWebBundle(): void {
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const bundles = ['playground.js', 'explore.js'].map((f) => path.join(WEB_BUNDLES, f));
  const built = bundles.every((f) => fs.existsSync(f)) ? Math.min(...bundles.map((f) => fs.statSync(f).mtimeMs)) : 0;
  if (built > newest(WEB_SOURCES)) return;
  execFileSync(process.execPath, [path.join(WEB_SOURCES, 'build.mjs')], { cwd: packageRoot(), stdio: 'inherit' });
}

/**
 * With KG_DOC_SCREENSHOTS=1, also writes a small JPEG into docs/img/ for the README's walkthrough
 * (committed; regenerate them with `KG_DOC_SCREENSHOTS=1 npx jest tests/browser/explorer.test.ts`).
 */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.KG_DOC_SCREENSHOTS !== '1') return;
  const dir = path.join(packageRoot(), 'docs', 'img');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.jpg`), type: 'jpeg', quality: 60 });
}
