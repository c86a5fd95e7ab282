/**
 * Real PDF, DOCX and HTML files made at test time from known Arabic text (written for these
 * tests): PDFs printed from HTML by the headless Debian Chromium the browser tests use, DOCX
 * zipped here with fflate. Each sample keeps its source text, in the reading order a reader of
 * the page follows, so the recovered text can be compared with it.
 */
import * as fs from 'fs';
import { strToU8, zipSync } from 'fflate';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.KG_CHROMIUM || '/usr/bin/chromium';
export const chromiumAvailable = (): boolean => fs.existsSync(CHROMIUM);

/** A document as blocks of text (paragraphs); rows of a table are lists of cells. */
export interface Sample {
  name: string;
  header: string[];
  blocks: (string | string[][])[];
  footnotes: string[];
  /** Page layout: one column, two columns, or a page with a table. */
  layout: 'single' | 'columns' | 'table';
}

const UNODC = 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة';
const PROTOCOL = 'بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال';

export const SAMPLES: Sample[] = [
  {
    name: 'report-single',
    layout: 'single',
    header: ['الأمم المتحدة CTOC/COP/WG.4/2013/4', 'مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية', 'فيينا، ١٥-١٩ تشرين الأول/أكتوبر ٢٠١٣'],
    blocks: [
      'تقرير عن أنشطة التعاون التقني',
      `١- يعرض هذا التقرير ما قام به ${UNODC} (UNODC) خلال عام 2012 دعماً لتنفيذ ${PROTOCOL}(1).`,
      '٢- وقد نظّم المكتب ١٢ حلقة عمل في مصر والأردن والمغرب، شارك فيها 340 موظفاً من أجهزة إنفاذ القانون، وأُعدّت مواد تدريبية وفقاً للقرار 5/2 الصادر عن مؤتمر الأطراف.',
      `٣- وتعاون المكتب مع المنظمة الدولية للهجرة ومفوضية الأمم المتحدة لشؤون اللاجئين في تقديم المساعدة إلى الضحايا(2)، ولا سيما النساء والأطفال، في الفترة 2010-2012.`,
    ],
    footnotes: ['(1) انظر الوثيقة CTOC/COP/2012/6، الفقرة ١٠.', '(2) يشمل ذلك المأوى والرعاية الطبية والمساعدة القانونية.'],
  },
  {
    name: 'report-columns',
    layout: 'columns',
    header: ['نشرة إخبارية عن مكافحة الاتجار بالأشخاص'],
    blocks: [
      `١- اعتمدت الجمعية العامة خطة العمل العالمية لمكافحة الاتجار بالأشخاص في عام 2010، ودعت الدول الأعضاء إلى التصديق على ${PROTOCOL} وتنفيذه تنفيذاً كاملاً.`,
      `٢- ويقدّم ${UNODC} المساعدة التقنية إلى الدول بناءً على طلبها، ويتعاون في ذلك مع منظمة العمل الدولية ومنظمة الأمم المتحدة للطفولة (اليونيسيف) في إطار الفريق المشترك بين الوكالات.`,
      '٣- وأنشئ صندوق الأمم المتحدة الاستئماني للتبرعات لضحايا الاتجار بالأشخاص، وخاصة النساء والأطفال، لتقديم المساعدة الإنسانية والقانونية والمالية إلى الضحايا عن طريق المنظمات غير الحكومية.',
      '٤- وقدّمت المقررة الخاصة المعنية بالاتجار بالأشخاص، وخاصة النساء والأطفال، تقريرها إلى مجلس حقوق الإنسان في دورته الثالثة والعشرين، وتناولت فيه حق الضحايا في سبيل انتصاف فعال.',
      '٥- وتشير البيانات المتاحة إلى أن ٥٥ في المائة إلى ٦٠ في المائة من الضحايا الذين جرى التعرف عليهم من النساء، وأن نسبة الأطفال بينهم آخذة في الازدياد في عدد من المناطق.',
    ],
    footnotes: [],
  },
  {
    name: 'report-table',
    layout: 'table',
    header: ['المرفق', 'عدد الأنشطة المنفّذة حسب المنطقة'],
    blocks: [
      'يبيّن الجدول التالي الأنشطة التي نفّذها المكتب في عام 2012.',
      [
        ['المنطقة', 'حلقات العمل', 'المشاركون'],
        ['شمال أفريقيا', '٧', '١٢٠'],
        ['الشرق الأوسط', '٥', '٩٠'],
        ['شرق أفريقيا', '٣', '٤٥'],
      ],
      `٤- ويعتزم ${UNODC} توسيع هذه الأنشطة في عام 2013.`,
    ],
    footnotes: [],
  },
];

