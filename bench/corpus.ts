/**
 * A realistic synthetic corpus, made on demand (nothing large in git): documents assembled from
 * the seeds' paragraphs, with a UN header (date, symbol, issuing body, session, agenda item,
 * title), countries swapped for others from the lexicon, years shifted, document and resolution
 * symbols renumbered, and one sentence naming lexicon organisations and countries, so that the
 * graph grows the way a real collection would (new countries, meetings, documents; the same
 * agencies again). Deterministic: document i is the same for a given seed whatever the size.
 *
 *   node dist/bench/corpus.js --docs 1000 [--seed 1] [--out bench/corpus/seed-1]
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadLexicon, packageRoot } from '../src/model';

export interface CorpusOptions {
  docs: number;
  seed?: number;
  /** Folder to write to (default bench/corpus/seed-<seed>, git-ignored). */
  out?: string;
}

export interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
}

/** mulberry32: small, fast, good enough for picking paragraphs (and for replayable random tests). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AR_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const toArabicDigits = (n: number | string) => String(n).replace(/[0-9]/g, (d) => AR_DIGITS[Number(d)]);
const toWestern = (s: string) => s.replace(/[٠-٩]/g, (d) => String(AR_DIGITS.indexOf(d)));

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS = ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة',
  'الحادية عشرة', 'الثانية عشرة', 'الثالثة عشرة', 'الرابعة عشرة', 'الخامسة عشرة', 'السادسة عشرة', 'السابعة عشرة', 'الثامنة عشرة', 'التاسعة عشرة', 'العشرون'];

/** Issuing bodies with the symbol family of their documents. */
const BODIES: { name: string; symbol: (session: number, year: number, k: number) => string }[] = [
  { name: 'مجلس حقوق الإنسان', symbol: (s, _y, k) => `A/HRC/${s}/${k}` },
  { name: 'الجمعية العامة', symbol: (s, _y, k) => `A/${s + 55}/${k}` },
  { name: 'المجلس الاقتصادي والاجتماعي', symbol: (_s, y, k) => `E/${y}/${k}` },
  { name: 'لجنة منع الجريمة والعدالة الجنائية', symbol: (_s, y, k) => `E/CN.15/${y}/${k}` },
  { name: 'مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية', symbol: (_s, y, k) => `CTOC/COP/${y}/${k}` },
];

const TITLES = [
  'الاتجار بالأشخاص، وبخاصة النساء والأطفال',
  'تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص',
  'الاتجار بالنساء والفتيات',
  'تنفيذ بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال',
  'تقرير الأمين العام عن تنفيذ تدابير التصدي للاتجار بالأشخاص',
  'أنشطة مكتب الأمم المتحدة المعني بالمخدرات والجريمة في مجال مكافحة الاتجار بالأشخاص',
];

/** Paragraphs of the seeds: blank-line blocks, long blocks cut before numbered paragraphs, numbers stripped. */
function seedParagraphs(): string[] {
  const dir = path.join(packageRoot(), 'seeds');
  const out: string[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const block of text.split(/\n\s*\n/)) {
      const pieces = block.length > 2500 ? block.split(/\s(?=[0-9٠-٩]{1,3}\s?-\s)/) : [block];
      for (const p of pieces) {
        const clean = p.replace(/^\s*[0-9٠-٩]{1,3}\s?-\s*/, '').replace(/\s+/g, ' ').trim();
        const arabic = (clean.match(/[\u0621-\u064a]/g) ?? []).length;
        if (clean.length >= 150 && clean.length <= 2500 && arabic > clean.length * 0.5) out.push(clean);
      }
    }
  }
  return out;
}

interface Pools {
  paragraphs: string[];
  countries: string[];
  agencies: string[];
  countryPattern: RegExp;
}

