/**
 * HTML shells of the playground and the explorer. The pages' code is bundled into dist/browser/ at
 * build time (browser/build.mjs); here we only embed the configuration and link the local bundles.
 * No external URL appears in these pages: they must work offline.
 */
import type { PageConfig } from './config';
import { xmlEscape } from './xml';

/** Assets are linked relative to the page so the router can be mounted under a prefix. */
export const ASSET_PATH = 'assets';

/**
 * Only same-origin scripts, styles, fonts and fetches (data: for the fonts/icons inlined in the
 * bundles): the browser itself refuses anything from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** JSON safe inside a <script> element (no `</script>` or `<!--` can appear). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function shell(opts: { lang: string; dir: 'ltr' | 'rtl'; title: string; bundle: string; config: PageConfig; body: string }): string {
  return `<!doctype html>
<html lang="${opts.lang}" dir="${opts.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xmlEscape(opts.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSET_PATH}/${opts.bundle}.css">
<script id="kg-config" type="application/json">${scriptJson(opts.config)}</script>
</head>
<body>
${opts.body}
<script src="${ASSET_PATH}/${opts.bundle}.js"></script>
</body>
</html>
`;
}

export function playgroundHtml(config: PageConfig): string {
  return shell({
    lang: 'en',
    dir: 'ltr',
    title: 'GraphQL playground · UN anti-trafficking knowledge graph',
    bundle: 'playground',
    config,
    body: `<style>html,body{height:100%;margin:0}#graphiql{height:100vh}</style>
<div id="graphiql"><p style="font-family:sans-serif;padding:1rem">Loading the playground… <a href="explore">graph explorer</a></p></div>`,
  });
}

export function explorerHtml(config: PageConfig): string {
  return shell({
    lang: 'ar',
    dir: 'rtl',
    title: 'مستكشف الرسم البياني · Graph explorer',
    bundle: 'explore',
    config,
    body: `<header>
  <h1>مستكشف الرسم البياني المعرفي <small dir="ltr" lang="en">Knowledge graph explorer</small></h1>
  <nav><a href="playground" dir="ltr">GraphQL playground</a> <button id="lang" type="button" lang="en" dir="ltr">English</button></nav>
</header>
<aside>
  <form id="search-form" role="search">
    <input id="search-text" type="search" dir="auto" maxlength="200" placeholder="ابحث: يونيسيف، UNODC، Palermo Protocol…" aria-label="بحث / search" autocomplete="off">
    <button type="submit" data-ar="بحث" data-en="Search">بحث</button>
  </form>
  <fieldset id="filters">
    <label><span data-ar="أدنى ثقة" data-en="Min. confidence">أدنى ثقة</span> <input id="min-confidence" type="range" min="0" max="1" step="0.1" value="0"> <output id="min-confidence-value">0</output></label>
    <label><input id="co-occurrence" type="checkbox"> <span data-ar="إظهار الورود المشترك في فقرة (خط متقطع)" data-en="Show co-occurrence in a paragraph (dashed)">إظهار الورود المشترك في فقرة (خط متقطع)</span></label>
  </fieldset>
  <p id="status" role="status" aria-live="polite"></p>
  <div id="evidence" aria-live="polite"></div>
  <div id="details"></div>
  <ul id="search-results"></ul>
  <p class="hint" data-ar="انقر على عقدة لتوسيعها، وعلى علاقة لعرض دليلها" data-en="Click a node to expand it, an edge to see its evidence">انقر على عقدة لتوسيعها، وعلى علاقة لعرض دليلها</p>
</aside>
<main id="graph-pane">
  <ul id="legend" aria-label="الأنواع / kinds"></ul>
  <div id="graph-wrap">
    <div id="graph" aria-label="graph"></div>
    <div id="loading" hidden><span class="spinner"></span> <span data-ar="جارٍ التحميل…" data-en="Loading…">جارٍ التحميل…</span></div>
    <div id="tooltip" hidden></div>
  </div>
</main>`,
  });
}