/** The source text as a reader reads the page: header, blocks (table rows right to left), footnotes. */
export function sourceText(s: Sample): string {
  const blocks = s.blocks.map((b) => (typeof b === 'string' ? b : b.map((row) => row.join('\t')).join('\n')));
  return [s.header.join('\n'), ...blocks, s.footnotes.join('\n')].filter(Boolean).join('\n\n') + '\n';
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Note references "(n)" become superscripts, as in a printed document. */
const withNotes = (t: string) => esc(t).replace(/\((\d)\)/g, '<sup>($1)</sup>');

export function sampleHtml(s: Sample): string {
  const blocks = s.blocks
    .map((b) =>
      typeof b === 'string'
        ? `<p>${withNotes(b)}</p>`
        : `<table>${b.map((row, i) => `<tr>${row.map((c) => (i ? `<td>${esc(c)}</td>` : `<th>${esc(c)}</th>`)).join('')}</tr>`).join('')}</table>`,
    )
    .join('\n');
  const [first, ...rest] = s.header;
  // The first header line is laid out as the UN masthead: name on the right, symbol on the left.
  const m = /^(.*?) ([A-Z][A-Z0-9./]+)$/.exec(first);
  const masthead = m ? `<div class="mast"><span>${esc(m[1])}</span>
<span dir="ltr">${esc(m[2])}</span></div>` : `<div class="h">${esc(first)}</div>`;
  const notes = s.footnotes.length ? `<div class="notes"><hr>${s.footnotes.map((f) => `<div>${withNotes(f).replace(/^<sup>(\(\d\))<\/sup>/, '$1')}</div>`).join('')}</div>` : '';
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${esc(s.name)}</title><style>
  @page { size: A4; margin: 2cm; }
  body { font-family: 'Noto Naskh Arabic', serif; font-size: 13pt; line-height: 1.6; }
  .mast { display: flex; justify-content: space-between; font-weight: bold; margin-bottom: 0.8em; }
  .h { font-weight: bold; margin-bottom: 0.8em; }
  .sub { margin: 0; }
  p { margin: 0 0 1em 0; text-align: justify; }
  main.columns { column-count: 2; column-gap: 2.5em; }
  table { border-collapse: collapse; margin: 1em 0; }
  td, th { border: 1px solid #444; padding: 8px 18px; }
  .notes { font-size: 10pt; margin-top: 3em; }
  </style></head><body>
  ${masthead}${rest.map((h) => `<div class="sub">${esc(h)}</div>`).join('')}<div style="height:1.2em"></div>
  <main class="${s.layout === 'columns' ? 'columns' : ''}">${blocks}</main>
  ${notes}
  </body></html>`;
}

/** A page whose only content is a picture of Arabic text (a scan: no text layer). */
export const SCAN_HTML = `<!doctype html><html><body><canvas id="c" width="900" height="300"></canvas><img id="i"><script>
const c = document.getElementById('c'); const g = c.getContext('2d');
g.fillStyle = '#fff'; g.fillRect(0, 0, 900, 300); g.fillStyle = '#000'; g.font = '40px "Noto Naskh Arabic"'; g.direction = 'rtl';
g.fillText('تقرير الأمين العام عن الاتجار بالأشخاص', 850, 120);
document.getElementById('i').src = c.toDataURL('image/png'); c.remove();
</script></body></html>`;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}

/** Prints HTML to a PDF (A4) with Chromium. */
export async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await page.close();
  }
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
/** A paragraph's runs, with "(n)" note references as real footnote references. */
const runs = (t: string) =>
  t.split(/\((\d)\)/).map((part, i) => (i % 2 ? `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${part}"/></w:r>` : part ? run(part) : '')).join('');

/**
 * A DOCX of the sample, written by hand: header part, body paragraphs (the paragraph numbers
 * "١-" as Word's automatic numbering when `autoNumber`), a table, footnotes in footnotes.xml.
 */
export function sampleDocx(s: Sample, autoNumber = false): Buffer {
  const body = s.blocks
    .map((b) => {
      if (typeof b !== 'string') {
        return `<w:tbl>${b.map((row) => `<w:tr>${row.map((c) => `<w:tc><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
      }
      const m = autoNumber ? /^[١٢٣٤٥٦٧٨٩]- (.*)$/.exec(b) : null;
      if (m) return `<w:p><w:pPr><w:bidi/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${runs(m[1])}</w:p>`;
      return `<w:p><w:pPr><w:bidi/></w:pPr>${runs(b)}</w:p>`;
    })
    .join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    'word/header1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}>${s.header.map((h) => `<w:p>${run(h)}</w:p>`).join('')}</w:hdr>`),
  };
  if (s.footnotes.length) {
    const notes = s.footnotes.map((f, i) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:footnoteRef/></w:r>${run(f.replace(/^\(\d\) /, ' '))}</w:p></w:footnote>`).join('');
    files['word/footnotes.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote>${notes}</w:footnotes>`,
    );
  }
  if (autoNumber) {
    // Numbering starts where the sample's first numbered paragraph does.
    const first = s.blocks.map((b) => (typeof b === 'string' ? /^([١٢٣٤٥٦٧٨٩])- /.exec(b)?.[1] : undefined)).find(Boolean) ?? '١';
    const start = first.charCodeAt(0) - 0x660;
    files['word/numbering.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="hindiNumbers"/><w:lvlText w:val="%1-"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    );
  }
  return Buffer.from(zipSync(files));
}

/** Whitespace runs as one space: what "the same text" means across formats. */
export const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();

/** Levenshtein distance / source length, over code points. */
export function charErrorRate(got: string, want: string): number {
  const a = [...got];
  const b = [...want];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] / Math.max(1, b.length);
}
