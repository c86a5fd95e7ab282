/**
 * PDF text with positions through pdf.js (pdfjs-dist, Mozilla's reader, pure JavaScript), rebuilt
 * into reading order by ./pdf-layout. pdf.js ships as ES modules only, so it runs in a worker
 * thread: this also keeps a slow or hostile PDF off the main thread (a time limit ends it) and
 * works the same under jest. One worker is kept for a batch and does not hold the process open.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Worker } from 'worker_threads';
import { documentText, type TextItem } from './pdf-layout';
import { FormatError } from './errors';

interface RawPage {
  items: TextItem[];
  images: number;
}

type Reply = { id: number; pages: RawPage[] } | { id: number; error: { name: string; message: string } };

// Runs in the worker (plain JavaScript): pages -> positioned text items; images are counted only
// on pages without text (to tell a scan from an empty page).
const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const ready = import(workerData.pdfjs);
parentPort.on('message', async ({ id, data }) => {
  try {
    const pdfjs = await ready;
    const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false }).promise;
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const tc = await page.getTextContent();
      const items = [];
      for (const it of tc.items) {
        if (!it.str) continue;
        const t = it.transform;
        items.push({ s: it.str, x: t[4], y: t[5], w: it.width, h: Math.hypot(t[2], t[3]) || it.height || 10, dir: it.dir });
      }
      let images = 0;
      if (!items.some((i) => i.s.trim())) {
        const ops = await page.getOperatorList();
        const paint = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject, pdfjs.OPS.paintImageXObjectRepeat]);
        images = ops.fnArray.filter((f) => paint.has(f)).length;
      }
      pages.push({ items, images });
      page.cleanup();
    }
    await doc.destroy();
    parentPort.postMessage({ id, pages });
  } catch (e) {
    parentPort.postMessage({ id, error: { name: (e && e.name) || 'Error', message: (e && e.message) || String(e) } });
  }
});
`;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (r: Reply) => void>();

function getWorker(): Worker {
  if (worker) return worker;
  const pdfjs = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const w = new Worker(WORKER, { eval: true, workerData: { pdfjs } });
  w.on('message', (r: Reply) => {
    pending.get(r.id)?.(r);
    pending.delete(r.id);
    if (!pending.size) w.unref();
  });
  const fail = (err: Error) => {
    for (const [id, settle] of pending) settle({ id, error: { name: 'WorkerError', message: err.message } });
    pending.clear();
    if (worker === w) worker = null;
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the PDF reader stopped (exit code ${code})`)));
  worker = w;
  return w;
}

/** Ends the reader's worker (tests, or a caller done with PDFs). */
export async function closePdfReader(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

function timeoutMs(): number {
  const s = Number(process.env.KG_PDF_TIMEOUT_S);
  return (Number.isFinite(s) && s > 0 ? s : 120) * 1000;
}

async function readPages(bytes: Uint8Array, file: string): Promise<RawPage[]> {
  const w = getWorker();
  const id = nextId++;
  const data = new Uint8Array(bytes); // a copy: the worker gets it transferred
  const reply = await new Promise<Reply>((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({ id, error: { name: 'Timeout', message: '' } });
      // The worker may be stuck in this document: replace it.
      if (worker === w) worker = null;
      void w.terminate();
    }, timeoutMs());
    pending.set(id, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
    w.ref();
    w.postMessage({ id, data }, [data.buffer]);
  });
  if ('pages' in reply) return reply.pages;
  const { name, message } = reply.error;
  if (name === 'PasswordException') throw new FormatError(`${file}: the PDF is password-protected; save an unprotected copy and ingest that`);
  if (name === 'Timeout') throw new FormatError(`${file}: reading the PDF took longer than ${timeoutMs() / 1000} s; split it or raise KG_PDF_TIMEOUT_S`);
  throw new FormatError(`${file}: not a readable PDF (${message || name}); check that the file is complete, or re-save it from its application`);
}

export interface PdfText {
  text: string;
  pages: number;
}

/** The PDF's text in logical reading order, pages separated by blank lines. Refuses image-only PDFs (they need OCR). */
export async function readPdf(bytes: Uint8Array, file: string): Promise<PdfText> {
  const name = path.basename(file);
  const pages = await readPages(bytes, name);
  const text = documentText(pages.map((p) => p.items));
  if (!text.trim()) {
    const images = pages.reduce((n, p) => n + p.images, 0);
    if (images > 0) {
      throw new FormatError(
        `${name}: the PDF has no text layer, only scanned images (${pages.length} page(s)); it needs OCR first, e.g. \`ocrmypdf -l ara ${name} ocr-${name}\`, then ingest the result`,
      );
    }
    throw new FormatError(`${name}: the PDF contains no text (${pages.length} empty page(s))`);
  }
  return { text: text + '\n', pages: pages.length };
}
