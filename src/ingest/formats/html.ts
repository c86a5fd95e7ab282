/**
 * HTML text with htmlparser2 (fast, forgiving, pure JavaScript; the parser under cheerio): the
 * text a browser shows, as plain lines. Block elements end a paragraph (blank line), <br> and
 * list items end a line, table rows are lines with their cells separated by a tab; whitespace is
 * collapsed as a browser does outside <pre>. Scripts, styles, forms' hidden parts and the
 * navigation chrome of news pages (nav, aside, footer) are left out; the <title> is kept as the
 * first line when the body does not start with it.
 */
import { Parser } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'aside', 'footer', 'svg', 'math', 'iframe', 'object', 'select', 'button']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'figure', 'figcaption', 'hr', 'address', 'form', 'fieldset', 'caption', 'center',
]);
const LINE = new Set(['li', 'tr']);

export function readHtml(bytes: Uint8Array): { text: string } {
  const html = new TextDecoder('utf-8').decode(bytes);
  const blocks: string[] = [];
  let lines: string[] = [];
  let line = '';
  let skip = 0;
  let pre = 0;
  let inTitle = false;
  let title = '';
  let cellOpen = false;

  const endLine = () => {
    const t = line.replace(/[ ]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const endBlock = () => {
    endLine();
    if (lines.length) blocks.push(lines.join('\n'));
    lines = [];
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (SKIP.has(name)) skip++;
        if (skip) return;
        if (name === 'pre') pre++;
        if (BLOCK.has(name)) endBlock();
        else if (LINE.has(name)) endLine();
        else if (name === 'br') line += '\n';
        else if (name === 'td' || name === 'th') {
          if (cellOpen) line += '\t';
          cellOpen = true;
        }
      },
      ontext(t) {
        if (inTitle) title += t;
        if (skip) return;
        line += pre ? t : t.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        if (name === 'pre') pre--;
        if (name === 'tr') cellOpen = false;
        if (BLOCK.has(name)) endBlock();
        else if (LINE.has(name)) endLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endBlock();
  // <br> and <pre> newlines were kept inside lines: split them out, trimming each.
  let body = blocks.map((b) => b.split('\n').map((l) => l.replace(/[ \t]+$/g, '').replace(/^ +/, '')).filter((l) => l.trim()).join('\n')).filter(Boolean);
  const t = title.replace(/\s+/g, ' ').trim();
  if (t && !body.slice(0, 3).some((b) => b.includes(t))) body = [t, ...body];
  return { text: body.join('\n\n') + '\n' };
}
