// Bundles the browser pages (GraphiQL playground, graph explorer) from installed npm packages into
// dist/browser/, so the API serves them with no CDN and no network at run time. Run: npm run build:browser
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'browser');

await build({
  absWorkingDir: root,
  entryPoints: { playground: 'browser/playground.tsx', explore: 'browser/explore.ts', read: 'browser/read.ts' },
  outdir,
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  // Fonts and images referenced by the packages' CSS are inlined: one JS and one CSS file per page.
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log(`web pages bundled into ${path.relative(process.cwd(), outdir) || outdir}`);