let pools: Pools | null = null;
function loadPools(): Pools {
  if (pools) return pools;
  const lexicon = loadLexicon();
  const countries = lexicon.filter((e) => e.type === 'Country' && e.nameAr && !e.ambiguousVariants?.includes(e.nameAr)).map((e) => e.nameAr);
  const agencies = lexicon.filter((e) => e.type === 'Agency' && e.nameAr).map((e) => e.nameAr);
  // Longest first so that "غينيا الاستوائية" wins over "غينيا".
  const names = [...new Set(countries)].filter((n) => n.length >= 4).sort((a, b) => b.length - a.length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  pools = { paragraphs: seedParagraphs(), countries, agencies, countryPattern: new RegExp(names.map(escape).join('|'), 'g') };
  return pools;
}

/** Document i of the corpus for `seed`. Pure. */
export function syntheticDocument(i: number, seed = 1): { file: string; text: string } {
  const p = loadPools();
  const r = rng(seed * 1_000_003 + i);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const year = 2000 + Math.floor(r() * 25);
  const shift = year - 2010;
  const session = 1 + Math.floor(r() * 20);
  const body = pick(BODIES);
  const symbol = body.symbol(session, year, 100 + i);
  const month = Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);

  const shiftYear = (y: string) => {
    const n = Math.min(2025, Math.max(1990, Number(toWestern(y)) + shift));
    return /[٠-٩]/.test(y) ? toArabicDigits(n) : String(n);
  };
  const vary = (text: string) =>
    text
      .replace(p.countryPattern, () => pick(p.countries))
      .replace(/(?<![0-9٠-٩/])(19[89][0-9]|20[0-2][0-9]|١٩[٨٩][٠-٩]|٢٠[٠-٢][٠-٩])(?![0-9٠-٩])/g, shiftYear)
      // Resolution and document numbers: 63/156, A/63/215, E/CN.15/2012/3 keep their shape, new numbers.
      .replace(/(?<=\/)([0-9]{1,3})(?=[/)\s,.،])/g, () => String(1 + Math.floor(r() * 80)));

  const count = 8 + Math.floor(r() * 23);
  const paragraphs: string[] = [];
  for (let n = 0; n < count; n++) paragraphs.push(vary(pick(p.paragraphs)));
  // One sentence that names lexicon entities, so new combinations (and relations) appear.
  const where = Math.floor(r() * paragraphs.length);
  paragraphs[where] += ` وشارك في الاجتماع ممثلو ${pick(p.countries)} و${pick(p.countries)}، إلى جانب ${pick(p.agencies)} و${pick(p.agencies)}.`;

  const header = [
    'Distr.: General',
    `${day} ${MONTHS_EN[month]} ${year}`,
    'Arabic',
    'Original: English',
    '',
    symbol,
    '',
    body.name,
    '',
    `الدورة ${ORDINALS[session - 1]}`,
    '',
    `البند ${toArabicDigits(1 + Math.floor(r() * 9))} من جدول الأعمال`,
    '',
    pick(TITLES),
    '',
    'تقرير من الأمانة',
    '',
  ].join('\n');
  const text = header + '\n' + paragraphs.map((t, n) => `${toArabicDigits(n + 1)} - ${t}`).join('\n\n') + '\n';
  return { file: `doc-${String(i).padStart(5, '0')}.txt`, text };
}

/** Writes documents 0..docs-1 (those not already there) and returns their paths, in order. */
export function ensureCorpus(opts: CorpusOptions): Corpus {
  const seed = opts.seed ?? 1;
  const dir = opts.out ?? path.join(packageRoot(), 'bench', 'corpus', `seed-${seed}`);
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < opts.docs; i++) {
    const name = `doc-${String(i).padStart(5, '0')}.txt`;
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, syntheticDocument(i, seed).text);
    bytes += fs.statSync(file).size;
    files.push(file);
  }
  return { dir, files, bytes };
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const docs = Number(arg(args, '--docs') ?? 100);
  if (!Number.isInteger(docs) || docs < 1) {
    console.error('usage: node dist/bench/corpus.js --docs N [--seed S] [--out DIR]');
    process.exit(2);
  }
  const c = ensureCorpus({ docs, seed: Number(arg(args, '--seed') ?? 1), out: arg(args, '--out') });
  console.log(`${c.files.length} documents, ${(c.bytes / 1e6).toFixed(1)} MB in ${c.dir}`);
}
